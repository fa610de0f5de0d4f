// SQL of the requests module: no rules here, only reads and writes.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { staffUsers, units } from '../../../core/db/schema.ts';
import type { ClockEvent } from '../domain/clock.ts';
import type { RequestState } from '../domain/states.ts';
import {
  reqAttachments,
  reqClarifications,
  reqConsultations,
  reqEvents,
  reqExtensions,
  reqFeeNotices,
  reqLetters,
  reqLetterTemplates,
  reqRequests,
  reqSequences,
  reqSettings,
  reqTransitions,
} from './schema.ts';

export type RequestRow = typeof reqRequests.$inferSelect;
export type NewRequestRow = typeof reqRequests.$inferInsert;
export type EventRow = typeof reqEvents.$inferSelect;
export type TransitionRow = typeof reqTransitions.$inferSelect;
export type ClarificationRow = typeof reqClarifications.$inferSelect;
export type ConsultationRow = typeof reqConsultations.$inferSelect;
export type ExtensionRow = typeof reqExtensions.$inferSelect;
export type FeeNoticeRow = typeof reqFeeNotices.$inferSelect;
export type AttachmentRow = typeof reqAttachments.$inferSelect;
export type LetterRow = typeof reqLetters.$inferSelect;
export type LetterTemplateRow = typeof reqLetterTemplates.$inferSelect;
export type SettingsRow = typeof reqSettings.$inferSelect;

// ----- requests -----

export async function findRequestById(db: DbOrTx, id: number): Promise<RequestRow | undefined> {
  const rows = await db.select().from(reqRequests).where(eq(reqRequests.id, id)).limit(1);
  return rows[0];
}

/** The request row, locked until the end of the transaction: every verb serialises on it. */
export async function lockRequest(tx: Tx, id: number): Promise<RequestRow | undefined> {
  const rows = await tx.select().from(reqRequests).where(eq(reqRequests.id, id)).for('update').limit(1);
  return rows[0];
}

export async function findRequestByNo(db: DbOrTx, rootUnitId: number, requestNo: string): Promise<RequestRow | undefined> {
  const rows = await db
    .select()
    .from(reqRequests)
    .where(and(eq(reqRequests.rootUnitId, rootUnitId), eq(reqRequests.requestNo, requestNo)))
    .limit(1);
  return rows[0];
}

export async function findRequestByIdempotencyKey(db: DbOrTx, key: string): Promise<RequestRow | undefined> {
  const rows = await db.select().from(reqRequests).where(eq(reqRequests.idempotencyKey, key)).limit(1);
  return rows[0];
}

/** Serialises submissions that carry the same idempotency key (two clicks, two instances). */
export async function lockIdempotencyKey(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727500, hashtext(${key}))`);
}

/** The next number of a site's year: one atomic upsert, so concurrent submissions never share one. */
export async function nextRequestSeq(tx: Tx, rootUnitId: number, year: number): Promise<number> {
  const rows = await tx
    .insert(reqSequences)
    .values({ rootUnitId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [reqSequences.rootUnitId, reqSequences.year], set: { lastSeq: sql`${reqSequences.lastSeq} + 1` } })
    .returning({ seq: reqSequences.lastSeq });
  return rows[0]!.seq;
}

export async function insertRequest(tx: DbOrTx, values: NewRequestRow): Promise<RequestRow> {
  const rows = await tx.insert(reqRequests).values(values).returning();
  return rows[0]!;
}

export async function updateRequest(tx: DbOrTx, id: number, values: Partial<NewRequestRow>): Promise<RequestRow> {
  const rows = await tx.update(reqRequests).set(values).where(eq(reqRequests.id, id)).returning();
  return rows[0]!;
}

// ----- ledger and transitions -----

export async function listEventRows(db: DbOrTx, requestId: number): Promise<EventRow[]> {
  return db.select().from(reqEvents).where(eq(reqEvents.requestId, requestId)).orderBy(asc(reqEvents.seq));
}

export async function listEvents(db: DbOrTx, requestId: number): Promise<ClockEvent[]> {
  return (await listEventRows(db, requestId)).map((r) => r.event);
}

/** Appends one event (the caller holds the request row lock, so seq is free). */
export async function appendEvent(tx: Tx, requestId: number, event: ClockEvent, actor: { id: number | null; name: string }, note = ''): Promise<void> {
  const [row] = await tx.select({ n: count() }).from(reqEvents).where(eq(reqEvents.requestId, requestId));
  await tx.insert(reqEvents).values({ requestId, seq: Number(row?.n ?? 0) + 1, kind: event.kind, on: event.on, event, actorId: actor.id, actorName: actor.name, note });
}

export async function insertTransition(
  tx: DbOrTx,
  v: { requestId: number; action: string; fromState: RequestState | null; toState: RequestState; actorId: number | null; actorName: string; note: string; at: Date },
): Promise<void> {
  await tx.insert(reqTransitions).values(v);
}

export async function listTransitions(db: DbOrTx, requestId: number): Promise<TransitionRow[]> {
  return db.select().from(reqTransitions).where(eq(reqTransitions.requestId, requestId)).orderBy(asc(reqTransitions.at), asc(reqTransitions.id));
}

// ----- clarification, consultations, extensions, fees -----

export async function findClarification(db: DbOrTx, requestId: number): Promise<ClarificationRow | undefined> {
  const rows = await db.select().from(reqClarifications).where(eq(reqClarifications.requestId, requestId)).limit(1);
  return rows[0];
}

export async function insertClarification(tx: DbOrTx, v: typeof reqClarifications.$inferInsert): Promise<void> {
  await tx.insert(reqClarifications).values(v);
}

export async function markCorrected(tx: DbOrTx, requestId: number, correctedOn: string, text: string): Promise<void> {
  await tx.update(reqClarifications).set({ correctedOn, correctionText: text }).where(eq(reqClarifications.requestId, requestId));
}

export async function listConsultations(db: DbOrTx, requestId: number): Promise<ConsultationRow[]> {
  return db.select().from(reqConsultations).where(eq(reqConsultations.requestId, requestId)).orderBy(asc(reqConsultations.id));
}

export async function insertConsultation(tx: DbOrTx, v: typeof reqConsultations.$inferInsert): Promise<void> {
  await tx.insert(reqConsultations).values(v);
}

export async function answerConsultation(tx: DbOrTx, requestId: number, ref: string, v: { answeredOn: string; answer: ConsultationRow['answer']; answerNote: string }): Promise<void> {
  await tx
    .update(reqConsultations)
    .set(v)
    .where(and(eq(reqConsultations.requestId, requestId), eq(reqConsultations.ref, ref)));
}

export async function listExtensions(db: DbOrTx, requestId: number): Promise<ExtensionRow[]> {
  return db.select().from(reqExtensions).where(eq(reqExtensions.requestId, requestId)).orderBy(asc(reqExtensions.id));
}

export async function insertExtension(tx: DbOrTx, v: typeof reqExtensions.$inferInsert): Promise<ExtensionRow> {
  const rows = await tx.insert(reqExtensions).values(v).returning();
  return rows[0]!;
}

export async function decideExtensionRow(tx: DbOrTx, id: number, v: Partial<typeof reqExtensions.$inferInsert>): Promise<void> {
  await tx.update(reqExtensions).set(v).where(eq(reqExtensions.id, id));
}

export async function findFeeNotice(db: DbOrTx, requestId: number): Promise<FeeNoticeRow | undefined> {
  const rows = await db.select().from(reqFeeNotices).where(eq(reqFeeNotices.requestId, requestId)).limit(1);
  return rows[0];
}

export async function insertFeeNotice(tx: DbOrTx, v: typeof reqFeeNotices.$inferInsert): Promise<void> {
  await tx.insert(reqFeeNotices).values(v);
}

export async function updateFeeNotice(tx: DbOrTx, requestId: number, v: Partial<typeof reqFeeNotices.$inferInsert>): Promise<void> {
  await tx.update(reqFeeNotices).set(v).where(eq(reqFeeNotices.requestId, requestId));
}

/**
 * Requests of the same applicant to the same agency received in [monthStart, before): 按件计收 counts per
 * calendar month and per agency that receives the requests and charges (国办函〔2020〕109号 第四条), never
 * across the other units of the city.
 */
export async function countApplicantRequestsInMonth(db: DbOrTx, applicantKey: string, unitId: number, monthStart: string, before: string, excludeId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reqRequests)
    .where(
      and(
        eq(reqRequests.applicantKey, applicantKey),
        eq(reqRequests.unitId, unitId),
        gte(reqRequests.receivedOn, monthStart),
        or(lt(reqRequests.receivedOn, before), and(eq(reqRequests.receivedOn, before), lt(reqRequests.id, excludeId))),
        ne(reqRequests.id, excludeId),
      ),
    );
  return Number(row?.n ?? 0);
}

// ----- attachments and letters -----

export async function insertAttachment(tx: DbOrTx, v: typeof reqAttachments.$inferInsert): Promise<AttachmentRow> {
  const rows = await tx.insert(reqAttachments).values(v).returning();
  return rows[0]!;
}

export async function listAttachments(db: DbOrTx, requestId: number): Promise<AttachmentRow[]> {
  return db.select().from(reqAttachments).where(eq(reqAttachments.requestId, requestId)).orderBy(asc(reqAttachments.id));
}

export async function findAttachment(db: DbOrTx, requestId: number, attachmentId: number): Promise<AttachmentRow | undefined> {
  const rows = await db
    .select()
    .from(reqAttachments)
    .where(and(eq(reqAttachments.requestId, requestId), eq(reqAttachments.id, attachmentId)))
    .limit(1);
  return rows[0];
}

export async function insertLetter(tx: DbOrTx, v: typeof reqLetters.$inferInsert): Promise<LetterRow> {
  const rows = await tx.insert(reqLetters).values(v).returning();
  return rows[0]!;
}

export async function listLetters(db: DbOrTx, requestId: number): Promise<LetterRow[]> {
  return db.select().from(reqLetters).where(eq(reqLetters.requestId, requestId)).orderBy(asc(reqLetters.id));
}

export async function findLetterTemplate(db: DbOrTx, rootUnitId: number, key: string): Promise<LetterTemplateRow | undefined> {
  const rows = await db
    .select()
    .from(reqLetterTemplates)
    .where(and(eq(reqLetterTemplates.rootUnitId, rootUnitId), eq(reqLetterTemplates.key, key)))
    .limit(1);
  return rows[0];
}

export async function listLetterTemplates(db: DbOrTx, rootUnitId: number): Promise<LetterTemplateRow[]> {
  return db.select().from(reqLetterTemplates).where(eq(reqLetterTemplates.rootUnitId, rootUnitId)).orderBy(asc(reqLetterTemplates.key));
}

// ----- settings -----

export async function findSettings(db: DbOrTx, rootUnitId: number): Promise<SettingsRow | undefined> {
  const rows = await db.select().from(reqSettings).where(eq(reqSettings.rootUnitId, rootUnitId)).limit(1);
  return rows[0];
}

export async function upsertSettings(tx: DbOrTx, v: typeof reqSettings.$inferInsert): Promise<void> {
  await tx
    .insert(reqSettings)
    .values(v)
    .onConflictDoUpdate({ target: reqSettings.rootUnitId, set: { feePausesClock: v.feePausesClock, reviewBody: v.reviewBody, court: v.court, updatedAt: v.updatedAt } });
}

export async function listOpenRequestIds(db: DbOrTx, rootUnitId: number, openStates: readonly RequestState[]): Promise<number[]> {
  const rows = await db
    .select({ id: reqRequests.id })
    .from(reqRequests)
    .where(and(eq(reqRequests.rootUnitId, rootUnitId), inArray(reqRequests.state, [...openStates])));
  return rows.map((r) => r.id);
}

// ----- staff and units -----

export interface StaffBrief {
  id: number;
  displayName: string;
  unitId: number;
  roles: string[];
  email: string;
  disabled: boolean;
}

export async function findStaffBrief(db: DbOrTx, id: number): Promise<StaffBrief | undefined> {
  const rows = await db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName, unitId: staffUsers.unitId, roles: staffUsers.roles, email: staffUsers.email, disabledAt: staffUsers.disabledAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, id))
    .limit(1);
  const r = rows[0];
  return r ? { id: r.id, displayName: r.displayName, unitId: r.unitId, roles: r.roles, email: r.email, disabled: !!r.disabledAt } : undefined;
}

/** Active staff of a unit (for choosing a handler and for reminders). */
export async function listUnitStaff(db: DbOrTx, unitId: number): Promise<StaffBrief[]> {
  const rows = await db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName, unitId: staffUsers.unitId, roles: staffUsers.roles, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.unitId, unitId), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.id));
  return rows.map((r) => ({ ...r, disabled: false }));
}

export interface UnitBrief {
  id: number;
  name: string;
  parentId: number | null;
  rootId: number | null;
  type: string;
  archived: boolean;
}

export async function findUnitBrief(db: DbOrTx, id: number): Promise<UnitBrief | undefined> {
  const rows = await db
    .select({ id: units.id, name: units.name, parentId: units.parentId, rootId: units.rootId, type: units.type, archivedAt: units.archivedAt })
    .from(units)
    .where(eq(units.id, id))
    .limit(1);
  const r = rows[0];
  return r ? { id: r.id, name: r.name, parentId: r.parentId, rootId: r.rootId, type: r.type, archived: !!r.archivedAt } : undefined;
}

/** A unit and every unit below it. */
export async function unitAndDescendants(db: DbOrTx, unitId: number): Promise<number[]> {
  const res = await db.execute<{ id: string | number }>(sql`
    WITH RECURSIVE t(id) AS (SELECT ${unitId}::bigint UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id)
    SELECT id FROM t`);
  return res.rows.map((r) => Number(r.id));
}

// ----- lists and dashboards -----

export interface ListFilter {
  rootUnitId: number;
  unitIds?: number[];
  handlerId?: number;
  states?: RequestState[];
  /** due_on <= this (and due_on >= dueFrom when given). */
  dueTo?: string;
  dueFrom?: string;
  clockStatus?: string;
  /** 受理编号 or words of the description. */
  q?: string;
  limit: number;
  offset: number;
}

function listWhere(f: ListFilter): SQL {
  const conds: SQL[] = [eq(reqRequests.rootUnitId, f.rootUnitId)];
  if (f.unitIds) conds.push(f.unitIds.length ? inArray(reqRequests.unitId, f.unitIds) : sql`false`);
  if (f.handlerId !== undefined) conds.push(eq(reqRequests.handlerId, f.handlerId));
  if (f.states) conds.push(f.states.length ? inArray(reqRequests.state, f.states) : sql`false`);
  if (f.dueTo !== undefined) conds.push(isNotNull(reqRequests.dueOn), lte(reqRequests.dueOn, f.dueTo));
  if (f.dueFrom !== undefined) conds.push(gte(reqRequests.dueOn, f.dueFrom));
  if (f.clockStatus !== undefined) conds.push(eq(reqRequests.clockStatus, f.clockStatus));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(eq(reqRequests.requestNo, f.q.toUpperCase()), sql`${reqRequests.infoDescription} ILIKE ${like}`, sql`${reqRequests.infoDocNo} ILIKE ${like}`)!);
  }
  return and(...conds)!;
}

/**
 * A page of the list and the number of all matching rows, in one statement: the count is an
 * uncorrelated scalar subquery (evaluated once, an index-only count with the dashboard indexes), so a
 * page costs one round trip instead of two. Only a page past the end (no row to carry the count)
 * needs a second query.
 */
export async function listRequestRows(db: DbOrTx, f: ListFilter): Promise<{ rows: RequestRow[]; total: number }> {
  const where = listWhere(f);
  const found = await db
    .select({ row: reqRequests, total: sql<number>`(select count(*) from ${reqRequests} where ${where})`.mapWith(Number) })
    .from(reqRequests)
    .where(where)
    .orderBy(sql`${reqRequests.dueOn} asc nulls last`, desc(reqRequests.id))
    .limit(f.limit)
    .offset(f.offset);
  if (found.length) return { rows: found.map((r) => r.row), total: found[0]!.total };
  const totals = await db.select({ n: count() }).from(reqRequests).where(where);
  return { rows: [], total: Number(totals[0]?.n ?? 0) };
}

export interface UnitCounts {
  unitId: number;
  open: number;
  dueSoon: number;
  overdue: number;
  awaitingCorrection: number;
  paused: number;
}

/**
 * Open requests per unit: due within the window [today, dueSoonTo], overdue (due before today).
 * Two grouped reads in one statement: every open request counted once per unit and clock status
 * (index-only on req_requests_open_unit_idx), and only the running ones due by `dueSoonTo` split into
 * overdue / due soon (a range of req_requests_open_running_due_idx): cheaper than five FILTER
 * aggregates over every open row.
 */
const COUNTS_TTL_MS = 5_000;
const countsCache = new WeakMap<object, Map<string, { at: number; value: Promise<UnitCounts[]> }>>();

/**
 * countsByUnit, kept for 5 s per database handle: the city's dashboards count every open request
 * on each view. Writes through this module's service call invalidateCounts, so staff see their own
 * changes at once; another app instance's changes show within 5 s.
 */
export function cachedCountsByUnit(db: DbOrTx, rootUnitId: number, openStates: readonly RequestState[], today: string, dueSoonTo: string, unitIds?: number[]): Promise<UnitCounts[]> {
  let m = countsCache.get(db);
  if (!m) countsCache.set(db, (m = new Map()));
  const key = [rootUnitId, openStates.join(','), today, dueSoonTo, unitIds?.join(',') ?? '*'].join('|');
  const now = Date.now();
  const hit = m.get(key);
  if (hit && now - hit.at < COUNTS_TTL_MS) return hit.value;
  const value = countsByUnit(db, rootUnitId, openStates, today, dueSoonTo, unitIds);
  m.set(key, { at: now, value });
  value.catch(() => m.delete(key));
  return value;
}

/** Forgets the cached counts of a database handle (after any change to requests). */
export function invalidateCounts(db: DbOrTx): void {
  countsCache.delete(db);
}

export async function countsByUnit(db: DbOrTx, rootUnitId: number, openStates: readonly RequestState[], today: string, dueSoonTo: string, unitIds?: number[]): Promise<UnitCounts[]> {
  if (unitIds && !unitIds.length) return [];
  // Prepared once per database handle and shape: building this union with drizzle cost more CPU than
  // running it, on the dashboards every staff member opens.
  const query = preparedOnce(db, `req_counts_by_unit_${unitIds ? 'units' : 'all'}_${openStates.join('_')}`, (name) => {
    const conds: SQL[] = [eq(reqRequests.rootUnitId, sql.placeholder('root')), inArray(reqRequests.state, [...openStates])];
    if (unitIds) conds.push(sql`${reqRequests.unitId} = any(${sql.placeholder('unitIds')}::bigint[])`);
    const byStatus = db
      .select({ unitId: reqRequests.unitId, kind: reqRequests.clockStatus, n: sql<number>`count(*)::int`, dueSoon: sql<number>`0`, overdue: sql<number>`0` })
      .from(reqRequests)
      .where(and(...conds))
      .groupBy(reqRequests.unitId, reqRequests.clockStatus);
    const byDue = db
      .select({
        unitId: reqRequests.unitId,
        kind: sql<string>`'due'`,
        n: sql<number>`0`,
        dueSoon: sql<number>`(count(*) filter (where ${reqRequests.dueOn} >= ${sql.placeholder('today')}::date))::int`,
        overdue: sql<number>`(count(*) filter (where ${reqRequests.dueOn} < ${sql.placeholder('today')}::date))::int`,
      })
      .from(reqRequests)
      .where(and(...conds, eq(reqRequests.clockStatus, 'running'), isNotNull(reqRequests.dueOn), sql`${reqRequests.dueOn} <= ${sql.placeholder('dueSoonTo')}::date`))
      .groupBy(reqRequests.unitId);
    return byStatus.unionAll(byDue).prepare(name);
  });
  const out = new Map<number, UnitCounts>();
  for (const r of await query.execute({ root: rootUnitId, today, dueSoonTo, unitIds: unitIds ?? [] })) {
    const unitId = Number(r.unitId);
    let c = out.get(unitId);
    if (!c) out.set(unitId, (c = { unitId, open: 0, dueSoon: 0, overdue: 0, awaitingCorrection: 0, paused: 0 }));
    if (r.kind === 'due') {
      c.dueSoon += Number(r.dueSoon);
      c.overdue += Number(r.overdue);
      continue;
    }
    c.open += Number(r.n);
    if (r.kind === 'awaiting_correction') c.awaitingCorrection += Number(r.n);
    else if (r.kind === 'paused') c.paused += Number(r.n);
  }
  return [...out.values()].sort((a, b) => a.unitId - b.unitId);
}

const prepared = new WeakMap<object, Map<string, unknown>>();

/** A statement built and prepared once per database handle (pool or transaction) and name. */
export function preparedOnce<T>(db: DbOrTx, name: string, build: (name: string) => T): T {
  let m = prepared.get(db);
  if (!m) prepared.set(db, (m = new Map()));
  let q = m.get(name) as T | undefined;
  if (q === undefined) m.set(name, (q = build(name)));
  return q;
}

/** Open requests with a running clock due on or before `dueTo` (reminders). */
export async function requestsDueBy(db: DbOrTx, dueTo: string, openStates: readonly RequestState[], limit = 1000, afterId = 0): Promise<RequestRow[]> {
  return db
    .select()
    .from(reqRequests)
    .where(
      and(
        inArray(reqRequests.state, [...openStates]),
        eq(reqRequests.clockStatus, 'running'),
        isNotNull(reqRequests.dueOn),
        lte(reqRequests.dueOn, dueTo),
        sql`${reqRequests.id} > ${afterId}`,
      ),
    )
    .orderBy(asc(reqRequests.id))
    .limit(limit);
}

/**
 * Requests whose applicant deadline has passed (the candidates of jobs.ts runLapses): 补正中 with the
 * 补正 deadline before `today` and no correction, 待缴费 with the payment deadline before `today` and
 * the fee still pending. "before today" is domain/lapses.ts deadlineLapsed in SQL; the transition
 * re-checks it on the locked row. At most `limit` rows after `afterId`, by id.
 */
export async function lapsedRequests(db: DbOrTx, today: string, limit = 500, afterId = 0): Promise<{ id: number; kind: 'correction' | 'fee' }[]> {
  const r = await db.execute<{ id: string | number; kind: 'correction' | 'fee' }>(sql`
    select * from (
      select ${reqRequests.id} as id, 'correction' as kind from ${reqRequests}
        join ${reqClarifications} on ${reqClarifications.requestId} = ${reqRequests.id}
       where ${reqRequests.state} = 'awaiting_correction' and ${reqClarifications.correctedOn} is null and ${reqClarifications.correctBy} < ${today}
      union all
      select ${reqRequests.id}, 'fee' from ${reqRequests}
        join ${reqFeeNotices} on ${reqFeeNotices.requestId} = ${reqRequests.id}
       where ${reqRequests.state} = 'awaiting_fee' and ${reqFeeNotices.status} = 'pending' and ${reqFeeNotices.payBy} < ${today}
    ) lapsed
    where id > ${afterId}
    order by id
    limit ${limit}`);
  return r.rows.map((x) => ({ id: Number(x.id), kind: x.kind }));
}

// ----- same information (第四十四条) -----

/** Other requests of the site for the same information: same normalised description or same 文号. */
export async function requestsWithSameInfo(db: DbOrTx, rootUnitId: number, infoKey: string, docNoKey: string, excludeId: number): Promise<RequestRow[]> {
  const alts: SQL[] = [];
  if (infoKey) alts.push(eq(reqRequests.infoKey, infoKey));
  if (docNoKey) alts.push(eq(reqRequests.docNoKey, docNoKey));
  if (!alts.length) return [];
  return db
    .select()
    .from(reqRequests)
    .where(and(eq(reqRequests.rootUnitId, rootUnitId), ne(reqRequests.id, excludeId), or(...alts)))
    .orderBy(desc(reqRequests.id))
    .limit(200);
}

/** Recent requests of a unit (candidates for the in-process similarity score). */
export async function recentRequestsOfUnit(db: DbOrTx, unitId: number, since: string, excludeId: number, limit = 2000): Promise<Pick<RequestRow, 'id' | 'requestNo' | 'infoDescription' | 'applicantKey' | 'state' | 'outcome' | 'receivedOn' | 'unitId'>[]> {
  return db
    .select({
      id: reqRequests.id,
      requestNo: reqRequests.requestNo,
      infoDescription: reqRequests.infoDescription,
      applicantKey: reqRequests.applicantKey,
      state: reqRequests.state,
      outcome: reqRequests.outcome,
      receivedOn: reqRequests.receivedOn,
      unitId: reqRequests.unitId,
    })
    .from(reqRequests)
    .where(and(eq(reqRequests.unitId, unitId), ne(reqRequests.id, excludeId), or(isNull(reqRequests.receivedOn), gte(reqRequests.receivedOn, since))))
    .orderBy(desc(reqRequests.id))
    .limit(limit);
}

/** Groups of requests by the same information asked by at least `minApplicants` different applicants. */
export async function sameInfoGroups(db: DbOrTx, rootUnitId: number, minApplicants: number): Promise<{ key: string; by: 'doc_no' | 'description'; applicants: number; requestIds: number[] }[]> {
  const res = await db.execute<{ key: string; by: 'doc_no' | 'description'; applicants: string | number; ids: (string | number)[] }>(sql`
    SELECT key, by, count(DISTINCT applicant_key) AS applicants, array_agg(id ORDER BY id) AS ids FROM (
      SELECT doc_no_key AS key, 'doc_no' AS by, applicant_key, id FROM req_requests WHERE root_unit_id = ${rootUnitId} AND doc_no_key <> ''
      UNION ALL
      SELECT info_key, 'description', applicant_key, id FROM req_requests WHERE root_unit_id = ${rootUnitId} AND info_key <> ''
    ) s GROUP BY key, by HAVING count(DISTINCT applicant_key) >= ${minApplicants}
    ORDER BY count(DISTINCT applicant_key) DESC, key LIMIT 200`);
  return res.rows.map((r) => ({ key: r.key, by: r.by, applicants: Number(r.applicants), requestIds: r.ids.map(Number) }));
}

// ----- annual report and statistics -----

export interface AnnualRow {
  id: number;
  requestNo: string;
  unitId: number;
  applicantKind: string;
  orgSubtype: string | null;
  receivedOn: string;
  closedOn: string | null;
  outcome: string | null;
  state: RequestState;
}

/** Requests of the units open at some point of [yearStart, yearEnd]: received by yearEnd, not closed before yearStart. */
export async function annualRows(db: DbOrTx, unitIds: number[], yearStart: string, yearEnd: string): Promise<AnnualRow[]> {
  if (!unitIds.length) return [];
  return annualRowsWhere(db, annualSelection(unitIds, yearStart, yearEnd));
}

function annualRowsWhere(db: DbOrTx, where: SQL | undefined, page?: { offset: number; limit: number }): Promise<AnnualRow[]> {
  const q = db
    .select({
      id: reqRequests.id,
      requestNo: reqRequests.requestNo,
      unitId: reqRequests.unitId,
      applicantKind: reqRequests.applicantKind,
      orgSubtype: reqRequests.orgSubtype,
      receivedOn: sql<string>`${reqRequests.receivedOn}`,
      closedOn: reqRequests.closedOn,
      outcome: reqRequests.outcome,
      state: reqRequests.state,
    })
    .from(reqRequests)
    .where(where)
    .orderBy(asc(reqRequests.receivedOn), asc(reqRequests.requestNo), asc(reqRequests.id));
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

/** The year's requests as the annual report places them, grouped: the same selection as annualRows. */
export interface AnnualGroupRow {
  unitId: number;
  applicantKind: string;
  orgSubtype: string | null;
  carried: boolean;
  closedInYear: boolean;
  outcome: string | null;
  n: number;
}

/**
 * Rows the report cannot place by group (a closing day before the receipt day, or closed within the
 * year without an outcome): listed one by one so staff see which 受理编号 to correct.
 */
function annualException(yearStart: string, yearEnd: string): SQL {
  return sql`(${reqRequests.closedOn} < ${reqRequests.receivedOn} OR (${reqRequests.closedOn} BETWEEN ${yearStart} AND ${yearEnd} AND ${reqRequests.outcome} IS NULL))`;
}

function annualSelection(unitIds: number[], yearStart: string, yearEnd: string): SQL | undefined {
  return and(
    inArray(reqRequests.unitId, unitIds),
    isNotNull(reqRequests.receivedOn),
    lte(reqRequests.receivedOn, yearEnd),
    or(isNull(reqRequests.closedOn), gte(reqRequests.closedOn, yearStart)),
  );
}

/** annualRows counted with GROUP BY (100,000 requests in well under a second), exceptions apart. */
export async function annualGroups(db: DbOrTx, unitIds: number[], yearStart: string, yearEnd: string): Promise<{ groups: AnnualGroupRow[]; exceptions: AnnualRow[] }> {
  if (!unitIds.length) return { groups: [], exceptions: [] };
  const closedInYear = sql<boolean>`coalesce(${reqRequests.closedOn} <= ${yearEnd}, false)`;
  const [groups, exceptions] = [
    await db
      .select({
        unitId: reqRequests.unitId,
        applicantKind: reqRequests.applicantKind,
        orgSubtype: reqRequests.orgSubtype,
        carried: sql<boolean>`${reqRequests.receivedOn} < ${yearStart}`,
        closedInYear,
        outcome: sql<string | null>`CASE WHEN ${closedInYear} THEN ${reqRequests.outcome} END`,
        n: sql<number>`count(*)::int`,
      })
      .from(reqRequests)
      .where(and(annualSelection(unitIds, yearStart, yearEnd), sql`NOT coalesce(${annualException(yearStart, yearEnd)}, false)`))
      .groupBy(sql`1, 2, 3, 4, 5, 6`),
    await annualRowsWhere(db, and(annualSelection(unitIds, yearStart, yearEnd), annualException(yearStart, yearEnd))),
  ];
  return { groups, exceptions };
}

/** Which of the year's requests a cell of table 三 lists (see annual-report/domain/section3.ts). */
export interface AnnualCellFilter {
  /** new: received in the year; carried: before it; forward: open on 31 Dec; closed: any outcome; outcome: that outcome. */
  placement: 'new' | 'carried' | 'forward' | 'closed' | { outcome: string };
  /** (applicant_kind, org_subtype) of the column; null = every column. */
  applicant: { kind: 'person' } | { kind: 'organisation'; subtype: string } | null;
}

/** One page of the requests behind a cell, oldest receipt first, and how many there are in all. */
export async function annualCellRows(
  db: DbOrTx,
  unitIds: number[],
  yearStart: string,
  yearEnd: string,
  filter: AnnualCellFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: AnnualRow[] }> {
  if (!unitIds.length) return { total: 0, rows: [] };
  const closedInYear = sql`(${reqRequests.closedOn} <= ${yearEnd})`;
  const p = filter.placement;
  const placement: SQL | undefined =
    p === 'new'
      ? gte(reqRequests.receivedOn, yearStart)
      : p === 'carried'
        ? lt(reqRequests.receivedOn, yearStart)
        : p === 'forward'
          ? or(isNull(reqRequests.closedOn), sql`${reqRequests.closedOn} > ${yearEnd}`)
          : p === 'closed'
            ? and(closedInYear, isNotNull(reqRequests.outcome))
            : and(closedInYear, sql`${reqRequests.outcome} = ${p.outcome}`);
  const a = filter.applicant;
  const applicant: SQL | undefined =
    a === null
      ? undefined
      : a.kind === 'person'
        ? eq(reqRequests.applicantKind, 'person')
        : a.subtype === 'other'
          ? and(ne(reqRequests.applicantKind, 'person'), or(isNull(reqRequests.orgSubtype), eq(reqRequests.orgSubtype, 'other')))
          : and(ne(reqRequests.applicantKind, 'person'), sql`${reqRequests.orgSubtype} = ${a.subtype}`);
  const where = and(annualSelection(unitIds, yearStart, yearEnd), placement, applicant);
  const [{ total }] = (await db.select({ total: count() }).from(reqRequests).where(where)) as [{ total: number }];
  const rows = await annualRowsWhere(db, where, page);
  return { total, rows };
}

/** 信息处理费 paid within [yearStart, yearEnd] for the units' requests (国办函〔2020〕109号). */
export async function annualFees(db: DbOrTx, unitIds: number[], yearStart: string, yearEnd: string): Promise<{ requestNo: string; amountYuan: number; paidOn: string }[]> {
  if (!unitIds.length) return [];
  return db
    .select({ requestNo: reqRequests.requestNo, amountYuan: reqFeeNotices.amountYuan, paidOn: sql<string>`${reqFeeNotices.paidOn}` })
    .from(reqFeeNotices)
    .innerJoin(reqRequests, eq(reqRequests.id, reqFeeNotices.requestId))
    .where(and(inArray(reqRequests.unitId, unitIds), eq(reqFeeNotices.status, 'paid'), gte(reqFeeNotices.paidOn, yearStart), lte(reqFeeNotices.paidOn, yearEnd)))
    .orderBy(asc(reqFeeNotices.paidOn), asc(reqRequests.requestNo));
}

/** Requests whose clock may count days of [yearStart, yearEnd]: received by its end, and open, or closed or due within or after it. */
export async function requestsTouchingYear(db: DbOrTx, yearStart: string, yearEnd: string): Promise<number[]> {
  const rows = await db
    .select({ id: reqRequests.id })
    .from(reqRequests)
    .where(
      and(
        isNotNull(reqRequests.receivedOn),
        lte(reqRequests.receivedOn, yearEnd),
        or(isNull(reqRequests.closedOn), gte(reqRequests.closedOn, yearStart), gte(reqRequests.dueOn, yearStart)),
      ),
    )
    .orderBy(asc(reqRequests.id));
  return rows.map((r) => r.id);
}

export async function statisticsSource(db: DbOrTx, rootUnitId: number): Promise<{ unitId: number; receivedOn: string; repliedOn: string | null; dueOn: string | null }[]> {
  return db
    .select({ unitId: reqRequests.unitId, receivedOn: sql<string>`${reqRequests.receivedOn}`, repliedOn: reqRequests.repliedOn, dueOn: reqRequests.dueOn })
    .from(reqRequests)
    .where(and(eq(reqRequests.rootUnitId, rootUnitId), isNotNull(reqRequests.receivedOn)));
}
