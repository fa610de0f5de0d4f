// The public change history of items and catalogs (动态调整): what changed in each version.
import type { CatalogItemData } from './types.ts';
import { diffItemData, diffSnapshots, type FieldChange, type SnapshotEntry } from './versions.ts';

export type ChangeKind = 'created' | 'updated' | 'retired';

export interface ItemVersionInput {
  version: number;
  data: CatalogItemData;
  changeKind: ChangeKind;
  reason: string;
  /** The legal date of the change ('YYYY-MM-DD', Asia/Shanghai). */
  changedOn: string;
}

export interface ItemVersionSummary {
  version: number;
  changeKind: ChangeKind;
  reason: string;
  changedOn: string;
  /** The columns that differ from the previous version; empty for the first version and for retiring. */
  changes: FieldChange[];
}

/** Each version of an item with the columns it changed, newest first. */
export function summariseItemVersions(versions: readonly ItemVersionInput[]): ItemVersionSummary[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const out: ItemVersionSummary[] = sorted.map((v, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    const changes = prev && v.changeKind === 'updated' ? diffItemData(prev.data, v.data) : [];
    return { version: v.version, changeKind: v.changeKind, reason: v.reason, changedOn: v.changedOn, changes };
  });
  return out.reverse();
}

export interface CatalogVersionInput {
  version: number;
  snapshot: readonly SnapshotEntry[];
  reason: string;
  changedOn: string;
}

export interface CatalogVersionSummary {
  version: number;
  reason: string;
  changedOn: string;
  /** Items in the catalog after this version. */
  itemCount: number;
  added: number[];
  removed: number[];
  changed: { itemId: number; from: number; to: number }[];
}

/**
 * Versions of a unit's catalog, newest first, each compared with the one before it. `versions` may
 * hold one extra, older version at the end (the predecessor of the last one shown): it is used for
 * the comparison and not returned. Without it the oldest version counts as version 1 (all items added)
 * only when its number is 1.
 */
export function summariseCatalogVersions(versions: readonly CatalogVersionInput[], shown: number): CatalogVersionSummary[] {
  const desc = [...versions].sort((a, b) => b.version - a.version);
  return desc.slice(0, shown).map((v, i) => {
    const prev = desc[i + 1];
    const before = prev && prev.version === v.version - 1 ? prev.snapshot : v.version === 1 ? [] : null;
    const d = before ? diffSnapshots(before, v.snapshot) : { added: [], removed: [], changed: [] };
    return { version: v.version, reason: v.reason, changedOn: v.changedOn, itemCount: v.snapshot.length, ...d };
  });
}
