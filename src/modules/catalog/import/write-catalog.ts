// Exports a catalog in the national layout (regulation notes §3.3) as .xlsx, and as CSV and JSON.
// readCatalogWorkbook + parseCatalog read back exactly what writeCatalogWorkbook writes.
import ExcelJS from 'exceljs';
import type { CatalogItemData } from '../domain/types.ts';
import { writtenBasis, writtenChannels } from '../domain/written.ts';
import { wrappedRowHeight } from '../../../core/xlsx/print.ts';
import { CHECK_MARK, DEFAULT_LABELS, domainFromTitle, type CatalogLabels } from './layout.ts';

interface SheetColumn {
  key: string;
  /** Top header line; for grouped columns the group label. */
  top: string;
  /** Second header line; undefined for single columns merged over both lines. */
  sub?: string;
  width: number;
  mark?: boolean;
  value: (item: CatalogItemData, index: number) => string | number | null;
}

const mark = (b: boolean) => (b ? CHECK_MARK : '');
/** Unmarked cells stay empty in the sheet. */
const cellMark = (b: boolean) => (b ? CHECK_MARK : null);

/** 公开渠道和载体 as one cell: exactly as written (items saved before it was kept: the names joined by 、). */
export function channelsText(item: Pick<CatalogItemData, 'channels' | 'customChannels' | 'channelsText'>): string {
  return writtenChannels(item);
}

/** 公开依据 as one cell: exactly as written (items saved before it was kept: the sources joined by 、). */
export function basisText(item: Pick<CatalogItemData, 'basis' | 'basisText'>): string {
  return writtenBasis(item);
}

function sheetColumns(labels: CatalogLabels, withDomain: boolean): SheetColumn[] {
  const cols: SheetColumn[] = [{ key: 'seq', top: '序号', width: 6, value: (_, i) => i + 1 }];
  if (withDomain) cols.push({ key: 'domain', top: '领域', width: 12, value: (it) => it.domainName });
  cols.push(
    { key: 'level1', top: '公开事项', sub: '一级事项', width: 14, value: (it) => it.level1 },
    { key: 'level2', top: '公开事项', sub: '二级事项', width: 20, value: (it) => it.level2 },
    { key: 'content', top: labels.content, width: 48, value: (it) => it.content },
    { key: 'basis', top: '公开依据', width: 36, value: basisText },
    { key: 'timeLimit', top: '公开时限', width: 22, value: (it) => it.timeLimitText },
    { key: 'publisher', top: '公开主体', width: 18, value: (it) => it.publisherText },
    { key: 'channels', top: '公开渠道和载体', width: 24, value: channelsText },
    { key: 'society', top: '公开对象', sub: labels.society, width: 8, mark: true, value: (it) => cellMark(it.audience.society) },
    { key: 'specificGroup', top: '公开对象', sub: labels.specificGroup, width: 8, mark: true, value: (it) => cellMark(it.audience.specificGroup) },
    { key: 'proactive', top: '公开方式', sub: labels.proactive, width: 8, mark: true, value: (it) => cellMark(it.mode.proactive) },
    { key: 'onRequest', top: '公开方式', sub: labels.onRequest, width: 8, mark: true, value: (it) => cellMark(it.mode.onRequest) },
    { key: 'county', top: '公开层级', sub: labels.county, width: 8, mark: true, value: (it) => cellMark(it.level.county) },
    { key: 'township', top: '公开层级', sub: labels.township, width: 8, mark: true, value: (it) => cellMark(it.level.township) },
  );
  return cols;
}

/** Whether the sheet needs a 领域 column: the title alone must identify every item's domain. */
export function needsDomainColumn(title: string, items: readonly CatalogItemData[]): boolean {
  const domains = new Set(items.map((i) => i.domainName));
  if (domains.size > 1) return true;
  const only = [...domains][0];
  return only !== undefined && domainFromTitle(title) !== only;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Writes the catalog as .xlsx: title row, two-row header with merged group headers, level-1 cells
 * merged over consecutive rows, √ marks, borders, wrapped text and a frozen header.
 * A 领域 column is added after 序号 when the title does not name the (single) domain.
 */
export async function writeCatalogWorkbook(
  title: string,
  items: readonly CatalogItemData[],
  labels: Partial<CatalogLabels> = {},
): Promise<Buffer> {
  const l: CatalogLabels = { ...DEFAULT_LABELS, ...labels };
  const withDomain = needsDomainColumn(title, items);
  const cols = sheetColumns(l, withDomain);
  const n = cols.length;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai';
  const sheet = workbook.addWorksheet('标准目录', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:3',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = cols.map((c) => ({ key: c.key, width: c.width }));

  // Title row
  sheet.mergeCells(1, 1, 1, n);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: '宋体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 32;

  // Two-row header: single columns merged vertically, groups merged horizontally.
  for (let i = 0; i < n; i++) {
    const c = cols[i]!;
    if (c.sub === undefined) {
      sheet.getCell(2, i + 1).value = c.top;
      sheet.mergeCells(2, i + 1, 3, i + 1);
    } else {
      sheet.getCell(3, i + 1).value = c.sub;
      if (i === 0 || cols[i - 1]!.top !== c.top) {
        let end = i;
        while (end + 1 < n && cols[end + 1]!.top === c.top && cols[end + 1]!.sub !== undefined) end++;
        sheet.getCell(2, i + 1).value = c.top;
        if (end > i) sheet.mergeCells(2, i + 1, 2, end + 1);
      }
    }
  }
  for (const r of [2, 3]) {
    const row = sheet.getRow(r);
    row.height = 22;
    for (let i = 1; i <= n; i++) {
      const cell = row.getCell(i);
      cell.font = { name: '宋体', size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.border = BORDER;
    }
  }

  // Data rows
  const first = 4;
  items.forEach((item, idx) => {
    const row = sheet.getRow(first + idx);
    const values = cols.map((c) => c.value(item, idx));
    row.values = values;
    // Neither Excel nor LibreOffice grows a row for text a library wrapped: give it the lines it needs.
    const height = wrappedRowHeight(values, cols.map((c) => c.width));
    if (height) row.height = height;
    for (let i = 0; i < n; i++) {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      cell.alignment = cols[i]!.mark || i === 0
        ? { horizontal: 'center', vertical: 'middle' }
        : { horizontal: 'left', vertical: 'middle', wrapText: true };
    }
  });

  // Merge level-1 (and 领域) cells over consecutive rows with the same value.
  const mergeRuns = (colIndex: number, keyOf: (it: CatalogItemData) => string) => {
    let start = 0;
    for (let i = 1; i <= items.length; i++) {
      if (i < items.length && keyOf(items[i]!) === keyOf(items[start]!)) continue;
      if (i - start > 1) sheet.mergeCells(first + start, colIndex + 1, first + i - 1, colIndex + 1);
      start = i;
    }
  };
  if (withDomain) mergeRuns(cols.findIndex((c) => c.key === 'domain'), (it) => it.domainName);
  mergeRuns(cols.findIndex((c) => c.key === 'level1'), (it) => `${it.domainName}\u0000${it.level1}`);

  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// CSV and JSON

const CSV_HEADER = [
  '序号', '领域', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体',
  '公开对象-全社会', '公开对象-特定群体', '公开方式-主动', '公开方式-依申请', '公开层级-县级', '公开层级-乡级',
];

/** One CSV field: RFC 4180 quoting, and a leading ' before = + - @ so spreadsheets never run it as a formula. */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV for Excel/WPS: UTF-8 with BOM, CRLF line ends, one row per level-2 item. */
export function catalogToCsv(items: readonly CatalogItemData[], labels: Partial<CatalogLabels> = {}): string {
  const l: CatalogLabels = { ...DEFAULT_LABELS, ...labels };
  const header = CSV_HEADER.map((h) =>
    h
      .replace('公开内容（要素）', l.content)
      .replace('-全社会', `-${l.society}`)
      .replace('-特定群体', `-${l.specificGroup}`)
      .replace('-主动', `-${l.proactive}`)
      .replace('-依申请', `-${l.onRequest}`)
      .replace('-县级', `-${l.county}`)
      .replace('-乡级', `-${l.township}`),
  );
  const lines = [header.map(csvField).join(',')];
  items.forEach((it, i) => {
    lines.push(
      [
        String(i + 1), it.domainName, it.level1, it.level2, it.content, basisText(it), it.timeLimitText, it.publisherText,
        channelsText(it), mark(it.audience.society), mark(it.audience.specificGroup), mark(it.mode.proactive),
        mark(it.mode.onRequest), mark(it.level.county), mark(it.level.township),
      ]
        .map(csvField)
        .join(','),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** JSON export: the items with their computable time-limit rules (import metadata such as sourceRow dropped). */
export function catalogToJson(items: readonly CatalogItemData[], title?: string): string {
  const clean = items.map((it) => ({
    domainName: it.domainName,
    level1: it.level1,
    level2: it.level2,
    content: it.content,
    basis: it.basis,
    basisText: writtenBasis(it),
    timeLimitText: it.timeLimitText,
    timeLimitRule: it.timeLimitRule,
    publisherText: it.publisherText,
    channels: it.channels,
    customChannels: it.customChannels,
    channelsText: writtenChannels(it),
    audience: it.audience,
    mode: it.mode,
    level: it.level,
  }));
  return JSON.stringify(title === undefined ? { items: clean } : { title, items: clean }, null, 2);
}
