import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';

export function registerCalendarRoutes(_app: FastifyInstance, _core: Core): void {
  // filled in by the calendar pages and API
}
