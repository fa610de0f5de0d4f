// SQL for comment periods (意见征集) and their comments. No rules here.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { consultationComments, consultations, type ConsultationSubject } from './schema.ts';

export type ConsultationRow = typeof consultations.$inferSelect;
export type CommentRow = typeof consultationComments.$inferSelect;
export type NewConsultation = Pick<typeof consultations.$inferInsert, 'code' | 'subject' | 'unitId' | 'title' | 'description' | 'startsOn' | 'endsOn' | 'urgentReason'>;

export interface ConsultationListRow extends ConsultationRow {
  commentCount: number;
  unansweredCount: number;
}

export async function insertConsultation(tx: DbOrTx, c: NewConsultation, createdAt: Date): Promise<ConsultationRow> {
  const [row] = await tx.insert(consultations).values({ ...c, createdAt }).returning();
  return row!;
}

export async function findConsultationByCode(db: DbOrTx, code: string, lock = false): Promise<ConsultationRow | undefined> {
  const q = db.select().from(consultations).where(eq(consultations.code, code)).limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

/** A unit's comment periods on one kind of draft, newest first, with how many comments each has and how many await an answer. */
export async function listConsultations(db: DbOrTx, unitId: number, subject: ConsultationSubject = 'catalog'): Promise<ConsultationListRow[]> {
  const rows = await db
    .select({
      c: consultations,
      commentCount: count(consultationComments.id),
      unansweredCount: sql<number>`count(${consultationComments.id}) filter (where ${consultationComments.answer} is null)`,
    })
    .from(consultations)
    .leftJoin(consultationComments, eq(consultationComments.consultationId, consultations.id))
    .where(and(eq(consultations.unitId, unitId), eq(consultations.subject, subject)))
    .groupBy(consultations.id)
    .orderBy(desc(consultations.startsOn), desc(consultations.id));
  return rows.map((r) => ({ ...r.c, commentCount: Number(r.commentCount), unansweredCount: Number(r.unansweredCount) }));
}

export async function listComments(db: DbOrTx, consultationId: number): Promise<CommentRow[]> {
  return db.select().from(consultationComments).where(eq(consultationComments.consultationId, consultationId)).orderBy(asc(consultationComments.submittedAt), asc(consultationComments.id));
}

export async function findComment(db: DbOrTx, consultationId: number, id: number, lock = false): Promise<CommentRow | undefined> {
  const q = db
    .select()
    .from(consultationComments)
    .where(and(eq(consultationComments.consultationId, consultationId), eq(consultationComments.id, id)))
    .limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

export async function findCommentByKey(db: DbOrTx, submissionKey: string): Promise<CommentRow | undefined> {
  const rows = await db.select().from(consultationComments).where(eq(consultationComments.submissionKey, submissionKey)).limit(1);
  return rows[0];
}

/** Stores a comment unless one with the same submission key exists; undefined when it did. */
export async function insertCommentOnce(
  tx: Tx,
  c: Pick<typeof consultationComments.$inferInsert, 'consultationId' | 'submissionKey' | 'name' | 'contact' | 'body' | 'submittedAt'>,
): Promise<CommentRow | undefined> {
  const rows = await tx.insert(consultationComments).values(c).onConflictDoNothing({ target: consultationComments.submissionKey }).returning();
  return rows[0];
}

export async function updateAnswer(
  tx: DbOrTx,
  id: number,
  a: { answer: CommentRow['answer']; answerReason: string; answeredAt: Date; answeredByName: string },
): Promise<void> {
  await tx.update(consultationComments).set(a).where(eq(consultationComments.id, id));
}

export async function countUnanswered(db: DbOrTx, consultationId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(consultationComments)
    .where(and(eq(consultationComments.consultationId, consultationId), isNull(consultationComments.answer)));
  return Number(row?.n ?? 0);
}

/** The periods with these ids, in one query. */
export async function consultationsByIds(db: DbOrTx, ids: number[]): Promise<ConsultationRow[]> {
  if (!ids.length) return [];
  return db.select().from(consultations).where(inArray(consultations.id, ids));
}

/** Comment counts per consultation id. */
export async function commentCounts(db: DbOrTx, ids: number[]): Promise<Map<number, { total: number; unanswered: number }>> {
  const out = new Map<number, { total: number; unanswered: number }>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: consultationComments.consultationId,
      total: count(),
      unanswered: sql<number>`count(*) filter (where ${consultationComments.answer} is null)`,
    })
    .from(consultationComments)
    .where(inArray(consultationComments.consultationId, ids))
    .groupBy(consultationComments.consultationId);
  for (const r of rows) out.set(r.id, { total: Number(r.total), unanswered: Number(r.unanswered) });
  return out;
}

export async function findConsultationById(db: DbOrTx, id: number): Promise<ConsultationRow | undefined> {
  const rows = await db.select().from(consultations).where(eq(consultations.id, id)).limit(1);
  return rows[0];
}

export async function markClosed(tx: DbOrTx, id: number, closedAt: Date, adoptedVersion: number | null): Promise<void> {
  await tx.update(consultations).set({ closedAt, adoptedVersion }).where(eq(consultations.id, id));
}
