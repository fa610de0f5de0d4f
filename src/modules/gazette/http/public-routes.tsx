// Public routes of the 政府公报 electronic edition (国办发〔2018〕22号: 目录导航 + 内容检索, the database
// of every issue open to the public). Only released issues are shown; anything else is a 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { pageContext } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { gazetteName, issueLabel } from '../domain/numbering.ts';
import { governmentName } from '../service.ts';
import { releasedArticle, releasedIssue, releasedIssues, releasedYears, searchArticles } from '../service-read.ts';
import { releasedIssuePdf } from '../pdf/issue-pdf.ts';
import { PdfUnavailableError } from '../pdf/print.ts';
import { PdfaUnavailableError, toPdfA } from '../pdf/pdfa.ts';
import { atom, rss } from '../../publishing/index.ts';
import { chineseDate } from '../pdf/layout.ts';
import { findScan, listScans, scanYears, searchScanPages, withdrawnScan } from '../scans.ts';
import { ScanIssuePage, WithdrawnScanPage } from '../views/scans.tsx';
import { GazetteArticlePage, GazetteHomePage, GazetteIssuePage, GazetteSearchPage, GazetteYearPage } from '../views/public.tsx';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

export const HTML = 'text/html; charset=utf-8';

export function queryText(value: unknown, max = 100): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

/** A whole number in a path or query within bounds, or undefined. */
export function intParam(value: unknown, min: number, max: number): number | undefined {
  const v = queryText(value, 6);
  if (!/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

export function registerGazettePublicRoutes(app: FastifyInstance, core: Core): void {
  const nameOf = async (req: FastifyRequest) => gazetteName(await governmentName(core.db, req.site.rootUnitId));
  const params = (req: FastifyRequest) => req.params as Record<string, string>;
  const cache = { 'cache-control': 'public, max-age=300' };

  /** Years with released or scanned issues, newest first. */
  const yearsOf = async (rootUnitId: number) => {
    const [issued, scanned] = await Promise.all([releasedYears(core.db, rootUnitId), scanYears(core.db, rootUnitId)]);
    const counts = new Map<number, number>();
    for (const y of [...issued, ...scanned]) counts.set(y.year, (counts.get(y.year) ?? 0) + y.count);
    return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
  };

  app.get('/gazette', async (req, reply) => {
    const [name, years, latest] = await Promise.all([nameOf(req), yearsOf(req.site.rootUnitId), releasedIssues(core.db, req.site.rootUnitId, undefined, 6)]);
    return reply.type(HTML).headers(cache).send(renderDocument(<GazetteHomePage ctx={pageContext(req, reply)} name={name} years={years} latest={latest} />));
  });

  // New issues as Atom and RSS 2.0, for readers and aggregators.
  for (const format of ['atom', 'rss'] as const) {
    app.get(`/gazette/${format}.xml`, async (req, reply) => {
      const [name, latest] = await Promise.all([nameOf(req), releasedIssues(core.db, req.site.rootUnitId, undefined, 20)]);
      const base = `${req.protocol}://${req.host}`;
      const entries = latest.map((i) => ({
        url: `${base}/gazette/${i.year}/${i.number}`,
        title: `《${name}》${issueLabel(i)}`,
        summary: `${i.issuedOn ? `${chineseDate(i.issuedOn)}出版，` : ''}共${i.articleCount}篇。`,
        published: i.releasedAt ?? new Date(0),
        updated: i.releasedAt ?? new Date(0),
        author: name.replace(/公报$/, ''),
        categories: ['政府公报'],
      }));
      const feed = { title: name, description: `《${name}》各期`, pageUrl: `${base}/gazette`, selfUrl: `${base}/gazette/${format}.xml`, updated: entries[0]?.updated ?? core.clock.now(), author: name.replace(/公报$/, '') };
      return reply
        .type(format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(format === 'atom' ? atom(feed, entries) : rss(feed, entries));
    });
  }

  app.get('/gazette/search', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const q = queryText(query.q);
    const year = intParam(query.year, 1949, 2100);
    const page = intParam(query.page, 1, 10000) ?? 1;
    const [name, years, found, scans] = await Promise.all([
      nameOf(req),
      yearsOf(req.site.rootUnitId),
      searchArticles(core.db, req.site.rootUnitId, { q, year, page }),
      page === 1 ? searchScanPages(core.db, req.site.rootUnitId, { q, year }) : { total: 0, hits: [] },
    ]);
    return reply.type(HTML).send(renderDocument(<GazetteSearchPage ctx={pageContext(req, reply)} name={name} q={q} year={year} years={years.map((y) => y.year)} total={found.total} hits={found.hits} page={page} scans={scans} />));
  });

  app.get('/gazette/:year', async (req, reply) => {
    const year = intParam(params(req).year, 1949, 2100);
    if (!year) throw new NotFoundError('没有这一年的政府公报。');
    const [name, years, issues, scans] = await Promise.all([nameOf(req), yearsOf(req.site.rootUnitId), releasedIssues(core.db, req.site.rootUnitId, year), listScans(core.db, req.site.rootUnitId, year)]);
    if (!issues.length && !scans.length) throw new NotFoundError(`${year}年没有已发行的政府公报。`);
    return reply.type(HTML).headers(cache).send(renderDocument(<GazetteYearPage ctx={pageContext(req, reply)} name={name} year={year} issues={issues} scans={scans} years={years.map((y) => y.year)} />));
  });

  const issueKey = (req: FastifyRequest) => {
    const year = intParam(params(req).year, 1949, 2100);
    const number = intParam(params(req).number, 1, 99);
    if (!year || !number) throw new NotFoundError('没有这一期政府公报。');
    return { year, number };
  };

  app.get('/gazette/:year/:number', async (req, reply) => {
    const k = issueKey(req);
    const [name, found] = await Promise.all([nameOf(req), releasedIssue(core.db, req.site.rootUnitId, k.year, k.number)]);
    if (!found) {
      // A past issue that exists only as a scan.
      const scan = await findScan(core.db, req.site.rootUnitId, k);
      if (!scan) {
        // A scan taken down and not replaced: say so (410), not a bare 404 — the address may be cited.
        const gone = await withdrawnScan(core.db, req.site.rootUnitId, k.year, k.number);
        if (gone) return reply.code(410).type(HTML).header('cache-control', 'public, max-age=60').send(renderDocument(<WithdrawnScanPage ctx={pageContext(req, reply)} name={name} scan={gone} />));
        throw new NotFoundError('没有这一期政府公报，或者它还没有发行。');
      }
      return reply.type(HTML).header('cache-control', 'public, max-age=60').send(renderDocument(<ScanIssuePage ctx={pageContext(req, reply)} name={name} scan={scan.scan} pages={scan.pages} />));
    }
    return reply.type(HTML).headers(cache).send(renderDocument(<GazetteIssuePage ctx={pageContext(req, reply)} name={name} issue={found.issue} contents={found.contents} />));
  });

  app.get('/gazette/:year/:number/pdf', async (req, reply) => {
    const k = issueKey(req);
    const [name, found] = await Promise.all([nameOf(req), releasedIssue(core.db, req.site.rootUnitId, k.year, k.number)]);
    if (!found) throw new NotFoundError('没有这一期政府公报，或者它还没有发行。');
    try {
      const pdf = await releasedIssuePdf(core.db, found.issue.id, shanghaiToday(core.clock.now()));
      const file = `${name}${issueLabel(found.issue)}.pdf`;
      return reply
        .type('application/pdf')
        .headers({ ...cache, 'content-disposition': contentDisposition(file, { ascii: `gazette-${k.year}-${k.number}.pdf`, inline: true }) })
        .send(pdf);
    } catch (err) {
      if (err instanceof PdfUnavailableError) return reply.code(503).type('text/plain; charset=utf-8').send(err.message);
      throw err;
    }
  });

  // The archival copy (PDF/A-2b) of the kept PDF, for archives and long-term keeping.
  app.get('/gazette/:year/:number/pdfa', async (req, reply) => {
    const k = issueKey(req);
    const [name, found] = await Promise.all([nameOf(req), releasedIssue(core.db, req.site.rootUnitId, k.year, k.number)]);
    if (!found) throw new NotFoundError('没有这一期政府公报，或者它还没有发行。');
    try {
      const pdf = await toPdfA(await releasedIssuePdf(core.db, found.issue.id, shanghaiToday(core.clock.now())));
      const file = `${name}${issueLabel(found.issue)}（PDF-A存档版）.pdf`;
      return reply
        .type('application/pdf')
        .headers({ ...cache, 'content-disposition': contentDisposition(file, { ascii: `gazette-${k.year}-${k.number}-pdfa.pdf` }) })
        .send(pdf);
    } catch (err) {
      if (err instanceof PdfUnavailableError || err instanceof PdfaUnavailableError) return reply.code(503).type('text/plain; charset=utf-8').send(err.message);
      throw err;
    }
  });

  app.get('/gazette/:year/:number/:seq', async (req, reply) => {
    const k = issueKey(req);
    const seq = intParam(params(req).seq, 1, 9999);
    const [name, found] = await Promise.all([nameOf(req), seq ? releasedArticle(core.db, req.site.rootUnitId, k.year, k.number, seq) : undefined]);
    if (!found) throw new NotFoundError('本期公报没有这篇文章。');
    return reply.type(HTML).headers(cache).send(renderDocument(<GazetteArticlePage ctx={pageContext(req, reply)} name={name} {...found} />));
  });
}
