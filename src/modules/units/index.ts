import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { registerPublicRoutes } from './http/public-routes.tsx';
import { registerAdminRoutes } from './http/admin-routes.tsx';
import { registerApiRoutes } from './http/api-routes.ts';
import { seedUnits } from './seed.ts';

export { publicUnitsOfRoot, unitsChanged } from './public-cache.ts';

export { findUnitBySlug, findUnitById, listUnitsOfRoot, listLeaders, type UnitRow } from './data/repository.ts';
export { UNIT_TYPE_LABELS, UNIT_TYPE_GROUPS } from './domain/unit-types.ts';
/** The 行政复议机关 and 人民法院 a unit's letters and 指南 name (per-unit setting, else the default of its kind). */
export { unitRemedies, type UnitRemedies } from './remedies.ts';
/** The demo city's units (for the other modules' demo data and its tests). */
export { DEMO_UNITS } from './demo-data.ts';

/** Units (单位): the tree of the city government, departments and townships; 机构概况; site settings. */
export const unitsModule: ModuleManifest = {
  name: 'units',
  publicNav: [{ href: '/units', label: '机构概况' }],
  staffNav: [
    { href: '/staff/units', label: '单位管理', visible: (u) => hasRole(u, 'system_admin', 'unit_admin', 'openness_office') },
    { href: '/staff/site-settings', label: '网站设置', visible: (u) => hasRole(u, 'system_admin') },
  ],
  sitemap: [{ title: '机构概况', links: [{ href: '/units', label: '机构概况' }] }],
  register(app, core) {
    registerPublicRoutes(app, core);
    registerAdminRoutes(app, core);
    registerApiRoutes(app, core);
  },
  seed: async (core) => {
    await seedUnits(core);
  },
};
