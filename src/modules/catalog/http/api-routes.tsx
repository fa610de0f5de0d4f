// Public JSON API of the catalog (read only): domains, a unit's catalog, an item with its versions,
// and a unit's catalog versions. Only what the public pages show; no staff names.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Core } from '../../../core/services.ts';
import { BadRequestError, NotFoundError } from '../../../core/http/errors.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { itemData, type DomainRow, type ItemRow } from '../data/repository.ts';
import { listDomainsWithCounts } from '../data/public-queries.ts';
import { describeTimeLimit } from '../domain/time-limit.ts';
import { writtenBasis, writtenChannels } from '../domain/written.ts';
import { findPublicUnit, loadCatalogHistory, loadPublicItem, loadUnitCatalog } from './public-data.ts';

const ApiError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Record(Type.String(), Type.String()) }),
});

const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1, description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: '每页条数，最多 200' })),
};

const ListQuery = Type.Object(Paging, { additionalProperties: false });
const ItemsQuery = Type.Object(
  { ...Paging, domain: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: '领域的网址标识，如 budget-final-accounts' })) },
  { additionalProperties: false },
);
const UnitParams = Type.Object({ unitSlug: Type.String({ minLength: 1, maxLength: 60 }) });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

const Domain = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  nationalNo: Type.Union([Type.Integer(), Type.Null()], { description: '国家标准指引中的序号（1–26）；本市增设的领域为 null' }),
  itemCount: Type.Integer({ description: '本市标准目录中该领域的事项数' }),
});

const TimeLimitRule = Type.Union(
  [
    Type.Object({ kind: Type.Literal('working_days_after_formed'), days: Type.Integer() }),
    Type.Object({ kind: Type.Literal('calendar_days_after_event'), days: Type.Integer(), event: Type.String() }),
    Type.Object({ kind: Type.Literal('working_days_after_event'), days: Type.Integer(), event: Type.String() }),
    Type.Object({ kind: Type.Literal('yearly_by'), month: Type.Integer(), day: Type.Integer() }),
    Type.Object({
      kind: Type.Literal('periodic'),
      period: Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('half_yearly'), Type.Literal('yearly')]),
      daysAfterPeriod: Type.Integer(),
      workingDays: Type.Boolean(),
    }),
    Type.Object({ kind: Type.Literal('realtime') }),
    Type.Object({ kind: Type.Literal('not_computable'), note: Type.Optional(Type.String()) }),
  ],
  { description: '公开时限的计算规则' },
);

const ItemFields = {
  code: Type.String({ description: '事项编码，用于网址' }),
  url: Type.String({ description: '事项页面的网址' }),
  standard: Type.Boolean({ description: 'true：本市标准目录中的事项；false：单位补充的事项' }),
  ownerUnitSlug: Type.String({ description: '维护该事项的单位；标准目录事项为市人民政府' }),
  domain: Type.Object({ slug: Type.String(), name: Type.String() }),
  level1: Type.String({ description: '一级事项' }),
  level2: Type.String({ description: '二级事项' }),
  content: Type.String({ description: '公开内容（要素）' }),
  basis: Type.Array(Type.String(), { description: '公开依据（逐条）' }),
  basisText: Type.String({ description: '公开依据（原文，分隔符和编号照录）' }),
  timeLimit: Type.Object({
    text: Type.String({ description: '公开时限（原文）' }),
    rule: TimeLimitRule,
    description: Type.String({ description: '计算规则的文字说明' }),
  }),
  publisher: Type.String({ description: '公开主体' }),
  channels: Type.Array(Type.String(), { description: '公开渠道和载体（标准渠道）' }),
  customChannels: Type.Array(Type.String(), { description: '其他公开渠道（未能对应标准渠道的名称）' }),
  channelsText: Type.String({ description: '公开渠道和载体（原文，按单位的叫法和顺序）' }),
  audience: Type.Object({ society: Type.Boolean({ description: '全社会' }), specificGroup: Type.Boolean({ description: '特定群体' }) }),
  mode: Type.Object({ proactive: Type.Boolean({ description: '主动' }), onRequest: Type.Boolean({ description: '依申请' }) }),
  level: Type.Object({ county: Type.Boolean({ description: '县级' }), township: Type.Boolean({ description: '乡级' }) }),
  version: Type.Integer(),
  updatedOn: Type.String({ format: 'date' }),
};

const ItemSummary = Type.Object(ItemFields);

const ItemDetail = Type.Object({
  ...ItemFields,
  retiredOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: '停用日期；在用的事项为 null' }),
  units: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() }), { description: '目录中列有该事项的单位' }),
  nextDue: Type.Union(
    [Type.Object({ due: Type.Union([Type.String({ format: 'date' }), Type.Null()]), explanation: Type.String() }), Type.Null()],
    { description: '下次公开期限；时限不可计算或非主动公开时为 null' },
  ),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      changeKind: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('retired')]),
      changedOn: Type.String({ format: 'date' }),
      reason: Type.String(),
      changedFields: Type.Array(Type.String(), { description: '与上一版本相比变更的栏目' }),
    }),
  ),
});

const CatalogVersion = Type.Object({
  version: Type.Integer(),
  changedOn: Type.String({ format: 'date' }),
  reason: Type.String(),
  added: Type.Integer({ description: '新增事项数' }),
  removed: Type.Integer({ description: '移除事项数' }),
  changed: Type.Integer({ description: '修改事项数' }),
  itemCount: Type.Integer({ description: '调整后的事项数' }),
});

const listOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });
const DomainList = listOf(Domain);
const ItemList = listOf(ItemSummary);
const VersionList = listOf(CatalogVersion);

function itemJson(item: ItemRow, domain: DomainRow, ownerSlug: string): Static<typeof ItemSummary> {
  const d = itemData(item, domain.name);
  return {
    code: item.code,
    url: `/openness/items/${item.code}`,
    standard: item.ownerUnitId === null,
    ownerUnitSlug: ownerSlug,
    domain: { slug: domain.slug, name: domain.name },
    level1: d.level1,
    level2: d.level2,
    content: d.content,
    basis: d.basis,
    basisText: writtenBasis(d),
    timeLimit: { text: d.timeLimitText, rule: d.timeLimitRule, description: describeTimeLimit(d.timeLimitRule) },
    publisher: d.publisherText,
    channels: d.channels,
    customChannels: d.customChannels,
    channelsText: writtenChannels(d),
    audience: d.audience,
    mode: d.mode,
    level: d.level,
    version: item.version,
    updatedOn: shanghaiToday(item.updatedAt),
  };
}

const UNIT_NOT_FOUND = '该单位不存在或已撤销。';

export function registerCatalogApiRoutes(app: FastifyInstance, core: Core): void {
  app.get(
    '/api/v1/catalog/domains',
    { schema: { summary: '标准目录的领域及各领域事项数', tags: ['catalog'], querystring: ListQuery, response: { 200: DomainList, 400: ApiError } } },
    async (req): Promise<Static<typeof DomainList>> => {
      const q = req.query as Static<typeof ListQuery>;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const all = await listDomainsWithCounts(core.db, req.site.rootUnitId);
      const items = all
        .slice((page - 1) * pageSize, page * pageSize)
        .map((d) => ({ slug: d.slug, name: d.name, nationalNo: d.nationalNo, itemCount: d.itemCount }));
      return { items, page, pageSize, total: all.length };
    },
  );

  app.get(
    '/api/v1/catalog/units/:unitSlug/items',
    {
      schema: {
        summary: '单位的政务公开目录（法定主动公开内容）',
        tags: ['catalog'],
        params: UnitParams,
        querystring: ItemsQuery,
        response: { 200: ItemList, 400: ApiError, 404: ApiError },
      },
    },
    async (req): Promise<Static<typeof ItemList>> => {
      const { unitSlug } = req.params as Static<typeof UnitParams>;
      const q = req.query as Static<typeof ItemsQuery>;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const rootId = req.site.rootUnitId;
      const unit = await findPublicUnit(core, rootId, unitSlug);
      if (!unit) throw new NotFoundError(UNIT_NOT_FOUND);
      const catalog = await loadUnitCatalog(core, unit, rootId);
      let items = catalog.items;
      if (q.domain !== undefined) {
        const domain = catalog.domains.find((d) => d.slug === q.domain);
        if (!domain) throw new BadRequestError(`请求参数有误：领域“${q.domain}”不存在`, { domain: '领域不存在' });
        items = items.filter((i) => i.domainId === domain.id);
      }
      const domains = new Map(catalog.domains.map((d) => [d.id, d]));
      const rootSlug = req.site.rootUnitSlug;
      return {
        items: items
          .slice((page - 1) * pageSize, page * pageSize)
          .map((i) => itemJson(i, domains.get(i.domainId)!, i.ownerUnitId === null ? rootSlug : unit.slug)),
        page,
        pageSize,
        total: items.length,
      };
    },
  );

  app.get(
    '/api/v1/catalog/items/:code',
    {
      schema: {
        summary: '目录事项的全部要素、下次公开期限和变更记录',
        tags: ['catalog'],
        params: CodeParams,
        response: { 200: ItemDetail, 400: ApiError, 404: ApiError },
      },
    },
    async (req): Promise<Static<typeof ItemDetail>> => {
      const { code } = req.params as Static<typeof CodeParams>;
      const view = await loadPublicItem(core, req.site.rootUnitId, code);
      if (!view) throw new NotFoundError('该目录事项不存在。');
      return {
        ...itemJson(view.item, view.domain, view.owner.slug),
        retiredOn: view.item.retiredAt ? shanghaiToday(view.item.retiredAt) : null,
        units: view.holders.map((u) => ({ slug: u.slug, name: u.name })),
        nextDue: view.nextDue,
        versions: view.versions.map((v) => ({
          version: v.version,
          changeKind: v.changeKind,
          changedOn: v.changedOn,
          reason: v.reason,
          changedFields: v.changes.map((c) => c.label),
        })),
      };
    },
  );

  app.get(
    '/api/v1/catalog/units/:unitSlug/versions',
    {
      schema: {
        summary: '单位目录的调整记录（版本）',
        tags: ['catalog'],
        params: UnitParams,
        querystring: ListQuery,
        response: { 200: VersionList, 400: ApiError, 404: ApiError },
      },
    },
    async (req): Promise<Static<typeof VersionList>> => {
      const { unitSlug } = req.params as Static<typeof UnitParams>;
      const q = req.query as Static<typeof ListQuery>;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const unit = await findPublicUnit(core, req.site.rootUnitId, unitSlug);
      if (!unit) throw new NotFoundError(UNIT_NOT_FOUND);
      const history = await loadCatalogHistory(core, unit.id, page, pageSize, false);
      return {
        items: history.versions.map((v) => ({
          version: v.version,
          changedOn: v.changedOn,
          reason: v.reason,
          added: v.added.length,
          removed: v.removed.length,
          changed: v.changed.length,
          itemCount: v.itemCount,
        })),
        page,
        pageSize,
        total: history.total,
      };
    },
  );
}
