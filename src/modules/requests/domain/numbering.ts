// 受理编号 (requestNo) and the applicant's lookup code. Pure code.

/** Prefix of 依申请公开 numbers: 依申请 (YSQ). */
export const REQUEST_NO_PREFIX = 'YSQ';

/** YSQ-2026-000123: per site and year, six digits (more when a year passes 999,999). */
export function formatRequestNo(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`年份不正确：${String(year)}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`序号应为正整数：${String(seq)}`);
  return `${REQUEST_NO_PREFIX}-${year}-${String(seq).padStart(6, '0')}`;
}

const REQUEST_NO = /^YSQ-(\d{4})-(\d{6,})$/;

/** Normalises what a person typed (spaces, lower case, full-width) and checks the format. */
export function parseRequestNo(s: string): { requestNo: string; year: number; seq: number } | null {
  const t = s
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
  const m = REQUEST_NO.exec(t);
  if (!m) return null;
  return { requestNo: t, year: Number(m[1]), seq: Number(m[2]) };
}

/** Lookup codes avoid look-alike characters (0/O, 1/I/L) so they can be read out on the phone. */
export const LOOKUP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LOOKUP_CODE_LENGTH = 10;

/** Turns bytes (from a CSPRNG or an HMAC) into a lookup code. */
export function lookupCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < LOOKUP_CODE_LENGTH) throw new RangeError('not enough bytes for a lookup code');
  let out = '';
  for (let i = 0; i < LOOKUP_CODE_LENGTH; i++) out += LOOKUP_ALPHABET[(bytes[i] as number) % LOOKUP_ALPHABET.length];
  return out;
}

export function normaliseLookupCode(s: string): string {
  return s.trim().replace(/[\s-]/g, '').toUpperCase();
}
