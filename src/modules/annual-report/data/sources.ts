// The thin adapter between the report model and the modules that hold the data: publishing
// (规章 / 行政规范性文件) and requests (依申请公开). It only translates their rows into the plain facts
// of domain/; every rule stays in domain/. A source that is not connected says so, and the report
// then asks the unit to enter that part by hand.
import type { Core } from '../../../core/services.ts';
import type { Db } from '../../../core/db/index.ts';
import { annualReportRequests } from '../../requests/index.ts';
import { countRecordsForAnnualReport } from '../../publishing/index.ts';
import type { RequestFact, FeeFact } from '../domain/section3.ts';
import type { RecordFact } from '../domain/section2.ts';
import type { S2Table } from '../domain/tables.ts';
import type { ApplicantType, OutcomeRow } from '../domain/template.ts';

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

const NO_FEES = '依申请公开模块尚未提供信息处理费的收费数据';

/**
 * The sources used in production: the requests module's `annualReportRequests` and the publishing
 * module's `countRecordsForAnnualReport` (index exports). Each is asked per unit, so the report
 * counts exactly the units it says it covers.
 */
export const moduleSources: ReportSources = {
  async requests(db, q) {
    const facts: RequestFact[] = [];
    for (const unitId of q.unitIds) {
      for (const r of await annualReportRequests(db, { unitId, year: q.year })) {
        facts.push({
          requestNo: r.requestNo,
          unitId: r.unitId,
          // An unknown column or outcome code is passed on as it is: domain/ lists such a request as a data issue.
          applicantType: REQUEST_APPLICANT_COLUMNS[r.applicantColumn] ?? (r.applicantColumn as ApplicantType),
          receivedOn: r.receivedOn,
          // closedOn is given only when the request ended within the year; later ends count as carried forward.
          closedOn: r.closedOn,
          outcome: r.outcome === null ? null : (REQUEST_OUTCOME_ROWS[r.outcome] ?? (r.outcome as OutcomeRow)),
        });
      }
    }
    return { available: true, facts };
  },
  async fees() {
    return { available: false, reason: NO_FEES };
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
