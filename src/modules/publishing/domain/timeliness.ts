// Timeliness of a publication. 《政府信息公开条例》第二十六条: 属于主动公开范围的政府信息，应当自该政府信息
// 形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定 — so a catalog
// item's own computable 公开时限 replaces the 20 working days. Pure: the calendar is an argument.
import {
  addCalendarDays,
  addWorkingDays,
  CalendarYearMissingError,
  type WorkCalendar,
} from '../../../core/calendar/working-days.ts';

/** A catalog item's 公开时限 (structurally the catalog module's TimeLimitRule). */
export type ItemTimeLimit =
  | { kind: 'working_days_after_formed'; days: number }
  | { kind: 'calendar_days_after_event'; days: number; event: string }
  | { kind: 'working_days_after_event'; days: number; event: string }
  | { kind: 'yearly_by'; month: number; day: number }
  | { kind: 'periodic'; period: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'; daysAfterPeriod: number; workingDays: boolean }
  | { kind: 'realtime' }
  | { kind: 'not_computable'; note?: string };

export const STATUTORY_WORKING_DAYS = 20;

export interface Timeliness {
  /** Last on-time day, or null when it cannot be computed (a year without calendar data). */
  dueOn: string | null;
  /** true: published after dueOn; null: unknown. */
  late: boolean | null;
  note: string;
}

const MONTHS = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 } as const;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The last day of the period (month, quarter, half-year, year) that contains `date`. */
export function periodEndOf(date: string, period: keyof typeof MONTHS): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const len = MONTHS[period];
  const last = (Math.floor((m - 1) / len) + 1) * len;
  return iso(y, last, daysInMonth(y, last));
}

function dueFor(formedOn: string, rule: ItemTimeLimit | null, cal: WorkCalendar): { due: string; basis: string } {
  if (rule) {
    switch (rule.kind) {
      case 'working_days_after_formed':
        return { due: addWorkingDays(formedOn, rule.days, cal), basis: `本事项公开时限：信息形成或变更之日起${rule.days}个工作日内` };
      case 'working_days_after_event':
        // The record's formed/changed date is the day of the event (作出决定、批复 …).
        return { due: addWorkingDays(formedOn, rule.days, cal), basis: `本事项公开时限：${rule.event}之日起${rule.days}个工作日内` };
      case 'calendar_days_after_event':
        // e.g. 《预算法》第十四条 批准后20日内: calendar days, the start day not counted (《民法典》第二百零一条).
        return { due: addCalendarDays(formedOn, rule.days), basis: `本事项公开时限：${rule.event}后${rule.days}日内` };
      case 'yearly_by': {
        const y = Number(formedOn.slice(0, 4));
        const at = (yy: number) => iso(yy, rule.month, Math.min(rule.day, daysInMonth(yy, rule.month)));
        return { due: at(y) >= formedOn ? at(y) : at(y + 1), basis: `本事项公开时限：每年${rule.month}月${rule.day}日前` };
      }
      case 'periodic': {
        const end = periodEndOf(formedOn, rule.period);
        const n = rule.daysAfterPeriod;
        const due = n === 0 ? end : rule.workingDays ? addWorkingDays(end, n, cal) : addCalendarDays(end, n);
        return { due, basis: '本事项的定期公开时限' };
      }
      case 'realtime':
      case 'not_computable':
        break;
    }
  }
  // 《政府信息公开条例》第二十六条; the start day is not counted (《民法典》第二百零一条).
  return { due: addWorkingDays(formedOn, STATUTORY_WORKING_DAYS, cal), basis: '《政府信息公开条例》第二十六条：形成或变更之日起20个工作日内' };
}

/** Whether publication on `publishedOn` of information formed or changed on `formedOn` was on time. */
export function assessTimeliness(input: { formedOn: string; publishedOn: string; itemRule?: ItemTimeLimit | null }, cal: WorkCalendar): Timeliness {
  try {
    const { due, basis } = dueFor(input.formedOn, input.itemRule ?? null, cal);
    const late = input.publishedOn > due;
    return {
      dueOn: due,
      late,
      note: `${basis}，应于 ${due} 前公开；${late ? `实际 ${input.publishedOn} 公开，已超期` : `${input.publishedOn} 公开，未超期`}`,
    };
  } catch (err) {
    // A year without 放假/调休 data: say so rather than guess (ARCHITECTURE §1).
    if (err instanceof CalendarYearMissingError) return { dueOn: null, late: null, note: err.message };
    throw err;
  }
}
