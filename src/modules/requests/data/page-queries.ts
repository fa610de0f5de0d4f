// Read queries for the pages of the requests module that the core repository does not cover:
// the mail log and the rows of the statistics and export pages. SQL only, no rules.
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { mailOutbox, staffUsers, units } from '../../../core/db/schema.ts';
import { reqRequests } from './schema.ts';
import type { RequestState } from '../domain/states.ts';
import { preparedOnce } from './repository.ts';

export type MailRow = typeof mailOutbox.$inferSelect;

export interface MailFilter {
  /** Units whose mail the viewer may read; undefined: every unit of the city (rootUnitId). */
  unitIds?: number[];
  rootUnitId: number;
  /** The viewer's own address: mail to it is always shown. */
  ownAddress: string;
  limit: number;
  offset: number;
}

function mailWhere(f: MailFilter): SQL {
  const own = f.ownAddress ? sql`lower(${mailOutbox.toAddress}) = lower(${f.ownAddress})` : sql`false`;
  if (f.unitIds) return or(own, f.unitIds.length ? inArray(mailOutbox.unitId, f.unitIds) : sql`false`)!;
  // City-wide: mail of any unit of the city, and mail not tied to a unit.
  const cityUnits = sql`(select id from ${units} where ${units.id} = ${f.rootUnitId} or ${units.rootId} = ${f.rootUnitId})`;
  return or(own, isNull(mailOutbox.unitId), sql`${mailOutbox.unitId} in ${cityUnits}`)!;
}

export async function listMail(db: DbOrTx, f: MailFilter): Promise<{ rows: MailRow[]; total: number }> {
  const where = mailWhere(f);
  const [rows, total] = await Promise.all([
    db.select().from(mailOutbox).where(where).orderBy(desc(mailOutbox.id)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(where),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

/** Addresses that belong to staff accounts (shown unmasked in the mail log; others are applicants'). */
export async function staffAddresses(db: DbOrTx, addresses: string[]): Promise<Set<string>> {
  const wanted = [...new Set(addresses.map((a) => a.toLowerCase()).filter(Boolean))];
  if (!wanted.length) return new Set();
  const rows = await db
    .select({ email: sql<string>`lower(${staffUsers.email})` })
    .from(staffUsers)
    .where(inArray(sql`lower(${staffUsers.email})`, wanted));
  return new Set(rows.map((r) => r.email));
}

export async function staffEmail(db: DbOrTx, userId: number): Promise<string> {
  const rows = await db.select({ email: staffUsers.email }).from(staffUsers).where(and(eq(staffUsers.id, userId))).limit(1);
  return rows[0]?.email ?? '';
}

/** Display names of staff accounts by id (list columns such as 承办人). */
export async function staffNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface Counts {
  open: number;
  dueSoon: number;
  overdue: number;
  awaitingCorrection: number;
  paused: number;
}

/** The handler dashboard: one handler's open requests, due within [today, dueSoonTo] and overdue. */
export async function handlerCounts(db: DbOrTx, rootUnitId: number, handlerId: number, openStates: readonly RequestState[], today: string, dueSoonTo: string): Promise<Counts> {
  // Prepared once per database handle: the handler's dashboard runs this on every view.
  const query = preparedOnce(db, `req_handler_counts_${openStates.join('_')}`, (name) =>
    db
      .select({
        open: sql<number>`count(*)::int`,
        dueSoon: sql<number>`(count(*) filter (where ${reqRequests.clockStatus} = 'running' and ${reqRequests.dueOn} >= ${sql.placeholder('today')}::date and ${reqRequests.dueOn} <= ${sql.placeholder('dueSoonTo')}::date))::int`,
        overdue: sql<number>`(count(*) filter (where ${reqRequests.clockStatus} = 'running' and ${reqRequests.dueOn} < ${sql.placeholder('today')}::date))::int`,
        awaitingCorrection: sql<number>`(count(*) filter (where ${reqRequests.clockStatus} = 'awaiting_correction'))::int`,
        paused: sql<number>`(count(*) filter (where ${reqRequests.clockStatus} = 'paused'))::int`,
      })
      .from(reqRequests)
      .where(and(eq(reqRequests.rootUnitId, sql.placeholder('root')), eq(reqRequests.handlerId, sql.placeholder('handler')), inArray(reqRequests.state, [...openStates])))
      .prepare(name),
  );
  const rows = await query.execute({ root: rootUnitId, handler: handlerId, today, dueSoonTo });
  const r = rows[0];
  return { open: Number(r?.open ?? 0), dueSoon: Number(r?.dueSoon ?? 0), overdue: Number(r?.overdue ?? 0), awaitingCorrection: Number(r?.awaitingCorrection ?? 0), paused: Number(r?.paused ?? 0) };
}
