// The catalog item a record is filed under: whether it is in the unit's catalog, and its 公开时限 rule
// (for timeliness). Read through the catalog module's index (its public face).
import type { DbOrTx } from '../../../core/db/index.ts';
import { findCatalogItem, listUnitCatalogItemsForPicker, type CatalogItemRef } from '../../catalog/index.ts';

export type UnitCatalogItem = CatalogItemRef;

/**
 * An active item of the unit's catalog (the city's standard items for the root unit; adopted standard
 * items and the unit's own items otherwise). `includeRemoved`: any item by id, retired or dropped
 * since included — a published record keeps its item.
 */
export async function findUnitCatalogItem(db: DbOrTx, unitId: number, itemId: number, opts: { includeRemoved?: boolean } = {}): Promise<UnitCatalogItem | undefined> {
  if (!Number.isSafeInteger(itemId) || itemId <= 0) return undefined;
  if (opts.includeRemoved) return findCatalogItem(db, itemId);
  return (await listUnitCatalogItemsForPicker(db, unitId)).find((i) => i.id === itemId);
}

/** An item of the unit's catalog by its 二级事项 name (demo data refers to items by name). */
export async function findUnitCatalogItemByName(db: DbOrTx, unitId: number, level2: string): Promise<UnitCatalogItem | undefined> {
  return (await listUnitCatalogItemsForPicker(db, unitId)).find((i) => i.level2 === level2);
}
