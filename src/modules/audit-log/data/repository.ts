// SQL over audit_log for the auditor's pages and exports. Reads only: the table is append-only.
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { auditLog, staffUsers, units } from '../../../core/db/schema.ts';
import { instantRange, likeContains, type AuditFilters } from '../domain/filters.ts';

/** What the auditor may see: rows of the units of their city, and rows tied to no unit (system, public). */
export interface AuditScope {
  unitIds: number[];
}

export interface AuditRowView {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  actorUsername: string | null;
  unitId: number | null;
  unitName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  ip: string;
  requestId: string;
}

function whereOf(scope: AuditScope, f: AuditFilters, extra?: SQL): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    scope.unitIds.length ? or(isNull(auditLog.unitId), inArray(auditLog.unitId, scope.unitIds)) : isNull(auditLog.unitId),
  ];
  const { start, end } = instantRange(f.from, f.to);
  if (start) conds.push(gte(auditLog.at, start));
  if (end) conds.push(lt(auditLog.at, end));
  if (f.actor) {
    const pattern = likeContains(f.actor);
    // The stored name is the name at the time; the account's current username and name match too.
    conds.push(
      or(
        ilike(auditLog.actorName, pattern),
        sql`exists (select 1 from ${staffUsers} where ${staffUsers.id} = ${auditLog.actorId} and (${staffUsers.username} ilike ${pattern} or ${staffUsers.displayName} ilike ${pattern}))`,
      ),
    );
  }
  if (f.unitId !== undefined) conds.push(eq(auditLog.unitId, f.unitId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.targetType) conds.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) conds.push(eq(auditLog.targetId, f.targetId));
  if (extra) conds.push(extra);
  return and(...conds);
}

const viewColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  actorUsername: staffUsers.username,
  unitId: auditLog.unitId,
  unitName: units.name,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  summary: auditLog.summary,
  ip: auditLog.ip,
  requestId: auditLog.requestId,
};

async function selectRows(db: DbOrTx, where: SQL | undefined, limit: number, offset = 0): Promise<AuditRowView[]> {
  return db
    .select(viewColumns)
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

/** One page, newest first (ids follow commit order: writers take one lock). */
export async function listAuditRows(db: DbOrTx, scope: AuditScope, f: AuditFilters, page: number, pageSize: number): Promise<AuditRowView[]> {
  return selectRows(db, whereOf(scope, f), pageSize, (page - 1) * pageSize);
}

export async function countAuditRows(db: DbOrTx, scope: AuditScope, f: AuditFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(whereOf(scope, f));
  return Number(row?.n ?? 0);
}

/** Every matching row, newest first, at most `cap`, fetched in keyset batches. */
export async function* iterateAuditRows(db: DbOrTx, scope: AuditScope, f: AuditFilters, cap: number, batch = 2000): AsyncGenerator<AuditRowView> {
  let before: number | undefined;
  let sent = 0;
  while (sent < cap) {
    const rows = await selectRows(db, whereOf(scope, f, before === undefined ? undefined : lt(auditLog.id, before)), Math.min(batch, cap - sent));
    for (const r of rows) yield r;
    sent += rows.length;
    if (rows.length < batch) return;
    before = rows[rows.length - 1]!.id;
  }
}

/** The distinct actions and target types in the auditor's scope, for the filter selects. */
export async function distinctCodes(db: DbOrTx, scope: AuditScope): Promise<{ actions: string[]; targetTypes: string[] }> {
  const rows = await db
    .selectDistinct({ action: auditLog.action, targetType: auditLog.targetType })
    .from(auditLog)
    .where(whereOf(scope, {}))
    .orderBy(asc(auditLog.action), asc(auditLog.targetType));
  return {
    actions: [...new Set(rows.map((r) => r.action))],
    targetTypes: [...new Set(rows.map((r) => r.targetType))].sort(),
  };
}
