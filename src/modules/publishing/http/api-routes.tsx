// Public JSON API of published records (read only): list with filters, one record by 索引号, search;
// and the API documentation page /api/docs, rendered on the server from the OpenAPI document.
// Only 主动公开 records; no staff names.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Core } from '../../../core/services.ts';
import { BadRequestError, NotFoundError } from '../../../core/http/errors.ts';
import { pageContext } from '../../../core/http/context.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { segmentsToHtml, segmentsToText } from '../../../core/search/snippet.ts';
import { listPublicRecords, type RecordListItem } from '../data/public-queries.ts';
import { DOC_TYPES, GENERAL_COLUMNS, INTERPRETATION_FORMS, SUBJECTS, VALIDITIES, WITHDRAW_REASONS } from '../domain/vocab.ts';
import { attachmentPath, recordPath } from '../views/public-shared.tsx';
import { ApiDocsPage, type OpenApiDocument } from '../views/public-api-docs.tsx';
import { filterContext, readFilters, MAX_PAGE, type FilterName } from './public-filters.ts';
import { indexNoOf, loadRecordView } from './public-routes.tsx';
import { searchPublic } from './public-search.ts';

const ApiError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Record(Type.String(), Type.String()) }),
});

const lit = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

const FilterQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '每页条数，最多 100' })),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: '发布单位的网址标识，如 finance' })),
  domain: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: '标准目录领域的网址标识' })),
  item: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '目录事项编码' })),
  column: Type.Optional(lit(GENERAL_COLUMNS, '栏目：news 政务动态，notice 通知公告，policy 政策文件')),
  type: Type.Optional(lit(DOC_TYPES, '文件类型：regulation 规章，normative 行政规范性文件，other 其他')),
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: `主题分类，如“${SUBJECTS[3]}”` })),
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100, description: '发布年份' })),
  validity: Type.Optional(lit(VALIDITIES, '有效性：in_force 有效，expired 失效，repealed 废止')),
};

const ListQuery = Type.Object(FilterQuery, { additionalProperties: false });
const SearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 100, description: '关键词（空格分隔，须全部包含）或文号，如“楚市政通〔2017〕47号”' }), ...FilterQuery },
  { additionalProperties: false },
);
const IndexParams = Type.Object({
  uscc: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$', description: '索引号的前一部分：发布单位的统一社会信用代码' }),
  serial: Type.String({ pattern: '^[0-9]{4}-[0-9]{5,7}$', description: '索引号的后一部分：年份-序号，如 2025-00042' }),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const RecordSummary = Type.Object({
  indexNo: Type.String({ description: '索引号：{统一社会信用代码}/{年份}-{序号}' }),
  url: Type.String({ description: '信息页面的网址' }),
  title: Type.String(),
  docNo: Type.String({ description: '文号；无文号时为空字符串' }),
  publisher: Type.String({ description: '发布机构' }),
  unit: Type.Object({ slug: Type.String(), name: Type.String() }),
  writtenOn: Type.String({ format: 'date', description: '成文日期' }),
  publishedOn: Type.String({ format: 'date', description: '发布日期' }),
  subject: Type.String({ description: '主题分类' }),
  genre: Type.String({ description: '体裁' }),
  docType: lit(DOC_TYPES, '文件类型'),
  validity: lit(VALIDITIES, '有效性'),
  validityChangedOn: Nullable(Type.String({ format: 'date', description: '失效或废止的日期' })),
  kind: Type.Union([Type.Literal('record'), Type.Literal('interpretation')], { description: 'interpretation：政策解读' }),
  interpretationForm: Nullable(lit(INTERPRETATION_FORMS, '解读形式')),
  column: Nullable(lit(GENERAL_COLUMNS, '栏目')),
  item: Nullable(Type.Object({ code: Type.String(), name: Type.String(), domain: Type.String() }, { description: '所属的标准目录事项' })),
  summary: Type.String({ description: '内容概述' }),
});

const LinkedRecord = Type.Object({ indexNo: Type.String(), url: Type.String(), title: Type.String(), publishedOn: Type.String({ format: 'date' }) });

const RecordDetail = Type.Object({
  ...RecordSummary.properties,
  state: Type.Union([Type.Literal('published'), Type.Literal('withdrawn')]),
  formedOn: Type.String({ format: 'date', description: '信息形成或变更日期' }),
  keywords: Type.Array(Type.String()),
  bodyHtml: Type.String({ description: '正文（已净化的 HTML）；因内容有误撤回的信息为空' }),
  withdrawal: Nullable(
    Type.Object({
      reason: lit(WITHDRAW_REASONS, '撤回原因：error 内容有误，expired 已失效，replaced 被替代，other 其他'),
      note: Type.String(),
      withdrawnAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
  replacedBy: Nullable(LinkedRecord),
  attachments: Type.Array(Type.Object({ name: Type.String(), fileType: Type.String(), mediaType: Type.String(), size: Type.Integer(), url: Type.String() })),
  interpretations: Type.Array(LinkedRecord, { description: '本文件的政策解读' }),
  policies: Type.Array(LinkedRecord, { description: '本解读所解读的政策文件' }),
  changes: Type.Array(Type.Object({ event: Type.String(), note: Type.String(), at: Type.String({ format: 'date-time' }) }), { description: '公开的变更记录' }),
});

const RecordList = Type.Object({ items: Type.Array(RecordSummary), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });

const SearchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      record: RecordSummary,
      titleHtml: Type.String({ description: '标题，命中的词用 <mark> 标出（已转义）' }),
      snippetHtml: Type.String({ description: '摘要，命中的词用 <mark> 标出（已转义）' }),
      snippetText: Type.String(),
      inAttachment: Type.Boolean({ description: '命中的是附件中的文字' }),
      exactDocNo: Type.Boolean({ description: '该文件的文号与查询相同' }),
    }),
  ),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer({ description: '命中条数（超过 1000 条时为 1000）' }),
  capped: Type.Boolean({ description: '命中超过 1000 条' }),
  approximate: Type.Boolean({ description: 'true：条数包含含有全部字词、但未必连成所查词组的信息（约数）' }),
});

function summaryOf(r: RecordListItem): Static<typeof RecordSummary> {
  return {
    indexNo: r.indexNo,
    url: recordPath(r.indexNo),
    title: r.title,
    docNo: r.docNo,
    publisher: r.publisherName,
    unit: { slug: r.unitSlug, name: r.unitName },
    writtenOn: r.writtenOn,
    publishedOn: r.publishedOn,
    subject: r.subject,
    genre: r.genre,
    docType: r.docType,
    validity: r.validity,
    validityChangedOn: r.validityChangedOn,
    kind: r.kind,
    interpretationForm: r.interpretationForm,
    column: r.generalColumn,
    item: r.itemCode ? { code: r.itemCode, name: r.itemName ?? '', domain: r.domainName ?? '' } : null,
    summary: r.summary,
  };
}

const FILTERS: FilterName[] = ['unit', 'domain', 'item', 'column', 'type', 'subject', 'year', 'validity'];

export function registerPublishingApiRoutes(app: FastifyInstance, core: Core): void {
  async function filtersOf(rootId: number, query: Record<string, unknown>) {
    const read = await readFilters(core, rootId, query, FILTERS, await filterContext(core, rootId), 'q' in query);
    if (Object.keys(read.errors).length) throw new BadRequestError(Object.values(read.errors).join('；'), read.errors);
    return read;
  }

  app.get(
    '/api/v1/records',
    {
      schema: {
        summary: '主动公开信息列表（按发布日期从新到旧）',
        tags: ['records'],
        querystring: ListQuery,
        response: { 200: RecordList, 400: ApiError },
      },
    },
    async (req): Promise<Static<typeof RecordList>> => {
      const q = req.query as Static<typeof ListQuery>;
      const pageSize = q.pageSize ?? 20;
      const read = await filtersOf(req.site.rootUnitId, q as Record<string, unknown>);
      const { rows, total } = await listPublicRecords(core.db, req.site.rootUnitId, read.filters, pageSize, (read.page - 1) * pageSize);
      return { items: rows.map(summaryOf), page: read.page, pageSize, total };
    },
  );

  app.get(
    '/api/v1/records/search',
    {
      schema: {
        summary: '全文检索主动公开信息（标题、文号、正文、附件文字；按相关度排序，文号完全相同的排在最前）',
        tags: ['records'],
        querystring: SearchQuery,
        response: { 200: SearchResult, 400: ApiError },
      },
    },
    async (req): Promise<Static<typeof SearchResult>> => {
      const q = req.query as Static<typeof SearchQuery>;
      const pageSize = q.pageSize ?? 20;
      const read = await filtersOf(req.site.rootUnitId, q as Record<string, unknown>);
      const out = await searchPublic(core.db, req.site.rootUnitId, read.q, read.filters, read.page, pageSize);
      if (out.empty) throw new BadRequestError('关键词中没有可检索的文字或数字', { q: '关键词中没有可检索的文字或数字' });
      return {
        items: out.hits.map((h) => ({
          record: summaryOf(h.record),
          titleHtml: segmentsToHtml(h.title),
          snippetHtml: segmentsToHtml(h.snippet),
          snippetText: segmentsToText(h.snippet),
          inAttachment: h.inAttachment,
          exactDocNo: h.exactDocNo,
        })),
        page: read.page,
        pageSize,
        total: out.total,
        capped: out.capped,
        approximate: out.approximate,
      };
    },
  );

  app.get(
    '/api/v1/records/:uscc/:serial',
    {
      schema: {
        summary: '按索引号获取一条主动公开信息（含正文、附件、解读、变更记录；已撤回的注明撤回原因）',
        tags: ['records'],
        params: IndexParams,
        response: { 200: RecordDetail, 400: ApiError, 404: ApiError },
      },
    },
    async (req): Promise<Static<typeof RecordDetail>> => {
      const indexNo = indexNoOf(req.params);
      const view = indexNo ? await loadRecordView(core, req.site.rootUnitId, indexNo) : undefined;
      if (!view) throw new NotFoundError('该信息不存在或未主动公开。');
      const r = view.record;
      const link = (x: { indexNo: string; title: string; publishedOn?: string }) => ({ indexNo: x.indexNo, url: recordPath(x.indexNo), title: x.title, publishedOn: x.publishedOn ?? '' });
      return {
        ...summaryOf(r),
        state: r.state,
        formedOn: r.formedOn,
        keywords: r.keywords,
        bodyHtml: view.bodyHtml,
        withdrawal: r.state === 'withdrawn' && r.withdrawReason ? { reason: r.withdrawReason, note: r.withdrawNote, withdrawnAt: r.withdrawnAt?.toISOString() ?? null } : null,
        replacedBy: r.replacedBy ? link(r.replacedBy) : null,
        attachments: view.attachments.map((a) => ({ name: a.originalName, fileType: a.fileType, mediaType: a.mediaType, size: a.sizeBytes, url: attachmentPath(a.code) })),
        interpretations: view.interpretations.map(link),
        policies: view.policies.map(link),
        changes: view.changes.map((c) => ({ event: c.event, note: c.changeNote, at: c.changedAt.toISOString() })),
      };
    },
  );

  // The API documentation: a server-rendered list of every endpoint of the OpenAPI document (no CDN, no script).
  app.get('/api/docs', { schema: { hide: true } }, async (req, reply) => {
    const doc = app.swagger() as unknown as OpenApiDocument;
    return reply.type('text/html; charset=utf-8').send(renderDocument(<ApiDocsPage ctx={pageContext(req, reply)} doc={doc} />));
  });
}
