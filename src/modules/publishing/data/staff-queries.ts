// Read queries of the back-office pages: filtered record lists, years, per-item last publication,
// staff names and the workflow view of a record. Catalog items come from the catalog module's index.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { staffUsers } from '../../../core/db/schema.ts';
import type { WorkflowRecord } from '../domain/workflow.ts';
import type { DocType, GeneralColumn, RecordState } from '../domain/vocab.ts';
import { pubRecords } from './schema.ts';
import { lastForcedBy, listLinkedPolicies, type RecordRow } from './repository.ts';

export interface StaffRecordFilter {
  unitId: number;
  state?: RecordState;
  itemId?: number;
  column?: GeneralColumn;
  docType?: DocType;
  /** Year of 发布日期, or of 成文日期 for records not yet published. */
  year?: number;
  limit: number;
  offset: number;
}

function filterWhere(f: Omit<StaffRecordFilter, 'limit' | 'offset'>): SQL {
  const conds: SQL[] = [eq(pubRecords.unitId, f.unitId)];
  if (f.state) conds.push(eq(pubRecords.state, f.state));
  if (f.itemId !== undefined) conds.push(eq(pubRecords.catalogItemId, f.itemId));
  if (f.column) conds.push(eq(pubRecords.generalColumn, f.column));
  if (f.docType) conds.push(eq(pubRecords.docType, f.docType));
  if (f.year !== undefined) {
    const from = `${String(f.year).padStart(4, '0')}-01-01`;
    const to = `${String(f.year).padStart(4, '0')}-12-31`;
    conds.push(sql`coalesce(${pubRecords.publishedOn}, ${pubRecords.writtenOn}) BETWEEN ${from}::date AND ${to}::date`);
  }
  return and(...conds)!;
}

/** A page of a unit's records matching the filter, newest change first, and the total count. */
export async function listStaffRecords(db: DbOrTx, f: StaffRecordFilter): Promise<{ rows: RecordRow[]; total: number }> {
  const where = filterWhere(f);
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(pubRecords)
      .where(where)
      .orderBy(desc(pubRecords.updatedAt), desc(pubRecords.id))
      .limit(Math.min(Math.max(f.limit, 1), 5000))
      .offset(Math.max(f.offset, 0)),
    db.select({ n: sql<number>`count(*)::int` }).from(pubRecords).where(where),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** The years a unit's records fall in (for the year filter), newest first. */
export async function recordYears(db: DbOrTx, unitId: number): Promise<number[]> {
  const res = await db.execute<{ y: number }>(sql`
    SELECT DISTINCT extract(year FROM coalesce(published_on, written_on))::int AS y
    FROM pub_records WHERE unit_id = ${unitId}::bigint ORDER BY y DESC`);
  return res.rows.map((r) => Number(r.y));
}

/** The years in which any unit of a city published (the city-wide timeliness page's choices). */
export async function cityPublishedYears(db: DbOrTx, rootUnitId: number): Promise<number[]> {
  const res = await db.execute<{ y: number }>(sql`
    SELECT DISTINCT extract(year FROM published_on)::int AS y
    FROM pub_records WHERE root_unit_id = ${rootUnitId}::bigint AND published_on IS NOT NULL ORDER BY y DESC`);
  return res.rows.map((r) => Number(r.y));
}

/** The last 发布日期 of a unit's 主动公开 records per catalog item. */
export async function lastPublishedByItem(db: DbOrTx, unitId: number): Promise<Map<number, string>> {
  const rows = await db
    .select({ itemId: pubRecords.catalogItemId, last: sql<string>`max(${pubRecords.publishedOn})::text` })
    .from(pubRecords)
    .where(and(eq(pubRecords.unitId, unitId), inArray(pubRecords.state, ['published', 'withdrawn']), eq(pubRecords.disclosure, 'proactive'), sql`${pubRecords.catalogItemId} IS NOT NULL`))
    .groupBy(pubRecords.catalogItemId);
  return new Map(rows.filter((r) => r.itemId !== null && r.last).map((r) => [r.itemId!, r.last]));
}

/** The workflow view of a record (who force-published it, whether it moves with its policy). */
export async function workflowRecordOf(db: DbOrTx, r: RecordRow): Promise<WorkflowRecord> {
  let movesWithPolicy = false;
  if (r.kind === 'interpretation') {
    const policies = await listLinkedPolicies(db, r.id);
    movesWithPolicy = policies.some((p) => ['draft', 'submitted', 'approved', 'scheduled'].includes(p.state));
  }
  return {
    unitId: r.unitId,
    rootUnitId: r.rootUnitId,
    state: r.state,
    kind: r.kind,
    disclosure: r.disclosure,
    submittedById: r.submittedById,
    reviewOwed: r.reviewOwed,
    forcedById: r.reviewOwed ? await lastForcedBy(db, r.id) : null,
    movesWithPolicy,
  };
}

/** Display names of staff members by id. */
export async function staffNames(db: DbOrTx, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((n): n is number => typeof n === 'number'))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, wanted)).orderBy(asc(staffUsers.id));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Late publications of a unit in a year (by 发布日期), newest first. */
export async function latePublicationsOfYear(db: DbOrTx, unitId: number, year: number, limit = 200): Promise<RecordRow[]> {
  return db
    .select()
    .from(pubRecords)
    .where(
      and(
        eq(pubRecords.unitId, unitId),
        eq(pubRecords.publishedLate, true),
        eq(pubRecords.disclosure, 'proactive'),
        inArray(pubRecords.state, ['published', 'withdrawn']),
        sql`${pubRecords.publishedOn} BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`,
      ),
    )
    .orderBy(desc(pubRecords.publishedOn), desc(pubRecords.id))
    .limit(limit);
}
