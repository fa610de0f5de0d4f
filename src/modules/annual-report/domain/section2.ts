// Section 二: 主动公开政府信息情况 (regulation.md §2.2). The 第二十条第（一）项 cells (规章, 行政规范性文件)
// come from the published records; the other cells are entered by the unit. Pure.
import { yearEnd, yearStart } from './section3.ts';
import type { RecordColumn, RecordKind } from './template.ts';
import { emptyS2, type S2Table } from './tables.ts';

/** A 规章 or 行政规范性文件 as the report needs it. */
export interface RecordFact {
  /** 索引号 or another stable reference shown in the drill-down list. */
  ref: string;
  title: string;
  docNo: string;
  kind: RecordKind;
  /** 制发: the day the document was issued (成文日期). */
  issuedOn: string;
  /** 废止: the day it was repealed; null while not repealed. */
  repealedOn: string | null;
  /** 失效: the day it expired (e.g. 有效期届满); null while not expired. */
  expiredOn: string | null;
}

/** Whether a record counts in column `column` of year `year`. */
export function recordInCell(r: RecordFact, year: number, column: RecordColumn): boolean {
  const start = yearStart(year);
  const end = yearEnd(year);
  switch (column) {
    case 'issued':
      // 本年制发件数: issued within the calendar year.
      return r.issuedOn >= start && r.issuedOn <= end;
    case 'repealed':
      // 本年废止件数: repealed within the year (失效 by expiry is not 废止).
      return r.repealedOn !== null && r.repealedOn >= start && r.repealedOn <= end;
    case 'inForce':
      // 现行有效件数: issued by 31 December and neither repealed nor expired by then.
      return r.issuedOn <= end && (r.repealedOn === null || r.repealedOn > end) && (r.expiredOn === null || r.expiredOn > end);
  }
}

/** The records part of section 二; decisions and fees stay null (entered by the unit). */
export function computeRecordCounts(records: readonly RecordFact[], year: number): S2Table['records'] {
  const t = emptyS2().records;
  for (const kind of ['regulation', 'normativeDocument'] as const) for (const col of ['issued', 'repealed', 'inForce'] as const) t[kind][col] = 0;
  for (const r of records) {
    for (const col of ['issued', 'repealed', 'inForce'] as const) if (recordInCell(r, year, col)) t[r.kind][col]! += 1;
  }
  return t;
}
