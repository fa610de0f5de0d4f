// Read-only SQL for the public 政府信息公开 column and the catalog API.
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { catalogDomains, catalogItems, catalogVersions } from './schema.ts';
import type { CatalogVersionRow, DomainRow } from './repository.ts';

export interface DomainWithCount extends DomainRow {
  /** Active items of the city's standard catalog in this domain. */
  itemCount: number;
}

/** The city's domains in display order, each with the number of standard items in it. */
export async function listDomainsWithCounts(db: DbOrTx, rootUnitId: number): Promise<DomainWithCount[]> {
  const rows = await db
    .select({ domain: catalogDomains, itemCount: sql<number>`count(${catalogItems.id})::int` })
    .from(catalogDomains)
    .leftJoin(
      catalogItems,
      and(eq(catalogItems.domainId, catalogDomains.id), isNull(catalogItems.ownerUnitId), isNull(catalogItems.retiredAt)),
    )
    .where(eq(catalogDomains.rootUnitId, rootUnitId))
    .groupBy(catalogDomains.id)
    .orderBy(catalogDomains.sortOrder, catalogDomains.id);
  return rows.map((r) => ({ ...r.domain, itemCount: Number(r.itemCount) }));
}

/**
 * How many active items each unit's catalog holds (same membership as listUnitCatalogItems: the root
 * unit holds the standard items; every unit holds its own items and the standard items it adopted).
 */
export async function countCatalogItemsByUnit(db: DbOrTx, rootUnitId: number): Promise<Map<number, number>> {
  const res = await db.execute<{ unit_id: string; n: number }>(sql`
    SELECT unit_id, count(*)::int AS n FROM (
      SELECT owner_unit_id AS unit_id, id FROM catalog_items
        WHERE retired_at IS NULL AND root_unit_id = ${rootUnitId} AND owner_unit_id IS NOT NULL
      UNION
      SELECT ${rootUnitId}::bigint, id FROM catalog_items
        WHERE retired_at IS NULL AND root_unit_id = ${rootUnitId} AND owner_unit_id IS NULL
      UNION
      SELECT cu.unit_id, i.id FROM catalog_unit_items cu JOIN catalog_items i ON i.id = cu.item_id
        WHERE cu.removed_at IS NULL AND i.retired_at IS NULL AND i.root_unit_id = ${rootUnitId}
    ) held GROUP BY unit_id`);
  return new Map(res.rows.map((r) => [Number(r.unit_id), Number(r.n)]));
}

/**
 * One page of a unit's catalog versions, newest first, plus the version just before the page (to
 * compare the oldest one shown with), and the total number of versions.
 */
export async function pageCatalogVersions(
  db: DbOrTx,
  unitId: number,
  limit: number,
  offset: number,
): Promise<{ rows: CatalogVersionRow[]; total: number }> {
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(catalogVersions)
      .where(eq(catalogVersions.unitId, unitId))
      .orderBy(desc(catalogVersions.version))
      .limit(limit + 1)
      .offset(offset),
    db.select({ n: count() }).from(catalogVersions).where(eq(catalogVersions.unitId, unitId)),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export interface ItemName {
  id: number;
  code: string;
  level1: string;
  level2: string;
}

/** Codes and names of items by id (to name the items a catalog version added or removed). */
export async function itemNames(db: DbOrTx, ids: number[]): Promise<Map<number, ItemName>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: catalogItems.id, code: catalogItems.code, level1: catalogItems.level1, level2: catalogItems.level2 })
    .from(catalogItems)
    .where(inArray(catalogItems.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
