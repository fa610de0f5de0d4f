import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnitType, matchPublishers, publisherIndex, publisherProblems, publisherSegments, splitPublishers } from './publisher.ts';

// Names and short names as in the demo units (units/demo-data.ts).
const UNITS = [
  { id: 1, name: '楚雄市人民政府', shortName: '市政府' },
  { id: 7, name: '楚雄市财政局', shortName: '市财政局' },
  { id: 19, name: '楚雄州生态环境局楚雄分局', shortName: '生态环境楚雄分局' },
  { id: 21, name: '楚雄市鹿城镇人民政府', shortName: '鹿城镇' },
];
const INDEX = publisherIndex(UNITS);

describe('公开主体', () => {
  it('splits the bodies a cell names', () => {
    assert.deepEqual(splitPublishers('各预算部门（单位）、各乡镇人民政府'), ['各预算部门（单位）', '各乡镇人民政府']);
    assert.deepEqual(splitPublishers('楚雄市财政局及各主管部门'), ['楚雄市财政局', '各主管部门']);
    assert.deepEqual(splitPublishers('楚雄市人民政府；\n楚雄州生态环境局楚雄分局'), ['楚雄市人民政府', '楚雄州生态环境局楚雄分局']);
    assert.deepEqual(splitPublishers('农业和农村工作领导小组'), ['农业和农村工作领导小组'], '和 inside a name is kept');
  });

  it('links exact full and short names of the city’s units, in text order', () => {
    assert.deepEqual(matchPublishers('楚雄市财政局', INDEX).unitIds, [7]);
    assert.deepEqual(matchPublishers('生态环境楚雄分局、市财政局', INDEX).unitIds, [19, 7]);
    assert.deepEqual(matchPublishers('楚雄市财政局、市财政局', INDEX).unitIds, [7], 'each unit once');
    assert.deepEqual(matchPublishers('楚雄市 财政局', INDEX).unitIds, [7], 'spaces do not count');
    assert.deepEqual(matchPublishers('鹿城镇及各乡镇人民政府', INDEX).unitIds, [21]);
    assert.deepEqual(matchPublishers('财政局', INDEX).unitIds, [], 'no guessing: 财政局 is neither the name nor the short name');
  });

  it('tells unit types from unknown names', () => {
    for (const t of ['各乡镇人民政府', '市直各部门', '各预算部门（单位）', '各预算部门(单位)', '相关部门', '采购代理机构', '县直各单位']) assert.ok(isUnitType(t), t);
    for (const n of ['楚雄州生态环境局', '楚雄市统计局', '财政局']) assert.ok(!isUnitType(n), n);
  });

  it('recognises the role names real catalogs use, so they raise no warning', () => {
    const roles = ['应急管理部门', '县级人民政府民政部门', '乡镇人民政府（街道办事处）', '乡镇人民政府(街道办事处)', '县级人民政府', '教育行政部门', '村（居）民委员会', '村委会', '建设单位', '项目法人', '县级以上人民政府住房城乡建设主管部门'];
    for (const r of roles) assert.ok(isUnitType(r), r);
    for (const n of ['楚雄市应急管理局', '楚雄市民政局', '鹿城镇人民政府', '楚雄市人民政府办公室']) assert.ok(!isUnitType(n), n);
    const units = [{ id: 1, name: '楚雄市应急管理局', shortName: '市应急局' }];
    assert.deepEqual(publisherProblems([{ sourceRow: 4, publisherText: '应急管理部门、县级人民政府民政部门、乡镇人民政府（街道办事处）' }], units, 'H'), []);
    assert.deepEqual(matchPublishers('楚雄市财政局及各主管部门', INDEX).unknown, []);
    assert.deepEqual(matchPublishers('各预算部门（单位）、市直各部门、采购代理机构', INDEX).unknown, []);
    assert.deepEqual(matchPublishers('楚雄州生态环境局、楚雄市统计局、楚雄市人民政府', INDEX).unknown, ['楚雄州生态环境局', '楚雄市统计局']);
  });

  it('reports unknown names as warnings at their row and column', () => {
    assert.deepEqual(publisherProblems([{ sourceRow: 12, publisherText: '楚雄州生态环境局' }, { sourceRow: 13, publisherText: '楚雄市财政局' }], UNITS, 'H'), [
      {
        row: 12,
        column: 'H',
        message: '公开主体中的「楚雄州生态环境局」不是本市单位名录中的单位，也不是单位类别（如“各乡镇人民政府”），请核对名称；如为上级或其他机关，可忽略本提示',
        severity: 'warning',
      },
    ]);
  });

  it('cuts the text into parts with the linked units marked, keeping every character', () => {
    const text = '楚雄市财政局、各乡镇人民政府及生态环境楚雄分局';
    const parts = publisherSegments(text, INDEX, [7, 19]);
    assert.deepEqual(parts, [{ text: '楚雄市财政局', unitId: 7 }, { text: '、各乡镇人民政府及' }, { text: '生态环境楚雄分局', unitId: 19 }]);
    assert.equal(parts.map((p) => p.text).join(''), text);
    assert.deepEqual(publisherSegments(text, INDEX, []), [{ text }], 'only stored links are shown');
  });
});
