// The public 政府信息公开 column: the city's entry, each unit's column and catalog, item pages,
// catalog history and the 政务公开导读. Read only, no sign-in, no personal data.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { pageContext } from '../../../core/http/context.ts';
import { BadRequestError, NotFoundError } from '../../../core/http/errors.ts';
import { FormReader } from '../../../core/http/form.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { publicUnitsOfRoot } from '../../units/index.ts';
import { countCatalogItemsByUnit, listDomainsWithCounts } from '../data/public-queries.ts';
import { findPublicUnit, loadCatalogHistory, loadPublicItem, loadUnitCatalog, MAX_NAMED_CHANGES } from './public-data.ts';
import { groupItems } from '../views/public-shared.tsx';
import { OpennessIndexPage, UnitColumnPage } from '../views/public-column.tsx';
import { CATALOG_PAGE_ITEMS, CatalogHistoryPage, UnitCatalogPage } from '../views/public-catalog.tsx';
import { ItemPage } from '../views/public-item.tsx';
import { ReadingGuidePage } from '../views/public-reading-guide.tsx';
import { itemRecords } from './item-records.ts';
import { publicNextDue } from '../domain/next-due.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { itemSources } from './item-source.ts';
import { opennessParts } from './openness-parts.ts';
import { sendCatalogExport } from './export.ts';

const HISTORY_PAGE_SIZE = 20;
/** Items per page of a public catalog: a 5,000-item catalog is 25 pages, not one page of nearly 1 MB. */
export const CATALOG_PAGE_SIZE = CATALOG_PAGE_ITEMS;
const MAX_PAGE = 10_000;

function sendPage(reply: FastifyReply, page: VNode, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}

const UNIT_NOT_FOUND = '该单位不存在或已撤销。';

export function registerCatalogPublicRoutes(app: FastifyInstance, core: Core): void {
  app.get('/openness', async (req, reply) => {
    const rootId = req.site.rootUnitId;
    const [units, counts, domains, parts] = await Promise.all([
      publicUnitsOfRoot(core, rootId),
      countCatalogItemsByUnit(core.db, rootId),
      listDomainsWithCounts(core.db, rootId),
      opennessParts(core, rootId),
    ]);
    const root = units.find((u) => u.id === rootId);
    if (!root) throw new NotFoundError();
    const used = domains.filter((d) => d.itemCount > 0);
    return sendPage(
      reply,
      <OpennessIndexPage
        ctx={pageContext(req, reply)}
        root={root}
        units={units}
        itemCounts={counts}
        standardDomainCount={used.length}
        standardItemCount={used.reduce((n, d) => n + d.itemCount, 0)}
        parts={parts}
      />,
    );
  });

  app.get('/openness/reading-guide', async (req, reply) => {
    const rootId = req.site.rootUnitId;
    const [units, domains] = await Promise.all([publicUnitsOfRoot(core, rootId), listDomainsWithCounts(core.db, rootId)]);
    const root = units.find((u) => u.id === rootId);
    if (!root) throw new NotFoundError();
    return sendPage(reply, <ReadingGuidePage ctx={pageContext(req, reply)} root={root} domains={domains} />);
  });

  app.get('/openness/items/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const view = await loadPublicItem(core, req.site.rootUnitId, code);
    if (!view) throw new NotFoundError('该目录事项不存在。');
    const [records, sources] = await Promise.all([itemRecords(core, req.site.rootUnitId, view.item.id, view.item.code), itemSources(core, req.site.rootUnitId, view.item.id)]);
    // Reached from a unit's catalog (?from=slug): the breadcrumb leads back to that unit when it holds the item.
    const from = typeof (req.query as { from?: unknown }).from === 'string' ? (req.query as { from: string }).from : '';
    const via = from ? [view.owner, ...view.holders].find((u) => u.slug === from) : undefined;
    // The next due date counts from the newest record listed on the page, not as if there were none.
    const last = records?.links.map((l) => l.publishedOn).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().at(-1);
    const shown =
      last && !view.item.retiredAt
        ? { ...view, nextDue: publicNextDue(view.data.timeLimitRule, view.data.mode.proactive, shanghaiToday(core.clock.now()), await core.calendar.calendar(), last) }
        : view;
    return sendPage(reply, <ItemPage ctx={pageContext(req, reply)} view={shown} records={records} sources={sources} via={via} />);
  });

  app.get('/openness/:unitSlug', async (req, reply) => {
    const { unitSlug } = req.params as { unitSlug: string };
    const rootId = req.site.rootUnitId;
    const unit = await findPublicUnit(core, rootId, unitSlug);
    if (!unit) throw new NotFoundError(UNIT_NOT_FOUND);
    // The site-wide parts (政府公报) belong to the government's own column, not to its departments'.
    const [catalog, units, parts] = await Promise.all([loadUnitCatalog(core, unit, rootId), publicUnitsOfRoot(core, rootId), unit.id === rootId ? opennessParts(core, rootId) : []]);
    const root = units.find((u) => u.id === rootId) ?? unit;
    return sendPage(
      reply,
      <UnitColumnPage ctx={pageContext(req, reply)} unit={unit} root={root} groups={groupItems(catalog.items, catalog.domains)} itemCount={catalog.items.length} parts={parts} />,
    );
  });

  app.get('/openness/:unitSlug/catalog', async (req, reply) => {
    const { unitSlug } = req.params as { unitSlug: string };
    const rootId = req.site.rootUnitId;
    const unit = await findPublicUnit(core, rootId, unitSlug);
    if (!unit) throw new NotFoundError(UNIT_NOT_FOUND);
    const catalog = await loadUnitCatalog(core, unit, rootId);
    const all = groupItems(catalog.items, catalog.domains);
    const form = new FormReader(req.query);
    const slug = form.choice('domain', '领域', catalog.domains.map((d) => d.slug), false);
    const page = form.integer('page', '页码', { min: 1, max: MAX_PAGE, required: false }) ?? 1;
    const selected = slug ? catalog.domains.find((d) => d.slug === slug) : undefined;
    const values = { domain: (form.values.domain ?? '').slice(0, 60) };
    const shown = form.ok ? (selected ? catalog.items.filter((i) => i.domainId === selected.id) : catalog.items) : [];
    const pageCount = Math.max(1, Math.ceil(shown.length / CATALOG_PAGE_SIZE));
    if (form.ok && page > pageCount) throw new NotFoundError('该页不存在。');
    const groups = groupItems(shown.slice((page - 1) * CATALOG_PAGE_SIZE, page * CATALOG_PAGE_SIZE), catalog.domains);
    const options = all.map((g) => g.domain);
    if (selected && !options.some((d) => d.id === selected.id)) options.push(selected);
    return sendPage(
      reply,
      <UnitCatalogPage
        ctx={pageContext(req, reply)}
        unit={unit}
        isRoot={catalog.isRoot}
        groups={groups}
        domainOptions={options}
        selected={selected}
        values={values}
        errors={form.errors}
        totalItems={catalog.items.length}
        totalDomains={all.length}
        page={page}
        pageCount={pageCount}
        shownItems={shown.length}
      />,
      form.ok ? 200 : 400,
    );
  });

  // The unit's catalog as a file, in the national layout (xlsx) or as CSV: the same bytes staff export.
  for (const format of ['xlsx', 'csv'] as const) {
    app.get(`/openness/:unitSlug/catalog/export.${format}`, async (req, reply) => {
      const { unitSlug } = req.params as { unitSlug: string };
      const rootUnitId = req.site.rootUnitId;
      const unit = await findPublicUnit(core, rootUnitId, unitSlug);
      if (!unit) throw new NotFoundError(UNIT_NOT_FOUND);
      return sendCatalogExport(core, { unit, isRoot: unit.id === rootUnitId, rootUnitId }, format, reply, 'public, max-age=300');
    });
  }

  app.get('/openness/:unitSlug/catalog/history', async (req, reply) => {
    const { unitSlug } = req.params as { unitSlug: string };
    const unit = await findPublicUnit(core, req.site.rootUnitId, unitSlug);
    if (!unit) throw new NotFoundError(UNIT_NOT_FOUND);
    const form = new FormReader(req.query);
    const page = form.integer('page', '页码', { min: 1, max: MAX_PAGE, required: false }) ?? 1;
    if (!form.ok) throw new BadRequestError(`页码有误：${form.errors.page}。`, form.errors);
    const history = await loadCatalogHistory(core, unit.id, page, HISTORY_PAGE_SIZE);
    const pageCount = Math.max(1, Math.ceil(history.total / HISTORY_PAGE_SIZE));
    if (page > pageCount) throw new NotFoundError('该页不存在。');
    return sendPage(
      reply,
      <CatalogHistoryPage
        ctx={pageContext(req, reply)}
        unit={unit}
        versions={history.versions}
        names={history.names}
        maxNamed={MAX_NAMED_CHANGES}
        page={page}
        pageCount={pageCount}
        total={history.total}
      />,
    );
  });
}
