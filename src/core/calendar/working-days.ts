// Working-day arithmetic on legal dates ('YYYY-MM-DD' strings).
// Pure: no I/O, no clock, and no local-time Date (legal dates must not shift with the host's zone),
// so dates are converted to and from a day number with integer arithmetic only.

export interface CalendarYearData {
  year: number;
  /** 放假 days, including the Saturdays/Sundays inside a holiday block. */
  holidays: { date: string; name: string }[];
  /** 调休上班 days: Saturdays/Sundays that are working days. */
  workdays: { date: string; name: string }[];
  /** The notice the data comes from (e.g. 国办发明电〔2024〕12号). */
  source: string;
}

export interface WorkCalendar {
  /** Years with data; any other year is refused rather than guessed (but see `provisional`). */
  readonly years: ReadonlySet<number>;
  /**
   * Years without data counted provisionally, weekends and the statutory holidays without 调休, until
   * the State Council's schedule is entered (see provisional.ts). Results that reach into them are
   * marked 暂定 by the caller.
   */
  readonly provisional?: ReadonlySet<number>;
  readonly holidays: ReadonlyMap<string, string>;
  readonly workdays: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<number, string>;
}

export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'workday';

export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  name?: string;
}

export interface SkippedDay {
  date: string;
  reason: '周末' | '法定节假日';
  name?: string;
}

export interface WorkingDaysResult {
  start: string;
  days: number;
  due: string;
  skipped: SkippedDay[];
}

export class CalendarYearMissingError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`工作日历缺少 ${year} 年的节假日安排，无法计算工作日。请系统管理员在“工作日历”中录入该年数据。`);
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parts(s: string): [number, number, number] | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

export function isValidIsoDate(s: string): boolean {
  return typeof s === 'string' && parts(s) !== null;
}

function parseOrThrow(s: string, label = '日期'): [number, number, number] {
  const p = typeof s === 'string' ? parts(s) : null;
  if (!p) throw new RangeError(`${label}格式不正确：“${String(s)}”，应为有效的 YYYY-MM-DD 日期。`);
  return p;
}

// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's days_from_civil.
function toDayNumber([y0, m, d]: [number, number, number]): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`日期超出支持范围（${MIN_YEAR}–${MAX_YEAR} 年）。`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function checkInteger(n: number, label: string, allowNegative: boolean): void {
  if (!Number.isSafeInteger(n) || (!allowNegative && n < 0)) {
    throw new RangeError(`${label}必须是${allowNegative ? '' : '非负'}整数，收到：${String(n)}。`);
  }
}

export function addCalendarDays(date: string, n: number): string {
  const p = parseOrThrow(date);
  checkInteger(n, '天数', true);
  return fromDayNumber(toDayNumber(p) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(parseOrThrow(date)) + 4) % 7) + 7) % 7;
}

export function buildCalendar(years: CalendarYearData[]): WorkCalendar {
  const covered = new Set<number>();
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const sources = new Map<number, string>();
  for (const y of years) {
    if (!Number.isInteger(y.year) || y.year < MIN_YEAR || y.year > MAX_YEAR) {
      throw new RangeError(`工作日历年份不正确：${String(y.year)}。`);
    }
    if (covered.has(y.year)) throw new RangeError(`工作日历中 ${y.year} 年的数据重复。`);
    covered.add(y.year);
    sources.set(y.year, y.source);
    for (const h of y.holidays) {
      const p = parseOrThrow(h.date, `${y.year} 年放假日期`);
      if (p[0] !== y.year) throw new RangeError(`放假日期 ${h.date} 不属于 ${y.year} 年。`);
      if (holidays.has(h.date)) throw new RangeError(`放假日期 ${h.date} 重复。`);
      holidays.set(h.date, h.name);
    }
    for (const w of y.workdays) {
      const p = parseOrThrow(w.date, `${y.year} 年调休上班日期`);
      if (p[0] !== y.year) throw new RangeError(`调休上班日期 ${w.date} 不属于 ${y.year} 年。`);
      if (workdays.has(w.date)) throw new RangeError(`调休上班日期 ${w.date} 重复。`);
      if (holidays.has(w.date)) throw new RangeError(`${w.date} 不能既是放假日又是调休上班日。`);
      // A make-up day on Mon–Fri would change nothing and signals a data-entry mistake.
      const wd = weekdayOf(w.date);
      if (wd !== 0 && wd !== 6) throw new RangeError(`调休上班日期 ${w.date} 不是周六或周日。`);
      workdays.set(w.date, w.name);
    }
  }
  return { years: covered, holidays, workdays, sources };
}

/** Whether a date lies in a year counted provisionally (its working days are not yet official). */
export function isProvisionalDate(date: string, cal: WorkCalendar): boolean {
  const p = parseOrThrow(date);
  return !cal.years.has(p[0]) && !!cal.provisional?.has(p[0]);
}

export function dayInfo(date: string, cal: WorkCalendar): DayInfo {
  const p = parseOrThrow(date);
  if (!cal.years.has(p[0]) && !cal.provisional?.has(p[0])) throw new CalendarYearMissingError(p[0]);
  const holiday = cal.holidays.get(date);
  if (holiday !== undefined) return { date, working: false, kind: 'holiday', name: holiday };
  const workday = cal.workdays.get(date);
  if (workday !== undefined) return { date, working: true, kind: 'workday', name: workday };
  const wd = weekdayOf(date);
  if (wd === 0 || wd === 6) return { date, working: false, kind: 'weekend' };
  return { date, working: true, kind: 'weekday' };
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return dayInfo(date, cal).working;
}

export function addWorkingDaysDetailed(start: string, n: number, cal: WorkCalendar): WorkingDaysResult {
  parseOrThrow(start, '起算日期');
  checkInteger(n, '工作日数', false);
  const skipped: SkippedDay[] = [];
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addCalendarDays(date, 1);
    const info = dayInfo(date, cal);
    if (info.working) counted++;
    else if (info.kind === 'holiday') skipped.push({ date, reason: '法定节假日', name: info.name });
    else skipped.push({ date, reason: '周末' });
  }
  return { start, days: n, due: date, skipped };
}

export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  // 《民法典》第二百零一条: 开始的当日不计入，自下一日开始计算.
  return addWorkingDaysDetailed(start, n, cal).due;
}

/** Working days in (a, b]: a excluded, b included; 0 when b <= a. */
export function workingDaysBetween(a: string, b: string, cal: WorkCalendar): number {
  parseOrThrow(a, '起始日期');
  parseOrThrow(b, '结束日期');
  let count = 0;
  for (let d = a; d < b; ) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) count++;
  }
  return count;
}
