// Slugs name units in public URLs (/units/:slug): short, stable, readable Latin identifiers.

export const SLUG_MIN = 2;
export const SLUG_MAX = 60;

/** Words that are paths of their own under /units or /staff/units. */
export const RESERVED_SLUGS: readonly string[] = ['new', 'api'];

/**
 * Words that are paths of their own in the 政府信息公开 column (/openness/items/…,
 * /openness/reading-guide, /openness/consultations/…), where unit slugs also appear (/openness/<slug>).
 */
export const OPENNESS_RESERVED_SLUGS: readonly string[] = ['items', 'reading-guide', 'consultations'];

/** A message for a bad slug, or undefined when it is acceptable (uniqueness is checked elsewhere). */
export function slugProblem(slug: string): string | undefined {
  if (!slug) return '请填写网址标识';
  if (!/^[a-z0-9-]+$/.test(slug)) return '网址标识只能由小写英文字母、数字和连字符（-）组成';
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return `网址标识应为${SLUG_MIN}—${SLUG_MAX}个字符，当前为${slug.length}个`;
  if (slug.startsWith('-') || slug.endsWith('-') || slug.includes('--')) return '网址标识不能以连字符开头或结尾，也不能含连续的连字符';
  if (RESERVED_SLUGS.includes(slug)) return `「${slug}」为系统保留字，不能用作网址标识`;
  if (OPENNESS_RESERVED_SLUGS.includes(slug)) return `「${slug}」已用作政府信息公开栏目的网址（/openness/${slug}），不能用作单位的网址标识，请换一个`;
  return undefined;
}
