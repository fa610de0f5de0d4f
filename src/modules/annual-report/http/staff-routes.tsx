// Staff routes of the annual-report module.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';

export function registerAnnualReportStaffRoutes(app: FastifyInstance, core: Core): void {
  void app;
  void core;
}
