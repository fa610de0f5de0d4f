// Renders a filled letter as a Word document (.docx), laid out after GB/T 9704-2012 《党政机关公文格式》:
// A4, title in 2号 小标宋 centred, body in 3号 仿宋 with a two-character first-line indent, the
// signature block right-aligned. Pure apart from packing the zip in memory: the same input gives the
// same text every time.
import { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';

export interface LetterContent {
  /** e.g. 政府信息公开申请答复告知书 */
  title: string;
  /** The filled body: one paragraph per line; lines starting with ">" are right-aligned (落款). */
  text: string;
  /** A reference line under the title, e.g. 受理编号：CXS-2026-000123 */
  reference?: string;
}

export const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
// Half-points: 2号 = 22 pt, 3号 = 16 pt.
export const TITLE_SIZE = 44;
export const BODY_SIZE = 32;
// 《党政机关公文格式》7.1: 每行28字，每页22行 → a fixed line pitch of about 28.9 pt.
export const LINE_TWIPS = 578;

/** A4 with the margins of GB/T 9704-2012 5.2.1 (天头 37 mm, 下 35 mm, 订口 28 mm, 右 26 mm). */
export const A4_PAGE = {
  size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
  margin: {
    top: convertMillimetersToTwip(37),
    bottom: convertMillimetersToTwip(35),
    left: convertMillimetersToTwip(28),
    right: convertMillimetersToTwip(26),
  },
};

export interface LetterParagraph {
  text: string;
  align: 'left' | 'right' | 'indent';
}

/** Splits the filled text into paragraphs: empty lines go, ">" lines are right-aligned, an addressee line ("…：") is not indented. */
export function letterParagraphs(text: string): LetterParagraph[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: LetterParagraph[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith('>')) out.push({ text: line.slice(1).trim(), align: 'right' });
    else if (i === 0 && /：$/.test(line)) out.push({ text: line, align: 'left' });
    else out.push({ text: line, align: 'indent' });
  });
  return out;
}

export async function renderLetterDocx(letter: LetterContent): Promise<Buffer> {
  const paragraphs = letterParagraphs(letter.text);
  const firstRight = paragraphs.findIndex((p) => p.align === 'right');
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: LINE_TWIPS },
      children: [new TextRun({ text: letter.title, font: TITLE_FONT, size: TITLE_SIZE })],
    }),
  ];
  if (letter.reference) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { after: LINE_TWIPS / 2 },
        children: [new TextRun({ text: letter.reference, font: BODY_FONT, size: BODY_SIZE })],
      }),
    );
  }
  paragraphs.forEach((p, i) => {
    children.push(
      new Paragraph({
        alignment: p.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
        indent: p.align === 'indent' ? { firstLineChars: 200, firstLine: 2 * BODY_SIZE * 10 } : undefined,
        // A blank line before the signature block, as letters are signed.
        spacing: { line: LINE_TWIPS, before: i === firstRight ? LINE_TWIPS : 0 },
        children: [new TextRun({ text: p.text, font: BODY_FONT, size: BODY_SIZE })],
      }),
    );
  });
  const doc = new Document({
    creator: 'Gongkai',
    title: letter.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: A4_PAGE,
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
