import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReport, failing } from '../domain/checks.ts';
import { APPLICANT_TYPES } from '../domain/template.ts';
import { balancedS3, demoReports } from './reports.ts';

const UNITS = [
  { id: 1, name: '楚雄市人民政府', type: 'government', isRoot: true },
  { id: 2, name: '楚雄市财政局', type: 'department', isRoot: false },
  { id: 3, name: '楚雄市东瓜镇人民政府', type: 'township', isRoot: false },
];

describe('demo annual reports (补录)', () => {
  it('balances table 三 for any figures: 一 + 二 = （七） + 四 in every column', () => {
    const t = balancedS3(91, { person: 2, business: 1 }, { person: 3 });
    for (const c of [...APPLICANT_TYPES, 'total' as const]) assert.equal(t.new[c] + t.carried[c], t.total[c] + t.forward[c], c);
    assert.deepEqual([t.new.total, t.carried.total, t.forward.total, t.total.total], [91, 3, 3, 91]);
  });

  it('gives the city three years and every other unit the last one, each passing the publication checks', () => {
    const reports = demoReports(UNITS, 2026, '2026-11-26');
    assert.deepEqual(
      reports.map((r) => [r.unitId, r.year, r.publishedOn]),
      [
        [1, 2023, '2024-03-16'],
        [1, 2024, '2025-03-17'],
        [1, 2025, '2026-03-18'],
        [2, 2025, '2026-01-13'],
        [3, 2025, '2026-01-14'],
      ],
    );
    const byKey = new Map(reports.map((r) => [`${r.unitId}:${r.year}`, r]));
    for (const r of reports) {
      const prev = byKey.get(`${r.unitId}:${r.year - 1}`);
      assert.deepEqual(failing(checkReport({ year: r.year, tables: r.tables, previous: prev ? { year: prev.year, tables: prev.tables } : null, texts: r.texts })), [], `${r.unitId}/${r.year}`);
    }
    const city2025 = byKey.get('1:2025')!;
    assert.equal(city2025.tables.s3.new.total, 91, 'as the city’s published 2025 report says');
    assert.equal(city2025.tables.s3.forward.total, 0, 'nothing carried into the platform’s first year');
    assert.equal(byKey.get('1:2024')!.tables.s3.carried.total, byKey.get('1:2023')!.tables.s3.forward.total);
  });

  it('publishes nothing that would be dated today or later', () => {
    assert.deepEqual(
      demoReports(UNITS, 2026, '2026-01-14').map((r) => [r.unitId, r.year]),
      [
        [1, 2023],
        [1, 2024],
        [2, 2025],
      ],
    );
  });
});
