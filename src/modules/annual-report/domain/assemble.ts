// How a report's tables are put together: each part comes either from the platform's data (records,
// requests, the case register) or from figures the unit entered by hand, and hand entry is read
// and checked here. Pure.
import { cellName, parseCellId } from './cells.ts';
import type { DataIssue } from './section3.ts';
import { emptyS2, normaliseWanYuan, zeroS3, zeroS4, type ReportTables, type S2Table, type S3Table, type S4Table } from './tables.ts';
import { DECISION_FIELDS, type DecisionField, RECORD_COLUMNS, RECORD_KINDS, REMEDY_COLUMNS, REMEDY_GROUPS, S3_COLUMNS, S3_ROWS } from './template.ts';

/** Where each part of the tables comes from. */
export interface Origins {
  /** 规章 / 行政规范性文件 counts. */
  records: 'source' | 'entered';
  /** Table 三. */
  requests: 'source' | 'entered';
  /** Table 四. */
  cases: 'source' | 'entered';
}

export const ALL_ENTERED: Origins = { records: 'entered', requests: 'entered', cases: 'entered' };

/** What the platform computed at the last generation. */
export interface Computed {
  records: S2Table['records'] | null;
  s3: S3Table | null;
  s4: S4Table | null;
  issues: DataIssue[];
  /** 信息处理费 paid in the year, 分; null when unknown. */
  feesFen: number | null;
  counts: { requests: number; records: number; cases: number };
  /**
   * 行政许可、行政处罚、行政强制 decisions of the year in the 行政执法公示 register; what the unit's figures
   * are pre-filled with (absent in reports generated before the register existed).
   */
  decisions?: Record<DecisionField, number> | null;
}

/** What the unit entered by hand. s2 always holds the decision and fee figures. */
export interface Entered {
  s2: S2Table;
  s3: S3Table | null;
  s4: S4Table | null;
}

export function emptyEntered(): Entered {
  return { s2: emptyS2(), s3: null, s4: null };
}

export function assembleTables(origins: Origins, computed: Computed | null, entered: Entered): ReportTables {
  const records = origins.records === 'source' && computed?.records ? computed.records : entered.s2.records;
  return {
    s2: { records, decisions: entered.s2.decisions, feesWanYuan: entered.s2.feesWanYuan },
    s3: (origins.requests === 'source' ? computed?.s3 : entered.s3) ?? zeroS3(),
    s4: (origins.cases === 'source' ? computed?.s4 : entered.s4) ?? zeroS4(),
  };
}

/** Whether a cell's value comes from the platform's data (and so has a list of cases behind it). */
export function cellFromSource(origins: Origins, cellId: string): boolean {
  const c = parseCellId(cellId);
  if (!c) return false;
  if (c.section === 's2') return 'kind' in c && origins.records === 'source';
  if (c.section === 's3') return origins.requests === 'source';
  return origins.cases === 'source';
}

/** The form fields a unit fills in for a report with these origins, by cell id. */
export function enteredFields(origins: Origins): string[] {
  const fields: string[] = [];
  if (origins.records === 'entered') for (const k of RECORD_KINDS) for (const c of RECORD_COLUMNS) fields.push(`s2.${k}.${c}`);
  for (const f of DECISION_FIELDS) fields.push(`s2.${f}`);
  fields.push('s2.fees');
  if (origins.requests === 'entered') for (const r of S3_ROWS) for (const c of S3_COLUMNS) fields.push(`s3.${r}.${c}`);
  if (origins.cases === 'entered') for (const g of REMEDY_GROUPS) for (const c of REMEDY_COLUMNS) fields.push(`s4.${g}.${c}`);
  return fields;
}

const MAX_COUNT = 10_000_000;

/** The form's text of each entered cell (for refilling the form). */
export function enteredFormValues(origins: Origins, entered: Entered): Record<string, string> {
  const values: Record<string, string> = {};
  const tables = assembleTables(origins, null, entered);
  for (const id of enteredFields(origins)) {
    const c = parseCellId(id)!;
    let v: number | string | null;
    if (c.section === 's2') v = 'kind' in c ? tables.s2.records[c.kind][c.column] : c.field === 'fees' ? tables.s2.feesWanYuan : tables.s2.decisions[c.field];
    else if (c.section === 's3') v = origins.requests === 'entered' && entered.s3 ? entered.s3[c.row][c.column] : '';
    else v = origins.cases === 'entered' && entered.s4 ? entered.s4[c.group][c.column] : '';
    values[id] = v === null || v === undefined ? '' : String(v);
  }
  return values;
}

/**
 * Reads the entry form. Section 二 figures left blank stay "not entered" (the report cannot be
 * published until they are); blank cells of tables 三 and 四 count as 0, as in printed reports.
 */
export function readEntry(
  raw: (field: string) => string,
  origins: Origins,
  previous: Entered,
): { entered: Entered; errors: Record<string, string>; values: Record<string, string> } {
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  const s2: S2Table = structuredClone(previous.s2);
  const s3 = origins.requests === 'entered' ? zeroS3() : previous.s3;
  const s4 = origins.cases === 'entered' ? zeroS4() : previous.s4;
  for (const id of enteredFields(origins)) {
    const c = parseCellId(id)!;
    const text = raw(id).trim().replace(/[,，\s]/g, '');
    values[id] = text;
    const label = cellName(c);
    if (c.section === 's2' && !('kind' in c) && c.field === 'fees') {
      if (!text) s2.feesWanYuan = null;
      else {
        const v = normaliseWanYuan(text);
        if (v === undefined) errors[id] = `${label}应为不小于0的金额，最多4位小数，如 12.5`;
        else s2.feesWanYuan = v;
      }
      continue;
    }
    let n: number | null = null;
    if (text) {
      if (!/^\d{1,8}$/.test(text) || Number(text) > MAX_COUNT) {
        errors[id] = `${label}应为不小于0的整数`;
        continue;
      }
      n = Number(text);
    }
    if (c.section === 's2') {
      if ('kind' in c) s2.records[c.kind][c.column] = n;
      else s2.decisions[c.field] = n;
    } else if (c.section === 's3') s3![c.row][c.column] = n ?? 0;
    else s4![c.group][c.column] = n ?? 0;
  }
  return { entered: { s2, s3, s4 }, errors, values };
}

/**
 * Table 二's decision figures (第二十条第（五）（六）项) pre-filled from the 行政执法公示 register: a figure the
 * unit has not entered, or still equal to what the register said at the last generation, takes the
 * register's new count; a figure the unit corrected stays as entered.
 */
export function prefillDecisions(entered: S2Table['decisions'], previous: Record<DecisionField, number> | null | undefined, register: Record<DecisionField, number> | null | undefined): S2Table['decisions'] {
  if (!register) return entered;
  const out = { ...entered };
  for (const f of DECISION_FIELDS) {
    const v = entered[f];
    if (v === null || (previous && v === previous[f])) out[f] = register[f];
  }
  return out;
}
