// A confirmed catalog import is saved as a core import run (core/import-runs): the run row records the
// rows saved so far, then the result. Saving itself stays all or nothing (service.importItems, one
// transaction): a failed or interrupted run leaves the catalog as it was.
import type { Core } from '../../core/services.ts';
import type { Actor } from '../../core/audit/index.ts';
import * as runs from '../../core/import-runs/run.ts';
import type { CatalogItemData } from './domain/types.ts';
import type { ImportRunResult } from './data/schema.ts';
import { importItems } from './service.ts';

export type ImportRunRow = Omit<runs.ImportRunRow, 'result'> & { result: ImportRunResult | null };

export const KIND = 'catalog';

export interface StartImportInput {
  unitId: number;
  staffUserId: number;
  fileName: string;
  rootUnitId: number;
  ownerUnitId: number | null;
  items: CatalogItemData[];
  reason: string;
}

/** Records the run and starts saving; returns at once with the run's code. */
export async function startImportRun(core: Core, actor: Actor, input: StartImportInput, log?: { info(o: object, m: string): void; error(o: object, m: string): void }): Promise<string> {
  const total = input.items.length;
  // The items were read and checked in the preview before the run starts.
  return runs.startImportRun(
    core,
    { kind: KIND, unitId: input.unitId, staffUserId: input.staffUserId, fileName: input.fileName, totalRows: total, readRows: total, checkedRows: total },
    async (progress) => {
      const result = await importItems(core, actor, {
        rootUnitId: input.rootUnitId,
        ownerUnitId: input.ownerUnitId,
        items: input.items,
        reason: input.reason,
        onProgress: (done, all) => {
          log?.info({ done, total: all }, 'catalog import progress');
          progress.saved(done);
        },
      });
      if (!result.ok) return { ok: false, errors: Object.values(result.errors) };
      const { created, updated, adopted, unchanged, version } = result;
      const summary: ImportRunResult = { created, updated, adopted, unchanged, version, versionedUnits: result.versionedUnits.length };
      return { ok: true, result: { ...summary } };
    },
    log,
  );
}

/** At start: this kind's runs whose process is gone are marked interrupted (see core/import-runs). */
export function markOrphanedImportRuns(core: Core): Promise<number> {
  return runs.markOrphanedImportRuns(core, KIND);
}

export const waitForImportRun = runs.waitForImportRun;
export const waitForAllImportRuns = runs.waitForAllImportRuns;

export async function findImportRun(core: Core, code: string): Promise<ImportRunRow | undefined> {
  return (await runs.findImportRun(core, KIND, code)) as ImportRunRow | undefined;
}
