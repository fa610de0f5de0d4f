// SQL for administering staff accounts. No rules here.
import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { sessions, staffUsers, units } from '../../../core/db/schema.ts';

export type StaffRow = typeof staffUsers.$inferSelect;
export type NewStaffRow = typeof staffUsers.$inferInsert;

export interface StaffUnit {
  id: number;
  rootId: number | null;
  name: string;
}

export interface StaffWithUnit {
  user: StaffRow;
  unit: StaffUnit;
}

export const USERNAME_UNIQUE_INDEX = 'staff_users_username_key';

const unitColumns = { id: units.id, rootId: units.rootId, name: units.name };

/** One account with its unit; `forUpdate` locks the account row until the transaction ends. */
export async function findStaffById(db: DbOrTx, id: number, forUpdate = false): Promise<StaffWithUnit | undefined> {
  const q = db.select({ user: staffUsers, unit: unitColumns }).from(staffUsers).innerJoin(units, eq(units.id, staffUsers.unitId)).where(eq(staffUsers.id, id)).limit(1);
  const rows = forUpdate ? await q.for('update', { of: staffUsers }) : await q;
  return rows[0];
}

export async function usernameExists(db: DbOrTx, username: string): Promise<boolean> {
  const rows = await db.select({ id: staffUsers.id }).from(staffUsers).where(sql`lower(${staffUsers.username}) = lower(${username})`).limit(1);
  return rows.length > 0;
}

export interface StaffListQuery {
  unitIds: number[];
  /** Part of a username or display name; empty for all. */
  search: string;
  limit: number;
  offset: number;
}

export interface StaffListItem {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRow['roles'];
  unitId: number;
  unitName: string;
  unitRootId: number | null;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
}

export async function listStaff(db: DbOrTx, q: StaffListQuery): Promise<{ rows: StaffListItem[]; total: number }> {
  if (!q.unitIds.length) return { rows: [], total: 0 };
  const pattern = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(inArray(staffUsers.unitId, q.unitIds), q.search ? or(ilike(staffUsers.username, pattern), ilike(staffUsers.displayName, pattern)) : undefined);
  const [totalRow] = await db.select({ n: count() }).from(staffUsers).where(where);
  const rows = await db
    .select({
      id: staffUsers.id,
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      roles: staffUsers.roles,
      unitId: staffUsers.unitId,
      unitName: units.name,
      unitRootId: units.rootId,
      disabledAt: staffUsers.disabledAt,
      lockedUntil: staffUsers.lockedUntil,
      mustChangePassword: staffUsers.mustChangePassword,
      lastLoginAt: staffUsers.lastLoginAt,
    })
    .from(staffUsers)
    .innerJoin(units, eq(units.id, staffUsers.unitId))
    .where(where)
    .orderBy(asc(units.sortOrder), asc(units.id), asc(sql`lower(${staffUsers.username})`))
    .limit(q.limit)
    .offset(q.offset);
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export async function insertStaff(db: DbOrTx, values: NewStaffRow): Promise<StaffRow> {
  const [row] = await db.insert(staffUsers).values(values).returning();
  return row!;
}

export async function updateStaffRow(db: DbOrTx, id: number, patch: Partial<NewStaffRow>): Promise<void> {
  await db.update(staffUsers).set(patch).where(eq(staffUsers.id, id));
}

/** Ends every open session of the user; returns how many ended. */
export async function revokeSessionsOf(db: DbOrTx, userId: number, now: Date): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ h: sessions.tokenHash });
  return ended.length;
}

/** Whether an error (or its cause, as wrapped by Drizzle) is a unique violation of the named index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const pgErr = e as { code?: unknown; constraint?: unknown };
    if (pgErr.code === '23505' && pgErr.constraint === constraint) return true;
  }
  return false;
}
