// Tables of 内容检查 (错敏词): the office's word tables per site, and the nightly sweeps of public records
// with what they found.
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MonitorFinding, MonitorThresholds } from '../domain/monitor.ts';
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
