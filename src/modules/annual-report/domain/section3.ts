// Section 三: the table of requests received and handled (国办公开办函〔2021〕30号, regulation.md §2.3),
// computed from a plain list of requests. Pure: the year is an argument, dates are 'YYYY-MM-DD'.
import { APPLICANT_TYPES, OUTCOME_ROWS, type ApplicantType, type OutcomeRow, type S3Row } from './template.ts';
import { zeroS3, type S3Table } from './tables.ts';

/** One information request, as far as the annual report needs it (no personal data). */
export interface RequestFact {
  /** 受理编号. */
  requestNo: string;
  /** Which unit's request it is (a consolidated report adds several units). */
  unitId: number;
  applicantType: ApplicantType;
  /** 收到申请之日 (条例 第三十一条). */
  receivedOn: string;
  /** The day handling ended (答复 or 终止处理); null while still being handled. */
  closedOn: string | null;
  /** The row of 三、本年度办理结果 the outcome counts in; null while open. */
  outcome: OutcomeRow | null;
  /**
   * How many requests this fact stands for (default 1). A source may group identical requests
   * (same unit, applicant column, dates relative to the year and outcome) and count them in SQL.
   */
  count?: number;
}

/** Where one request counts in the year's table. */
export interface RequestPlacement {
  /** 一、本年新收. */
  received: boolean;
  /** 二、上年结转: received before the year and still open on 1 January. */
  carried: boolean;
  /** The outcome row when handling ended within the year. */
  outcome: OutcomeRow | null;
  /** 四、结转下年度继续办理: still open on 31 December. */
  forward: boolean;
}

export interface DataIssue {
  requestNo: string;
  message: string;
}

export function yearStart(year: number): string {
  return `${year}-01-01`;
}

export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

const OUTCOME_SET: ReadonlySet<string> = new Set(OUTCOME_ROWS);
const APPLICANT_SET: ReadonlySet<string> = new Set(APPLICANT_TYPES);

/**
 * Where a request counts in year `year`, or null when it does not appear in that year's table
 * (received later, or closed before the year began). The column identity of the template
 * (一 + 二 = （七） + 四) holds for every request placed here that has an outcome when closed.
 */
export function placeRequest(f: RequestFact, year: number): RequestPlacement | null {
  const start = yearStart(year);
  const end = yearEnd(year);
  if (f.receivedOn > end) return null;
  if (f.closedOn !== null && f.closedOn < start) return null;
  const closedInYear = f.closedOn !== null && f.closedOn <= end;
  return {
    received: f.receivedOn >= start,
    carried: f.receivedOn < start,
    // 区分处理的，只计这一情形: the request carries exactly one outcome row, so it counts once.
    outcome: closedInYear ? f.outcome : null,
    forward: !closedInYear,
  };
}

/** Whether a request counts in cell (row, column) of year `year`'s table. */
export function requestInCell(f: RequestFact, year: number, row: S3Row, column: ApplicantType | 'total'): boolean {
  if (column !== 'total' && f.applicantType !== column) return false;
  const p = placeRequest(f, year);
  if (!p) return false;
  switch (row) {
    case 'new':
      return p.received;
    case 'carried':
      return p.carried;
    case 'forward':
      return p.forward;
    case 'total':
      return p.outcome !== null;
    default:
      return p.outcome === row;
  }
}

export interface S3Result {
  table: S3Table;
  /** Requests that cannot be placed as recorded; they make the checks fail until corrected. */
  issues: DataIssue[];
}

/** Counts every request into the 25 × 7 table of year `year`. */
export function computeRequestTable(facts: readonly RequestFact[], year: number): S3Result {
  const t = zeroS3();
  const issues: DataIssue[] = [];
  for (const f of facts) {
    if (!APPLICANT_SET.has(f.applicantType)) {
      issues.push({ requestNo: f.requestNo, message: '申请人类型未登记或无效，未计入本表' });
      continue;
    }
    if (f.closedOn !== null && f.closedOn < f.receivedOn) {
      issues.push({ requestNo: f.requestNo, message: `办结日期（${f.closedOn}）早于收到申请日期（${f.receivedOn}）` });
    }
    const p = placeRequest(f, year);
    if (!p) continue;
    const col = f.applicantType;
    const n = f.count ?? 1;
    if (p.received) t.new[col] += n;
    if (p.carried) t.carried[col] += n;
    if (p.forward) t.forward[col] += n;
    if (!p.forward) {
      if (p.outcome !== null && OUTCOME_SET.has(p.outcome)) {
        t[p.outcome][col] += n;
        t.total[col] += n;
      } else {
        issues.push({ requestNo: f.requestNo, message: `${n > 1 ? `${n}件申请` : ''}已于${f.closedOn}办结，但没有登记可计入年报的办理结果` });
      }
    }
  }
  for (const row of Object.keys(t) as S3Row[]) {
    const r = t[row];
    r.total = r.person + r.business + r.research + r.nonprofit + r.legal + r.other;
  }
  return { table: t, issues };
}

/** A fee paid for a request (信息处理费, 国办函〔2020〕109号), in 分 to stay exact. */
export interface FeeFact {
  requestNo: string;
  amountFen: number;
  paidOn: string;
}

/** Total 信息处理费 paid within the year, in 分. */
export function feesPaidInYear(fees: readonly FeeFact[], year: number): number {
  const start = yearStart(year);
  const end = yearEnd(year);
  let sum = 0;
  for (const f of fees) if (f.paidOn >= start && f.paidOn <= end) sum += f.amountFen;
  return sum;
}

/** 1234 分 → '12.34'. */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest ? `${yuan}.${String(rest).padStart(2, '0')}`.replace(/0$/, '') : String(yuan);
}
