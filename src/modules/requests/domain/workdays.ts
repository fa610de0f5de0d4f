// Precomputed working-day index over a WorkCalendar, for computing many due dates quickly.
// Same results as core/calendar/working-days.ts (tested against it), but O(1) per query: each day of
// the covered years gets a cumulative working-day count, and the working days are listed in order.
// Start day not counted: 《民法典》第二百零一条 (see reference/regulation.md §1.9).
import { CalendarYearMissingError, type WorkCalendar } from '../../../core/calendar/working-days.ts';

export interface WorkdayIndex {
  /** The n-th working day after `start` (start excluded); n = 0 returns start. */
  add(start: string, n: number): string;
  /** Working days in (a, b]: a excluded, b included; 0 when b <= a. */
  between(a: string, b: string): number;
  isWorking(date: string): boolean;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Parses 'YYYY-MM-DD' into a day number (days since 1970-01-01); throws RangeError when malformed. */
export function dayNumber(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) bad(s);
  let y = 0;
  for (let i = 0; i < 4; i++) y = y * 10 + digit(s, i);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 1 || m < 1 || m > 12 || d < 1) bad(s);
  const dim = m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] as number);
  if (d > dim) bad(s);
  // H. Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  if (c < 0 || c > 9) bad(s);
  return c;
}

function bad(s: unknown): never {
  throw new RangeError(`日期格式不正确：“${String(s)}”，应为有效的 YYYY-MM-DD 日期。`);
}

export function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const cache = new WeakMap<WorkCalendar, WorkdayIndex>();

/** The index for a calendar; built once per calendar object (CalendarService caches the object). */
export function workdayIndex(cal: WorkCalendar): WorkdayIndex {
  let idx = cache.get(cal);
  if (!idx) {
    idx = buildIndex(cal);
    cache.set(cal, idx);
  }
  return idx;
}

function buildIndex(cal: WorkCalendar): WorkdayIndex {
  // Provisional years (weekends only, until their schedule is entered) are covered like the others.
  const covers = (y: number): boolean => cal.years.has(y) || !!cal.provisional?.has(y);
  const years = [...new Set([...cal.years, ...(cal.provisional ?? [])])].sort((a, b) => a - b);
  if (!years.length) {
    const none = (s: string): never => {
      throw new CalendarYearMissingError(Number(s.slice(0, 4)) || 0);
    };
    return { add: (s, n) => (n === 0 ? (dayNumber(s), s) : none(s)), between: (a, b) => (dayNumber(a) >= dayNumber(b) ? 0 : none(b)), isWorking: none };
  }
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  // Index 0 is the day before the first covered year, so a period may start on it.
  const base = dayNumber(`${String(first).padStart(4, '0')}-01-01`) - 1;
  const end = dayNumber(`${String(last).padStart(4, '0')}-12-31`);
  const span = end - base + 1;
  const cum = new Int32Array(span); // working days in (base, base + i]
  const missingCum = new Int32Array(span); // days of uncovered years in (base, base + i]
  const working = new Uint8Array(span);
  const list: number[] = [];
  const dates: string[] = new Array(span);
  for (let i = 0; i < span; i++) {
    const dn = base + i;
    const date = fromDayNumber(dn);
    dates[i] = date;
    if (i === 0) continue;
    const year = Number(date.slice(0, 4));
    let w = 0;
    let miss = 0;
    if (!covers(year)) miss = 1;
    else if (cal.holidays.has(date)) w = 0;
    else if (cal.workdays.has(date)) w = 1;
    else {
      const wd = (((dn + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      w = wd === 0 || wd === 6 ? 0 : 1;
    }
    working[i] = w;
    cum[i] = (cum[i - 1] as number) + w;
    missingCum[i] = (missingCum[i - 1] as number) + miss;
    if (w) list.push(i);
  }

  const firstMissingYearAfter = (i: number): number => {
    for (let y = Number((dates[i] as string).slice(0, 4)); y <= last + 1; y++) {
      if (!covers(y) && y >= first) return y;
    }
    return last + 1;
  };
  const position = (s: string): number => {
    const i = dayNumber(s) - base;
    if (i < 0) throw new CalendarYearMissingError(Number(s.slice(0, 4)));
    if (i >= span) throw new CalendarYearMissingError(Number(s.slice(0, 4)));
    return i;
  };

  return {
    add(start, n) {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`工作日数必须是非负整数，收到：${String(n)}。`);
      const i = position(start);
      if (n === 0) return start;
      const rank = (cum[i] as number) + n; // 1-based rank of the target working day
      if (rank > list.length) throw new CalendarYearMissingError(firstMissingYearAfter(i));
      const j = list[rank - 1] as number;
      if ((missingCum[j] as number) - (missingCum[i] as number) > 0) throw new CalendarYearMissingError(firstMissingYearAfter(i));
      return dates[j] as string;
    },
    between(a, b) {
      const da = dayNumber(a);
      const db = dayNumber(b);
      if (db <= da) return 0;
      const i = position(a);
      const j = position(b);
      if ((missingCum[j] as number) - (missingCum[i] as number) > 0) throw new CalendarYearMissingError(firstMissingYearAfter(i));
      return (cum[j] as number) - (cum[i] as number);
    },
    isWorking(date) {
      const i = position(date);
      if (i === 0 || !covers(Number(date.slice(0, 4)))) throw new CalendarYearMissingError(Number(date.slice(0, 4)));
      return working[i] === 1;
    },
  };
}
