// What a rendered report (page, .docx, .xlsx) needs. Pure.
import type { ReportTables } from './tables.ts';
import type { TextSection } from './template.ts';

export interface ReportDocumentData {
  title: string;
  /** The opening paragraph: basis, coverage, period, contact. */
  intro: string;
  unitName: string;
  year: number;
  tables: ReportTables;
  texts: Record<TextSection, string>;
  /** 'YYYY-MM-DD' once published. */
  publishedOn: string | null;
}

/** Lines of a text section (blank lines dropped). */
export function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Sub-headings such as "（一）主动公开" are set apart in print. */
export function isSubheading(line: string): boolean {
  return /^（[一二三四五六七八九十]+）\S{1,30}$/.test(line);
}

/** "2026年1月20日" for a legal date. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
