// SQL for comment periods (意见征集) and their comments. No rules here.
import { and, asc, count, desc, eq, isNull, max, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { catalogComments, catalogConsultations, catalogVersions } from './schema.ts';

export type ConsultationRow = typeof catalogConsultations.$inferSelect;
export type CommentRow = typeof catalogComments.$inferSelect;
export type NewConsultation = Pick<typeof catalogConsultations.$inferInsert, 'code' | 'unitId' | 'title' | 'description' | 'startsOn' | 'endsOn'>;

export interface ConsultationListRow extends ConsultationRow {
  commentCount: number;
  unansweredCount: number;
}

export async function insertConsultation(tx: DbOrTx, c: NewConsultation, createdAt: Date): Promise<ConsultationRow> {
  const [row] = await tx.insert(catalogConsultations).values({ ...c, createdAt }).returning();
  return row!;
}

export async function findConsultationByCode(db: DbOrTx, code: string, lock = false): Promise<ConsultationRow | undefined> {
  const q = db.select().from(catalogConsultations).where(eq(catalogConsultations.code, code)).limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

/** A unit's comment periods, newest first, with how many comments each has and how many await an answer. */
export async function listConsultations(db: DbOrTx, unitId: number): Promise<ConsultationListRow[]> {
  const rows = await db
    .select({
      c: catalogConsultations,
      commentCount: count(catalogComments.id),
      unansweredCount: sql<number>`count(${catalogComments.id}) filter (where ${catalogComments.answer} is null)`,
    })
    .from(catalogConsultations)
    .leftJoin(catalogComments, eq(catalogComments.consultationId, catalogConsultations.id))
    .where(eq(catalogConsultations.unitId, unitId))
    .groupBy(catalogConsultations.id)
    .orderBy(desc(catalogConsultations.startsOn), desc(catalogConsultations.id));
  return rows.map((r) => ({ ...r.c, commentCount: Number(r.commentCount), unansweredCount: Number(r.unansweredCount) }));
}

export async function listComments(db: DbOrTx, consultationId: number): Promise<CommentRow[]> {
  return db.select().from(catalogComments).where(eq(catalogComments.consultationId, consultationId)).orderBy(asc(catalogComments.submittedAt), asc(catalogComments.id));
}

export async function findComment(db: DbOrTx, consultationId: number, id: number, lock = false): Promise<CommentRow | undefined> {
  const q = db
    .select()
    .from(catalogComments)
    .where(and(eq(catalogComments.consultationId, consultationId), eq(catalogComments.id, id)))
    .limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

export async function findCommentByKey(db: DbOrTx, submissionKey: string): Promise<CommentRow | undefined> {
  const rows = await db.select().from(catalogComments).where(eq(catalogComments.submissionKey, submissionKey)).limit(1);
  return rows[0];
}

/** Stores a comment unless one with the same submission key exists; undefined when it did. */
export async function insertCommentOnce(
  tx: Tx,
  c: Pick<typeof catalogComments.$inferInsert, 'consultationId' | 'submissionKey' | 'name' | 'contact' | 'body' | 'submittedAt'>,
): Promise<CommentRow | undefined> {
  const rows = await tx.insert(catalogComments).values(c).onConflictDoNothing({ target: catalogComments.submissionKey }).returning();
  return rows[0];
}

export async function updateAnswer(
  tx: DbOrTx,
  id: number,
  a: { answer: CommentRow['answer']; answerReason: string; answeredAt: Date; answeredByName: string },
): Promise<void> {
  await tx.update(catalogComments).set(a).where(eq(catalogComments.id, id));
}

export async function countUnanswered(db: DbOrTx, consultationId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(catalogComments)
    .where(and(eq(catalogComments.consultationId, consultationId), isNull(catalogComments.answer)));
  return Number(row?.n ?? 0);
}

/** The newest version number of a unit's catalog, or null when it has none. */
export async function latestCatalogVersion(db: DbOrTx, unitId: number): Promise<number | null> {
  const [row] = await db.select({ v: max(catalogVersions.version) }).from(catalogVersions).where(eq(catalogVersions.unitId, unitId));
  return row?.v ?? null;
}

export async function markClosed(tx: DbOrTx, id: number, closedAt: Date, adoptedVersion: number | null): Promise<void> {
  await tx.update(catalogConsultations).set({ closedAt, adoptedVersion }).where(eq(catalogConsultations.id, id));
}
