import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeLimit } from '../domain/time-limit.ts';
import { buildMultiSheetCatalog, multiSheetSpecs } from '../testing/fixture.ts';
import { readCatalogWorkbook, readCatalogWorkbookSheets } from './read-sheet.ts';
import { parseCatalogWorkbook } from './parse-workbook.ts';
import { parseCatalog } from './parse-catalog.ts';

const county = { county: true, township: false };

describe('a catalog workbook of many sheets', () => {
  it('the first sheet alone is the cover: reading only it yields no catalog at all', async () => {
    const buffer = await buildMultiSheetCatalog();
    const first = await readCatalogWorkbook(buffer);
    assert.equal(first.sheetName, '封面');
    assert.equal(parseCatalog(first.grid, first.merges, { parseTimeLimit }).items.length, 0);
  });

  it('reads every domain sheet, lists the cover and notes as skipped, accounts for every row', async () => {
    const specs = multiSheetSpecs();
    const book = await readCatalogWorkbookSheets(await buildMultiSheetCatalog(specs));
    assert.deepEqual(book.problems, []);
    assert.equal(book.sheets.length, 18);
    const parsed = parseCatalogWorkbook(book.sheets, book.hiddenSheets, { parseTimeLimit, defaultLevel: county });
    const read = parsed.sheets.filter((s) => s.status === 'read');
    assert.equal(read.length, 16);
    assert.deepEqual(
      parsed.sheets.filter((s) => s.status === 'skipped').map((s) => [s.name, s.reason]),
      [
        ['封面', '没有标准目录的表头（如封面、说明页），不是目录表'],
        ['填报说明', '没有标准目录的表头（如封面、说明页），不是目录表'],
      ],
    );
    assert.equal(parsed.items.length, 48, '3 items from each of the 16 domain sheets');
    assert.deepEqual([...new Set(parsed.items.map((i) => i.domainName))], specs.map((s) => s.domain));
    // Every sheet: rows read = items + refused + skipped with a note.
    for (const s of read) assert.equal(s.rowsRead, s.items + s.refused + s.skippedRows, s.name);
    const first = read[0]!;
    assert.deepEqual([first.rowsRead, first.items, first.skippedRows], [4, 3, 1], 'the note line under the first table is listed');
    assert.ok(parsed.problems.some((p) => p.sheet === '1.重大建设项目' && /整行合并的说明行/.test(p.message)));
    assert.ok(parsed.problems.some((p) => p.sheet === '封面' && p.row === 0 && /未导入/.test(p.message)));
    assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
    // Header variants: local labels and a one-row header read the same marks.
    const trade = parsed.items.filter((i) => i.domainName === '公共资源交易');
    assert.deepEqual(trade.map((i) => i.level), [county, county, { county: true, township: true }]);
    assert.deepEqual(read.find((s) => s.name === '2.公共资源交易')!.labels.township, '镇(街)级');
    assert.equal(parsed.items.filter((i) => i.domainName === '税收管理').length, 3);
  });

  it('a sheet without 公开层级 columns takes the chosen default level, and says so', async () => {
    const book = await readCatalogWorkbookSheets(await buildMultiSheetCatalog());
    const township = { county: false, township: true };
    const parsed = parseCatalogWorkbook(book.sheets, book.hiddenSheets, { parseTimeLimit, defaultLevel: township });
    const safety = parsed.sheets.find((s) => s.name === '安全生产领域')!;
    assert.equal(safety.levelMissing, true);
    assert.equal(parsed.sheets.find((s) => s.name === '3.财政预决算')!.levelMissing, false);
    assert.deepEqual(parsed.items.filter((i) => i.domainName === '安全生产').map((i) => i.level), [township, township, township]);
    // Without a default the sheet is refused for its missing columns, as before.
    const strict = parseCatalogWorkbook(book.sheets, book.hiddenSheets, { parseTimeLimit });
    assert.ok(strict.problems.some((p) => p.sheet === '安全生产领域' && p.severity === 'error' && /表头缺少必需的列：公开层级·县级、公开层级·乡级/.test(p.message)));
  });
});
