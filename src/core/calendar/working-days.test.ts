import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingDaysDetailed,
  buildCalendar,
  CalendarYearMissingError,
  dayInfo,
  isProvisionalDate,
  isValidIsoDate,
  isWorkingDay,
  weekdayOf,
  workingDaysBetween,
  type CalendarYearData,
} from './working-days.ts';
import { withProvisionalNextYear } from './provisional.ts';
import { OFFICIAL_YEARS } from './official-holidays.ts';

const cal = buildCalendar(OFFICIAL_YEARS);

// reference/regulation.md §1.9 worked examples (start day not counted), plus edge cases.
const dueCases: { start: string; n: number; due: string; why: string }[] = [
  { start: '2025-09-22', n: 7, due: '2025-09-30', why: '9-28 (Sun) is a make-up working day' },
  { start: '2025-09-22', n: 20, due: '2025-10-24', why: 'skips 国庆节、中秋节 10-01..10-08; 10-11 (Sat) works' },
  { start: '2025-01-20', n: 20, due: '2025-02-21', why: 'skips 春节 01-28..02-04; 01-26, 02-08 work' },
  { start: '2025-12-31', n: 20, due: '2026-01-29', why: 'crosses the year; 元旦 01-01..01-03, 01-04 works' },
  { start: '2026-02-10', n: 20, due: '2026-03-16', why: '春节 02-15..02-23; 02-14, 02-28 work' },
  { start: '2026-04-30', n: 7, due: '2026-05-13', why: '劳动节 05-01..05-05; 05-09 (Sat) works' },
  { start: '2026-09-18', n: 15, due: '2026-10-15', why: '中秋节, 国庆节; 09-20, 10-10 work' },
  { start: '2025-10-01', n: 0, due: '2025-10-01', why: 'n = 0 returns the start, even on a holiday' },
  { start: '2025-10-01', n: 1, due: '2025-10-09', why: 'received on a holiday: first working day after the block' },
  { start: '2025-09-26', n: 1, due: '2025-09-28', why: 'Friday + 1 lands on the make-up Sunday' },
  { start: '2025-09-30', n: 1, due: '2025-10-09', why: 'the last day never falls on a holiday (民法典 第二百零三条)' },
  { start: '2024-12-31', n: 1, due: '2025-01-02', why: '元旦 2025 is Wednesday only' },
];

for (const c of dueCases) {
  test(`addWorkingDays(${c.start}, ${c.n}) = ${c.due}: ${c.why}`, () => {
    assert.equal(addWorkingDays(c.start, c.n, cal), c.due);
    assert.equal(workingDaysBetween(c.start, c.due, cal), c.n);
  });
}

test('working days per year: 2024 = 251, 2025 = 248, 2026 = 248', () => {
  for (const [year, expected] of [[2024, 251], [2025, 248], [2026, 248]] as const) {
    assert.equal(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, cal), expected, String(year));
    let counted = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
      if (isWorkingDay(d, cal)) counted++;
    }
    assert.equal(counted, expected, String(year));
  }
});

const dayCases: { date: string; working: boolean; kind: string; name?: string }[] = [
  { date: '2025-09-29', working: true, kind: 'weekday' },
  { date: '2025-09-27', working: false, kind: 'weekend' },
  { date: '2025-09-28', working: true, kind: 'workday', name: '国庆节、中秋节' },
  { date: '2025-10-11', working: true, kind: 'workday', name: '国庆节、中秋节' },
  { date: '2025-02-08', working: true, kind: 'workday', name: '春节' },
  { date: '2026-02-14', working: true, kind: 'workday', name: '春节' },
  { date: '2026-02-28', working: true, kind: 'workday', name: '春节' },
  { date: '2026-05-09', working: true, kind: 'workday', name: '劳动节' },
  { date: '2024-05-11', working: true, kind: 'workday', name: '劳动节' },
  { date: '2025-10-04', working: false, kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-08', working: false, kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-01-01', working: false, kind: 'holiday', name: '元旦' },
  { date: '2026-02-23', working: false, kind: 'holiday', name: '春节' },
  { date: '2026-06-19', working: false, kind: 'holiday', name: '端午节' },
  { date: '2024-06-10', working: false, kind: 'holiday', name: '端午节' },
];

for (const c of dayCases) {
  test(`dayInfo(${c.date}) is ${c.kind}${c.name ? ` ${c.name}` : ''}`, () => {
    const expected = c.name === undefined
      ? { date: c.date, working: c.working, kind: c.kind }
      : { date: c.date, working: c.working, kind: c.kind, name: c.name };
    assert.deepEqual(dayInfo(c.date, cal), expected);
    assert.equal(isWorkingDay(c.date, cal), c.working);
  });
}

test('skipped days are listed with reasons (2026-04-30 + 7)', () => {
  assert.deepEqual(addWorkingDaysDetailed('2026-04-30', 7, cal), {
    start: '2026-04-30',
    days: 7,
    due: '2026-05-13',
    skipped: [
      { date: '2026-05-01', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-02', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-03', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-04', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-05', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-10', reason: '周末' },
    ],
  });
});

test('skipped list of 2025-09-22 + 7 holds only the Saturday', () => {
  const r = addWorkingDaysDetailed('2025-09-22', 7, cal);
  assert.equal(r.due, '2025-09-30');
  assert.deepEqual(r.skipped, [{ date: '2025-09-27', reason: '周末' }]);
});

test('a year with no data is refused, naming the year', () => {
  const cases: [string, () => unknown][] = [
    ['2027-12-20 + 20', () => addWorkingDays('2027-12-20', 20, cal)],
    ['2026-12-20 + 20 crosses into 2027', () => addWorkingDays('2026-12-20', 20, cal)],
    ['isWorkingDay 2027-01-04', () => isWorkingDay('2027-01-04', cal)],
    ['workingDaysBetween into 2027', () => workingDaysBetween('2026-12-01', '2027-01-31', cal)],
  ];
  for (const [label, fn] of cases) {
    assert.throws(fn, (err: unknown) => {
      assert.ok(err instanceof CalendarYearMissingError, label);
      assert.equal(err.year, 2027, label);
      assert.match(err.message, /2027 年/, label);
      return true;
    });
  }
  assert.throws(() => dayInfo('2023-12-29', cal), (err: unknown) =>
    err instanceof CalendarYearMissingError && err.year === 2023);
});

test('the year after the last one entered counts provisionally: weekends and the fixed-date holidays (放假办法 第二条)', () => {
  const prov = withProvisionalNextYear(cal);
  assert.deepEqual([...(prov.provisional ?? [])], [2027]);
  const cases: [start: string, days: number, due: string, provisional: boolean][] = [
    // Within 2026: the entered data, nothing provisional.
    ['2026-12-03', 20, '2026-12-31', false],
    // Sun 2026-12-20: 9 working days in December, 2027-01-01 元旦 skipped, then 11 → Mon 2027-01-18.
    ['2026-12-20', 20, '2027-01-18', true],
    ['2026-12-31', 20, '2027-01-29', true],
    // 劳动节 5月1日、2日 and 国庆节 10月1日至3日 are known without the notice.
    ['2027-04-29', 1, '2027-04-30', true],
    ['2027-04-30', 1, '2027-05-03', true],
    ['2027-09-30', 1, '2027-10-04', true],
  ];
  for (const [start, days, due, provisional] of cases) {
    assert.equal(addWorkingDays(start, days, prov), due, `${start} + ${days}`);
    assert.equal(isProvisionalDate(due, prov), provisional, due);
  }
  assert.equal(dayInfo('2027-01-01', prov).name, '元旦（暂定）');
  assert.equal(isProvisionalDate('2026-06-01', prov), false);
  // Only one year ahead: 2028 is still refused, and the strict calendar is unchanged.
  assert.throws(() => addWorkingDays('2027-12-20', 20, prov), (e: unknown) => e instanceof CalendarYearMissingError && e.year === 2028);
  assert.throws(() => addWorkingDays('2026-12-20', 20, cal), (e: unknown) => e instanceof CalendarYearMissingError && e.year === 2027);
  assert.equal(withProvisionalNextYear(buildCalendar([])).provisional, undefined);
});

test('the exact missing-year message', () => {
  assert.throws(() => addWorkingDays('2027-12-20', 20, cal), {
    name: 'CalendarYearMissingError',
    message: '工作日历缺少 2027 年的节假日安排，无法计算工作日。请系统管理员在“工作日历”中录入该年数据。',
  });
});

const badDates = ['2025-02-29', '2024-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-5', '20250105',
  '', ' 2025-01-01', '2025-01-01T00:00:00Z', '2025/01/01', '0000-01-01', 'abcd-ef-gh'];

test('malformed dates: isValidIsoDate is false and every function throws RangeError', () => {
  for (const d of badDates) {
    assert.equal(isValidIsoDate(d), false, d);
    assert.throws(() => addWorkingDays(d, 1, cal), RangeError, d);
    assert.throws(() => addWorkingDaysDetailed(d, 1, cal), RangeError, d);
    assert.throws(() => isWorkingDay(d, cal), RangeError, d);
    assert.throws(() => dayInfo(d, cal), RangeError, d);
    assert.throws(() => workingDaysBetween(d, '2025-01-01', cal), RangeError, d);
    assert.throws(() => workingDaysBetween('2025-01-01', d, cal), RangeError, d);
    assert.throws(() => addCalendarDays(d, 1), RangeError, d);
    assert.throws(() => weekdayOf(d), RangeError, d);
  }
  assert.throws(() => addWorkingDays('2025-02-29', 1, cal), { message: /格式不正确/ });
});

test('valid dates, leap years included', () => {
  for (const d of ['2024-02-29', '2000-02-29', '2025-12-31', '1970-01-01', '9999-12-31']) {
    assert.equal(isValidIsoDate(d), true, d);
  }
  assert.equal(isValidIsoDate('1900-02-29'), false);
});

test('working-day count must be a non-negative integer', () => {
  for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => addWorkingDays('2025-09-22', n, cal), RangeError, String(n));
    assert.throws(() => addWorkingDaysDetailed('2025-09-22', n, cal), RangeError, String(n));
  }
  assert.throws(() => addCalendarDays('2025-09-22', 0.5), RangeError);
});

const calendarDayCases: [string, number, string][] = [
  ['2024-02-28', 1, '2024-02-29'],
  ['2024-02-29', 1, '2024-03-01'],
  ['2025-02-28', 1, '2025-03-01'],
  ['2025-12-31', 1, '2026-01-01'],
  ['2000-03-01', -1, '2000-02-29'],
  ['1900-03-01', -1, '1900-02-28'],
  ['2025-09-22', 0, '2025-09-22'],
  ['2025-09-22', 365, '2026-09-22'],
];

for (const [date, n, expected] of calendarDayCases) {
  test(`addCalendarDays(${date}, ${n}) = ${expected}`, () => {
    assert.equal(addCalendarDays(date, n), expected);
  });
}

test('weekdayOf (0 = Sunday)', () => {
  const cases: [string, number][] = [
    ['1970-01-01', 4], ['2000-01-01', 6], ['2025-09-22', 1], ['2025-09-28', 0], ['2026-02-28', 6], ['2026-10-01', 4],
  ];
  for (const [d, w] of cases) assert.equal(weekdayOf(d), w, d);
});

test('calendar arithmetic agrees with UTC Date for 1900–2100', () => {
  let d = '1900-01-01';
  for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
    const utc = new Date(t);
    assert.equal(d, utc.toISOString().slice(0, 10));
    assert.equal(weekdayOf(d), utc.getUTCDay());
    d = addCalendarDays(d, 1);
  }
});

test('workingDaysBetween round-trips addWorkingDays for every start day of 2025', () => {
  for (let start = '2025-01-01'; start <= '2025-12-31'; start = addCalendarDays(start, 1)) {
    for (const n of [0, 1, 2, 7, 15, 20, 40]) {
      assert.equal(workingDaysBetween(start, addWorkingDays(start, n, cal), cal), n, `${start} + ${n}`);
    }
  }
});

test('workingDaysBetween is 0 when b <= a and counts (a, b]', () => {
  assert.equal(workingDaysBetween('2025-09-30', '2025-09-22', cal), 0);
  assert.equal(workingDaysBetween('2025-09-22', '2025-09-22', cal), 0);
  assert.equal(workingDaysBetween('2025-09-22', '2025-09-23', cal), 1);
  assert.equal(workingDaysBetween('2025-09-30', '2025-10-08', cal), 0);
  assert.equal(workingDaysBetween('2025-09-30', '2025-10-09', cal), 1);
});

test('buildCalendar rejects inconsistent data', () => {
  const base: CalendarYearData = { year: 2030, holidays: [], workdays: [], source: 'test' };
  const bad: [string, CalendarYearData[]][] = [
    ['duplicate year', [base, base]],
    ['holiday outside its year', [{ ...base, holidays: [{ date: '2031-01-01', name: '元旦' }] }]],
    ['malformed holiday date', [{ ...base, holidays: [{ date: '2030-02-30', name: '春节' }] }]],
    ['make-up day on a weekday', [{ ...base, workdays: [{ date: '2030-01-02', name: '元旦' }] }]],
    ['day both off and working', [{
      ...base,
      holidays: [{ date: '2030-01-05', name: '元旦' }],
      workdays: [{ date: '2030-01-05', name: '元旦' }],
    }]],
    ['duplicate holiday', [{
      ...base,
      holidays: [{ date: '2030-01-01', name: '元旦' }, { date: '2030-01-01', name: '元旦' }],
    }]],
    ['non-integer year', [{ ...base, year: 2030.5 }]],
  ];
  for (const [label, years] of bad) assert.throws(() => buildCalendar(years), RangeError, label);
});

test('an admin-entered year extends the calendar', () => {
  const extended = buildCalendar([
    ...OFFICIAL_YEARS,
    { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [], source: '管理员录入' },
  ]);
  assert.equal(isWorkingDay('2027-01-01', extended), false);
  assert.equal(addWorkingDays('2026-12-31', 1, extended), '2027-01-04');
  assert.equal(extended.sources.get(2027), '管理员录入');
});
