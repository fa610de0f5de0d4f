// SQL for the catalog. Rows ↔ CatalogItemData mapping lives here; rules do not.
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import type { CatalogItemData, StandardChannel } from '../domain/types.ts';
import {
  catalogDomains,
  catalogItems,
  catalogItemVersions,
  catalogUnitItems,
  catalogVersions,
  type CatalogSnapshotEntry,
} from './schema.ts';

export type DomainRow = typeof catalogDomains.$inferSelect;
export type ItemRow = typeof catalogItems.$inferSelect;
export type ItemVersionRow = typeof catalogItemVersions.$inferSelect;
export type CatalogVersionRow = typeof catalogVersions.$inferSelect;

export function itemData(row: ItemRow, domainName: string): CatalogItemData {
  return {
    domainName,
    level1: row.level1,
    level2: row.level2,
    content: row.content,
    basis: row.basis,
    timeLimitText: row.timeLimitText,
    timeLimitRule: row.timeLimitRule,
    publisherText: row.publisherText,
    channels: row.channels as StandardChannel[],
    customChannels: row.customChannels,
    audience: { society: row.audienceSociety, specificGroup: row.audienceSpecific },
    mode: { proactive: row.modeProactive, onRequest: row.modeOnRequest },
    level: { county: row.levelCounty, township: row.levelTownship },
  };
}

/** The item columns of a CatalogItemData (domain resolved separately). */
export function itemColumns(d: CatalogItemData) {
  return {
    level1: d.level1,
    level2: d.level2,
    content: d.content,
    basis: d.basis,
    timeLimitText: d.timeLimitText,
    timeLimitRule: d.timeLimitRule,
    publisherText: d.publisherText,
    channels: d.channels as string[],
    customChannels: d.customChannels,
    audienceSociety: d.audience.society,
    audienceSpecific: d.audience.specificGroup,
    modeProactive: d.mode.proactive,
    modeOnRequest: d.mode.onRequest,
    levelCounty: d.level.county,
    levelTownship: d.level.township,
  };
}

export async function listDomains(db: DbOrTx, rootUnitId: number): Promise<DomainRow[]> {
  return db.select().from(catalogDomains).where(eq(catalogDomains.rootUnitId, rootUnitId)).orderBy(asc(catalogDomains.sortOrder), asc(catalogDomains.id));
}

export async function findDomainBySlug(db: DbOrTx, rootUnitId: number, slug: string): Promise<DomainRow | undefined> {
  const rows = await db.select().from(catalogDomains).where(and(eq(catalogDomains.rootUnitId, rootUnitId), eq(catalogDomains.slug, slug))).limit(1);
  return rows[0];
}

export async function findItemByCode(db: DbOrTx, code: string): Promise<ItemRow | undefined> {
  const rows = await db.select().from(catalogItems).where(eq(catalogItems.code, code)).limit(1);
  return rows[0];
}

export async function findItemById(db: DbOrTx, id: number, lock = false): Promise<ItemRow | undefined> {
  const q = db.select().from(catalogItems).where(eq(catalogItems.id, id)).limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

/**
 * The active items of a unit's catalog: for the root unit, the city's standard items; for any unit,
 * the standard items it adopted and the items it added itself.
 */
export async function listUnitCatalogItems(db: DbOrTx, unitId: number, isRoot: boolean): Promise<ItemRow[]> {
  const adopted = db
    .select({ id: catalogUnitItems.itemId })
    .from(catalogUnitItems)
    .where(and(eq(catalogUnitItems.unitId, unitId), isNull(catalogUnitItems.removedAt)));
  const membership = isRoot
    ? or(and(isNull(catalogItems.ownerUnitId), eq(catalogItems.rootUnitId, unitId)), eq(catalogItems.ownerUnitId, unitId))
    : or(eq(catalogItems.ownerUnitId, unitId), inArray(catalogItems.id, adopted));
  return db
    .select()
    .from(catalogItems)
    .where(and(isNull(catalogItems.retiredAt), membership))
    .orderBy(asc(catalogItems.domainId), asc(catalogItems.sortOrder), asc(catalogItems.id));
}

/** Units whose catalogs hold the item (owner or adopters), to version them when it changes. */
export async function unitsHoldingItem(db: DbOrTx, item: ItemRow): Promise<number[]> {
  const adopters = await db
    .select({ unitId: catalogUnitItems.unitId })
    .from(catalogUnitItems)
    .where(and(eq(catalogUnitItems.itemId, item.id), isNull(catalogUnitItems.removedAt)));
  const owner = item.ownerUnitId ?? item.rootUnitId;
  return [...new Set([owner, ...adopters.map((a) => a.unitId)])];
}

export async function listItemVersions(db: DbOrTx, itemId: number): Promise<ItemVersionRow[]> {
  return db.select().from(catalogItemVersions).where(eq(catalogItemVersions.itemId, itemId)).orderBy(desc(catalogItemVersions.version));
}

export async function findItemVersion(db: DbOrTx, itemId: number, version: number): Promise<ItemVersionRow | undefined> {
  const rows = await db
    .select()
    .from(catalogItemVersions)
    .where(and(eq(catalogItemVersions.itemId, itemId), eq(catalogItemVersions.version, version)))
    .limit(1);
  return rows[0];
}

export async function listCatalogVersions(db: DbOrTx, unitId: number): Promise<CatalogVersionRow[]> {
  return db.select().from(catalogVersions).where(eq(catalogVersions.unitId, unitId)).orderBy(desc(catalogVersions.version));
}

export async function findCatalogVersion(db: DbOrTx, unitId: number, version: number): Promise<CatalogVersionRow | undefined> {
  const rows = await db
    .select()
    .from(catalogVersions)
    .where(and(eq(catalogVersions.unitId, unitId), eq(catalogVersions.version, version)))
    .limit(1);
  return rows[0];
}

export async function insertCatalogVersion(
  tx: DbOrTx,
  v: { unitId: number; snapshot: CatalogSnapshotEntry[]; reason: string; changedByName: string; changedAt: Date },
): Promise<number> {
  const [row] = await tx
    .insert(catalogVersions)
    .values({
      ...v,
      version: sql`coalesce((select max(version) from catalog_versions where unit_id = ${v.unitId}), 0) + 1`,
    })
    .returning({ version: catalogVersions.version });
  return row!.version;
}
