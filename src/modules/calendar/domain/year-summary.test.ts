import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar, type CalendarYearData } from '../../../core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { arrangementsOf, computeDue, daysInRange, diffYear, hasChanges, workingDaysInYear, yearsOfCalendar } from './year-summary.ts';

const y2025 = OFFICIAL_YEARS.find((y) => y.year === 2025)!;
const y2026 = OFFICIAL_YEARS.find((y) => y.year === 2026)!;

describe('workingDaysInYear', () => {
  it('counts 248 working days in 2025 and in 2026, 251 in 2024', () => {
    assert.equal(workingDaysInYear(y2025), 248);
    assert.equal(workingDaysInYear(y2026), 248);
    // 2024: 262 weekdays − 19 放假 weekdays + 8 调休上班 weekend days.
    assert.equal(workingDaysInYear(OFFICIAL_YEARS.find((y) => y.year === 2024)!), 251);
  });
});

describe('computeDue', () => {
  const cal = buildCalendar(OFFICIAL_YEARS);
  it('gives the due date of the regulation example', () => {
    const r = computeDue('2025-09-22', 20, cal);
    assert.ok(r.ok);
    assert.equal(r.result.due, '2025-10-24');
  });
  it('refuses a year without data, naming it', () => {
    const r = computeDue('2026-12-25', 10, cal);
    assert.deepEqual(r.ok ? null : [r.reason, r.ok === false && r.reason === 'year_missing' ? r.year : 0], ['year_missing', 2027]);
  });
  it('reports the end of the supported range as out of range', () => {
    const r = computeDue('9999-12-31', 1, buildCalendar([{ year: 9999, source: 'x', holidays: [], workdays: [] }]));
    assert.equal(r.ok ? 'ok' : r.reason, 'out_of_range');
  });
});

describe('daysInRange', () => {
  it('counts both ends and stops at the limit', () => {
    assert.equal(daysInRange('2026-01-01', '2026-01-31', 366), 31);
    assert.equal(daysInRange('2026-01-01', '2026-01-01', 366), 1);
    assert.equal(daysInRange('2024-01-01', '2024-12-31', 366), 366);
    assert.equal(daysInRange('2024-01-01', '2025-01-01', 366), undefined);
  });
});

describe('diffYear', () => {
  it('treats a year not stored yet as all added', () => {
    const after: CalendarYearData = { year: 2027, source: '国办发明电〔2026〕1号', holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] };
    const d = diffYear(undefined, after);
    assert.equal(d.isNew, true);
    assert.deepEqual(d.added, [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    assert.equal(d.workingDaysBefore, null);
    // 2027 has 261 weekdays; 元旦 (a Friday) takes one.
    assert.equal(d.workingDaysAfter, 260);
    assert.equal(hasChanges(d), true);
  });

  it('lists added, removed and changed days of a correction', () => {
    const after: CalendarYearData = {
      ...y2026,
      source: y2026.source,
      // 劳动节 shortened by one day, a 调休 Saturday turned into 放假, and a new make-up day.
      holidays: [...y2026.holidays.filter((d) => d.date !== '2026-05-05'), { date: '2026-09-20', name: '国庆节' }],
      workdays: [...y2026.workdays.filter((d) => d.date !== '2026-09-20'), { date: '2026-12-26', name: '元旦' }],
    };
    const d = diffYear(y2026, after);
    assert.deepEqual(d.added, [{ date: '2026-12-26', kind: 'workday', name: '元旦' }]);
    assert.deepEqual(d.removed, [{ date: '2026-05-05', kind: 'holiday', name: '劳动节' }]);
    assert.deepEqual(d.changed, [
      { date: '2026-09-20', before: { date: '2026-09-20', kind: 'workday', name: '国庆节' }, after: { date: '2026-09-20', kind: 'holiday', name: '国庆节' } },
    ]);
    // +1 for 2026-05-05 (a Tuesday) back to work, +1 for the Saturday 12-26, -1 for the Sunday 09-20.
    assert.equal(d.workingDaysBefore, 248);
    assert.equal(d.workingDaysAfter, 249);
    assert.equal(d.unchanged, y2026.holidays.length + y2026.workdays.length - 2);
  });

  it('sees no change in identical data, and a change of source alone', () => {
    assert.equal(hasChanges(diffYear(y2026, { ...y2026 })), false);
    assert.equal(hasChanges(diffYear(y2026, { ...y2026, source: '国办发明电〔2025〕7号' })), true);
  });
});

describe('arrangementsOf', () => {
  it('groups 2025 by festival with ranges and make-up days', () => {
    const a = arrangementsOf(y2025);
    assert.deepEqual(
      a.map((f) => f.name),
      ['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节'],
    );
    assert.deepEqual(a[1], { name: '春节', holidays: [{ from: '2025-01-28', to: '2025-02-04', days: 8 }], holidayDays: 8, workdays: ['2025-01-26', '2025-02-08'] });
    assert.deepEqual(a[5], {
      name: '国庆节、中秋节',
      holidays: [{ from: '2025-10-01', to: '2025-10-08', days: 8 }],
      holidayDays: 8,
      workdays: ['2025-09-28', '2025-10-11'],
    });
  });

  it('splits a festival whose 放假 days are not consecutive', () => {
    const a = arrangementsOf({ year: 2027, source: 's', holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-03', name: '元旦' }], workdays: [] });
    assert.deepEqual(a[0]!.holidays, [
      { from: '2027-01-01', to: '2027-01-01', days: 1 },
      { from: '2027-01-03', to: '2027-01-03', days: 1 },
    ]);
  });
});

describe('yearsOfCalendar', () => {
  it('gives back the stored years, newest first', () => {
    const ys = yearsOfCalendar(buildCalendar(OFFICIAL_YEARS));
    assert.deepEqual(
      ys.map((y) => y.year),
      [2026, 2025, 2024],
    );
    assert.deepEqual(ys[0], y2026);
  });
});
