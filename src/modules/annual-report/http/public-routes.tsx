// Public routes of the annual-report module.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';

export function registerAnnualReportPublicRoutes(app: FastifyInstance, core: Core): void {
  void app;
  void core;
}
