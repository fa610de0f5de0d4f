// SQL for decisions, their steps, catalog versions, key tasks and progress reports. No rules here.
import { and, asc, count, desc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { decisionsCatalogVersions, decisionsEvidence, decisionsFindings, decisionsItems, decisionsMeetingLinks, decisionsMeetings, decisionsProgress, decisionsProposals, decisionsSearch, decisionsSteps, decisionsSurveyResponses, decisionsSurveys, decisionsTasks } from './schema.ts';

export type DecisionRow = typeof decisionsItems.$inferSelect;
export type StepRow = typeof decisionsSteps.$inferSelect;
export type CatalogVersionRow = typeof decisionsCatalogVersions.$inferSelect;
export type TaskRow = typeof decisionsTasks.$inferSelect;
export type ProgressRow = typeof decisionsProgress.$inferSelect;
export type ProposalRow = typeof decisionsProposals.$inferSelect;
export type FindingRow = typeof decisionsFindings.$inferSelect;
export type MeetingRow = typeof decisionsMeetings.$inferSelect;
export type SurveyRow = typeof decisionsSurveys.$inferSelect;
export type SurveyResponseRow = typeof decisionsSurveyResponses.$inferSelect;
export type EvidenceRow = typeof decisionsEvidence.$inferSelect;

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

export async function updateTask(db: DbOrTx, id: number, set: Partial<typeof decisionsTasks.$inferInsert>): Promise<void> {
  await db.update(decisionsTasks).set(set).where(eq(decisionsTasks.id, id));
}

/** Every task of a city with how many progress reports it has (any state): what the nesting rule needs. */
export async function taskNodes(db: DbOrTx, rootUnitId: number): Promise<{ id: number; code: string; year: number; parentId: number | null; dueOn: string; title: string; reports: number }[]> {
  const rows = await db
    .select({ id: decisionsTasks.id, code: decisionsTasks.publicCode, year: decisionsTasks.year, parentId: decisionsTasks.parentId, dueOn: decisionsTasks.dueOn, title: decisionsTasks.title, reports: count(decisionsProgress.id) })
    .from(decisionsTasks)
    .leftJoin(decisionsProgress, eq(decisionsProgress.taskId, decisionsTasks.id))
    .where(eq(decisionsTasks.rootUnitId, rootUnitId))
    .groupBy(decisionsTasks.id)
    .orderBy(desc(decisionsTasks.year), asc(decisionsTasks.sortOrder), asc(decisionsTasks.id));
  return rows.map((r) => ({ ...r, reports: Number(r.reports) }));
}

export async function maxTaskOrder(db: DbOrTx, rootUnitId: number, year: number): Promise<number> {
  const [row] = await db.select({ m: max(decisionsTasks.sortOrder) }).from(decisionsTasks).where(and(eq(decisionsTasks.rootUnitId, rootUnitId), eq(decisionsTasks.year, year)));
  return row?.m ?? -1;
}

// ------------------------------------------------------------------ 建议提案

export async function insertProposal(db: DbOrTx, p: typeof decisionsProposals.$inferInsert): Promise<ProposalRow | undefined> {
  return (await db.insert(decisionsProposals).values(p).onConflictDoNothing().returning())[0];
}

export async function findProposalByCode(db: DbOrTx, code: string, lock = false): Promise<ProposalRow | undefined> {
  const q = db.select().from(decisionsProposals).where(eq(decisionsProposals.publicCode, code)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

export async function updateProposal(db: DbOrTx, id: number, set: Partial<typeof decisionsProposals.$inferInsert>): Promise<void> {
  await db.update(decisionsProposals).set(set).where(eq(decisionsProposals.id, id));
}

export async function listProposals(db: DbOrTx, rootUnitId: number, year: number, onlyPublished: boolean): Promise<ProposalRow[]> {
  const where = and(eq(decisionsProposals.rootUnitId, rootUnitId), eq(decisionsProposals.year, year), onlyPublished ? isNotNull(decisionsProposals.publishedOn) : undefined);
  return db.select().from(decisionsProposals).where(where).orderBy(asc(decisionsProposals.kind), asc(decisionsProposals.number));
}

export async function proposalYears(db: DbOrTx, rootUnitId: number): Promise<number[]> {
  const rows = await db.selectDistinct({ y: decisionsProposals.year }).from(decisionsProposals).where(eq(decisionsProposals.rootUnitId, rootUnitId)).orderBy(desc(decisionsProposals.year));
  return rows.map((r) => r.y);
}

// ------------------------------------------------------------------ 督查、审计

export async function insertFinding(db: DbOrTx, f: typeof decisionsFindings.$inferInsert): Promise<FindingRow> {
  return (await db.insert(decisionsFindings).values(f).returning())[0]!;
}

export async function findFindingByCode(db: DbOrTx, code: string, lock = false): Promise<FindingRow | undefined> {
  const q = db.select().from(decisionsFindings).where(eq(decisionsFindings.publicCode, code)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

export async function updateFinding(db: DbOrTx, id: number, set: Partial<typeof decisionsFindings.$inferInsert>): Promise<void> {
  await db.update(decisionsFindings).set(set).where(eq(decisionsFindings.id, id));
}

/** A city's findings of a year (by the date found), newest first. */
export async function listFindings(db: DbOrTx, rootUnitId: number, year: number): Promise<FindingRow[]> {
  return db
    .select()
    .from(decisionsFindings)
    .where(and(eq(decisionsFindings.rootUnitId, rootUnitId), sql`extract(year from ${decisionsFindings.foundOn}) = ${year}`))
    .orderBy(desc(decisionsFindings.foundOn), desc(decisionsFindings.id));
}

export async function findingsOfTask(db: DbOrTx, taskId: number): Promise<FindingRow[]> {
  return db.select().from(decisionsFindings).where(eq(decisionsFindings.taskId, taskId)).orderBy(desc(decisionsFindings.foundOn));
}

export async function findingYears(db: DbOrTx, rootUnitId: number): Promise<number[]> {
  const r = await db.execute<{ y: number }>(sql`SELECT DISTINCT extract(year from found_on)::int AS y FROM decisions_findings WHERE root_unit_id = ${rootUnitId} ORDER BY y DESC`);
  return r.rows.map((x) => Number(x.y));
}

// ------------------------------------------------------------------ search

export async function upsertSearch(db: DbOrTx, row: typeof decisionsSearch.$inferInsert): Promise<void> {
  await db
    .insert(decisionsSearch)
    .values({ ...row, document: sql`${row.document}::tsvector` as unknown as string })
    .onConflictDoUpdate({ target: [decisionsSearch.kind, decisionsSearch.refId], set: { title: row.title, href: row.href, meta: row.meta, rootUnitId: row.rootUnitId, document: sql`excluded.document` as unknown as string } });
}

export async function deleteSearch(db: DbOrTx, kind: 'decision' | 'task' | 'proposal', refId: number): Promise<void> {
  await db.delete(decisionsSearch).where(and(eq(decisionsSearch.kind, kind), eq(decisionsSearch.refId, refId)));
}

export async function searchHits(db: DbOrTx, rootUnitId: number, tsquery: string, limit: number): Promise<{ kind: string; title: string; href: string; meta: string }[]> {
  const r = await db.execute<{ kind: string; title: string; href: string; meta: string }>(sql`
    SELECT kind, title, href, meta FROM decisions_search
    WHERE root_unit_id = ${rootUnitId} AND document @@ ${tsquery}::tsquery
    ORDER BY ts_rank_cd(document, ${tsquery}::tsquery) DESC, title LIMIT ${limit}`);
  return r.rows;
}

// ------------------------------------------------------------------ 常务会议、专题会议

export async function insertMeeting(db: DbOrTx, m: typeof decisionsMeetings.$inferInsert, decisionIds: number[]): Promise<MeetingRow> {
  const row = (await db.insert(decisionsMeetings).values(m).returning())[0]!;
  if (decisionIds.length) await db.insert(decisionsMeetingLinks).values(decisionIds.map((decisionId) => ({ meetingId: row.id, decisionId }))).onConflictDoNothing();
  return row;
}

export async function findMeetingByCode(db: DbOrTx, code: string): Promise<MeetingRow | undefined> {
  return (await db.select().from(decisionsMeetings).where(eq(decisionsMeetings.publicCode, code)).limit(1))[0];
}

export async function listMeetings(db: DbOrTx, rootUnitId: number, year: number): Promise<MeetingRow[]> {
  return db
    .select()
    .from(decisionsMeetings)
    .where(and(eq(decisionsMeetings.rootUnitId, rootUnitId), sql`extract(year from ${decisionsMeetings.heldOn}) = ${year}`))
    .orderBy(desc(decisionsMeetings.heldOn), desc(decisionsMeetings.id));
}

export async function meetingYears(db: DbOrTx, rootUnitId: number): Promise<number[]> {
  const r = await db.execute<{ y: number }>(sql`SELECT DISTINCT extract(year from held_on)::int AS y FROM decisions_meetings WHERE root_unit_id = ${rootUnitId} ORDER BY y DESC`);
  return r.rows.map((x) => Number(x.y));
}

/** The decisions a meeting dealt with (code and title). */
export async function decisionsOfMeeting(db: DbOrTx, meetingId: number): Promise<{ code: string; title: string }[]> {
  return db
    .select({ code: decisionsItems.publicCode, title: decisionsItems.title })
    .from(decisionsMeetingLinks)
    .innerJoin(decisionsItems, eq(decisionsItems.id, decisionsMeetingLinks.decisionId))
    .where(eq(decisionsMeetingLinks.meetingId, meetingId))
    .orderBy(asc(decisionsItems.id));
}

/** The meetings that dealt with a decision, oldest first. */
export async function meetingsOfDecision(db: DbOrTx, decisionId: number): Promise<Pick<MeetingRow, 'publicCode' | 'name' | 'heldOn'>[]> {
  return db
    .select({ publicCode: decisionsMeetings.publicCode, name: decisionsMeetings.name, heldOn: decisionsMeetings.heldOn })
    .from(decisionsMeetingLinks)
    .innerJoin(decisionsMeetings, eq(decisionsMeetings.id, decisionsMeetingLinks.meetingId))
    .where(eq(decisionsMeetingLinks.decisionId, decisionId))
    .orderBy(asc(decisionsMeetings.heldOn));
}

export async function insertSurvey(db: DbOrTx, row: typeof decisionsSurveys.$inferInsert): Promise<SurveyRow> {
  return (await db.insert(decisionsSurveys).values(row).returning())[0]!;
}

export async function findSurveyByCode(db: DbOrTx, code: string, lock = false): Promise<SurveyRow | undefined> {
  const q = db.select().from(decisionsSurveys).where(eq(decisionsSurveys.publicCode, code)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

export async function surveysOfDecisions(db: DbOrTx, decisionIds: number[]): Promise<SurveyRow[]> {
  if (!decisionIds.length) return [];
  return db.select().from(decisionsSurveys).where(inArray(decisionsSurveys.decisionId, decisionIds)).orderBy(asc(decisionsSurveys.opensOn), asc(decisionsSurveys.id));
}

export async function setSurveyFeatured(db: DbOrTx, id: number, featured: SurveyRow['featured']): Promise<void> {
  await db.update(decisionsSurveys).set({ featured }).where(eq(decisionsSurveys.id, id));
}

/** Stores a response once per submission key; undefined when that key was already used. */
export async function insertSurveyResponseOnce(db: DbOrTx, row: typeof decisionsSurveyResponses.$inferInsert): Promise<SurveyResponseRow | undefined> {
  return (await db.insert(decisionsSurveyResponses).values(row).onConflictDoNothing({ target: decisionsSurveyResponses.submissionKey }).returning())[0];
}

export async function findSurveyResponseByKey(db: DbOrTx, key: string): Promise<SurveyResponseRow | undefined> {
  return (await db.select().from(decisionsSurveyResponses).where(eq(decisionsSurveyResponses.submissionKey, key)).limit(1))[0];
}

export async function surveyResponses(db: DbOrTx, surveyId: number): Promise<SurveyResponseRow[]> {
  return db.select().from(decisionsSurveyResponses).where(eq(decisionsSurveyResponses.surveyId, surveyId)).orderBy(asc(decisionsSurveyResponses.id));
}

export async function insertEvidence(db: DbOrTx, row: typeof decisionsEvidence.$inferInsert): Promise<EvidenceRow> {
  return (await db.insert(decisionsEvidence).values(row).returning())[0]!;
}

export async function findEvidenceByCode(db: DbOrTx, code: string): Promise<EvidenceRow | undefined> {
  return (await db.select().from(decisionsEvidence).where(eq(decisionsEvidence.publicCode, code)).limit(1))[0];
}

export async function evidenceOfDecision(db: DbOrTx, decisionId: number): Promise<EvidenceRow[]> {
  return db.select().from(decisionsEvidence).where(eq(decisionsEvidence.decisionId, decisionId)).orderBy(asc(decisionsEvidence.id));
}

export async function evidenceOfTasks(db: DbOrTx, taskIds: number[]): Promise<EvidenceRow[]> {
  if (!taskIds.length) return [];
  return db.select().from(decisionsEvidence).where(inArray(decisionsEvidence.taskId, taskIds)).orderBy(asc(decisionsEvidence.id));
}

export async function findMeetingById(db: DbOrTx, id: number): Promise<MeetingRow | undefined> {
  return (await db.select().from(decisionsMeetings).where(eq(decisionsMeetings.id, id)).limit(1))[0];
}

export async function linkMeeting(db: DbOrTx, meetingId: number, decisionId: number): Promise<void> {
  await db.insert(decisionsMeetingLinks).values({ meetingId, decisionId }).onConflictDoNothing();
}

export async function findDecisionById(db: DbOrTx, id: number): Promise<DecisionRow | undefined> {
  return (await db.select().from(decisionsItems).where(eq(decisionsItems.id, id)).limit(1))[0];
}

/** Ties a decision's 集体讨论决定 step to the meeting record. */
export async function setStepMeeting(db: DbOrTx, decisionId: number, meetingId: number): Promise<void> {
  await db.update(decisionsSteps).set({ meetingId }).where(and(eq(decisionsSteps.decisionId, decisionId), eq(decisionsSteps.step, 'collective')));
}

export async function insertSurveyResponses(db: DbOrTx, rows: (typeof decisionsSurveyResponses.$inferInsert)[]): Promise<SurveyResponseRow[]> {
  return rows.length ? db.insert(decisionsSurveyResponses).values(rows).returning() : [];
}

/** The government's meetings held by a date, newest first (the 集体讨论决定 step chooses one). */
export async function meetingsHeldBy(db: DbOrTx, rootUnitId: number, on: string, limit = 60): Promise<MeetingRow[]> {
  return db
    .select()
    .from(decisionsMeetings)
    .where(and(eq(decisionsMeetings.rootUnitId, rootUnitId), sql`${decisionsMeetings.heldOn} <= ${on}`))
    .orderBy(desc(decisionsMeetings.heldOn), desc(decisionsMeetings.id))
    .limit(limit);
}
