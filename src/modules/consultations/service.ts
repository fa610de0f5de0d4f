// Comment periods (意见征集) on a draft (a catalog, a major decision): open one, take public comments
// (idempotent per submission key), answer each, then close and publish the answers. Every state
// change is one transaction with its audit row, named after the kind of draft (`catalog.…`,
// `decisions.…`) so each module's audit labels stay its own.
import crypto from 'node:crypto';
import type { Core } from '../../core/services.ts';
import type { Tx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import type { UnitRow } from '../units/index.ts';
import {
  answerRefusal,
  closeRefusals,
  commentRefusal,
  isSubmissionKey,
  validateAnswer,
  validateComment,
  validateConsultation,
  CATALOG_PERIOD_RULE,
  DECISION_PERIOD_RULE,
  type PeriodRule,
  type Answer,
  type CommentInput,
  type ConsultationInput,
} from './domain/consultation.ts';
import {
  countUnanswered,
  findComment,
  findCommentByKey,
  findConsultationByCode,
  insertCommentOnce,
  insertConsultation,
  markClosed,
  updateAnswer,
  type CommentRow,
  type ConsultationRow,
} from './data/queries.ts';
import type { ConsultationSubject } from './data/schema.ts';

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string>; refusals?: undefined } | { ok: false; refusals: string[]; errors?: undefined };

/** A public, non-guessable identifier for the consultation's URL. */
export function newConsultationCode(): string {
  return 'yj' + crypto.randomBytes(8).toString('base64url').toLowerCase().replace(/[-_]/g, 'x');
}

/** The hidden key a comment form carries, so a retried or double-clicked submit stores one comment. */
export function newSubmissionKey(): string {
  return crypto.randomBytes(18).toString('base64url');
}

const today = (core: Core) => shanghaiToday(core.clock.now());

/** The rule for each kind of draft, and the prefix of its audit actions and targets. */
const SUBJECTS: Record<ConsultationSubject, { rule: PeriodRule; audit: string; target: string }> = {
  catalog: { rule: CATALOG_PERIOD_RULE, audit: 'catalog', target: 'catalog' },
  decision: { rule: DECISION_PERIOD_RULE, audit: 'decisions', target: 'decision' },
};
const subjectOf = (c: { subject: ConsultationSubject }) => SUBJECTS[c.subject] ?? SUBJECTS.catalog;

/**
 * Opens a comment period on a draft of the given kind (catalog by default). `inTx` runs in the same
 * transaction, e.g. to link the period to a decision's dossier.
 */
export async function createConsultation(
  core: Core,
  actor: Actor,
  unit: Pick<UnitRow, 'id'>,
  input: ConsultationInput,
  subject: ConsultationSubject = 'catalog',
  inTx?: (tx: Tx, consultation: ConsultationRow) => Promise<void>,
): Promise<Outcome<{ consultation: ConsultationRow }>> {
  const s = SUBJECTS[subject];
  const errors = validateConsultation(input, today(core), s.rule);
  if (Object.keys(errors).length) return { ok: false, errors };
  const urgentReason = input.urgentReason?.trim() || null;
  return core.db.transaction(async (tx) => {
    const now = core.clock.now();
    const consultation = await insertConsultation(
      tx,
      { code: newConsultationCode(), subject, unitId: unit.id, title: input.title, description: input.description, startsOn: input.startsOn, endsOn: input.endsOn, urgentReason },
      now,
    );
    if (inTx) await inTx(tx, consultation);
    await writeAudit(
      tx,
      actor,
      {
        action: `${s.audit}.consultation-created`,
        targetType: `${s.target}_consultation`,
        targetId: consultation.code,
        unitId: unit.id,
        summary: { after: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn, ...(urgentReason ? { urgentReason } : {}) } },
      },
      now,
    );
    return { ok: true as const, consultation };
  });
}

export interface SubmittedComment {
  comment: CommentRow;
  /** true: this key was already used, nothing new was stored. */
  duplicate: boolean;
}

/** Stores a public comment once per submission key; refused outside the comment period. */
export async function submitComment(
  core: Core,
  actor: Actor,
  code: string,
  input: CommentInput & { submissionKey: string },
): Promise<Outcome<SubmittedComment>> {
  const errors = validateComment(input);
  if (Object.keys(errors).length) return { ok: false, errors };
  // A form without a usable key (an odd client) still works, just without retry protection.
  const submissionKey = isSubmissionKey(input.submissionKey) ? input.submissionKey : newSubmissionKey();
  return core.db.transaction(async (tx) => {
    const consultation = await findConsultationByCode(tx, code);
    if (!consultation) return { ok: false as const, refusals: ['该意见征集不存在。'] };
    const earlier = await findCommentByKey(tx, submissionKey);
    if (earlier) return sameKey(earlier, consultation);
    const refusal = commentRefusal(consultation, today(core));
    if (refusal) return { ok: false as const, refusals: [refusal] };
    const now = core.clock.now();
    const comment = await insertCommentOnce(tx, {
      consultationId: consultation.id,
      submissionKey,
      name: input.name,
      contact: input.contact,
      body: input.body,
      submittedAt: now,
    });
    // Lost a race with the same key: the other request stored it.
    if (!comment) return sameKey((await findCommentByKey(tx, submissionKey))!, consultation);
    await writeAudit(
      tx,
      actor,
      {
        action: `${subjectOf(consultation).audit}.comment-submitted`,
        targetType: `${subjectOf(consultation).target}_comment`,
        targetId: comment.id,
        unitId: consultation.unitId,
        // No personal data in the log: only what and how long.
        summary: { consultation: consultation.code, after: { characters: [...input.body].length, named: !!input.name } },
      },
      now,
    );
    return { ok: true as const, comment, duplicate: false };
  });
}

function sameKey(comment: CommentRow, consultation: ConsultationRow): Outcome<SubmittedComment> {
  if (comment.consultationId !== consultation.id) return { ok: false, refusals: ['页面已过期，请刷新页面后重新提交。'] };
  return { ok: true, comment, duplicate: true };
}

/** Records (or changes, until the answers are published) the answer to one comment. */
export async function answerComment(
  core: Core,
  actor: Actor,
  consultation: ConsultationRow,
  commentId: number,
  input: { answer: string; reason: string },
): Promise<Outcome> {
  const errors = validateAnswer(input.answer, input.reason);
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    // Locks the consultation, so an answer and the closing never interleave.
    const locked = (await findConsultationByCode(tx, consultation.code, true))!;
    const refusal = answerRefusal(locked);
    if (refusal) return { ok: false as const, refusals: [refusal] };
    const comment = await findComment(tx, locked.id, commentId, true);
    if (!comment) return { ok: false as const, refusals: ['该意见不存在。'] };
    const now = core.clock.now();
    const reason = input.reason.trim();
    await updateAnswer(tx, comment.id, { answer: input.answer as Answer, answerReason: reason, answeredAt: now, answeredByName: actor.name });
    await writeAudit(
      tx,
      actor,
      {
        action: `${subjectOf(locked).audit}.comment-answered`,
        targetType: `${subjectOf(locked).target}_comment`,
        targetId: comment.id,
        unitId: locked.unitId,
        summary: { consultation: locked.code, before: { answer: comment.answer, reason: comment.answerReason }, after: { answer: input.answer, reason } },
      },
      now,
    );
    return { ok: true as const };
  });
}

/**
 * Ends the period and publishes the answers. `adoptedVersion` (catalogs: the unit's current catalog
 * version, or null) is read inside the transaction and published with the answers.
 */
export async function closeConsultation(
  core: Core,
  actor: Actor,
  consultation: ConsultationRow,
  adoptedVersionOf: (tx: Tx, c: ConsultationRow) => Promise<number | null> = async () => null,
): Promise<Outcome<{ adoptedVersion: number | null }>> {
  return core.db.transaction(async (tx) => {
    const locked = (await findConsultationByCode(tx, consultation.code, true))!;
    const refusals = closeRefusals(locked, await countUnanswered(tx, locked.id), today(core));
    if (refusals.length) return { ok: false as const, refusals };
    const now = core.clock.now();
    const adoptedVersion = await adoptedVersionOf(tx, locked);
    await markClosed(tx, locked.id, now, adoptedVersion);
    await writeAudit(
      tx,
      actor,
      {
        action: `${subjectOf(locked).audit}.consultation-closed`,
        targetType: `${subjectOf(locked).target}_consultation`,
        targetId: locked.code,
        unitId: locked.unitId,
        summary: { before: { closed: false }, after: { closed: true, adoptedVersion } },
      },
      now,
    );
    return { ok: true as const, adoptedVersion };
  });
}

/** Staff reading a commenter's full contact: each read is audited (personal data). */
export async function recordContactViewed(core: Core, actor: Actor, consultation: ConsultationRow, comment: CommentRow): Promise<void> {
  await core.db.transaction(async (tx) => {
    await writeAudit(
      tx,
      actor,
      {
        action: `${subjectOf(consultation).audit}.comment-contact-viewed`,
        targetType: `${subjectOf(consultation).target}_comment`, targetId: comment.id, unitId: consultation.unitId,
        summary: { consultation: consultation.code },
      },
      core.clock.now(),
    );
  });
}

/**
 * Stores a past comment period with its comments and answers as they happened (demo data, or an import
 * of periods held before this platform). No rule is checked: the dates are history.
 */
export async function importConsultation(
  tx: Tx,
  c: { subject: ConsultationSubject; unitId: number; title: string; description: string; startsOn: string; endsOn: string; urgentReason?: string | null; closedAt: Date | null; createdAt: Date },
  comments: { name: string; contact: string; body: string; submittedAt: Date; answer?: Answer; reason?: string; answeredByName?: string }[],
): Promise<ConsultationRow> {
  const row = await insertConsultation(tx, { code: newConsultationCode(), subject: c.subject, unitId: c.unitId, title: c.title, description: c.description, startsOn: c.startsOn, endsOn: c.endsOn, urgentReason: c.urgentReason ?? null }, c.createdAt);
  if (c.closedAt) await markClosed(tx, row.id, c.closedAt, null);
  for (const m of comments) {
    const comment = await insertCommentOnce(tx, { consultationId: row.id, submissionKey: newSubmissionKey(), name: m.name, contact: m.contact, body: m.body, submittedAt: m.submittedAt });
    if (comment && m.answer) await updateAnswer(tx, comment.id, { answer: m.answer, answerReason: m.reason ?? '', answeredAt: m.submittedAt, answeredByName: m.answeredByName ?? '' });
  }
  return { ...row, closedAt: c.closedAt };
}
