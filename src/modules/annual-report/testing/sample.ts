// Test support: a complete report with distinct figures, to find each value where it belongs.
import { zeroS3, zeroS4, type ReportTables, type S3Table } from '../domain/tables.ts';
import { S3_COLUMNS, S3_ROWS, type S3Row } from '../domain/template.ts';
import type { ReportDocumentData } from '../domain/report-view.ts';

/** Table 三 rows that are not all zero: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export const SAMPLE_S3: Partial<Record<S3Row, number[]>> = {
  new: [8, 2, 0, 1, 2, 1, 14],
  carried: [1, 1, 2, 0, 0, 0, 4],
  granted: [1, 1, 1, 0, 0, 0, 3],
  partial: [2, 0, 0, 0, 0, 0, 2],
  thirdParty: [0, 0, 0, 1, 0, 0, 1],
  processInfo: [0, 0, 0, 0, 1, 0, 1],
  administrativeQuery: [1, 0, 0, 0, 0, 0, 1],
  notHeld: [1, 0, 0, 0, 0, 0, 1],
  needsCreation: [0, 0, 1, 0, 0, 0, 1],
  petition: [0, 1, 0, 0, 0, 0, 1],
  repeated: [0, 0, 0, 0, 0, 1, 1],
  noClarification: [1, 0, 0, 0, 0, 0, 1],
  feeUnpaid: [0, 0, 0, 0, 1, 0, 1],
  otherReason: [1, 0, 0, 0, 0, 0, 1],
  total: [7, 2, 2, 1, 2, 1, 15],
  forward: [2, 1, 0, 0, 0, 0, 3],
};

/** A table 三 written out row by row, in the column order above; rows not given are zero. */
export function s3Of(rows: Partial<Record<S3Row, number[]>>): S3Table {
  const t = zeroS3();
  for (const row of S3_ROWS) {
    const v = rows[row];
    if (v) S3_COLUMNS.forEach((c, i) => (t[row][c] = v[i]!));
  }
  return t;
}

export function sampleTables(): ReportTables {
  const s3 = s3Of(SAMPLE_S3);
  const s4 = zeroS4();
  s4.review = { upheld: 1, corrected: 2, other: 0, pending: 3, total: 6 };
  s4.direct = { upheld: 0, corrected: 1, other: 1, pending: 0, total: 2 };
  s4.afterReview = { upheld: 2, corrected: 0, other: 0, pending: 1, total: 3 };
  return {
    s2: {
      records: { regulation: { issued: 1, repealed: 0, inForce: 5 }, normativeDocument: { issued: 12, repealed: 3, inForce: 47 } },
      decisions: { licensing: 1320, penalty: 86, enforcement: 9 },
      feesWanYuan: '356.25',
    },
    s3,
    s4,
  };
}

export function sampleDocument(): ReportDocumentData {
  return {
    title: '楚雄市财政局2025年政府信息公开工作年度报告',
    intro: '本报告根据《中华人民共和国政府信息公开条例》编制。',
    unitName: '楚雄市财政局',
    year: 2025,
    tables: sampleTables(),
    texts: {
      overview: '（一）主动公开\n2025年，楚雄市财政局制发规章1件。\n（二）依申请公开\n新收申请14件。',
      problems: '（一）存在的主要问题\n解读形式较单一。',
      other: '（一）收取信息处理费情况\n本年度收取信息处理费共计200元。',
    },
    publishedOn: '2026-01-20',
  };
}
