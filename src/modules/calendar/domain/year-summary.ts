// Summaries of calendar years: working-day counts, what an edit changes, and the public view of the
// 放假/调休 arrangements. Pure.
import {
  addCalendarDays,
  addWorkingDaysDetailed,
  buildCalendar,
  CalendarYearMissingError,
  workingDaysBetween,
  type CalendarYearData,
  type WorkCalendar,
  type WorkingDaysResult,
} from '../../../core/calendar/working-days.ts';
import { scheduleEntries, type ScheduleEntry } from './schedule-text.ts';

// 《民法典》第二百零一条: 开始的当日不计入，自下一日开始计算.
export const START_DAY_RULE = '起算日不计入（《民法典》第二百零一条）';

/** Longest period the calculator accepts: 20 + 20 working days, with much room for other rules. */
export const MAX_WORKING_DAYS = 400;
/** Longest range of the day-by-day calendar: a (leap) year. */
export const MAX_RANGE_DAYS = 366;

/** Working days of one year, from its own data alone. */
export function workingDaysInYear(data: CalendarYearData): number {
  return workingDaysBetween(`${data.year - 1}-12-31`, `${data.year}-12-31`, buildCalendar([data]));
}

export type DueComputation =
  | { ok: true; result: WorkingDaysResult }
  | { ok: false; reason: 'year_missing'; year: number; message: string }
  | { ok: false; reason: 'out_of_range'; message: string };

/** The due date, or why it cannot be computed (a year without data is refused, never guessed). */
export function computeDue(start: string, days: number, cal: WorkCalendar): DueComputation {
  try {
    return { ok: true, result: addWorkingDaysDetailed(start, days, cal) };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { ok: false, reason: 'year_missing', year: e.year, message: e.message };
    if (e instanceof RangeError) return { ok: false, reason: 'out_of_range', message: e.message };
    throw e;
  }
}

/** Inclusive number of days from `from` to `to`, or undefined when it exceeds `limit`. */
export function daysInRange(from: string, to: string, limit: number): number | undefined {
  let n = 1;
  for (let d = from; d < to; d = addCalendarDays(d, 1)) {
    if (++n > limit) return undefined;
  }
  return n;
}

export interface ChangedDay {
  date: string;
  before: ScheduleEntry;
  after: ScheduleEntry;
}

export interface YearDiff {
  year: number;
  isNew: boolean;
  added: ScheduleEntry[];
  removed: ScheduleEntry[];
  changed: ChangedDay[];
  unchanged: number;
  sourceBefore: string | null;
  sourceAfter: string;
  holidaysBefore: number | null;
  holidaysAfter: number;
  workdaysBefore: number | null;
  workdaysAfter: number;
  workingDaysBefore: number | null;
  workingDaysAfter: number;
}

/** What saving `after` would change compared with the stored year (undefined: a new year). */
export function diffYear(before: CalendarYearData | undefined, after: CalendarYearData): YearDiff {
  const old = new Map((before ? scheduleEntries(before) : []).map((e) => [e.date, e]));
  const added: ScheduleEntry[] = [];
  const changed: ChangedDay[] = [];
  let unchanged = 0;
  for (const e of scheduleEntries(after)) {
    const o = old.get(e.date);
    if (!o) added.push(e);
    else if (o.kind !== e.kind || o.name !== e.name) changed.push({ date: e.date, before: o, after: e });
    else unchanged++;
    old.delete(e.date);
  }
  return {
    year: after.year,
    isNew: !before,
    added,
    removed: [...old.values()],
    changed,
    unchanged,
    sourceBefore: before?.source ?? null,
    sourceAfter: after.source,
    holidaysBefore: before ? before.holidays.length : null,
    holidaysAfter: after.holidays.length,
    workdaysBefore: before ? before.workdays.length : null,
    workdaysAfter: after.workdays.length,
    workingDaysBefore: before ? workingDaysInYear(before) : null,
    workingDaysAfter: workingDaysInYear(after),
  };
}

export function hasChanges(d: YearDiff): boolean {
  return d.isNew || d.added.length > 0 || d.removed.length > 0 || d.changed.length > 0 || d.sourceBefore !== d.sourceAfter;
}

/** The per-year data held by a built calendar, newest year first. */
export function yearsOfCalendar(cal: WorkCalendar): CalendarYearData[] {
  const pick = (m: ReadonlyMap<string, string>, year: number) =>
    [...m]
      .filter(([date]) => Number(date.slice(0, 4)) === year)
      .map(([date, name]) => ({ date, name }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  return [...cal.years]
    .sort((a, b) => b - a)
    .map((year) => ({ year, source: cal.sources.get(year) ?? '', holidays: pick(cal.holidays, year), workdays: pick(cal.workdays, year) }));
}

export interface DateRange {
  from: string;
  to: string;
  days: number;
}

export interface FestivalArrangement {
  name: string;
  holidays: DateRange[];
  holidayDays: number;
  workdays: string[];
}

/** Groups a year's days by festival, with each run of consecutive 放假 days as one range, in date order. */
export function arrangementsOf(data: CalendarYearData): FestivalArrangement[] {
  const byName = new Map<string, FestivalArrangement & { first: string }>();
  const get = (name: string, date: string) => {
    let a = byName.get(name);
    if (!a) byName.set(name, (a = { name, holidays: [], holidayDays: 0, workdays: [], first: date }));
    if (date < a.first) a.first = date;
    return a;
  };
  for (const h of [...data.holidays].sort((x, y) => (x.date < y.date ? -1 : 1))) {
    const a = get(h.name, h.date);
    const last = a.holidays[a.holidays.length - 1];
    if (last && addCalendarDays(last.to, 1) === h.date) {
      last.to = h.date;
      last.days++;
    } else {
      a.holidays.push({ from: h.date, to: h.date, days: 1 });
    }
    a.holidayDays++;
  }
  for (const w of [...data.workdays].sort((x, y) => (x.date < y.date ? -1 : 1))) get(w.name, w.date).workdays.push(w.date);
  return [...byName.values()]
    .sort((a, b) => {
      // Order festivals by their first 放假 day; a festival with only make-up days by that day.
      const fa = a.holidays[0]?.from ?? a.first;
      const fb = b.holidays[0]?.from ?? b.first;
      return fa < fb ? -1 : fa > fb ? 1 : 0;
    })
    .map(({ first: _first, ...rest }) => rest);
}
