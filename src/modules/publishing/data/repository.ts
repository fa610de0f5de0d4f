// SQL of the publishing module: reads and writes of records, versions, attachments, sequences, links
// and the review log. No rules here; the service decides.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { units } from '../../../core/db/schema.ts';
import type { RecordSnapshot } from '../domain/types.ts';
import type { RecordState } from '../domain/vocab.ts';
import { pubAttachments, pubIndexSequences, pubInterpretationLinks, pubRecords, pubRecordVersions, pubReviewLog } from './schema.ts';

export type RecordRow = typeof pubRecords.$inferSelect;
export type NewRecordRow = typeof pubRecords.$inferInsert;
export type VersionRow = typeof pubRecordVersions.$inferSelect;
export type AttachmentRow = typeof pubAttachments.$inferSelect;
export type ReviewLogRow = typeof pubReviewLog.$inferSelect;

/**
 * Public visibility: only 主动公开 records, once published; withdrawn ones keep their page (with the
 * withdrawal notice) but lists normally show `state = 'published'` only.
 */
export const PUBLIC_RECORD: SQL = sql`(${pubRecords.state} IN ('published','withdrawn') AND ${pubRecords.disclosure} = 'proactive')`;
/** Public and currently shown in lists. */
export const LISTED_RECORD: SQL = sql`(${pubRecords.state} = 'published' AND ${pubRecords.disclosure} = 'proactive')`;

export async function findRecordById(db: DbOrTx, id: number, forUpdate = false): Promise<RecordRow | undefined> {
  const q = db.select().from(pubRecords).where(eq(pubRecords.id, id));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function findRecordByCode(db: DbOrTx, code: string, forUpdate = false): Promise<RecordRow | undefined> {
  if (typeof code !== 'string' || code.length > 64) return undefined;
  const q = db.select().from(pubRecords).where(eq(pubRecords.code, code));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function findRecordByIndexNo(db: DbOrTx, indexNo: string): Promise<RecordRow | undefined> {
  if (typeof indexNo !== 'string' || indexNo.length > 64) return undefined;
  const rows = await db.select().from(pubRecords).where(eq(pubRecords.indexNo, indexNo));
  return rows[0];
}

export async function insertRecord(tx: Tx, values: NewRecordRow): Promise<RecordRow> {
  const [row] = await tx.insert(pubRecords).values(values).returning();
  return row!;
}

export async function updateRecord(tx: Tx, id: number, values: Partial<NewRecordRow>): Promise<RecordRow> {
  const [row] = await tx.update(pubRecords).set(values).where(eq(pubRecords.id, id)).returning();
  return row!;
}

export async function insertVersion(
  tx: Tx,
  v: { recordId: number; lockVersion: number; event: string; isPublic: boolean; snapshot: RecordSnapshot; changeNote: string; changedById: number | null; changedByName: string; changedAt: Date },
): Promise<void> {
  await tx.insert(pubRecordVersions).values(v);
}

export async function listRecordVersions(db: DbOrTx, recordId: number): Promise<VersionRow[]> {
  return db.select().from(pubRecordVersions).where(eq(pubRecordVersions.recordId, recordId)).orderBy(desc(pubRecordVersions.lockVersion));
}

/** The public change history: publication, revisions, withdrawal, validity changes — oldest first. */
export async function listPublicVersions(db: DbOrTx, recordId: number): Promise<VersionRow[]> {
  return db
    .select()
    .from(pubRecordVersions)
    .where(and(eq(pubRecordVersions.recordId, recordId), eq(pubRecordVersions.isPublic, true)))
    .orderBy(asc(pubRecordVersions.lockVersion));
}

export async function latestVersion(db: DbOrTx, recordId: number): Promise<VersionRow | undefined> {
  const rows = await db.select().from(pubRecordVersions).where(eq(pubRecordVersions.recordId, recordId)).orderBy(desc(pubRecordVersions.lockVersion)).limit(1);
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// Attachments

export async function insertAttachment(tx: Tx, values: typeof pubAttachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await tx.insert(pubAttachments).values(values).returning();
  return row!;
}

/** Current attachments (not removed), in upload order. */
export async function listAttachments(db: DbOrTx, recordId: number): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(pubAttachments)
    .where(and(eq(pubAttachments.recordId, recordId), isNull(pubAttachments.removedAt)))
    .orderBy(asc(pubAttachments.sortOrder), asc(pubAttachments.id));
}

export async function findAttachmentByCode(db: DbOrTx, code: string): Promise<AttachmentRow | undefined> {
  if (typeof code !== 'string' || code.length > 64) return undefined;
  const rows = await db.select().from(pubAttachments).where(eq(pubAttachments.code, code));
  return rows[0];
}

export async function markAttachmentRemoved(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.update(pubAttachments).set({ removedAt: at }).where(eq(pubAttachments.id, id));
}

// ---------------------------------------------------------------------------------------------
// 索引号 sequences

/**
 * The next sequence number of a unit's year. The upsert takes the row lock until the transaction ends,
 * so concurrent publications queue here: no two get the same number, and a rolled-back publication
 * gives its number back (no gaps).
 */
export async function allocateIndexSeq(tx: Tx, unitId: number, year: number): Promise<number> {
  const rows = await tx
    .insert(pubIndexSequences)
    .values({ unitId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [pubIndexSequences.unitId, pubIndexSequences.year], set: { lastSeq: sql`${pubIndexSequences.lastSeq} + 1` } })
    .returning({ seq: pubIndexSequences.lastSeq });
  return rows[0]!.seq;
}

export async function unitForIndex(db: DbOrTx, unitId: number): Promise<{ id: number; rootId: number; uscc: string; name: string } | undefined> {
  const rows = await db.select({ id: units.id, rootId: units.rootId, uscc: units.uscc, name: units.name }).from(units).where(eq(units.id, unitId));
  const u = rows[0];
  return u ? { ...u, rootId: u.rootId ?? u.id } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Policy ↔ interpretation links

export async function insertLink(tx: Tx, policyId: number, interpretationId: number, at: Date): Promise<void> {
  await tx.insert(pubInterpretationLinks).values({ policyId, interpretationId, createdAt: at }).onConflictDoNothing();
}

export async function deleteLink(tx: Tx, policyId: number, interpretationId: number): Promise<number> {
  const rows = await tx
    .delete(pubInterpretationLinks)
    .where(and(eq(pubInterpretationLinks.policyId, policyId), eq(pubInterpretationLinks.interpretationId, interpretationId)))
    .returning({ p: pubInterpretationLinks.policyId });
  return rows.length;
}

/** Records of the city with this (normalised) 文号, other than `excludeId`, not withdrawn. */
export async function listRecordsWithDocNo(db: DbOrTx, rootUnitId: number, docNo: string, excludeId: number | null): Promise<{ id: number; title: string; unitName: string; indexNo: string | null; state: RecordState }[]> {
  const rows = await db
    .select({ id: pubRecords.id, title: pubRecords.title, unitName: units.name, indexNo: pubRecords.indexNo, state: pubRecords.state })
    .from(pubRecords)
    .innerJoin(units, eq(units.id, pubRecords.unitId))
    .where(and(eq(pubRecords.rootUnitId, rootUnitId), eq(pubRecords.docNo, docNo), sql`${pubRecords.state} <> 'withdrawn'`, excludeId === null ? undefined : sql`${pubRecords.id} <> ${excludeId}`))
    .orderBy(asc(pubRecords.id))
    .limit(10);
  return rows;
}

export async function listLinkedInterpretations(db: DbOrTx, policyId: number): Promise<RecordRow[]> {
  const rows = await db
    .select({ r: pubRecords })
    .from(pubInterpretationLinks)
    .innerJoin(pubRecords, eq(pubRecords.id, pubInterpretationLinks.interpretationId))
    .where(eq(pubInterpretationLinks.policyId, policyId))
    .orderBy(asc(pubRecords.id));
  return rows.map((x) => x.r);
}

export async function listLinkedPolicies(db: DbOrTx, interpretationId: number): Promise<RecordRow[]> {
  const rows = await db
    .select({ r: pubRecords })
    .from(pubInterpretationLinks)
    .innerJoin(pubRecords, eq(pubRecords.id, pubInterpretationLinks.policyId))
    .where(eq(pubInterpretationLinks.interpretationId, interpretationId))
    .orderBy(asc(pubRecords.id));
  return rows.map((x) => x.r);
}

// ---------------------------------------------------------------------------------------------
// Review log

export async function insertReviewLog(
  tx: Tx,
  v: { recordId: number; action: string; actorId: number | null; actorName: string; reasons?: string[]; note?: string; at: Date },
): Promise<void> {
  await tx.insert(pubReviewLog).values({ ...v, reasons: v.reasons ?? [], note: v.note ?? '' });
}

export async function listReviewLog(db: DbOrTx, recordId: number): Promise<ReviewLogRow[]> {
  return db.select().from(pubReviewLog).where(eq(pubReviewLog.recordId, recordId)).orderBy(asc(pubReviewLog.id));
}

/** Who force-published a record last (for the "review owed" rule). */
export async function lastForcedBy(db: DbOrTx, recordId: number): Promise<number | null> {
  const rows = await db
    .select({ actorId: pubReviewLog.actorId })
    .from(pubReviewLog)
    .where(and(eq(pubReviewLog.recordId, recordId), eq(pubReviewLog.action, 'force_published')))
    .orderBy(desc(pubReviewLog.id))
    .limit(1);
  return rows[0]?.actorId ?? null;
}

// ---------------------------------------------------------------------------------------------
// Staff lists

export interface ListOptions {
  states?: RecordState[];
  limit?: number;
  offset?: number;
}

export async function listUnitRecords(db: DbOrTx, unitId: number, opts: ListOptions = {}): Promise<RecordRow[]> {
  const where = opts.states?.length ? and(eq(pubRecords.unitId, unitId), inArray(pubRecords.state, opts.states)) : eq(pubRecords.unitId, unitId);
  return db
    .select()
    .from(pubRecords)
    .where(where)
    .orderBy(desc(pubRecords.updatedAt), desc(pubRecords.id))
    .limit(Math.min(opts.limit ?? 50, 500))
    .offset(opts.offset ?? 0);
}

export async function countUnitRecords(db: DbOrTx, unitId: number, states?: RecordState[]): Promise<number> {
  const where = states?.length ? and(eq(pubRecords.unitId, unitId), inArray(pubRecords.state, states)) : eq(pubRecords.unitId, unitId);
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(pubRecords).where(where);
  return rows[0]?.n ?? 0;
}

/** Force-published records still awaiting review, in a city. */
export async function listReviewOwed(db: DbOrTx, rootUnitId: number): Promise<RecordRow[]> {
  return db
    .select()
    .from(pubRecords)
    .where(and(eq(pubRecords.rootUnitId, rootUnitId), eq(pubRecords.reviewOwed, true)))
    .orderBy(asc(pubRecords.publishedAt));
}

/** Submitted records waiting for a reviewer, in the given units. */
export async function listAwaitingReview(db: DbOrTx, unitIds: number[]): Promise<RecordRow[]> {
  if (!unitIds.length) return [];
  return db
    .select()
    .from(pubRecords)
    .where(and(inArray(pubRecords.unitId, unitIds), eq(pubRecords.state, 'submitted')))
    .orderBy(asc(pubRecords.submittedAt));
}

export interface TimelinessSummary {
  published: number;
  late: number;
  unknown: number;
}

/** 条例 第二十六条 timeliness of a unit's publications in a year (by 发布日期), for its dashboard. */
export async function timelinessSummary(db: DbOrTx, unitId: number, year: number): Promise<TimelinessSummary> {
  const rows = await db
    .select({
      published: sql<number>`count(*)::int`,
      late: sql<number>`count(*) FILTER (WHERE ${pubRecords.publishedLate})::int`,
      unknown: sql<number>`count(*) FILTER (WHERE ${pubRecords.publishedLate} IS NULL)::int`,
    })
    .from(pubRecords)
    .where(
      and(
        eq(pubRecords.unitId, unitId),
        inArray(pubRecords.state, ['published', 'withdrawn']),
        eq(pubRecords.disclosure, 'proactive'),
        sql`${pubRecords.publishedOn} >= ${`${year}-01-01`} AND ${pubRecords.publishedOn} <= ${`${year}-12-31`}`,
      ),
    );
  return rows[0] ?? { published: 0, late: 0, unknown: 0 };
}

/** timelinessSummary for every unit of a city that published in the year, in one grouped read. */
export async function timelinessByUnit(db: DbOrTx, rootUnitId: number, year: number): Promise<(TimelinessSummary & { unitId: number })[]> {
  const rows = await db
    .select({
      unitId: pubRecords.unitId,
      published: sql<number>`count(*)::int`,
      late: sql<number>`count(*) FILTER (WHERE ${pubRecords.publishedLate})::int`,
      unknown: sql<number>`count(*) FILTER (WHERE ${pubRecords.publishedLate} IS NULL)::int`,
    })
    .from(pubRecords)
    .where(
      and(
        eq(pubRecords.rootUnitId, rootUnitId),
        inArray(pubRecords.state, ['published', 'withdrawn']),
        eq(pubRecords.disclosure, 'proactive'),
        sql`${pubRecords.publishedOn} >= ${`${year}-01-01`} AND ${pubRecords.publishedOn} <= ${`${year}-12-31`}`,
      ),
    )
    .groupBy(pubRecords.unitId);
  return rows.map((r) => ({ ...r, unitId: Number(r.unitId) }));
}

/** Late publications of a unit, newest first (the dashboard's list). */
export async function listLatePublications(db: DbOrTx, unitId: number, limit = 50): Promise<RecordRow[]> {
  return db
    .select()
    .from(pubRecords)
    .where(and(eq(pubRecords.unitId, unitId), eq(pubRecords.publishedLate, true)))
    .orderBy(desc(pubRecords.publishedOn))
    .limit(limit);
}
