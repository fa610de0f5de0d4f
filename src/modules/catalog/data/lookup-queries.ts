// Read-only lookups other modules make through ../index.ts (publishing attaches records to items).
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { units } from '../../../core/db/schema.ts';
import type { TimeLimitRule } from '../domain/types.ts';
import { catalogDomains, catalogItems } from './schema.ts';
import { listUnitCatalogItems } from './repository.ts';

/** A catalog item as another module sees it: enough to pick it, label it and compute its due dates. */
export interface CatalogItemRef {
  id: number;
  /** Stable public identifier: the item's page is /openness/items/<code>. */
  code: string;
  domainName: string;
  level1: string;
  level2: string;
  /** 公开时限 as written in the catalog. */
  timeLimitText: string;
  /** 公开时限 as a computable rule (kind 'not_computable' when none applies). */
  timeLimitRule: TimeLimitRule;
  /** null: an item of the city's standard catalog; otherwise the unit that added it for itself. */
  ownerUnitId: number | null;
  rootUnitId: number;
  version: number;
  /** Retired items stay resolvable (records keep their item) but are not offered any more. */
  retired: boolean;
}

const refColumns = {
  id: catalogItems.id,
  code: catalogItems.code,
  domainName: catalogDomains.name,
  domainSort: catalogDomains.sortOrder,
  level1: catalogItems.level1,
  level2: catalogItems.level2,
  timeLimitText: catalogItems.timeLimitText,
  timeLimitRule: catalogItems.timeLimitRule,
  ownerUnitId: catalogItems.ownerUnitId,
  rootUnitId: catalogItems.rootUnitId,
  version: catalogItems.version,
  retiredAt: catalogItems.retiredAt,
};

function toRef(r: { retiredAt: Date | null; domainSort?: number } & Omit<CatalogItemRef, 'retired'>): CatalogItemRef {
  const { retiredAt, domainSort: _sort, ...rest } = r;
  return { ...rest, retired: retiredAt !== null };
}

export async function findCatalogItemRef(db: DbOrTx, id: number): Promise<CatalogItemRef | undefined> {
  const rows = await db.select(refColumns).from(catalogItems).innerJoin(catalogDomains, eq(catalogDomains.id, catalogItems.domainId)).where(eq(catalogItems.id, id)).limit(1);
  return rows[0] ? toRef(rows[0]) : undefined;
}

export async function findCatalogItemRefByCode(db: DbOrTx, code: string): Promise<CatalogItemRef | undefined> {
  const rows = await db.select(refColumns).from(catalogItems).innerJoin(catalogDomains, eq(catalogDomains.id, catalogItems.domainId)).where(eq(catalogItems.code, code)).limit(1);
  return rows[0] ? toRef(rows[0]) : undefined;
}

/** The active items of a unit's catalog in catalog order (domain, then the catalog's own order). */
export async function listUnitCatalogItemRefs(db: DbOrTx, unitId: number): Promise<CatalogItemRef[]> {
  const [unit] = await db.select({ parentId: units.parentId }).from(units).where(and(eq(units.id, unitId))).limit(1);
  if (!unit) return [];
  const items = await listUnitCatalogItems(db, unitId, unit.parentId === null);
  if (!items.length) return [];
  const domains = await db.select().from(catalogDomains).where(eq(catalogDomains.rootUnitId, items[0]!.rootUnitId)).orderBy(asc(catalogDomains.sortOrder), asc(catalogDomains.id));
  const rank = new Map(domains.map((d, i) => [d.id, i]));
  const name = new Map(domains.map((d) => [d.id, d.name]));
  return items
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (rank.get(a.row.domainId) ?? 0) - (rank.get(b.row.domainId) ?? 0) || a.i - b.i)
    .map(({ row }) => ({
      id: row.id,
      code: row.code,
      domainName: name.get(row.domainId) ?? '',
      level1: row.level1,
      level2: row.level2,
      timeLimitText: row.timeLimitText,
      timeLimitRule: row.timeLimitRule,
      ownerUnitId: row.ownerUnitId,
      rootUnitId: row.rootUnitId,
      version: row.version,
      retired: false,
    }));
}
