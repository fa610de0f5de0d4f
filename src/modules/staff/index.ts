import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { registerAuthRoutes } from './http/auth-routes.tsx';
import { registerHomeRoutes } from './http/home-routes.tsx';
import { registerUserAdminRoutes } from './http/user-admin-routes.tsx';
import { registerSecurityRoutes } from './http/security-routes.tsx';
import { seedStaff } from './seed.ts';

export { loginHints } from './seed.ts';

/** Staff accounts: sign-in, own account, the back-office home, and account administration. */
export const staffModule: ModuleManifest = {
  name: 'staff',
  staffNav: [
    { href: '/staff', label: '后台首页' },
    { href: '/staff/users', label: '账号管理', visible: (u) => hasRole(u, 'security_admin', 'unit_admin') },
    { href: '/staff/security', label: '安全策略', visible: (u) => hasRole(u, 'security_admin') },
  ],
  sitemap: [{ title: '工作人员', links: [{ href: '/staff/login', label: '工作人员登录' }] }],
  register(app, core) {
    registerAuthRoutes(app, core);
    registerHomeRoutes(app, core);
    registerUserAdminRoutes(app, core);
    registerSecurityRoutes(app, core);
  },
  seed: async (core, opts) => seedStaff(core, opts),
};
