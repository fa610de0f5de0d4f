// The thin adapter between the report model and the modules that hold the data: publishing
// (规章 / 行政规范性文件) and requests (依申请公开). It only translates their rows into the plain facts
// of domain/; every rule stays in domain/. A source that is not connected says so, and the report
// then asks the unit to enter that part by hand.
import type { Core } from '../../../core/services.ts';
import type { Db } from '../../../core/db/index.ts';
import { annualReportRequestCounts, annualReportRequestPage, annualReportFees, type AnnualReportRequest, type AnnualReportCell } from '../../requests/index.ts';
import { countRecordsForAnnualReport, listRecordsForAnnualReport } from '../../publishing/index.ts';
import { enforcementCountsOfUnits } from '../../powers/index.ts';
import type { RequestFact, FeeFact } from '../domain/section3.ts';
import type { RecordFact } from '../domain/section2.ts';
import type { S2Table } from '../domain/tables.ts';
import type { ApplicantType, DecisionField, OutcomeRow, RecordColumn, RecordKind, S3Row } from '../domain/template.ts';

export type SourceResult<T> = { available: true; facts: T[] } | { available: false; reason: string };

/** Records come as a list (with a drill-down) or, from a source that only counts, as the counts. */
export type RecordsResult = SourceResult<RecordFact> | { available: true; facts: null; counts: S2Table['records'] };

export interface SourceQuery {
  /** Units whose data the report covers. */
  unitIds: number[];
  year: number;
}

export interface ReportSources {
  /** Requests received by 31 December of the year and not closed before 1 January. */
  requests(db: Db, q: SourceQuery): Promise<SourceResult<RequestFact>>;
  /** 信息处理费 payments of the year. */
  fees(db: Db, q: SourceQuery): Promise<SourceResult<FeeFact>>;
  /** 规章 and 行政规范性文件 issued by 31 December. */
  records(db: Db, q: SourceQuery): Promise<RecordsResult>;
  /**
   * Optional, for sources that count (requests() gives grouped facts): one page of the requests
   * behind a cell of table 三, one fact per request. Without it the drill-down filters requests().
   */
  requestCell?(db: Db, q: SourceQuery, cell: { row: S3Row; column: ApplicantType | 'total' }, page: { offset: number; limit: number }): Promise<{ total: number; facts: RequestFact[] }>;
  /**
   * Optional: 行政许可、行政处罚、行政强制 decisions of the year from the 行政执法公示 register (the unit's figures of
   * table 二 are pre-filled with them). Without it the unit enters them.
   */
  decisions?(db: Db, q: SourceQuery): Promise<Record<DecisionField, number>>;
  /** Optional, for sources whose records() only counts: the records behind a cell of table 二. */
  recordCell?(db: Db, q: SourceQuery, cell: { kind: RecordKind; column: RecordColumn }): Promise<RecordFact[]>;
}

/**
 * The requests module's outcome codes (its domain/outcomes.ts, the same 21 rows of table 三) → the
 * rows of table 三 here.
 */
export const REQUEST_OUTCOME_ROWS: Readonly<Record<string, OutcomeRow>> = {
  disclose: 'granted',
  partial: 'partial',
  withhold_1: 'stateSecret',
  withhold_2: 'lawForbidden',
  withhold_3: 'threeSecurity',
  withhold_4: 'thirdParty',
  withhold_5: 'internalAffairs',
  withhold_6: 'processInfo',
  withhold_7: 'enforcementFile',
  withhold_8: 'administrativeQuery',
  unable_1: 'notHeld',
  unable_2: 'needsCreation',
  unable_3: 'unclearAfterClarification',
  not_processed_1: 'petition',
  not_processed_2: 'repeated',
  not_processed_3: 'publication',
  not_processed_4: 'excessive',
  not_processed_5: 'confirmation',
  other_1: 'noClarification',
  other_2: 'feeUnpaid',
  other_3: 'otherReason',
};

/** The requests module's applicant columns → the columns here. */
export const REQUEST_APPLICANT_COLUMNS: Readonly<Record<string, ApplicantType>> = {
  person: 'person',
  business: 'business',
  research: 'research',
  nonprofit: 'nonprofit',
  legal_service: 'legal',
  other: 'other',
};

/** The publishing module's document types → the rows of table 二. */
export const RECORD_DOC_TYPES: Readonly<Record<string, RecordFact['kind']>> = { regulation: 'regulation', normative: 'normativeDocument' };

/** The register's 执法类别 → the decision rows of table 二. */
export const DECISION_KIND_FIELDS: Readonly<Record<string, DecisionField>> = { 行政许可: 'licensing', 行政处罚: 'penalty', 行政强制: 'enforcement' };

const OUTCOME_CODES_BY_ROW = new Map(Object.entries(REQUEST_OUTCOME_ROWS).map(([code, row]) => [row, code]));
const APPLICANT_COLUMNS_BY_TYPE = new Map(Object.entries(REQUEST_APPLICANT_COLUMNS).map(([col, type]) => [type, col]));
const DOC_TYPES_BY_KIND = new Map(Object.entries(RECORD_DOC_TYPES).map(([docType, kind]) => [kind, docType as 'regulation' | 'normative']));

function factOf(r: AnnualReportRequest): RequestFact {
  return {
    requestNo: r.requestNo,
    unitId: r.unitId,
    // An unknown column or outcome code is passed on as it is: domain/ lists such a request as a data issue.
    applicantType: REQUEST_APPLICANT_COLUMNS[r.applicantColumn] ?? (r.applicantColumn as ApplicantType),
    receivedOn: r.receivedOn,
    // closedOn is given only when the request ended within the year; later ends count as carried forward.
    closedOn: r.closedOn,
    outcome: r.outcome === null ? null : (REQUEST_OUTCOME_ROWS[r.outcome] ?? (r.outcome as OutcomeRow)),
  };
}

/** A cell of table 三 in the requests module's terms. */
function requestCellOf(row: S3Row, column: ApplicantType | 'total'): AnnualReportCell {
  const placement: AnnualReportCell['placement'] =
    row === 'new' || row === 'carried' || row === 'forward' ? row : row === 'total' ? 'closed' : { outcome: OUTCOME_CODES_BY_ROW.get(row) as never };
  return { placement, applicantColumn: column === 'total' ? null : ((APPLICANT_COLUMNS_BY_TYPE.get(column) as never) ?? null) };
}

/**
 * The sources used in production: the requests module's grouped export (`annualReportRequestCounts`,
 * counted in SQL; the requests it cannot group come one by one so data issues name them), its paged
 * drill-down and fee list, and the publishing module's counts and lists of 规章 / 行政规范性文件.
 */
export const moduleSources: ReportSources = {
  async requests(db, q) {
    const { groups, exceptions } = await annualReportRequestCounts(db, q);
    const facts: RequestFact[] = groups.map((g) => ({
      requestNo: '',
      unitId: g.unitId,
      applicantType: REQUEST_APPLICANT_COLUMNS[g.applicantColumn] ?? (g.applicantColumn as ApplicantType),
      // Representative days: only the placement relative to the year matters to the table.
      receivedOn: g.carriedOver ? `${q.year - 1}-12-31` : `${q.year}-01-01`,
      closedOn: g.closedInYear ? `${q.year}-12-31` : null,
      outcome: g.outcome === null ? null : (REQUEST_OUTCOME_ROWS[g.outcome] ?? (g.outcome as OutcomeRow)),
      count: g.count,
    }));
    return { available: true, facts: [...facts, ...exceptions.map(factOf)] };
  },
  async requestCell(db, q, cell, page) {
    const r = await annualReportRequestPage(db, { ...q, cell: requestCellOf(cell.row, cell.column), ...page });
    return { total: r.total, facts: r.requests.map(factOf) };
  },
  async fees(db, q) {
    const paid = await annualReportFees(db, q);
    return { available: true, facts: paid.map((f) => ({ requestNo: f.requestNo, amountFen: f.amountYuan * 100, paidOn: f.paidOn })) };
  },
  async records(db, q) {
    const counts: S2Table['records'] = { regulation: { issued: 0, repealed: 0, inForce: 0 }, normativeDocument: { issued: 0, repealed: 0, inForce: 0 } };
    for (const unitId of q.unitIds) {
      const c = await countRecordsForAnnualReport(db, unitId, q.year);
      for (const col of ['issued', 'repealed', 'inForce'] as const) {
        counts.regulation[col]! += c.regulation[col];
        counts.normativeDocument[col]! += c.normative[col];
      }
    }
    return { available: true, facts: null, counts };
  },
  async decisions(db, q) {
    const out: Record<DecisionField, number> = { licensing: 0, penalty: 0, enforcement: 0 };
    for (const c of await enforcementCountsOfUnits(db, q.unitIds, q.year)) {
      const f = DECISION_KIND_FIELDS[c.kind];
      if (f) out[f] += c.n;
    }
    return out;
  },
  async recordCell(db, q, cell) {
    const docType = DOC_TYPES_BY_KIND.get(cell.kind)!;
    const rows = await listRecordsForAnnualReport(db, { ...q, docType, column: cell.column });
    return rows.map((r) => ({
      ref: r.indexNo,
      title: r.title,
      docNo: r.docNo,
      kind: cell.kind,
      issuedOn: r.writtenOn,
      repealedOn: r.repealedOn,
      expiredOn: r.expiredOn,
    }));
  },
};

const overrides = new WeakMap<Core, ReportSources>();

/** The sources of this app instance. */
export function sourcesOf(core: Core): ReportSources {
  return overrides.get(core) ?? moduleSources;
}

/** Test and bench seam: use other sources (e.g. generated facts) for one app instance. */
export function useReportSources(core: Core, sources: ReportSources): void {
  overrides.set(core, sources);
}
