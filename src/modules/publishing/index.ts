import type { ModuleManifest } from '../../core/services.ts';
import { registerPublishingStaffRoutes } from './http/staff-routes.tsx';
import { registerPublishingPublicRoutes } from './http/public-routes.tsx';
import { registerPublishingApiRoutes } from './http/api-routes.tsx';

/** Proactive publishing (主动公开): records, review, interpretation, validity, search and public pages. */
export const publishingModule: ModuleManifest = {
  name: 'publishing',
  register(app, core) {
    registerPublishingPublicRoutes(app, core);
    registerPublishingApiRoutes(app, core);
    registerPublishingStaffRoutes(app, core);
  },
};
