import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineLapsed } from './lapses.ts';

describe('deadlineLapsed (条例第三十条 补正; 国办函〔2020〕109号 缴费)', () => {
  const table: [deadline: string | null, today: string, lapsed: boolean, why: string][] = [
    ['2026-11-25', '2026-11-26', true, 'the day after the deadline'],
    ['2026-11-26', '2026-11-26', false, 'the deadline day still belongs to the applicant'],
    ['2026-11-27', '2026-11-26', false, 'before the deadline'],
    ['2026-11-20', '2026-11-26', true, 'several days late (the job did not run for a while)'],
    ['2026-12-31', '2027-01-01', true, 'across the year end'],
    ['2028-02-28', '2028-02-29', true, 'leap day'],
    ['2026-10-01', '2026-10-02', true, 'during the National Day holiday: calendar days, not working days'],
    [null, '2026-11-26', false, 'no deadline set'],
  ];
  for (const [deadline, today, lapsed, why] of table) {
    it(`${deadline ?? '(none)'} on ${today}: ${lapsed ? 'lapsed' : 'not lapsed'} — ${why}`, () => {
      assert.equal(deadlineLapsed(deadline, today), lapsed);
    });
  }
  it('refuses malformed dates instead of comparing strings', () => {
    assert.throws(() => deadlineLapsed('2026-11-5', '2026-11-26'), RangeError);
  });
});
