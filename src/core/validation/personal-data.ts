// Personal data that a public record should not carry (个人信息保护法 第二十八条 金融账户 as 敏感个人信息;
// 条例 第十五条 个人隐私): 居民身份证号 that pass the GB 11643 check digit, mainland mobile numbers and bank
// card numbers that pass the Luhn check. Pure: `today` is an argument.
import { validateResidentId } from './identifiers.ts';

export type PersonalDataKind = 'resident_id' | 'mobile' | 'bank_card';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets of the number in the text. */
  begin: number;
  end: number;
  /** The number with its middle hidden, so the finding does not repeat it. */
  masked: string;
}

// A run of 15–19 digits (an 18-character 身份证号 may end in X), not inside a longer run of digits or letters.
const DIGIT_RUN = /(?<![0-9A-Za-z])\d{15,18}[\dXx]?(?![0-9A-Za-z])/g;
// 《电信网编号计划（2017年版）》: 11 digits from 13–19; also written 139-0878-1234 or 139 0878 1234.
const MOBILE = /(?<![0-9])1[3-9]\d(?:[-\s]?\d{4}){2}(?![0-9])/g;

/** ISO/IEC 7812-1 Annex B (Luhn): the check digit of a payment card number. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskNumber(s: string, keepStart: number, keepEnd: number): string {
  return s.slice(0, keepStart) + '*'.repeat(Math.max(0, s.length - keepStart - keepEnd)) + s.slice(s.length - keepEnd);
}

/**
 * 身份证号 with a valid check digit (a mistyped or made-up one is left alone), bank cards of 16–19 digits
 * that pass Luhn (银联 cards start with 62; any issuer is accepted), and mobile numbers.
 */
export function findPersonalData(text: string, today: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const s = m[0].toUpperCase();
    const begin = m.index;
    const end = begin + s.length;
    if (s.length === 18 && validateResidentId(s, today).ok) {
      out.push({ kind: 'resident_id', begin, end, masked: maskNumber(s, 6, 4) });
    } else if (s.length >= 16 && /^\d+$/.test(s) && luhnValid(s)) {
      out.push({ kind: 'bank_card', begin, end, masked: maskNumber(s, 0, 4) });
    }
  }
  for (const m of text.matchAll(MOBILE)) {
    const n = m[0].replace(/[-\s]/g, '');
    out.push({ kind: 'mobile', begin: m.index, end: m.index + m[0].length, masked: maskNumber(n, 3, 4) });
  }
  return out.sort((a, b) => a.begin - b.begin);
}
