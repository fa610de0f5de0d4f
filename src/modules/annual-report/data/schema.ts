// Tables of the annual-report module (政府信息公开工作年度报告), all prefixed ar_.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../../../core/db/schema.ts';
import type { Computed, Entered, Origins } from '../domain/assemble.ts';
import type { CaseKind, LawsuitPath } from '../domain/section4.ts';
import type { RemedyResult } from '../domain/template.ts';

export type ReportScope = 'own' | 'with_subunits';
export type ReportSource = 'generated' | 'manual';
export type ReportState = 'draft' | 'published';

/**
 * One report per unit and year. `source = 'manual'`: a year before the platform, its tables entered
 * by hand. The tables are assembled from `computed` (the last generation) and `entered` according to
 * `origins`; a published report is frozen (edits need a withdrawal first).
 */
export const arReports = pgTable(
  'ar_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    /** The city government's report may include its departments and townships. */
    scope: text('scope').$type<ReportScope>().notNull().default('own'),
    source: text('source').$type<ReportSource>().notNull(),
    state: text('state').$type<ReportState>().notNull().default('draft'),
    origins: jsonb('origins').$type<Origins>().notNull(),
    computed: jsonb('computed').$type<Computed>(),
    entered: jsonb('entered').$type<Entered>().notNull(),
    /** Units whose data the report covers (ids), recorded at generation. */
    coveredUnitIds: bigint('covered_unit_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    overview: text('overview').notNull().default(''),
    problems: text('problems').notNull().default(''),
    other: text('other').notNull().default(''),
    generatedAt: timestamp('generated_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The legal date of publication (Asia/Shanghai), compared with the due date. */
    publishedOn: date('published_on', { mode: 'string' }),
    publishedByName: text('published_by_name'),
    /** Optimistic lock: every save names the version it edited. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ar_reports_unit_year_key').on(t.unitId, t.year),
    index('ar_reports_year_idx').on(t.year),
    check('ar_reports_year_check', sql`${t.year} between 2008 and 2100`),
    check('ar_reports_scope_check', sql`${t.scope} in ('own','with_subunits')`),
    check('ar_reports_source_check', sql`${t.source} in ('generated','manual')`),
    check('ar_reports_state_check', sql`${t.state} in ('draft','published')`),
    check('ar_reports_published_check', sql`(${t.state} = 'published') = (${t.publishedAt} is not null)`),
  ],
);

/**
 * The register of 行政复议 and 行政诉讼 cases about a unit's 政府信息公开 work (table 四). A case is kept
 * under the original acting unit only (国办公开办函〔2016〕201号). Cases are voided with a reason, not deleted.
 */
export const arCases = pgTable(
  'ar_cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Random, for staff URLs. */
    code: text('code').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<CaseKind>().notNull(),
    lawsuitPath: text('lawsuit_path').$type<LawsuitPath>(),
    /** 案号 / 文书编号. */
    caseNo: text('case_no').notNull(),
    /** 行政复议机关 or 人民法院. */
    body: text('body').notNull(),
    /** 案由 in a few words (no personal data). */
    subject: text('subject').notNull().default(''),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    result: text('result').$type<RemedyResult>().notNull(),
    /** 受理编号 of the request the case is about, when known. */
    requestNo: text('request_no'),
    note: text('note').notNull().default(''),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ar_cases_code_key').on(t.code),
    index('ar_cases_unit_idx').on(t.unitId, t.filedOn),
    check('ar_cases_kind_check', sql`${t.kind} in ('review','lawsuit')`),
    check('ar_cases_path_check', sql`(${t.kind} = 'lawsuit') = (${t.lawsuitPath} is not null) and (${t.lawsuitPath} is null or ${t.lawsuitPath} in ('direct','after_review'))`),
    check('ar_cases_result_check', sql`${t.result} in ('upheld','corrected','other','pending')`),
    check('ar_cases_decided_check', sql`(${t.result} = 'pending') = (${t.decidedOn} is null) and (${t.decidedOn} is null or ${t.decidedOn} >= ${t.filedOn})`),
  ],
);
