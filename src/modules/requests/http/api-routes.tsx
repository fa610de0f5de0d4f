// Public JSON API of 依申请公开: the applicant's lookup (受理编号 + lookup code, no personal data), the
// statistics, and published records that may match a description (used by the form's script).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Core } from '../../../core/services.ts';
import { HttpError, NotFoundError } from '../../../core/http/errors.ts';
import { publicUnitsOfRoot } from '../../units/index.ts';
import { normaliseLookupCode, parseRequestNo } from '../domain/numbering.ts';
import { onTimeRate } from '../domain/public-statistics.ts';
import { verifyApplicant } from '../service.ts';
import { publicView } from '../service-read.ts';
import { statistics } from './public-routes.tsx';
import { findRecordMatches } from './matches.ts';

const ApiError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Record(Type.String(), Type.String()) }),
});

const LookupBody = Type.Object(
  {
    requestNo: Type.String({ minLength: 1, maxLength: 30, description: '受理编号，如 YSQ-2026-000123' }),
    lookupCode: Type.String({ minLength: 1, maxLength: 20, description: '提交申请时得到的查询码' }),
  },
  { additionalProperties: false },
);

const LookupResult = Type.Object({
  requestNo: Type.String(),
  unitName: Type.String({ description: '受理单位' }),
  state: Type.String({ description: '状态代码' }),
  stateLabel: Type.String({ description: '状态：登记、审核、办理、补正中、征求意见中、待缴费、答复、归档、已撤回、已终止' }),
  submittedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  receivedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: '收到申请之日（条例第三十一条）；网上申请待确认时为 null' }),
  dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: '答复期限；暂停或停止计算时为 null' }),
  dueProvisional: Type.Boolean({ description: '答复期限落在节假日安排尚未录入的年份（暂按周末和固定日期节日计算），录入后重新计算' }),
  clockSummary: Type.String({ description: '答复期限的计算方法' }),
  steps: Type.Array(
    Type.Object({ on: Type.String({ format: 'date' }), label: Type.String(), effect: Type.String(), dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]) }),
    { description: '期限台账（不含个人信息和第三方名称）' },
  ),
  outcome: Type.Union([Type.String(), Type.Null()], { description: '办理结果（年度报告分类）' }),
  repliedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  letters: Type.Array(Type.Object({ title: Type.String(), sentOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]) })),
});

const StatsQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '年度；缺省为最近一年' })) }, { additionalProperties: false });

const StatsCell = {
  received: Type.Integer({ description: '收到申请（件）' }),
  answered: Type.Integer({ description: '已答复（件）' }),
  answeredOnTime: Type.Integer({ description: '按时答复（件）' }),
  onTimeRate: Type.Union([Type.Number(), Type.Null()], { description: '按时答复率（%）' }),
  medianWorkingDays: Type.Union([Type.Number(), Type.Null()], { description: '答复用时中位数（工作日）' }),
};

const StatsResult = Type.Object({
  year: Type.Union([Type.Integer(), Type.Null()]),
  years: Type.Array(Type.Integer()),
  total: Type.Union([Type.Object(StatsCell), Type.Null()]),
  units: Type.Array(Type.Object({ unit: Type.String({ description: '单位名称' }), unitSlug: Type.String(), ...StatsCell })),
});

const MatchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: '所需信息的描述' }),
    docNo: Type.Optional(Type.String({ maxLength: 100, description: '文号' })),
  },
  { additionalProperties: false },
);

const MatchResult = Type.Object({
  items: Type.Array(Type.Object({ title: Type.String(), url: Type.String(), docNo: Type.String(), unitName: Type.String(), publishedOn: Type.String() })),
});

export function registerRequestsApiRoutes(app: FastifyInstance, core: Core): void {
  app.post(
    '/api/v1/requests/lookup',
    {
      schema: {
        summary: '凭受理编号和查询码查询依申请公开的办理进度（不含个人信息）',
        tags: ['requests'],
        body: LookupBody,
        response: { 200: LookupResult, 400: ApiError, 404: ApiError },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req): Promise<Static<typeof LookupResult>> => {
      const body = req.body as Static<typeof LookupBody>;
      const parsed = parseRequestNo(body.requestNo);
      if (!parsed) throw new HttpError(400, 'validation_error', '受理编号格式不正确', { requestNo: '受理编号格式不正确，应类似 YSQ-2026-000123' });
      const row = await verifyApplicant(core, req.site.rootUnitId, parsed.requestNo, normaliseLookupCode(body.lookupCode));
      if (!row) throw new NotFoundError('受理编号或查询码不正确');
      const v = await publicView(core, row);
      return {
        requestNo: v.requestNo,
        unitName: v.unitName,
        state: v.state,
        stateLabel: v.stateLabel,
        submittedOn: v.submittedOn,
        receivedOn: v.receivedOn,
        dueOn: v.dueOn,
        dueProvisional: v.dueProvisional,
        clockSummary: v.clockSummary,
        steps: v.steps,
        outcome: v.outcomeLabel,
        repliedOn: v.repliedOn,
        letters: v.letters.map((l) => ({ title: l.title, sentOn: l.sentOn })),
      };
    },
  );

  app.get(
    '/api/v1/requests/statistics',
    {
      schema: {
        summary: '依申请公开办理情况统计（按单位和年度；不含个人信息）',
        tags: ['requests'],
        querystring: StatsQuery,
        response: { 200: StatsResult, 400: ApiError },
      },
    },
    async (req): Promise<Static<typeof StatsResult>> => {
      const q = req.query as Static<typeof StatsQuery>;
      const stats = await statistics(core, req.site.rootUnitId);
      const year = q.year ?? stats.years[0] ?? null;
      const units = await publicUnitsOfRoot(core, req.site.rootUnitId);
      const byId = new Map(units.map((u) => [u.id, u]));
      const total = year === null ? undefined : stats.totals.get(year);
      return {
        year,
        years: stats.years,
        total: total ? { ...total, onTimeRate: onTimeRate(total) } : null,
        units: stats.rows
          .filter((r) => r.year === year)
          .map((r) => ({
            unit: byId.get(r.unitId)?.name ?? '',
            unitSlug: byId.get(r.unitId)?.slug ?? '',
            received: r.received,
            answered: r.answered,
            answeredOnTime: r.answeredOnTime,
            onTimeRate: onTimeRate(r),
            medianWorkingDays: r.medianWorkingDays,
          })),
      };
    },
  );

  app.get(
    '/api/v1/requests/matching-records',
    {
      schema: {
        summary: '与所需信息描述相关的已主动公开信息（申请前提示）',
        tags: ['requests'],
        querystring: MatchQuery,
        response: { 200: MatchResult, 400: ApiError },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req): Promise<Static<typeof MatchResult>> => {
      const q = req.query as Static<typeof MatchQuery>;
      return { items: await findRecordMatches(app, req.headers.host ?? req.hostname, q.q, q.docNo ?? '') };
    },
  );
}
