// The report's three tables as plain data, and empty/zero values of them.
import {
  DECISION_FIELDS,
  RECORD_COLUMNS,
  RECORD_KINDS,
  REMEDY_COLUMNS,
  REMEDY_GROUPS,
  S3_COLUMNS,
  S3_ROWS,
  type DecisionField,
  type RecordColumn,
  type RecordKind,
  type RemedyColumn,
  type RemedyGroup,
  type S3Column,
  type S3Row,
} from './template.ts';

/** Section 二. Entered figures stay null until the unit enters them. */
export interface S2Table {
  records: Record<RecordKind, Record<RecordColumn, number | null>>;
  decisions: Record<DecisionField, number | null>;
  /** 行政事业性收费 本年收费金额, 万元, a decimal as text ('12.5'), or null until entered. */
  feesWanYuan: string | null;
}

export type S3Table = Record<S3Row, Record<S3Column, number>>;
export type S4Table = Record<RemedyGroup, Record<RemedyColumn, number>>;

export interface ReportTables {
  s2: S2Table;
  s3: S3Table;
  s4: S4Table;
}

export function emptyS2(): S2Table {
  const records = Object.fromEntries(RECORD_KINDS.map((k) => [k, Object.fromEntries(RECORD_COLUMNS.map((c) => [c, null]))])) as S2Table['records'];
  const decisions = Object.fromEntries(DECISION_FIELDS.map((f) => [f, null])) as S2Table['decisions'];
  return { records, decisions, feesWanYuan: null };
}

export function zeroS3(): S3Table {
  return Object.fromEntries(S3_ROWS.map((r) => [r, Object.fromEntries(S3_COLUMNS.map((c) => [c, 0]))])) as S3Table;
}

export function zeroS4(): S4Table {
  return Object.fromEntries(REMEDY_GROUPS.map((g) => [g, Object.fromEntries(REMEDY_COLUMNS.map((c) => [c, 0]))])) as S4Table;
}

/** 万元 amounts: a non-negative decimal with at most 4 places (the usual precision of reports). */
export const FEE_PATTERN = /^\d{1,10}(\.\d{1,4})?$/;

/** Normalises an entered 万元 amount: '012.50' → '12.5'; undefined when not a valid amount. */
export function normaliseWanYuan(value: string): string | undefined {
  const v = value.trim();
  if (!FEE_PATTERN.test(v)) return undefined;
  const [int, frac = ''] = v.split('.');
  const i = int!.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}
