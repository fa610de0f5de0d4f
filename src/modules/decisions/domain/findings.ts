// 督查 and 审计 findings with their rectification (整改), published. Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';

export type FindingKind = 'inspection' | 'audit';
export const FINDING_KINDS: Record<FindingKind, string> = { inspection: '督查', audit: '审计' };

export interface FindingInput {
  kind: string;
  source: string;
  unitId: string;
  taskCode: string;
  foundOn: string;
  finding: string;
  measures: string;
  rectifyBy: string;
}

export function validateFinding(input: FindingInput, unitIds: Set<number>, taskCodes: Set<string>, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!(input.kind in FINDING_KINDS)) e.kind = '请选择督查或审计';
  if (!input.source.trim()) e.source = '请填写督查或审计的名称，如：2026年第三季度重点工作专项督查';
  else if ([...input.source.trim()].length > 200) e.source = '名称不能超过200个字';
  if (!/^\d{1,15}$/.test(input.unitId) || !unitIds.has(Number(input.unitId))) e.unitId = '请从列表中选择被督查（审计）单位';
  if (input.taskCode && !taskCodes.has(input.taskCode)) e.taskCode = '请从列表中选择相关的重点工作';
  if (!input.foundOn) e.foundOn = '请填写发现日期';
  else if (!isValidIsoDate(input.foundOn)) e.foundOn = '发现日期应为有效日期，格式如 2026-09-15';
  else if (input.foundOn > today) e.foundOn = `发现日期不能晚于今天（${today}）`;
  if (!input.finding.trim()) e.finding = '请填写发现的问题';
  else if ([...input.finding].length > 5_000) e.finding = '发现的问题不能超过5000个字';
  if ([...input.measures].length > 5_000) e.measures = '整改要求不能超过5000个字';
  if (!input.rectifyBy) e.rectifyBy = '请填写整改时限';
  else if (!isValidIsoDate(input.rectifyBy)) e.rectifyBy = '整改时限应为有效日期，格式如 2026-12-31';
  else if (!e.foundOn && input.rectifyBy < input.foundOn) e.rectifyBy = `整改时限不能早于发现日期（${input.foundOn}）`;
  return e;
}

export function validateRectification(input: { rectifiedOn: string; result: string }, foundOn: string, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!input.rectifiedOn) e.rectifiedOn = '请填写整改完成日期';
  else if (!isValidIsoDate(input.rectifiedOn)) e.rectifiedOn = '整改完成日期应为有效日期，格式如 2026-11-30';
  else if (input.rectifiedOn > today) e.rectifiedOn = `整改完成日期不能晚于今天（${today}）`;
  else if (input.rectifiedOn < foundOn) e.rectifiedOn = `整改完成日期不能早于发现日期（${foundOn}）`;
  if (!input.result.trim()) e.result = '请填写整改结果';
  else if ([...input.result].length > 5_000) e.result = '整改结果不能超过5000个字';
  return e;
}

export type RectificationState = 'rectifying' | 'overdue' | 'rectified' | 'rectified_late';
export const RECTIFICATION_LABELS: Record<RectificationState, string> = { rectifying: '整改中', overdue: '逾期未整改', rectified: '已整改', rectified_late: '已整改（超过时限）' };

/** 整改中 until the deadline, then 逾期未整改; once done, 已整改 or, after the deadline, 已整改（超过时限）. */
export function rectificationState(f: { rectifyBy: string; rectifiedOn: string | null }, today: string): RectificationState {
  if (f.rectifiedOn) return f.rectifiedOn > f.rectifyBy ? 'rectified_late' : 'rectified';
  return today > f.rectifyBy ? 'overdue' : 'rectifying';
}
