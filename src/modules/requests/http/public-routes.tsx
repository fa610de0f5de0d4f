// Public routes of the requests module.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';

export function registerRequestsPublicRoutes(app: FastifyInstance, core: Core): void {
  void app;
  void core;
}
