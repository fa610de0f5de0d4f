// SQL for reports and the case register. No rules here.
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { arCases, arReports } from './schema.ts';
import type { CaseFact } from '../domain/section4.ts';

export type ReportRow = typeof arReports.$inferSelect;
export type NewReportRow = typeof arReports.$inferInsert;
export type CaseRow = typeof arCases.$inferSelect;
export type NewCaseRow = typeof arCases.$inferInsert;

export async function findReport(db: DbOrTx, unitId: number, year: number): Promise<ReportRow | undefined> {
  const rows = await db.select().from(arReports).where(and(eq(arReports.unitId, unitId), eq(arReports.year, year))).limit(1);
  return rows[0];
}

/** The row locked for update inside a transaction. */
export async function lockReport(db: DbOrTx, id: number): Promise<ReportRow | undefined> {
  const rows = await db.select().from(arReports).where(eq(arReports.id, id)).for('update').limit(1);
  return rows[0];
}

export async function listReportsOfUnit(db: DbOrTx, unitId: number): Promise<ReportRow[]> {
  return db.select().from(arReports).where(eq(arReports.unitId, unitId)).orderBy(desc(arReports.year));
}

/** Summary columns of the reports of several units for one year (the dashboard). */
export async function listReportsForYear(db: DbOrTx, unitIds: number[], year: number) {
  if (!unitIds.length) return [];
  return db
    .select({
      id: arReports.id,
      unitId: arReports.unitId,
      year: arReports.year,
      state: arReports.state,
      source: arReports.source,
      scope: arReports.scope,
      publishedOn: arReports.publishedOn,
      generatedAt: arReports.generatedAt,
      updatedAt: arReports.updatedAt,
    })
    .from(arReports)
    .where(and(inArray(arReports.unitId, unitIds), eq(arReports.year, year)));
}

export async function listPublishedReports(db: DbOrTx, unitId: number): Promise<ReportRow[]> {
  return db
    .select()
    .from(arReports)
    .where(and(eq(arReports.unitId, unitId), eq(arReports.state, 'published')))
    .orderBy(desc(arReports.year));
}

export async function publishedYears(db: DbOrTx, unitId: number): Promise<number[]> {
  const rows = await db
    .select({ year: arReports.year })
    .from(arReports)
    .where(and(eq(arReports.unitId, unitId), eq(arReports.state, 'published')))
    .orderBy(desc(arReports.year));
  return rows.map((r) => r.year);
}

export async function insertReport(db: DbOrTx, row: NewReportRow): Promise<ReportRow> {
  const [r] = await db.insert(arReports).values(row).returning();
  return r!;
}

/** Updates the row if it still has `version`; undefined when someone else changed it first. */
export async function updateReport(db: DbOrTx, id: number, version: number, set: Partial<NewReportRow>): Promise<ReportRow | undefined> {
  const rows = await db
    .update(arReports)
    .set({ ...set, version: version + 1 })
    .where(and(eq(arReports.id, id), eq(arReports.version, version)))
    .returning();
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// Cases

export async function findCaseByCode(db: DbOrTx, code: string): Promise<CaseRow | undefined> {
  const rows = await db.select().from(arCases).where(eq(arCases.code, code)).limit(1);
  return rows[0];
}

export async function listCases(db: DbOrTx, unitIds: number[], opts: { includeVoided?: boolean } = {}): Promise<CaseRow[]> {
  if (!unitIds.length) return [];
  const where = opts.includeVoided ? inArray(arCases.unitId, unitIds) : and(inArray(arCases.unitId, unitIds), isNull(arCases.voidedAt));
  return db.select().from(arCases).where(where).orderBy(desc(arCases.filedOn), asc(arCases.id));
}

export function caseFactOf(r: CaseRow): CaseFact {
  return { code: r.code, kind: r.kind, lawsuitPath: r.lawsuitPath, filedOn: r.filedOn, decidedOn: r.decidedOn, result: r.result };
}

export async function insertCase(db: DbOrTx, row: NewCaseRow): Promise<CaseRow> {
  const [r] = await db.insert(arCases).values(row).returning();
  return r!;
}

export async function updateCase(db: DbOrTx, id: number, set: Partial<NewCaseRow>): Promise<CaseRow> {
  const [r] = await db.update(arCases).set(set).where(eq(arCases.id, id)).returning();
  return r!;
}

/** The latest change to the case register of these units (to tell a report it is out of date). */
export async function lastCaseChange(db: DbOrTx, unitIds: number[]): Promise<Date | null> {
  if (!unitIds.length) return null;
  const rows = await db.select({ at: max(arCases.updatedAt) }).from(arCases).where(inArray(arCases.unitId, unitIds));
  return rows[0]?.at ?? null;
}

export async function countCasesByUnit(db: DbOrTx, unitIds: number[]): Promise<Map<number, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db
    .select({ unitId: arCases.unitId, n: sql<number>`count(*)::int` })
    .from(arCases)
    .where(and(inArray(arCases.unitId, unitIds), isNull(arCases.voidedAt)))
    .groupBy(arCases.unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}
