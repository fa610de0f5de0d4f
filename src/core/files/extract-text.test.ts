import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../testing/browser.ts';
import { extractText, MAX_TEXT_CHARS, normaliseRadicals, ofdPageText, wordprocessingText } from './extract-text.ts';

async function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('楚雄市人民政府关于印发全面推进政务公开工作实施方案的通知')] }),
          new Paragraph({ children: [new TextRun('楚市政通〔2017〕47号'), new TextRun({ text: '（第二段）', bold: true })] }),
          new Paragraph({ children: [new TextRun('A & B <C>')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('金额（万元）')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('政务公开经费')] }), new TableCell({ children: [new Paragraph('12.5')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function makeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('预算表');
  a.addRow(['科目', '金额', '备注']);
  a.addRow(['一般公共服务支出', 3120.5, '含"三公"经费']);
  a.addRow(['教育支出', 2800, '']);
  const b = wb.addWorksheet('说明');
  b.getCell('B3').value = { richText: [{ text: '以上数据' }, { text: '为预算数', font: { bold: true } }] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function makeOfd(): Buffer {
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const ofd = `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>a1</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
  // Pages listed out of name order: the document order (Page_1 first) is what counts.
  const document = `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>20</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_1/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`;
  // A title set one character per TextObject on one line, then a second line.
  const chars = [...'楚雄市财政局'].map(
    (ch, i) => `<ofd:TextObject ID="${3 + i}" Boundary="${20 + i * 5} 30 5 6" Font="1" Size="4.5"><ofd:TextCode X="0" Y="4.5">${ch}</ofd:TextCode></ofd:TextObject>`,
  );
  const page1 = `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2">${chars.join('')}<ofd:TextObject ID="10" Boundary="20 45 150 6" Font="1" Size="3.5"><ofd:TextCode X="0" Y="3.5" DeltaX="g 10 3.5">2026年部门预算 &amp; 说明</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
  const page0 = `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="11" Boundary="20 30 150 6" Font="1" Size="3.5"><ofd:TextCode X="0" Y="3.5">第二页：附表</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
  return Buffer.from(
    zipSync({
      'OFD.xml': strToU8(ofd),
      'Doc_0/Document.xml': strToU8(document),
      'Doc_0/Pages/Page_0/Content.xml': strToU8(page0),
      'Doc_0/Pages/Page_1/Content.xml': strToU8(page1),
    }),
  );
}

/** A minimal hand-written PDF 1.4 with one page of Helvetica text (offsets computed). */
function makeSimplePdf(lines: string[]): Buffer {
  const stream = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('extractText', () => {
  it('reads the paragraphs and table cells of a DOCX, one per line', async () => {
    const text = await extractText('docx', await makeDocx());
    assert.equal(text, '楚雄市人民政府关于印发全面推进政务公开工作实施方案的通知\n楚市政通〔2017〕47号（第二段）\nA & B <C>\n项目\n金额（万元）\n政务公开经费\n12.5');
  });

  it('reads the cells of an XLSX, one row per line, sheets in order', async () => {
    const text = await extractText('xlsx', await makeXlsx());
    assert.equal(text, '科目\t金额\t备注\n一般公共服务支出\t3120.5\t含"三公"经费\n教育支出\t2800\n以上数据为预算数');
  });

  it('reads the TextCode elements of an OFD in page order, joining one line', async () => {
    assert.equal(await extractText('ofd', makeOfd()), '楚雄市财政局\n2026年部门预算 & 说明\n第二页：附表');
  });

  it('reads the text of a hand-written PDF', async () => {
    assert.equal(await extractText('pdf', makeSimplePdf(['Open Government Information', 'Notice (2026) No. 3'])), 'Open Government Information\nNotice (2026) No. 3');
  });

  it('returns "" for images', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    assert.equal(await extractText('png', png), '');
    assert.equal(await extractText('jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])), '');
    assert.equal(await extractText('gif', Buffer.from('GIF89a')), '');
  });

  describe('never throws on garbage', () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const zipWithoutDocument = Buffer.from(zipSync({ 'readme.txt': strToU8('not a document') }));
    const cases: Array<[string, 'pdf' | 'docx' | 'xlsx' | 'ofd', Buffer]> = [
      ['empty PDF', 'pdf', Buffer.alloc(0)],
      ['an executable named .pdf', 'pdf', exe],
      ['a truncated PDF', 'pdf', makeSimplePdf(['truncated']).subarray(0, 60)],
      ['a PDF header followed by junk', 'pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x41)])],
      ['an executable named .docx', 'docx', exe],
      ['a zip without word/document.xml', 'docx', zipWithoutDocument],
      ['random bytes as xlsx', 'xlsx', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256))],
      ['a zip without sheets', 'xlsx', zipWithoutDocument],
      ['text as ofd', 'ofd', Buffer.from('<ofd:OFD>')],
      ['a zip without pages', 'ofd', zipWithoutDocument],
    ];
    for (const [label, kind, bytes] of cases) {
      it(label, async () => assert.equal(await extractText(kind, bytes), ''));
    }
  });

  it('drops NUL characters and caps the length', async () => {
    // Varied ideographs: one character repeated would be refused as a decompression bomb (ratio over 200).
    const long = '字字' + Array.from({ length: MAX_TEXT_CHARS + 8 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const xml = `<w:document><w:body><w:p><w:r><w:t>a&#0;b</w:t></w:r></w:p><w:p><w:r><w:t>${long}</w:t></w:r></w:p></w:body></w:document>`;
    const docx = Buffer.from(zipSync({ 'word/document.xml': strToU8(xml) }));
    const text = await extractText('docx', docx);
    assert.equal(text.length, MAX_TEXT_CHARS);
    assert.ok(text.startsWith('ab\n字字'));
  });
});

describe('wordprocessingText, ofdPageText and normaliseRadicals', () => {
  it('maps radical code points to ideographs and leaves other text alone', () => {
    assert.equal(normaliseRadicals('楚雄市\u2f08\u2ea0政府\u2f2f作（〔2026〕１号）'), '楚雄市人民政府工作（〔2026〕１号）');
  });
  it('keeps tabs, breaks and empty paragraphs', () => {
    const xml = '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一</w:t><w:tab/><w:t xml:space="preserve">二 </w:t><w:br/><w:t>三</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>四</w:t></w:r></w:p>';
    assert.equal(wordprocessingText(xml), '一\t二 \n三\n\n四');
  });
  it('starts a new line when the baseline moves', () => {
    const xml = '<TextObject Boundary="0 10 100 5" Size="5"><TextCode X="0" Y="5">甲</TextCode><TextCode X="5" Y="5">乙</TextCode><TextCode X="0" Y="12">丙</TextCode></TextObject>';
    assert.equal(ofdPageText(xml), '甲乙\n丙');
  });
});

describe('extractText on a PDF printed by Chromium (Chinese, embedded CID fonts)', { timeout: 60_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('reads the Chinese text', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="font-family:\'Noto Sans CJK SC\',sans-serif">' +
        '<h1>楚雄市人民政府办公室</h1><p>关于做好2026年政务公开工作的通知</p><p>楚市政办通〔2026〕12号</p></body></html>',
    );
    const pdf = await page.pdf({ format: 'A4' });
    await page.close();
    const text = await extractText('pdf', Buffer.from(pdf));
    assert.equal(text, '楚雄市人民政府办公室\n关于做好2026年政务公开工作的通知\n楚市政办通〔2026〕12号');
  });
});
