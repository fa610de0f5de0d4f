import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../../../core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { buildStatistics, median, onTimeRate } from './public-statistics.ts';

const cal = buildCalendar(OFFICIAL_YEARS);

describe('public statistics of requests', () => {
  it('takes the median of odd and even counts', () => {
    assert.equal(median([]), null);
    assert.equal(median([7, 3, 20]), 7);
    assert.equal(median([4, 20, 3, 10]), 7);
  });

  it('counts received, answered, on time and the median working days, by unit and year of receipt', () => {
    const s = buildStatistics(
      [
        // 2025-09-22 + 20 working days = 2025-10-24 (the National Day week is skipped): answered on the last day.
        { unitId: 3, receivedOn: '2025-09-22', repliedOn: '2025-10-24', dueOn: '2025-10-24' },
        // 2025-01-20 → 2025-02-21 is also 20 working days, but the due date was 2025-02-20: late.
        { unitId: 3, receivedOn: '2025-01-20', repliedOn: '2025-02-21', dueOn: '2025-02-20' },
        // Answered the next working day (a Monday after a Friday receipt): 1 working day.
        { unitId: 3, receivedOn: '2025-12-05', repliedOn: '2025-12-08', dueOn: '2026-01-05' },
        // Still open: received, not answered.
        { unitId: 3, receivedOn: '2025-12-29', repliedOn: null, dueOn: '2026-01-27' },
        { unitId: 5, receivedOn: '2026-02-10', repliedOn: '2026-03-16', dueOn: '2026-03-16' },
        { unitId: 3, receivedOn: '2026-04-30', repliedOn: '2026-05-13', dueOn: '2026-05-29' },
      ],
      cal,
    );
    assert.deepEqual(s.years, [2026, 2025]);
    assert.deepEqual(s.rows, [
      { unitId: 3, year: 2026, received: 1, answered: 1, answeredOnTime: 1, medianWorkingDays: 7 },
      { unitId: 5, year: 2026, received: 1, answered: 1, answeredOnTime: 1, medianWorkingDays: 20 },
      { unitId: 3, year: 2025, received: 4, answered: 3, answeredOnTime: 2, medianWorkingDays: 20 },
    ]);
    assert.deepEqual(s.totals.get(2026), { received: 2, answered: 2, answeredOnTime: 2, medianWorkingDays: 13.5 });
    assert.equal(onTimeRate(s.rows[2]!), 66.7);
    assert.equal(onTimeRate({ received: 1, answered: 0, answeredOnTime: 0, medianWorkingDays: null }), null);
  });

  it('counts an answer in a year the calendar lacks, without a working-day figure', () => {
    const s = buildStatistics([{ unitId: 1, receivedOn: '2026-12-30', repliedOn: '2027-01-20', dueOn: '2027-01-28' }], cal);
    assert.deepEqual(s.rows[0], { unitId: 1, year: 2026, received: 1, answered: 1, answeredOnTime: 1, medianWorkingDays: null });
  });
});
