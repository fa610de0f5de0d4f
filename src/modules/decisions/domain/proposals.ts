// 建议提案办理: 人大代表建议 and 政协提案 handled by the city's units, answered with a 办理复文, and the
// result published. Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';

export type ProposalKind = 'npc' | 'cppcc';
export const PROPOSAL_KINDS: Record<ProposalKind, { label: string; proposer: string }> = {
  npc: { label: '人大代表建议', proposer: '代表' },
  cppcc: { label: '政协提案', proposer: '委员' },
};

/** 办理结果 in the usual A/B/C classes of the 复文. */
export type ProposalResult = 'A' | 'B' | 'C';
export const RESULT_LABELS: Record<ProposalResult, string> = {
  A: 'A类：所提问题已经解决或基本解决',
  B: 'B类：所提问题正在解决或已列入计划逐步解决',
  C: 'C类：因条件限制或其他原因暂时难以解决，作为参考',
};

export type Satisfaction = 'satisfied' | 'basically' | 'unsatisfied';
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** 全文公开 / 摘要公开 / 不公开 (with the reason, e.g. 涉及国家秘密、商业秘密、个人隐私). */
export type Publicity = 'full' | 'summary' | 'none';
export const PUBLICITY_LABELS: Record<Publicity, string> = { full: '全文公开', summary: '公开摘要', none: '不公开' };

/**
 * Months from 交办 to the 复文. Three months is the usual rule of the 代表建议 and 提案 handling
 * measures (UNVERIFIED for this city): a default the office changes per item on the form.
 */
export const DEFAULT_REPLY_MONTHS = 3;

/** 交办 on 2026-03-31 + 3 months → 2026-06-30 (a month without that day ends on its last day). */
export function defaultReplyDue(assignedOn: string, months = DEFAULT_REPLY_MONTHS): string {
  const [y, m, d] = assignedOn.split('-').map(Number);
  const total = y! * 12 + (m! - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

export interface ProposalInput {
  kind: string;
  year: string;
  number: string;
  title: string;
  proposer: string;
  leadUnitId: string;
  supportingUnits: string;
  assignedOn: string;
  dueOn: string;
}

export function validateProposal(input: ProposalInput, unitIds: Set<number>, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!(input.kind in PROPOSAL_KINDS)) e.kind = '请选择人大代表建议或政协提案';
  if (!/^20\d\d$/.test(input.year.trim())) e.year = '请填写年度，如 2026';
  if (!/^[0-9A-Za-z-]{1,20}$/.test(input.number.trim())) e.number = '请填写建议或提案的编号（数字，如 0123）';
  if (!input.title.trim()) e.title = '请填写建议或提案的标题';
  else if ([...input.title.trim()].length > 200) e.title = '标题不能超过200个字';
  if (!input.proposer.trim()) e.proposer = '请填写提出人（代表或委员姓名，联名的写领衔人等）';
  else if ([...input.proposer.trim()].length > 100) e.proposer = '提出人不能超过100个字';
  if (!/^\d{1,15}$/.test(input.leadUnitId) || !unitIds.has(Number(input.leadUnitId))) e.leadUnitId = '请从列表中选择主办单位';
  if ([...input.supportingUnits].length > 300) e.supportingUnits = '协办单位不能超过300个字';
  if (!input.assignedOn) e.assignedOn = '请填写交办日期';
  else if (!isValidIsoDate(input.assignedOn)) e.assignedOn = '交办日期应为有效日期，格式如 2026-03-31';
  else if (input.assignedOn > today) e.assignedOn = `交办日期不能晚于今天（${today}）`;
  if (input.dueOn && !isValidIsoDate(input.dueOn)) e.dueOn = '答复期限应为有效日期，格式如 2026-06-30';
  else if (input.dueOn && !e.assignedOn && input.dueOn < input.assignedOn) e.dueOn = `答复期限不能早于交办日期（${input.assignedOn}）`;
  return e;
}

export interface ReplyInput {
  repliedOn: string;
  result: string;
  replyText: string;
}

/** The 办理复文: dated (not before 交办, not after today), with its A/B/C class and full text. */
export function validateReply(input: ReplyInput, assignedOn: string, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!input.repliedOn) e.repliedOn = '请填写答复日期';
  else if (!isValidIsoDate(input.repliedOn)) e.repliedOn = '答复日期应为有效日期，格式如 2026-06-20';
  else if (input.repliedOn > today) e.repliedOn = `答复日期不能晚于今天（${today}）`;
  else if (input.repliedOn < assignedOn) e.repliedOn = `答复日期不能早于交办日期（${assignedOn}）`;
  if (!(input.result in RESULT_LABELS)) e.result = '请选择办理结果（A类、B类或C类）';
  if (!input.replyText.trim()) e.replyText = '请填写办理复文';
  else if ([...input.replyText].length > 20_000) e.replyText = '办理复文不能超过20000个字';
  return e;
}

export interface PublishProposalInput {
  satisfaction: string;
  publicity: string;
  summary: string;
  withheldReason: string;
}

/** 办理结果公开: the representative's satisfaction (if given) and how much of the 复文 is published. */
export function validatePublication(input: PublishProposalInput): Record<string, string> {
  const e: Record<string, string> = {};
  if (input.satisfaction && !(input.satisfaction in SATISFACTION_LABELS)) e.satisfaction = '请选择满意、基本满意或不满意';
  if (!(input.publicity in PUBLICITY_LABELS)) e.publicity = '请选择公开方式';
  if (input.publicity === 'summary' && !input.summary.trim()) e.summary = '选择“公开摘要”时请填写复文摘要';
  if (input.publicity === 'none' && !input.withheldReason.trim()) e.withheldReason = '选择“不公开”时请说明理由（将在公开页面显示）';
  for (const k of ['summary', 'withheldReason'] as const) if ([...input[k]].length > 3_000 && !e[k]) e[k] = '不能超过3000个字';
  return e;
}

export type ProposalState = 'handling' | 'overdue' | 'replied' | 'reopen' | 'published';
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = { handling: '办理中', overdue: '逾期未答复', replied: '已答复，待公开', reopen: '代表（委员）不满意，重新办理', published: '办理结果已公开' };

/** Where an item stands on `today`. An unsatisfied representative's item is handled again (a new 复文). */
export function proposalState(p: { dueOn: string; repliedOn: string | null; satisfaction: string | null; publishedOn: string | null }, today: string): ProposalState {
  if (p.publishedOn) return 'published';
  if (p.repliedOn && p.satisfaction === 'unsatisfied') return 'reopen';
  if (p.repliedOn) return 'replied';
  return today > p.dueOn ? 'overdue' : 'handling';
}
