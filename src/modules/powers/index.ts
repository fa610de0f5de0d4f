import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { registerPowersPublicRoutes } from './http/public-routes.tsx';
import { registerPowersStaffRoutes } from './http/staff-routes.tsx';
import { markOrphanedImportRuns } from '../../core/import-runs/run.ts';
import { IMPORT_RUN_KIND } from './service.ts';
import { seedPowers } from './seed.ts';
import { decisionCounts, decisionCountsOfUnits, sourceOfCatalogItem } from './data/repository.ts';
import { powersWorkQueue } from './work-queue.ts';
import { sql } from 'drizzle-orm';
import { KEY_ELEMENTS, type GuideData } from './domain/guide.ts';

/**
 * The 权责事项 or 服务事项 a catalog item comes from (kind, public code, name), or undefined; its public
 * page is `/powers/items/<code>` or `/services/<code>`.
 */
export async function catalogItemSource(db: DbOrTx, catalogItemId: number): Promise<{ kind: 'power' | 'guide'; publicCode: string; name: string; unitId: number; href: string } | undefined> {
  const s = await sourceOfCatalogItem(db, catalogItemId);
  return s ? { ...s, href: s.kind === 'power' ? `/powers/items/${s.publicCode}` : `/services/${s.publicCode}` } : undefined;
}

/**
 * 行政执法 decisions of a city (or one unit) decided in a year, by 执法类别 (行政许可, 行政处罚, 行政强制 …), with
 * the sum of fines in yuan: for the annual report's section 二 and the 年度执法数据 due by 1月31日.
 */
export async function enforcementCounts(db: DbOrTx, rootUnitId: number, year: number, unitId?: number): Promise<{ kind: string; n: number; fines: number }[]> {
  return decisionCounts(db, rootUnitId, year, unitId);
}

/**
 * 行政执法 decisions of the given units decided in a year, by 执法类别, with fines in yuan: what the annual
 * report's table 二 (第二十条第（五）（六）项: 行政许可、行政处罚、行政强制 本年处理决定数量) is pre-filled with.
 */
export async function enforcementCountsOfUnits(db: DbOrTx, unitIds: readonly number[], year: number): Promise<{ kind: string; n: number; fines: number }[]> {
  return decisionCountsOfUnits(db, unitIds, year);
}

/** The public page of a unit's 年度执法数据. */
export function enforcementStatisticsPath(unitSlug: string, year: number): string {
  return `/enforcement/${unitSlug}/statistics/${year}`;
}

/** 管理公开和服务公开: 权责清单 with editions and adjustments, 行政执法公示, 办事指南. */
export const powersModule: ModuleManifest = {
  name: 'powers',
  publicNav: [
    { href: '/powers', label: '权责清单' },
    { href: '/services', label: '办事服务' },
  ],
  staffNav: [{ href: '/staff/powers', label: '权责清单和办事指南', visible: (u) => hasRole(u, 'openness_office', 'system_admin', 'unit_admin', 'editor', 'reviewer') }],
  sitemap: [
    {
      title: '管理和服务公开',
      links: [
        { href: '/powers', label: '权责清单' },
        { href: '/enforcement', label: '行政执法公示' },
        { href: '/services', label: '办事服务' },
      ],
    },
  ],
  workQueue: (core, user) => powersWorkQueue(core, user),
  register(app, core) {
    registerPowersPublicRoutes(app, core);
    registerPowersStaffRoutes(app, core);
  },
  seed: async (core, opts) => {
    const interrupted = await markOrphanedImportRuns(core, IMPORT_RUN_KIND);
    if (interrupted) opts.log(`${interrupted} 个权责清单导入因进程已退出而中断，已标记为“导入已中断”。`);
    await seedPowers(core, opts);
  },
};

/**
 * 网站监测 (国办秘函〔2019〕19号 服务不实用): every published 办事指南 of a city with the key elements it lacks
 * (labels as the guide form names them); publishing refuses a guide with a gap, so a gap here means a guide
 * changed or loaded around that check.
 */
export async function publishedGuideGaps(db: DbOrTx, rootUnitId: number): Promise<{ name: string; url: string; unitId: number; missing: string[] }[]> {
  const r = await db.execute(sql`SELECT g.public_code, g.name, g.unit_id, g.basis, g.conditions, g.process, g.place, g.hours, g.consult_phone, jsonb_array_length(g.materials) AS materials
    FROM powers_guides g JOIN units u ON u.id = g.unit_id
    WHERE g.published_at IS NOT NULL AND coalesce(u.root_id, u.id) = ${rootUnitId}
    ORDER BY g.unit_id, g.public_code`);
  return (r.rows as { public_code: string; name: string; unit_id: string; basis: string; conditions: string; process: string; place: string; hours: string; consult_phone: string; materials: number }[]).map((g) => {
    const data = { name: g.name, basis: g.basis, conditions: g.conditions, process: g.process, place: g.place, hours: g.hours, consultPhone: g.consult_phone } as Partial<GuideData>;
    const missing = KEY_ELEMENTS.filter((k) => (k.field === 'materials' ? !g.materials : !String(data[k.field as keyof GuideData] ?? '').trim())).map((k) => k.label);
    return { name: g.name, url: `/services/${g.public_code}`, unitId: Number(g.unit_id), missing };
  });
}
