// The xlsx export of a request list. Rows arrive already masked (service-read maskRow): identity
// numbers, phone numbers, e-mail and addresses never leave the system in full through an export.
import ExcelJS from 'exceljs';
import { makePrintable } from '../../../core/xlsx/print.ts';

export interface ExportRow {
  requestNo: string;
  unitName: string;
  applicantKind: string;
  applicantName: string;
  idNumber: string;
  phone: string;
  channel: string;
  description: string;
  docNo: string;
  state: string;
  receivedOn: string;
  dueOn: string;
  due: string;
  handlerName: string;
  outcome: string;
  repliedOn: string;
}

const COLUMNS: { key: keyof ExportRow; header: string; width: number }[] = [
  { key: 'requestNo', header: '受理编号', width: 18 },
  { key: 'unitName', header: '受理单位', width: 20 },
  { key: 'applicantKind', header: '申请人类型', width: 14 },
  { key: 'applicantName', header: '申请人（已隐藏）', width: 16 },
  { key: 'idNumber', header: '证件号码（已隐藏）', width: 22 },
  { key: 'phone', header: '联系电话（已隐藏）', width: 16 },
  { key: 'channel', header: '申请渠道', width: 16 },
  { key: 'description', header: '所需信息', width: 40 },
  { key: 'docNo', header: '文号', width: 20 },
  { key: 'state', header: '状态', width: 10 },
  { key: 'receivedOn', header: '收到申请之日', width: 14 },
  { key: 'dueOn', header: '答复期限', width: 12 },
  { key: 'due', header: '期限状态', width: 16 },
  { key: 'handlerName', header: '承办人', width: 14 },
  { key: 'outcome', header: '办理结果', width: 30 },
  { key: 'repliedOn', header: '答复日期', width: 12 },
];

/** A value a spreadsheet would run as a formula is kept as text (OWASP "CSV injection"). */
function safe(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export async function requestsWorkbook(title: string, rows: ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet('依申请公开');
  ws.addRow([title]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(COLUMNS.map((c) => c.header));
  ws.getRow(2).font = { bold: true };
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  for (const r of rows) ws.addRow(COLUMNS.map((c) => safe(r[c.key])));
  makePrintable(ws, { headerRow: 2 });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
