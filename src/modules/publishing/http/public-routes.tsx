// Public pages of proactive publishing: record pages (by 索引号) with a print view and attachment
// downloads, lists with filters, the policy library, the 查询平台 (search), feeds and the sitemap.
// Only 主动公开 records are shown; pages come from a short per-instance cache cleared on publication.
import { recordMentions } from './record-mentions.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { FLASH_COOKIE, pageContext, pageVariant } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { sanitizeRichText } from '../../../core/html/sanitize.ts';
import { fileStorage, FileNotFoundError } from '../../../core/files/storage.ts';
import {
  findPublicAttachment,
  findPublicRecord,
  listPublicAttachments,
  listPublicChanges,
  listPublicLinks,
  listPublicRecords,
  listReplacedRecords,
  type PublicFilters,
} from '../data/public-queries.ts';
import { publicPages, sendPage, type CachedPage } from '../public-cache.ts';
import { extraSearchSections } from './search-extras.ts';
import { parseQuery } from '../../../core/search/bigram.ts';
import { GENERAL_COLUMN_LABELS, GENERAL_COLUMNS } from '../domain/vocab.ts';
import { RecordPage, RecordPrintPage, contentOffered, type RecordView } from '../views/public-record.tsx';
import { RecordListPage } from '../views/public-lists.tsx';
import { SearchPage } from '../views/public-search.tsx';
import { COLUMN_SLUGS, columnListPath, recordPath, validityText } from '../views/public-shared.tsx';
import { filterContext, filterFields, pageHref, readFilters, type FilterName } from './public-filters.ts';
import { searchPublic, SEARCH_PAGE_SIZE } from './public-search.ts';
import { registerFeedRoutes } from './feeds.ts';
import { setItemRecordsProvider } from '../../catalog/index.ts';
import { publicData } from '../public-cache.ts';
import { repairSearchIndex } from '../data/search-index.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

export const LIST_PAGE_SIZE = 20;

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const SERIAL = /^\d{4}-\d{5,7}$/;

/** The 索引号 of /records/:uscc/:serial, or null when the path cannot be one. */
export function indexNoOf(params: unknown): string | null {
  const { uscc, serial } = (params ?? {}) as { uscc?: unknown; serial?: unknown };
  if (typeof uscc !== 'string' || typeof serial !== 'string' || !USCC.test(uscc) || !SERIAL.test(serial)) return null;
  return `${uscc}/${serial}`;
}

function html(page: VNode, status = 200): CachedPage {
  return { status, type: 'text/html; charset=utf-8', body: renderDocument(page) };
}

/**
 * Serves a page from the cache (per site, 长者模式, host and URL). A request carrying a one-time message
 * (flash) is rendered fresh, since the message is part of the page.
 */
export async function sendCached(req: FastifyRequest, reply: FastifyReply, load: () => Promise<CachedPage>): Promise<FastifyReply> {
  const key = `${req.site.rootUnitId}|${pageVariant(req)}|${req.host}|${req.url}`;
  if (req.cookies[FLASH_COOKIE]) return sendPage(reply, await load());
  return sendPage(reply, await publicPages.get(key, load), req);
}

export async function loadRecordView(core: Core, rootUnitId: number, indexNo: string): Promise<RecordView | undefined> {
  const record = await findPublicRecord(core.db, rootUnitId, indexNo);
  if (!record) return undefined;
  const [attachments, links, replaces, changes, mentions] = await Promise.all([
    listPublicAttachments(core.db, record.id),
    listPublicLinks(core.db, record.id),
    listReplacedRecords(core.db, record.id),
    listPublicChanges(core.db, record.id),
    recordMentions(core, rootUnitId, record),
  ]);
  return {
    record,
    bodyHtml: contentOffered(record) ? sanitizeRichText(record.bodyHtml) : '',
    attachments: contentOffered(record) ? attachments : [],
    interpretations: links.interpretations,
    policies: links.policies,
    replaces,
    changes,
    mentions,
  };
}

const NOT_PUBLIC = '该信息不存在或未主动公开。';

/** The 索引号 of the records a record page shows: it is dropped from the cache when one changes. */
function recordsShown(view: RecordView): string[] {
  const r = view.record;
  return [r.indexNo, ...(r.replacedBy ? [r.replacedBy.indexNo] : []), ...view.interpretations.map((x) => x.indexNo), ...view.policies.map((x) => x.indexNo), ...view.replaces.map((x) => x.indexNo)];
}

interface ListSpec {
  title: string;
  intro?: string;
  path: string;
  names: FilterName[];
  fixed: PublicFilters;
  breadcrumbs: { href?: string; label: string }[];
  showValidity?: boolean;
  feed?: { base: string; label: string };
}

export function registerPublishingPublicRoutes(app: FastifyInstance, core: Core): void {
  async function listPage(req: FastifyRequest, reply: FastifyReply, spec: ListSpec) {
    return sendCached(req, reply, async () => {
      const rootId = req.site.rootUnitId;
      const fctx = await filterContext(core, rootId);
      const read = await readFilters(core, rootId, req.query, spec.names, fctx);
      const ok = Object.keys(read.errors).length === 0;
      const { rows, total, capped } = ok
        ? await listPublicRecords(core.db, rootId, { ...read.filters, ...spec.fixed }, LIST_PAGE_SIZE, (read.page - 1) * LIST_PAGE_SIZE)
        : { rows: [], total: 0, capped: false };
      const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
      if (ok && read.page > pageCount) throw new NotFoundError('该页不存在。');
      const fields = filterFields(spec.names, fctx);
      return html(
        <RecordListPage
          ctx={pageContext(req, reply)}
          title={read.item ? `${spec.title}：${read.item.name}` : spec.title}
          intro={spec.intro}
          breadcrumbs={spec.breadcrumbs}
          action={spec.path}
          fields={fields}
          values={read.values}
          errors={read.errors}
          rows={rows}
          total={total}
          capped={capped ?? false}
          page={read.page}
          pageCount={pageCount}
          hrefFor={(p) => pageHref(spec.path, read.values, p)}
          showValidity={spec.showValidity}
          feed={spec.feed}
        />,
        ok ? 200 : 400,
      );
    });
  }

  app.get('/records', (req, reply) =>
    listPage(req, reply, {
      title: '主动公开信息',
      intro: '本网站主动公开的全部政府信息，按发布日期排列。可按发布单位、领域、文件类型、主题分类、发布年份和有效性筛选；按关键词查找请使用政府信息查询。',
      path: '/records',
      names: ['unit', 'domain', 'item', 'column', 'type', 'subject', 'year', 'validity'],
      fixed: {},
      breadcrumbs: [{ href: '/openness', label: '政府信息公开' }, { label: '主动公开信息' }],
    }),
  );

  app.get('/policy-library', (req, reply) =>
    listPage(req, reply, {
      title: '政策文件库',
      intro: '本市现行和历史的规章、行政规范性文件，标注有效性（有效、失效、废止）；已失效或废止的文件注明日期和替代文件。',
      path: '/policy-library',
      names: ['unit', 'type', 'subject', 'year', 'validity'],
      fixed: { docTypes: ['regulation', 'normative'] },
      breadcrumbs: [{ href: '/openness', label: '政府信息公开' }, { label: '政策文件库' }],
      showValidity: true,
    }),
  );

  for (const column of GENERAL_COLUMNS) {
    const path = columnListPath(column);
    app.get(path, (req, reply) =>
      listPage(req, reply, {
        title: GENERAL_COLUMN_LABELS[column],
        path,
        names: ['unit', 'subject', 'year', ...(column === 'policy' ? (['type', 'validity'] as FilterName[]) : [])],
        fixed: { column },
        breadcrumbs: [{ href: '/openness', label: '政府信息公开' }, { label: GENERAL_COLUMN_LABELS[column] }],
        showValidity: column === 'policy',
        feed: { base: `/feeds/columns/${COLUMN_SLUGS[column]}`, label: GENERAL_COLUMN_LABELS[column] },
      }),
    );
  }

  app.get('/records/:uscc/:serial', (req, reply) =>
    sendCached(req, reply, async () => {
      const indexNo = indexNoOf(req.params);
      const view = indexNo ? await loadRecordView(core, req.site.rootUnitId, indexNo) : undefined;
      if (!view) throw new NotFoundError(NOT_PUBLIC);
      return { ...html(<RecordPage ctx={pageContext(req, reply)} view={view} />), shows: recordsShown(view) };
    }),
  );

  app.get('/records/:uscc/:serial/print', (req, reply) =>
    sendCached(req, reply, async () => {
      const indexNo = indexNoOf(req.params);
      const view = indexNo ? await loadRecordView(core, req.site.rootUnitId, indexNo) : undefined;
      if (!view) throw new NotFoundError(NOT_PUBLIC);
      const url = `${req.protocol}://${req.host}${recordPath(view.record.indexNo)}`;
      return { ...html(<RecordPrintPage ctx={pageContext(req, reply)} view={view} url={url} />), shows: recordsShown(view) };
    }),
  );

  // Attachments: the stored bytes with their checked media type, always as a download.
  app.get('/attachments/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const a = /^[A-Za-z0-9_-]{1,64}$/.test(code) ? await findPublicAttachment(core.db, req.site.rootUnitId, code) : undefined;
    if (!a || (a.recordState === 'withdrawn' && a.withdrawReason === 'error')) throw new NotFoundError('该附件不存在或已不再提供。');
    let bytes: Buffer;
    try {
      bytes = await fileStorage(core.config).get(a.storageKey);
    } catch (err) {
      if (err instanceof FileNotFoundError) throw new NotFoundError('该附件的文件暂时无法提供，请联系发布机构。');
      throw err;
    }
    return reply
      .type(a.mediaType)
      .header('content-disposition', contentDisposition(a.originalName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .send(bytes);
  });

  app.get('/search', (req, reply) =>
    sendCached(req, reply, async () => {
      const rootId = req.site.rootUnitId;
      const names: FilterName[] = ['unit', 'domain', 'item', 'column', 'type', 'subject', 'year', 'validity'];
      const fctx = await filterContext(core, rootId);
      const read = await readFilters(core, rootId, req.query, names, fctx, true);
      const ok = Object.keys(read.errors).length === 0;
      const asked = ok && (read.q !== '' || Object.keys(read.filters).length > 0);
      const out = asked ? await searchPublic(core.db, rootId, read.q, read.filters, read.page) : undefined;
      // Other modules' pages (办事指南 …) on the first page of a plain keyword search.
      const extras = ok && read.q && read.page === 1 && Object.keys(read.filters).length === 0 ? await extraSearchSections(core, rootId, parseQuery(read.q)) : [];
      const pageCount = Math.max(1, Math.ceil((out?.total ?? 0) / SEARCH_PAGE_SIZE));
      if (out && read.page > pageCount) throw new NotFoundError('该页不存在。');
      return html(
        <SearchPage
          ctx={pageContext(req, reply)}
          fields={filterFields(names, fctx)}
          values={read.values}
          errors={read.errors}
          asked={asked}
          hits={out?.hits ?? []}
          total={out?.total ?? 0}
          capped={out?.capped ?? false}
          approximate={out?.approximate ?? false}
          page={read.page}
          pageCount={pageCount}
          hrefFor={(p) => pageHref('/search', read.values, p)}
          extras={extras}
          missing={out?.missing ?? []}
          suggestions={(out?.suggestions ?? []).map((s) => ({ drop: s.drop, href: pageHref('/search', { ...read.values, q: s.q }, 1) }))}
        />,
        ok ? 200 : 400,
      );
    }),
  );

  registerFeedRoutes(app, core);

  // Start-up: build search rows that are missing (records loaded before the index existed).
  app.addHook('onReady', async () => {
    void repairSearchIndex(core.db).then(
      (n) => n && app.log.info({ records: n }, 'search index repaired'),
      (err: unknown) => app.log.error({ err }, 'search index repair failed'),
    );
  });

  // The catalog's item page lists the records published under the item.
  setItemRecordsProvider(async (c, rootUnitId, itemId, itemCode) =>
    (await publicData.get(`item:${rootUnitId}:${itemId}`, async () => {
      const { rows, total } = await listPublicRecords(c.db, rootUnitId, { itemId }, ITEM_PAGE_RECORDS, 0);
      return {
        links: rows.map((r) => ({ title: r.title, href: recordPath(r.indexNo), docNo: r.docNo, publisherName: r.publisherName, publishedOn: r.publishedOn, validity: validityText(r) })),
        total,
        moreHref: `/records?item=${encodeURIComponent(itemCode)}`,
      };
    })) as Awaited<ReturnType<Parameters<typeof setItemRecordsProvider>[0]>>,
  );
}

/** Records shown on a catalog item's page (the rest through "查看全部"). */
const ITEM_PAGE_RECORDS = 20;
