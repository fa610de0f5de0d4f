// Comment periods (意见征集) on a draft catalog: open one, take public comments (idempotent per
// submission key), answer each, then close and publish the answers with the adopted catalog version.
// Every state change is one transaction with its audit row.
import crypto from 'node:crypto';
import type { Core } from '../../core/services.ts';
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
  latestCatalogVersion,
  markClosed,
  updateAnswer,
  type CommentRow,
  type ConsultationRow,
} from './data/consultation-queries.ts';

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

export async function createConsultation(core: Core, actor: Actor, unit: UnitRow, input: ConsultationInput): Promise<Outcome<{ consultation: ConsultationRow }>> {
  const errors = validateConsultation(input, today(core));
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const now = core.clock.now();
    const consultation = await insertConsultation(tx, { code: newConsultationCode(), unitId: unit.id, ...input }, now);
    await writeAudit(
      tx,
      actor,
      {
        action: 'catalog.consultation-created',
        targetType: 'catalog_consultation',
        targetId: consultation.code,
        unitId: unit.id,
        summary: { after: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn } },
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
        action: 'catalog.comment-submitted',
        targetType: 'catalog_comment',
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
        action: 'catalog.comment-answered',
        targetType: 'catalog_comment',
        targetId: comment.id,
        unitId: locked.unitId,
        summary: { consultation: locked.code, before: { answer: comment.answer, reason: comment.answerReason }, after: { answer: input.answer, reason } },
      },
      now,
    );
    return { ok: true as const };
  });
}

/** Ends the period and publishes the answers with the unit's current catalog version (or none). */
export async function closeConsultation(core: Core, actor: Actor, consultation: ConsultationRow): Promise<Outcome<{ adoptedVersion: number | null }>> {
  return core.db.transaction(async (tx) => {
    const locked = (await findConsultationByCode(tx, consultation.code, true))!;
    const refusals = closeRefusals(locked, await countUnanswered(tx, locked.id), today(core));
    if (refusals.length) return { ok: false as const, refusals };
    const now = core.clock.now();
    const adoptedVersion = await latestCatalogVersion(tx, locked.unitId);
    await markClosed(tx, locked.id, now, adoptedVersion);
    await writeAudit(
      tx,
      actor,
      {
        action: 'catalog.consultation-closed',
        targetType: 'catalog_consultation',
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
      { action: 'catalog.comment-contact-viewed', targetType: 'catalog_comment', targetId: comment.id, unitId: consultation.unitId, summary: { consultation: consultation.code } },
      core.clock.now(),
    );
  });
}
