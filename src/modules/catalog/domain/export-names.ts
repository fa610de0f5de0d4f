// File names of catalog exports (core/http/content-disposition.ts carries them).

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
