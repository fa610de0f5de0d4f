// A short per-instance cache of each city's active units for public pages (the home page needs them
// on every view). Changes made on this instance clear it at once; other instances within 30 s.
import type { Core } from '../../core/services.ts';
import { TtlCache } from '../../core/cache.ts';
import { listUnitsOfRoot, type UnitRow } from './data/repository.ts';

const publicUnitsCache = new TtlCache<UnitRow[]>(30_000);

/** The city's active units for public pages, cached briefly: every page view of the home page needs them. */
export function publicUnitsOfRoot(core: Core, rootId: number): Promise<UnitRow[]> {
  return publicUnitsCache.get(String(rootId), () => listUnitsOfRoot(core.db, rootId));
}

/** Call after any change to units so this instance shows it at once. */
export function unitsChanged(core: Core): void {
  publicUnitsCache.clear();
  core.sites.invalidate();
}
