import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { registerKioskRoutes } from './http/routes.tsx';
import { seedKiosk } from './seed.ts';

export { KIOSK_COOKIE } from './http/routes.tsx';

/** 政务公开查询终端: the kiosk frame of public pages on registered terminals, their settings and use per day. */
export const kioskModule: ModuleManifest = {
  name: 'kiosk',
  sitemap: [{ title: '政务公开查询', links: [{ href: '/kiosk', label: '自助查询终端' }] }],
  staffNav: [{ href: '/staff/kiosk', label: '查询终端', visible: (u) => hasRole(u, 'openness_office', 'openness_head', 'system_admin') }],
  register(app, core) {
    registerKioskRoutes(app, core);
  },
  seed: (core, opts) => seedKiosk(core, opts),
};
