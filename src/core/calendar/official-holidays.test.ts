import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFFICIAL_YEARS } from './official-holidays.ts';
import { addCalendarDays, buildCalendar, dayInfo, isWorkingDay, weekdayOf } from './working-days.ts';

// chinese-days builds its tables by parsing strings as UTC and formatting them in local time, so
// west of UTC every date shifts by a day. Pin the platform zone before it loads (hence the dynamic import).
process.env.TZ = 'Asia/Shanghai';
// A CommonJS/UMD bundle: under ESM only its default export (module.exports) is available.
const { default: chineseDays } = await import('chinese-days');

const cal = buildCalendar(OFFICIAL_YEARS);

// Local-midnight Date: chinese-days reads the weekday with local getters.
function localDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

for (const year of [2024, 2025, 2026]) {
  test(`every day of ${year} agrees with chinese-days`, () => {
    const days = daysOf(year);
    assert.equal(days.length, year === 2024 ? 366 : 365);
    const disagreements: string[] = [];
    for (const d of days) {
      const ours = isWorkingDay(d, cal);
      const theirs = chineseDays.isWorkday(localDate(d));
      if (ours !== theirs) {
        disagreements.push(`${d}: ours ${ours ? '工作日' : '休息日'}, chinese-days ${theirs ? '工作日' : '休息日'} (${chineseDays.getDayDetail(localDate(d)).name})`);
      }
    }
    assert.deepEqual(disagreements, [], `${year} 有 ${disagreements.length} 天与 chinese-days 不一致:\n${disagreements.join('\n')}`);
  });

  test(`holiday and make-up names of ${year} match chinese-days`, () => {
    const mismatches: string[] = [];
    for (const d of daysOf(year)) {
      const info = dayInfo(d, cal);
      if (info.kind !== 'holiday' && info.kind !== 'workday') continue;
      // chinese-days names look like "National Day,国庆节,3"; ours may merge festivals ("国庆节、中秋节").
      const theirs = chineseDays.getDayDetail(localDate(d)).name.split(',')[1] ?? '';
      const stems = (info.name ?? '').split('、').map((s) => s.replace(/节$/, ''));
      if (!stems.some((s) => s !== '' && theirs.startsWith(s))) mismatches.push(`${d}: ours ${info.name}, chinese-days ${theirs}`);
    }
    assert.deepEqual(mismatches, [], mismatches.join('\n'));
  });
}

test('counts of 放假 and 调休上班 days per notice', () => {
  const expected: Record<number, { off: number; makeUp: number; source: string }> = {
    2024: { off: 28, makeUp: 8, source: '国办发明电〔2023〕7号' },
    2025: { off: 28, makeUp: 5, source: '国办发明电〔2024〕12号' },
    2026: { off: 33, makeUp: 6, source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）' },
  };
  assert.deepEqual(OFFICIAL_YEARS.map((y) => y.year), [2024, 2025, 2026]);
  for (const y of OFFICIAL_YEARS) {
    const e = expected[y.year];
    assert.ok(e, String(y.year));
    assert.equal(y.holidays.length, e.off, `${y.year} 放假天数`);
    assert.equal(y.workdays.length, e.makeUp, `${y.year} 调休上班天数`);
    assert.equal(y.source, e.source);
  }
});

test('the 2025 and 2026 make-up days are exactly those of the notices, all on weekends', () => {
  const makeUp = (year: number) => OFFICIAL_YEARS.find((y) => y.year === year)?.workdays.map((w) => w.date);
  assert.deepEqual(makeUp(2025), ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  assert.deepEqual(makeUp(2026), ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  for (const y of OFFICIAL_YEARS) {
    for (const w of y.workdays) assert.ok([0, 6].includes(weekdayOf(w.date)), w.date);
  }
});

test('holiday names use the statutory festival names', () => {
  const allowed = new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节']);
  for (const y of OFFICIAL_YEARS) {
    for (const day of [...y.holidays, ...y.workdays]) assert.ok(allowed.has(day.name), `${day.date} ${day.name}`);
  }
});
