import type { ModuleManifest } from '../../core/services.ts';
import { registerPortalRoutes } from './http/routes.tsx';

/** The public portal's frame pages: home, site map, display preferences. */
export const portalModule: ModuleManifest = {
  name: 'portal',
  publicNav: [{ href: '/', label: '首页' }],
  register(app, core) {
    registerPortalRoutes(app, core);
  },
};
