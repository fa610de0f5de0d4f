// First start: the 26 national domains for every city (root unit), then the demo catalog — the
// 财政预决算 and 生态环境 rows of ./demo/catalog-rows.ts in the city's standard catalog, adopted by the
// finance and ecology units — so a new installation shows a populated 政府信息公开 column.
import { isNull } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { systemActor, type Actor } from '../../core/audit/index.ts';
import { findUnitBySlug } from '../units/index.ts';
import { parseTimeLimit } from './domain/time-limit.ts';
import { itemKey } from './domain/item-rules.ts';
import { parseCatalog } from './import/parse-catalog.ts';
import { DEMO_ADOPTIONS, demoCatalogSheet } from './demo/catalog-rows.ts';
import { listCatalogVersions, listDomains, listUnitCatalogItems } from './data/repository.ts';
import { importItems, seedDomains, setAdoptedItems } from './service.ts';

const DEMO_ACTOR: Actor = { ...systemActor, name: '系统（演示数据）' };

/** `GONGKAI_DEMO_CATALOG=0` (or off / false / no): start without the demo catalog (tests that build one from nothing). */
export const DEMO_CATALOG_ENV = 'GONGKAI_DEMO_CATALOG';

export function demoCatalogWanted(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|off|false|no)$/i.test((env[DEMO_CATALOG_ENV] ?? '').trim());
}

export async function seedCatalog(core: Core, log: (message: string) => void = () => {}): Promise<void> {
  const roots = await core.db.select({ id: units.id, slug: units.slug }).from(units).where(isNull(units.parentId));
  await core.db.transaction(async (tx) => {
    for (const r of roots) await seedDomains(tx, r.id);
  });
  if (!demoCatalogWanted()) return;
  for (const r of roots) await seedDemoCatalog(core, r.id, log);
}

/**
 * Loads the demo rows into a city's standard catalog, once: only while that catalog has never had a
 * version (a city that built or emptied its own catalog is left alone). Each unit of DEMO_ADOPTIONS
 * then adopts its domain's items, again only while its catalog has never had a version.
 */
export async function seedDemoCatalog(core: Core, rootUnitId: number, log: (message: string) => void = () => {}): Promise<void> {
  const { grid, merges } = demoCatalogSheet();
  const parsed = parseCatalog(grid, merges, { parseTimeLimit });
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`demo catalog rows do not parse: ${errors.map((p) => `${p.row}${p.column}: ${p.message}`).join('; ')}`);
  const items = parsed.items.map(({ sourceRow: _row, ...data }) => data);
  if ((await listCatalogVersions(core.db, rootUnitId)).length === 0) {
    const result = await importItems(core, DEMO_ACTOR, { rootUnitId, ownerUnitId: null, items, reason: '载入演示数据：财政预决算、生态环境领域标准目录' });
    if (!result.ok) throw new Error(`demo catalog import refused: ${Object.values(result.errors).join('; ')}`);
    log(`已载入演示目录：本市标准目录 ${result.created} 项（财政预决算、生态环境领域）。`);
  }
  const domainName = new Map((await listDomains(core.db, rootUnitId)).map((d) => [d.id, d.name]));
  const standard = await listUnitCatalogItems(core.db, rootUnitId, true);
  for (const a of DEMO_ADOPTIONS) {
    const unit = await findUnitBySlug(core.db, a.unitSlug);
    if (!unit || unit.archivedAt || (unit.rootId ?? unit.id) !== rootUnitId) continue;
    if ((await listCatalogVersions(core.db, unit.id)).length) continue;
    const keys = new Set(items.filter((d) => d.domainName === a.domain).map(itemKey));
    const ids = standard
      .filter((s) => s.ownerUnitId === null && keys.has(itemKey({ domainName: domainName.get(s.domainId) ?? '', level1: s.level1, level2: s.level2 })))
      .map((s) => s.id);
    if (!ids.length) continue;
    const r = await setAdoptedItems(core, DEMO_ACTOR, unit.id, rootUnitId, ids, `载入演示数据：采用本市标准目录${a.domain}领域事项`);
    if (!r.ok) throw new Error(`demo adoption refused: ${Object.values(r.errors).join('; ')}`);
  }
}
