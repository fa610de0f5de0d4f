// Shared by the request routes: content types, parameter parsing, file names for downloads.

export const HTML = 'text/html; charset=utf-8';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A page number from a query value: 1 unless a plain positive integer (at most 100,000). */
export function pageParam(value: unknown): number {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !/^\d{1,6}$/.test(v)) return 1;
  const n = Number(v);
  return n >= 1 && n <= 100_000 ? n : 1;
}

/** A positive integer id from a route or query value, or undefined. */
export function idParam(value: unknown): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !/^\d{1,12}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** The first string of a query value ('' when absent or not a string). */
export function queryText(value: unknown, max = 200): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

