// SQL for decisions, their steps, catalog versions, key tasks and progress reports. No rules here.
import { and, asc, desc, eq, inArray, isNotNull, max } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { decisionsCatalogVersions, decisionsItems, decisionsProgress, decisionsSteps, decisionsTasks } from './schema.ts';

export type DecisionRow = typeof decisionsItems.$inferSelect;
export type StepRow = typeof decisionsSteps.$inferSelect;
export type CatalogVersionRow = typeof decisionsCatalogVersions.$inferSelect;
export type TaskRow = typeof decisionsTasks.$inferSelect;
export type ProgressRow = typeof decisionsProgress.$inferSelect;

export async function insertDecision(db: DbOrTx, d: typeof decisionsItems.$inferInsert): Promise<DecisionRow> {
  const [row] = await db.insert(decisionsItems).values(d).returning();
  return row!;
}

export async function findDecisionByCode(db: DbOrTx, code: string, lock = false): Promise<DecisionRow | undefined> {
  const q = db.select().from(decisionsItems).where(eq(decisionsItems.publicCode, code)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

export async function findDecisionByConsultation(db: DbOrTx, consultationId: number): Promise<DecisionRow | undefined> {
  return (await db.select().from(decisionsItems).where(eq(decisionsItems.consultationId, consultationId)).limit(1))[0];
}

export async function listDecisions(db: DbOrTx, rootUnitId: number, year: number): Promise<DecisionRow[]> {
  return db.select().from(decisionsItems).where(and(eq(decisionsItems.rootUnitId, rootUnitId), eq(decisionsItems.year, year))).orderBy(asc(decisionsItems.plannedOn), asc(decisionsItems.id));
}

export async function decisionYears(db: DbOrTx, rootUnitId: number): Promise<number[]> {
  const rows = await db.selectDistinct({ y: decisionsItems.year }).from(decisionsItems).where(eq(decisionsItems.rootUnitId, rootUnitId)).orderBy(desc(decisionsItems.year));
  return rows.map((r) => r.y);
}

export async function listSteps(db: DbOrTx, decisionIds: number[]): Promise<StepRow[]> {
  if (!decisionIds.length) return [];
  return db.select().from(decisionsSteps).where(inArray(decisionsSteps.decisionId, decisionIds)).orderBy(asc(decisionsSteps.id));
}

export async function insertStep(db: DbOrTx, s: typeof decisionsSteps.$inferInsert): Promise<StepRow | undefined> {
  const rows = await db.insert(decisionsSteps).values(s).onConflictDoNothing().returning();
  return rows[0];
}

export async function updateDecision(db: DbOrTx, id: number, set: Partial<typeof decisionsItems.$inferInsert>): Promise<void> {
  await db.update(decisionsItems).set(set).where(eq(decisionsItems.id, id));
}

export async function latestCatalogVersion(db: DbOrTx, rootUnitId: number, year: number): Promise<CatalogVersionRow | undefined> {
  return (
    await db
      .select()
      .from(decisionsCatalogVersions)
      .where(and(eq(decisionsCatalogVersions.rootUnitId, rootUnitId), eq(decisionsCatalogVersions.year, year)))
      .orderBy(desc(decisionsCatalogVersions.version))
      .limit(1)
  )[0];
}

export async function listCatalogVersions(db: DbOrTx, rootUnitId: number, year: number): Promise<CatalogVersionRow[]> {
  return db
    .select()
    .from(decisionsCatalogVersions)
    .where(and(eq(decisionsCatalogVersions.rootUnitId, rootUnitId), eq(decisionsCatalogVersions.year, year)))
    .orderBy(desc(decisionsCatalogVersions.version));
}

export async function nextCatalogVersion(db: DbOrTx, rootUnitId: number, year: number): Promise<number> {
  const [row] = await db
    .select({ v: max(decisionsCatalogVersions.version) })
    .from(decisionsCatalogVersions)
    .where(and(eq(decisionsCatalogVersions.rootUnitId, rootUnitId), eq(decisionsCatalogVersions.year, year)));
  return (row?.v ?? 0) + 1;
}

export async function insertCatalogVersion(db: DbOrTx, v: typeof decisionsCatalogVersions.$inferInsert): Promise<CatalogVersionRow> {
  const [row] = await db.insert(decisionsCatalogVersions).values(v).returning();
  return row!;
}

export async function insertTask(db: DbOrTx, t: typeof decisionsTasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(decisionsTasks).values(t).returning();
  return row!;
}

export async function listTasks(db: DbOrTx, rootUnitId: number, year: number): Promise<TaskRow[]> {
  return db.select().from(decisionsTasks).where(and(eq(decisionsTasks.rootUnitId, rootUnitId), eq(decisionsTasks.year, year))).orderBy(asc(decisionsTasks.sortOrder), asc(decisionsTasks.id));
}

export async function taskYears(db: DbOrTx, rootUnitId: number): Promise<number[]> {
  const rows = await db.selectDistinct({ y: decisionsTasks.year }).from(decisionsTasks).where(eq(decisionsTasks.rootUnitId, rootUnitId)).orderBy(desc(decisionsTasks.year));
  return rows.map((r) => r.y);
}

export async function findTaskByCode(db: DbOrTx, code: string): Promise<TaskRow | undefined> {
  return (await db.select().from(decisionsTasks).where(eq(decisionsTasks.publicCode, code)).limit(1))[0];
}

export async function findTaskById(db: DbOrTx, id: number): Promise<TaskRow | undefined> {
  return (await db.select().from(decisionsTasks).where(eq(decisionsTasks.id, id)).limit(1))[0];
}

export async function listProgress(db: DbOrTx, taskIds: number[], onlyPublished: boolean): Promise<ProgressRow[]> {
  if (!taskIds.length) return [];
  const where = onlyPublished ? and(inArray(decisionsProgress.taskId, taskIds), eq(decisionsProgress.state, 'published')) : inArray(decisionsProgress.taskId, taskIds);
  return db.select().from(decisionsProgress).where(where).orderBy(asc(decisionsProgress.reportedOn), asc(decisionsProgress.id));
}

/** The newest published report of each task of a year (one row per task at most). */
export async function latestPublishedProgress(db: DbOrTx, rootUnitId: number, year: number): Promise<ProgressRow[]> {
  return db
    .selectDistinctOn([decisionsProgress.taskId])
    .from(decisionsProgress)
    .innerJoin(decisionsTasks, eq(decisionsTasks.id, decisionsProgress.taskId))
    .where(and(eq(decisionsTasks.rootUnitId, rootUnitId), eq(decisionsTasks.year, year), eq(decisionsProgress.state, 'published')))
    .orderBy(decisionsProgress.taskId, desc(decisionsProgress.reportedOn), desc(decisionsProgress.id))
    .then((rows) => rows.map((r) => r.decisions_progress));
}

export async function insertProgressOnce(db: DbOrTx, p: typeof decisionsProgress.$inferInsert): Promise<ProgressRow | undefined> {
  const rows = await db.insert(decisionsProgress).values(p).onConflictDoNothing({ target: decisionsProgress.submissionKey }).returning();
  return rows[0];
}

export async function findProgressByKey(db: DbOrTx, key: string): Promise<ProgressRow | undefined> {
  return (await db.select().from(decisionsProgress).where(eq(decisionsProgress.submissionKey, key)).limit(1))[0];
}

export async function findProgress(db: DbOrTx, id: number, lock = false): Promise<ProgressRow | undefined> {
  const q = db.select().from(decisionsProgress).where(eq(decisionsProgress.id, id)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

export async function setProgressState(db: DbOrTx, id: number, set: Pick<ProgressRow, 'state' | 'reviewNote' | 'reviewedByName' | 'reviewedAt'>): Promise<void> {
  await db.update(decisionsProgress).set(set).where(eq(decisionsProgress.id, id));
}

/** Reports waiting for the openness office's review, oldest first. */
export async function pendingProgress(db: DbOrTx, rootUnitId: number): Promise<(ProgressRow & { taskCode: string; taskTitle: string })[]> {
  const rows = await db
    .select({ p: decisionsProgress, taskCode: decisionsTasks.publicCode, taskTitle: decisionsTasks.title })
    .from(decisionsProgress)
    .innerJoin(decisionsTasks, eq(decisionsTasks.id, decisionsProgress.taskId))
    .where(and(eq(decisionsTasks.rootUnitId, rootUnitId), eq(decisionsProgress.state, 'submitted')))
    .orderBy(asc(decisionsProgress.submittedAt));
  return rows.map((r) => ({ ...r.p, taskCode: r.taskCode, taskTitle: r.taskTitle }));
}


/** The year's decisions that have a done 决策后评估, with that step. */
export async function evaluationsOfYear(db: DbOrTx, rootUnitId: number, year: number): Promise<{ decision: Pick<DecisionRow, 'publicCode' | 'title'>; step: StepRow }[]> {
  const rows = await db
    .select({ code: decisionsItems.publicCode, title: decisionsItems.title, step: decisionsSteps })
    .from(decisionsSteps)
    .innerJoin(decisionsItems, eq(decisionsItems.id, decisionsSteps.decisionId))
    .where(and(eq(decisionsItems.rootUnitId, rootUnitId), eq(decisionsItems.year, year), eq(decisionsSteps.step, 'evaluation'), eq(decisionsSteps.state, 'done')))
    .orderBy(asc(decisionsSteps.doneOn));
  return rows.map((r) => ({ decision: { publicCode: r.code, title: r.title }, step: r.step }));
}

/** The year's published decisions, oldest first. */
export async function publishedOfYear(db: DbOrTx, rootUnitId: number, year: number): Promise<Pick<DecisionRow, 'publicCode' | 'title' | 'publishedOn' | 'docNo'>[]> {
  return db
    .select({ publicCode: decisionsItems.publicCode, title: decisionsItems.title, publishedOn: decisionsItems.publishedOn, docNo: decisionsItems.docNo })
    .from(decisionsItems)
    .where(and(eq(decisionsItems.rootUnitId, rootUnitId), eq(decisionsItems.year, year), isNotNull(decisionsItems.publishedOn)))
    .orderBy(asc(decisionsItems.publishedOn));
}
