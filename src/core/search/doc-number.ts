// 文号 (发文字号) recognition for search: 机关代字〔年份〕序号号, e.g. 楚市政通〔2017〕47号
// (《党政机关公文格式》GB/T 9704-2012 7.2.4: 年份用六角括号〔〕, 序号不编虚位). People type it with
// any bracket ([], (), （）, 【】) or none, with full-width digits or spaces: all are read as one form.
// Pure: no I/O.

const OPENING = '〔[(【{';
const CLOSING = '〕])】}';

/**
 * The canonical form of a 文号 (〔〕 brackets, no leading zeros, no spaces), or null when the text
 * is not one. Used both for the stored 文号 of a record and for what someone searches for.
 */
export function normaliseDocNumber(input: string): string | null {
  if (input.length > 80) return null;
  let s = input.normalize('NFKC').replace(/\s+/g, '');
  // 规章 are numbered by 令 (《规章制定程序条例》第二十九条): 楚雄州人民政府令第3号.
  const order = /^(\p{Script=Han}{2,40})令第0*(\d{1,6})号$/u.exec(s);
  if (order) return `${order[1]}令第${order[2]}号`;
  for (const c of OPENING) s = s.split(c).join('〔');
  for (const c of CLOSING) s = s.split(c).join('〕');
  const m = /^([\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9]{0,19}?)〔?((?:19|20)\d\d)〕?第?0*(\d{1,6})号$/u.exec(s);
  if (!m) return null;
  const [, agency, year, seq] = m;
  if (!/\p{Script=Han}/u.test(agency!)) return null;
  return `${agency}〔${year}〕${seq}号`;
}
