import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { renderReportDocx } from './docx.ts';
import { renderReportXlsx } from './xlsx.ts';
import { readWordDocument, type WordCell } from '../../../core/testing/office.ts';
import { sampleDocument } from '../testing/sample.ts';
import { S3_CORNER } from '../domain/template.ts';

const texts = (row: WordCell[]) => row.map((c) => c.text);

describe('report as .docx', () => {
  it('reads back with its title, headings in order, text and signature', async () => {
    const doc = readWordDocument(await renderReportDocx(sampleDocument()));
    assert.equal(doc.paragraphs[0], '楚雄市财政局2025年政府信息公开工作年度报告');
    const headings = doc.paragraphs.filter((p) => /^[一二三四五六]、/.test(p));
    assert.deepEqual(headings, [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    assert.ok(doc.paragraphs.includes('本年度收取信息处理费共计200元。'));
    assert.deepEqual(doc.paragraphs.slice(-2), ['楚雄市财政局', '2026年1月20日']);
  });

  it('lays out the section 二 tables under their 第二十条 clauses', async () => {
    const { tables } = readWordDocument(await renderReportDocx(sampleDocument()));
    assert.equal(tables.length, 6);
    const [t1, t5, t6, t8] = tables;
    assert.deepEqual(t1!.map(texts), [
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '0', '5'],
      ['行政规范性文件', '12', '3', '47'],
    ]);
    assert.equal(t1![0]![0]!.gridSpan, 4);
    assert.deepEqual(t5!.map(texts), [['第二十条第（五）项'], ['信息内容', '本年处理决定数量'], ['行政许可', '1320']]);
    assert.equal(t5![2]![1]!.gridSpan, 3);
    assert.deepEqual(t6!.map(texts).slice(2), [
      ['行政处罚', '86'],
      ['行政强制', '9'],
    ]);
    assert.deepEqual(t8!.map(texts).slice(1), [['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费', '356.25']]);
  });

  it('merges the headers and row labels of table 三 as printed', async () => {
    const t = readWordDocument(await renderReportDocx(sampleDocument())).tables[4]!;
    assert.equal(t.length, 3 + 25);
    // Header: corner 3×3, 申请人情况 over 7 columns, 法人或其他组织 over 5.
    assert.deepEqual(t[0]!.map((c) => [c.text, c.gridSpan, c.vMerge]), [
      [S3_CORNER, 3, 'restart'],
      ['申请人情况', 7, null],
    ]);
    assert.deepEqual(t[1]!.map((c) => [c.text, c.gridSpan, c.vMerge]), [
      ['', 3, 'continue'],
      ['自然人', 1, 'restart'],
      ['法人或其他组织', 5, null],
      ['总计', 1, 'restart'],
    ]);
    assert.deepEqual(texts(t[2]!), ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    // Rows: labels then the seven numbers.
    assert.deepEqual(texts(t[3]!), ['一、本年新收政府信息公开申请数量', '8', '2', '0', '1', '2', '1', '14']);
    assert.deepEqual(texts(t[5]!), ['三、本年度办理结果', '（一）予以公开', '1', '1', '1', '0', '0', '0', '3']);
    assert.equal(t[5]![0]!.vMerge, 'restart');
    assert.deepEqual(texts(t[7]!), ['', '（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0']);
    assert.deepEqual(texts(t[10]!).slice(0, 3), ['', '', '4.保护第三方合法权益']);
    assert.deepEqual(texts(t[10]!).slice(3), ['0', '0', '0', '1', '0', '0', '1']);
    assert.deepEqual(texts(t[26]!), ['', '（七）总计', '7', '2', '2', '1', '2', '1', '15']);
    assert.deepEqual(texts(t[27]!), ['四、结转下年度继续办理', '2', '1', '0', '0', '0', '0', '3']);
    assert.equal(t[27]![0]!.gridSpan, 3);
  });

  it('prints table 四 with its three header levels and 15 numbers', async () => {
    const t = readWordDocument(await renderReportDocx(sampleDocument())).tables[5]!;
    assert.deepEqual(t[0]!.map((c) => [c.text, c.gridSpan]), [
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    assert.deepEqual(t[1]!.map((c) => [c.text, c.gridSpan, c.vMerge]), [
      ['', 5, 'continue'],
      ['未经复议直接起诉', 5, null],
      ['复议后起诉', 5, null],
    ]);
    assert.deepEqual(texts(t[2]!), Array(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat());
    assert.deepEqual(texts(t[3]!), ['1', '2', '0', '3', '6', '0', '1', '1', '0', '2', '2', '0', '0', '1', '3']);
  });
});

describe('report as .xlsx', () => {
  async function read() {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(sampleDocument())) as unknown as ArrayBuffer);
    return wb;
  }

  it('has a sheet per table section and one with the text', async () => {
    const wb = await read();
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['二、主动公开', '三、依申请公开', '四、复议诉讼', '报告正文'],
    );
    const text = wb.getWorksheet('报告正文')!;
    assert.equal(text.getCell('A1').value, '楚雄市财政局2025年政府信息公开工作年度报告');
    const col = (text.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string');
    assert.ok(col.includes('六、其他需要报告的事项'));
    assert.ok(col.includes('本年度收取信息处理费共计200元。'));
  });

  it('writes table 三 with merged headers and numbers in place', async () => {
    const s = (await read()).getWorksheet('三、依申请公开')!;
    const merges = (s.model as { merges: string[] }).merges;
    for (const m of ['A3:C5', 'D3:J3', 'D4:D5', 'E4:I4', 'J4:J5', 'A6:C6', 'A8:A29', 'B8:C8', 'B10:B17', 'B18:B20', 'B21:B25', 'B26:B28', 'B29:C29', 'A30:C30']) {
      assert.ok(merges.includes(m), `merged ${m} (have ${merges.join(' ')})`);
    }
    assert.equal(s.getCell('A3').value, S3_CORNER);
    assert.equal(s.getCell('E4').value, '法人或其他组织');
    assert.equal(s.getCell('E5').value, '商业企业');
    assert.equal(s.getCell('A6').value, '一、本年新收政府信息公开申请数量');
    assert.deepEqual([4, 5, 6, 7, 8, 9, 10].map((c) => s.getCell(6, c).value), [8, 2, 0, 1, 2, 1, 14]);
    assert.equal(s.getCell('B10').value, '（三）不予公开');
    assert.equal(s.getCell('C13').value, '4.保护第三方合法权益');
    assert.equal(s.getCell('G13').value, 1);
    assert.equal(s.getCell('B29').value, '（七）总计');
    assert.deepEqual([4, 5, 6, 7, 8, 9, 10].map((c) => s.getCell(29, c).value), [7, 2, 2, 1, 2, 1, 15]);
    assert.deepEqual([4, 5, 6, 7, 8, 9, 10].map((c) => s.getCell(30, c).value), [2, 1, 0, 0, 0, 0, 3]);
  });

  it('writes tables 二 and 四 with their merged headers', async () => {
    const wb = await read();
    const s2 = wb.getWorksheet('二、主动公开')!;
    const m2 = (s2.model as { merges: string[] }).merges;
    assert.ok(m2.includes('A3:D3'), m2.join(' '));
    assert.equal(s2.getCell('A3').value, '第二十条第（一）项');
    assert.deepEqual(['A6', 'B6', 'C6', 'D6'].map((a) => s2.getCell(a).value), ['行政规范性文件', 12, 3, 47]);
    // 第（五）项 starts after a blank row: caption row 8, header 9, 行政许可 10 with the number over B:D.
    assert.equal(s2.getCell('A8').value, '第二十条第（五）项');
    assert.ok(m2.includes('B10:D10'));
    assert.equal(s2.getCell('B10').value, 1320);
    assert.equal(s2.getCell('A19').value, '行政事业性收费');
    assert.equal(s2.getCell('B19').value, 356.25);
    const s4 = wb.getWorksheet('四、复议诉讼')!;
    const m4 = (s4.model as { merges: string[] }).merges;
    for (const m of ['A3:E4', 'F3:O3', 'F4:J4', 'K4:O4']) assert.ok(m4.includes(m), m);
    assert.deepEqual(
      Array.from({ length: 15 }, (_, i) => s4.getCell(6, i + 1).value),
      [1, 2, 0, 3, 6, 0, 1, 1, 0, 2, 2, 0, 0, 1, 3],
    );
  });
});
