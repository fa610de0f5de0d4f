import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { readCatalogWorkbook } from './read-sheet.ts';
import { formatImportProblem } from './layout.ts';
import { importCatalogWorkbook } from './import-catalog.ts';
import { parseTimeLimit } from '../domain/time-limit.ts';
import { buildCatalogFixture } from '../testing/fixture.ts';

async function xlsx(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'), wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function onlyError(problems: { row: number; column: string; message: string; severity: string }[]): string {
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.equal(problems[0]!.severity, 'error');
  assert.equal(problems[0]!.row, 0);
  return problems[0]!.message;
}

test('the hand-made fixture reads as trimmed text with merged cells spread', async () => {
  const { buffer, layout } = await buildCatalogFixture();
  const sheet = await readCatalogWorkbook(buffer);
  assert.equal(sheet.sheetName, '标准目录');
  // Title merged over A1:O1 spreads to every column.
  assert.equal(sheet.grid[0]![0], '楚雄市基层政务公开标准目录（财政预决算、生态环境）');
  assert.equal(sheet.grid[0]![14], '楚雄市基层政务公开标准目录（财政预决算、生态环境）');
  // Header: 序号 merged over two rows; 公开对象 over two columns; newline inside a header kept.
  assert.deepEqual([sheet.grid[1]![0], sheet.grid[2]![0]], ['序号', '序号']);
  assert.deepEqual([sheet.grid[1]![9], sheet.grid[1]![10], sheet.grid[2]![9], sheet.grid[2]![10]], ['公开对象', '公开对象', '全社会', '特定群众']);
  assert.equal(sheet.grid[1]![4], '公开内容\n（要素）及要求');
  // Level-1 政府预决算 merged over C4:C7 applies to each of those rows; 领域 merged over B4:B20.
  assert.deepEqual([4, 5, 6, 7].map((r) => sheet.grid[r - 1]![2]), ['政府预决算', '政府预决算', '政府预决算', '政府预决算']);
  assert.equal(sheet.grid[19]![1], '财政预决算');
  assert.equal(sheet.grid[20]![1], '生态环境');
  assert.ok(sheet.merges.some((m) => m.range === 'C4:C7' && m.top === 4 && m.bottom === 7 && m.left === 3 && m.right === 3));
  assert.ok(sheet.merges.some((m) => m.range === 'A1:O1'));
  // Numbers → text; a formula → its cached result with a warning; rich text joined.
  assert.equal(sheet.grid[3]![0], '1');
  assert.equal(sheet.grid[layout.formulaSeqRow - 1]![0], '2');
  assert.equal(sheet.grid[layout.formulaTimeLimitRow - 1]![6], '信息形成（变更）之日起20个工作日内');
  assert.ok(sheet.grid[5]![4]!.startsWith('预算调整方案及说明'));
  assert.deepEqual(sheet.problems.map(formatImportProblem), [
    `第${layout.formulaSeqRow}行 A列：单元格含公式，已按其计算结果读取`,
    `第${layout.formulaTimeLimitRow}行 G列：单元格含公式，已按其计算结果读取`,
  ]);
  assert.ok(sheet.problems.every((p) => p.severity === 'warning'));
});

test('cell values: dates, booleans, hyperlinks, spaces and control characters become plain text', async () => {
  const buffer = await xlsx((ws) => {
    ws.getCell('A1').value = new Date(Date.UTC(2025, 0, 31));
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = false;
    ws.getCell('D1').value = { text: '政府网站', hyperlink: 'https://www.cxs.gov.cn/' };
    ws.getCell('E1').value = '\u3000 公开依据\r\n第二行 \u0007';
    ws.getCell('F1').value = 0.1 + 0.2;
    ws.getCell('G1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('H1').value = { formula: 'A1&B1' };
  });
  const sheet = await readCatalogWorkbook(buffer);
  assert.deepEqual(sheet.grid[0], ['2025-01-31', '是', '', '政府网站', '公开依据\n第二行', '0.3', '', '']);
  assert.deepEqual(sheet.problems.map((p) => [p.column, p.severity]), [['G', 'error'], ['H', 'error']]);
  assert.match(sheet.problems[0]!.message, /错误值 #DIV\/0!/);
  assert.match(sheet.problems[1]!.message, /含公式但没有保存计算结果/);
});

test('only the first visible worksheet is read; formatted empty rows and columns do not count', async () => {
  const buffer = await xlsx((ws, wb) => {
    ws.state = 'hidden';
    ws.getCell('A1').value = '隐藏的辅助表';
    const main = wb.addWorksheet('目录');
    main.getCell('A1').value = '第一张';
    main.getCell('B2').value = 2;
    for (let r = 3; r <= 500; r++) main.getCell(r, 30).border = { top: { style: 'thin' } };
    wb.addWorksheet('Sheet3').getCell('A1').value = '第三张';
  });
  const sheet = await readCatalogWorkbook(buffer, { maxRows: 100 });
  assert.equal(sheet.sheetName, '目录');
  assert.deepEqual(sheet.grid, [['第一张', ''], ['', '2']]);
  assert.deepEqual(sheet.problems, []);
});

test('not a spreadsheet: CSV, PDF, random bytes, a Word file → one clear error', async () => {
  const csv = Buffer.from('\uFEFF序号,一级事项,二级事项\r\n1,政府预决算,政府预算\r\n', 'utf8');
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('不是表格')] }] }));
  const zipLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), random]);
  for (const buffer of [csv, pdf, random, word, zipLike]) {
    const sheet = await readCatalogWorkbook(buffer);
    assert.match(onlyError(sheet.problems), /^文件不是有效的 Excel（\.xlsx）文件/);
    assert.deepEqual(sheet.grid, []);
  }
  const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random]);
  assert.match(onlyError((await readCatalogWorkbook(xls)).problems), /旧版 Excel（\.xls）.*另存为 \.xlsx/);
});

test('an empty file → "文件为空"', async () => {
  const sheet = await readCatalogWorkbook(Buffer.alloc(0));
  assert.equal(onlyError(sheet.problems), '文件为空（0字节），请选择要导入的 Excel（.xlsx）文件');
});

test('a 20 MB file is refused without parsing; the limit is a parameter', async () => {
  const big = Buffer.alloc(20 * 1024 * 1024);
  big.writeUInt32BE(0x504b0304, 0);
  const t0 = performance.now();
  const sheet = await readCatalogWorkbook(big);
  const ms = performance.now() - t0;
  assert.equal(onlyError(sheet.problems), '文件超过10MB（本文件约20MB），请拆分后再导入');
  assert.ok(ms < 1000, `refused in ${ms.toFixed(1)} ms`);
  const { buffer } = await buildCatalogFixture();
  assert.match(onlyError((await readCatalogWorkbook(buffer, { maxBytes: 1024 })).problems), /^文件超过1KB（本文件约\d+KB）/);
  assert.deepEqual((await readCatalogWorkbook(buffer, { maxBytes: buffer.length })).problems.filter((p) => p.severity === 'error'), []);
});

test('too many rows → an error naming the limit', async () => {
  const buffer = await xlsx((ws) => {
    for (let r = 1; r <= 30; r++) ws.getCell(r, 1).value = r;
  });
  assert.equal(onlyError((await readCatalogWorkbook(buffer, { maxRows: 20 })).problems), '工作表「Sheet1」有30行，超过了每次最多导入20行的限制，请拆分后再导入');
});

test('importCatalogWorkbook: read + parse, problems sorted, no items when anything is an error', async () => {
  const { buffer, layout } = await buildCatalogFixture({ domain: '财政预决算' });
  const ok = await importCatalogWorkbook(buffer, { parseTimeLimit });
  assert.equal(ok.canSave, true);
  assert.equal(ok.items.length, 17);
  assert.deepEqual(ok.problems.map(formatImportProblem), [
    `第${layout.formulaSeqRow}行 A列：单元格含公式，已按其计算结果读取`,
    '第10行 F列：公开时限「随部门决算一并公开」无法计算，已按文字保存',
    `第${layout.formulaTimeLimitRow}行 F列：单元格含公式，已按其计算结果读取`,
    '第18行 F列：公开时限「采购活动开始前30日」无法计算，已按文字保存',
    `第${layout.noteRow}行：整行合并的说明行「注：公开层级中的“市级”指楚雄市本级，“镇(街)级”指各乡镇人民政府和街道办事处」，已跳过`,
  ]);
  const bad = await xlsx((ws) => {
    ws.addRow(['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '全社会', '特定群体', '主动', '依申请', '县级', '乡级']);
    ws.addRow([1, '政府预决算', '政府预算', '预算表', '《预算法》', '实时公开', '财政局', '政府网站', '√', '', '√', '', '√', '']);
    ws.addRow([2, '政府预决算', '政府决算', '决算表', '《预算法》', '实时公开', '财政局', '政府网站', 'x', '', '√', '', '√', '']);
  });
  const refused = await importCatalogWorkbook(bad, { parseTimeLimit, defaultDomain: '财政预决算' });
  assert.equal(refused.canSave, false);
  assert.deepEqual(refused.items, []);
  assert.deepEqual(refused.problems.map(formatImportProblem), ['第3行 I列：无法识别「x」：“全社会”列只能填“√”（是）或留空（否）']);
  const notXlsx = await importCatalogWorkbook(Buffer.from('a,b\n'), { parseTimeLimit });
  assert.equal(notXlsx.canSave, false);
  assert.equal(notXlsx.problems.length, 1);
});
