// The printed layout of the report's tables, cell for cell, as in 国办公开办函〔2021〕30号: merged header
// cells and merged row labels. One description drives the web page, the .docx and the .xlsx. Each
// row lists the cells that start in it (HTML table semantics: a spanned cell is not repeated). Pure.
import {
  APPLICANT_TYPES,
  DECISION_FIELDS,
  DECISION_LABELS,
  OUTCOME_GROUP_LABELS,
  RECORD_COLUMN_LABELS,
  RECORD_COLUMNS,
  RECORD_KIND_LABELS,
  RECORD_KINDS,
  REMEDY_COLUMN_LABELS,
  REMEDY_COLUMNS,
  REMEDY_GROUPS,
  S2_BLOCKS,
  S3_APPLICANT_HEADER,
  S3_COLUMN_LABELS,
  S3_COLUMNS,
  S3_CORNER,
  S3_ORGANISATION_HEADER,
  S3_RESULTS_LABEL,
  S3_ROW_SPECS,
  type OutcomeGroup,
} from './template.ts';
import type { ReportTables } from './tables.ts';

export interface LayoutCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Header cells: 'col'/'colgroup' above data, 'row'/'rowgroup' beside it; none for the corner. */
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** Data cells: the cell id and its value (null: not entered yet). */
  cellId?: string;
  value?: number | string | null;
}

export interface LayoutTable {
  key: 's2-1' | 's2-5' | 's2-6' | 's2-8' | 's3' | 's4';
  caption: string;
  /** Print the caption as a merged first row (the 第二十条 sub-tables of section 二). */
  captionRow: boolean;
  /** Relative widths of the grid columns. */
  widths: number[];
  head: LayoutCell[][];
  body: LayoutCell[][];
}

const data = (cellId: string, value: number | string | null, colSpan?: number): LayoutCell => ({ text: value === null ? '' : String(value), cellId, value, ...(colSpan ? { colSpan } : {}) });

export function section2Layout(t: ReportTables): LayoutTable[] {
  const [b1, b5, b6, b8] = S2_BLOCKS;
  const widths = [34, 22, 22, 22];
  const head = (cols: readonly string[]): LayoutCell[][] => [
    cols.length === 4 ? cols.map((c) => ({ text: c, scope: 'col' as const })) : [{ text: cols[0]!, scope: 'col' }, { text: cols[1]!, scope: 'col', colSpan: 3 }],
  ];
  return [
    {
      key: 's2-1',
      caption: b1.clause,
      captionRow: true,
      widths,
      head: head(b1.columns),
      body: RECORD_KINDS.map((k) => [{ text: RECORD_KIND_LABELS[k], scope: 'row' as const }, ...RECORD_COLUMNS.map((c) => data(`s2.${k}.${c}`, t.s2.records[k][c]))]),
    },
    {
      key: 's2-5',
      caption: b5.clause,
      captionRow: true,
      widths,
      head: head(b5.columns),
      body: [[{ text: DECISION_LABELS.licensing, scope: 'row' }, data('s2.licensing', t.s2.decisions.licensing, 3)]],
    },
    {
      key: 's2-6',
      caption: b6.clause,
      captionRow: true,
      widths,
      head: head(b6.columns),
      body: DECISION_FIELDS.filter((f) => f !== 'licensing').map((f) => [{ text: DECISION_LABELS[f], scope: 'row' as const }, data(`s2.${f}`, t.s2.decisions[f], 3)]),
    },
    {
      key: 's2-8',
      caption: b8.clause,
      captionRow: true,
      widths,
      head: head(b8.columns),
      body: [[{ text: b8.rows[0], scope: 'row' }, data('s2.fees', t.s2.feesWanYuan, 3)]],
    },
  ];
}

export function section3Layout(t: ReportTables): LayoutTable {
  const head: LayoutCell[][] = [
    [{ text: S3_CORNER, rowSpan: 3, colSpan: 3 }, { text: S3_APPLICANT_HEADER, colSpan: 7, scope: 'colgroup' }],
    [
      { text: S3_COLUMN_LABELS.person, rowSpan: 2, scope: 'col' },
      { text: S3_ORGANISATION_HEADER, colSpan: 5, scope: 'colgroup' },
      { text: S3_COLUMN_LABELS.total, rowSpan: 2, scope: 'col' },
    ],
    APPLICANT_TYPES.filter((a) => a !== 'person').map((a) => ({ text: S3_COLUMN_LABELS[a], scope: 'col' as const })),
  ];
  const body: LayoutCell[][] = [];
  const resultRows = S3_ROW_SPECS.filter((r) => r.inResults).length;
  const groupSize = (g: OutcomeGroup) => S3_ROW_SPECS.filter((r) => r.group === g).length;
  let resultsOpened = false;
  let lastGroup: OutcomeGroup | undefined;
  for (const spec of S3_ROW_SPECS) {
    const row: LayoutCell[] = [];
    if (!spec.inResults) row.push({ text: spec.label, colSpan: 3, scope: 'row' });
    else {
      if (!resultsOpened) {
        row.push({ text: S3_RESULTS_LABEL, rowSpan: resultRows, scope: 'rowgroup' });
        resultsOpened = true;
      }
      if (spec.group) {
        if (spec.group !== lastGroup) row.push({ text: OUTCOME_GROUP_LABELS[spec.group], rowSpan: groupSize(spec.group), scope: 'rowgroup' });
        row.push({ text: spec.label, scope: 'row' });
      } else row.push({ text: spec.label, colSpan: 2, scope: 'row' });
    }
    lastGroup = spec.group;
    for (const c of S3_COLUMNS) row.push(data(`s3.${spec.key}.${c}`, t.s3[spec.key][c]));
    body.push(row);
  }
  return { key: 's3', caption: '收到和处理政府信息公开申请情况', captionRow: false, widths: [9, 11, 26, 7.7, 7.7, 7.7, 7.7, 7.7, 7.7, 7.8], head, body };
}

export function section4Layout(t: ReportTables): LayoutTable {
  const head: LayoutCell[][] = [
    [
      { text: '行政复议', colSpan: 5, rowSpan: 2, scope: 'colgroup' },
      { text: '行政诉讼', colSpan: 10, scope: 'colgroup' },
    ],
    [
      { text: '未经复议直接起诉', colSpan: 5, scope: 'colgroup' },
      { text: '复议后起诉', colSpan: 5, scope: 'colgroup' },
    ],
    REMEDY_GROUPS.flatMap(() => REMEDY_COLUMNS.map((c) => ({ text: REMEDY_COLUMN_LABELS[c], scope: 'col' as const }))),
  ];
  const body = [REMEDY_GROUPS.flatMap((g) => REMEDY_COLUMNS.map((c) => data(`s4.${g}.${c}`, t.s4[g][c])))];
  return { key: 's4', caption: '政府信息公开行政复议、行政诉讼情况', captionRow: false, widths: Array(15).fill(1), head, body };
}

export interface PlacedCell extends LayoutCell {
  row: number;
  col: number;
}

/** Absolute grid positions (0-based) of every cell of a table's rows (spreadsheets need them). */
export function placeCells(rows: readonly LayoutCell[][], columns: number): PlacedCell[] {
  const taken: boolean[][] = [];
  const out: PlacedCell[] = [];
  rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      if (c >= columns) throw new RangeError(`row ${r} has more cells than ${columns} columns`);
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let i = 0; i < rs; i++) {
        taken[r + i] ??= [];
        for (let j = 0; j < cs; j++) taken[r + i]![c + j] = true;
      }
      out.push({ ...cell, row: r, col: c });
      c += cs;
    }
  });
  return out;
}
