// Names of the report's cells: a stable id for links ("s3.granted.person") and the Chinese name a
// person reads in a check message ("表三「（一）予以公开」行「自然人」列"). Pure.
import {
  DECISION_FIELDS,
  DECISION_LABELS,
  RECORD_COLUMN_LABELS,
  RECORD_COLUMNS,
  RECORD_KIND_LABELS,
  RECORD_KINDS,
  REMEDY_COLUMN_LABELS,
  REMEDY_COLUMNS,
  REMEDY_GROUP_LABELS,
  REMEDY_GROUPS,
  S3_COLUMN_LABELS,
  S3_COLUMNS,
  S3_ROWS,
  s3RowName,
  type DecisionField,
  type RecordColumn,
  type RecordKind,
  type RemedyColumn,
  type RemedyGroup,
  type S3Column,
  type S3Row,
} from './template.ts';
import type { ReportTables } from './tables.ts';

export type Cell =
  | { section: 's2'; kind: RecordKind; column: RecordColumn }
  | { section: 's2'; field: DecisionField }
  | { section: 's2'; field: 'fees' }
  | { section: 's3'; row: S3Row; column: S3Column }
  | { section: 's4'; group: RemedyGroup; column: RemedyColumn };

export function cellId(c: Cell): string {
  if (c.section === 's2') return 'kind' in c ? `s2.${c.kind}.${c.column}` : `s2.${c.field}`;
  if (c.section === 's3') return `s3.${c.row}.${c.column}`;
  return `s4.${c.group}.${c.column}`;
}

export const s3Cell = (row: S3Row, column: S3Column): string => `s3.${row}.${column}`;
export const s4Cell = (group: RemedyGroup, column: RemedyColumn): string => `s4.${group}.${column}`;

const has = <T extends string>(list: readonly T[], v: string | undefined): v is T => v !== undefined && (list as readonly string[]).includes(v);

/** The cell of an id, or undefined for anything that is not one of the report's cells. */
export function parseCellId(id: string): Cell | undefined {
  if (id.length > 60) return undefined;
  const [section, a, b, ...rest] = id.split('.');
  if (rest.length) return undefined;
  if (section === 's2') {
    if (b === undefined) {
      if (a === 'fees') return { section, field: 'fees' };
      return has(DECISION_FIELDS, a) ? { section, field: a } : undefined;
    }
    return has(RECORD_KINDS, a) && has(RECORD_COLUMNS, b) ? { section, kind: a, column: b } : undefined;
  }
  if (section === 's3') return has(S3_ROWS, a) && has(S3_COLUMNS, b) ? { section, row: a, column: b } : undefined;
  if (section === 's4') return has(REMEDY_GROUPS, a) && has(REMEDY_COLUMNS, b) ? { section, group: a, column: b } : undefined;
  return undefined;
}

export function cellName(c: Cell): string {
  if (c.section === 's2') {
    if ('kind' in c) return `表二「${RECORD_KIND_LABELS[c.kind]}·${RECORD_COLUMN_LABELS[c.column]}」`;
    if (c.field === 'fees') return '表二「行政事业性收费·本年收费金额（单位：万元）」';
    return `表二「${DECISION_LABELS[c.field]}·本年处理决定数量」`;
  }
  if (c.section === 's3') return `表三「${s3RowName(c.row)}」行「${S3_COLUMN_LABELS[c.column]}」列`;
  return `表四「${REMEDY_GROUP_LABELS[c.group]}·${REMEDY_COLUMN_LABELS[c.column]}」`;
}

/** The Chinese name of a cell id (the id itself when unknown). */
export function cellNameOf(id: string): string {
  const c = parseCellId(id);
  return c ? cellName(c) : id;
}

/** The value shown in a cell: a count, a 万元 amount, or null when not yet entered. */
export function cellValue(t: ReportTables, c: Cell): number | string | null {
  if (c.section === 's2') {
    if ('kind' in c) return t.s2.records[c.kind][c.column];
    if (c.field === 'fees') return t.s2.feesWanYuan;
    return t.s2.decisions[c.field];
  }
  if (c.section === 's3') return t.s3[c.row][c.column];
  return t.s4[c.group][c.column];
}
