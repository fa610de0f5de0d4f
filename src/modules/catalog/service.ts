// State-changing verbs of the catalog. Each validates, changes data in one transaction, records
// the new versions (item and every unit catalog holding it) and writes the audit row.
import crypto from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { Tx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import type { CatalogItemData } from './domain/types.ts';
import { NATIONAL_DOMAINS, matchDomainName } from './domain/domains.ts';
import { itemKey, validateItemData } from './domain/item-rules.ts';
import { sameItemData } from './domain/versions.ts';
import { catalogDomains, catalogItems, catalogItemVersions, catalogUnitItems } from './data/schema.ts';
import {
  findItemById,
  insertCatalogVersion,
  itemColumns,
  itemData,
  listDomains,
  listUnitCatalogItems,
  unitsHoldingItem,
  type DomainRow,
  type ItemRow,
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

/** Serialises version numbering of one unit's catalog. */
async function lockCatalog(tx: Tx, unitId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727100, ${unitId}::int)`);
}

async function snapshotVersion(tx: Tx, core: Core, unitId: number, rootUnitId: number, reason: string, actor: Actor): Promise<number> {
  await lockCatalog(tx, unitId);
  const items = await listUnitCatalogItems(tx, unitId, unitId === rootUnitId);
  return insertCatalogVersion(tx, {
    unitId,
    snapshot: items.map((i) => ({ itemId: i.id, version: i.version })),
    reason,
    changedByName: actor.name,
    changedAt: core.clock.now(),
  });
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
  const [row] = await tx
    .insert(catalogItems)
    .values({ code: newCode(), rootUnitId: input.rootUnitId, domainId: domain.id, ownerUnitId: input.ownerUnitId, sortOrder, ...itemColumns(input.data) })
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
  const [row] = await tx
    .update(catalogItems)
    .set({ ...itemColumns(data), domainId: domain.id, version: item.version + 1, updatedAt: now })
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
      .select({ id: catalogItems.id })
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
    for (const id of toAdd) {
      await tx
        .insert(catalogUnitItems)
        .values({ unitId, itemId: id, addedAt: now })
        .onConflictDoUpdate({ target: [catalogUnitItems.unitId, catalogUnitItems.itemId], set: { addedAt: now, removedAt: null } });
    }
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
  unchanged: number;
  version: number | null;
}

/**
 * Saves an imported catalog all or nothing: items matched by domain + 一级事项 + 二级事项 are updated
 * when they differ, new ones created; one catalog version records the import.
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
  return core.db.transaction(async (tx) => {
    await lockCatalog(tx, catalogUnit);
    const domains = await listDomains(tx, input.rootUnitId);
    const byName = new Map(domains.map((d) => [d.name, d]));
    const missing = [...new Set(input.items.map((d) => matchDomainName(d.domainName) ?? d.domainName.trim().replace(/领域$/, '')))].filter((n) => !byName.has(n));
    if (missing.length) return { ok: false as const, errors: { domainName: `以下领域不存在，请先添加：${missing.join('、')}` } };
    const existing = await tx
      .select()
      .from(catalogItems)
      .where(and(eq(catalogItems.rootUnitId, input.rootUnitId), input.ownerUnitId === null ? isNull(catalogItems.ownerUnitId) : eq(catalogItems.ownerUnitId, input.ownerUnitId), isNull(catalogItems.retiredAt)));
    const nameOf = new Map(domains.map((d) => [d.id, d.name]));
    const byKey = new Map(existing.map((row) => [itemKey(itemData(row, nameOf.get(row.domainId) ?? '')), row]));
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0, version: null };
    let sort = 0;
    for (const [i, raw] of input.items.entries()) {
      const domain = byName.get(matchDomainName(raw.domainName) ?? raw.domainName.trim().replace(/领域$/, ''))!;
      const data = { ...raw, domainName: domain.name };
      const found = byKey.get(itemKey(data));
      sort++;
      if (!found) {
        const row = await insertItem(tx, core, actor, { ...input, data }, domain, sort);
        byKey.set(itemKey(data), row);
        result.created++;
      } else if (sameItemData(itemData(found, domain.name), data)) {
        result.unchanged++;
      } else {
        await updateItemRow(tx, core, actor, found, data, domain, input.reason);
        result.updated++;
      }
      if ((i + 1) % 500 === 0) input.onProgress?.(i + 1, input.items.length);
    }
    input.onProgress?.(input.items.length, input.items.length);
    if (result.created || result.updated) {
      result.version = await snapshotVersion(tx, core, catalogUnit, input.rootUnitId, input.reason, actor);
    }
    await writeAudit(tx, actor, { action: 'catalog.imported', targetType: 'catalog', targetId: catalogUnit, unitId: catalogUnit, summary: { ...result, note: input.reason } }, core.clock.now());
    return { ok: true as const, ...result };
  });
}
