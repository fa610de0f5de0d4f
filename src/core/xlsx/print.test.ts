import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { displayWidth, makePrintable, wrappedLines } from './print.ts';

describe('printable sheets', () => {
  it('counts CJK and full-width characters as two cells', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('政府信息'), 8);
    assert.equal(displayWidth('（一）１２'), 10);
    // A 40-wide column holds 19 CJK characters a line (one cell kept for the edge).
    assert.equal(wrappedLines('字'.repeat(19), 40), 1);
    assert.equal(wrappedLines('字'.repeat(20), 40), 2);
    assert.equal(wrappedLines('一行\n二行\n三行', 40), 3);
  });

  it('writes A4, landscape for a wide list, fit to width, repeated header rows, borders and row heights that survive a round trip', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('列表');
    ws.addRow(['标题行']);
    ws.addRow(['受理编号', '所需信息', '办理结果']);
    ws.columns = [{ width: 18 }, { width: 60 }, { width: 30 }];
    ws.addRow(['YSQ-2026-000001', '请求公开'.repeat(20), '予以公开']);
    ws.addRow(['YSQ-2026-000002', '短', '']);
    makePrintable(ws, { headerRow: 2 });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const s = back.getWorksheet('列表')!;
    assert.equal(s.pageSetup.paperSize, 9);
    assert.equal(s.pageSetup.orientation, 'landscape');
    assert.equal(s.pageSetup.fitToWidth, 1);
    assert.equal(s.pageSetup.fitToHeight, 0);
    assert.equal(s.pageSetup.printTitlesRow, '1:2');
    assert.match(s.headerFooter.oddFooter ?? '', /&P/);
    // 80 CJK characters = 160 cells in a 60-wide column: 3 lines.
    assert.equal(s.getRow(3).height, 45);
    assert.equal(s.getRow(4).height, undefined);
    assert.equal(s.getRow(3).getCell(2).alignment?.wrapText, true);
    assert.equal(s.getRow(3).getCell(2).border?.left?.style, 'thin');
    assert.equal(s.getRow(1).getCell(1).border, undefined, 'the title row keeps no grid');
  });

  it('keeps a narrow list portrait', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('窄');
    ws.columns = [{ width: 20 }, { width: 30 }];
    ws.addRow(['a', 'b']);
    makePrintable(ws, { headerRow: 1 });
    assert.equal(ws.pageSetup.orientation, 'portrait');
  });
});
