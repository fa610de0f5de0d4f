// Public JSON API of the units (机构概况): no staff data, only what the public pages show.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Core } from '../../../core/services.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { findUnitById, findUnitBySlug, listLeaders } from '../data/repository.ts';
import { publicUnitsOfRoot } from '../public-cache.ts';
import { UNIT_TYPE_KEYS, UNIT_TYPE_LABELS } from '../domain/unit-types.ts';

const ApiError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Record(Type.String(), Type.String()) }),
});

const UnitType = Type.Union(UNIT_TYPE_KEYS.map((t) => Type.Literal(t)));

const UnitSummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  type: UnitType,
  parentSlug: Type.Union([Type.String(), Type.Null()], { description: '上级单位的网址标识；根单位为 null' }),
});

const UnitList = Type.Object({
  items: Type.Array(UnitSummary),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

const ListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 200 })),
  },
  { additionalProperties: false },
);

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 60 }) });

const UnitProfile = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  type: UnitType,
  typeLabel: Type.String(),
  parentSlug: Type.Union([Type.String(), Type.Null()]),
  uscc: Type.String({ description: '统一社会信用代码' }),
  address: Type.String(),
  officeHours: Type.String(),
  phone: Type.String(),
  fax: Type.String(),
  email: Type.String(),
  opennessContact: Type.String({ description: '政府信息公开工作机构' }),
  functions: Type.String({ description: '主要职责' }),
  leaders: Type.Array(Type.Object({ name: Type.String(), title: Type.String(), duties: Type.String() })),
});

export function registerApiRoutes(app: FastifyInstance, core: Core): void {
  app.get(
    '/api/v1/units',
    {
      schema: {
        summary: '本网站的单位列表（机构概况）',
        tags: ['units'],
        querystring: ListQuery,
        response: { 200: UnitList, 400: ApiError },
      },
    },
    async (req): Promise<Static<typeof UnitList>> => {
      const q = req.query as Static<typeof ListQuery>;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 200;
      const all = await publicUnitsOfRoot(core, req.site.rootUnitId);
      const slugById = new Map(all.map((u) => [u.id, u.slug]));
      const items = all.slice((page - 1) * pageSize, page * pageSize).map((u) => ({
        slug: u.slug,
        name: u.name,
        shortName: u.shortName,
        type: u.type,
        parentSlug: u.parentId === null ? null : (slugById.get(u.parentId) ?? null),
      }));
      return { items, page, pageSize, total: all.length };
    },
  );

  app.get(
    '/api/v1/units/:slug',
    {
      schema: {
        summary: '单位概况及领导信息',
        tags: ['units'],
        params: SlugParams,
        response: { 200: UnitProfile, 404: ApiError },
      },
    },
    async (req): Promise<Static<typeof UnitProfile>> => {
      const { slug } = req.params as Static<typeof SlugParams>;
      const unit = await findUnitBySlug(core.db, slug);
      if (!unit || unit.archivedAt || (unit.rootId ?? unit.id) !== req.site.rootUnitId) throw new NotFoundError('该单位不存在。');
      const [leaders, parent] = await Promise.all([listLeaders(core.db, unit.id), unit.parentId ? findUnitById(core.db, unit.parentId) : undefined]);
      return {
        slug: unit.slug,
        name: unit.name,
        shortName: unit.shortName,
        type: unit.type,
        typeLabel: UNIT_TYPE_LABELS[unit.type],
        parentSlug: parent?.slug ?? null,
        uscc: unit.uscc,
        address: unit.address,
        officeHours: unit.officeHours,
        phone: unit.phone,
        fax: unit.fax,
        email: unit.email,
        opennessContact: unit.opennessContact,
        functions: unit.functions,
        leaders: leaders.map((l) => ({ name: l.name, title: l.title, duties: l.duties })),
      };
    },
  );
}
