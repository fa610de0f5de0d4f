// Spreadsheets that print: staff print the exported lists and hand them round, so every exported sheet
// gets A4 paper, landscape when its columns are wider than a portrait page, all columns fitted to one
// page width, the header rows repeated on every page, thin borders, page numbers, and row heights for
// wrapped text (neither Excel nor LibreOffice grows a row for wrapped text that a library wrote).
import type ExcelJS from 'exceljs';

/** Sum of column widths (in characters) that fits a portrait A4 page at 100 %. */
const PORTRAIT_WIDTH = 95;
/** Points per line of 11 pt text. */
const LINE_HEIGHT = 15;
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };

/** Display width in character cells: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

/** Lines a text takes in a column `width` characters wide (wrapping at the edge and at line breaks). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split(/\r?\n/).reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/**
 * The height in points a row needs so that its wrapped cells show every line, or undefined when one
 * line is enough (for sheets laid out by hand, which call makePrintable's rule row by row).
 */
export function wrappedRowHeight(texts: readonly (string | number | null | undefined)[], widths: readonly number[]): number | undefined {
  let lines = 1;
  texts.forEach((t, i) => {
    if (t !== null && t !== undefined && widths[i] !== undefined) lines = Math.max(lines, wrappedLines(String(t), widths[i]!));
  });
  return lines > 1 ? lines * LINE_HEIGHT + 4 : undefined;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export interface PrintOptions {
  /** The row holding the column headers (1 when there is no title row above it). */
  headerRow: number;
  /** Force an orientation; by default landscape when the columns are wider than a portrait page. */
  orientation?: 'portrait' | 'landscape';
}

/** Call after the rows are written. */
export function makePrintable(ws: ExcelJS.Worksheet, opts: PrintOptions): void {
  const widths = (ws.columns ?? []).map((c) => c.width ?? 9);
  const total = widths.reduce((a, b) => a + b, 0);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: opts.orientation ?? (total > PORTRAIT_WIDTH ? 'landscape' : 'portrait'),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${opts.headerRow}`,
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [{ state: 'frozen', ySplit: opts.headerRow }];
  const header = ws.getRow(opts.headerRow);
  header.font = { ...header.font, bold: true };
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n < opts.headerRow) return; // the title above the table keeps its own look
    let lines = 1;
    for (let i = 1; i <= widths.length; i++) {
      const cell = row.getCell(i);
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: n === opts.headerRow ? 'middle' : 'top' };
      lines = Math.max(lines, wrappedLines(cellText(cell.value), widths[i - 1]!));
    }
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  });
}
