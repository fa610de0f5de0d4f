import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { publisherProblems, splitPublishers, unknownPublishers } from './publisher.ts';

const UNITS = new Set(['楚雄市人民政府', '楚雄市财政局', '财政局', '楚雄州生态环境局楚雄分局']);

describe('公开主体', () => {
  it('splits the bodies a cell names', () => {
    assert.deepEqual(splitPublishers('各预算部门（单位）、各乡镇人民政府'), ['各预算部门（单位）', '各乡镇人民政府']);
    assert.deepEqual(splitPublishers('楚雄市财政局及各主管部门'), ['楚雄市财政局', '各主管部门']);
    assert.deepEqual(splitPublishers('楚雄市人民政府；\n楚雄州生态环境局楚雄分局'), ['楚雄市人民政府', '楚雄州生态环境局楚雄分局']);
    assert.deepEqual(splitPublishers('农业和农村工作领导小组'), ['农业和农村工作领导小组'], '和 inside a name is kept');
  });

  it('flags a body that is not one of the city’s units, and lets categories pass', () => {
    assert.deepEqual(unknownPublishers('楚雄市财政局及各主管部门', UNITS), []);
    assert.deepEqual(unknownPublishers('各预算部门（单位）、采购代理机构', UNITS), []);
    assert.deepEqual(unknownPublishers('楚雄州生态环境局', UNITS), ['楚雄州生态环境局']);
    assert.deepEqual(unknownPublishers('楚雄市人民政府、楚雄市财政部', UNITS), [], '…部 is not read as a body name');
    assert.deepEqual(unknownPublishers('楚雄市财 政局、楚雄市统计局', UNITS), ['楚雄市统计局']);
  });

  it('reports unknown bodies as warnings at their row and column', () => {
    assert.deepEqual(publisherProblems([{ sourceRow: 12, publisherText: '楚雄州生态环境局' }, { sourceRow: 13, publisherText: '楚雄市财政局' }], [...UNITS], 'H'), [
      { row: 12, column: 'H', message: '公开主体中的「楚雄州生态环境局」不是本市单位名录中的单位，请核对名称；如为上级或其他机关，可忽略本提示', severity: 'warning' },
    ]);
  });
});
