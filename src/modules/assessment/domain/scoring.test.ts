import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INDICATORS, parsePeriod, problemsOf, rankUnits, scoreUnit, validateIndicators, type Evidence, type Indicator, type UnitFacts } from './scoring.ts';

// A small table whose points are worked out by hand below.
function pick(o: unknown, like: object): object {
  return Object.fromEntries(Object.keys(like).map((k) => [k, (o as Record<string, unknown>)[k]]));
}

const TABLE: Indicator[] = [
  { code: 'timeliness', name: '主动公开时效', weight: 20, method: 'ratio', deduct: 0, source: 'timeliness', rule: '' },
  { code: 'monitor', name: '网站监测', weight: 10, method: 'deduct', deduct: 2, source: 'monitor', rule: '' },
  { code: 'training', name: '培训', weight: 5, method: 'manual', deduct: 0, source: 'manual', rule: '' },
  { code: 'messages', name: '互动交流按期答复', weight: 65, method: 'ratio', deduct: 0, source: 'messages_on_time', rule: '' },
];

const items = (ok: number, bad: number, prefix = 'x', veto = false): Evidence[] => [
  ...Array.from({ length: ok }, (_, i) => ({ key: `${prefix}ok${i}`, label: `合格${i}`, ok: true, note: '按时' })),
  ...Array.from({ length: bad }, (_, i) => ({ key: `${prefix}bad${i}`, label: `问题${i}`, ok: false, note: '超期', veto })),
];

const facts = (unitId: number, f: Partial<UnitFacts>): UnitFacts => ({ unitId, unitName: `单位${unitId}`, evidence: {}, manual: {}, waived: new Set(), ...f });

const UNITS: UnitFacts[] = [
  // 20 × 2/3 = 13.33; 10 − 2 × 2 = 6; entered 4; no message counted → 65. Total 88.33.
  facts(1, { evidence: { timeliness: items(2, 1), monitor: items(0, 2) }, manual: { training: { points: 4, note: '参加市级培训2次' } } }),
  // 20; one single-veto finding → 0; nothing entered → 0; 3 on time + 1 late whose objection was accepted → 65. Total 85.
  facts(2, { evidence: { timeliness: items(4, 0), monitor: items(0, 1, 'm', true), messages_on_time: items(3, 1, 'q') }, waived: new Set(['messages:qbad0']) }),
  // 20 × 1/2 = 10; no finding → 10; 5; 65 × 3/4 = 48.75. Total 73.75.
  facts(3, { evidence: { timeliness: items(1, 1), messages_on_time: items(3, 1) }, manual: { training: { points: 5, note: '' } } }),
  // nothing published → 20; 6 findings → 10 − 12, not below 0 → 0; 0; 4/4 → 65. Total 85.
  facts(4, { evidence: { monitor: items(0, 6), messages_on_time: items(4, 0) } }),
];

describe('scoring (hand-worked fixture)', () => {
  const ranked = rankUnits(UNITS.map((u) => scoreUnit(TABLE, u)));
  const byUnit = new Map(ranked.map((s) => [s.unitId, s]));

  it('gives each unit the points worked out by hand', () => {
    assert.deepEqual(byUnit.get(1)!.indicators.map((i) => i.points), [13.33, 6, 4, 65]);
    assert.equal(byUnit.get(1)!.total, 88.33);
    assert.deepEqual(byUnit.get(2)!.indicators.map((i) => i.points), [20, 0, 0, 65]);
    assert.equal(byUnit.get(2)!.total, 85);
    assert.deepEqual(byUnit.get(3)!.indicators.map((i) => i.points), [10, 10, 5, 48.75]);
    assert.equal(byUnit.get(3)!.total, 73.75);
    assert.deepEqual(byUnit.get(4)!.indicators.map((i) => i.points), [20, 0, 0, 65]);
  });

  it('ranks with shared places for equal totals', () => {
    assert.deepEqual(ranked.map((s) => [s.unitId, s.rank]), [
      [1, 1],
      [2, 2],
      [4, 2],
      [3, 4],
    ]);
  });

  it('explains each number by the items it counted', () => {
    const t = byUnit.get(1)!.indicators[0]!;
    assert.equal(t.counted, 3);
    assert.equal(t.failed, 1);
    assert.deepEqual(t.items.map((i) => i.key), ['xok0', 'xok1', 'xbad0']);
    assert.equal(t.explanation, '2 / 3 项合格，20 × 2 ÷ 3 = 13.33 分');
    const m = byUnit.get(2)!.indicators[3]!;
    assert.equal(m.items.find((i) => i.key === 'qbad0')!.waived, true);
    assert.ok((m.explanation).includes('异议成立 1 项'));
    assert.ok((byUnit.get(2)!.indicators[1]!.explanation).includes('单项否决'));
    assert.equal(byUnit.get(4)!.indicators[2]!.explanation, '未录入，得0分');
  });

  it('lists the problems for the 通报', () => {
    const p = problemsOf(byUnit.get(3)!);
    assert.deepEqual(p.map((x) => [x.indicator, x.lost]), [
      ['主动公开时效', 10],
      ['互动交流按期答复', 16.25],
    ]);
    assert.deepEqual(p[0]!.items, ['问题0（超期）']);
  });
});

describe('indicator table', () => {
  it('the defaults sum to 100 and pass', () => {
    assert.equal(DEFAULT_INDICATORS.reduce((a, i) => a + i.weight, 0), 100);
    assert.deepEqual(validateIndicators(DEFAULT_INDICATORS), {});
  });
  it('refuses weights that do not sum to 100, in Chinese', () => {
    const t = DEFAULT_INDICATORS.map((i, n) => (n === 0 ? { ...i, weight: 19 } : i));
    assert.equal(validateIndicators(t).weights, '各项分值合计应为100分，现为99分');
  });
  it('refuses an empty name and a manual method on a measured source', () => {
    const t = DEFAULT_INDICATORS.map((i, n) => (n === 1 ? { ...i, name: ' ', method: 'manual' as const } : i));
    assert.deepEqual(validateIndicators(t), { 'name.1': '请填写指标名称', 'method.1': '人工评分的指标数据来源应为“人工录入”' });
  });
});

describe('periods', () => {
  it('quarters and years', () => {
    assert.deepEqual(pick(parsePeriod('2026-Q1'), { from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' }), { from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' });
    assert.equal(parsePeriod('2024-Q1')!.to, '2024-03-31');
    assert.deepEqual(pick(parsePeriod('2026-Q4'), { from: '2026-10-01', to: '2026-12-31' }), { from: '2026-10-01', to: '2026-12-31' });
    assert.deepEqual(pick(parsePeriod('2026'), { from: '2026-01-01', to: '2026-12-31', quarter: null, label: '2026年度' }), { from: '2026-01-01', to: '2026-12-31', quarter: null, label: '2026年度' });
    assert.equal(parsePeriod('2026-Q5'), null);
    assert.equal(parsePeriod('x'), null);
  });
});
