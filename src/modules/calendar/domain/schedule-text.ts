// The admin's text form of one year's 放假/调休上班 schedule: one line per day (or per block of days),
// e.g. "2027-01-01 放假 元旦" or "2027-02-06 上班 春节". Pure: parses and formats, no I/O.
import { addCalendarDays, isValidIsoDate, weekdayOf, type CalendarYearData } from '../../../core/calendar/working-days.ts';

export type ScheduleKind = 'holiday' | 'workday';

export interface ScheduleDay {
  date: string;
  name: string;
}

export type ScheduleParse =
  | { ok: true; holidays: ScheduleDay[]; workdays: ScheduleDay[] }
  | { ok: false; errors: string[] };

export const MAX_SCHEDULE_LINES = 400;
export const MAX_NAME_LENGTH = 20;
/** A holiday block is at most 9 days in practice; 31 leaves room and catches a mistyped month. */
export const MAX_RANGE_DAYS = 31;
const MAX_ERRORS = 20;

const KIND_WORDS: Record<string, ScheduleKind> = {
  放假: 'holiday',
  休息: 'holiday',
  上班: 'workday',
  调休上班: 'workday',
  补班: 'workday',
};

const KIND_TEXT: Record<ScheduleKind, string> = { holiday: '放假', workday: '上班' };
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayLabel(date: string): string {
  return WEEKDAYS[weekdayOf(date)]!;
}

/**
 * Parses the schedule text of `year` (undefined when the year field itself is invalid: then the
 * year check is skipped). Empty lines and lines starting with # are ignored. Full-width digits,
 * hyphens and spaces are accepted (NFKC), since the text is often copied from a notice.
 * @returns the days sorted by date, or line-numbered errors in Chinese.
 */
export function parseScheduleText(text: string, year: number | undefined): ScheduleParse {
  const lines = text.normalize('NFKC').replace(/\r\n?/g, '\n').split('\n');
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const holidays: ScheduleDay[] = [];
  const workdays: ScheduleDay[] = [];
  const used = lines.filter((l) => l.trim() && !l.trim().startsWith('#')).length;
  if (used > MAX_SCHEDULE_LINES) return { ok: false, errors: [`最多录入${MAX_SCHEDULE_LINES}行，现有${used}行`] };
  if (used === 0) return { ok: false, errors: ['请录入放假和调休上班安排，每行一天，例如“2027-01-01 放假 元旦”'] };

  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const at = `第${i + 1}行：`;
    const [dateText = '', kindText, ...rest] = line.split(/\s+/);
    const name = rest.join(' ');
    if (kindText === undefined) {
      errors.push(`${at}缺少类型和节日名称，格式如“2027-01-01 放假 元旦”`);
      return;
    }
    const dates = expandDates(dateText, year, at, errors);
    const kind = KIND_WORDS[kindText];
    if (!kind) {
      errors.push(`${at}“${clip(kindText)}”不是可识别的类型，请写“放假”或“上班”`);
      return;
    }
    if (!name) {
      errors.push(`${at}缺少节日名称（如“春节”）`);
      return;
    }
    if ([...name].length > MAX_NAME_LENGTH) {
      errors.push(`${at}节日名称不能超过${MAX_NAME_LENGTH}个字`);
      return;
    }
    if (!dates) return;
    for (const date of dates) {
      const first = seen.get(date);
      if (first !== undefined) {
        errors.push(`${at}${date} 已在第${first}行录入，同一天只能录入一次`);
        continue;
      }
      seen.set(date, i + 1);
      if (kind === 'workday') {
        const wd = weekdayOf(date);
        // A make-up working day on Mon–Fri would change nothing: it signals a typing mistake.
        if (wd !== 0 && wd !== 6) {
          errors.push(`${at}${date} 是${weekdayLabel(date)}，调休上班日应为周六或周日`);
          continue;
        }
        workdays.push({ date, name });
      } else {
        holidays.push({ date, name });
      }
    }
  });

  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(`另有${errors.length - MAX_ERRORS}处问题未列出`);
    return { ok: false, errors: shown };
  }
  const byDate = (a: ScheduleDay, b: ScheduleDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return { ok: true, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate) };
}

/** One date, or a block "2027-02-06~2027-02-12" (also with 至 or ～ after NFKC). */
function expandDates(text: string, year: number | undefined, at: string, errors: string[]): string[] | undefined {
  const parts = text.split(/~|至/);
  if (parts.length > 2) {
    errors.push(`${at}日期“${clip(text)}”格式不正确，连续多天请写成“2027-02-06~2027-02-12”`);
    return undefined;
  }
  for (const p of parts) {
    if (!isValidIsoDate(p)) {
      errors.push(`${at}“${clip(p)}”不是有效日期，格式如 2027-01-01`);
      return undefined;
    }
    if (year !== undefined && Number(p.slice(0, 4)) !== year) {
      errors.push(`${at}${p} 不属于${year}年`);
      return undefined;
    }
  }
  const from = parts[0]!;
  const to = parts[1] ?? from;
  if (to < from) {
    errors.push(`${at}结束日期 ${to} 早于开始日期 ${from}`);
    return undefined;
  }
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    if (out.length === MAX_RANGE_DAYS) {
      errors.push(`${at}连续日期不能超过${MAX_RANGE_DAYS}天`);
      return undefined;
    }
    out.push(d);
  }
  return out;
}

function clip(s: string): string {
  const chars = [...s];
  return chars.length > 20 ? chars.slice(0, 20).join('') + '…' : s;
}

/** The text form of a stored year, one line per day in date order (what the edit form shows). */
export function formatScheduleText(data: Pick<CalendarYearData, 'holidays' | 'workdays'>): string {
  return scheduleEntries(data)
    .map((e) => `${e.date} ${KIND_TEXT[e.kind]} ${e.name}`)
    .join('\n');
}

export interface ScheduleEntry {
  date: string;
  kind: ScheduleKind;
  name: string;
}

/** Holidays and make-up working days as one list in date order. */
export function scheduleEntries(data: Pick<CalendarYearData, 'holidays' | 'workdays'>): ScheduleEntry[] {
  return [
    ...data.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, name: d.name })),
    ...data.workdays.map((d) => ({ date: d.date, kind: 'workday' as const, name: d.name })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function kindText(kind: ScheduleKind): string {
  return kind === 'holiday' ? '放假' : '调休上班';
}
