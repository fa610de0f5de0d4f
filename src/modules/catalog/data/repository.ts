// SQL for the catalog. Rows ↔ CatalogItemData mapping lives here; rules do not.
import { and, asc, desc, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';
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
    basisText: row.basisText,
    timeLimitText: row.timeLimitText,
    timeLimitRule: row.timeLimitRule,
    publisherText: row.publisherText,
    channels: row.channels as StandardChannel[],
    customChannels: row.customChannels,
    channelsText: row.channelsText,
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
    basisText: d.basisText ?? '',
    timeLimitText: d.timeLimitText,
    timeLimitRule: d.timeLimitRule,
    publisherText: d.publisherText,
    channels: d.channels as string[],
    customChannels: d.customChannels,
    channelsText: d.channelsText ?? '',
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

/** The condition "an active item of this unit's catalog". */
function catalogMembership(db: DbOrTx, unitId: number, isRoot: boolean) {
  const adopted = db
    .select({ id: catalogUnitItems.itemId })
    .from(catalogUnitItems)
    .where(and(eq(catalogUnitItems.unitId, unitId), isNull(catalogUnitItems.removedAt)));
  const membership = isRoot
    ? or(and(isNull(catalogItems.ownerUnitId), eq(catalogItems.rootUnitId, unitId)), eq(catalogItems.ownerUnitId, unitId))
    : or(eq(catalogItems.ownerUnitId, unitId), inArray(catalogItems.id, adopted));
  return and(isNull(catalogItems.retiredAt), membership);
}

/**
 * The active items of a unit's catalog: for the root unit, the city's standard items; for any unit,
 * the standard items it adopted and the items it added itself.
 */
export async function listUnitCatalogItems(db: DbOrTx, unitId: number, isRoot: boolean): Promise<ItemRow[]> {
  return db
    .select()
    .from(catalogItems)
    .where(catalogMembership(db, unitId, isRoot))
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

// ---------------------------------------------------------------------------------------------
// Bulk writes for imports: one statement per chunk, the rows travelling as one jsonb parameter.

/** Rows per statement of a bulk write. */
export const BULK_CHUNK = 1000;

function chunks<T>(rows: readonly T[], size = BULK_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The item columns as a jsonb_to_recordset row (snake_case keys match the column list below). */
function itemRecord(d: CatalogItemData) {
  const c = itemColumns(d);
  return {
    level1: c.level1,
    level2: c.level2,
    content: c.content,
    basis: c.basis,
    basis_text: c.basisText,
    time_limit_text: c.timeLimitText,
    time_limit_rule: c.timeLimitRule,
    publisher_text: c.publisherText,
    channels: c.channels,
    custom_channels: c.customChannels,
    channels_text: c.channelsText,
    audience_society: c.audienceSociety,
    audience_specific: c.audienceSpecific,
    mode_proactive: c.modeProactive,
    mode_on_request: c.modeOnRequest,
    level_county: c.levelCounty,
    level_township: c.levelTownship,
  };
}

const ITEM_RECORD_COLUMNS = sql.raw(
  `level1 text, level2 text, content text, basis text[], basis_text text, time_limit_text text, time_limit_rule jsonb, publisher_text text,
   channels text[], custom_channels text[], channels_text text, audience_society boolean, audience_specific boolean, mode_proactive boolean,
   mode_on_request boolean, level_county boolean, level_township boolean, publisher_unit_ids bigint[]`,
);

export interface NewItemRow {
  code: string;
  domainId: number;
  sortOrder: number;
  version: number;
  data: CatalogItemData;
  /** The city's units named in 公开主体. */
  publisherUnitIds?: number[];
}

/**
 * Inserts items in chunks; returns the new ids by code. `onChunk` is told how many rows each chunk
 * wrote, for progress.
 */
export async function insertItemsBulk(
  tx: DbOrTx,
  common: { rootUnitId: number; ownerUnitId: number | null; now: Date },
  rows: readonly NewItemRow[],
  onChunk?: (n: number) => void,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const now = common.now.toISOString();
  for (const part of chunks(rows)) {
    const json = JSON.stringify(part.map((r, ord) => ({ ord, code: r.code, domain_id: r.domainId, sort_order: r.sortOrder, version: r.version, ...itemRecord(r.data), publisher_unit_ids: r.publisherUnitIds ?? [] })));
    const res = await tx.execute<{ id: string | number; code: string }>(sql`
      INSERT INTO catalog_items (code, root_unit_id, domain_id, owner_unit_id, level1, level2, content, basis, basis_text, time_limit_text,
        time_limit_rule, publisher_text, channels, custom_channels, channels_text, audience_society, audience_specific, mode_proactive,
        mode_on_request, level_county, level_township, publisher_unit_ids, sort_order, version, created_at, updated_at)
      SELECT x.code, ${common.rootUnitId}::bigint, x.domain_id, ${common.ownerUnitId}::bigint, x.level1, x.level2, x.content,
        coalesce(x.basis, '{}'), coalesce(x.basis_text, ''), x.time_limit_text, x.time_limit_rule, x.publisher_text, coalesce(x.channels, '{}'),
        coalesce(x.custom_channels, '{}'), coalesce(x.channels_text, ''), x.audience_society, x.audience_specific, x.mode_proactive, x.mode_on_request,
        x.level_county, x.level_township, coalesce(x.publisher_unit_ids, '{}'), x.sort_order, x.version, ${now}::timestamptz, ${now}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS x(ord int, code text, domain_id bigint, sort_order int, version int, ${ITEM_RECORD_COLUMNS})
      ORDER BY x.ord
      RETURNING id, code`);
    for (const r of res.rows) ids.set(r.code, Number(r.id));
    onChunk?.(part.length);
  }
  return ids;
}

export interface ChangedItemRow {
  id: number;
  domainId: number;
  version: number;
  data: CatalogItemData;
  publisherUnitIds?: number[];
}

/** Updates items in chunks to the given data and version. */
export async function updateItemsBulk(tx: DbOrTx, now: Date, rows: readonly ChangedItemRow[], onChunk?: (n: number) => void): Promise<void> {
  const at = now.toISOString();
  for (const part of chunks(rows)) {
    const json = JSON.stringify(part.map((r) => ({ id: r.id, domain_id: r.domainId, version: r.version, ...itemRecord(r.data), publisher_unit_ids: r.publisherUnitIds ?? [] })));
    await tx.execute(sql`
      UPDATE catalog_items AS c SET
        domain_id = x.domain_id, level1 = x.level1, level2 = x.level2, content = x.content, basis = coalesce(x.basis, '{}'),
        basis_text = coalesce(x.basis_text, ''), channels_text = coalesce(x.channels_text, ''),
        time_limit_text = x.time_limit_text, time_limit_rule = x.time_limit_rule, publisher_text = x.publisher_text,
        channels = coalesce(x.channels, '{}'), custom_channels = coalesce(x.custom_channels, '{}'),
        audience_society = x.audience_society, audience_specific = x.audience_specific, mode_proactive = x.mode_proactive,
        mode_on_request = x.mode_on_request, level_county = x.level_county, level_township = x.level_township,
        publisher_unit_ids = coalesce(x.publisher_unit_ids, '{}'), version = x.version, updated_at = ${at}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id bigint, domain_id bigint, version int, ${ITEM_RECORD_COLUMNS})
      WHERE c.id = x.id`);
    onChunk?.(part.length);
  }
}

export interface ItemVersionEntry {
  itemId: number;
  version: number;
  data: CatalogItemData;
  changeKind: 'created' | 'updated' | 'retired';
}

/** Appends item versions in chunks, all with the same reason, author and time. */
export async function insertItemVersionsBulk(
  tx: DbOrTx,
  common: { reason: string; changedByName: string; changedAt: Date },
  rows: readonly ItemVersionEntry[],
): Promise<void> {
  const at = common.changedAt.toISOString();
  for (const part of chunks(rows)) {
    const json = JSON.stringify(part.map((r) => ({ item_id: r.itemId, version: r.version, data: r.data, change_kind: r.changeKind })));
    await tx.execute(sql`
      INSERT INTO catalog_item_versions (item_id, version, data, change_kind, reason, changed_by_name, changed_at)
      SELECT x.item_id, x.version, x.data, x.change_kind, ${common.reason}, ${common.changedByName}, ${at}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS x(item_id bigint, version int, data jsonb, change_kind text)`);
  }
}

/** Units that currently adopted any of the items (one query, for versioning their catalogs). */
export async function unitsAdoptingItems(db: DbOrTx, itemIds: readonly number[]): Promise<number[]> {
  if (!itemIds.length) return [];
  const rows = await db
    .selectDistinct({ unitId: catalogUnitItems.unitId })
    .from(catalogUnitItems)
    .where(and(inArray(catalogUnitItems.itemId, [...itemIds]), isNull(catalogUnitItems.removedAt)));
  return rows.map((r) => r.unitId).sort((a, b) => a - b);
}

/** Adopts items into a unit's catalog in one statement (re-adopting clears an earlier removal). */
export async function adoptItemsBulk(tx: DbOrTx, unitId: number, itemIds: readonly number[], now: Date): Promise<void> {
  for (const part of chunks(itemIds)) {
    await tx
      .insert(catalogUnitItems)
      .values(part.map((itemId) => ({ unitId, itemId, addedAt: now })))
      .onConflictDoUpdate({ target: [catalogUnitItems.unitId, catalogUnitItems.itemId], set: { addedAt: now, removedAt: null } });
  }
}

/** (item id, version) of every item of a unit's catalog: what a catalog version records. */
export async function unitCatalogSnapshot(db: DbOrTx, unitId: number, isRoot: boolean): Promise<CatalogSnapshotEntry[]> {
  const rows = await db
    .select({ itemId: catalogItems.id, version: catalogItems.version })
    .from(catalogItems)
    .where(catalogMembership(db, unitId, isRoot))
    .orderBy(asc(catalogItems.domainId), asc(catalogItems.sortOrder), asc(catalogItems.id));
  return rows;
}

/** The newest version number of a unit's catalog, or null when it has none. */
export async function latestCatalogVersion(db: DbOrTx, unitId: number): Promise<number | null> {
  const [row] = await db.select({ v: max(catalogVersions.version) }).from(catalogVersions).where(eq(catalogVersions.unitId, unitId));
  return row?.v ?? null;
}
