// Finding requests for the same information (《政府信息公开条例》第四十四条: information requested by
// several applicants may become 主动公开). Pure normalisation; the query lives in data/.

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// Words that describe the asking, not the information asked for.
const FILLERS = /(申请公开|请求公开|要求公开|申请获取|申请提供|请提供|提供|公开|关于|有关|相关|的|全文|文件|信息|政府信息|资料|复印件|一份)/g;

/**
 * A key for "the same information": half-width, lower case, no punctuation or spaces, without
 * filler words. Two descriptions with the same key ask for the same thing.
 */
export function normaliseDescription(s: string): string {
  return halfWidth(s)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(FILLERS, '');
}

// 文号: 机关代字 + 〔年份〕 + 序号 + 号, with any bracket people type.
const DOC_NO = /([\u4e00-\u9fa5A-Za-z]{1,20})\s*[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,6})\s*号/u;

/** The 文号 in a text, normalised to 机关代字〔2017〕47号, or '' when there is none. */
export function extractDocNo(s: string): string {
  const m = DOC_NO.exec(halfWidth(s));
  if (!m) return '';
  // The words before the 机关代字 may belong to the sentence ("申请公开楚市政通…").
  const issuer = m[1]!.replace(/^(?:(?:申请|请求|要求|需要)?(?:公开|提供|获取|查阅)|关于|贵单位|贵机关|的)+/u, '');
  return issuer ? `${issuer}〔${m[2]}〕${Number(m[3])}号` : '';
}

/** CJK bigrams (and ASCII words) of a normalised description, for a similarity score. */
export function bigrams(s: string): Set<string> {
  const t = normaliseDescription(s);
  const out = new Set<string>();
  const cs = Array.from(t);
  for (let i = 0; i + 1 < cs.length; i++) out.add(cs[i]! + cs[i + 1]!);
  if (cs.length === 1) out.add(cs[0]!);
  return out;
}

/** Jaccard similarity of two descriptions' bigrams (0–1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

/** Descriptions at least this similar count as the same information. */
export const SIMILAR_THRESHOLD = 0.6;
