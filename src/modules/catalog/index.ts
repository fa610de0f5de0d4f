import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { seedCatalog } from './seed.ts';
import { markOrphanedImportRuns } from './service-import-run.ts';
import { registerCatalogStaffRoutes } from './http/staff-routes.tsx';
import { registerCatalogImportRoutes } from './http/import-routes.tsx';
import { registerCatalogPublicRoutes } from './http/public-routes.tsx';
import { registerCatalogApiRoutes } from './http/api-routes.tsx';
import { registerCatalogStaffApiRoutes } from './http/api-staff-routes.ts';
import { registerGuideRoutes } from './http/guide-routes.tsx';
import { registerConsultationRoutes } from './http/consultation-routes.tsx';
import { registerCatalogDomainRoutes } from './http/domain-routes.tsx';
import type { DbOrTx } from '../../core/db/index.ts';
import { sql } from 'drizzle-orm';
import { findCatalogItemRef, findCatalogItemRefByCode, listUnitCatalogItemRefs, type CatalogItemRef } from './data/lookup-queries.ts';

export type { CatalogItemRef } from './data/lookup-queries.ts';

/**
 * The 政府信息公开指南 of a unit as the public reads it (条例 第十二条): the newest saved version, or the
 * text generated from the unit's data when none was saved: `currentGuideDocument(core, unit)`. The
 * section with `key: 'on_request'` says how to apply for information (where, channels, procedure, time
 * limits, fees) and `key: 'office'` gives the openness office's address, hours and phone, for the
 * requests module's how-to-apply page.
 */
export { currentGuideDocument, type GuideDocument } from './service-guide.ts';

/**
 * The active items of a unit's catalog (for the root unit: the city's standard catalog; for any other
 * unit: the standard items it adopted plus its own), in catalog order, for a picker when publishing a
 * record under an item: id, code, domain name, 一级事项, 二级事项 and the 公开时限 text and rule.
 */
export async function listUnitCatalogItemsForPicker(db: DbOrTx, unitId: number): Promise<CatalogItemRef[]> {
  return listUnitCatalogItemRefs(db, unitId);
}

/**
 * One catalog item by id, retired ones included (flagged `retired`), or undefined. Use it to check an
 * item a form posted and to label a record's item; whether the unit may publish under it is
 * `listUnitCatalogItemsForPicker(db, unitId).some((i) => i.id === id)`.
 */
export async function findCatalogItem(db: DbOrTx, id: number): Promise<CatalogItemRef | undefined> {
  return findCatalogItemRef(db, id);
}

/** One catalog item by its public code (the /openness/items/<code> URL), retired ones included. */
export async function findCatalogItemByCode(db: DbOrTx, code: string): Promise<CatalogItemRef | undefined> {
  return findCatalogItemRefByCode(db, code);
}

/** The publishing module supplies the records shown on an item's public page (法定主动公开内容). */
export { setItemRecordsProvider, type ItemRecords, type ItemRecordLink } from './http/item-records.ts';

/** The powers module supplies the 权责事项/服务事项 an item comes from, shown on the item's public page. */
export { setItemSourceProvider, type ItemSourceLink } from './http/item-source.ts';

/** Next-due logic of an item's 公开时限, for the publishing module's timeliness dashboard. */
export { nextDueDate, isOverdue } from './domain/time-limit.ts';
export type { TimeLimitRule } from './domain/types.ts';

/** Other modules add parts to the 政府信息公开 column of a site (the 政府公报 of a government that publishes one). */
export { addOpennessPartProvider, type OpennessPart } from './http/openness-parts.ts';

/** The standard catalog (标准目录), the 政府信息公开指南 and 导读, and the public 政府信息公开 column. */
export const catalogModule: ModuleManifest = {
  name: 'catalog',
  publicNav: [
    { href: '/openness', label: '政府信息公开' },
    { href: '/openness/reading-guide', label: '政务公开导读' },
  ],
  staffNav: [{ href: '/staff/catalog', label: '标准目录', visible: (u) => hasRole(u, 'openness_office', 'system_admin', 'unit_admin', 'editor', 'reviewer') }],
  sitemap: [
    {
      title: '政府信息公开',
      links: [
        { href: '/openness', label: '政府信息公开' },
        { href: '/openness/reading-guide', label: '政务公开导读' },
      ],
    },
  ],
  register(app, core) {
    registerCatalogPublicRoutes(app, core);
    registerCatalogApiRoutes(app, core);
    registerCatalogStaffApiRoutes(app, core);
    registerCatalogStaffRoutes(app, core);
    registerCatalogImportRoutes(app, core);
    registerGuideRoutes(app, core);
    registerConsultationRoutes(app, core);
    registerCatalogDomainRoutes(app, core);
  },
  seed: async (core, opts) => {
    const interrupted = await markOrphanedImportRuns(core);
    if (interrupted) opts.log(`${interrupted} 个目录导入因进程已退出而中断，已标记为“导入已中断”。`);
    await seedCatalog(core, opts.log, opts.volume);
  },
};

/** Reads the first visible sheet of an uploaded .xlsx into a grid of text (merges spread, formulas by value), for other modules' imports. */
export { readCatalogWorkbook as readXlsxGrid } from './import/read-sheet.ts';

/** 考核 (目录覆盖) and the website monitor (columns per unit): the 主动公开 items in each unit's catalog (adopted standard items and its own), as of now. */
export async function proactiveItemsOfUnits(db: DbOrTx, rootUnitId: number): Promise<{ unitId: number; itemId: number; code: string; name: string }[]> {
  const r = await db.execute(sql`SELECT u.unit_id, i.id, i.code, i.level2 || '：' || i.content AS name FROM catalog_unit_items u JOIN catalog_items i ON i.id = u.item_id
      WHERE i.root_unit_id = ${rootUnitId} AND u.removed_at IS NULL AND i.mode_proactive AND i.retired_at IS NULL
    UNION
    SELECT i.owner_unit_id, i.id, i.code, i.level2 || '：' || i.content FROM catalog_items i
      WHERE i.root_unit_id = ${rootUnitId} AND i.owner_unit_id IS NOT NULL AND i.mode_proactive AND i.retired_at IS NULL
    ORDER BY 1, 2`);
  return (r.rows as { unit_id: string; id: string; code: string; name: string }[]).map((x) => ({ unitId: Number(x.unit_id), itemId: Number(x.id), code: x.code, name: x.name }));
}
