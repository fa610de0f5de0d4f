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
import { adoptionRefusal } from '../domain/adoption.ts';
import { listUnitsOfRoot } from '../../units/index.ts';
import { itemData, listDomains } from '../data/repository.ts';
import { adoptedItemIds, listImportTargets, listStandardItems } from '../data/staff-queries.ts';
import { startImportRun } from '../service-import-run.ts';
import { readCatalogWorkbookSheets } from '../import/read-sheet.ts';
import { choiceOfLevel, defaultLevelFor, levelOfChoice, parseCatalogWorkbook, type LevelChoice, type SheetSummary } from '../import/parse-workbook.ts';
import { formatImportProblem } from '../import/layout.ts';
import type { CatalogUnit } from './staff-common.ts';
import { openImport, sealImport, type ImportPayload, type Sealed } from './import-token.ts';

/** Problems by sheet (in workbook order), then row and column; the whole file's first. */
export function sortProblems(problems: ImportProblem[], sheetOrder: readonly string[] = []): ImportProblem[] {
  const col = (c: string) => c.length * 100 + (c ? c.charCodeAt(c.length - 1) : 0);
  const order = new Map(sheetOrder.map((name, i) => [name, i]));
  const sheet = (p: ImportProblem) => (p.sheet === undefined ? -1 : (order.get(p.sheet) ?? sheetOrder.length));
  return [...problems].sort((a, b) => sheet(a) - sheet(b) || a.row - b.row || col(a.column) - col(b.column));
}

/** One sheet of the preview: what was read and what would become of its rows. */
export interface SheetPreview extends SheetSummary {
  create: number;
  update: number;
  adopt: number;
  unchanged: number;
  /** Rows with an error (in the sheet or against the catalog): the import cannot be saved until fixed. */
  refusedRows: number;
  /** Rows not imported because a later row describes the same item. */
  repeated: number;
  /** For a sheet without 公开层级 columns: the level applied unless the person importing changes it. */
  levelChoice?: LevelChoice;
}

export type PreviewOutcome =
  | { kind: 'unreadable'; message: string; messages: string[]; problems: ImportProblem[] }
  | {
      kind: 'preview';
      sheetName: string;
      sheets: SheetPreview[];
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
  /** Starts saving an opened preview, with the levels chosen for sheets without 公开层级 columns; returns the import run's code. */
  start(c: CatalogUnit, actor: Actor, userId: number, payload: ImportPayload, log: FastifyBaseLogger, levels?: ReadonlyMap<number, LevelChoice>): Promise<string>;
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
      const workbook = await readCatalogWorkbookSheets(file.bytes, { maxBytes: core.config.uploadLimitBytes });
      const defaultLevel = defaultLevelFor(c.unit.type);
      const parsed = workbook.problems.length
        ? undefined
        : parseCatalogWorkbook(workbook.sheets, workbook.hiddenSheets, { parseTimeLimit, defaultDomain: defaultDomain || undefined, defaultLevel });
      const sheetOrder = parsed?.sheets.map((s) => s.name) ?? [];
      const problems = [...workbook.problems, ...(parsed?.problems ?? [])];
      const errors = problems.filter((p) => p.severity === 'error');
      // A file that yields nothing usable (not an xlsx, no catalog sheet, missing columns …): every sheet's reason listed.
      if (!parsed || parsed.items.length === 0) {
        const listed = parsed && !errors.length ? problems : errors;
        const sorted = sortProblems(listed, sheetOrder);
        const messages = sorted.map(formatImportProblem);
        return { kind: 'unreadable', message: `文件“${file.filename}”无法导入：${messages[0] ?? '没有读到任何事项'}`, messages, problems: sorted };
      }
      const existing = await listImportTargets(core.db, c.rootUnitId, c.isRoot ? null : c.unit.id);
      const nameOf = new Map(domains.map((d) => [d.id, d.name]));
      // A department or township: rows naming the city's standard items adopt them (see planImport).
      const adopted = c.isRoot ? new Set<number>() : await adoptedItemIds(core.db, c.unit.id);
      const standard = c.isRoot ? [] : (await listStandardItems(core.db, c.rootUnitId)).map((row) => ({ ...itemData(row, nameOf.get(row.domainId) ?? ''), adopted: adopted.has(row.id) }));
      const domainColumn = parsed.sheets.find((s) => s.columns.domain)?.columns.domain ?? '';
      const plan = planImport(
        existing.map((row) => itemData(row, nameOf.get(row.domainId) ?? '')),
        parsed.items,
        names,
        domainColumn,
        standard,
        (item) => adoptionRefusal(c.unit, item),
      );
      const cityUnits = await listUnitsOfRoot(core.db, c.rootUnitId);
      const publisherWarnings = parsed.sheets.flatMap((s) =>
        publisherProblems(parsed.items.filter((it) => it.sourceSheet === s.name), cityUnits, s.columns.publisher ?? '').map((p) => ({ ...p, sheet: s.name })),
      );
      // A single-sheet file keeps the plain "第12行 E列" addresses.
      const single = parsed.sheets.length === 1;
      const all = sortProblems([...problems, ...plan.problems, ...publisherWarnings], sheetOrder).map((p) => (single && p.sheet ? { ...p, sheet: undefined } : p));
      const blocked = all.some((p) => p.severity === 'error');
      const sheets = sheetPreviews(parsed.sheets, plan, all, defaultLevel);
      const levelSheets = sheets
        .filter((s) => s.levelChoice)
        .map((s) => ({ name: s.name, items: plan.rows.flatMap((r, i) => (r.sourceSheet === s.name ? [i] : [])) }));
      let sealed = blocked
        ? null
        : sealImport(
            { v: 1, unitId: c.unit.id, userId, reason, fileName: file.filename, issuedAt: core.clock.now().getTime(), items: plan.items, ...(levelSheets.length ? { levelSheets } : {}) },
            await signingKey(),
          );
      const tooLarge = !!sealed && sealed.data.length + sealed.sig.length + 4096 > confirmLimit;
      if (tooLarge) sealed = null;
      const read = parsed.sheets.filter((s) => s.status === 'read');
      log.info({ sheets: parsed.sheets.length, read: read.length, rows: parsed.items.length, problems: all.length, ms: Date.now() - started }, 'catalog import preview');
      return {
        kind: 'preview',
        sheetName: read.map((s) => s.name).join('、'),
        sheets,
        title: read.length === 1 ? read[0]!.title : '',
        dataRows: parsed.items.length,
        problems: all,
        plan,
        blocked,
        sealed,
        tooLarge,
      };
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

    async start(c, actor, userId, payload, log, levels = new Map()) {
      const items = withChosenLevels(payload, levels);
      return startImportRun(
        core,
        actor,
        { unitId: c.unit.id, staffUserId: userId, fileName: payload.fileName, rootUnitId: c.rootUnitId, ownerUnitId: c.isRoot ? null : c.unit.id, items, reason: payload.reason },
        log,
      );
    },
  };
}

/** Per sheet: what was read (from the parser) and what the plan does with its rows. */
function sheetPreviews(summaries: SheetSummary[], plan: ImportPlan, problems: ImportProblem[], defaultLevel: { county: boolean; township: boolean }): SheetPreview[] {
  return summaries.map((s) => {
    const rows = plan.rows.filter((r) => r.sourceSheet === s.name);
    const count = (a: string) => rows.filter((r) => r.action === a).length;
    const errorRows = new Set(problems.filter((p) => (p.sheet ?? summaries[0]!.name) === s.name && p.severity === 'error' && p.row > 0).map((p) => p.row));
    for (const r of plan.refused) if (r.sheet === s.name) errorRows.add(r.sourceRow);
    const repeated = s.items - rows.length - plan.refused.filter((r) => r.sheet === s.name).length;
    return {
      ...s,
      create: count('create'),
      update: count('update'),
      adopt: count('adopt'),
      unchanged: count('unchanged'),
      refusedRows: errorRows.size,
      repeated: Math.max(0, repeated),
      ...(s.status === 'read' && s.levelMissing ? { levelChoice: choiceOfLevel(defaultLevel) } : {}),
    };
  });
}

const LEVEL_CHOICES: ReadonlySet<string> = new Set(['county', 'township', 'both']);

/** A chosen level from a form or JSON value; undefined when it is not one of the three. */
export function parseLevelChoice(value: unknown): LevelChoice | undefined {
  return typeof value === 'string' && LEVEL_CHOICES.has(value) ? (value as LevelChoice) : undefined;
}

/** The payload's items with the level chosen for each sheet that had no 公开层级 columns. */
export function withChosenLevels(payload: ImportPayload, levels: ReadonlyMap<number, LevelChoice>): ImportPayload['items'] {
  if (!payload.levelSheets?.length || !levels.size) return payload.items;
  const items = [...payload.items];
  payload.levelSheets.forEach((sheet, i) => {
    const choice = levels.get(i);
    if (!choice) return;
    for (const at of sheet.items) if (items[at]) items[at] = { ...items[at]!, level: levelOfChoice(choice) };
  });
  return items;
}
