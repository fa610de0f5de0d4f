// Tables of 解读回应: the 舆情 register (levels per site, items, their steps, reminders sent), the
// public 回应关切 column, and monitoring feeds with the candidates they bring in.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../../../core/db/schema.ts';
import type { StepDetails, StepKind, ItemState } from '../domain/steps.ts';

/** 舆情 levels of a site; `major` ones start the 5 h / 24 h timers. */
export const opinionLevels = pgTable(
  'opinion_levels',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    major: boolean('major').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('opinion_levels_name_key').on(t.rootUnitId, t.name)],
);

export const opinionItems = pgTable(
  'opinion_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** 舆情编号, e.g. YQ2026-0007: the staff address. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    link: text('link').notNull().default(''),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    involved: text('involved').notNull().default(''),
    levelId: bigint('level_id', { mode: 'number' })
      .notNull()
      .references(() => opinionLevels.id),
    /** The responding unit (涉事责任部门是第一责任主体). */
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    state: text('state').$type<ItemState>().notNull().default('open'),
    /** The form submission that made it, so a resubmitted form makes no second item. */
    submissionKey: text('submission_key'),
    candidateId: bigint('candidate_id', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('opinion_items_code_key').on(t.rootUnitId, t.code),
    uniqueIndex('opinion_items_submission_key').on(t.submissionKey),
    index('opinion_items_open_idx').on(t.rootUnitId, t.state),
    check('opinion_items_state_check', sql`${t.state} in ('open','closed')`),
  ],
);

export const opinionSteps = pgTable(
  'opinion_steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => opinionItems.id),
    kind: text('kind').$type<StepKind>().notNull(),
    /** When it happened (as entered); recordedAt is when it was written down. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    /** For 登记 and 调整等级: the level from then on, so the timers can be recomputed from the history. */
    levelId: bigint('level_id', { mode: 'number' }).references(() => opinionLevels.id),
    major: boolean('major'),
    details: jsonb('details').$type<StepDetails>().notNull(),
  },
  (t) => [index('opinion_steps_item_idx').on(t.itemId, t.at)],
);

/** One reminder per item, timer, kind and timer start, however many instances run the job. */
export const opinionReminders = pgTable(
  'opinion_reminders',
  {
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => opinionItems.id),
    timer: text('timer').notNull(),
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.timer, t.kind, t.startsAt] })],
);

export interface ConcernLink {
  label: string;
  href: string;
}

/** 回应关切: a public concern, its answer, the answering unit, and the records it cites. */
export const opinionConcerns = pgTable(
  'opinion_concerns',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** Public address /opinion/concerns/<code>. */
    code: text('code').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    links: jsonb('links').$type<ConcernLink[]>().notNull().default([]),
    itemId: bigint('item_id', { mode: 'number' }).references(() => opinionItems.id),
    published: boolean('published').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('opinion_concerns_code_key').on(t.code), index('opinion_concerns_list_idx').on(t.rootUnitId, t.answeredOn)],
);
