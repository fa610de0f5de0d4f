// Tables of the standard catalog (标准目录): domains, items with their versions, what each unit's
// catalog holds and its versions, and the 政府信息公开指南 of each unit.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { staffUsers, units } from '../../../core/db/schema.ts';
import type { CatalogItemData, TimeLimitRule } from '../domain/types.ts';

export const catalogDomains = pgTable(
  'catalog_domains',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** 1–26 for the national domains; null for a local one. */
    nationalNo: integer('national_no'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalog_domains_slug_key').on(t.rootUnitId, t.slug), uniqueIndex('catalog_domains_name_key').on(t.rootUnitId, t.name)],
);

export const catalogItems = pgTable(
  'catalog_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Stable public identifier used in URLs. */
    code: text('code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    domainId: bigint('domain_id', { mode: 'number' })
      .notNull()
      .references(() => catalogDomains.id),
    /** null: an item of the city's standard catalog; otherwise an item a unit added for itself. */
    ownerUnitId: bigint('owner_unit_id', { mode: 'number' }).references(() => units.id),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    content: text('content').notNull(),
    basis: text('basis').array().notNull().default(sql`'{}'::text[]`),
    /** 公开依据 exactly as written; `basis` is its parsed form. */
    basisText: text('basis_text').notNull().default(''),
    timeLimitText: text('time_limit_text').notNull(),
    timeLimitRule: jsonb('time_limit_rule').$type<TimeLimitRule>().notNull(),
    publisherText: text('publisher_text').notNull(),
    /** The city's units that 公开主体 names (exact full or short name); the text is kept as written. */
    publisherUnitIds: bigint('publisher_unit_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    customChannels: text('custom_channels').array().notNull().default(sql`'{}'::text[]`),
    /** 公开渠道和载体 exactly as written (the unit's own words and order); `channels` is what it stands for. */
    channelsText: text('channels_text').notNull().default(''),
    audienceSociety: boolean('audience_society').notNull(),
    audienceSpecific: boolean('audience_specific').notNull(),
    modeProactive: boolean('mode_proactive').notNull(),
    modeOnRequest: boolean('mode_on_request').notNull(),
    levelCounty: boolean('level_county').notNull(),
    levelTownship: boolean('level_township').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_items_code_key').on(t.code),
    index('catalog_items_domain_idx').on(t.domainId),
    index('catalog_items_owner_idx').on(t.ownerUnitId),
  ],
);

/** Every version of every item, for history and diffs; append-only. */
export const catalogItemVersions = pgTable(
  'catalog_item_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => catalogItems.id),
    version: integer('version').notNull(),
    data: jsonb('data').$type<CatalogItemData>().notNull(),
    changeKind: text('change_kind').$type<'created' | 'updated' | 'retired'>().notNull(),
    reason: text('reason').notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('catalog_item_versions_key').on(t.itemId, t.version)],
);

/** The standard items a unit has adopted into its own catalog. */
export const catalogUnitItems = pgTable(
  'catalog_unit_items',
  {
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => catalogItems.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.itemId] })],
);

export interface CatalogSnapshotEntry {
  itemId: number;
  version: number;
}

/** Versions of a unit's catalog (the root unit's is the city's standard catalog). */
export const catalogVersions = pgTable(
  'catalog_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<CatalogSnapshotEntry[]>().notNull(),
    reason: text('reason').notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('catalog_versions_key').on(t.unitId, t.version)],
);

export interface GuideSection {
  key: string;
  title: string;
  body: string;
}

/** 政府信息公开指南 (条例 第十二条), one row per version; the newest is current. */
export const catalogGuides = pgTable(
  'catalog_guides',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull(),
    sections: jsonb('sections').$type<GuideSection[]>().notNull(),
    reason: text('reason').notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('catalog_guides_key').on(t.unitId, t.version)],
);

export interface ImportRunResult {
  created: number;
  updated: number;
  /** Standard items adopted (a department's or township's import); absent in runs saved before it existed. */
  adopted?: number;
  unchanged: number;
  version: number | null;
  versionedUnits: number;
}

