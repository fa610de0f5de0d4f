// Read queries of the back-office catalog pages (SQL only).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { catalogItems, catalogItemVersions, catalogUnitItems, catalogVersions } from './schema.ts';
import type { ItemRow, ItemVersionRow } from './repository.ts';

/** The active items an import into this catalog is compared with (same filter as service.importItems). */
export async function listImportTargets(db: DbOrTx, rootUnitId: number, ownerUnitId: number | null): Promise<ItemRow[]> {
  return db
    .select()
    .from(catalogItems)
    .where(
      and(
        eq(catalogItems.rootUnitId, rootUnitId),
        ownerUnitId === null ? isNull(catalogItems.ownerUnitId) : eq(catalogItems.ownerUnitId, ownerUnitId),
        isNull(catalogItems.retiredAt),
      ),
    )
    .orderBy(asc(catalogItems.domainId), asc(catalogItems.sortOrder), asc(catalogItems.id));
}

/** The city's active standard items, which units may adopt. */
export async function listStandardItems(db: DbOrTx, rootUnitId: number): Promise<ItemRow[]> {
  return listImportTargets(db, rootUnitId, null);
}

/** Ids of the standard items a unit has adopted (currently). */
export async function adoptedItemIds(db: DbOrTx, unitId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: catalogUnitItems.itemId })
    .from(catalogUnitItems)
    .where(and(eq(catalogUnitItems.unitId, unitId), isNull(catalogUnitItems.removedAt)));
  return new Set(rows.map((r) => r.id));
}

export const versionKey = (itemId: number, version: number): string => `${itemId}:${version}`;

/** The stored versions for (item, version) pairs, keyed by versionKey. */
export async function itemVersionsFor(db: DbOrTx, pairs: readonly { itemId: number; version: number }[]): Promise<Map<string, ItemVersionRow>> {
  const out = new Map<string, ItemVersionRow>();
  if (!pairs.length) return out;
  const ids = pairs.map((p) => p.itemId);
  const versions = pairs.map((p) => p.version);
  const rows = await db
    .select()
    .from(catalogItemVersions)
    .where(
      sql`(${catalogItemVersions.itemId}, ${catalogItemVersions.version}) in (select * from unnest(${sql.param(ids)}::bigint[], ${sql.param(versions)}::int[]))`,
    );
  for (const r of rows) out.set(versionKey(r.itemId, r.version), r);
  return out;
}

/** Codes (and owners) of items by id, for links. */
export async function itemCodes(db: DbOrTx, ids: readonly number[]): Promise<Map<number, { code: string; ownerUnitId: number | null; retired: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: catalogItems.id, code: catalogItems.code, ownerUnitId: catalogItems.ownerUnitId, retiredAt: catalogItems.retiredAt })
    .from(catalogItems)
    .where(inArray(catalogItems.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { code: r.code, ownerUnitId: r.ownerUnitId, retired: r.retiredAt !== null }]));
}

/** How many active items each unit's catalog holds (its own items plus the standard items it adopted). */
export async function countUnitCatalogs(db: DbOrTx, unitIds: readonly number[]): Promise<Map<number, number>> {
  if (!unitIds.length) return new Map();
  const ids = sql.param([...unitIds]);
  const res = await db.execute(sql`
    select unit_id, count(*)::int as n from (
      select owner_unit_id as unit_id, id from catalog_items
        where retired_at is null and owner_unit_id = any(${ids}::bigint[])
      union
      select cu.unit_id, ci.id from catalog_unit_items cu join catalog_items ci on ci.id = cu.item_id
        where cu.removed_at is null and ci.retired_at is null and cu.unit_id = any(${ids}::bigint[])
    ) x group by unit_id`);
  return new Map((res.rows as { unit_id: string | number; n: number }[]).map((r) => [Number(r.unit_id), Number(r.n)]));
}

/** The newest catalog version number of each unit (units without versions are absent). */
export async function latestCatalogVersions(db: DbOrTx, unitIds: readonly number[]): Promise<Map<number, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db
    .select({ unitId: catalogVersions.unitId, version: sql<number>`max(${catalogVersions.version})` })
    .from(catalogVersions)
    .where(inArray(catalogVersions.unitId, [...unitIds]))
    .groupBy(catalogVersions.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.version)]));
}
