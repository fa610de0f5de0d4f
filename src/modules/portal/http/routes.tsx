import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { ELDER_COOKIE, pageContext, safeBackPath, sitemapSections } from '../../../core/http/context.ts';
import { FormReader } from '../../../core/http/form.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { publicUnitsOfRoot, UNIT_TYPE_LABELS } from '../../units/index.ts';
import { loadHomeSections } from '../../publishing/index.ts';
import { gazetteHomeSection } from '../../gazette/index.ts';
import { HomePage, SitemapPage, type HomeUnitGroup } from '../views/home.tsx';

export function registerPortalRoutes(app: FastifyInstance, core: Core): void {
  app.get('/', async (req, reply) => {
    const [units, records, gazette] = await Promise.all([publicUnitsOfRoot(core, req.site.rootUnitId), loadHomeSections(core, req.site.rootUnitId), gazetteHomeSection(core, req.site.rootUnitId)]);
    const order = ['department', 'other', 'township'] as const;
    const groups: HomeUnitGroup[] = order
      .map((t) => ({ title: UNIT_TYPE_LABELS[t], units: units.filter((u) => u.type === t) }))
      .filter((g) => g.units.length > 0);
    return reply.type('text/html; charset=utf-8').send(renderDocument(<HomePage ctx={pageContext(req, reply)} groups={groups} records={records} gazette={gazette} />));
  });

  app.get('/sitemap', async (req, reply) => {
    return reply.type('text/html; charset=utf-8').send(renderDocument(<SitemapPage ctx={pageContext(req, reply)} sections={sitemapSections()} />));
  });

  // 长者模式: larger text and higher contrast, remembered for a year; works without JavaScript.
  app.get('/preferences/elder-mode', async (req, reply) => {
    const form = new FormReader(req.query);
    const on = form.raw('on') === '1';
    if (on) reply.setCookie(ELDER_COOKIE, '1', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false });
    else reply.clearCookie(ELDER_COOKIE, { path: '/' });
    return reply.redirect(safeBackPath(form.raw('back'), '/'), 303);
  });
}
