// The import steps shared by the staff pages and the staff JSON API: read and check an uploaded .xlsx
// into a preview (problems by row and column, what would be created or updated, the signed items),
// open a confirmed preview, and start saving it (all or nothing) as an import run.
import type { FastifyBaseLogger } from 'fastify';
import type { Core } from '../../../core/services.ts';
import type { Actor } from '../../../core/audit/index.ts';
import { sharedSecret } from '../../../core/bootstrap.ts';
import type { ImportProblem } from '../domain/types.ts';
import { parseTimeLimit } from '../domain/time-limit.ts';
import { planImport, type ImportPlan } from '../domain/import-preview.ts';
import { publisherProblems } from '../domain/publisher.ts';
import { listUnitsOfRoot } from '../../units/index.ts';
import { itemData, listDomains } from '../data/repository.ts';
import { adoptedItemIds, listImportTargets, listStandardItems } from '../data/staff-queries.ts';
import { startImportRun } from '../service-import-run.ts';
import { readCatalogWorkbook } from '../import/read-sheet.ts';
import { parseCatalog } from '../import/parse-catalog.ts';
import { formatImportProblem } from '../import/layout.ts';
import type { CatalogUnit } from './staff-common.ts';
import { openImport, sealImport, type ImportPayload, type Sealed } from './import-token.ts';

export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const col = (c: string) => c.length * 100 + (c ? c.charCodeAt(c.length - 1) : 0);
  return [...problems].sort((a, b) => a.row - b.row || col(a.column) - col(b.column));
}

export type PreviewOutcome =
  | { kind: 'unreadable'; message: string; messages: string[]; problems: ImportProblem[] }
  | {
      kind: 'preview';
      sheetName: string;
      title: string;
      dataRows: number;
      problems: ImportProblem[];
      plan: ImportPlan;
      /** An error in some row: nothing can be saved. */
      blocked: boolean;
      sealed: Sealed | null;
      /** The signed items would not fit in a confirm request. */
      tooLarge: boolean;
    };

export type OpenOutcome = { ok: true; payload: ImportPayload } | { ok: false; message: string };

export interface ImportFlow {
  /** Largest confirm body: the sealed items travel back in it. */
  confirmLimit: number;
  maxMb: number;
  preview(c: CatalogUnit, input: { file: { filename: string; bytes: Buffer }; reason: string; defaultDomain: string; userId: number }, log: FastifyBaseLogger): Promise<PreviewOutcome>;
  open(c: CatalogUnit, userId: number, data: string, sig: string): Promise<OpenOutcome>;
  /** Starts saving an opened preview; returns the import run's code. */
  start(c: CatalogUnit, actor: Actor, userId: number, payload: ImportPayload, log: FastifyBaseLogger): Promise<string>;
}

export function importFlow(core: Core): ImportFlow {
  let keyPromise: Promise<string> | undefined;
  const signingKey = () => (keyPromise ??= sharedSecret(core.db, 'catalog-import'));
  const confirmLimit = Math.max(core.config.bodyLimitBytes, core.config.uploadLimitBytes * 2);
  return {
    confirmLimit,
    maxMb: Math.round(core.config.uploadLimitBytes / (1024 * 1024)),

    async preview(c, { file, reason, defaultDomain, userId }, log) {
      const started = Date.now();
      const domains = await listDomains(core.db, c.rootUnitId);
      const names = domains.map((d) => d.name);
      const sheet = await readCatalogWorkbook(file.bytes, { maxBytes: core.config.uploadLimitBytes });
      const parsed = sheet.problems.some((p) => p.row === 0 && p.severity === 'error')
        ? undefined
        : parseCatalog(sheet.grid, sheet.merges, { parseTimeLimit, defaultDomain: defaultDomain || undefined });
      const problems = [...sheet.problems, ...(parsed?.problems ?? [])];
      const errors = problems.filter((p) => p.severity === 'error');
      // A file that yields nothing usable (not an xlsx, empty, no header, missing columns …).
      if (!parsed || (errors.length && parsed.items.length === 0)) {
        const sorted = sortProblems(errors);
        const messages = sorted.map(formatImportProblem);
        return { kind: 'unreadable', message: `文件“${file.filename}”无法导入：${messages[0] ?? '没有读到任何事项'}`, messages, problems: sorted };
      }
      const existing = await listImportTargets(core.db, c.rootUnitId, c.isRoot ? null : c.unit.id);
      const nameOf = new Map(domains.map((d) => [d.id, d.name]));
      // A department or township: rows naming the city's standard items adopt them (see planImport).
      const adopted = c.isRoot ? new Set<number>() : await adoptedItemIds(core.db, c.unit.id);
      const standard = c.isRoot ? [] : (await listStandardItems(core.db, c.rootUnitId)).map((row) => ({ ...itemData(row, nameOf.get(row.domainId) ?? ''), adopted: adopted.has(row.id) }));
      const plan = planImport(
        existing.map((row) => itemData(row, nameOf.get(row.domainId) ?? '')),
        parsed.items,
        names,
        parsed.columns.domain ?? '',
        standard,
      );
      const cityUnits = await listUnitsOfRoot(core.db, c.rootUnitId);
      const all = sortProblems([...problems, ...plan.problems, ...publisherProblems(parsed.items, cityUnits, parsed.columns.publisher ?? '')]);
      const blocked = all.some((p) => p.severity === 'error');
      let sealed = blocked
        ? null
        : sealImport({ v: 1, unitId: c.unit.id, userId, reason, fileName: file.filename, issuedAt: core.clock.now().getTime(), items: plan.items }, await signingKey());
      const tooLarge = !!sealed && sealed.data.length + sealed.sig.length + 4096 > confirmLimit;
      if (tooLarge) sealed = null;
      log.info({ rows: parsed.items.length, problems: all.length, ms: Date.now() - started }, 'catalog import preview');
      return { kind: 'preview', sheetName: sheet.sheetName, title: parsed.title, dataRows: parsed.items.length, problems: all, plan, blocked, sealed, tooLarge };
    },

    async open(c, userId, data, sig) {
      const opened = openImport(data, sig, await signingKey(), core.clock.now().getTime());
      if (!opened.ok) {
        return {
          ok: false,
          message: opened.reason === 'expired' ? '导入预览已超过2小时，请重新上传文件。' : '导入数据无法验证（可能在预览后被改动），没有保存任何内容，请重新上传文件。',
        };
      }
      if (opened.payload.unitId !== c.unit.id || opened.payload.userId !== userId) {
        return { ok: false, message: '该导入预览不属于本目录或不是由您生成的，没有保存任何内容，请重新上传文件。' };
      }
      return opened;
    },

    async start(c, actor, userId, payload, log) {
      return startImportRun(
        core,
        actor,
        { unitId: c.unit.id, staffUserId: userId, fileName: payload.fileName, rootUnitId: c.rootUnitId, ownerUnitId: c.isRoot ? null : c.unit.id, items: payload.items, reason: payload.reason },
        log,
      );
    },
  };
}
