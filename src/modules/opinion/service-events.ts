// 新闻发布会 and 在线访谈: staff announce and publish events; the public asks questions to an 在线访谈
// (idempotent by the form's one-time key), staff approve or reject them and answer; approved ones are
// published with their answer.
import crypto from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { units } from '../../core/db/schema.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { opinionEventQuestions, opinionEvents, type ConcernLink } from './data/schema.ts';
import { checkPublish, questionsOpen, type EventKindName } from './domain/events.ts';
import { canEditConcern } from './service-concerns.ts';
import { unitsOfCity, type OpinionActor, type Result } from './service.ts';

export type EventRow = typeof opinionEvents.$inferSelect & { unitName: string };
export type QuestionRow = typeof opinionEventQuestions.$inferSelect;

export function newSubmissionKey(): string {
  return crypto.randomBytes(18).toString('base64url');
}

export async function listEvents(db: DbOrTx, rootUnitId: number): Promise<EventRow[]> {
  const r = await db.select({ e: opinionEvents, unitName: units.name }).from(opinionEvents).leftJoin(units, eq(units.id, opinionEvents.unitId)).where(eq(opinionEvents.rootUnitId, rootUnitId)).orderBy(desc(opinionEvents.startsAt), desc(opinionEvents.id)).limit(500);
  return r.map((x) => ({ ...x.e, unitName: x.unitName ?? '' }));
}

export async function findEvent(db: DbOrTx, rootUnitId: number, code: string): Promise<EventRow | null> {
  if (!/^fh[0-9a-f]{12}$/.test(code)) return null;
  const [x] = await db.select({ e: opinionEvents, unitName: units.name }).from(opinionEvents).leftJoin(units, eq(units.id, opinionEvents.unitId)).where(and(eq(opinionEvents.rootUnitId, rootUnitId), eq(opinionEvents.code, code)));
  return x ? { ...x.e, unitName: x.unitName ?? '' } : null;
}

export async function questionsOf(db: DbOrTx, eventId: number, approvedOnly: boolean): Promise<QuestionRow[]> {
  const where = approvedOnly ? and(eq(opinionEventQuestions.eventId, eventId), eq(opinionEventQuestions.state, 'approved')) : eq(opinionEventQuestions.eventId, eventId);
  return db.select().from(opinionEventQuestions).where(where).orderBy(asc(opinionEventQuestions.askedAt), asc(opinionEventQuestions.id));
}

export interface EventInput {
  kind: EventKindName;
  topic: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  speakers: string;
  intro: string;
  unitId: number;
  transcript: string;
  media: ConcernLink[];
  publish: boolean;
}

/** Announces (existing = null) or changes an event; publishing needs the transcript and a past start. */
export async function saveEvent(core: Core, actor: OpinionActor, existing: EventRow | null, input: EventInput): Promise<Result<{ code: string }>> {
  const user = actor.user!;
  const root = user.rootUnitId;
  const fields: Record<string, string> = {};
  if (!(await unitsOfCity(core.db, root)).some((u) => u.id === input.unitId)) fields.unitId = '请从列表中选择发布单位';
  else if (!canEditConcern(user, { rootUnitId: root, unitId: input.unitId })) fields.unitId = '只能以本单位名义发布';
  if (existing && !canEditConcern(user, existing)) return { ok: false, reasons: ['您不能修改其他单位的活动。'] };
  const now = core.clock.now();
  if (input.publish) {
    const reasons = checkPublish({ ...input, state: 'announced' }, input.transcript, now);
    if (reasons.some((r) => r.startsWith('活动尚未开始'))) fields.startsAt = '活动尚未开始，不能发布实录';
    if (reasons.some((r) => r.startsWith('发布实录'))) fields.transcript = '发布实录须填写文字实录';
  }
  if (Object.keys(fields).length) return { ok: false, reasons: Object.values(fields), fields };
  const values = {
    kind: input.kind,
    topic: input.topic,
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes,
    place: input.place,
    speakers: input.speakers,
    intro: input.intro,
    unitId: input.unitId,
    transcript: input.transcript,
    media: input.media,
    state: input.publish ? ('published' as const) : ('announced' as const),
    publishedAt: input.publish ? (existing?.publishedAt ?? now) : null,
  };
  const code = await core.db.transaction(async (tx) => {
    if (existing) {
      await tx.update(opinionEvents).set(values).where(eq(opinionEvents.id, existing.id));
      await writeAudit(tx, actor.audit, { action: 'opinion.event-changed', targetType: 'opinion_event', targetId: existing.id, unitId: input.unitId, summary: { before: { topic: existing.topic, state: existing.state }, after: { topic: input.topic, state: values.state } } }, now);
      return existing.code;
    }
    const code = `fh${crypto.randomBytes(6).toString('hex')}`;
    const [row] = await tx.insert(opinionEvents).values({ ...values, rootUnitId: root, code, createdAt: now }).returning({ id: opinionEvents.id });
    await writeAudit(tx, actor.audit, { action: 'opinion.event-announced', targetType: 'opinion_event', targetId: row!.id, unitId: input.unitId, summary: { after: { code, topic: input.topic, kind: input.kind } } }, now);
    return code;
  });
  return { ok: true, code };
}

/** A question from the public; the same form sent twice makes one question. */
export async function askQuestion(core: Core, event: EventRow, input: { asker: string; question: string; submissionKey: string }): Promise<Result> {
  if (!questionsOpen(event, core.clock.now())) return { ok: false, reasons: ['本场访谈现在不接受提问。'] };
  const rows = await core.db
    .insert(opinionEventQuestions)
    .values({ eventId: event.id, asker: input.asker || '网友', question: input.question, submissionKey: input.submissionKey, askedAt: core.clock.now() })
    .onConflictDoNothing()
    .returning({ id: opinionEventQuestions.id });
  if (!rows.length) {
    const [same] = await core.db.select({ eventId: opinionEventQuestions.eventId }).from(opinionEventQuestions).where(eq(opinionEventQuestions.submissionKey, input.submissionKey));
    if (same?.eventId !== event.id) return { ok: false, reasons: ['表单已失效，请刷新页面后重新提交。'] };
  }
  return { ok: true };
}

/** Approve (published, with the answer if any), reject (with a reason), or add a question asked at the event. */
export async function moderateQuestion(core: Core, actor: OpinionActor, event: EventRow, questionId: number | null, input: { decision: 'approved' | 'rejected'; answer: string; reason: string; asker?: string; question?: string }): Promise<Result> {
  if (!canEditConcern(actor.user!, event)) return { ok: false, reasons: ['您不能管理其他单位活动的提问。'] };
  const now = core.clock.now();
  if (input.decision === 'rejected' && !input.reason.trim()) return { ok: false, reasons: ['请填写不予采用的理由。'], fields: { reason: '请填写不予采用的理由' } };
  await core.db.transaction(async (tx) => {
    let id = questionId;
    const set = { state: input.decision, answer: input.decision === 'approved' ? input.answer : '', answeredBy: input.decision === 'approved' && input.answer ? event.unitName : '', reason: input.decision === 'rejected' ? input.reason : '', moderatedAt: now, moderatedBy: actor.audit.name };
    if (id === null) id = (await tx.insert(opinionEventQuestions).values({ eventId: event.id, asker: input.asker || '记者', question: input.question ?? '', askedAt: now, ...set }).returning({ id: opinionEventQuestions.id }))[0]!.id;
    else await tx.update(opinionEventQuestions).set(set).where(and(eq(opinionEventQuestions.id, id), eq(opinionEventQuestions.eventId, event.id)));
    await writeAudit(tx, actor.audit, { action: `opinion.question-${input.decision}`, targetType: 'opinion_event_question', targetId: id, unitId: event.unitId, summary: { note: input.reason || undefined } }, now);
  });
  return { ok: true };
}
