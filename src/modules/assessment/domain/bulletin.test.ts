import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftBulletin, nameList } from './bulletin.ts';
import { parsePeriod, type UnitScore } from './scoring.ts';

const ind = (name: string, weight: number, points: number, failed: number) => ({ code: name, name, weight, points, counted: failed + 1, failed, items: [], explanation: '' });
const SCORES: UnitScore[] = [
  { unitId: 1, unitName: '市教育局', total: 95, rank: 1, indicators: [ind('主动公开时效', 20, 20, 0), ind('网站监测', 80, 75, 1)] },
  { unitId: 2, unitName: '市民政局', total: 82.5, rank: 2, indicators: [ind('主动公开时效', 20, 12.5, 3), ind('网站监测', 80, 70, 2)] },
  { unitId: 3, unitName: '鹿城镇', total: 70, rank: 3, indicators: [ind('主动公开时效', 20, 10, 4), ind('网站监测', 80, 60, 4)] },
];

test('the draft names the units and what they lost points for', () => {
  const d = draftBulletin('楚雄市', parsePeriod('2026-Q3')!, SCORES);
  assert.equal(d.title, '关于楚雄市2026年第三季度政务公开工作考核情况的通报');
  // (95 + 82.5 + 70) / 3 = 82.5
  assert.match(d.overview, /全市平均得分82\.5分。市教育局得分最高（95分）；鹿城镇得分最低（70分）。90分以上的1个，80至90分的1个，80分以下的1个。/);
  const lines = d.problems.split('\n');
  // 网站监测: three units lost points; 主动公开时效: two (the first group is the larger).
  assert.equal(lines[0], '（一）网站监测方面。3个单位失分：鹿城镇（4项问题，失20分）、市民政局（2项问题，失10分）、市教育局（1项问题，失5分）。');
  assert.equal(lines[1], '（二）主动公开时效方面。2个单位失分：鹿城镇（4项问题，失10分）、市民政局（3项问题，失7.5分）。');
  assert.match(d.requirements, /^（一）抓好问题整改/);
});

test('no results, no problems', () => {
  assert.equal(draftBulletin('楚雄市', parsePeriod('2026-Q1')!, []).overview, '2026年第一季度尚无考核结果。');
});

test('long lists of units are cut with 等', () => {
  assert.equal(nameList(['甲', '乙', '丙'], 2), '甲、乙等3个单位');
  assert.equal(nameList(['甲', '乙'], 2), '甲、乙');
});
