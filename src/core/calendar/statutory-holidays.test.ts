import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lunarToSolar, qingmingDay, statutoryHolidays } from './statutory-holidays.ts';
import { withProvisionalNextYear } from './provisional.ts';
import { addWorkingDays, buildCalendar, dayInfo, isProvisionalDate } from './working-days.ts';
import { OFFICIAL_YEARS } from './official-holidays.ts';

// Hand-worked from the published lunar calendars: 2027 正月初一 Sat 6 Feb (除夕 Fri 5 Feb), 端午 Wed 9 Jun,
// 中秋 Wed 15 Sep; 清明 [27×0.2422+4.81] − [27/4] = 11 − 6 = 5 April. 2028 正月初一 Wed 26 Jan (除夕 Tue 25 Jan),
// 端午 Sun 28 May (a leap fifth month follows; the festival is in the ordinary one), 中秋 Tue 3 Oct — the
// third day of 国庆节, so 2028 has 12 distinct holidays; 清明 [28×0.2422+4.81] − [28/4] = 11 − 7 = 4 April.
test('the statutory holidays of 2027 and 2028 (放假办法 第二条), lunar ones computed', () => {
  assert.deepEqual(statutoryHolidays(2027), [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
    { date: '2027-04-05', name: '清明节' },
    { date: '2027-05-01', name: '劳动节' },
    { date: '2027-05-02', name: '劳动节' },
    { date: '2027-06-09', name: '端午节' },
    { date: '2027-09-15', name: '中秋节' },
    { date: '2027-10-01', name: '国庆节' },
    { date: '2027-10-02', name: '国庆节' },
    { date: '2027-10-03', name: '国庆节' },
  ]);
  assert.deepEqual(statutoryHolidays(2028), [
    { date: '2028-01-01', name: '元旦' },
    { date: '2028-01-25', name: '春节' },
    { date: '2028-01-26', name: '春节' },
    { date: '2028-01-27', name: '春节' },
    { date: '2028-01-28', name: '春节' },
    { date: '2028-04-04', name: '清明节' },
    { date: '2028-05-01', name: '劳动节' },
    { date: '2028-05-02', name: '劳动节' },
    { date: '2028-05-28', name: '端午节' },
    { date: '2028-10-01', name: '国庆节' },
    { date: '2028-10-02', name: '国庆节' },
    { date: '2028-10-03', name: '国庆节、中秋节' },
  ]);
  assert.equal(lunarToSolar(2033, 1, 1), '2033-01-31');
  assert.equal(qingmingDay(2026), '2026-04-05');
  assert.throws(() => qingmingDay(2100), RangeError);
});

test('every computed holiday of 2025 and 2026 is a holiday in the State Council’s notices', () => {
  const official = buildCalendar(OFFICIAL_YEARS);
  for (const year of [2025, 2026]) {
    const hs = statutoryHolidays(year);
    assert.equal(hs.length, 13, `${year}: 13 days, none shared`);
    for (const h of hs) assert.equal(dayInfo(h.date, official).kind, 'holiday', `${h.date} ${h.name}`);
  }
});

test('agrees with chinese-days’ own lunar and solar-term dates for 2025–2099', async () => {
  // Its string-returning functions format in the host zone (a day early west of UTC): pin the platform's zone.
  process.env.TZ = 'Asia/Shanghai';
  const { default: cd } = await import('chinese-days');
  for (let y = 2025; y <= 2099; y++) {
    assert.equal(lunarToSolar(y, 1, 1), cd.getSolarDateFromLunar(`${y}-01-01`).date, `${y} 春节`);
    assert.equal(lunarToSolar(y, 5, 5), cd.getSolarDateFromLunar(`${y}-05-05`).date, `${y} 端午`);
    assert.equal(lunarToSolar(y, 8, 15), cd.getSolarDateFromLunar(`${y}-08-15`).date, `${y} 中秋`);
    assert.equal(qingmingDay(y), cd.getSolarTermDate(y, 4, 'pure_brightness'), `${y} 清明`);
  }
});

test('a provisional year counts every statutory holiday, no 调休, and is labelled 暂定', () => {
  const prov = withProvisionalNextYear(buildCalendar(OFFICIAL_YEARS));
  assert.deepEqual([...(prov.provisional ?? [])], [2027]);
  const cases: [start: string, days: number, due: string][] = [
    // Thu 4 Feb 2027 + 1: 除夕 Fri 5, Sat 6, Sun 7, 初三 Mon 8 → Tue 9 Feb.
    ['2027-02-04', 1, '2027-02-09'],
    // Fri 2 Apr + 1: weekend, 清明 Mon 5 → Tue 6 Apr.
    ['2027-04-02', 1, '2027-04-06'],
    // Tue 8 Jun + 1: 端午 Wed 9 → Thu 10 Jun; Tue 14 Sep + 1: 中秋 Wed 15 → Thu 16 Sep.
    ['2027-06-08', 1, '2027-06-10'],
    ['2027-09-14', 1, '2027-09-16'],
    // Mon 1 Feb + 20: Tue 2–Thu 4 (3), the 春节 block, 9–12 Feb (7), 15–19 (12), 22–26 (17), Mon 1–Wed 3 Mar (20).
    ['2027-02-01', 20, '2027-03-03'],
  ];
  for (const [start, days, due] of cases) {
    assert.equal(addWorkingDays(start, days, prov), due, `${start} + ${days}`);
    assert.ok(isProvisionalDate(due, prov));
  }
  assert.equal(dayInfo('2027-02-05', prov).name, '春节（暂定）');
  // No make-up working day is guessed: Sat 2027-02-20 stays a weekend.
  assert.equal(dayInfo('2027-02-20', prov).kind, 'weekend');

  // With 2027 entered, 2028 is the provisional year.
  const with2027 = withProvisionalNextYear(buildCalendar([...OFFICIAL_YEARS, { year: 2027, holidays: statutoryHolidays(2027), workdays: [], source: '测试' }]));
  // Mon 24 Jan 2028 + 1: 除夕 Tue 25 … 初三 Fri 28, weekend → Mon 31 Jan. Fri 29 Sep + 1: weekend, 2 and 3 Oct → Wed 4 Oct.
  assert.equal(addWorkingDays('2028-01-24', 1, with2027), '2028-01-31');
  assert.equal(addWorkingDays('2028-09-29', 1, with2027), '2028-10-04');
  assert.equal(dayInfo('2028-10-03', with2027).name, '国庆节、中秋节（暂定）');
});
