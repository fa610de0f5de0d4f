// 政府常务会议 and 专题会议 as published after they are held. Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';

export type MeetingKind = 'executive' | 'special';
export const MEETING_KINDS: Record<MeetingKind, string> = { executive: '常务会议', special: '专题会议' };

export interface MeetingInput {
  kind: string;
  name: string;
  heldOn: string;
  topics: string;
  attendees: string;
  summary: string;
  interpretation: string;
  decisionCodes: string[];
}

/**
 * A meeting is recorded when its 纪要 or 新闻稿 is published: held no later than today, at least one
 * 议题, the published text, and only decisions of the city. A decision linked to a meeting must have
 * been launched (决策启动) by the meeting's date.
 */
export function validateMeeting(input: MeetingInput, decisions: { code: string; launchedOn: string | null }[], today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!(input.kind in MEETING_KINDS)) e.kind = '请选择常务会议或专题会议';
  if (!input.name.trim()) e.name = '请填写会议名称，如：市人民政府第40次常务会议';
  else if ([...input.name.trim()].length > 100) e.name = '会议名称不能超过100个字';
  if (!input.heldOn) e.heldOn = '请填写会议日期';
  else if (!isValidIsoDate(input.heldOn)) e.heldOn = '会议日期应为有效日期，格式如 2026-11-18';
  else if (input.heldOn > today) e.heldOn = `会议日期不能晚于今天（${today}），会后再登记`;
  const topics = input.topics.split('\n').map((s) => s.trim()).filter(Boolean);
  if (!topics.length) e.topics = '请填写会议议题，每行一个';
  else if ([...input.topics].length > 3_000) e.topics = '议题不能超过3000个字';
  if ([...input.attendees].length > 1_000) e.attendees = '列席人员不能超过1000个字';
  if (!input.summary.trim()) e.summary = '请填写会议纪要或新闻稿（将全文公开）';
  else if ([...input.summary].length > 20_000) e.summary = '会议纪要不能超过20000个字';
  if ([...input.interpretation].length > 20_000) e.interpretation = '解读不能超过20000个字';
  const byCode = new Map(decisions.map((d) => [d.code, d]));
  const unknown = input.decisionCodes.filter((c) => !byCode.has(c));
  if (unknown.length) e.decisionCodes = '请从列表中选择相关的决策事项';
  else if (!e.heldOn) {
    const early = input.decisionCodes.map((c) => byCode.get(c)!).filter((d) => !d.launchedOn || d.launchedOn > input.heldOn);
    if (early.length) e.decisionCodes = '所选决策事项在会议日期前尚未启动，请核对';
  }
  return e;
}
