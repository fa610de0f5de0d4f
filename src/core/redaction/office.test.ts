import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { Document, Footer, Header, Packer, Paragraph, TextRun, CommentRangeStart, CommentRangeEnd, CommentReference } from 'docx';
import ExcelJS from 'exceljs';
import { DEFAULT_MASKS, applyMask, redactOffice, scanFile, PDF_REFUSAL } from './office.ts';

const TODAY = '2026-06-01';
// GB 11643-1999: 53230119800101123? → check digit 3 (worked by hand in the content-check tests).
const ID = '532301198001011233';
// Luhn: 621700123456789012? → 2.
const CARD = '6217001234567890122';
const PHONE = '13908781234';
const PHONE2 = '13987654321';

/** Every XML part of the package, decoded, keyed by name. */
function parts(zip: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(zip));
  return Object.fromEntries(Object.entries(files).map(([n, b]) => [n, strFromU8(b)]));
}

/** Where a number still occurs, in any part, digits possibly split by markup. */
function occurrences(zip: Buffer, digits: string): string[] {
  const out: string[] = [];
  for (const [name, xml] of Object.entries(parts(zip))) {
    if (xml.includes(digits) || xml.replace(/<[^>]*>/g, '').includes(digits)) out.push(name);
  }
  return out;
}

async function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    title: `联系人 ${PHONE2}`,
    comments: { children: [{ id: 0, author: '审核', date: new Date('2026-05-01'), children: [new Paragraph(`收款账号 ${CARD}`)] }] },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(`经办人电话 ${PHONE}`)] }) },
        footers: { default: new Footer({ children: [new Paragraph('第 1 页')] }) },
        children: [
          new Paragraph('关于张某某申请公开信息的答复'),
          // The 身份证号 split across two runs, as Word does after an edit.
          new Paragraph({ children: [new TextRun('申请人身份证号：5323011980'), new TextRun({ text: '01011233', bold: true }), new TextRun('。')] }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun(`联系电话 139-0878-1234，备用 ${PHONE2}`), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          new Paragraph('文号 楚市政办〔2026〕12号 不是个人信息。'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function makeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `经办 ${PHONE}`;
  wb.title = `账号 ${CARD}`;
  const ws = wb.addWorksheet('补贴名单');
  ws.addRow(['姓名', '身份证号', '电话', '金额']);
  ws.addRow(['张某某', ID, Number(PHONE2), 1200]);
  ws.addRow(['李某某', '无', '0878-3121234', 800]);
  ws.getCell('D2').note = `转入 ${CARD}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('redaction of Office files', () => {
  it('masks by the rule, keeping separators', () => {
    assert.equal(applyMask(ID, 'resident_id', DEFAULT_MASKS), '532301********1233');
    assert.equal(applyMask('139-0878-1234', 'mobile', DEFAULT_MASKS), '139-****-1234');
    assert.equal(applyMask(CARD, 'bank_card', DEFAULT_MASKS), '***************0122');
    assert.equal(applyMask(ID, 'resident_id', { ...DEFAULT_MASKS, resident_id: { keepStart: 0, keepEnd: 0 } }), '*'.repeat(18));
  });

  it('lists every hit in a .docx with its place: body paragraphs (split runs too), header, comment, properties', async () => {
    const scan = await scanFile('docx', await makeDocx(), TODAY);
    assert.equal(scan.canRedact, true);
    const seen = scan.hits.map((h) => `${h.kind}@${h.place}=${h.masked}`).sort();
    assert.deepEqual(seen, [
      'bank_card@批注=***************0122',
      'mobile@文档属性=139****4321',
      'mobile@正文第3段=139****1234',
      'mobile@正文第3段=139****4321',
      'mobile@页眉=139****1234',
      'resident_id@正文第2段=532301********1233',
    ]);
    // The list never repeats a number.
    assert.ok(!JSON.stringify(scan).includes(ID) && !JSON.stringify(scan).includes(PHONE));
  });

  it('a redacted .docx holds none of the confirmed numbers in any part; a dismissed one stays', async () => {
    const docx = await makeDocx();
    const scan = await scanFile('docx', docx, TODAY);
    const dismissed = scan.hits.find((h) => h.place === '正文第3段' && h.masked === '139****4321')!;
    const confirmed = new Set(scan.hits.filter((h) => h !== dismissed).map((h) => h.id));
    const { bytes, counts } = redactOffice('docx', docx, confirmed, DEFAULT_MASKS, TODAY);
    assert.deepEqual(counts, { resident_id: 1, mobile: 3, bank_card: 1 });
    assert.deepEqual(occurrences(bytes, ID), []);
    assert.deepEqual(occurrences(bytes, CARD), []);
    assert.deepEqual(occurrences(bytes, PHONE), []);
    assert.deepEqual(occurrences(bytes, '0878-1234'), []);
    assert.deepEqual(occurrences(bytes, PHONE2), ['word/document.xml']);
    const all = Object.values(parts(bytes)).join('');
    assert.ok(all.includes('532301'), 'the kept start is there');
    assert.ok(all.includes('139-****-1234'));
    assert.ok(all.includes('楚市政办〔2026〕12号'));
    // Still a package a second scan reads, with only the dismissed number left.
    const again = await scanFile('docx', bytes, TODAY);
    assert.deepEqual(again.hits.map((h) => h.masked), ['139****4321']);
  });

  it('lists .xlsx hits by sheet and cell, and a redacted copy has no number left in sharedStrings, sheets, comments or docProps', async () => {
    const xlsx = await makeXlsx();
    const scan = await scanFile('xlsx', xlsx, TODAY);
    const seen = scan.hits.map((h) => `${h.kind}@${h.place}`).sort();
    assert.ok(seen.includes('resident_id@工作表“补贴名单”B2'), seen.join(' '));
    assert.ok(seen.includes('mobile@工作表“补贴名单”C2'), seen.join(' '));
    assert.ok(seen.includes('mobile@文档属性'), seen.join(' '));
    assert.ok(seen.includes('bank_card@文档属性'), seen.join(' '));
    assert.ok(seen.includes('bank_card@批注'), seen.join(' '));
    const { bytes } = redactOffice('xlsx', xlsx, new Set(scan.hits.map((h) => h.id)), DEFAULT_MASKS, TODAY);
    for (const n of [ID, CARD, PHONE, PHONE2]) assert.deepEqual(occurrences(bytes, n), [], n);
    // Excel (exceljs) still opens it, and the numeric phone cell is now masked text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('补贴名单')!;
    assert.equal(ws.getCell('B2').text, '532301********1233');
    assert.equal(ws.getCell('C2').text, '139****4321');
    assert.equal(ws.getCell('C3').text, '0878-3121234');
  });

  it('lists PDF hits by page but refuses to redact a PDF', async () => {
    const scan = await scanFile('pdf', Buffer.from('%PDF-1.4 broken'), TODAY);
    assert.equal(scan.canRedact, false);
    assert.equal(scan.refusal, PDF_REFUSAL);
    assert.deepEqual(scan.hits, []);
  });
});
