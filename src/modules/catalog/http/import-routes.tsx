// Importing a catalog from .xlsx: upload → preview (every problem by row and column, what would be
// created/updated) → confirm, which starts saving all or nothing and shows the progress page of the
// import run. The previewed items travel signed in the form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, uploadedFile, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { BadRequestError, NotFoundError } from '../../../core/http/errors.ts';
import { unpackProblems, writeProblemsWorkbook } from '../import/write-problems.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { importRunStatus } from '../domain/import-run.ts';
import { listDomains } from '../data/repository.ts';
import { findImportRun, waitForAllImportRuns, type ImportRunRow } from '../service-import-run.ts';
import { ImportFormPage, ImportPreviewPage, ImportRunPage, type ImportFormValues, type ImportRunView } from '../views/staff-import.tsx';
import { CATALOG_ROLES, editableUnit, HTML, type CatalogUnit } from './staff-common.ts';
import { importFlow, parseLevelChoice } from './import-flow.ts';
import type { LevelChoice } from '../import/parse-workbook.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

/** Rows listed one by one on the preview; the counts always cover every row. */
const PREVIEW_ROW_LIMIT = 500;

export function runView(core: Core, c: CatalogUnit, run: ImportRunRow): ImportRunView {
  const status = importRunStatus(run, core.clock.now());
  return { code: run.code, fileName: run.fileName, ...status, statusUrl: `/api/v1/catalog/units/${c.unit.slug}/import/runs/${run.code}` };
}

/** The import run of the URL, for a user who may import into its unit (404 otherwise). */
export async function runOfUnit(core: Core, c: CatalogUnit, code: string): Promise<ImportRunRow> {
  const run = await findImportRun(core, code);
  if (!run || run.unitId !== c.unit.id) throw new NotFoundError('该导入记录不存在。');
  return run;
}

export function registerCatalogImportRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...CATALOG_ROLES) };
  const flow = importFlow(core);
  // Closing the app waits for imports still saving (their transactions commit or roll back first).
  app.addHook('onClose', async () => waitForAllImportRuns());

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    c: CatalogUnit,
    state: { values: ImportFormValues; errors: FieldErrors; fileProblems?: string[] },
    status = 200,
  ) {
    const domains = (await listDomains(core.db, c.rootUnitId)).map((d) => d.name);
    const html = renderDocument(
      <ImportFormPage
        ctx={pageContext(req, reply)}
        catalog={{ unitName: c.unit.name, slug: c.unit.slug, isRoot: c.isRoot }}
        values={state.values}
        errors={state.errors}
        fileProblems={state.fileProblems ?? []}
        domains={domains}
        maxMb={flow.maxMb}
      />,
    );
    return reply.code(status).type(HTML).send(html);
  }

  app.get('/staff/catalog/:unitSlug/import', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    return renderForm(req, reply, c, { values: { reason: '', defaultDomain: '' }, errors: {} });
  });

  app.post('/staff/catalog/:unitSlug/import', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const names = (await listDomains(core.db, c.rootUnitId)).map((d) => d.name);
    const form = new FormReader(req.body);
    const reason = form.text('reason', { label: '导入说明', required: true, max: 500 });
    const defaultDomain = form.choice('defaultDomain', '领域', names, false) ?? '';
    const values = { reason, defaultDomain: form.values.defaultDomain ?? '' };
    const file = uploadedFile(req.body, 'file');
    if (!file) form.fail('file', '请选择要导入的 Excel（.xlsx）文件');
    if (!form.ok || !file) return renderForm(req, reply, c, { values, errors: form.errors }, 400);

    const outcome = await flow.preview(c, { file, reason, defaultDomain, userId: req.user!.id }, req.log);
    if (outcome.kind === 'unreadable') return renderForm(req, reply, c, { values, errors: { file: outcome.message }, fileProblems: outcome.messages }, 400);
    const html = renderDocument(
      <ImportPreviewPage
        ctx={pageContext(req, reply)}
        catalog={{ unitName: c.unit.name, slug: c.unit.slug, isRoot: c.isRoot }}
        fileName={file.filename}
        sheetName={outcome.sheetName}
        sheets={outcome.sheets}
        title={outcome.title}
        dataRows={outcome.dataRows}
        problems={outcome.problems}
        counts={outcome.plan}
        rows={outcome.plan.rows}
        rowLimit={PREVIEW_ROW_LIMIT}
        reason={reason}
        sealed={outcome.sealed}
        tooLarge={outcome.tooLarge}
      />,
    );
    return reply.code(outcome.blocked || outcome.tooLarge ? 400 : 200).type(HTML).send(html);
  });

  app.post('/staff/catalog/:unitSlug/import/confirm', { ...guard, bodyLimit: flow.confirmLimit }, async (req, reply) => {
    const c = await editableUnit(core, req);
    const form = new FormReader(req.body);
    const opened = await flow.open(c, req.user!.id, form.raw('payload'), form.raw('signature'));
    if (!opened.ok) return renderForm(req, reply, c, { values: { reason: '', defaultDomain: '' }, errors: { file: opened.message } }, 400);
    const levels = new Map<number, LevelChoice>();
    for (const [i] of (opened.payload.levelSheets ?? []).entries()) {
      const choice = parseLevelChoice(form.raw(`level_${i}`));
      if (choice) levels.set(i, choice);
    }
    const code = await flow.start(c, actorOf(req), req.user!.id, opened.payload, req.log, levels);
    return reply.redirect(`/staff/catalog/${c.unit.slug}/import/runs/${code}`, 303);
  });

  // The full list of a preview's problems as .xlsx (the page lists the first 50).
  app.post('/staff/catalog/:unitSlug/import/problems.xlsx', { ...guard, bodyLimit: flow.confirmLimit }, async (req, reply) => {
    const c = await editableUnit(core, req);
    const problems = unpackProblems(new FormReader(req.body).raw('problems'));
    if (!problems) throw new BadRequestError('问题清单无法读取，请重新上传文件生成预览后再下载。');
    const bytes = await writeProblemsWorkbook(problems);
    const name = `${c.unit.name}目录导入问题.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(name, { ascii: 'import-problems.xlsx' }))
      .header('cache-control', 'no-store')
      .send(bytes);
  });

  app.get('/staff/catalog/:unitSlug/import/runs/:code', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const run = await runOfUnit(core, c, (req.params as { code: string }).code);
    const view = runView(core, c, run);
    reply.header('cache-control', 'no-store');
    const html = renderDocument(<ImportRunPage ctx={pageContext(req, reply)} catalog={{ unitName: c.unit.name, slug: c.unit.slug, isRoot: c.isRoot }} run={view} />);
    return reply.type(HTML).send(html);
  });
}
