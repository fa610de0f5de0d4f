// SQL for units, their leaders and the site settings of root units. No rules here.
import { and, asc, count, eq, inArray, isNull, max, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { siteSettings, staffUsers, unitLeaders, units } from '../../../core/db/schema.ts';

export type UnitRow = typeof units.$inferSelect;
export type NewUnitRow = typeof units.$inferInsert;
export type LeaderRow = typeof unitLeaders.$inferSelect;
export type SiteSettingsRow = typeof siteSettings.$inferSelect;

export async function findUnitBySlug(db: DbOrTx, slug: string): Promise<UnitRow | undefined> {
  const rows = await db.select().from(units).where(eq(units.slug, slug)).limit(1);
  return rows[0];
}

export async function findUnitById(db: DbOrTx, id: number): Promise<UnitRow | undefined> {
  const rows = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return rows[0];
}

export async function findUnitByUscc(db: DbOrTx, uscc: string): Promise<UnitRow | undefined> {
  const rows = await db.select().from(units).where(eq(units.uscc, uscc)).limit(1);
  return rows[0];
}

/** Every active unit of one city, in display order. */
export async function listUnitsOfRoot(db: DbOrTx, rootId: number, includeArchived = false): Promise<UnitRow[]> {
  const ofRoot = or(eq(units.rootId, rootId), eq(units.id, rootId));
  return db
    .select()
    .from(units)
    .where(includeArchived ? ofRoot : and(ofRoot, isNull(units.archivedAt)))
    .orderBy(asc(units.sortOrder), asc(units.id));
}

export async function listLeaders(db: DbOrTx, unitId: number): Promise<LeaderRow[]> {
  return db.select().from(unitLeaders).where(eq(unitLeaders.unitId, unitId)).orderBy(asc(unitLeaders.sortOrder), asc(unitLeaders.id));
}

export async function countUnits(db: DbOrTx): Promise<number> {
  const rows = await db.select({ id: units.id }).from(units).limit(1);
  return rows.length;
}

export async function findSiteSettings(db: DbOrTx, rootUnitId: number): Promise<SiteSettingsRow | undefined> {
  const rows = await db.select().from(siteSettings).where(and(eq(siteSettings.rootUnitId, rootUnitId))).limit(1);
  return rows[0];
}

/** Staff accounts that are not disabled, per unit. */
export async function countActiveStaffByUnit(db: DbOrTx, unitIds: number[]): Promise<Map<number, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db
    .select({ unitId: staffUsers.unitId, n: count() })
    .from(staffUsers)
    .where(and(inArray(staffUsers.unitId, unitIds), isNull(staffUsers.disabledAt)))
    .groupBy(staffUsers.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

export async function listActiveChildren(db: DbOrTx, unitId: number): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(and(eq(units.parentId, unitId), isNull(units.archivedAt)))
    .orderBy(asc(units.sortOrder), asc(units.id));
}

/**
 * Serialises changes to one city's tree (create, move, archive) until the transaction ends, so a
 * cycle check or a "no children" check cannot be overtaken by a concurrent change.
 */
export async function lockUnitTree(tx: Tx, rootId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727010, ${rootId}::int)`);
}

export async function maxSortOrderOfRoot(db: DbOrTx, rootId: number): Promise<number> {
  const rows = await db
    .select({ m: max(units.sortOrder) })
    .from(units)
    .where(or(eq(units.rootId, rootId), eq(units.id, rootId)));
  return rows[0]?.m ?? 0;
}

export async function insertUnit(tx: DbOrTx, values: NewUnitRow): Promise<UnitRow> {
  const rows = await tx.insert(units).values(values).returning();
  return rows[0]!;
}

export async function updateUnit(tx: DbOrTx, id: number, values: Partial<NewUnitRow>): Promise<void> {
  await tx.update(units).set(values).where(eq(units.id, id));
}

export async function markUnitArchived(tx: DbOrTx, id: number, at: Date): Promise<void> {
  await tx.update(units).set({ archivedAt: at, updatedAt: at }).where(and(eq(units.id, id), isNull(units.archivedAt)));
}

/** Replaces every leader of the unit with the given rows. */
export async function replaceLeaders(tx: Tx, unitId: number, rows: { name: string; title: string; duties: string; sortOrder: number }[]): Promise<void> {
  await tx.delete(unitLeaders).where(eq(unitLeaders.unitId, unitId));
  if (rows.length) await tx.insert(unitLeaders).values(rows.map((r) => ({ unitId, ...r })));
}

export async function findSiteByHostName(db: DbOrTx, hostName: string, exceptRootUnitId: number): Promise<SiteSettingsRow | undefined> {
  const rows = await db
    .select()
    .from(siteSettings)
    .where(and(sql`lower(${siteSettings.hostName}) = ${hostName.toLowerCase()}`, ne(siteSettings.rootUnitId, exceptRootUnitId)))
    .limit(1);
  return rows[0];
}

export async function upsertSiteSettings(tx: DbOrTx, values: typeof siteSettings.$inferInsert): Promise<void> {
  const { rootUnitId: _root, ...rest } = values;
  await tx.insert(siteSettings).values(values).onConflictDoUpdate({ target: siteSettings.rootUnitId, set: rest });
}
