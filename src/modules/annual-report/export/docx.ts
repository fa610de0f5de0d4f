// The report as a Word document laid out like a published report: title in 2号 小标宋, section headings
// in 3号 黑体, body in 3号 仿宋 with a two-character indent (GB/T 9704-2012), and the tables of
// 国办公开办函〔2021〕30号 with their merged header and label cells (domain/layout.ts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { SECTION_HEADINGS, TEXT_SECTIONS } from '../domain/template.ts';
import { placeCells, section2Layout, section3Layout, section4Layout, type LayoutCell, type LayoutTable } from '../domain/layout.ts';
import { chineseDate, isSubheading, paragraphsOf, type ReportDocumentData } from '../domain/report-view.ts';

const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const SUBHEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体_GB2312' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
// Half-points: 2号 = 22 pt, 3号 = 16 pt, 五号 = 10.5 pt, 小五 = 9 pt.
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const LINE_TWIPS = 578;
const PAGE_WIDTH_MM = 210;
const SIDE_MARGIN_MM = 26;
const TABLE_TWIPS = convertMillimetersToTwip(PAGE_WIDTH_MM - 2 * SIDE_MARGIN_MM);

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function body(text: string): Paragraph {
  const sub = isSubheading(text);
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLineChars: 200, firstLine: 2 * BODY_SIZE * 10 },
    spacing: { line: LINE_TWIPS },
    children: [new TextRun({ text, font: sub ? SUBHEADING_FONT : BODY_FONT, size: BODY_SIZE })],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLineChars: 200, firstLine: 2 * BODY_SIZE * 10 },
    spacing: { line: LINE_TWIPS, before: LINE_TWIPS / 2 },
    keepNext: true,
    children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })],
  });
}

function tableCell(cell: LayoutCell, widthTwips: number, size: number): TableCell {
  const isHeader = cell.cellId === undefined;
  return new TableCell({
    rowSpan: cell.rowSpan,
    columnSpan: cell.colSpan,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: widthTwips, type: WidthType.DXA },
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: isHeader && cell.scope !== 'row' ? AlignmentType.CENTER : isHeader ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun({ text: cell.text, font: TABLE_FONT, size, bold: isHeader && cell.scope !== 'row' && cell.scope !== 'rowgroup' })],
      }),
    ],
  });
}

/** A Word table from a layout: the caption as a merged first row where printed reports have one. */
export function layoutTable(t: LayoutTable, size: number): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const grid = t.widths.map((w) => Math.floor((w / total) * TABLE_TWIPS));
  const spanWidth = (start: number, span: number) => grid.slice(start, start + span).reduce((a, b) => a + b, 0);
  const rows: TableRow[] = [];
  if (t.captionRow) {
    rows.push(new TableRow({ tableHeader: true, children: [tableCell({ text: t.caption, colSpan: grid.length, scope: 'colgroup' }, TABLE_TWIPS, size)] }));
  }
  const all = [...t.head, ...t.body];
  const placed = placeCells(all, grid.length);
  all.forEach((_, i) => {
    const cells = placed.filter((c) => c.row === i);
    rows.push(
      new TableRow({
        tableHeader: i < t.head.length,
        cantSplit: true,
        children: cells.map((c) => tableCell(c, spanWidth(c.col, c.colSpan ?? 1), size)),
      }),
    );
  });
  return new Table({ rows, columnWidths: grid, width: { size: TABLE_TWIPS, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS });
}

export async function renderReportDocx(r: ReportDocumentData): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: LINE_TWIPS },
      children: [new TextRun({ text: r.title, font: TITLE_FONT, size: TITLE_SIZE })],
    }),
    body(r.intro),
  ];
  const text = (section: (typeof TEXT_SECTIONS)[number]) => {
    children.push(heading(SECTION_HEADINGS[section]));
    for (const line of paragraphsOf(r.texts[section])) children.push(body(line));
  };
  text('overview');
  children.push(heading(SECTION_HEADINGS.proactive));
  for (const t of section2Layout(r.tables)) {
    children.push(layoutTable(t, 21));
    children.push(new Paragraph({ children: [] }));
  }
  children.push(heading(SECTION_HEADINGS.requests));
  children.push(layoutTable(section3Layout(r.tables), 18));
  children.push(heading(SECTION_HEADINGS.remedies));
  children.push(layoutTable(section4Layout(r.tables), 18));
  text('problems');
  text('other');
  if (r.publishedOn) {
    children.push(
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: LINE_TWIPS, line: LINE_TWIPS }, children: [new TextRun({ text: r.unitName, font: BODY_FONT, size: BODY_SIZE })] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: LINE_TWIPS }, children: [new TextRun({ text: chineseDate(r.publishedOn), font: BODY_FONT, size: BODY_SIZE })] }),
    );
  }
  const doc = new Document({
    creator: 'Gongkai',
    title: r.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(PAGE_WIDTH_MM), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(SIDE_MARGIN_MM),
              right: convertMillimetersToTwip(SIDE_MARGIN_MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
