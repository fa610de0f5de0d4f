// The report as an Excel workbook: one sheet per table section (merged headers and labels exactly as
// printed, domain/layout.ts) and one with the text. Numbers are numbers; 万元 amounts are numbers with
// their decimals; a figure not yet entered stays an empty cell.
import { wrappedLines } from '../../../core/xlsx/print.ts';
import ExcelJS from 'exceljs';
import { SECTION_HEADINGS, TEXT_SECTIONS } from '../domain/template.ts';
import { placeCells, section2Layout, section3Layout, section4Layout, type LayoutTable } from '../domain/layout.ts';
import { paragraphsOf, type ReportDocumentData } from '../domain/report-view.ts';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 10.5 };

/** Writes a layout table starting at `startRow` (1-based); returns the next free row. */
function writeTable(sheet: ExcelJS.Worksheet, t: LayoutTable, startRow: number): number {
  const columns = t.widths.length;
  let row = startRow;
  if (t.captionRow) {
    sheet.mergeCells(row, 1, row, columns);
    const c = sheet.getCell(row, 1);
    c.value = t.caption;
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    for (let i = 1; i <= columns; i++) sheet.getCell(row, i).border = BORDER;
    row++;
  }
  const rows = [...t.head, ...t.body];
  for (const cell of placeCells(rows, columns)) {
    const r = row + cell.row;
    const c = cell.col + 1;
    const r2 = r + (cell.rowSpan ?? 1) - 1;
    const c2 = c + (cell.colSpan ?? 1) - 1;
    if (r2 > r || c2 > c) sheet.mergeCells(r, c, r2, c2);
    const target = sheet.getCell(r, c);
    if (cell.cellId !== undefined) {
      const v = cell.value;
      target.value = v === null || v === undefined ? null : typeof v === 'number' ? v : Number(v);
      if (typeof v === 'string') target.numFmt = '0.00##';
      target.alignment = { horizontal: 'center', vertical: 'middle' };
      target.font = FONT;
    } else {
      target.value = cell.text;
      const header = cell.scope === 'col' || cell.scope === 'colgroup' || cell.scope === undefined;
      target.alignment = { horizontal: header ? 'center' : 'left', vertical: 'middle', wrapText: true };
      target.font = { ...FONT, bold: header };
    }
    for (let i = r; i <= r2; i++) for (let j = c; j <= c2; j++) sheet.getCell(i, j).border = BORDER;
  }
  return row + rows.length;
}

function titleRow(sheet: ExcelJS.Worksheet, text: string, columns: number): void {
  sheet.mergeCells(1, 1, 1, columns);
  const c = sheet.getCell(1, 1);
  c.value = text;
  c.font = { name: '黑体', size: 14, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 30;
}

/** The text sheet's one column (characters) and the line height of its 12 pt text (points). */
const TEXT_WIDTH = 100;
const TEXT_LINE_HEIGHT = 17;

export async function renderReportXlsx(r: ReportDocumentData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  wb.title = r.title;

  const s2 = wb.addWorksheet('二、主动公开', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  s2.columns = [{ width: 26 }, { width: 16 }, { width: 16 }, { width: 16 }];
  titleRow(s2, `${r.title}\n${SECTION_HEADINGS.proactive}`, 4);
  s2.getRow(1).height = 42;
  let next = 3;
  for (const t of section2Layout(r.tables)) next = writeTable(s2, t, next) + 1;

  const s3 = wb.addWorksheet('三、依申请公开', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  s3.columns = [{ width: 8 }, { width: 12 }, { width: 40 }, ...Array.from({ length: 7 }, () => ({ width: 9 }))];
  titleRow(s3, SECTION_HEADINGS.requests, 10);
  writeTable(s3, section3Layout(r.tables), 3);
  s3.getRow(3).height = 48;

  const s4 = wb.addWorksheet('四、复议诉讼', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  s4.columns = Array.from({ length: 15 }, () => ({ width: 9 }));
  titleRow(s4, SECTION_HEADINGS.remedies, 15);
  writeTable(s4, section4Layout(r.tables), 3);

  const text = wb.addWorksheet('报告正文', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 } } });
  text.columns = [{ width: TEXT_WIDTH }];
  text.getCell(1, 1).value = r.title;
  text.getCell(1, 1).font = { name: '黑体', size: 14, bold: true };
  const lines: { text: string; heading?: boolean }[] = [{ text: r.intro }];
  for (const section of TEXT_SECTIONS) {
    lines.push({ text: SECTION_HEADINGS[section], heading: true });
    for (const p of paragraphsOf(r.texts[section])) lines.push({ text: p });
  }
  lines.push({ text: '（表格见“二、主动公开”“三、依申请公开”“四、复议诉讼”工作表）' });
  lines.forEach((l, i) => {
    const c = text.getCell(i + 2, 1);
    c.value = l.text;
    c.alignment = { wrapText: true, vertical: 'top' };
    c.font = l.heading ? { name: '黑体', size: 12, bold: true } : { name: '仿宋', size: 12 };
    // Rows do not grow by themselves for wrapped text: give each paragraph its lines' height.
    const n = wrappedLines(l.text, TEXT_WIDTH);
    if (n > 1) text.getRow(i + 2).height = n * TEXT_LINE_HEIGHT;
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
