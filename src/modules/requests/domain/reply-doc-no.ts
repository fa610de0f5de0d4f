// 答复告知书的文号 (发文字号: 机关代字〔年份〕序号号, GB/T 9704-2012 7.2.4): a unit's pattern with the
// placeholders {年} and {号}, e.g. 楚市财依申复〔{年}〕{号}号 → 楚市财依申复〔2026〕7号. Pure code.

export const DOC_NO_EXAMPLE = '楚市财依申复〔{年}〕{号}号';

/** Normalises a typed pattern: full-width braces, spaces, the ASCII/other brackets people type around the year. */
export function normaliseDocNoPattern(raw: string): string {
  return raw
    .trim()
    .replace(/[｛]/g, '{')
    .replace(/[｝]/g, '}')
    .replace(/\s+/g, '')
    .replace(/[[［【(（]\{年\}[\]］】)）]/, '〔{年}〕');
}

/** '' when the pattern is usable, else the Chinese message for the field. */
export function docNoPatternError(pattern: string): string {
  if (!pattern) return '';
  if (pattern.length > 40) return '文号格式不能超过40个字';
  const placeholders = pattern.match(/\{[^}]*\}/g) ?? [];
  const unknown = placeholders.filter((p) => p !== '{年}' && p !== '{号}');
  if (unknown.length) return `文号格式中只能使用 {年} 和 {号}，不认识：${unknown.join('、')}`;
  if (placeholders.filter((p) => p === '{年}').length !== 1 || placeholders.filter((p) => p === '{号}').length !== 1)
    return `文号格式须各含一个 {年} 和 {号}，如：${DOC_NO_EXAMPLE}`;
  if (/[{}]/.test(pattern.replace(/\{年\}|\{号\}/g, ''))) return '文号格式中的大括号不成对';
  if (!pattern.includes('〔{年}〕')) return `年份须用六角括号“〔〕”括起来，如：${DOC_NO_EXAMPLE}`;
  const before = pattern.slice(0, pattern.indexOf('〔'));
  if (!before) return `文号须以机关代字开头，如：${DOC_NO_EXAMPLE}`;
  return '';
}

/** The 文号 of number `seq` in `year`; numbers are not padded (“1号”, not “01号”, GB/T 9704 7.2.4). */
export function formatDocNo(pattern: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`序号应为正整数：${String(seq)}`);
  return pattern.replace('{年}', String(year)).replace('{号}', String(seq));
}
