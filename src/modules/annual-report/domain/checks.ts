// The report's checks. Every failing check names the cells involved in Chinese; a report with a
// failing check cannot be published. Pure.
import { cellName } from './cells.ts';
import type { ReportTables } from './tables.ts';
import {
  APPLICANT_TYPES,
  DECISION_FIELDS,
  OUTCOME_ROWS,
  RECORD_COLUMNS,
  RECORD_KINDS,
  REMEDY_GROUPS,
  REMEDY_RESULTS,
  S3_COLUMN_LABELS,
  S3_COLUMNS,
  S3_ROWS,
  SECTION_HEADINGS,
  TEXT_SECTIONS,
  type S3Column,
  type S3Row,
  type TextSection,
} from './template.ts';

export interface CheckResult {
  id: string;
  ok: boolean;
  /** What is checked, in words. */
  rule: string;
  /** Why it fails, naming the cells; empty when the check passes. */
  message: string;
  /** Ids of the cells involved (for links and highlighting). */
  cells: string[];
}

export interface PreviousReport {
  year: number;
  tables: ReportTables;
}

export interface CheckInput {
  year: number;
  tables: ReportTables;
  /** Last year's report, or null when there is none. */
  previous: PreviousReport | null;
  texts: Record<TextSection, string>;
}

/** Marker left in pre-filled text where staff must still write. */
export const TO_FILL = '【请填写';

const s3 = (row: S3Row, column: S3Column) => ({ id: `s3.${row}.${column}`, name: cellName({ section: 's3', row, column }) });
const n = (v: number) => String(v);

function check(id: string, ok: boolean, rule: string, message: () => string, cells: string[]): CheckResult {
  return { id, ok, rule, message: ok ? '' : message(), cells };
}

/** Every check of the template, passing or not, in a fixed order. */
export function checkReport(input: CheckInput): CheckResult[] {
  const { tables, year } = input;
  const t = tables.s3;
  const out: CheckResult[] = [];

  // Completeness: figures the unit must enter (条例 第二十条第（五）（六）（八）项).
  for (const kind of RECORD_KINDS) {
    for (const column of RECORD_COLUMNS) {
      const c = { section: 's2' as const, kind, column };
      const id = `s2.${kind}.${column}`;
      out.push(check(`filled.${id}`, tables.s2.records[kind][column] !== null, `${cellName(c)}已填报`, () => `${cellName(c)}尚未填报`, [id]));
    }
  }
  for (const field of DECISION_FIELDS) {
    const c = { section: 's2' as const, field };
    out.push(check(`filled.s2.${field}`, tables.s2.decisions[field] !== null, `${cellName(c)}已填报`, () => `${cellName(c)}尚未填报`, [`s2.${field}`]));
  }
  const fees = { section: 's2' as const, field: 'fees' as const };
  out.push(check('filled.s2.fees', tables.s2.feesWanYuan !== null, `${cellName(fees)}已填报`, () => `${cellName(fees)}尚未填报`, ['s2.fees']));

  // 表三 header note: 第一项加第二项之和，等于第三项加第四项之和, in every column.
  for (const col of S3_COLUMNS) {
    const a = s3('new', col);
    const b = s3('carried', col);
    const c = s3('total', col);
    const d = s3('forward', col);
    const left = t.new[col] + t.carried[col];
    const right = t.total[col] + t.forward[col];
    out.push(
      check(
        `s3.balance.${col}`,
        left === right,
        `表三「${S3_COLUMN_LABELS[col]}」列：一 + 二 = 三（七） + 四`,
        () =>
          `表三「${S3_COLUMN_LABELS[col]}」列：${a.name}（${n(t.new[col])}）加${b.name}（${n(t.carried[col])}）之和为${left}，不等于${c.name}（${n(t.total[col])}）加${d.name}（${n(t.forward[col])}）之和${right}`,
        [a.id, b.id, c.id, d.id],
      ),
    );
  }

  // （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+ Σ（六）, in every column.
  for (const col of S3_COLUMNS) {
    const sum = OUTCOME_ROWS.reduce((s, r) => s + t[r][col], 0);
    const c = s3('total', col);
    out.push(
      check(
        `s3.sum.${col}`,
        sum === t.total[col],
        `表三「${S3_COLUMN_LABELS[col]}」列：（七）总计等于（一）至（六）各项之和`,
        () => `${c.name}为${t.total[col]}，但（一）至（六）各项之和为${sum}`,
        [c.id],
      ),
    );
  }

  // 总计 column = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, in every row.
  for (const row of S3_ROWS) {
    const sum = APPLICANT_TYPES.reduce((s, col) => s + t[row][col], 0);
    const c = s3(row, 'total');
    out.push(check(`s3.rowsum.${row}`, sum === t[row].total, `${c.name}等于各类申请人之和`, () => `${c.name}为${t[row].total}，但各类申请人之和为${sum}`, [c.id]));
  }

  // This year's 二、上年结转 equals last year's 四、结转下年度继续办理 (regulation.md §2.3, consistency across reports).
  for (const col of S3_COLUMNS) {
    const c = s3('carried', col);
    const mine = t.carried[col];
    const prev = input.previous;
    if (!prev) {
      out.push(
        check(
          `s3.carry.${col}`,
          mine === 0,
          `${c.name}等于${year - 1}年度年报的结转数`,
          () => `${c.name}为${mine}，但没有${year - 1}年度年报可供核对；请先补录${year - 1}年度年报`,
          [c.id],
        ),
      );
    } else {
      const theirs = prev.tables.s3.forward[col];
      out.push(
        check(
          `s3.carry.${col}`,
          mine === theirs,
          `${c.name}等于${prev.year}年度年报的结转数`,
          () => `${c.name}为${mine}，但${prev.year}年度年报「四、结转下年度继续办理」行「${S3_COLUMN_LABELS[col]}」列为${theirs}`,
          [c.id],
        ),
      );
    }
  }

  // 表四: each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
  for (const group of REMEDY_GROUPS) {
    const row = tables.s4[group];
    const sum = REMEDY_RESULTS.reduce((s, r) => s + row[r], 0);
    const name = cellName({ section: 's4', group, column: 'total' });
    out.push(
      check(`s4.sum.${group}`, sum === row.total, `${name}等于其各项之和`, () => `${name}为${row.total}，但结果维持、结果纠正、其他结果、尚未审结之和为${sum}`, [
        `s4.${group}.total`,
      ]),
    );
  }

  // The text sections 一、五、六 must be written (条例 第五十条: 不能遗漏).
  for (const section of TEXT_SECTIONS) {
    const text = input.texts[section].trim();
    const heading = SECTION_HEADINGS[section];
    out.push(
      check(
        `text.${section}`,
        text.length > 0 && !text.includes(TO_FILL),
        `正文「${heading}」已填写`,
        () => (text.length === 0 ? `正文「${heading}」尚未填写` : `正文「${heading}」仍有“${TO_FILL}】”处未完成`),
        [],
      ),
    );
  }
  return out;
}

export function failing(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => !r.ok);
}
