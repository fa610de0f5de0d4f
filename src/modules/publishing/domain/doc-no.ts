// 文号 (发文字号): 机关代字〔年份〕序号号, e.g. 楚市政通〔2017〕47号.
// 《党政机关公文格式》GB/T 9704-2012 7.2.4: 年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；
// 发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”.
// 规章 are numbered by 令 (《规章制定程序条例》第二十九条: 以政府令形式公布): e.g. 楚雄州人民政府令第3号.

export interface DocNoResult {
  /** The normalised 文号 when valid. */
  value: string | null;
  /** Chinese message when invalid. */
  error: string | null;
  /** Set when brackets were replaced: "已将 [2017] 规范为 〔2017〕". */
  normalisedNote: string | null;
}

/** Brackets people type instead of 〔〕: half- and full-width square and round brackets, 【】, 〖〗. */
const OPEN = /[\[［(（【〖﹝]/g;
const CLOSE = /[\]］)）】〗﹞]/g;

/**
 * Normalises a typed 文号: trims spaces, full-width digits to ASCII, and any bracket variant around the
 * year to the six-corner brackets 〔〕 required by GB/T 9704.
 */
export function normaliseDocNo(raw: string): { value: string; changed: boolean } {
  const trimmed = raw.replace(/[\s\u3000]+/g, '');
  const digits = trimmed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  const value = digits.replace(OPEN, '〔').replace(CLOSE, '〕');
  return { value, changed: value !== digits };
}

const DOC_NO = /^([\p{Script=Han}A-Za-z]{1,30})〔(\d{4})〕(\d+)号$/u;
const ORDER_NO = /^([\p{Script=Han}]{2,40})令第(\d+)号$/u;

/**
 * Checks a 文号. `maxYear` is next year (a 文号 of a year not yet begun is a typing mistake);
 * `docType` 'regulation' also accepts the 政府令 form.
 */
export function checkDocNo(raw: string, opts: { maxYear: number; allowOrderNo?: boolean }): DocNoResult {
  const { value, changed } = normaliseDocNo(raw);
  const note = changed ? `已将文号中的括号规范为六角括号“〔〕”：${value}` : null;
  if (value === '') return { value: null, error: '请填写文号', normalisedNote: null };
  if (opts.allowOrderNo) {
    const order = ORDER_NO.exec(value);
    if (order) {
      if (/^0/.test(order[2]!)) return { value: null, error: '令号不编虚位（如“第1号”不写作“第01号”）', normalisedNote: note };
      return { value, error: null, normalisedNote: note };
    }
  }
  if (/〔\d{4}〕第\d+号$/.test(value)) {
    return { value: null, error: '发文顺序号前不加“第”字，应写作如“楚市政通〔2017〕47号”', normalisedNote: note };
  }
  if (/〔\d{2}〕/.test(value)) return { value: null, error: '文号中的年份应写全称（四位数字），如〔2017〕', normalisedNote: note };
  const m = DOC_NO.exec(value);
  if (!m) {
    return {
      value: null,
      error: '文号格式不正确，应为“机关代字〔年份〕序号号”，如“楚市政通〔2017〕47号”',
      normalisedNote: note,
    };
  }
  const year = Number(m[2]);
  if (year < 1949 || year > opts.maxYear) return { value: null, error: `文号中的年份${year}不正确`, normalisedNote: note };
  if (/^0/.test(m[3]!)) return { value: null, error: '发文顺序号不编虚位（如“1号”不写作“01号”）', normalisedNote: note };
  return { value, error: null, normalisedNote: note };
}

/** The year inside a 文号, or null. */
export function docNoYear(docNo: string): number | null {
  const m = /〔(\d{4})〕/.exec(docNo);
  return m ? Number(m[1]) : null;
}

/** Another record carrying the same 文号. */
export interface SameDocNo {
  title: string;
  unitName: string;
  indexNo: string | null;
  state: string;
}

/**
 * One 文号 is one document (GB/T 9704: 发文字号由发文机关代字、年份、发文顺序号组成 — unique per issuer, year and
 * number). The same 文号 on another record is a typing mistake unless the document is issued jointly
 * (联合发文) or forwarded (转发), which the editor states. At draft: a warning; at publication without the
 * reason: the refusal.
 */
export function sameDocNoCheck(docNo: string, others: readonly SameDocNo[], reason: string): { warning: string | null; refusal: string | null } {
  if (!docNo || !others.length) return { warning: null, refusal: null };
  const list = others.map((o) => `《${o.title}》（${o.unitName}${o.indexNo ? `，索引号${o.indexNo}` : '，未发布'}）`).join('、');
  const warning = `文号“${docNo}”已用于${list}。同一机关同一年度的发文顺序号不能重复；如为联合发文或转发，请在“联合发文或转发说明”中写明。`;
  return { warning, refusal: reason.trim() ? null : warning };
}
