// Well-formed but invented identity numbers for demo data and tests. Pure code.
import { orgCodeCheckChar, usccCheckChar } from '../../../core/validation/identifiers.ts';

/** A valid 18-digit 居民身份证号 (GB 11643-1999 check digit) for a 楚雄市 (532301) birth date and sequence. */
export function demoResidentId(birth: string, seq: number): string {
  const body = `532301${birth}${String(seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * w[i]!;
  return body + '10X98765432'[sum % 11];
}

/** A well-formed 统一社会信用代码 (GB 32100-2015) for an invented enterprise registered in 楚雄市. */
export function demoUscc(body8: string): string {
  const first17 = `91532301${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}
