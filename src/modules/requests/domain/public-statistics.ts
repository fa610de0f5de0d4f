// The public statistics of 依申请公开: requests received, answered, answered on time and the median
// working days to reply, by unit and year. Pure: the rows and the calendar are arguments. The input
// carries no personal data, so neither can the output.
import type { WorkCalendar } from '../../../core/calendar/working-days.ts';
import { workdayIndex } from './workdays.ts';

export interface StatisticsInput {
  unitId: number;
  /** 收到申请之日 (条例 第三十一条), YYYY-MM-DD: the request counts in this year. */
  receivedOn: string;
  /** The date of the reply (答复), when there is one. */
  repliedOn: string | null;
  /** The last day allowed by the clock (after 补正 restarts, excluded consultation time and an approved extension). */
  dueOn: string | null;
}

export interface StatisticsCell {
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Median working days from receipt to reply (receipt day not counted); null when nothing was answered. */
  medianWorkingDays: number | null;
}

export interface UnitYearStatistics extends StatisticsCell {
  unitId: number;
  year: number;
}

export interface Statistics {
  /** Years present, newest first. */
  years: number[];
  rows: UnitYearStatistics[];
  /** All units together, per year. */
  totals: Map<number, StatisticsCell>;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Share of answered requests answered on time, as a whole percentage; null when none was answered. */
export function onTimeRate(cell: StatisticsCell): number | null {
  return cell.answered ? Math.round((cell.answeredOnTime / cell.answered) * 1000) / 10 : null;
}

interface Acc {
  received: number;
  answered: number;
  onTime: number;
  days: number[];
}

const acc = (): Acc => ({ received: 0, answered: 0, onTime: 0, days: [] });

function cell(a: Acc): StatisticsCell {
  return { received: a.received, answered: a.answered, answeredOnTime: a.onTime, medianWorkingDays: median(a.days) };
}

/**
 * Counts per unit and year of receipt. On time: replied on or before the due date (条例 第三十三条;
 * the due date already holds the clock's lawful adjustments). Working days: 《民法典》第二百零一条,
 * the day of receipt not counted. A reply dated in a year the calendar lacks counts as answered but
 * adds no working-day figure (the calendar refuses to guess).
 */
export function buildStatistics(rows: readonly StatisticsInput[], cal: WorkCalendar): Statistics {
  const idx = workdayIndex(cal);
  const byKey = new Map<string, Acc & { unitId: number; year: number }>();
  const totals = new Map<number, Acc>();
  for (const r of rows) {
    const year = Number(r.receivedOn.slice(0, 4));
    const key = `${r.unitId}:${year}`;
    let a = byKey.get(key);
    if (!a) byKey.set(key, (a = { ...acc(), unitId: r.unitId, year }));
    let t = totals.get(year);
    if (!t) totals.set(year, (t = acc()));
    for (const x of [a, t]) x.received++;
    if (!r.repliedOn) continue;
    const onTime = r.dueOn !== null && r.repliedOn <= r.dueOn;
    let days: number | undefined;
    try {
      days = idx.between(r.receivedOn, r.repliedOn);
    } catch {
      days = undefined;
    }
    for (const x of [a, t]) {
      x.answered++;
      if (onTime) x.onTime++;
      if (days !== undefined) x.days.push(days);
    }
  }
  const out: UnitYearStatistics[] = [...byKey.values()]
    .map((a) => ({ unitId: a.unitId, year: a.year, ...cell(a) }))
    .sort((x, y) => y.year - x.year || x.unitId - y.unitId);
  return {
    years: [...totals.keys()].sort((a, b) => b - a),
    rows: out,
    totals: new Map([...totals].map(([y, a]) => [y, cell(a)])),
  };
}
