import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { CatalogItemData } from '../domain/types.ts';
import { parseTimeLimit } from '../domain/time-limit.ts';
import { parseCatalog, type ImportedCatalogItem } from './parse-catalog.ts';
import { readCatalogWorkbook } from './read-sheet.ts';
import { catalogToCsv, catalogToJson, csvField, writeCatalogWorkbook } from './write-catalog.ts';
import { buildCatalogFixture, buildWrittenTextCatalog, WRITTEN_TEXT_ROWS } from '../testing/fixture.ts';

const opts = { parseTimeLimit };

async function fixtureItems() {
  const { buffer } = await buildCatalogFixture();
  const sheet = await readCatalogWorkbook(buffer);
  return parseCatalog(sheet.grid, sheet.merges, opts);
}

const strip = (items: ImportedCatalogItem[]): CatalogItemData[] => items.map(({ sourceRow: _, ...rest }) => rest);

async function openXlsx(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

function item(over: Partial<CatalogItemData> = {}): CatalogItemData {
  const d = base(over);
  // As written: what an import of the row keeps beside the parsed form.
  return { ...d, basisText: over.basisText ?? d.basis.join('、'), channelsText: over.channelsText ?? [...d.channels, ...d.customChannels].join('、') };
}

function base(over: Partial<CatalogItemData>): CatalogItemData {
  return {
    domainName: '财政预决算',
    level1: '政府预决算',
    level2: '政府预算',
    content: '一般公共预算收入表、支出表',
    basis: ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》'],
    timeLimitText: '本级人民代表大会或其常务委员会批准后20日内',
    timeLimitRule: { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' },
    publisherText: '楚雄市财政局',
    channels: ['政府网站', '两微一端'],
    customChannels: ['公共资源交易平台'],
    audience: { society: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    level: { county: true, township: true },
    ...over,
  };
}

test('write → read with exceljs: title, two-row header, merges, √ marks, cell by cell', async () => {
  const parsed = await fixtureItems();
  const items = parsed.items;
  const title = '楚雄市基层政务公开标准目录（财政预决算、生态环境）';
  const ws = await openXlsx(await writeCatalogWorkbook(title, items, parsed.labels));

  assert.equal(ws.getCell('A1').value, title);
  const merges = new Set(ws.model.merges);
  for (const m of ['A1:O1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3', 'J2:K2', 'L2:M2', 'N2:O2']) {
    assert.ok(merges.has(m), `merge ${m}`);
  }
  const row2 = ['序号', '领域', '公开事项', '公开内容（要素）及要求', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级'];
  assert.deepEqual(['A', 'B', 'C', 'E', 'F', 'G', 'H', 'I', 'J', 'L', 'N'].map((c) => ws.getCell(`${c}2`).value), row2);
  assert.deepEqual(['C', 'D', 'J', 'K', 'L', 'M', 'N', 'O'].map((c) => ws.getCell(`${c}3`).value), ['一级事项', '二级事项', '全社会', '特定群众', '主动', '依申请公开', '市级', '镇(街)级']);

  // Level-1 cells merged over consecutive rows with the same value; 领域 over each domain's rows.
  for (const m of ['B4:B20', 'B21:B36', 'C4:C7', 'C8:C10', 'C11:C12', 'C13:C15', 'C16:C17', 'C18:C20', 'C21:C24', 'C25:C26', 'C28:C30', 'C31:C32', 'C33:C35']) {
    assert.ok(merges.has(m), `merge ${m}`);
  }
  assert.equal(merges.size, 12 + 13);

  // Cell by cell, every data row.
  const letters = 'ABCDEFGHIJKLMNO';
  items.forEach((it, i) => {
    const r = 4 + i;
    const v = (c: string) => ws.getCell(`${c}${r}`).master.value;
    const expected = [
      i + 1, it.domainName, it.level1, it.level2, it.content, it.basisText, it.timeLimitText, it.publisherText,
      it.channelsText,
      it.audience.society ? '√' : null, it.audience.specificGroup ? '√' : null, it.mode.proactive ? '√' : null,
      it.mode.onRequest ? '√' : null, it.level.county ? '√' : null, it.level.township ? '√' : null,
    ];
    assert.deepEqual([...letters].map(v), expected, `row ${r}`);
  });
  // Concrete spot checks.
  assert.deepEqual(['J', 'K', 'L', 'M', 'N', 'O'].map((c) => ws.getCell(`${c}30`).value), ['√', null, '√', null, '√', null]);
  assert.deepEqual(['J', 'K', 'L', 'M'].map((c) => ws.getCell(`${c}27`).value), [null, '√', null, '√']);
  // The checklist exactly as the fixture printed it, unticked boxes included.
  assert.equal(ws.getCell('I8').value, items[4]!.channelsText);
  assert.match(String(ws.getCell('I8').value), /^■政府网站 ■政府公报 □两微一端 .* ■其他 部门网站$/);
  assert.equal(ws.getCell('C6').master.address, 'C4');

  // Layout: frozen header, borders, wrapping, widths.
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 3);
  assert.equal(ws.getCell('E10').border?.left?.style, 'thin');
  assert.equal(ws.getCell('E10').alignment?.wrapText, true);
  assert.equal(ws.getCell('J10').alignment?.horizontal, 'center');
  assert.ok((ws.getColumn('E').width ?? 0) > (ws.getColumn('J').width ?? 0));
});

test('write → read → parse gives back the same items, labels and domains', async () => {
  const parsed = await fixtureItems();
  const buffer = await writeCatalogWorkbook('楚雄市基层政务公开标准目录', parsed.items, parsed.labels);
  const sheet = await readCatalogWorkbook(buffer);
  assert.deepEqual(sheet.problems, []);
  const again = parseCatalog(sheet.grid, sheet.merges, opts);
  assert.deepEqual(strip(again.items), strip(parsed.items));
  assert.deepEqual(again.labels, parsed.labels);
  assert.deepEqual(
    again.problems.map((p) => p.message),
    ['公开时限「随部门决算一并公开」无法计算，已按文字保存', '公开时限「采购活动开始前30日」无法计算，已按文字保存'],
  );
});

test('one domain named in the title: no 领域 column, national labels by default', async () => {
  const items = [item(), item({ level2: '政府决算' }), item({ level1: '政府债务', level2: '政府债务限额及余额', customChannels: [] })];
  const buffer = await writeCatalogWorkbook('楚雄市财政预决算领域基层政务公开标准目录', items);
  const ws = await openXlsx(buffer);
  assert.equal(ws.columnCount, 14);
  assert.deepEqual(['B', 'I', 'J', 'K', 'L', 'M', 'N'].map((c) => ws.getCell(`${c}3`).value), ['一级事项', '全社会', '特定群体', '主动', '依申请', '县级', '乡级']);
  assert.deepEqual(ws.model.merges.filter((m) => m.startsWith('B4')), ['B4:B5']);
  const sheet = await readCatalogWorkbook(buffer);
  const parsed = parseCatalog(sheet.grid, sheet.merges, opts);
  assert.deepEqual(strip(parsed.items), items);
  assert.deepEqual(parsed.problems, []);
});

test('one domain not named in the title: a 领域 column keeps it', async () => {
  const buffer = await writeCatalogWorkbook('楚雄市财政局政务公开标准目录', [item()]);
  const ws = await openXlsx(buffer);
  assert.equal(ws.getCell('B2').value, '领域');
  assert.equal(ws.getCell('B4').value, '财政预决算');
  const sheet = await readCatalogWorkbook(buffer);
  assert.deepEqual(strip(parseCatalog(sheet.grid, sheet.merges, opts).items), [item()]);
});

test('text that looks like a formula is stored as text in the .xlsx', async () => {
  const ws = await openXlsx(await writeCatalogWorkbook('楚雄市财政预决算领域', [item({ level2: '=HYPERLINK("http://x")' })]));
  assert.equal(ws.getCell('C4').value, '=HYPERLINK("http://x")');
  assert.equal(ws.getCell('C4').type, ExcelJS.ValueType.String);
});

/** A small RFC 4180 reader for checking the CSV. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

test('CSV: UTF-8 BOM, CRLF, RFC 4180 quoting, formula injection neutralised', () => {
  const csv = catalogToCsv([
    item({ content: '含逗号,引号"和\n换行' }),
    item({ level2: '=1+1', publisherText: '@SUM(A1)', timeLimitText: '-2', content: '+86' }),
  ]);
  assert.ok(csv.startsWith('\uFEFF序号,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象-全社会,公开对象-特定群体,公开方式-主动,公开方式-依申请,公开层级-县级,公开层级-乡级\r\n'));
  assert.ok(csv.endsWith('\r\n'));
  assert.ok(csv.includes('"含逗号,引号""和\n换行"'));
  const rows = readCsv(csv.slice(1));
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[1], [
    '1', '财政预决算', '政府预决算', '政府预算', '含逗号,引号"和\n换行', '《中华人民共和国预算法》、《中华人民共和国政府信息公开条例》',
    '本级人民代表大会或其常务委员会批准后20日内', '楚雄市财政局', '政府网站、两微一端、公共资源交易平台', '√', '', '√', '', '√', '√',
  ]);
  assert.deepEqual([rows[2]![3], rows[2]![4], rows[2]![6], rows[2]![7]], ["'=1+1", "'+86", "'-2", "'@SUM(A1)"]);
  assert.equal(csvField('\tcmd'), "'\tcmd");
  assert.equal(csvField('普通文字'), '普通文字');
  assert.ok(catalogToCsv([], { specificGroup: '特定群众' }).includes('公开对象-特定群众'));
});

test('JSON: the items with their rules, import metadata dropped', async () => {
  const parsed = await fixtureItems();
  const json = JSON.parse(catalogToJson(parsed.items, '楚雄市基层政务公开标准目录'));
  assert.equal(json.title, '楚雄市基层政务公开标准目录');
  assert.equal(json.items.length, 33);
  assert.equal(json.items[0].sourceRow, undefined);
  assert.deepEqual(json.items, strip(parsed.items));
  assert.deepEqual(JSON.parse(catalogToJson([item()])), { items: [item()] });
});

test('公开依据 and 公开渠道和载体 written in every usual way: import → export, every cell equal', async () => {
  const sheet = await readCatalogWorkbook(await buildWrittenTextCatalog());
  const parsed = parseCatalog(sheet.grid, sheet.merges, opts);
  assert.equal(parsed.items.length, WRITTEN_TEXT_ROWS.length);
  const ws = await openXlsx(await writeCatalogWorkbook('楚雄市财政预决算领域基层政务公开标准目录', parsed.items, parsed.labels));
  WRITTEN_TEXT_ROWS.forEach((row, i) => {
    const cells = Array.from({ length: 14 }, (_, c) => {
      const v = ws.getCell(4 + i, c + 1).master.value;
      return v === null || v === undefined ? '' : String(v);
    });
    assert.deepEqual(cells, row, `row ${i + 1}`);
  });
  const csv = readCsv(catalogToCsv(parsed.items).slice(1));
  WRITTEN_TEXT_ROWS.forEach((row, i) => {
    assert.equal(csv[i + 1]![5], row[4], `CSV 公开依据 of row ${i + 1}`);
    assert.equal(csv[i + 1]![8], row[7], `CSV 公开渠道和载体 of row ${i + 1}`);
  });
});
