// Tables of 管理和服务公开: the 权责清单 (types, items, editions, changes, import previews), 行政执法公示
// (事前 profile, officers, 随机抽查事项, decisions) and 办事指南 (guides with their materials and forms), and
// the links from catalog items to the item they come from.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
import { staffUsers, units } from '../../../core/db/schema.ts';
import type { DutyStage, PowerRow } from '../domain/power-list.ts';

export const powersTypes = pgTable(
  'powers_types',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    stages: text('stages').array().notNull().default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('powers_types_label_key').on(t.rootUnitId, t.label)],
);

export const powersItems = pgTable(
  'powers_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Stable public identifier (URL). */
    publicCode: text('public_code').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    code: text('code').notNull().default(''),
    name: text('name').notNull(),
    subItem: text('sub_item').notNull().default(''),
    type: text('type').notNull(),
    basis: text('basis').array().notNull().default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    entrustedBy: text('entrusted_by').notNull().default(''),
    target: text('target').notNull(),
    duties: jsonb('duties').$type<DutyStage[]>().notNull(),
    accountability: text('accountability').notNull(),
    accountabilityBasis: text('accountability_basis').notNull(),
    supervision: text('supervision').notNull(),
    remedy: text('remedy').notNull(),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('powers_items_public_code_key').on(t.publicCode),
    index('powers_items_unit_idx').on(t.unitId, t.sortOrder),
    check('powers_items_source_check', sql`${t.source} in ('法定','下放','委托')`),
  ],
);

export const powersEditions = pgTable(
  'powers_editions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    label: text('label').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    docNo: text('doc_no').notNull().default(''),
    note: text('note').notNull().default(''),
    rowCount: integer('row_count').notNull(),
    /** The list as published: every row with its elements. */
    rows: jsonb('rows').$type<PowerRow[]>().notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('powers_editions_label_key').on(t.unitId, t.label)],
);

export const powersChanges = pgTable(
  'powers_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    itemId: bigint('item_id', { mode: 'number' }).references(() => powersItems.id),
    /** The row as proposed (for 取消: the row being cancelled). */
    row: jsonb('row').$type<PowerRow>().notNull(),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('proposed'),
    proposedOn: date('proposed_on', { mode: 'string' }).notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    legalityOn: date('legality_on', { mode: 'string' }),
    approvedOn: date('approved_on', { mode: 'string' }),
    docNo: text('doc_no').notNull().default(''),
    publishedOn: date('published_on', { mode: 'string' }),
    rejectedOn: date('rejected_on', { mode: 'string' }),
    rejectReason: text('reject_reason').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('powers_changes_public_code_key').on(t.publicCode),
    index('powers_changes_unit_idx').on(t.unitId, t.state),
    check('powers_changes_kind_check', sql`${t.kind} in ('增加','取消','下放','委托','变更要素')`),
    check('powers_changes_state_check', sql`${t.state} in ('proposed','reviewed','legality_checked','approved','published','rejected')`),
  ],
);

export const powersImportPreviews = pgTable('powers_import_previews', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique('powers_import_previews_code_key'),
  unitId: bigint('unit_id', { mode: 'number' })
    .notNull()
    .references(() => units.id),
  staffUserId: bigint('staff_user_id', { mode: 'number' })
    .notNull()
    .references(() => staffUsers.id),
  fileName: text('file_name').notNull(),
  label: text('label').notNull(),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  docNo: text('doc_no').notNull().default(''),
  rows: jsonb('rows').$type<PowerRow[]>().notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  /** The import run saving this preview (core import_runs): a repeated confirm shows the same run. */
  runCode: text('run_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const powersEnforcementProfiles = pgTable('powers_enforcement_profiles', {
  unitId: bigint('unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  bodyName: text('body_name').notNull(),
  duties: text('duties').notNull().default(''),
  authority: text('authority').notNull().default(''),
  basis: text('basis').notNull().default(''),
  /** 执法程序 one step per line: the 执法流程图 is drawn from it. */
  procedure: text('procedure').notNull().default(''),
  remedy: text('remedy').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 年度执法数据 entered by the unit for a year: the figures the register cannot know (keys of
 * `ENTERED_FIGURES`) and the 行政执法情况说明. The computed figures are never stored: they come from the
 * register when the page is shown.
 */
export const powersStatisticsEntries = pgTable(
  'powers_statistics_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    figures: jsonb('figures').$type<Record<string, number>>().notNull(),
    explanation: text('explanation').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('powers_statistics_entries_unit_year_key').on(t.unitId, t.year)],
);

export const powersOfficers = pgTable(
  'powers_officers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    certNo: text('cert_no').notNull(),
    category: text('category').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('powers_officers_cert_key').on(t.unitId, t.certNo)],
);

export const powersInspectionItems = pgTable(
  'powers_inspection_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    seq: integer('seq').notNull(),
    item: text('item').notNull(),
    subItem: text('sub_item').notNull().default(''),
    inspector: text('inspector').notNull(),
    basis: text('basis').notNull(),
    method: text('method').notNull(),
    content: text('content').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('powers_inspection_items_unit_idx').on(t.unitId, t.seq)],
);

export const powersDecisions = pgTable(
  'powers_decisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    docNo: text('doc_no').notNull(),
    partyName: text('party_name').notNull(),
    partyType: text('party_type').notNull(),
    uscc: text('uscc').notNull().default(''),
    legalRep: text('legal_rep').notNull().default(''),
    facts: text('facts').notNull(),
    basis: text('basis').notNull(),
    content: text('content').notNull(),
    fineYuan: numeric('fine_yuan', { precision: 14, scale: 2 }),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    publishedOn: date('published_on', { mode: 'string' }),
    partyMinor: boolean('party_minor').notNull().default(false),
    withheldReason: text('withheld_reason'),
    withdrawEventOn: date('withdraw_event_on', { mode: 'string' }),
    withdrawGround: text('withdraw_ground'),
    withdrawDueOn: date('withdraw_due_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawReason: text('withdraw_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('powers_decisions_public_code_key').on(t.publicCode),
    uniqueIndex('powers_decisions_doc_no_key').on(t.unitId, t.docNo),
    index('powers_decisions_public_idx').on(t.rootUnitId, t.publishedOn.desc(), t.id.desc()).where(sql`${t.publishedOn} is not null`),
    // The public register filtered by 执法类别, by unit, or both: without these a rare filter walks every published row.
    index('powers_decisions_public_kind_idx').on(t.rootUnitId, t.kind, t.publishedOn.desc(), t.id.desc()).where(sql`${t.publishedOn} is not null`),
    index('powers_decisions_public_unit_idx').on(t.unitId, t.publishedOn.desc(), t.id.desc()).where(sql`${t.publishedOn} is not null`),
    index('powers_decisions_public_unit_kind_idx').on(t.unitId, t.kind, t.publishedOn.desc(), t.id.desc()).where(sql`${t.publishedOn} is not null`),
    index('powers_decisions_unit_idx').on(t.unitId, t.decidedOn.desc()),
  ],
);

export interface StoredForm {
  key: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface StoredMaterial {
  name: string;
  required: boolean;
  form: string;
  copies: number;
  note: string;
  blank?: StoredForm;
  sample?: StoredForm;
}

export const powersGuides = pgTable(
  'powers_guides',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    powerItemId: bigint('power_item_id', { mode: 'number' }).references(() => powersItems.id),
    name: text('name').notNull(),
    itemType: text('item_type').notNull(),
    audience: text('audience').notNull(),
    theme: text('theme').notNull(),
    basis: text('basis').notNull().default(''),
    conditions: text('conditions').notNull().default(''),
    process: text('process').notNull().default(''),
    place: text('place').notNull().default(''),
    hours: text('hours').notNull().default(''),
    legalLimitDays: integer('legal_limit_days'),
    promisedLimitDays: integer('promised_limit_days'),
    fee: text('fee').notNull().default(''),
    consultPhone: text('consult_phone').notNull().default(''),
    complaintPhone: text('complaint_phone').notNull().default(''),
    delivery: text('delivery').notNull().default(''),
    remedy: text('remedy').notNull().default(''),
    materials: jsonb('materials').$type<StoredMaterial[]>().notNull().default(sql`'[]'::jsonb`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The platform search's CJK-bigram vector (name A, type and theme B, the rest C) while published; null otherwise. */
    searchDocument: tsvector('search_document'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('powers_guides_public_code_key').on(t.publicCode),
    index('powers_guides_unit_idx').on(t.unitId),
    index('powers_guides_search_idx').using('gin', t.searchDocument).where(sql`${t.searchDocument} is not null`),
  ],
);

/** A catalog item names the 权责事项 or 服务事项 its information comes from (one source per item). */
export const powersCatalogLinks = pgTable(
  'powers_catalog_links',
  {
    catalogItemId: bigint('catalog_item_id', { mode: 'number' }).primaryKey(),
    powerItemId: bigint('power_item_id', { mode: 'number' }).references(() => powersItems.id),
    guideId: bigint('guide_id', { mode: 'number' }).references(() => powersGuides.id),
  },
  (t) => [
    index('powers_catalog_links_power_idx').on(t.powerItemId),
    index('powers_catalog_links_guide_idx').on(t.guideId),
    check('powers_catalog_links_one_check', sql`(${t.powerItemId} is null) <> (${t.guideId} is null)`),
  ],
);
