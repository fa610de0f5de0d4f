// File names of catalog exports and the Content-Disposition header that carries them.

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * ! which attr-char does not allow (except !). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="ascii fallback"; filename*=UTF-8''…` (RFC 6266 §4.3 with RFC 5987 encoding),
 * so browsers save the Chinese name and old clients still get a usable ASCII one.
 */
export function contentDisposition(filename: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(filename)}`;
}

export type ExportFormat = 'xlsx' | 'csv' | 'json';

/** "楚雄市财政局政务公开标准目录-2026-11-26.xlsx" and its ASCII twin "catalog-finance-2026-11-26.xlsx". */
export function exportFileNames(unitName: string, unitSlug: string, today: string, format: ExportFormat): { name: string; ascii: string } {
  const safeName = unitName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return { name: `${safeName}政务公开标准目录-${today}.${format}`, ascii: `catalog-${unitSlug}-${today}.${format}` };
}

/** The title written above an exported sheet. */
export function exportTitle(unitName: string): string {
  return `${unitName}基层政务公开标准目录`;
}
