import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { pageContext } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { findUnitById, findUnitBySlug, listLeaders, listUnitsOfRoot } from '../data/repository.ts';
import { UnitListPage, UnitProfilePage } from '../views/public.tsx';

export function registerPublicRoutes(app: FastifyInstance, core: Core): void {
  app.get('/units', async (req, reply) => {
    const units = await listUnitsOfRoot(core.db, req.site.rootUnitId);
    return reply.type('text/html; charset=utf-8').send(renderDocument(<UnitListPage ctx={pageContext(req, reply)} units={units} />));
  });

  app.get('/units/:slug', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const unit = await findUnitBySlug(core.db, slug);
    if (!unit || unit.archivedAt || (unit.rootId ?? unit.id) !== req.site.rootUnitId) throw new NotFoundError('该单位不存在。');
    const [leaders, parent] = await Promise.all([listLeaders(core.db, unit.id), unit.parentId ? findUnitById(core.db, unit.parentId) : undefined]);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderDocument(<UnitProfilePage ctx={pageContext(req, reply)} unit={unit} leaders={leaders} parent={parent} />));
  });
}
