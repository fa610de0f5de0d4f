// 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; reference/regulation.md §1.8).
// Pure arithmetic in whole 元. The platform only issues the notice and records payment; fees are
// non-tax revenue paid to the treasury.

export type FeeMethod = 'per_request' | 'per_page';

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  per_request: '按件计收',
  per_page: '按量计收',
};

export interface FeeLine {
  /** The first and last application (per_request) or page (per_page) of the tier charged. */
  from: number;
  to: number;
  count: number;
  rateYuan: number;
  amountYuan: number;
}

export interface FeeResult {
  method: FeeMethod;
  amountYuan: number;
  lines: FeeLine[];
  /** The text for the fee notice: 依据、标准. */
  basis: string;
}

/**
 * 第四条 按件计收, the rate of the n-th application of the same applicant in one calendar month
 * (cumulative): 1–10 free; 11–30 100元/件; from 31, every 10 applications one tier, +100元/件 per tier
 * (31–40 200元, 41–50 300元, …). The tier arithmetic is read from the text (regulation.md §1.8).
 */
export function perRequestRate(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`申请序号应为正整数，收到 ${String(n)}`);
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 * (2 + Math.floor((n - 31) / 10));
}

/**
 * 第五条 按量计收, the rate of the p-th page of one application: 1–30 free; 31–100 10元/页;
 * 101–200 20元/页; from 201 40元/页 (超额累进: each page at the rate of its tier).
 */
export function perPageRate(p: number): number {
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`页序号应为正整数，收到 ${String(p)}`);
  if (p <= 30) return 0;
  if (p <= 100) return 10;
  if (p <= 200) return 20;
  return 40;
}

function progressive(fromN: number, toN: number, rate: (n: number) => number): FeeLine[] {
  const lines: FeeLine[] = [];
  for (let n = fromN; n <= toN; n++) {
    const r = rate(n);
    const last = lines[lines.length - 1];
    if (last && last.rateYuan === r) {
      last.to = n;
      last.count++;
      last.amountYuan += r;
    } else lines.push({ from: n, to: n, count: 1, rateYuan: r, amountYuan: r });
  }
  return lines;
}

/**
 * 按件计收: the fee for `count` applications submitted this month by an applicant who had already
 * submitted `earlierThisMonth` applications in the same calendar month.
 */
export function perRequestFee(earlierThisMonth: number, count = 1): FeeResult {
  if (!Number.isInteger(earlierThisMonth) || earlierThisMonth < 0) throw new RangeError('本月此前申请件数应为非负整数');
  if (!Number.isInteger(count) || count < 1) throw new RangeError('申请件数应为正整数');
  const lines = progressive(earlierThisMonth + 1, earlierThisMonth + count, perRequestRate);
  return {
    method: 'per_request',
    amountYuan: lines.reduce((s, l) => s + l.amountYuan, 0),
    lines,
    basis: '《政府信息公开信息处理费管理办法》第四条：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，收费标准为100元/件；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件',
  };
}

/** 按量计收: the fee for one application of `pages` pages. */
export function perPageFee(pages: number): FeeResult {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('页数应为非负整数');
  const lines = pages === 0 ? [] : progressive(1, pages, perPageRate);
  return {
    method: 'per_page',
    amountYuan: lines.reduce((s, l) => s + l.amountYuan, 0),
    lines,
    basis: '《政府信息公开信息处理费管理办法》第五条：同一申请人单件申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，收费标准为10元/页；101—200页（含200页）的部分，收费标准为20元/页；201页以上的部分，收费标准为40元/页',
  };
}

/** 第三条: one method per application, never both; 0 元 means no fee notice is needed. */
export function computeFee(input: { method: FeeMethod; pages?: number; earlierThisMonth?: number }): FeeResult {
  if (input.method === 'per_page') return perPageFee(input.pages ?? 0);
  return perRequestFee(input.earlierThisMonth ?? 0, 1);
}

/** "31—100页：70页 × 10元 = 700元" lines for the notice. */
export function describeFee(r: FeeResult): string[] {
  const unit = r.method === 'per_page' ? '页' : '件';
  return r.lines
    .filter((l) => l.rateYuan > 0)
    .map((l) => `第${l.from}${l.from === l.to ? '' : `—${l.to}`}${unit}：${l.count}${unit} × ${l.rateYuan}元 = ${l.amountYuan}元`);
}
