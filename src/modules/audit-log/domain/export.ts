// Export formatting: CSV cells safe for Excel/WPS, and instants as Asia/Shanghai text.

/** Excel reads a UTF-8 CSV as UTF-8 (not GBK) only when it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';

export const EXPORT_HEADERS = ['记录编号', '时间', '操作人', '单位', '操作', '操作代码', '对象类型', '对象编号', '摘要', 'IP', '请求编号'] as const;

/** At most this many rows go into one export file. */
export const EXPORT_CAP = 100_000;

/**
 * One CSV field: a value that a spreadsheet would run as a formula gets a leading single quote
 * (OWASP "CSV injection"), and a field with a quote, comma or line break is quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** One CSV record with the CRLF line end of RFC 4180. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

const seconds = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** YYYY-MM-DD HH:MM:SS in Asia/Shanghai: exports keep seconds, as auditors compare events. */
export function formatInstantSeconds(instant: Date): string {
  const p = Object.fromEntries(seconds.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
}
