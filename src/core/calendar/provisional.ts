// The year after the last one entered, counted provisionally (暂定) until the State Council's schedule
// for it is entered. Pure.
import type { WorkCalendar } from './working-days.ts';
import { LUNAR_LAST_YEAR, statutoryHolidays } from './statutory-holidays.ts';

/**
 * The calendar with the year after the last one entered counted provisionally: weekends and every
 * statutory holiday of 《全国年节及纪念日放假办法》第二条 (元旦、春节、清明、劳动节、端午、中秋、国庆, the lunar
 * ones computed), without the 调休上班 days and 补假 that only the yearly notice fixes. The next year's
 * schedule is published in October–November (regulation notes §8); until an admin enters it, a
 * deadline that runs into January would otherwise have no date at all. Only that one year; callers mark
 * results that reach into it as 暂定.
 */
export function withProvisionalNextYear(cal: WorkCalendar): WorkCalendar {
  if (!cal.years.size) return cal;
  const next = Math.max(...cal.years) + 1;
  if (next > LUNAR_LAST_YEAR) return cal;
  const holidays = new Map(cal.holidays);
  for (const h of statutoryHolidays(next)) holidays.set(h.date, `${h.name}（暂定）`);
  return { ...cal, holidays, provisional: new Set([next]) };
}

// One provisional calendar per calendar object, so per-calendar caches (workdayIndex) are built once.
const memo = new WeakMap<WorkCalendar, WorkCalendar>();

/** withProvisionalNextYear, kept per calendar object. */
export function provisionalOnce(cal: WorkCalendar): WorkCalendar {
  let p = memo.get(cal);
  if (!p) memo.set(cal, (p = withProvisionalNextYear(cal)));
  return p;
}
