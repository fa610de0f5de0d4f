// 执行公开: key tasks (重点工作), their progress reports and the flags the openness office watches. Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';
import { addDays } from './dates.ts';

/** A report is due this many days after the previous one (or after the task started): monthly by default, configurable per task. */
export const DEFAULT_REPORT_EVERY_DAYS = 30;

export const PROGRESS_LIMITS = { text: 3_000 } as const;

export interface ProgressInput {
  reportedOn: string;
  percent: string;
  done: string;
  problems: string;
  nextSteps: string;
}

/** Field errors of a progress report written by the responsible unit. */
export function validateProgress(input: ProgressInput, today: string, previousPercent: number | null): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.reportedOn) errors.reportedOn = '请填写报告日期';
  else if (!isValidIsoDate(input.reportedOn)) errors.reportedOn = '报告日期应为有效日期，格式如 2026-06-30';
  else if (input.reportedOn > today) errors.reportedOn = `报告日期不能晚于今天（${today}）`;
  const p = input.percent.trim();
  if (!p) errors.percent = '请填写完成进度（0到100的整数）';
  else if (!/^\d{1,3}$/.test(p) || Number(p) > 100) errors.percent = '完成进度应为0到100的整数';
  else if (previousPercent !== null && Number(p) < previousPercent) errors.percent = `完成进度不能低于上次公布的${previousPercent}%；如有倒退，请在“存在问题”中说明`;
  if (!input.done.trim()) errors.done = '请填写已完成的工作';
  for (const k of ['done', 'problems', 'nextSteps'] as const) {
    if ([...input[k]].length > PROGRESS_LIMITS.text && !errors[k]) errors[k] = `不能超过${PROGRESS_LIMITS.text}个字`;
  }
  return errors;
}

/**
 * A parent task's progress from its children: the plain average of each child's latest published
 * percent (a child with no published report counts as 0), rounded down. Children weigh the same
 * because the 政府工作报告 gives no weights. [60, 100, 0] → 53.
 */
export function parentPercent(childPercents: number[]): number {
  if (!childPercents.length) return 0;
  return Math.floor(childPercents.reduce((a, b) => a + b, 0) / childPercents.length);
}

/** The day the next report is due: `everyDays` after the last report, or after the task started. */
export function nextReportDue(startsOn: string, lastReportedOn: string | null, everyDays = DEFAULT_REPORT_EVERY_DAYS): string {
  return addDays(lastReportedOn ?? startsOn, everyDays);
}

export type TaskFlag = 'done' | 'overdue' | 'report_late' | 'on_track';

export const TASK_FLAG_LABELS: Record<TaskFlag, string> = { done: '已完成', overdue: '逾期未完成', report_late: '进展报告逾期', on_track: '按计划推进' };

/**
 * The task's flag on `today`: 已完成 at 100%; 逾期未完成 after the deadline; 进展报告逾期 when the next
 * report is past due; otherwise 按计划推进.
 */
export function taskFlag(t: { startsOn: string; dueOn: string; reportEveryDays: number }, latest: { reportedOn: string; percent: number } | null, today: string): TaskFlag {
  if ((latest?.percent ?? 0) >= 100) return 'done';
  if (today > t.dueOn) return 'overdue';
  if (today > nextReportDue(t.startsOn, latest?.reportedOn ?? null, t.reportEveryDays)) return 'report_late';
  return 'on_track';
}
