// 知识库 entries: what an entry must contain and whether it is still valid. Pure code.
// 潍坊12345办法 第十八条: 能即时答复的即时答复 — the knowledge base is what makes that possible; each
// answer carries a review date so outdated answers are not given (regulation-wave2.md §4.3).

export interface KnowledgeInput {
  question: string;
  answer: string;
  subject: string;
  basis: string;
  validUntil: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function realDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks an entry; field messages keyed by the form's field names. */
export function validateKnowledge(input: KnowledgeInput, today: string): { ok: true; value: KnowledgeInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const question = input.question.trim();
  const answer = input.answer.trim();
  const subject = input.subject.trim();
  const basis = input.basis.trim();
  const validUntil = input.validUntil.trim();
  if (!question) errors.question = '请填写问题';
  else if ([...question].length > 200) errors.question = '问题不能超过200个字';
  if (!answer) errors.answer = '请填写答复内容';
  else if ([...answer].length > 3000) errors.answer = '答复内容不能超过3000个字';
  if ([...subject].length > 60) errors.subject = '主题不能超过60个字';
  if ([...basis].length > 500) errors.basis = '依据不能超过500个字';
  if (!validUntil) errors.validUntil = '请填写有效期（复核日期）';
  else if (!realDay(validUntil)) errors.validUntil = '日期格式不正确，如 2027-06-30';
  else if (validUntil < today) errors.validUntil = '有效期不能早于今天';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { question, answer, subject, basis, validUntil } };
}

export type KnowledgeStatus = 'valid' | 'review_due';
export const KNOWLEDGE_STATUS_LABELS: Record<KnowledgeStatus, string> = { valid: '有效', review_due: '已过复核日期，待复核' };

/** Past its date an entry is flagged; it may not be given as an answer until reviewed. */
export function knowledgeStatus(validUntil: string, today: string): KnowledgeStatus {
  return validUntil < today ? 'review_due' : 'valid';
}
