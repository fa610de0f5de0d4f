/**
 * Checks for identifiers that people type into forms: 统一社会信用代码, 居民身份证号, telephone numbers,
 * e-mail addresses and passwords. Pure functions: no I/O, no clock (`today` is an argument).
 * Messages are plain Chinese, ready to show next to the form field.
 */

export type ValidationResult = { ok: true } | { ok: false; message: string };

const OK: ValidationResult = { ok: true };
const fail = (message: string): ValidationResult => ({ ok: false, message });

/** Split into code points, so that a stray CJK or emoji character counts as one character. */
const chars = (s: string): string[] => Array.from(s);

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------------------------

// GB 32100-2015 §4.1: the code uses 0-9 and capital letters except I, O, Z, S, V (31 characters, valued 0–30 in this order).
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// GB 32100-2015 §4.2 and 附录: 登记管理部门代码 (position 1) → allowed 机构类别代码 (position 2).
const USCC_CATEGORIES: Readonly<Record<string, { authority: string; categories: string }>> = {
  '1': { authority: '机构编制', categories: '1239' }, // 机关, 事业单位, 中央编办直管群众团体, 其他
  '2': { authority: '外交', categories: '19' },
  '3': { authority: '司法行政', categories: '123459' },
  '4': { authority: '文化', categories: '19' },
  '5': { authority: '民政', categories: '1239' }, // 社会团体, 民办非企业单位, 基金会, 其他
  '6': { authority: '旅游', categories: '129' },
  '7': { authority: '宗教', categories: '129' },
  '8': { authority: '工会', categories: '19' },
  '9': { authority: '工商（市场监管）', categories: '123' }, // 企业, 个体工商户, 农民专业合作社
  A: { authority: '中央军委改革和编制办公室', categories: '19' },
  N: { authority: '农业', categories: '1239' }, // 组级, 村级, 乡镇级集体经济组织, 其他
  Y: { authority: '其他', categories: '1' },
};

// GB 32100-2015 §5: weights W_i = 3^(i-1) mod 31 for positions 1–17.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * The 18th character of a 统一社会信用代码 for the given first 17 characters.
 * Throws if `first17` is not 17 characters from the code's character set.
 */
export function usccCheckChar(first17: string): string {
  const cs = chars(first17);
  if (cs.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${cs.length}`);
  let sum = 0;
  cs.forEach((c, i) => {
    const v = USCC_CHARSET.indexOf(c);
    if (v < 0) throw new RangeError(`usccCheckChar: character ${JSON.stringify(c)} is not allowed`);
    sum += v * (USCC_WEIGHTS[i] as number);
  });
  // GB 32100-2015 §5: C18 = 31 − MOD(Σ Ci×Wi, 31); a result of 31 is written as 0.
  const c18 = 31 - (sum % 31);
  return USCC_CHARSET[c18 === 31 ? 0 : c18] as string;
}

// GB 11714-1997 §5: weights of the 8 本体代码 characters of a 组织机构代码.
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The 9th (check) character of a 组织机构代码 (GB 11714-1997) for its first 8 characters.
 * Digits count as 0–9 and letters as A=10 … Z=35. Throws on any other character.
 */
export function orgCodeCheckChar(first8: string): string {
  const cs = chars(first8);
  if (cs.length !== 8) throw new RangeError(`orgCodeCheckChar needs 8 characters, got ${cs.length}`);
  let sum = 0;
  cs.forEach((c, i) => {
    let v: number;
    if (c >= '0' && c <= '9') v = c.charCodeAt(0) - 48;
    else if (c >= 'A' && c <= 'Z') v = c.charCodeAt(0) - 55;
    else throw new RangeError(`orgCodeCheckChar: character ${JSON.stringify(c)} is not allowed`);
    sum += v * (ORG_CODE_WEIGHTS[i] as number);
  });
  // GB 11714-1997 §5: C9 = 11 − MOD(Σ Ci×Wi, 11); 10 is written as X, 11 as 0.
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

/** Validate a 统一社会信用代码 exactly as given (no trimming, capital letters only). */
export function validateUscc(code: string): ValidationResult {
  const cs = chars(code);
  if (cs.length === 0) return fail('请填写统一社会信用代码');
  // GB 32100-2015 §4: the code has 18 characters.
  if (cs.length !== 18) return fail(`统一社会信用代码应为18位，当前为${cs.length}位`);
  // GB 32100-2015 §4.1: only 0-9 and capital letters other than I, O, Z, S, V.
  const bad = cs.find((c) => !USCC_CHARSET.includes(c));
  if (bad !== undefined) {
    if (/^[a-z]$/.test(bad)) return fail(`统一社会信用代码的字母应为大写，含有小写字母「${bad}」`);
    if (bad.trim() === '') return fail('统一社会信用代码中不应有空格');
    return fail(`统一社会信用代码含有不允许的字符「${bad}」`);
  }
  const [p1, p2] = cs as [string, string];
  // GB 32100-2015 §4.2: position 1 is the 登记管理部门代码.
  const authority = USCC_CATEGORIES[p1];
  if (authority === undefined) return fail(`统一社会信用代码第1位（登记管理部门代码）「${p1}」无效`);
  // GB 32100-2015 §4.2: position 2 is the 机构类别代码 defined by that 登记管理部门.
  if (!authority.categories.includes(p2)) {
    return fail(`统一社会信用代码第2位（机构类别代码）「${p2}」对登记管理部门「${authority.authority}」无效`);
  }
  // GB 32100-2015 §4.3: positions 3–8 are the 登记管理机关行政区划码 (GB/T 2260, six digits).
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('统一社会信用代码第3—8位应为行政区划码（6位数字）');
  // GB 32100-2015 §4.4: positions 9–17 are the 组织机构代码, whose own check character follows GB 11714-1997.
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    return fail('统一社会信用代码第9—17位（组织机构代码）的校验位错误');
  }
  // GB 32100-2015 §5: position 18 is the check character.
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return fail('统一社会信用代码校验位错误');
  return OK;
}

// ---------------------------------------------------------------------------------------------
// 居民身份证号 (GB 11643-1999)
// ---------------------------------------------------------------------------------------------

// GB 11643-1999 §8.2: weights W_i = 2^(18-i) mod 11 for positions 1–17.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// GB 11643-1999 §8.2: MOD(Σ, 11) = 0…10 maps to these check characters.
const ID_CHECK_CHARS = '10X98765432';

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Calendar check of a YYYYMMDD string without going through `Date` (no time-zone effects). */
function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Validate an 18-character 居民身份证号. `today` is the legal date 'YYYY-MM-DD' (Asia/Shanghai)
 * against which the birth date must not be in the future. A lower-case x check character is accepted.
 */
export function validateResidentId(id: string, today: string): ValidationResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isCalendarDate(today.replaceAll('-', ''))) {
    throw new RangeError(`validateResidentId: today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  }
  const cs = chars(id);
  if (cs.length === 0) return fail('请填写居民身份证号');
  // GB 11643-1999 §4: the number has 18 characters (the old 15-digit numbers are not accepted).
  if (cs.length !== 18) return fail(`居民身份证号应为18位，当前为${cs.length}位`);
  // GB 11643-1999 §4: 17 digits followed by a digit or X.
  if (!/^\d{17}[\dXx]$/.test(id)) return fail('居民身份证号前17位应为数字，最后一位为数字或X');
  // GB 11643-1999 §5: positions 1–6 are the 地址码 (a GB/T 2260 county code, never starting with 0).
  if (id[0] === '0') return fail('居民身份证号前6位（地址码）无效');
  // GB 11643-1999 §6: positions 7–14 are the 出生日期码 YYYYMMDD (GB/T 7408).
  const birth = id.slice(6, 14);
  if (!isCalendarDate(birth) || Number(birth.slice(0, 4)) < 1800) {
    return fail(`居民身份证号中的出生日期「${birth}」无效`);
  }
  if (birth > today.replaceAll('-', '')) return fail('居民身份证号中的出生日期晚于今天');
  // GB 11643-1999 §8: position 18 is the 校验码 (ISO 7064 MOD 11-2).
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  if (ID_CHECK_CHARS[sum % 11] !== (id[17] as string).toUpperCase()) return fail('居民身份证号校验位错误');
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Telephone numbers and e-mail
// ---------------------------------------------------------------------------------------------

// 《电信网编号计划（2017年版）》: mainland mobile numbers are 11 digits starting 13–19.
const MOBILE = /^1[3-9]\d{9}$/;
// 《电信网编号计划（2017年版）》: landline = 长途区号 (0 + 2–3 digits) + 7–8 digit local number; an extension may follow.
const LANDLINE = /^0\d{2,3}-[2-9]\d{6,7}(?:-\d{1,6})?$/;

/** A mainland mobile number (13912345678) or a landline written 0878-3123456 or 0878-3123456-801. */
export function validateMobileOrPhone(s: string): ValidationResult {
  if (s.length === 0) return fail('请填写联系电话');
  if (MOBILE.test(s) || LANDLINE.test(s)) return OK;
  return fail('联系电话格式不正确，请填写11位手机号码，或“区号-号码”形式的固定电话，如0878-3123456');
}

// RFC 5322 §3.4.1 (dot-atom local part) with the RFC 5321 §4.5.3.1 length limits; domain labels per RFC 1035.
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A plain e-mail address such as name@example.com (no quoted local parts, no IP-literal domains). */
export function validateEmail(s: string): ValidationResult {
  if (s.length === 0) return fail('请填写电子邮箱');
  const message = '电子邮箱格式不正确，应类似 name@example.com';
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return fail(message);
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  // RFC 5321 §4.5.3.1: local part ≤ 64 octets, whole path ≤ 254 characters.
  if (local.length > 64 || s.length > 254) return fail('电子邮箱地址过长');
  if (!EMAIL_LOCAL.test(local)) return fail(message);
  const labels = domain.split('.');
  // RFC 1035 §2.3.1: labels of letters, digits and inner hyphens; require a dotted domain with an alphabetic TLD.
  if (labels.length < 2 || !labels.every((l) => EMAIL_LABEL.test(l)) || !/^[A-Za-z]{2,}$/.test(labels.at(-1) ?? '')) {
    return fail(message);
  }
  return OK;
}
