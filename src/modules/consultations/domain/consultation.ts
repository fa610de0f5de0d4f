// Public comment periods (意见征集) on a draft (a catalog, a major decision): dates, status, the
// shortest period each kind of draft needs, comment checks, answers and when a period may be closed.
// Pure: `today` is an argument.
import type { CurrentUser } from '../../../core/ui/context.ts';
import { hasRole } from '../../../core/auth/roles.ts';
import { addCalendarDays, isValidIsoDate } from '../../../core/calendar/working-days.ts';
import { validateEmail, validateMobileOrPhone } from '../../../core/validation/identifiers.ts';

/**
 * Shortest comment period in calendar days, first and last day included. A configurable default:
 * 国办发〔2018〕37号 is said to ask for "一般不少于7个工作日" for draft normative documents (UNVERIFIED,
 * and it is about 规范性文件, not catalogs); re-check the text before tightening this.
 */
export const MIN_CONSULTATION_DAYS = 7;

/** How long a comment period must run for one kind of draft, and whether an urgent reason may shorten it. */
export interface PeriodRule {
  minDays: number;
  /** The legal source, named in the message when the period is too short. */
  basis?: string;
  /** true: a shorter period is allowed when a reason is stated (and then published with the draft). */
  urgentShorterAllowed?: boolean;
}

/** Drafts of catalogs: the configurable 7-day default above. */
export const CATALOG_PERIOD_RULE: PeriodRule = { minDays: MIN_CONSULTATION_DAYS };

/**
 * Drafts of major administrative decisions: 《重大行政决策程序暂行条例》第十五条 — 公开征求意见的期限一般不少于30日;
 * 因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明.
 */
export const DECISION_PERIOD_RULE: PeriodRule = { minDays: 30, basis: '《重大行政决策程序暂行条例》第十五条', urgentShorterAllowed: true };

/**
 * Field errors of a period's dates under a rule: the end on or after the start, and at least
 * `minDays` calendar days (both ends included) unless the rule allows a shorter period with a stated
 * urgent reason. 2026-09-20 … 2026-10-19 is 30 days (National Day holidays count: the rule is in 日,
 * not 工作日).
 */
export function periodErrors(startsOn: string, endsOn: string, rule: PeriodRule, urgentReason = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isValidIsoDate(startsOn) || !isValidIsoDate(endsOn)) return errors;
  if (endsOn < startsOn) errors.endsOn = '截止日期不能早于开始日期';
  else if (periodDays(startsOn, endsOn) < rule.minDays) {
    const shortest = `征集期至少${rule.minDays}天（含首尾两天），截止日期最早为${addCalendarDays(startsOn, rule.minDays - 1)}`;
    if (!rule.urgentShorterAllowed) errors.endsOn = shortest;
    else if (!urgentReason.trim()) errors.endsOn = `${rule.basis ? `依照${rule.basis}，` : ''}${shortest}；因情况紧急需要缩短的，请在“缩短征集期的理由”中说明`;
  }
  if ([...urgentReason].length > CONSULTATION_LIMITS.reason) errors.urgentReason = `理由不能超过${CONSULTATION_LIMITS.reason}个字`;
  return errors;
}

/** true when the period is shorter than the rule's minimum (and so needs its stated reason published). */
export function isShortened(startsOn: string, endsOn: string, rule: PeriodRule): boolean {
  return isValidIsoDate(startsOn) && isValidIsoDate(endsOn) && periodDays(startsOn, endsOn) < rule.minDays;
}

export const CONSULTATION_LIMITS = { title: 200, description: 20_000, commentBody: 5_000, name: 50, contact: 254, reason: 2_000 } as const;

export type ConsultationStatus = 'upcoming' | 'open' | 'ended' | 'closed';

/** 未开始 / 征集中 / 已结束 (ended = the period is over, answers not yet published; closed = published). */
export const STATUS_LABELS: Record<ConsultationStatus, string> = {
  upcoming: '未开始',
  open: '征集中',
  ended: '已结束',
  closed: '已结束',
};

export const ANSWERS = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Record<Answer, string> = { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '不采纳' };

export interface ConsultationDates {
  startsOn: string;
  endsOn: string;
  closedAt: Date | null;
}

export function consultationStatus(c: ConsultationDates, today: string): ConsultationStatus {
  if (c.closedAt) return 'closed';
  if (today < c.startsOn) return 'upcoming';
  if (today > c.endsOn) return 'ended';
  return 'open';
}

/** Days of a period, both ends included: 2026-11-26 … 2026-12-02 is 7. */
export function periodDays(startsOn: string, endsOn: string): number {
  // UTC day numbers: no local time zone is involved.
  const day = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  return day(endsOn) - day(startsOn) + 1;
}

export interface ConsultationInput {
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  /** Why the period is shorter than the rule's minimum (only where the rule allows it). */
  urgentReason?: string;
}

/** Field errors of a new comment period. */
export function validateConsultation(input: ConsultationInput, today: string, rule: PeriodRule = CATALOG_PERIOD_RULE): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = '请填写标题';
  else if ([...input.title].length > CONSULTATION_LIMITS.title) errors.title = `标题不能超过${CONSULTATION_LIMITS.title}个字`;
  if (!input.description.trim()) errors.description = '请填写征求意见稿说明';
  else if ([...input.description].length > CONSULTATION_LIMITS.description) errors.description = `征求意见稿说明不能超过${CONSULTATION_LIMITS.description}个字`;
  const startOk = isValidIsoDate(input.startsOn);
  const endOk = isValidIsoDate(input.endsOn);
  if (!input.startsOn) errors.startsOn = '请填写开始日期';
  else if (!startOk) errors.startsOn = '开始日期应为有效日期，格式如 2026-11-26';
  else if (input.startsOn < today) errors.startsOn = `开始日期不能早于今天（${today}）`;
  if (!input.endsOn) errors.endsOn = '请填写截止日期';
  else if (!endOk) errors.endsOn = '截止日期应为有效日期，格式如 2026-12-02';
  else if (startOk) Object.assign(errors, periodErrors(input.startsOn, input.endsOn, rule, input.urgentReason ?? ''));
  return errors;
}

/** Why a comment cannot be submitted today, or undefined when the period is open. */
export function commentRefusal(c: ConsultationDates, today: string): string | undefined {
  const status = consultationStatus(c, today);
  if (status === 'upcoming') return `意见征集将于${c.startsOn}开始，请届时再提交。`;
  if (status === 'ended' || status === 'closed') return `意见征集已于${c.endsOn}结束，不再接收意见。`;
  return undefined;
}

/** A phone number or an e-mail address; the message for the 联系方式 field, or undefined when fine. */
export function contactError(contact: string): string | undefined {
  if (!contact) return '请填写联系方式（手机号码、固定电话或电子邮箱）';
  const r = contact.includes('@') ? validateEmail(contact) : validateMobileOrPhone(contact);
  return r.ok ? undefined : r.message;
}

export interface CommentInput {
  name: string;
  contact: string;
  body: string;
}

/** Field errors of a public comment: contact required (never published), body at most 5,000 characters. */
export function validateComment(input: CommentInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if ([...input.name].length > CONSULTATION_LIMITS.name) errors.name = `姓名不能超过${CONSULTATION_LIMITS.name}个字`;
  const contact = [...input.contact].length > CONSULTATION_LIMITS.contact ? '联系方式过长，请填写一个手机号码、固定电话或电子邮箱' : contactError(input.contact);
  if (contact) errors.contact = contact;
  const length = [...input.body].length;
  if (!input.body.trim()) errors.body = '请填写意见内容';
  else if (length > CONSULTATION_LIMITS.commentBody) errors.body = `意见内容不能超过${CONSULTATION_LIMITS.commentBody}个字（现为${length}个字）`;
  return errors;
}

/** Masks a contact for lists: 13812345678 → 138****5678, 0878-3121141 → 0878-***1141, abc@x.cn → a**@x.cn. */
export function maskContact(contact: string): string {
  const at = contact.lastIndexOf('@');
  if (at > 0) {
    const local = contact.slice(0, at);
    return `${local.slice(0, 1)}${'*'.repeat(Math.max(2, Math.min(local.length - 1, 6)))}${contact.slice(at)}`;
  }
  const digits = contact.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const dash = contact.indexOf('-');
  if (dash > 0 && digits.length >= 8) {
    const local = contact.slice(dash + 1).replace(/\D/g, '');
    return `${contact.slice(0, dash)}-${'*'.repeat(Math.max(local.length - 4, 1))}${local.slice(-4)}`;
  }
  return contact.length <= 4 ? '****' : `${'*'.repeat(contact.length - 4)}${contact.slice(-4)}`;
}

/** Field errors of an answer: a choice, and a reason unless the comment was adopted. */
export function validateAnswer(answer: string, reason: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!answer) errors.answer = '请选择处理结果（采纳、部分采纳或不采纳）';
  else if (!(ANSWERS as readonly string[]).includes(answer)) errors.answer = '请从列表中选择处理结果';
  else if (answer !== 'adopted' && !reason.trim()) errors.reason = `选择“${ANSWER_LABELS[answer as Answer]}”时请填写理由`;
  if ([...reason].length > CONSULTATION_LIMITS.reason) errors.reason = `理由不能超过${CONSULTATION_LIMITS.reason}个字`;
  return errors;
}

/** Why the period cannot be closed and its answers published (empty list: it can). */
export function closeRefusals(c: ConsultationDates, unansweredCount: number, today: string): string[] {
  if (c.closedAt) return ['本次意见征集已经结束并公布了采纳情况。'];
  const reasons: string[] = [];
  if (today <= c.endsOn) reasons.push(`征集期到${c.endsOn}才截止，截止后才能结束征集并发布采纳情况。`);
  if (unansweredCount > 0) reasons.push(`还有${unansweredCount}条意见没有答复，请先逐条答复（采纳、部分采纳或不采纳）。`);
  return reasons;
}

/** Why an answer cannot be changed now, or undefined. */
export function answerRefusal(c: ConsultationDates): string | undefined {
  return c.closedAt ? '采纳情况已经公布，不能再修改答复。' : undefined;
}

/**
 * Who runs comment periods on a unit's drafts: the openness office or a system admin for any unit
 * of their city (the city's standard catalog included), a unit admin for their own unit.
 */
export function canManageConsultations(user: CurrentUser, unit: { id: number; rootId: number | null }): boolean {
  if (hasRole(user, 'openness_office', 'system_admin') && (unit.rootId ?? unit.id) === user.rootUnitId) return true;
  return hasRole(user, 'unit_admin') && unit.id === user.unitId;
}

/** A submission key as the form sends it: random, URL-safe. */
export function isSubmissionKey(key: string): boolean {
  return /^[A-Za-z0-9_-]{16,64}$/.test(key);
}
