// 执行公开: a key task (重点工作) as staff enter or change it. Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';

export interface TaskInput {
  year: string;
  title: string;
  source: string;
  parentCode: string;
  leadUnitId: string;
  supportingUnits: string;
  steps: string;
  startsOn: string;
  dueOn: string;
  reportEveryDays: string;
}

/** What the rule needs to know about the other tasks of the city (any year). */
export interface TaskNode {
  id: number;
  code: string;
  year: number;
  parentId: number | null;
  dueOn: string;
  /** Published or waiting progress reports: such a task is a leaf that reports, not a parent. */
  reports: number;
}

export const TASK_LIMITS = { title: 200, source: 100, supporting: 500, steps: 3_000, minEvery: 7, maxEvery: 366 } as const;

/**
 * Field errors of a task. `self` is the task being edited (absent when creating). A parent must be of
 * the same year, not the task itself nor one of its sub-tasks (a cycle), and must not already carry
 * progress reports (its percent would silently switch from its reports to its children's average).
 * A sub-task cannot be due after its parent.
 */
export function validateTask(input: TaskInput, unitIds: Set<number>, tasks: TaskNode[], self?: TaskNode): Record<string, string> {
  const e: Record<string, string> = {};
  const year = self ? String(self.year) : input.year.trim();
  if (!self && !/^20\d\d$/.test(year)) e.year = '请填写年度，如 2026';
  const title = input.title.trim();
  if (!title) e.title = '请填写重点工作名称';
  else if ([...title].length > TASK_LIMITS.title) e.title = `名称不能超过${TASK_LIMITS.title}个字`;
  if (!input.source.trim()) e.source = '请填写任务来源，如：2026年市政府工作报告';
  else if ([...input.source.trim()].length > TASK_LIMITS.source) e.source = `任务来源不能超过${TASK_LIMITS.source}个字`;
  if (!/^\d{1,15}$/.test(input.leadUnitId) || !unitIds.has(Number(input.leadUnitId))) e.leadUnitId = '请从列表中选择牵头单位';
  if ([...input.supportingUnits].length > TASK_LIMITS.supporting) e.supportingUnits = `配合单位不能超过${TASK_LIMITS.supporting}个字`;
  if ([...input.steps].length > TASK_LIMITS.steps) e.steps = `实施步骤不能超过${TASK_LIMITS.steps}个字`;
  if (!input.startsOn) e.startsOn = '请填写开始日期';
  else if (!isValidIsoDate(input.startsOn)) e.startsOn = '开始日期应为有效日期，格式如 2026-02-01';
  if (!input.dueOn) e.dueOn = '请填写完成时限';
  else if (!isValidIsoDate(input.dueOn)) e.dueOn = '完成时限应为有效日期，格式如 2026-12-31';
  else if (!e.startsOn && input.dueOn < input.startsOn) e.dueOn = `完成时限不能早于开始日期（${input.startsOn}）`;
  const every = input.reportEveryDays.trim();
  if (!/^\d{1,3}$/.test(every) || Number(every) < TASK_LIMITS.minEvery || Number(every) > TASK_LIMITS.maxEvery) e.reportEveryDays = `报告周期应为${TASK_LIMITS.minEvery}到${TASK_LIMITS.maxEvery}之间的天数，如每月报告填 30`;
  const code = input.parentCode.trim();
  if (code) {
    const parent = tasks.find((t) => t.code === code);
    if (!parent) e.parentCode = '请从列表中选择上级任务';
    else if (String(parent.year) !== year) e.parentCode = `上级任务应为${year}年的重点工作`;
    else if (self && isSelfOrBelow(parent, self.id, tasks)) e.parentCode = '不能选择本任务或其下级任务作为上级任务';
    else if (parent.reports > 0) e.parentCode = '该任务已有进展报告，不能再分解子任务（其进度将改为按子任务平均计算）';
    else if (!e.dueOn && input.dueOn > parent.dueOn) e.dueOn = `子任务的完成时限不能晚于上级任务（${parent.dueOn}）`;
  }
  if (self && !e.dueOn) {
    const late = tasks.filter((t) => t.parentId === self.id && t.dueOn > input.dueOn).map((t) => t.dueOn).sort();
    if (late.length) e.dueOn = `完成时限不能早于子任务的完成时限（最晚为${late[late.length - 1]}）`;
  }
  return e;
}

function isSelfOrBelow(candidate: TaskNode, selfId: number, tasks: TaskNode[]): boolean {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const seen = new Set<number>();
  for (let t: TaskNode | undefined = candidate; t && !seen.has(t.id); t = t.parentId ? byId.get(t.parentId) : undefined) {
    if (t.id === selfId) return true;
    seen.add(t.id);
  }
  return false;
}
