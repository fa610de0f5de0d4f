import type { ModuleManifest } from '../../core/services.ts';
import { registerRequestsStaffRoutes } from './http/staff-routes.tsx';
import { registerRequestsPublicRoutes } from './http/public-routes.tsx';
import { registerRequestsApiRoutes } from './http/api-routes.tsx';

/** 依申请公开: information requests from receipt to reply, with the statutory clock. */
export const requestsModule: ModuleManifest = {
  name: 'requests',
  register(app, core) {
    registerRequestsPublicRoutes(app, core);
    registerRequestsApiRoutes(app, core);
    registerRequestsStaffRoutes(app, core);
  },
};
