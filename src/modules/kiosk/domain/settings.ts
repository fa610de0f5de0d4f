// Kiosk settings and terminal fields: defaults and checks. Pure. The plan (三(六)1) asks for query
// terminals in service halls; the idle time and the common searches are the office's choice, so both
// are settings with defaults here.

export const IDLE_MIN_SECONDS = 30;
export const IDLE_MAX_SECONDS = 1800;
/** Two minutes without a touch: long enough to read a page, short enough that the next person starts clean. */
export const DEFAULT_IDLE_SECONDS = 120;

export const DEFAULT_COMMON_SEARCHES = ['政府信息公开指南', '政府信息公开年度报告', '财政预决算', '惠民惠农补贴', '社会保障', '住房公积金', '义务教育招生', '不动产登记'] as const;

export const MAX_COMMON_SEARCHES = 12;
export const MAX_SEARCH_CHARS = 30;

/** The lines of the common-searches box: trimmed, empty lines and repeats dropped; an error in Chinese if too many or too long. */
export function parseCommonSearches(text: string): { ok: true; searches: string[] } | { ok: false; message: string } {
  const searches: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const s = raw.trim();
    if (!s || searches.includes(s)) continue;
    if ([...s].length > MAX_SEARCH_CHARS) return { ok: false, message: `每条常用查询不超过 ${MAX_SEARCH_CHARS} 个字：“${[...s].slice(0, 10).join('')}…”太长` };
    searches.push(s);
  }
  if (searches.length > MAX_COMMON_SEARCHES) return { ok: false, message: `常用查询最多 ${MAX_COMMON_SEARCHES} 条，现有 ${searches.length} 条` };
  return { ok: true, searches };
}

/** Terminal codes: 'K' and 8 characters of an alphabet without look-alikes (typed into a terminal's start address). */
export const TERMINAL_CODE = /^K[2-9A-HJ-NP-Z]{8}$/;
