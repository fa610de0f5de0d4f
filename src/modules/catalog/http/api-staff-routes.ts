// Staff JSON API of the catalog: import (upload → preview with problems by row and column → confirm,
// saved all or nothing as an import run with progress) and export. Signed-in staff only, with the
// session cookie; permissions as on the staff pages. The multipart upload carries the CSRF token in
// the x-csrf-token header (GET /api/v1/catalog/staff/csrf-token); JSON posts need none, since a
// browser cannot send them cross-site without a CORS preflight this server never grants.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Core } from '../../../core/services.ts';
import { FormReader, uploadedFile } from '../../../core/http/form.ts';
import { actorOf } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { HttpError } from '../../../core/http/errors.ts';
import type { ImportProblem } from '../domain/types.ts';
import { listDomains } from '../data/repository.ts';
import { CATALOG_ROLES, editableUnit, viewableUnit } from './staff-common.ts';
import { importFlow } from './import-flow.ts';
import { formatImportProblem } from '../import/layout.ts';
import type { LevelChoice } from '../import/parse-workbook.ts';
import { runOfUnit, runView } from './import-routes.tsx';
import { findImportRun } from '../service-import-run.ts';
import { EXPORT_FORMATS, sendCatalogExport } from './export.ts';
import { IMPORT_TOKEN_TTL_MS } from './import-token.ts';

const Problem = Type.Object({
  row: Type.Integer({ description: '行号（Excel 中的行）；0 表示整个文件' }),
  column: Type.String({ description: '列（如 H）；空表示整行' }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')], { description: 'error：不能导入；warning：提示，不影响导入' }),
  message: Type.String(),
  sheet: Type.Optional(Type.String({ description: '工作表名称（多张工作表的文件）' })),
});

const ApiError = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Record(Type.String(), Type.String()),
    problems: Type.Optional(Type.Array(Problem, { description: '导入文件中的问题（按行、列排序）' })),
  }),
});

const UnitParams = Type.Object({ unitSlug: Type.String({ minLength: 1, maxLength: 60 }) });
const RunParams = Type.Object({ unitSlug: Type.String({ minLength: 1, maxLength: 60 }), code: Type.String({ minLength: 1, maxLength: 64 }) });

const LevelChoiceSchema = Type.Union([Type.Literal('county'), Type.Literal('township'), Type.Literal('both')], { description: 'county：县级；township：乡级；both：县级和乡级' });

const SheetJson = Type.Object({
  name: Type.String(),
  status: Type.Union([Type.Literal('read'), Type.Literal('skipped')], { description: 'read：已读取；skipped：未导入（原因见 reason）' }),
  reason: Type.String({ description: '未导入的原因（封面、说明页、空表、隐藏的工作表……）' }),
  title: Type.String(),
  rowsRead: Type.Integer({ description: '表头下的非空行数' }),
  create: Type.Integer(),
  update: Type.Integer(),
  adopt: Type.Integer(),
  unchanged: Type.Integer(),
  refusedRows: Type.Integer({ description: '有错误的行' }),
  notImportedRows: Type.Integer({ description: '列出原因后未导入的行（说明行、重复事项等）' }),
  levelChoice: Type.Optional(Type.Union([LevelChoiceSchema], { description: '本表没有公开层级列：默认层级，确认时可在 levels 中改选' })),
});

const Preview = Type.Object({
  fileName: Type.String(),
  sheetName: Type.String({ description: '导入的工作表，以“、”分隔' }),
  sheets: Type.Array(SheetJson, { description: '每张工作表：读取、将新增/修改/采用/不变、有错误的行；未导入的工作表及原因' }),
  title: Type.String({ description: '表格标题' }),
  dataRows: Type.Integer({ description: '读取的事项行数' }),
  counts: Type.Object({ create: Type.Integer(), update: Type.Integer(), adopt: Type.Integer({ description: '采用的本市标准事项（部门、乡镇导入时）' }), unchanged: Type.Integer() }),
  problems: Type.Array(Problem, { description: '提示（不影响导入）；有错误时返回 400' }),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('adopt'), Type.Literal('unchanged')]),
      domain: Type.String(),
      level1: Type.String(),
      level2: Type.String(),
      changes: Type.Array(Type.String(), { description: '修改的栏目' }),
    }),
  ),
  confirmation: Type.Object(
    { payload: Type.String(), signature: Type.String(), expiresAt: Type.String({ format: 'date-time' }) },
    { description: '原样提交到 …/import/confirm 即保存预览中的事项' },
  ),
});

const ConfirmBody = Type.Object(
  {
    payload: Type.String({ minLength: 1 }),
    signature: Type.String({ minLength: 1, maxLength: 100 }),
    expiresAt: Type.Optional(Type.String({ maxLength: 40, description: '预览返回的到期时间，可原样带回（不使用）' })),
    levels: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), LevelChoiceSchema, { description: '没有公开层级列的工作表的层级，键为工作表名称；不填则用预览中的默认层级' }),
    ),
  },
  { additionalProperties: false },
);

const RunStatus = Type.Object({
  code: Type.String(),
  fileName: Type.String(),
  state: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('interrupted')], {
    description: 'running：保存中；done：已全部保存；failed / interrupted：没有保存任何内容',
  }),
  saved: Type.Integer({ description: '已保存的行数（提交前不生效）' }),
  total: Type.Integer(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  progressText: Type.String({ description: '如“已保存 2,300 / 5,000 行（46%）”' }),
  message: Type.String(),
  statusUrl: Type.String(),
  result: Type.Union([
    Type.Object({ created: Type.Integer(), updated: Type.Integer(), adopted: Type.Integer(), unchanged: Type.Integer(), version: Type.Union([Type.Integer(), Type.Null()]) }),
    Type.Null(),
  ]),
});

const ExportQuery = Type.Object(
  { format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f)), { description: 'xlsx（国家标准目录格式）、csv（UTF-8 带 BOM）或 json' }) },
  { additionalProperties: false },
);

const problemJson = (p: ImportProblem) => ({ row: p.row, column: p.column, severity: p.severity, message: p.message, ...(p.sheet ? { sheet: p.sheet } : {}) });

const ERRORS = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

export function registerCatalogStaffApiRoutes(app: FastifyInstance, core: Core): void {
  const guard = requireStaff(...CATALOG_ROLES);
  const flow = importFlow(core);

  app.get(
    '/api/v1/catalog/staff/csrf-token',
    {
      onRequest: guard,
      schema: {
        summary: '（工作人员）取得 CSRF 令牌：上传导入文件时放在 x-csrf-token 请求头中',
        tags: ['catalog-staff'],
        response: { 200: Type.Object({ token: Type.String() }), 401: ApiError, 403: ApiError },
      },
    },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/catalog/units/:unitSlug/import',
    {
      onRequest: guard,
      schema: {
        summary: '（工作人员）上传 .xlsx 标准目录，返回导入预览：逐行逐列的问题、将新增/修改/不变的事项',
        description:
          'multipart/form-data：file（.xlsx，国家标准目录格式）、reason（导入说明，必填）、defaultDomain（表中没有领域列时的领域，可选）。' +
          '请求头 x-csrf-token 必填。文件无法读取或有错误时返回 400，error.problems 列出每个问题。权限同管理后台的导入页面。',
        tags: ['catalog-staff'],
        consumes: ['multipart/form-data'],
        params: UnitParams,
        response: { 200: Preview, ...ERRORS, 413: ApiError },
      },
    },
    async (req, reply) => {
      const c = await editableUnit(core, req);
      const names = (await listDomains(core.db, c.rootUnitId)).map((d) => d.name);
      const form = new FormReader(req.body);
      const reason = form.text('reason', { label: '导入说明', required: true, max: 500 });
      const defaultDomain = form.choice('defaultDomain', '领域', names, false) ?? '';
      const file = uploadedFile(req.body, 'file');
      if (!file) form.fail('file', '请选择要导入的 Excel（.xlsx）文件');
      if (!form.ok || !file) {
        throw new HttpError(400, 'validation_error', `请求参数有误：${Object.values(form.errors).join('；')}`, form.errors);
      }
      const outcome = await flow.preview(c, { file, reason, defaultDomain, userId: req.user!.id }, req.log);
      if (outcome.kind === 'unreadable') {
        return reply.code(400).send({ error: { code: 'import_file_invalid', message: outcome.message, fields: { file: outcome.message }, problems: outcome.problems.map(problemJson) } });
      }
      if (outcome.blocked) {
        const errors = outcome.problems.filter((p) => p.severity === 'error');
        const message = `文件“${file.filename}”有 ${errors.length} 处错误，没有可以保存的内容，请改正后重新上传：${errors.length ? formatImportProblem(errors[0]!) : ''}`;
        return reply.code(400).send({ error: { code: 'import_has_errors', message, fields: { file: message }, problems: outcome.problems.map(problemJson) } });
      }
      if (!outcome.sealed) {
        const message = `文件“${file.filename}”的事项过多，无法一次导入，请拆分为几个文件分别导入。`;
        return reply.code(400).send({ error: { code: 'import_too_large', message, fields: { file: message }, problems: [] } });
      }
      return {
        fileName: file.filename,
        sheetName: outcome.sheetName,
        sheets: outcome.sheets.map((s) => ({
          name: s.name,
          status: s.status,
          reason: s.reason,
          title: s.title,
          rowsRead: s.rowsRead,
          create: s.create,
          update: s.update,
          adopt: s.adopt,
          unchanged: s.unchanged,
          refusedRows: s.refusedRows,
          notImportedRows: s.skippedRows + s.repeated,
          ...(s.levelChoice ? { levelChoice: s.levelChoice } : {}),
        })),
        title: outcome.title,
        dataRows: outcome.dataRows,
        counts: { create: outcome.plan.create, update: outcome.plan.update, adopt: outcome.plan.adopt, unchanged: outcome.plan.unchanged },
        problems: outcome.problems.map(problemJson),
        rows: outcome.plan.rows.map((r) => ({ row: r.sourceRow, action: r.action, domain: r.data.domainName, level1: r.data.level1, level2: r.data.level2, changes: r.changes.map((x) => x.label) })),
        confirmation: { payload: outcome.sealed.data, signature: outcome.sealed.sig, expiresAt: new Date(core.clock.now().getTime() + IMPORT_TOKEN_TTL_MS).toISOString() },
      } satisfies Static<typeof Preview>;
    },
  );

  app.post(
    '/api/v1/catalog/units/:unitSlug/import/confirm',
    {
      onRequest: guard,
      bodyLimit: flow.confirmLimit,
      schema: {
        summary: '（工作人员）确认导入：全部保存或全部不保存；返回导入进度，轮询 statusUrl 直到完成',
        tags: ['catalog-staff'],
        params: UnitParams,
        body: ConfirmBody,
        response: { 202: RunStatus, ...ERRORS },
      },
    },
    async (req, reply) => {
      const c = await editableUnit(core, req);
      const body = req.body as Static<typeof ConfirmBody>;
      const opened = await flow.open(c, req.user!.id, body.payload, body.signature);
      if (!opened.ok) throw new HttpError(400, 'import_confirmation_invalid', opened.message, { payload: opened.message });
      const levels = new Map<number, LevelChoice>();
      const sheets = opened.payload.levelSheets ?? [];
      for (const [name, choice] of Object.entries(body.levels ?? {})) {
        const i = sheets.findIndex((s) => s.name === name);
        if (i < 0) throw new HttpError(400, 'validation_error', `工作表「${name}」不是需要选择公开层级的工作表`, { levels: `工作表「${name}」不是需要选择公开层级的工作表` });
        levels.set(i, choice);
      }
      const code = await flow.start(c, actorOf(req), req.user!.id, opened.payload, req.log, levels);
      const run = (await findImportRun(core, code))!;
      return reply.code(202).send(runJson(core, c, run));
    },
  );

  app.get(
    '/api/v1/catalog/units/:unitSlug/import/runs/:code',
    {
      onRequest: guard,
      schema: { summary: '（工作人员）导入进度：已保存行数、百分比和结果', tags: ['catalog-staff'], params: RunParams, response: { 200: RunStatus, ...ERRORS } },
    },
    async (req, reply) => {
      const c = await editableUnit(core, req);
      const run = await runOfUnit(core, c, (req.params as Static<typeof RunParams>).code);
      reply.header('cache-control', 'no-store');
      return runJson(core, c, run);
    },
  );

  app.get(
    '/api/v1/catalog/units/:unitSlug/export',
    {
      onRequest: guard,
      schema: {
        summary: '（工作人员）导出单位目录：xlsx、csv 或 json 文件',
        description: '权限同管理后台的目录页：政务公开办可导出所有单位，单位工作人员可导出本单位目录和本市标准目录。',
        tags: ['catalog-staff'],
        params: UnitParams,
        querystring: ExportQuery,
        response: ERRORS,
      },
    },
    async (req, reply) => {
      const c = await viewableUnit(core, req);
      return sendCatalogExport(core, c, (req.query as Static<typeof ExportQuery>).format, reply);
    },
  );
}

function runJson(core: Core, c: Parameters<typeof runView>[1], run: Parameters<typeof runView>[2]) {
  const v = runView(core, c, run);
  const r = v.state === 'done' ? run.result : null;
  return { ...v, result: r ? { created: r.created, updated: r.updated, adopted: r.adopted ?? 0, unchanged: r.unchanged, version: r.version } : null };
}
