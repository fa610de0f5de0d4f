// Importing a catalog from .xlsx: upload → preview (every problem by row and column, what would be
// created/updated) → confirm, which saves all or nothing. The previewed items travel signed in the form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, uploadedFile, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { sharedSecret } from '../../../core/bootstrap.ts';
import type { ImportProblem } from '../domain/types.ts';
import { parseTimeLimit } from '../domain/time-limit.ts';
import { planImport } from '../domain/import-preview.ts';
import { publisherProblems } from '../domain/publisher.ts';
import { listUnitsOfRoot } from '../../units/index.ts';
import { itemData, listDomains } from '../data/repository.ts';
import { listImportTargets } from '../data/staff-queries.ts';
import { importItems } from '../service.ts';
import { readCatalogWorkbook } from '../import/read-sheet.ts';
import { parseCatalog } from '../import/parse-catalog.ts';
import { formatImportProblem } from '../import/layout.ts';
import { ImportFormPage, ImportPreviewPage, type ImportFormValues } from '../views/staff-import.tsx';
import { CATALOG_ROLES, editableUnit, HTML, type CatalogUnit } from './staff-common.ts';
import { openImport, sealImport } from './import-token.ts';

/** Rows listed one by one on the preview; the counts always cover every row. */
const PREVIEW_ROW_LIMIT = 500;

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const col = (c: string) => c.length * 100 + (c ? c.charCodeAt(c.length - 1) : 0);
  return [...problems].sort((a, b) => a.row - b.row || col(a.column) - col(b.column));
}

export function registerCatalogImportRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...CATALOG_ROLES) };
  let keyPromise: Promise<string> | undefined;
  const signingKey = () => (keyPromise ??= sharedSecret(core.db, 'catalog-import'));
  // The sealed items are posted back in a urlencoded form: allow them more than an ordinary form.
  const confirmLimit = Math.max(core.config.bodyLimitBytes, core.config.uploadLimitBytes * 2);
  const maxMb = Math.round(core.config.uploadLimitBytes / (1024 * 1024));

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
        maxMb={maxMb}
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
    const domains = await listDomains(core.db, c.rootUnitId);
    const names = domains.map((d) => d.name);
    const form = new FormReader(req.body);
    const reason = form.text('reason', { label: '导入说明', required: true, max: 500 });
    const defaultDomain = form.choice('defaultDomain', '领域', names, false) ?? '';
    const values = { reason, defaultDomain: form.values.defaultDomain ?? '' };
    const file = uploadedFile(req.body, 'file');
    if (!file) form.fail('file', '请选择要导入的 Excel（.xlsx）文件');
    if (!form.ok || !file) return renderForm(req, reply, c, { values, errors: form.errors }, 400);

    const started = Date.now();
    const sheet = await readCatalogWorkbook(file.bytes, { maxBytes: core.config.uploadLimitBytes });
    const parsed =
      sheet.problems.some((p) => p.row === 0 && p.severity === 'error')
        ? undefined
        : parseCatalog(sheet.grid, sheet.merges, { parseTimeLimit, defaultDomain: defaultDomain || undefined });
    const problems = [...sheet.problems, ...(parsed?.problems ?? [])];
    const errors = problems.filter((p) => p.severity === 'error');
    // A file that yields nothing usable (not an xlsx, empty, no header, missing columns …) goes back to the form.
    if (!parsed || (errors.length && parsed.items.length === 0)) {
      const messages = sortProblems(errors).map(formatImportProblem);
      return renderForm(req, reply, c, { values, errors: { file: `文件“${file.filename}”无法导入：${messages[0] ?? '没有读到任何事项'}` }, fileProblems: messages }, 400);
    }

    const existing = await listImportTargets(core.db, c.rootUnitId, c.isRoot ? null : c.unit.id);
    const nameOf = new Map(domains.map((d) => [d.id, d.name]));
    const plan = planImport(
      existing.map((row) => itemData(row, nameOf.get(row.domainId) ?? '')),
      parsed.items,
      names,
      parsed.columns.domain ?? '',
    );
    const cityUnits = await listUnitsOfRoot(core.db, c.rootUnitId);
    const all = sortProblems([...problems, ...plan.problems, ...publisherProblems(parsed.items, cityUnits, parsed.columns.publisher ?? '')]);
    const blocked = all.some((p) => p.severity === 'error');
    let sealed = blocked
      ? null
      : sealImport(
          { v: 1, unitId: c.unit.id, userId: req.user!.id, reason, fileName: file.filename, issuedAt: core.clock.now().getTime(), items: plan.items },
          await signingKey(),
        );
    const tooLarge = !!sealed && sealed.data.length + sealed.sig.length + 4096 > confirmLimit;
    if (tooLarge) sealed = null;
    req.log.info({ rows: parsed.items.length, problems: all.length, ms: Date.now() - started }, 'catalog import preview');
    const html = renderDocument(
      <ImportPreviewPage
        ctx={pageContext(req, reply)}
        catalog={{ unitName: c.unit.name, slug: c.unit.slug, isRoot: c.isRoot }}
        fileName={file.filename}
        sheetName={sheet.sheetName}
        title={parsed.title}
        dataRows={parsed.items.length}
        problems={all}
        counts={plan}
        rows={plan.rows}
        rowLimit={PREVIEW_ROW_LIMIT}
        reason={reason}
        sealed={sealed}
        tooLarge={tooLarge}
      />,
    );
    return reply.code(blocked || tooLarge ? 400 : 200).type(HTML).send(html);
  });

  app.post('/staff/catalog/:unitSlug/import/confirm', { ...guard, bodyLimit: confirmLimit }, async (req, reply) => {
    const c = await editableUnit(core, req);
    const form = new FormReader(req.body);
    const opened = openImport(form.raw('payload'), form.raw('signature'), await signingKey(), core.clock.now().getTime());
    const refuse = (message: string) => renderForm(req, reply, c, { values: { reason: '', defaultDomain: '' }, errors: { file: message } }, 400);
    if (!opened.ok) {
      return refuse(
        opened.reason === 'expired'
          ? '导入预览已超过2小时，请重新上传文件。'
          : '导入数据无法验证（可能在预览后被改动），没有保存任何内容，请重新上传文件。',
      );
    }
    const payload = opened.payload;
    if (payload.unitId !== c.unit.id || payload.userId !== req.user!.id) {
      return refuse('该导入预览不属于本目录或不是由您生成的，没有保存任何内容，请重新上传文件。');
    }
    const started = Date.now();
    const result = await importItems(core, actorOf(req), {
      rootUnitId: c.rootUnitId,
      ownerUnitId: c.isRoot ? null : c.unit.id,
      items: payload.items,
      reason: payload.reason,
      onProgress: (done, total) => req.log.info({ done, total }, 'catalog import progress'),
    });
    if (!result.ok) {
      const messages = Object.values(result.errors);
      return renderForm(req, reply, c, { values: { reason: payload.reason, defaultDomain: '' }, errors: { file: `没有保存任何内容：${messages[0] ?? '导入失败'}` }, fileProblems: messages }, 400);
    }
    req.log.info({ items: payload.items.length, ms: Date.now() - started }, 'catalog import saved');
    setFlash(
      reply,
      `导入完成：新增${result.created}项，修改${result.updated}项，不变${result.unchanged}项${result.version ? `，目录已更新为第${result.version}版` : '，目录没有变化'}。`,
    );
    return reply.redirect(`/staff/catalog/${c.unit.slug}`, 303);
  });
}
