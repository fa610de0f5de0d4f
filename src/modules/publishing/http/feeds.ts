// RSS 2.0 and Atom feeds per general column and per unit, and /sitemap.xml (a sitemap index of
// every public page, records included, in files of at most 50,000 URLs).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { ELDER_COOKIE, sitemapSections } from '../../../core/http/context.ts';
import { htmlToText, truncate } from '../../../core/search/text.ts';
import { publicUnitsOfRoot } from '../../units/index.ts';
import { listCatalogItemCodes, listPublicRecords, listRecordsByIds, listSitemapRecords, sitemapRecordFiles, type PublicFilters } from '../data/public-queries.ts';
import { publicPages, sendPage, type CachedPage } from '../public-cache.ts';
import { GENERAL_COLUMN_LABELS, GENERAL_COLUMNS } from '../domain/vocab.ts';
import { COLUMN_SLUGS, columnListPath, recordPath } from '../views/public-shared.tsx';
import { atom, rss, sitemapIndex, sitemapUrlset, w3cDate, type FeedEntry, type SitemapUrl } from './feeds-xml.ts';

export const FEED_SIZE = 50;
/** Records per sitemap file (the protocol allows 50,000). */
export const SITEMAP_RECORDS_PER_FILE = 40_000;
const SITEMAP_MAX_FILES = 1000;

function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

async function sendXml(req: FastifyRequest, reply: FastifyReply, type: string, load: () => Promise<string>) {
  const page = await publicPages.get(`${req.site.rootUnitId}|${req.cookies[ELDER_COOKIE] === '1' ? 'e' : ''}|${req.protocol}://${req.host}${req.url}`, async (): Promise<CachedPage> => ({ status: 200, type, body: await load() }));
  return sendPage(reply, page, req);
}

async function feedEntries(core: Core, rootUnitId: number, filters: PublicFilters, base: string): Promise<FeedEntry[]> {
  const { rows } = await listPublicRecords(core.db, rootUnitId, filters, FEED_SIZE, 0, { count: false });
  const full = await listRecordsByIds(
    core.db,
    rows.map((r) => r.id),
  );
  return full.map((r) => ({
    url: base + recordPath(r.indexNo),
    title: r.title,
    summary: r.summary || truncate(htmlToText(r.bodyHtml).replace(/\s+/g, ' '), 200),
    published: r.publishedAt,
    updated: r.updatedAt > r.publishedAt ? r.updatedAt : r.publishedAt,
    author: r.publisherName,
    categories: [r.subject, ...(r.generalColumn ? [GENERAL_COLUMN_LABELS[r.generalColumn]] : []), ...(r.domainName ? [r.domainName] : [])],
  }));
}

function newestOf(entries: FeedEntry[]): Date | undefined {
  return entries.reduce<Date | undefined>((max, e) => (!max || e.updated > max ? e.updated : max), undefined);
}

export function registerFeedRoutes(app: FastifyInstance, core: Core): void {
  for (const format of ['rss', 'atom'] as const) {
    const type = format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8';
    const build = format === 'rss' ? rss : atom;

    app.get(`/feeds/columns/:column/${format}.xml`, async (req, reply) => {
      const { column: slug } = req.params as { column: string };
      const column = GENERAL_COLUMNS.find((c) => COLUMN_SLUGS[c] === slug);
      if (!column) throw new NotFoundError('该栏目不存在。');
      return sendXml(req, reply, type, async () => {
        const base = baseUrl(req);
        const entries = await feedEntries(core, req.site.rootUnitId, { column }, base);
        const label = GENERAL_COLUMN_LABELS[column];
        return build(
          {
            title: `${req.site.siteName} - ${label}`,
            description: `${req.site.siteName}“${label}”栏目最新发布的${FEED_SIZE}条信息`,
            pageUrl: base + columnListPath(column),
            selfUrl: `${base}/feeds/columns/${slug}/${format}.xml`,
            updated: newestOf(entries) ?? core.clock.now(),
            author: req.site.hostUnitName || req.site.siteName,
          },
          entries,
        );
      });
    });

    app.get(`/feeds/units/:unitSlug/${format}.xml`, async (req, reply) => {
      const { unitSlug } = req.params as { unitSlug: string };
      const units = await publicUnitsOfRoot(core, req.site.rootUnitId);
      const unit = units.find((u) => u.slug === unitSlug);
      if (!unit) throw new NotFoundError('该单位不存在。');
      return sendXml(req, reply, type, async () => {
        const base = baseUrl(req);
        const entries = await feedEntries(core, req.site.rootUnitId, { unitId: unit.id }, base);
        return build(
          {
            title: `${unit.name} - 主动公开信息`,
            description: `${unit.name}最新主动公开的${FEED_SIZE}条政府信息`,
            pageUrl: `${base}/records?unit=${encodeURIComponent(unit.slug)}`,
            selfUrl: `${base}/feeds/units/${encodeURIComponent(unit.slug)}/${format}.xml`,
            updated: newestOf(entries) ?? core.clock.now(),
            author: unit.name,
          },
          entries,
        );
      });
    });
  }

  // The sitemap protocol: an index pointing to the page list and to the records in files of 40,000 ids each.
  app.get('/sitemap.xml', async (req, reply) =>
    sendXml(req, reply, 'application/xml; charset=utf-8', async () => {
      const base = baseUrl(req);
      // Record files by id range (records-1.xml: ids below 40,000, …), only those that hold a record.
      const ranges = await sitemapRecordFiles(core.db, req.site.rootUnitId, SITEMAP_RECORDS_PER_FILE, SITEMAP_MAX_FILES);
      const files: SitemapUrl[] = [{ loc: `${base}/sitemaps/pages.xml` }];
      for (const k of ranges) files.push({ loc: `${base}/sitemaps/records-${k + 1}.xml` });
      return sitemapIndex(files);
    }),
  );

  app.get('/sitemaps/pages.xml', async (req, reply) =>
    sendXml(req, reply, 'application/xml; charset=utf-8', async () => {
      const base = baseUrl(req);
      const rootId = req.site.rootUnitId;
      const [units, items] = await Promise.all([publicUnitsOfRoot(core, rootId), listCatalogItemCodes(core.db, rootId)]);
      const paths = new Set<string>(['/', '/sitemap', '/search', '/records', '/policy-library', ...GENERAL_COLUMNS.map(columnListPath)]);
      for (const s of sitemapSections()) for (const l of s.links) if (l.href.startsWith('/') && !l.href.startsWith('/staff')) paths.add(l.href);
      for (const u of units) {
        paths.add(`/units/${encodeURIComponent(u.slug)}`);
        paths.add(`/openness/${encodeURIComponent(u.slug)}`);
        paths.add(`/openness/${encodeURIComponent(u.slug)}/catalog`);
        paths.add(`/openness/${encodeURIComponent(u.slug)}/guide`);
      }
      const urls: SitemapUrl[] = [...paths].map((p) => ({ loc: base + p }));
      for (const i of items) urls.push({ loc: `${base}/openness/items/${encodeURIComponent(i.code)}`, lastmod: w3cDate(i.updatedAt) });
      return sitemapUrlset(urls.slice(0, 50_000));
    }),
  );

  app.get('/sitemaps/records-:n.xml', async (req, reply) => {
    const { n } = req.params as { n: string };
    const file = /^\d{1,3}$/.test(n) ? Number(n) : 0;
    if (file < 1 || file > SITEMAP_MAX_FILES) throw new NotFoundError();
    return sendXml(req, reply, 'application/xml; charset=utf-8', async () => {
      const base = baseUrl(req);
      const slice = await listSitemapRecords(core.db, req.site.rootUnitId, SITEMAP_RECORDS_PER_FILE, file - 1);
      if (!slice.length) throw new NotFoundError();
      return sitemapUrlset(slice.map((r) => ({ loc: base + recordPath(r.indexNo), lastmod: w3cDate(r.lastmod) })));
    });
  });
}
