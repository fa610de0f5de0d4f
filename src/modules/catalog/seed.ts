// First start: the 26 national domains for every city (root unit), then the demo catalog.
// Lean (tests): the 财政预决算 and 生态环境 rows of ./demo/catalog-rows.ts in the city's standard catalog,
// adopted by the finance and ecology units. Full (`npm start`): the city's standard catalog in all 26
// domains (./demo/catalog-domains.ts), adopted by every unit for the domains it answers for, and a
// published 政府信息公开指南 for every unit (./demo/guides.ts).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { systemActor, writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { findUnitBySlug, unitRemedies } from '../units/index.ts';
import { parseTimeLimit } from './domain/time-limit.ts';
import { itemKey } from './domain/item-rules.ts';
import { parseCatalog } from './import/parse-catalog.ts';
import { DEMO_ADOPTIONS, FIXTURE_ROWS, demoCatalogSheet, type FixtureRow } from './demo/catalog-rows.ts';
import { DEMO_DOMAIN_ROWS } from './demo/catalog-domains.ts';
import { demoAdoptionPlan, type AdoptionUnit } from './demo/adoptions.ts';
import { demoGuideSections } from './demo/guides.ts';
import { catalogGuides } from './data/schema.ts';
import { listCatalogVersions, listDomains, listUnitCatalogItems } from './data/repository.ts';
import { importItems, seedDomains, setAdoptedItems } from './service.ts';

const DEMO_ACTOR: Actor = { ...systemActor, name: '系统（演示数据）' };

/** `GONGKAI_DEMO_CATALOG=0` (or off / false / no): start without the demo catalog (tests that build one from nothing). */
export const DEMO_CATALOG_ENV = 'GONGKAI_DEMO_CATALOG';

export function demoCatalogWanted(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|off|false|no)$/i.test((env[DEMO_CATALOG_ENV] ?? '').trim());
}

export async function seedCatalog(core: Core, log: (message: string) => void = () => {}, volume: 'full' | 'lean' = 'lean'): Promise<void> {
  const roots = await core.db.select({ id: units.id, slug: units.slug }).from(units).where(isNull(units.parentId));
  await core.db.transaction(async (tx) => {
    for (const r of roots) await seedDomains(tx, r.id);
  });
  if (!demoCatalogWanted()) return;
  for (const r of roots) {
    if (volume === 'full') {
      await seedFullDemoCatalog(core, r.id, log);
      await seedDemoGuides(core, r.id, log);
    } else await seedDemoCatalog(core, r.id, log);
  }
}

/**
 * Loads the demo rows into a city's standard catalog, once: only while that catalog has never had a
 * version (a city that built or emptied its own catalog is left alone). Each unit of DEMO_ADOPTIONS
 * then adopts its domain's items, again only while its catalog has never had a version.
 */
export async function seedDemoCatalog(core: Core, rootUnitId: number, log: (message: string) => void = () => {}): Promise<void> {
  const items = parseDemoRows(FIXTURE_ROWS);
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

function parseDemoRows(rows: readonly { domain: string }[]) {
  const { grid, merges } = demoCatalogSheet(rows as readonly FixtureRow[]);
  const parsed = parseCatalog(grid, merges, { parseTimeLimit });
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`demo catalog rows do not parse: ${errors.map((p) => `${p.row}${p.column}: ${p.message}`).join('; ')}`);
  return parsed.items.map(({ sourceRow: _row, ...data }) => data);
}

/**
 * Full demo: the city's standard catalog in all 26 domains as version 1 (only while the city's catalog has
 * never had a version), then each unit adopts the items of its domains at its level (only while its own
 * catalog has never had a version).
 */
export async function seedFullDemoCatalog(core: Core, rootUnitId: number, log: (message: string) => void = () => {}): Promise<void> {
  const items = parseDemoRows([...FIXTURE_ROWS, ...DEMO_DOMAIN_ROWS]);
  if ((await listCatalogVersions(core.db, rootUnitId)).length === 0) {
    const result = await importItems(core, DEMO_ACTOR, { rootUnitId, ownerUnitId: null, items, reason: '载入演示数据：本市26个领域基层政务公开标准目录' });
    if (!result.ok) throw new Error(`demo catalog import refused: ${Object.values(result.errors).join('; ')}`);
    log(`已载入演示目录：本市标准目录 ${result.created} 项（26个领域）。`);
  }
  const domainName = new Map((await listDomains(core.db, rootUnitId)).map((d) => [d.id, d.name]));
  const standard = (await listUnitCatalogItems(core.db, rootUnitId, true))
    .filter((s) => s.ownerUnitId === null)
    .map((s) => ({ id: s.id, domainName: domainName.get(s.domainId) ?? '', level1: s.level1, level2: s.level2, levelCounty: s.levelCounty, levelTownship: s.levelTownship }));
  const cityUnits: AdoptionUnit[] = await core.db
    .select({ id: units.id, slug: units.slug, type: units.type })
    .from(units)
    .where(and(eq(units.rootId, rootUnitId), sql`${units.parentId} IS NOT NULL`, isNull(units.archivedAt)));
  let adopted = 0;
  for (const plan of demoAdoptionPlan(cityUnits, standard)) {
    if ((await listCatalogVersions(core.db, plan.unitId)).length) continue;
    const r = await setAdoptedItems(core, DEMO_ACTOR, plan.unitId, rootUnitId, plan.itemIds, `载入演示数据：采用本市标准目录${plan.domains.join('、')}领域事项`);
    if (!r.ok) throw new Error(`demo adoption refused: ${Object.values(r.errors).join('; ')}`);
    adopted++;
  }
  if (adopted) log(`已为 ${adopted} 个单位采用本市标准目录中本单位负责的事项。`);
}

/** Full demo: a published 指南 (version 1) for every unit of the city that has none, in one statement. */
export async function seedDemoGuides(core: Core, rootUnitId: number, log: (message: string) => void = () => {}): Promise<void> {
  const rows = await core.db
    .select({ id: units.id, slug: units.slug, type: units.type, parentId: units.parentId, rootId: units.rootId, reviewBody: units.reviewBody, court: units.court, name: units.name, address: units.address, officeHours: units.officeHours, phone: units.phone, fax: units.fax, email: units.email, opennessContact: units.opennessContact })
    .from(units)
    .where(and(eq(units.rootId, rootUnitId), isNull(units.archivedAt), sql`NOT EXISTS (SELECT 1 FROM catalog_guides g WHERE g.unit_id = ${units.id})`));
  if (!rows.length) return;
  const city = rows.find((u) => u.parentId === null)?.name ?? (await core.db.select({ name: units.name }).from(units).where(eq(units.id, rootUnitId)))[0]!.name;
  const now = core.clock.now();
  const today = shanghaiToday(now);
  const reason = '载入演示数据：依据《政府信息公开条例》第十二条编制本机关政府信息公开指南';
  const bodies = await Promise.all(rows.map((u) => unitRemedies(core.db, u)));
  await core.db.transaction(async (tx) => {
    await tx.insert(catalogGuides).values(
      rows.map((u, i) => ({ unitId: u.id, version: 1, sections: demoGuideSections({ ...u, isRoot: u.parentId === null }, city, today, bodies[i]!), reason, changedByName: DEMO_ACTOR.name, changedAt: now })),
    );
    await writeAudit(tx, DEMO_ACTOR, { action: 'catalog.guide-saved', targetType: 'catalog_guide', targetId: 'demo', unitId: rootUnitId, summary: { note: reason, units: rows.length, after: { version: 1 } } }, now);
  });
  log(`已为 ${rows.length} 个单位发布政府信息公开指南（演示数据）。`);
}
