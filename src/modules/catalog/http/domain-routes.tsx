// 领域管理: the city's domains, and adding a local one (the openness office).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { listDomainsWithCounts } from '../data/public-queries.ts';
import { addLocalDomain } from '../service.ts';
import { DomainsPage } from '../views/staff-domains.tsx';
import { CATALOG_ROLES, HTML, viewableUnit, type CatalogUnit } from './staff-common.ts';

export function registerCatalogDomainRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...CATALOG_ROLES) };

  /** Domains belong to a city: only the root unit's catalog has this page. */
  async function rootCatalog(req: FastifyRequest): Promise<CatalogUnit> {
    const c = await viewableUnit(core, req);
    if (!c.isRoot) throw new NotFoundError('领域由本市标准目录统一管理，请在本市标准目录中查看。');
    return c;
  }

  async function render(req: FastifyRequest, reply: FastifyReply, c: CatalogUnit, values: { name: string }, errors: FieldErrors, status = 200) {
    const domains = await listDomainsWithCounts(core.db, c.rootUnitId);
    return reply
      .code(status)
      .type(HTML)
      .send(
        renderDocument(
          <DomainsPage ctx={pageContext(req, reply)} unit={{ slug: c.unit.slug, name: c.unit.name }} domains={domains} canAdd={c.access.edit} values={values} errors={errors} />,
        ),
      );
  }

  app.get('/staff/catalog/:unitSlug/domains', guard, async (req, reply) => {
    const c = await rootCatalog(req);
    return render(req, reply, c, { name: '' }, {});
  });

  app.post('/staff/catalog/:unitSlug/domains', guard, async (req, reply) => {
    const c = await rootCatalog(req);
    if (!c.access.edit) throw new ForbiddenError('只有政务公开办可以增加本市标准目录的领域。');
    const form = new FormReader(req.body);
    const name = form.text('name', { label: '领域名称', required: true, max: 50 });
    if (!form.ok) return render(req, reply, c, { name }, form.errors, 400);
    const result = await addLocalDomain(core, actorOf(req), c.rootUnitId, name);
    if (!result.ok) return render(req, reply, c, { name }, result.errors, 400);
    setFlash(reply, `已增加“${result.domain.name}”领域，现在可以在该领域下新增或导入事项。`);
    return reply.redirect(`/staff/catalog/${c.unit.slug}/domains`, 303);
  });
}
