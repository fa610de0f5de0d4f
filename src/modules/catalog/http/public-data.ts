// What the public pages and the public API of the catalog read, gathered once for both.
import type { Core } from '../../../core/services.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { findUnitBySlug, publicUnitsOfRoot, type UnitRow } from '../../units/index.ts';
import {
  findItemByCode,
  itemData,
  listDomains,
  listItemVersions,
  listUnitCatalogItems,
  unitsHoldingItem,
  type DomainRow,
  type ItemRow,
} from '../data/repository.ts';
import { itemNames, pageCatalogVersions, type ItemName } from '../data/public-queries.ts';
import type { CatalogItemData } from '../domain/types.ts';
import { summariseCatalogVersions, summariseItemVersions, type CatalogVersionSummary, type ItemVersionSummary } from '../domain/history.ts';
import { publicNextDue, type PublicNextDue } from '../domain/next-due.ts';
import { publisherIndex, publisherSegments } from '../domain/publisher.ts';

/** An active unit of this site's city, or undefined (unknown, archived, or another city's). */
export async function findPublicUnit(core: Core, rootUnitId: number, slug: string): Promise<UnitRow | undefined> {
  const unit = await findUnitBySlug(core.db, slug);
  if (!unit || unit.archivedAt || (unit.rootId ?? unit.id) !== rootUnitId) return undefined;
  return unit;
}

export interface UnitCatalog {
  unit: UnitRow;
  isRoot: boolean;
  /** Every domain of the city, in display order. */
  domains: DomainRow[];
  items: ItemRow[];
}

export async function loadUnitCatalog(core: Core, unit: UnitRow, rootUnitId: number): Promise<UnitCatalog> {
  const isRoot = unit.id === rootUnitId;
  const [domains, items] = await Promise.all([listDomains(core.db, rootUnitId), listUnitCatalogItems(core.db, unit.id, isRoot)]);
  // listUnitCatalogItems orders by domain id; show domains in their own order.
  const order = new Map(domains.map((d, i) => [d.id, i]));
  items.sort((a, b) => (order.get(a.domainId) ?? 0) - (order.get(b.domainId) ?? 0));
  return { unit, isRoot, domains, items };
}

export interface PublicItem {
  item: ItemRow;
  domain: DomainRow;
  data: CatalogItemData;
  /** The unit that owns the item; the root unit for an item of the city's standard catalog. */
  owner: UnitRow;
  /** Active units whose catalogs hold the item. */
  holders: UnitRow[];
  versions: ItemVersionSummary[];
  nextDue: PublicNextDue | null;
  /** 公开主体 as written, the names of the city's units linked to their public catalogs. */
  publisher: { text: string; href?: string }[];
}

/** An item of this city's catalog by its public code; undefined when unknown or its owner is archived. */
export async function loadPublicItem(core: Core, rootUnitId: number, code: string): Promise<PublicItem | undefined> {
  const item = await findItemByCode(core.db, code);
  if (!item || item.rootUnitId !== rootUnitId) return undefined;
  const [domains, units, versionRows, holderIds] = await Promise.all([
    listDomains(core.db, rootUnitId),
    publicUnitsOfRoot(core, rootUnitId),
    listItemVersions(core.db, item.id),
    unitsHoldingItem(core.db, item),
  ]);
  const domain = domains.find((d) => d.id === item.domainId);
  const owner = units.find((u) => u.id === (item.ownerUnitId ?? rootUnitId));
  if (!domain || !owner) return undefined;
  const data = itemData(item, domain.name);
  const today = shanghaiToday(core.clock.now());
  const nextDue = item.retiredAt ? null : publicNextDue(data.timeLimitRule, data.mode.proactive, today, await core.calendar.calendar());
  return {
    item,
    domain,
    data,
    owner,
    holders: item.retiredAt ? [] : units.filter((u) => holderIds.includes(u.id)),
    versions: summariseItemVersions(versionRows.map((v) => ({ ...v, changedOn: shanghaiToday(v.changedAt) }))),
    nextDue,
    publisher: publisherSegments(data.publisherText, publisherIndex(units), item.publisherUnitIds).map((p) => {
      const unit = p.unitId === undefined ? undefined : units.find((u) => u.id === p.unitId);
      return unit ? { text: p.text, href: `/openness/${unit.slug}/catalog` } : { text: p.text };
    }),
  };
}

export interface CatalogHistoryPage {
  versions: CatalogVersionSummary[];
  total: number;
  /** Names of the items the versions shown added, removed or changed (only for small changes). */
  names: Map<number, ItemName>;
}

/** Changes with more items than this are given as counts only. */
export const MAX_NAMED_CHANGES = 20;

export async function loadCatalogHistory(core: Core, unitId: number, page: number, pageSize: number, withNames = true): Promise<CatalogHistoryPage> {
  const { rows, total } = await pageCatalogVersions(core.db, unitId, pageSize, (page - 1) * pageSize);
  const versions = summariseCatalogVersions(
    rows.map((r) => ({ version: r.version, snapshot: r.snapshot, reason: r.reason, changedOn: shanghaiToday(r.changedAt) })),
    pageSize,
  );
  if (!withNames) return { versions, total, names: new Map() };
  const ids = versions.flatMap((v) => [
    ...(v.added.length <= MAX_NAMED_CHANGES ? v.added : []),
    ...(v.removed.length <= MAX_NAMED_CHANGES ? v.removed : []),
    ...(v.changed.length <= MAX_NAMED_CHANGES ? v.changed.map((c) => c.itemId) : []),
  ]);
  return { versions, total, names: await itemNames(core.db, ids) };
}
