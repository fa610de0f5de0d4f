// The exported spreadsheets as printed: LibreOffice (headless) converts them to PDF, and every page
// must be A4 with the columns fitted to the page width (so a list prints on as few pages as its rows
// need, never a page per few columns). CSV files start with a BOM so Excel and LibreOffice read UTF-8.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../src/core/testing/index.ts';
import { isA4, officePrerequisites, pdfPages, spreadsheetToPdf } from '../../src/core/testing/libreoffice.ts';

const missing = officePrerequisites();
const ci = process.env.CI === 'true' || process.env.CI === '1';
// Outside CI a machine without LibreOffice skips these tests, saying why; under CI the runner installs it.
const skip = missing.length && !ci ? `缺少 ${missing.join('、')}（apt-get install -y ${missing.join(' ')}）` : false;

async function sheetRows(bytes: Buffer): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return new Map(wb.worksheets.map((ws) => [ws.name, ws.rowCount]));
}

describe('exports printed through LibreOffice', { timeout: 600_000, skip }, () => {
  let t: TestApp;
  let gkb: TestClient;

  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
    gkb = await t.signIn('gkb');
  });
  after(async () => t.dispose());

  async function printed(url: string) {
    const res = await gkb.get(url);
    assert.equal(res.statusCode, 200, url);
    const bytes = res.rawPayload;
    const pages = pdfPages(await spreadsheetToPdf(bytes, 'export.xlsx'));
    return { bytes, pages };
  }

  it('the request list: A4 landscape, all columns on one page width', async (c) => {
    const { bytes, pages } = await printed('/staff/requests/export.xlsx?scope=city');
    const rows = [...(await sheetRows(bytes)).values()][0]!;
    assert.ok(pages.length >= 1);
    for (const p of pages) assert.ok(isA4(p) && p.width > p.height, `page ${p.width}×${p.height}`);
    // Split columns would at least double the pages; fitted to width, a page holds well over 8 rows.
    assert.ok(pages.length <= Math.ceil(rows / 8), `${pages.length} pages for ${rows} rows`);
    c.diagnostic(`request list: ${rows} rows, ${pages.length} A4 pages`);
  });

  it('the annual report: every sheet on A4, the tables within a page width', async (c) => {
    const editor = await t.signIn('czj_editor');
    const made = await editor.submit('/staff/annual-reports/finance', '/staff/annual-reports/finance/generate', { year: '2025' });
    assert.equal(made.statusCode, 303);
    const { bytes, pages } = await printed('/staff/annual-reports/finance/2025/export.xlsx');
    const sheets = await sheetRows(bytes);
    for (const p of pages) assert.ok(isA4(p), `page ${p.width}×${p.height}`);
    // At least one page per sheet, and no sheet split across several page widths.
    assert.ok(pages.length >= sheets.size, `${pages.length} pages for ${sheets.size} sheets`);
    const rows = [...sheets.values()].reduce((a, b) => a + b, 0);
    assert.ok(pages.length <= sheets.size + Math.ceil(rows / 12), `${pages.length} pages for ${rows} rows in ${sheets.size} sheets`);
    c.diagnostic(`annual report: ${sheets.size} sheets, ${rows} rows, ${pages.length} A4 pages`);
  });

  it('the catalog: A4 landscape, rows tall enough for their wrapped text', async (c) => {
    const { bytes, pages } = await printed('/staff/catalog/finance/export.xlsx');
    for (const p of pages) assert.ok(isA4(p) && p.width > p.height, `page ${p.width}×${p.height}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // The longest 公开内容 wraps over several lines and its row is that many lines high.
    let tallest = 0;
    ws.eachRow((row, n) => {
      if (n > 3) tallest = Math.max(tallest, row.height ?? 0);
    });
    assert.ok(tallest >= 45, `tallest data row ${tallest}pt`);
    const rows = ws.rowCount;
    assert.ok(pages.length >= 1 && pages.length <= Math.ceil(rows / 3), `${pages.length} pages for ${rows} rows`);
    c.diagnostic(`catalog: ${rows} rows, tallest ${tallest}pt, ${pages.length} A4 pages`);
  });

  it('CSV exports start with a UTF-8 BOM', async () => {
    for (const url of ['/staff/catalog/finance/export.csv', '/staff/audit/export.csv']) {
      const c = url.startsWith('/staff/audit') ? await t.signIn('auditor') : gkb;
      const res = await c.get(url);
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], url);
      assert.match(String(res.headers['content-type']), /charset=utf-8/);
    }
  });
});
