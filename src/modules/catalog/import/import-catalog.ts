// The whole import step for the preview: read the .xlsx, parse it, one sorted list of problems.
import type { ImportProblem } from '../domain/types.ts';
import { parseCatalog, type ParseCatalogOptions, type ParsedCatalog } from './parse-catalog.ts';
import { readCatalogWorkbook, type ReadOptions } from './read-sheet.ts';
import { DEFAULT_LABELS } from './layout.ts';

export interface CatalogImportPreview extends ParsedCatalog {
  /** False when any problem is an error: saving is all or nothing. */
  canSave: boolean;
}

function columnIndex(letter: string): number {
  return [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** File-level problems first, then by row and column; the order within a cell is kept. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || columnIndex(a.p.column) - columnIndex(b.p.column) || a.i - b.i)
    .map((x) => x.p);
}

export async function importCatalogWorkbook(buffer: Buffer, options: ParseCatalogOptions & ReadOptions): Promise<CatalogImportPreview> {
  const sheet = await readCatalogWorkbook(buffer, options);
  if (sheet.problems.some((p) => p.row === 0 && p.severity === 'error')) {
    return { items: [], problems: sheet.problems, title: '', headerRow: 0, labels: { ...DEFAULT_LABELS }, columns: {}, levelMissing: false, rows: new Map(), canSave: false };
  }
  const parsed = parseCatalog(sheet.grid, sheet.merges, options);
  const problems = sortProblems([...sheet.problems, ...parsed.problems]);
  const canSave = !problems.some((p) => p.severity === 'error');
  // Nothing is half-imported: with any error there are no items to save.
  return { ...parsed, items: canSave ? parsed.items : [], problems, canSave };
}
