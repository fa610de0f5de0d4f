// The 通报 as a Word document in 公文 style (GB/T 9704-2012, the letters' styles): 版头 (发文机关标志 in red,
// 发文字号, the red line), 标题 2号小标宋, 主送机关, 正文 3号仿宋 with 一、 in 黑体 and （一） in 楷体, 附件说明,
// 落款 and date, page numbers "— 1 —"; then 附件1 the ranking table and 附件2 the points lost per unit.
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip } from 'docx';
import { A4_PAGE, BODY_FONT, BODY_SIZE, LINE_TWIPS, TITLE_FONT, TITLE_SIZE } from '../../requests/index.ts';
import type { UnitScore } from '../domain/scoring.ts';

const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const SUBHEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体_GB2312' };
const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const PAGE_NO_FONT = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' };
const RED = 'E60012';
// 版心 156 mm (GB/T 9704-2012 5.2.2).
const TABLE_TWIPS = convertMillimetersToTwip(156);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const INDENT = { firstLineChars: 200, firstLine: 2 * BODY_SIZE * 10 };

export interface BulletinDocument {
  /** 发文机关标志, e.g. 楚雄市人民政府办公室. */
  issuer: string;
  docNo: string;
  title: string;
  /** 主送机关. */
  addressees: string;
  overview: string;
  problems: string;
  requirements: string;
  /** 成文日期 as written, e.g. 2026年10月15日; '' for a draft. */
  dateText: string;
  periodLabel: string;
  scores: UnitScore[];
}

const lines = (t: string) => t.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);

function bodyParagraph(text: string): Paragraph {
  // A paragraph opening with （一） is a second-level heading line: 楷体 for the number and its sentence.
  const m = /^(（[一二三四五六七八九十]+）[^。]*。)([\s\S]*)$/.exec(text);
  const runs = m ? [new TextRun({ text: m[1]!, font: SUBHEADING_FONT, size: BODY_SIZE }), new TextRun({ text: m[2]!, font: BODY_FONT, size: BODY_SIZE })] : [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })];
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: INDENT, spacing: { line: LINE_TWIPS }, children: runs });
}

const heading = (text: string) => new Paragraph({ indent: INDENT, spacing: { line: LINE_TWIPS }, keepNext: true, children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })] });
const plain = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT, extra: Partial<{ before: number; after: number }> = {}) =>
  new Paragraph({ alignment: align, spacing: { line: LINE_TWIPS, ...extra }, children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })] });

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: TABLE_FONT, size: 21, bold: header })] })],
  });
}

function table(head: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const grid = widths.map((w) => Math.floor((w / total) * TABLE_TWIPS));
  return new Table({
    width: { size: TABLE_TWIPS, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, grid[i]!, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, grid[i]!, false)) })),
    ],
  });
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** The ranking as rows: 名次, 单位, 总分 and each indicator's points. */
export function rankingRows(scores: readonly UnitScore[]): { head: string[]; rows: string[][] } {
  const inds = scores[0]?.indicators ?? [];
  return { head: ['名次', '单位', '总分', ...inds.map((i) => `${i.name}（${i.weight}）`)], rows: scores.map((s) => [String(s.rank), s.unitName, fmt(s.total), ...s.indicators.map((i) => fmt(i.points))]) };
}

export async function renderBulletinDocx(b: BulletinDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    // 版头: 发文机关标志 red, centred; 发文字号 under it; the red separating line (GB/T 9704-2012 7.2).
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: LINE_TWIPS, after: LINE_TWIPS }, children: [new TextRun({ text: b.issuer, font: TITLE_FONT, size: 60, color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE_TWIPS, after: LINE_TWIPS / 2 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [new TextRun({ text: b.docNo || ' ', font: BODY_FONT, size: BODY_SIZE })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: LINE_TWIPS, after: LINE_TWIPS, line: LINE_TWIPS }, children: [new TextRun({ text: b.title, font: TITLE_FONT, size: TITLE_SIZE })] }),
    plain(b.addressees),
  ];
  const sections: [string, string][] = [
    ['一、总体情况', b.overview],
    ['二、存在的主要问题', b.problems],
    ['三、下一步工作要求', b.requirements],
  ];
  for (const [h, text] of sections) {
    children.push(heading(h));
    for (const l of lines(text)) children.push(bodyParagraph(l));
  }
  // 附件说明 (GB/T 9704-2012 7.3.6): 正文下空一行，左空二字.
  children.push(
    new Paragraph({ indent: INDENT, spacing: { line: LINE_TWIPS, before: LINE_TWIPS }, children: [new TextRun({ text: `附件：1. ${b.periodLabel}政务公开工作考核排名表`, font: BODY_FONT, size: BODY_SIZE })] }),
    new Paragraph({ indent: { left: 3 * BODY_SIZE * 10 }, spacing: { line: LINE_TWIPS }, children: [new TextRun({ text: `2. ${b.periodLabel}各单位失分明细`, font: BODY_FONT, size: BODY_SIZE })] }),
    plain(b.issuer, AlignmentType.RIGHT, { before: LINE_TWIPS * 2 }),
    plain(b.dateText || '（印发日期）', AlignmentType.RIGHT),
  );
  // 附件1: ranking.
  const r = rankingRows(b.scores);
  children.push(
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: { line: LINE_TWIPS }, children: [new TextRun({ text: '附件1', font: HEADING_FONT, size: BODY_SIZE })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: LINE_TWIPS / 2 }, children: [new TextRun({ text: `${b.periodLabel}政务公开工作考核排名表`, font: TITLE_FONT, size: 36 })] }),
    table(r.head, r.rows, [5, 18, 7, ...r.head.slice(3).map(() => 7)]),
  );
  // 附件2: what each unit lost points for.
  const lost: string[][] = [];
  for (const s of b.scores) for (const i of s.indicators) if (i.points < i.weight) lost.push([s.unitName, i.name, fmt(Math.round((i.weight - i.points) * 100) / 100), i.explanation]);
  children.push(
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: { line: LINE_TWIPS }, children: [new TextRun({ text: '附件2', font: HEADING_FONT, size: BODY_SIZE })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: LINE_TWIPS / 2 }, children: [new TextRun({ text: `${b.periodLabel}各单位失分明细`, font: TITLE_FONT, size: 36 })] }),
    table(['单位', '指标', '失分', '计分说明'], lost.length ? lost : [['—', '—', '0', '各单位均得满分']], [22, 18, 8, 52]),
  );
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: PAGE_NO_FONT, size: 28 })] })],
  });
  const doc = new Document({
    creator: 'Gongkai',
    title: b.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{ properties: { page: A4_PAGE }, footers: { default: footer }, children }],
  });
  return Packer.toBuffer(doc);
}
