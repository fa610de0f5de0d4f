import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { registerCalendarApi } from './api-routes.ts';
import { registerCalendarPublicRoutes } from './public-routes.tsx';
import { registerCalendarStaffRoutes } from './staff-routes.tsx';

export function registerCalendarRoutes(app: FastifyInstance, core: Core): void {
  registerCalendarApi(app, core);
  registerCalendarPublicRoutes(app, core);
  registerCalendarStaffRoutes(app, core);
}
