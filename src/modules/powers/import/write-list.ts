// Writes a 权责清单 as .xlsx in the layout counties publish (title row, one header row, 一表两单).
import ExcelJS from 'exceljs';
import { dutiesText, type PowerRow } from '../domain/power-list.ts';

export const EXPORT_HEADERS = ['序号', '事项编码', '职权名称', '子项', '职权类型', '设定依据', '实施主体', '委托机关', '实施对象', '责任事项', '追责情形', '追责依据', '监督方式', '救济途径', '来源', '备注'];

export function exportCells(r: PowerRow, i: number): (string | number)[] {
  return [i + 1, r.code, r.name, r.subItem, r.type, r.basis.join('\n'), r.subject, r.entrustedBy, r.target, dutiesText(r.duties), r.accountability, r.accountabilityBasis, r.supervision, r.remedy, r.source, r.note];
}

export async function writeListWorkbook(title: string, rows: readonly PowerRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('权责清单');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, EXPORT_HEADERS.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(EXPORT_HEADERS).font = { bold: true };
  rows.forEach((r, i) => ws.addRow(exportCells(r, i)));
  const widths = [6, 16, 36, 16, 12, 40, 20, 16, 16, 60, 40, 30, 24, 24, 8, 16];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
