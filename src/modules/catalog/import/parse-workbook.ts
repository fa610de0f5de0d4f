// A catalog workbook sheet by sheet: real catalogs come as one sheet per domain (14 or more), often
// with a cover or notes sheet. Every sheet with a catalog header is parsed; every other sheet is listed
// as skipped with the reason, and every row under a header is accounted for (an item, refused with an
// error, or skipped with a note), so nothing is left out without being listed. Pure.
import type { CatalogItemData, ImportProblem } from '../domain/types.ts';
import { parseCatalog, type ImportedCatalogItem, type ParseCatalogOptions, type RowOutcome } from './parse-catalog.ts';
import type { CatalogLabels, ColumnKey, SheetMerge } from './layout.ts';

export interface WorkbookSheetInput {
  sheetName: string;
  grid: string[][];
  merges: SheetMerge[];
  problems: ImportProblem[];
}

export interface SheetSummary {
  /** 0-based position among the sheets read. */
  index: number;
  name: string;
  /** read: a catalog sheet; skipped: no catalog in it (cover, notes, empty, hidden), with the reason. */
  status: 'read' | 'skipped';
  reason: string;
  title: string;
  /** Non-empty rows under the header. */
  rowsRead: number;
  items: number;
  refused: number;
  /** Rows listed with a note and not imported (note lines, 序号 only …). */
  skippedRows: number;
  /** No 公开层级 columns: the level is chosen for the whole sheet. */
  levelMissing: boolean;
  labels: CatalogLabels;
  columns: Partial<Record<ColumnKey, string>>;
}

export interface ParsedWorkbook {
  sheets: SheetSummary[];
  /** Items of every sheet read, in sheet then row order, each knowing its sheet. */
  items: (ImportedCatalogItem & { sourceSheet: string })[];
  /** Problems of every sheet, each with its sheet name; skipped sheets as one warning each. */
  problems: ImportProblem[];
}

const countOf = (rows: Map<number, RowOutcome>, kind: RowOutcome) => [...rows.values()].filter((v) => v === kind).length;

/** Why a sheet without a catalog header is skipped, from parseCatalog's whole-sheet message. */
function skipReason(message: string): string {
  if (message.startsWith('工作表是空的')) return '工作表是空的';
  if (message.startsWith('未找到标准目录的表头')) return '没有标准目录的表头（如封面、说明页），不是目录表';
  return message;
}

/**
 * Parses each sheet. A sheet is skipped (listed with its reason, not an error) when it is empty or has
 * no catalog header; a sheet with a header is read, and its problems (missing columns, bad rows) count
 * as usual. Hidden sheets are listed as skipped.
 */
export function parseCatalogWorkbook(
  sheets: readonly WorkbookSheetInput[],
  hiddenSheets: readonly string[],
  options: ParseCatalogOptions,
): ParsedWorkbook {
  const out: ParsedWorkbook = { sheets: [], items: [], problems: [] };
  const several = sheets.length + hiddenSheets.length > 1;
  sheets.forEach((sheet, index) => {
    const parsed = parseCatalog(sheet.grid, sheet.merges, { ...options, sheetName: sheet.sheetName });
    const base = { index, name: sheet.sheetName, title: parsed.title, labels: parsed.labels, columns: parsed.columns, levelMissing: parsed.levelMissing };
    // A single-sheet file keeps the plain "第12行 E列" addresses.
    const tag = (p: ImportProblem): ImportProblem => (several ? { ...p, sheet: sheet.sheetName } : p);
    if (parsed.headerRow === 0) {
      const reason = skipReason(parsed.problems.find((p) => p.row === 0)?.message ?? '没有标准目录的表头');
      out.sheets.push({ ...base, status: 'skipped', reason, rowsRead: 0, items: 0, refused: 0, skippedRows: 0 });
      out.problems.push({ row: 0, column: '', message: `未导入：${reason}`, severity: 'warning', sheet: sheet.sheetName });
      return;
    }
    if (parsed.problems.some((p) => p.row === 0 && p.message === '表头下面没有任何事项')) {
      const reason = '表头下面没有任何事项';
      out.sheets.push({ ...base, status: 'skipped', reason, rowsRead: 0, items: 0, refused: 0, skippedRows: 0 });
      out.problems.push({ row: 0, column: '', message: `未导入：${reason}`, severity: 'warning', sheet: sheet.sheetName });
      return;
    }
    out.problems.push(...sheet.problems.map(tag), ...parsed.problems.map(tag));
    out.items.push(...parsed.items.map((it) => ({ ...it, sourceSheet: sheet.sheetName })));
    out.sheets.push({
      ...base,
      status: 'read',
      reason: '',
      rowsRead: parsed.rows.size,
      items: parsed.items.length,
      refused: countOf(parsed.rows, 'refused'),
      skippedRows: countOf(parsed.rows, 'skipped'),
    });
  });
  for (const name of hiddenSheets) {
    out.sheets.push({
      index: out.sheets.length, name, status: 'skipped', reason: '隐藏的工作表', title: '', rowsRead: 0, items: 0, refused: 0, skippedRows: 0,
      levelMissing: false, labels: out.sheets[0]?.labels ?? ({} as CatalogLabels), columns: {},
    });
    out.problems.push({ row: 0, column: '', message: '未导入：隐藏的工作表（如需导入，请在 Excel 中取消隐藏后重新上传）', severity: 'warning', sheet: name });
  }
  return out;
}

/** The 公开层级 a sheet without level columns gets by default: 乡级 for a township, otherwise 县级. */
export function defaultLevelFor(unitType: string): CatalogItemData['level'] {
  return unitType === 'township' ? { county: false, township: true } : { county: true, township: false };
}

export type LevelChoice = 'county' | 'township' | 'both';

export const LEVEL_CHOICE_LABELS: Record<LevelChoice, string> = { county: '县级', township: '乡级', both: '县级和乡级' };

export function levelOfChoice(choice: LevelChoice): CatalogItemData['level'] {
  return { county: choice !== 'township', township: choice !== 'county' };
}

export function choiceOfLevel(level: CatalogItemData['level']): LevelChoice {
  return level.county && level.township ? 'both' : level.township ? 'township' : 'county';
}
