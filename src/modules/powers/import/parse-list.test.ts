import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POWER_TYPES } from '../domain/power-list.ts';
import { parseList, parseSource } from './parse-list.ts';
import { writeListWorkbook } from './write-list.ts';
import { readXlsxGrid } from '../../catalog/index.ts';

const TYPES = DEFAULT_POWER_TYPES.map((t) => t.label);
const good = ['', '对擅自设置摊点的处罚', '', '行政处罚', '《城市市容和环境卫生管理条例》第三十六条', '鹿城镇人民政府', '', '公民、法人或其他组织', '1.立案责任：依法立案。2.决定责任：依法决定。', '滥用职权的', '《中华人民共和国行政处罚法》第七十六条', '市司法局监督', '行政复议或行政诉讼', '赋权（下放）', ''];

describe('权责清单 sheet import', () => {
  it('reads header variants and accounts for every row', () => {
    const grid = [
      ['鹿城镇权责清单（2023年版）', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['序号', '职权编码', '行政职权名称', '子项名称', '职权类别', '实施依据', '行使主体', '委托部门', '行使对象', '责任事项', '追责情形', '追责依据', '监督方式及电话', '救济渠道', '赋权方式', '备注'],
      ['1', ...good],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['3', '', '对乙的检查', '', '行政检查', '无依据', '鹿城镇人民政府', '', '法人', '1.检查责任：依法检查', 'x', 'y', 'z', 'w', '法定', ''],
      ['4', '', '对丙的许可', '', '行政审批', '《某条例》第三条', '鹿城镇人民政府', '', '法人', '1.受理责任：受理', 'x', 'y', 'z', 'w', '县级委托', ''],
      ['5', ...good],
    ];
    const p = parseList(grid, TYPES);
    assert.equal(p.headerRow, 2);
    assert.equal(p.dataRows, 4);
    assert.equal(p.blankRows, 1);
    assert.equal(p.rows[0]!.source, '下放');
    assert.deepEqual(p.rows[0]!.duties.map((d) => d.stage), ['立案责任', '决定责任']);
    assert.deepEqual(
      p.problems.map((x) => `${x.row}${x.column}: ${x.message}`),
      [
        '5F（设定依据）: 设定依据应写明法律法规名称（用书名号）及条款，如《中华人民共和国行政处罚法》第二十四条',
        '6E（职权类型）: 职权类型“行政审批”不在本市的职权类型列表中（行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政职权）',
        '6H（委托机关）: 委托实施的事项请填写委托机关',
        '7: 与第3行是同一事项（编码或名称、子项相同）',
      ],
    );
  });
  it('refuses a sheet without the header or the required columns', () => {
    assert.match(parseList([['a', 'b']], TYPES).problems[0]!.message, /没有找到表头/);
    assert.match(parseList([['职权名称', '职权类型']], TYPES).problems[0]!.message, /缺少必需的列：设定依据、实施主体/);
  });
  it('recognises the ways 来源 is written', () => {
    assert.deepEqual(['法定职权', '', '下放', '赋权', '委托', '县级委托', '划转'].map(parseSource), ['法定', '法定', '下放', '下放', '委托', '委托', undefined]);
  });
  it('an exported workbook reads back to the same rows', async () => {
    const first = parseList([['职权名称', '职权类型', '设定依据', '实施主体', '实施对象', '责任事项', '追责情形', '追责依据', '监督方式', '救济途径', '来源', '委托机关'], [good[1]!, good[3]!, good[4]!, good[5]!, good[7]!, good[8]!, good[9]!, good[10]!, good[11]!, good[12]!, '委托', '楚雄市综合行政执法局']], TYPES);
    assert.deepEqual(first.problems, []);
    const rows = first.rows.map(({ sourceRow: _r, ...row }) => row);
    const sheet = await readXlsxGrid(await writeListWorkbook('鹿城镇权责清单（2026年版）', rows));
    const again = parseList(sheet.grid, TYPES);
    assert.deepEqual(again.problems, []);
    assert.deepEqual(again.rows.map(({ sourceRow: _r, ...row }) => row), rows);
  });
});
