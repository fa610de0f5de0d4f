import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { seedCatalog } from './seed.ts';
import { registerCatalogStaffRoutes } from './http/staff-routes.tsx';
import { registerCatalogImportRoutes } from './http/import-routes.tsx';
import { registerCatalogPublicRoutes } from './http/public-routes.tsx';
import { registerCatalogApiRoutes } from './http/api-routes.tsx';
import { registerGuideRoutes } from './http/guide-routes.tsx';
import { registerConsultationRoutes } from './http/consultation-routes.tsx';

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
    registerCatalogStaffRoutes(app, core);
    registerCatalogImportRoutes(app, core);
    registerGuideRoutes(app, core);
    registerConsultationRoutes(app, core);
  },
  seed: async (core) => seedCatalog(core),
};
