// What a confirmed catalog import shows while it is saved and after (core/import-runs words the
// progress; here the catalog's result sentence). Pure: the row and the current time come in.
import { importRunStatus as coreStatus, type ImportRunFacts, type ImportRunStatus } from '../../../core/import-runs/status.ts';

export { IMPORT_RUN_STALE_MS, type ImportRunState, type ImportRunStatus } from '../../../core/import-runs/status.ts';

export interface CatalogRunResult {
  created: number;
  updated: number;
  adopted?: number;
  unchanged: number;
  version: number | null;
}

export function importRunStatus(run: ImportRunFacts<CatalogRunResult>, now: Date): ImportRunStatus {
  return coreStatus(run, now, {
    target: '目录',
    doneMessage: (r) =>
      `导入完成：新增${r.created}项，修改${r.updated}项，${r.adopted ? `采用标准事项${r.adopted}项，` : ''}不变${r.unchanged}项${r.version ? `，目录已更新为第${r.version}版` : '，目录没有变化'}。`,
  });
}
