// The ranking of a period as a workbook that prints on A4 (core/xlsx makePrintable), with a second sheet of
// the points lost per unit and indicator.
import ExcelJS from 'exceljs';
import { makePrintable } from '../../../core/xlsx/print.ts';
import type { UnitScore } from '../domain/scoring.ts';
import { rankingRows } from './bulletin-docx.ts';

/** A value a spreadsheet would run as a formula is kept as text. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function rankingWorkbook(title: string, scores: readonly UnitScore[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet('排名');
  ws.addRow([title]).font = { bold: true, size: 14 };
  const r = rankingRows(scores);
  ws.addRow(r.head);
  for (const row of r.rows) ws.addRow(row.map((v, i) => (i === 1 ? safe(v) : Number(v))));
  ws.columns = r.head.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 26 : 10 }));
  makePrintable(ws, { headerRow: 2 });
  const d = wb.addWorksheet('失分明细');
  d.addRow(['单位', '指标', '分值', '得分', '计分说明']);
  for (const s of scores) for (const i of s.indicators) if (i.points < i.weight) d.addRow([safe(s.unitName), i.name, i.weight, i.points, i.explanation]);
  d.columns = [{ width: 26 }, { width: 18 }, { width: 8 }, { width: 8 }, { width: 50 }];
  makePrintable(d, { headerRow: 1 });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
