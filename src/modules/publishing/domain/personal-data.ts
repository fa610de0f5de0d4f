// Personal data a published record should not carry: 居民身份证号 that pass the check digit and mainland
// mobile numbers. A warning for the reviewer (条例 第十五条: 个人隐私; 第十七条: 审查 before publication),
// not a refusal. Pure: `today` is an argument.
import { validateResidentId } from '../../../core/validation/identifiers.ts';

export type PersonalDataKind = 'resident_id' | 'mobile';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Where it was found, as people read it ("正文", "附件“名单.xlsx”"). */
  where: string;
  /** The number with its middle hidden, so the warning does not repeat it. */
  masked: string;
}

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = { resident_id: '居民身份证号', mobile: '手机号码' };

// 18 characters not inside a longer run of digits or letters (a bank account, an order number).
const RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// 《电信网编号计划（2017年版）》: 11 digits from 13–19; people also write 139-0878-1234 or 139 0878 1234.
const MOBILE = /(?<![0-9])1[3-9]\d(?:[-\s]?\d{4}){2}(?![0-9])/g;

function mask(s: string, keepStart: number, keepEnd: number): string {
  return s.slice(0, keepStart) + '*'.repeat(Math.max(0, s.length - keepStart - keepEnd)) + s.slice(s.length - keepEnd);
}

/** The checksum-valid 身份证号 and mobile numbers in each text, each listed once per place. */
export function findPersonalData(texts: { where: string; text: string }[], today: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const { where, text } of texts) {
    const seen = new Set<string>();
    for (const m of text.matchAll(RESIDENT_ID)) {
      const id = m[0].toUpperCase();
      if (seen.has(id) || !validateResidentId(id, today).ok) continue;
      seen.add(id);
      hits.push({ kind: 'resident_id', where, masked: mask(id, 6, 4) });
    }
    for (const m of text.matchAll(MOBILE)) {
      const n = m[0].replace(/[-\s]/g, '');
      if (seen.has(n)) continue;
      seen.add(n);
      hits.push({ kind: 'mobile', where, masked: mask(n, 3, 4) });
    }
  }
  return hits;
}
