// Tables of 内容检查 (错敏词): the office's word tables per site, and the nightly sweeps of public records
// with what they found.
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MonitorFinding, MonitorThresholds } from '../domain/monitor.ts';
import type { IndicatorMethod, IndicatorSource, UnitScore } from '../domain/scoring.ts';
import { sql } from 'drizzle-orm';
import { units } from '../../../core/db/schema.ts';

/**
 * One row of the office's tables, by kind:
 *   leader       term = 姓名, value = 职务, valid_from / valid_to = 任职起止
 *   renamed_org  term = 旧名称, value = 新名称, valid_from = 更名日期
 *   misspelling  term = 错误写法, value = 正确写法
 *   sensitive    term = 敏感词, level = block | warn, note = 说明
 */
export const assessmentTerms = pgTable(
  'assessment_terms',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    term: text('term').notNull(),
    value: text('value').notNull().default(''),
    level: text('level').notNull().default('warn'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_terms_key').on(t.rootUnitId, t.kind, t.term, t.value),
    check('assessment_terms_kind', sql`${t.kind} IN ('leader', 'renamed_org', 'misspelling', 'sensitive')`),
    check('assessment_terms_level', sql`${t.level} IN ('block', 'warn')`),
  ],
);

/** A site's tables: created with the national defaults on first use; `version` moves on every edit (compiled checkers are cached by it). */
export const assessmentTermSets = pgTable('assessment_term_sets', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  version: integer('version').notNull().default(1),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One sweep of a site's public records; one per site and day, so several instances run it once. */
export const assessmentSweeps = pgTable(
  'assessment_sweeps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    records: integer('records').notNull().default(0),
    findings: integer('findings').notNull().default(0),
  },
  (t) => [uniqueIndex('assessment_sweeps_day').on(t.rootUnitId, t.runOn)],
);

/** What a sweep found in one public record. */
export const assessmentSweepFindings = pgTable(
  'assessment_sweep_findings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sweepId: bigint('sweep_id', { mode: 'number' })
      .notNull()
      .references(() => assessmentSweeps.id, { onDelete: 'cascade' }),
    recordCode: text('record_code').notNull(),
    indexNo: text('index_no').notNull(),
    title: text('title').notNull(),
    unitName: text('unit_name').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    place: text('place').notNull(),
    paragraph: integer('paragraph').notNull(),
    found: text('found').notNull(),
    suggestion: text('suggestion').notNull(),
    before: text('before').notNull(),
    after: text('after').notNull(),
    count: integer('count').notNull(),
    basis: text('basis').notNull(),
  },
  (t) => [index('assessment_sweep_findings_sweep_idx').on(t.sweepId)],
);

/** The website monitor's thresholds of a site (the national defaults until the office changes them). */
export const assessmentMonitorSettings = pgTable('assessment_monitor_settings', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  thresholds: jsonb('thresholds').$type<MonitorThresholds>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The monitor's availability probes of a site's home page (19号: at least 20 a day over a week). */
export const assessmentMonitorProbes = pgTable(
  'assessment_monitor_probes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    status: integer('status').notNull(),
    ms: integer('ms').notNull(),
  },
  (t) => [index('assessment_monitor_probes_idx').on(t.rootUnitId, t.at)],
);

/** One pass of the monitor over a site, with its findings. */
export const assessmentMonitorRuns = pgTable(
  'assessment_monitor_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    pages: integer('pages').notNull(),
    findings: jsonb('findings').$type<MonitorFinding[]>().notNull(),
  },
  (t) => [index('assessment_monitor_runs_idx').on(t.rootUnitId, t.startedAt)],
);

// ---- 考核 ----

/** The indicator table of a year (weights sum to 100), edited by the 政务公开办; created from the defaults on first use. */
export const assessmentIndicators = pgTable(
  'assessment_indicators',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    sortOrder: integer('sort_order').notNull(),
    name: text('name').notNull(),
    weight: integer('weight').notNull(),
    method: text('method').$type<IndicatorMethod>().notNull(),
    deduct: integer('deduct').notNull().default(0),
    source: text('source').$type<IndicatorSource>().notNull(),
    rule: text('rule').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.year, t.code] })],
);

/** Points entered by hand (training and the like) for a unit, period and indicator, with the evidence file. */
export const assessmentManualScores = pgTable(
  'assessment_manual_scores',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    indicatorCode: text('indicator_code').notNull(),
    points: real('points').notNull(),
    note: text('note').notNull().default(''),
    fileName: text('file_name'),
    fileKey: text('file_key'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.period, t.unitId, t.indicatorCode] })],
);

/** The computed scores of a site and period (kept so pages are fast; recomputed on demand or after an objection is decided). */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** The day the scores were first shown to the units: objections run from it (kept across recomputations). */
    releasedOn: date('released_on', { mode: 'string' }).notNull(),
    scores: jsonb('scores').$type<UnitScore[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.period] })],
);

/** A unit's objection to one counted item, and the office's decision. */
export const assessmentObjections = pgTable(
  'assessment_objections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    indicatorCode: text('indicator_code').notNull(),
    itemKey: text('item_key').notNull(),
    itemLabel: text('item_label').notNull(),
    reason: text('reason').notNull(),
    fileName: text('file_name'),
    fileKey: text('file_key'),
    state: text('state').$type<'pending' | 'accepted' | 'rejected'>().notNull().default('pending'),
    decisionReason: text('decision_reason').notNull().default(''),
    filedByName: text('filed_by_name').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('assessment_objections_item').on(t.rootUnitId, t.period, t.unitId, t.indicatorCode, t.itemKey),
    check('assessment_objections_state', sql`${t.state} IN ('pending', 'accepted', 'rejected')`),
  ],
);

/** A site's 考核 settings: the working days a unit has to object after the scores are published. */
export const assessmentSettings = pgTable('assessment_settings', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  objectionDays: integer('objection_days').notNull().default(5),
});

/** The quarterly 通报 of a site: drafted from the results, edited, then issued (and no longer edited). */
export const assessmentBulletins = pgTable(
  'assessment_bulletins',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    title: text('title').notNull(),
    docNo: text('doc_no').notNull().default(''),
    overview: text('overview').notNull(),
    problems: text('problems').notNull(),
    requirements: text('requirements').notNull(),
    state: text('state').$type<'draft' | 'issued'>().notNull().default('draft'),
    issuedOn: date('issued_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.period] }), check('assessment_bulletins_state', sql`${t.state} IN ('draft', 'issued')`)],
);
