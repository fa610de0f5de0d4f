// Reads the first worksheet of an uploaded .xlsx into a grid of trimmed text, with merged ranges
// spread over their cells. Only I/O and value conversion here; the catalog rules are in parse-catalog.ts.
import ExcelJS from 'exceljs';
import type { ImportProblem } from '../domain/types.ts';
import { columnLetter, type SheetMerge } from './layout.ts';
import { checkZipArchive, DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipLimits } from '../../../core/files/zip.ts';

export type { SheetMerge };

export interface CatalogSheet {
  /** grid[r][c] is the text of sheet cell (row r + 1, column c + 1); every row has the same length. */
  grid: string[][];
  merges: SheetMerge[];
  problems: ImportProblem[];
  sheetName: string;
}

export interface ReadOptions {
  /** Largest accepted file in bytes (default 10 MB). */
  maxBytes?: number;
  /** Largest accepted number of rows (default 20,000). */
  maxRows?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 20_000;
/** 20,000 rows of long Chinese text unpack to about 25 MB; exceljs holds about ten times that. */
export const CATALOG_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 64 * 1024 * 1024 };
const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件，请上传按标准目录格式填写的 .xlsx 文件';

function fail(message: string): CatalogSheet {
  return { grid: [], merges: [], problems: [{ row: 0, column: '', message, severity: 'error' }], sheetName: '' };
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))}KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)}MB`;
}

/** Checks the container before parsing: size, emptiness, and the zip signature every .xlsx has. */
function checkContainer(buffer: Buffer, maxBytes: number): string | undefined {
  if (buffer.length === 0) return '文件为空（0字节），请选择要导入的 Excel（.xlsx）文件';
  if (buffer.length > maxBytes) return `文件超过${formatSize(maxBytes)}（本文件约${formatSize(buffer.length)}），请拆分后再导入`;
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    return '文件是旧版 Excel（.xls）或其他 Office 97–2003 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入';
  }
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304) return NOT_XLSX;
  return undefined;
}

// C0 controls other than tab and line feed never belong in catalog text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  // exceljs returns Excel serial dates as UTC instants.
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${day} ${pad(h)}:${pad(m)}` : day;
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

type Scalar = string | number | boolean | Date | null | undefined;

function scalarText(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return clean(v);
  if (typeof v === 'number') return numberText(v);
  // A TRUE cell counts as a mark; FALSE as empty.
  if (typeof v === 'boolean') return v ? '是' : '';
  if (v instanceof Date) return dateText(v);
  return '';
}

interface CellText {
  text: string;
  formula?: 'ok' | 'no_result' | 'error';
  error?: string;
}

function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) {
    return { text: scalarText(value as Scalar) };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { text: '', formula: 'no_result' };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return { text: '', formula: 'error', error: result.error };
    }
    return { text: scalarText(result as Scalar), formula: 'ok' };
  }
  if ('error' in value) return { text: '', error: value.error };
  if ('richText' in value) return { text: clean(value.richText.map((r) => r.text ?? '').join('')) };
  if ('hyperlink' in value) {
    const t = (value as { text: unknown }).text;
    if (t && typeof t === 'object' && 'richText' in t) {
      return { text: clean((t as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('')) };
    }
    return { text: typeof t === 'string' ? clean(t) : '' };
  }
  return { text: '' };
}

function parseRange(range: string): SheetMerge | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const a = { r: Number(m[2]), c: col(m[1]!) };
  const b = { r: Number(m[4]), c: col(m[3]!) };
  return {
    range,
    top: Math.min(a.r, b.r),
    left: Math.min(a.c, b.c),
    bottom: Math.max(a.r, b.r),
    right: Math.max(a.c, b.c),
  };
}

/** A workbook read sheet by sheet: every visible sheet in tab order, and the hidden ones by name. */
export interface CatalogWorkbook {
  sheets: CatalogSheet[];
  /** Hidden sheets (helper lists of templates): not read, listed so nothing goes unmentioned. */
  hiddenSheets: string[];
  /** Problems of the whole file (row 0): not an .xlsx, too large … */
  problems: ImportProblem[];
}

async function loadWorkbook(buffer: Buffer, maxBytes: number): Promise<ExcelJS.Workbook | string> {
  const bad = checkContainer(buffer, maxBytes);
  if (bad) return bad;
  // exceljs unpacks the whole workbook into memory: refuse a decompression bomb before it does.
  if (!Array.isArray(readZipDirectory(buffer))) return NOT_XLSX;
  const bomb = await checkZipArchive(buffer, CATALOG_ZIP_LIMITS);
  if (bomb) return bomb;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); it accepts Node's Buffer at run time.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return NOT_XLSX;
  }
  // A zip without worksheets is another kind of file (a .docx, a plain .zip).
  if (!workbook.worksheets.length) return NOT_XLSX;
  return workbook;
}

/**
 * Reads every visible worksheet of an .xlsx catalog (a real catalog has one sheet per domain, often
 * with a cover or notes sheet). Never throws for bad input: problems carry a Chinese message (row 0
 * for the whole file). The row limit counts the rows of all sheets together.
 */
export async function readCatalogWorkbookSheets(buffer: Buffer, options: ReadOptions = {}): Promise<CatalogWorkbook> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const workbook = await loadWorkbook(buffer, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (typeof workbook === 'string') return { sheets: [], hiddenSheets: [], problems: fail(workbook).problems };
  const visible = workbook.worksheets.filter((ws) => ws.state === 'visible');
  const hiddenSheets = workbook.worksheets.filter((ws) => ws.state !== 'visible').map((ws) => ws.name);
  // Every sheet hidden: read them all rather than nothing.
  const toRead = visible.length ? visible : workbook.worksheets;
  const sheets: CatalogSheet[] = [];
  let total = 0;
  for (const ws of toRead) {
    const sheet = readSheet(ws, maxRows);
    total += sheet.grid.length;
    if (sheet.problems.some((p) => p.row === 0 && p.severity === 'error')) return { sheets: [], hiddenSheets, problems: sheet.problems };
    if (total > maxRows) {
      return { sheets: [], hiddenSheets, problems: fail(`文件各工作表共有${total}行以上，超过了每次最多导入${maxRows}行的限制，请拆分后再导入`).problems };
    }
    sheets.push(sheet);
  }
  return { sheets, hiddenSheets: visible.length ? hiddenSheets : [], problems: [] };
}

/**
 * Reads the first visible worksheet of an .xlsx catalog (WPS and some templates put hidden helper
 * sheets first). Never throws for bad input: problems carry a Chinese message (row 0 for the whole file).
 */
export async function readCatalogWorkbook(buffer: Buffer, options: ReadOptions = {}): Promise<CatalogSheet> {
  const workbook = await loadWorkbook(buffer, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (typeof workbook === 'string') return fail(workbook);
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0]!;
  return readSheet(sheet, options.maxRows ?? DEFAULT_MAX_ROWS);
}

function readSheet(sheet: ExcelJS.Worksheet, maxRows: number): CatalogSheet {
  // Extent of the cells that hold values: rows formatted far below the table do not count.
  let rowCount = 0;
  let colCount = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    rowCount = r;
    row.eachCell({ includeEmpty: false }, (_, c) => {
      if (c > colCount) colCount = c;
    });
  });
  if (rowCount > maxRows) {
    return fail(`工作表「${sheet.name}」有${rowCount}行，超过了每次最多导入${maxRows}行的限制，请拆分后再导入`);
  }

  const problems: ImportProblem[] = [];
  const grid: string[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const cells = new Array<string>(colCount).fill('');
    grid.push(cells);
    const row = sheet.findRow(r);
    if (!row) continue;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged slaves are filled from their master below.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const t = cellText(cell.value);
      cells[c - 1] = t.text;
      const column = columnLetter(c - 1);
      if (t.formula === 'ok') {
        problems.push({ row: r, column, message: '单元格含公式，已按其计算结果读取', severity: 'warning' });
      } else if (t.formula === 'no_result') {
        problems.push({ row: r, column, message: '单元格含公式但没有保存计算结果，请在 Excel 中重新计算并保存，或改为直接填写文字', severity: 'error' });
      } else if (t.error) {
        problems.push({ row: r, column, message: `单元格的值是错误值 ${t.error}，请改正后再导入`, severity: 'error' });
      }
    });
  }

  const merges: SheetMerge[] = [];
  for (const range of sheet.model.merges ?? []) {
    const m = parseRange(range);
    if (!m) continue;
    merges.push(m);
    const text = grid[m.top - 1]?.[m.left - 1] ?? '';
    if (!text) continue;
    for (let r = m.top; r <= Math.min(m.bottom, rowCount); r++) {
      const cells = grid[r - 1]!;
      for (let c = m.left; c <= Math.min(m.right, colCount); c++) cells[c - 1] = text;
    }
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { grid, merges, problems, sheetName: sheet.name };
}
