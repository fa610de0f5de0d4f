import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { missingYearWarnings } from './reminders.ts';

describe('missingYearWarnings', () => {
  const cases: { today: string; years: number[]; count: number; mentions?: string }[] = [
    { today: '2026-10-31', years: [2024, 2025, 2026], count: 0 },
    { today: '2026-11-01', years: [2024, 2025, 2026], count: 1, mentions: '2027年' },
    { today: '2026-12-31', years: [2024, 2025, 2026], count: 1, mentions: '2027年' },
    { today: '2026-11-26', years: [2025, 2026, 2027], count: 0 },
    { today: '2027-01-04', years: [2025, 2026], count: 1, mentions: '2027年' },
  ];
  for (const c of cases) {
    it(`${c.today} with ${c.years.join(',')} → ${c.count} warning(s)`, () => {
      const w = missingYearWarnings(c.today, c.years);
      assert.equal(w.length, c.count);
      if (c.mentions) assert.match(w[0]!, new RegExp(c.mentions));
    });
  }
});
