// State-changing verbs of the catalog. Each validates, changes data in one transaction, records
// the new versions (item and every unit catalog holding it) and writes the audit row.
import crypto from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { Tx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import type { CatalogItemData } from './domain/types.ts';
import { NATIONAL_DOMAINS, checkLocalDomainName, localDomainSlug, matchDomainName } from './domain/domains.ts';
import { itemKey, validateItemData } from './domain/item-rules.ts';
import { diffItemData, sameItemData } from './domain/versions.ts';
import { STANDARD_ITEM_CHANGED } from './domain/import-preview.ts';
import { adoptedItemIds, listStandardItems } from './data/staff-queries.ts';
import { matchPublishers, publisherIndex } from './domain/publisher.ts';
import { findUnitById, listUnitsOfRoot } from '../units/index.ts';
import { adoptionRefusal } from './domain/adoption.ts';
import { catalogDomains, catalogItems, catalogItemVersions, catalogUnitItems } from './data/schema.ts';
import {
  adoptItemsBulk,
  findItemById,
  insertCatalogVersion,
  insertItemsBulk,
  insertItemVersionsBulk,
  itemColumns,
  itemData,
  listDomains,
  unitCatalogSnapshot,
  unitsAdoptingItems,
  unitsHoldingItem,
  updateItemsBulk,
  type ChangedItemRow,
  type DomainRow,
  type ItemRow,
  type ItemVersionEntry,
  type NewItemRow,
} from './data/repository.ts';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

function fail(errors: Record<string, string>): { ok: false; errors: Record<string, string> } {
  return { ok: false, errors };
}

function newCode(): string {
  return crypto.randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
}

/** Seeds the 26 national domains for a city (root unit); idempotent. */
export async function seedDomains(tx: Tx, rootUnitId: number): Promise<void> {
  await tx
    .insert(catalogDomains)
    .values(NATIONAL_DOMAINS.map((d) => ({ rootUnitId, slug: d.slug, name: d.name, nationalNo: d.no, sortOrder: d.no })))
    .onConflictDoNothing();
}

/**
 * Adds a local domain to a city's catalog (e.g. 涉农资金; localities may add domains beyond the 26
 * national ones, regulation notes §3.2). Sorted after the national domains, in the order added.
 */
export async function addLocalDomain(core: Core, actor: Actor, rootUnitId: number, rawName: string): Promise<Result<{ domain: DomainRow }>> {
  return core.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727101, ${rootUnitId}::int)`);
    const domains = await listDomains(tx, rootUnitId);
    const checked = checkLocalDomainName(rawName, domains.map((d) => d.name));
    if (!checked.ok) return fail({ name: checked.message });
    const sortOrder = Math.max(100, ...domains.map((d) => d.sortOrder)) + 1;
    const [domain] = await tx
      .insert(catalogDomains)
      .values({ rootUnitId, slug: localDomainSlug(domains.map((d) => d.slug)), name: checked.name, nationalNo: null, sortOrder })
      .returning();
    await writeAudit(tx, actor, { action: 'catalog.domain-added', targetType: 'catalog_domain', targetId: domain!.slug, unitId: rootUnitId, summary: { after: { name: domain!.name, slug: domain!.slug } } }, core.clock.now());
    return { ok: true as const, domain: domain! };
  });
}

/** Serialises version numbering of one unit's catalog. */
async function lockCatalog(tx: Tx, unitId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727100, ${unitId}::int)`);
}

async function snapshotVersion(tx: Tx, core: Core, unitId: number, rootUnitId: number, reason: string, actor: Actor): Promise<number> {
  await lockCatalog(tx, unitId);
  return insertCatalogVersion(tx, {
    unitId,
    snapshot: await unitCatalogSnapshot(tx, unitId, unitId === rootUnitId),
    reason,
    changedByName: actor.name,
    changedAt: core.clock.now(),
  });
}

/** Reads 公开主体 text into the ids of the city's units it names (exact full or short names). */
async function publisherUnitsOf(tx: Tx, rootUnitId: number): Promise<(text: string) => number[]> {
  const index = publisherIndex(await listUnitsOfRoot(tx, rootUnitId));
  return (text) => matchPublishers(text, index).unitIds;
}

async function domainFor(tx: Tx, rootUnitId: number, name: string): Promise<DomainRow | undefined> {
  const domains = await listDomains(tx, rootUnitId);
  const canonical = matchDomainName(name) ?? name.trim().replace(/领域$/, '');
  return domains.find((d) => d.name === canonical);
}

export interface ItemInput {
  rootUnitId: number;
  /** null: the city's standard catalog. */
  ownerUnitId: number | null;
  data: CatalogItemData;
  reason: string;
}

async function insertItem(tx: Tx, core: Core, actor: Actor, input: ItemInput, domain: DomainRow, sortOrder: number): Promise<ItemRow> {
  const now = core.clock.now();
  const publisherUnitIds = (await publisherUnitsOf(tx, input.rootUnitId))(input.data.publisherText);
  const [row] = await tx
    .insert(catalogItems)
    .values({ code: newCode(), rootUnitId: input.rootUnitId, domainId: domain.id, ownerUnitId: input.ownerUnitId, sortOrder, ...itemColumns(input.data), publisherUnitIds })
    .returning();
  await tx.insert(catalogItemVersions).values({
    itemId: row!.id,
    version: 1,
    data: { ...input.data, domainName: domain.name },
    changeKind: 'created',
    reason: input.reason,
    changedByName: actor.name,
    changedAt: now,
  });
  return row!;
}

async function updateItemRow(tx: Tx, core: Core, actor: Actor, item: ItemRow, data: CatalogItemData, domain: DomainRow, reason: string): Promise<ItemRow> {
  const now = core.clock.now();
  const publisherUnitIds = (await publisherUnitsOf(tx, item.rootUnitId))(data.publisherText);
  const [row] = await tx
    .update(catalogItems)
    .set({ ...itemColumns(data), publisherUnitIds, domainId: domain.id, version: item.version + 1, updatedAt: now })
    .where(eq(catalogItems.id, item.id))
    .returning();
  await tx.insert(catalogItemVersions).values({
    itemId: item.id,
    version: item.version + 1,
    data: { ...data, domainName: domain.name },
    changeKind: 'updated',
    reason,
    changedByName: actor.name,
    changedAt: now,
  });
  return row!;
}

export async function createItem(core: Core, actor: Actor, input: ItemInput): Promise<Result<{ item: ItemRow }>> {
  const errors = validateItemData(input.data);
  if (!input.reason.trim()) errors.reason = '请填写变更说明';
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const domain = await domainFor(tx, input.rootUnitId, input.data.domainName);
    if (!domain) return { ok: false as const, errors: { domainName: `领域「${input.data.domainName}」不存在，请先在领域管理中添加` } };
    const item = await insertItem(tx, core, actor, input, domain, 0);
    await snapshotVersion(tx, core, input.ownerUnitId ?? input.rootUnitId, input.rootUnitId, input.reason, actor);
    await writeAudit(tx, actor, { action: 'catalog.item-created', targetType: 'catalog_item', targetId: item.code, unitId: input.ownerUnitId ?? input.rootUnitId, summary: { after: { domain: domain.name, level1: item.level1, level2: item.level2 }, note: input.reason } }, core.clock.now());
    return { ok: true as const, item };
  });
}

export async function updateItem(core: Core, actor: Actor, itemId: number, data: CatalogItemData, reason: string): Promise<Result<{ item: ItemRow; changed: boolean }>> {
  const errors = validateItemData(data);
  if (!reason.trim()) errors.reason = '请填写变更说明';
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const item = await findItemById(tx, itemId, true);
    if (!item || item.retiredAt) return fail({ item: '该事项不存在或已停用' });
    const domain = await domainFor(tx, item.rootUnitId, data.domainName);
    if (!domain) return { ok: false as const, errors: { domainName: `领域「${data.domainName}」不存在` } };
    const before = itemData(item, (await listDomains(tx, item.rootUnitId)).find((d) => d.id === item.domainId)?.name ?? '');
    if (sameItemData(before, { ...data, domainName: domain.name })) return { ok: true as const, item, changed: false };
    const updated = await updateItemRow(tx, core, actor, item, data, domain, reason);
    for (const unitId of await unitsHoldingItem(tx, updated)) await snapshotVersion(tx, core, unitId, item.rootUnitId, reason, actor);
    await writeAudit(tx, actor, { action: 'catalog.item-updated', targetType: 'catalog_item', targetId: item.code, unitId: item.ownerUnitId ?? item.rootUnitId, summary: { before: { version: item.version }, after: { version: updated.version }, note: reason } }, core.clock.now());
    return { ok: true as const, item: updated, changed: true };
  });
}

export async function retireItem(core: Core, actor: Actor, itemId: number, reason: string): Promise<Result> {
  if (!reason.trim()) return { ok: false, errors: { reason: '请填写停用原因' } };
  return core.db.transaction(async (tx) => {
    const item = await findItemById(tx, itemId, true);
    if (!item || item.retiredAt) return fail({ item: '该事项不存在或已停用' });
    const holders = await unitsHoldingItem(tx, item);
    const now = core.clock.now();
    await tx.update(catalogItems).set({ retiredAt: now, version: item.version + 1, updatedAt: now }).where(eq(catalogItems.id, item.id));
    const domainName = (await listDomains(tx, item.rootUnitId)).find((d) => d.id === item.domainId)?.name ?? '';
    await tx.insert(catalogItemVersions).values({ itemId: item.id, version: item.version + 1, data: itemData(item, domainName), changeKind: 'retired', reason, changedByName: actor.name, changedAt: now });
    for (const unitId of holders) await snapshotVersion(tx, core, unitId, item.rootUnitId, reason, actor);
    await writeAudit(tx, actor, { action: 'catalog.item-retired', targetType: 'catalog_item', targetId: item.code, unitId: item.ownerUnitId ?? item.rootUnitId, summary: { note: reason } }, now);
    return { ok: true as const };
  });
}

/** A unit adopts standard items into its own catalog (or removes them): one new catalog version. */
export async function setAdoptedItems(core: Core, actor: Actor, unitId: number, rootUnitId: number, itemIds: number[], reason: string): Promise<Result<{ added: number; removed: number }>> {
  if (!reason.trim()) return { ok: false, errors: { reason: '请填写变更说明' } };
  return core.db.transaction(async (tx) => {
    await lockCatalog(tx, unitId);
    const standard = await tx
      .select({
        id: catalogItems.id,
        level2: catalogItems.level2,
        publisherText: catalogItems.publisherText,
        county: catalogItems.levelCounty,
        township: catalogItems.levelTownship,
      })
      .from(catalogItems)
      .where(and(eq(catalogItems.rootUnitId, rootUnitId), isNull(catalogItems.ownerUnitId), isNull(catalogItems.retiredAt)));
    const allowed = new Set(standard.map((s) => s.id));
    const wanted = new Set(itemIds.filter((id) => allowed.has(id)));
    if (wanted.size !== new Set(itemIds).size) return fail({ items: '所选事项中有不属于本市标准目录的事项' });
    const current = await tx.select().from(catalogUnitItems).where(eq(catalogUnitItems.unitId, unitId));
    const active = new Set(current.filter((c) => !c.removedAt).map((c) => c.itemId));
    const now = core.clock.now();
    const toAdd = [...wanted].filter((id) => !active.has(id));
    const toRemove = [...active].filter((id) => !wanted.has(id));
    if (!toAdd.length && !toRemove.length) return { ok: true as const, added: 0, removed: 0 };
    // Items of another 公开层级 (a township and a 县级-only item …) are refused with the reason.
    const unit = await findUnitById(tx, unitId);
    if (unit) {
      const byId = new Map(standard.map((s) => [s.id, s]));
      const refused = toAdd.flatMap((id) => {
        const s = byId.get(id)!;
        const why = adoptionRefusal(unit, { level: { county: s.county, township: s.township }, publisherText: s.publisherText });
        return why ? [`「${s.level2}」：${why}`] : [];
      });
      if (refused.length) return fail({ items: `有${refused.length}项不能采用。${refused.slice(0, 10).join('；')}${refused.length > 10 ? '……' : ''}` });
    }
    await adoptItemsBulk(tx, unitId, toAdd, now);
    if (toRemove.length) {
      await tx.update(catalogUnitItems).set({ removedAt: now }).where(and(eq(catalogUnitItems.unitId, unitId), inArray(catalogUnitItems.itemId, toRemove)));
    }
    const version = await snapshotVersion(tx, core, unitId, rootUnitId, reason, actor);
    await writeAudit(tx, actor, { action: 'catalog.adopted', targetType: 'catalog', targetId: unitId, unitId, summary: { added: toAdd.length, removed: toRemove.length, version, note: reason } }, now);
    return { ok: true as const, added: toAdd.length, removed: toRemove.length };
  });
}

export interface ImportResult {
  created: number;
  updated: number;
  /** Standard items a department or township adopted by importing them. */
  adopted: number;
  unchanged: number;
  /** The new version of the imported catalog; null when nothing changed. */
  version: number | null;
  /** Other units' catalogs that hold an updated item and got a new version too. */
  versionedUnits: number[];
}

/** One item as the import leaves it, worked out in memory before anything is written. */
interface ImportEntry {
  /** Existing row, or undefined for an item this import creates. */
  existing?: ItemRow;
  code: string;
  domainId: number;
  sortOrder: number;
  data: CatalogItemData;
  version: number;
  dirty: boolean;
}

/**
 * Saves an imported catalog all or nothing: items matched by domain + 一级事项 + 二级事项 are updated
 * when they differ, new ones created; one catalog version records the import, and every other unit
 * catalog holding an updated item gets a version too (动态调整). Rows are applied in file order in
 * memory (a repeated item becomes one creation or update plus one version per change), then written in
 * chunks of BULK_CHUNK rows, all in one transaction with the audit row.
 */
export async function importItems(
  core: Core,
  actor: Actor,
  input: { rootUnitId: number; ownerUnitId: number | null; items: CatalogItemData[]; reason: string; onProgress?: (done: number, total: number) => void },
): Promise<Result<ImportResult>> {
  if (!input.reason.trim()) return { ok: false, errors: { reason: '请填写导入说明' } };
  const errors: Record<string, string> = {};
  input.items.forEach((d, i) => {
    const e = validateItemData(d);
    for (const [k, m] of Object.entries(e)) errors[`items[${i + 1}].${k}`] = `第${i + 1}条：${m}`;
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  const catalogUnit = input.ownerUnitId ?? input.rootUnitId;
  const canonical = (name: string) => matchDomainName(name) ?? name.trim().replace(/领域$/, '');
  return core.db.transaction(async (tx) => {
    await lockCatalog(tx, catalogUnit);
    const domains = await listDomains(tx, input.rootUnitId);
    const byName = new Map(domains.map((d) => [d.name, d]));
    const missing = [...new Set(input.items.map((d) => canonical(d.domainName)))].filter((n) => !byName.has(n));
    if (missing.length) return { ok: false as const, errors: { domainName: `以下领域不存在，请先添加：${missing.join('、')}` } };
    const existing = await tx
      .select()
      .from(catalogItems)
      .where(and(eq(catalogItems.rootUnitId, input.rootUnitId), input.ownerUnitId === null ? isNull(catalogItems.ownerUnitId) : eq(catalogItems.ownerUnitId, input.ownerUnitId), isNull(catalogItems.retiredAt)))
      .for('update');
    const nameOf = new Map(domains.map((d) => [d.id, d.name]));
    const byKey = new Map<string, ImportEntry>(
      existing.map((row) => {
        const data = itemData(row, nameOf.get(row.domainId) ?? '');
        return [itemKey(data), { existing: row, code: row.code, domainId: row.domainId, sortOrder: row.sortOrder, data, version: row.version, dirty: false }];
      }),
    );

    // A department's or township's rows that name a city standard item adopt it (planImport's rule).
    const standardByKey = new Map<string, { id: number; data: CatalogItemData }>();
    const adopted = input.ownerUnitId === null ? new Set<number>() : await adoptedItemIds(tx, input.ownerUnitId);
    if (input.ownerUnitId !== null) {
      for (const row of await listStandardItems(tx, input.rootUnitId)) {
        const data = itemData(row, nameOf.get(row.domainId) ?? '');
        standardByKey.set(itemKey(data), { id: row.id, data });
      }
    }
    const toAdopt = new Set<number>();

    // 1. Apply the rows in memory, in file order; the map always holds each item's latest state.
    const result: ImportResult = { created: 0, updated: 0, adopted: 0, unchanged: 0, version: null, versionedUnits: [] };
    const created: ImportEntry[] = [];
    const versions: { entry: ImportEntry; version: number; data: CatalogItemData; changeKind: 'created' | 'updated' }[] = [];
    for (const [i, raw] of input.items.entries()) {
      const domain = byName.get(canonical(raw.domainName))!;
      const data: CatalogItemData = { ...raw, domainName: domain.name };
      const key = itemKey(data);
      const found = byKey.get(key);
      const std = found ? undefined : standardByKey.get(key);
      if (std) {
        if (!sameItemData(std.data, data, 'meaning')) {
          const columns = [...new Set(diffItemData(std.data, data, 'meaning').map((c) => c.label))].join('、');
          return fail({ items: `第${i + 1}条（${data.level1} / ${data.level2}）：${STANDARD_ITEM_CHANGED.replace('{columns}', columns)}` });
        }
        if (adopted.has(std.id) || toAdopt.has(std.id)) result.unchanged++;
        else {
          toAdopt.add(std.id);
          result.adopted++;
        }
      } else if (!found) {
        const entry: ImportEntry = { code: newCode(), domainId: domain.id, sortOrder: i + 1, data, version: 1, dirty: true };
        byKey.set(key, entry);
        created.push(entry);
        versions.push({ entry, version: 1, data, changeKind: 'created' });
        result.created++;
      } else if (sameItemData(found.data, data)) {
        result.unchanged++;
      } else {
        found.data = data;
        found.domainId = domain.id;
        found.version++;
        found.dirty = true;
        versions.push({ entry: found, version: found.version, data, changeKind: 'updated' });
        result.updated++;
      }
    }
    const updated = [...byKey.values()].filter((e) => e.existing && e.dirty);

    // 2. Write in chunks: new items, changed items, then every item version.
    const now = core.clock.now();
    const total = input.items.length;
    let done = result.unchanged;
    const progress = (n: number) => {
      done += n;
      input.onProgress?.(Math.min(done, total), total);
    };
    const publisherUnits = await publisherUnitsOf(tx, input.rootUnitId);
    const newRows: NewItemRow[] = created.map((e) => ({ code: e.code, domainId: e.domainId, sortOrder: e.sortOrder, version: e.version, data: e.data, publisherUnitIds: publisherUnits(e.data.publisherText) }));
    const ids = await insertItemsBulk(tx, { rootUnitId: input.rootUnitId, ownerUnitId: input.ownerUnitId, now }, newRows, progress);
    const changedRows: ChangedItemRow[] = updated.map((e) => ({ id: e.existing!.id, domainId: e.domainId, version: e.version, data: e.data, publisherUnitIds: publisherUnits(e.data.publisherText) }));
    await updateItemsBulk(tx, now, changedRows, progress);
    const idOf = (e: ImportEntry) => e.existing?.id ?? ids.get(e.code)!;
    const versionRows: ItemVersionEntry[] = versions.map((v) => ({ itemId: idOf(v.entry), version: v.version, data: v.data, changeKind: v.changeKind }));
    await insertItemVersionsBulk(tx, { reason: input.reason, changedByName: actor.name, changedAt: now }, versionRows);
    if (toAdopt.size) await adoptItemsBulk(tx, catalogUnit, [...toAdopt], now);
    input.onProgress?.(total, total);

    // 3. New versions: the imported catalog, and every other catalog holding an updated item.
    if (result.created || result.updated || result.adopted) {
      result.version = await snapshotVersion(tx, core, catalogUnit, input.rootUnitId, input.reason, actor);
    }
    result.versionedUnits = (await unitsAdoptingItems(tx, updated.map((e) => e.existing!.id))).filter((u) => u !== catalogUnit);
    for (const unitId of result.versionedUnits) await snapshotVersion(tx, core, unitId, input.rootUnitId, input.reason, actor);
    await writeAudit(
      tx,
      actor,
      {
        action: 'catalog.imported',
        targetType: 'catalog',
        targetId: catalogUnit,
        unitId: catalogUnit,
        summary: { created: result.created, updated: result.updated, adopted: result.adopted, unchanged: result.unchanged, version: result.version, versionedUnits: result.versionedUnits.length, note: input.reason },
      },
      now,
    );
    return { ok: true as const, ...result };
  });
}
