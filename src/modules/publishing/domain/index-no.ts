// 索引号: the unit's 统一社会信用代码 (GB 32100-2015, 18 characters), the year of publication and a
// five-digit sequence without gaps per unit and year: {统一社会信用代码}/{year}-{seq}, e.g.
// 115323010151200721/2025-00042. 《政府信息公开条例》第十二条: every 目录 entry carries an 索引.

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const INDEX_NO = /^([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})\/(\d{4})-(\d{5,})$/;

export function formatIndexNo(uscc: string, year: number, seq: number): string {
  if (!USCC.test(uscc)) throw new RangeError(`统一社会信用代码格式不正确：${uscc}`);
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw new RangeError(`索引号年份不正确：${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`索引号序号不正确：${seq}`);
  // Five digits; a unit publishing more than 99999 records in a year keeps counting (00042 … 100000).
  return `${uscc}/${year}-${String(seq).padStart(5, '0')}`;
}

export function parseIndexNo(s: string): { uscc: string; year: number; seq: number } | null {
  const m = INDEX_NO.exec(s);
  if (!m) return null;
  const seq = Number(m[3]);
  if (seq < 1 || (m[3]!.length > 5 && m[3]!.startsWith('0'))) return null;
  return { uscc: m[1]!, year: Number(m[2]), seq };
}
