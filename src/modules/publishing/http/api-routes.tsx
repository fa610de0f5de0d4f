// Api routes of the publishing module.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';

export function registerPublishingApiRoutes(app: FastifyInstance, core: Core): void {
  void app;
  void core;
}
