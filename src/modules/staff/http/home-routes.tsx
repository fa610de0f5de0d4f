import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { pageContext } from '../../../core/http/context.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { calendarWarnings } from '../../calendar/index.ts';
import { StaffHome } from '../views/home.tsx';
import { collectWorkQueue } from '../../../core/work-queue.ts';

export function registerHomeRoutes(app: FastifyInstance, core: Core): void {
  app.get('/staff', { preHandler: requireStaff() }, async (req, reply) => {
    const today = shanghaiToday(core.clock.now());
    const [warnings, work] = await Promise.all([calendarWarnings(core, today), collectWorkQueue(core, req.user!)]);
    return reply.type('text/html; charset=utf-8').send(renderDocument(<StaffHome ctx={pageContext(req, reply)} warnings={warnings} work={work} />));
  });
}
