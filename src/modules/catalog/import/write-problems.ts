// The full list of an import preview's problems as .xlsx (the preview page shows the first 50), and
// the compact form in which the list travels from the preview page to the download.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ImportProblem } from '../domain/types.ts';
import { problemKind } from '../domain/import-problems.ts';

/** The list as a form field: deflated JSON, base64url. */
export function packProblems(problems: readonly ImportProblem[]): string {
  const rows = problems.map((p) => [p.sheet ?? '', p.row, p.column, p.severity === 'error' ? 1 : 0, p.message]);
  return zlib.deflateRawSync(Buffer.from(JSON.stringify(rows), 'utf8')).toString('base64url');
}

/** The list back from the form field; undefined when it is not one (bounded when inflated). */
export function unpackProblems(field: string): ImportProblem[] | undefined {
  if (!field || !/^[A-Za-z0-9_-]+$/.test(field)) return undefined;
  try {
    const rows = JSON.parse(zlib.inflateRawSync(Buffer.from(field, 'base64url'), { maxOutputLength: 64 * 1024 * 1024 }).toString('utf8')) as unknown;
    if (!Array.isArray(rows)) return undefined;
    const out: ImportProblem[] = [];
    for (const r of rows) {
      if (!Array.isArray(r) || r.length !== 5) return undefined;
      const [sheet, row, column, error, message] = r as unknown[];
      if (typeof sheet !== 'string' || typeof row !== 'number' || typeof column !== 'string' || typeof message !== 'string') return undefined;
      out.push({ row, column, message, severity: error === 1 ? 'error' : 'warning', ...(sheet ? { sheet } : {}) });
    }
    return out;
  } catch {
    return undefined;
  }
}

/** One row per problem: 工作表, 行, 列, 类型, 类别, 说明. */
export async function writeProblemsWorkbook(problems: readonly ImportProblem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入问题', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '工作表', width: 18 },
    { header: '行', width: 8 },
    { header: '列', width: 6 },
    { header: '类型', width: 8 },
    { header: '类别', width: 22 },
    { header: '说明', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const p of problems) {
    ws.addRow([p.sheet ?? '', p.row > 0 ? p.row : '整个文件', p.column, p.severity === 'error' ? '错误' : '提示', problemKind(p), p.message]);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
