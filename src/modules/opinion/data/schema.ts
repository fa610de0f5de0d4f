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

/** Per-site settings of the register: the 互动交流 alert threshold. */
export const opinionSettings = pgTable('opinion_settings', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  /** Similar messages on one subject within 24 h that raise a candidate. */
  alertThreshold: integer('alert_threshold').notNull().default(5),
  alertsEnabled: boolean('alerts_enabled').notNull().default(true),
});

/** A monitoring vendor's feed (RSS, Atom or JSON Feed), polled on a schedule. */
export const opinionFeeds = pgTable(
  'opinion_feeds',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    url: text('url').notNull(),
    intervalMinutes: integer('interval_minutes').notNull().default(30),
    active: boolean('active').notNull().default(true),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    /** '' when the last poll went well, else the reason in Chinese. */
    lastError: text('last_error').notNull().default(''),
    lastNew: integer('last_new').notNull().default(0),
  },
  (t) => [uniqueIndex('opinion_feeds_url_key').on(t.rootUnitId, t.url)],
);

export type CandidateState = 'pending' | 'accepted' | 'dismissed';

/** An entry of a feed or a 互动交流 alert, waiting for staff to accept (a 舆情 item) or dismiss. */
export const opinionCandidates = pgTable(
  'opinion_candidates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    origin: text('origin').$type<'feed' | 'messages'>().notNull(),
    feedId: bigint('feed_id', { mode: 'number' }).references(() => opinionFeeds.id),
    /** Dedupe key: the entry's guid, else its link (feeds); subject and window (alerts). */
    key: text('key').notNull(),
    title: text('title').notNull(),
    link: text('link').notNull().default(''),
    summary: text('summary').notNull().default(''),
    source: text('source').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    state: text('state').$type<CandidateState>().notNull().default('pending'),
    reason: text('reason').notNull().default(''),
    itemId: bigint('item_id', { mode: 'number' }).references(() => opinionItems.id),
    decidedBy: text('decided_by').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('opinion_candidates_key').on(t.rootUnitId, t.origin, t.key),
    index('opinion_candidates_state_idx').on(t.rootUnitId, t.state, t.firstSeenAt),
    check('opinion_candidates_state_check', sql`${t.state} in ('pending','accepted','dismissed')`),
  ],
);

/** Screenshots kept on an item (staff only), bytes in the content-addressed file storage. */
export const opinionScreenshots = pgTable(
  'opinion_screenshots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => opinionItems.id),
    fileKey: text('file_key').notNull(),
    mediaType: text('media_type').notNull(),
    filename: text('filename').notNull(),
    size: integer('size').notNull(),
    caption: text('caption').notNull().default(''),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('opinion_screenshots_file_key').on(t.itemId, t.fileKey)],
);

export type EventKind = 'press' | 'interview';
export type EventState = 'announced' | 'published';

/** 新闻发布会 and 在线访谈: announced (time, topic, speakers), then published with the record. */
export const opinionEvents = pgTable(
  'opinion_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** Public address /opinion/events/<code>. */
    code: text('code').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    topic: text('topic').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    place: text('place').notNull().default(''),
    speakers: text('speakers').notNull(),
    intro: text('intro').notNull().default(''),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    state: text('state').$type<EventState>().notNull().default('announced'),
    transcript: text('transcript').notNull().default(''),
    media: jsonb('media').$type<ConcernLink[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('opinion_events_code_key').on(t.code), index('opinion_events_list_idx').on(t.rootUnitId, t.startsAt), check('opinion_events_kind_check', sql`${t.kind} in ('press','interview')`)],
);

export type QuestionState = 'pending' | 'approved' | 'rejected';

/** A question to an event: from the public (在线访谈, moderated) or asked at a 发布会 (entered by staff). */
export const opinionEventQuestions = pgTable(
  'opinion_event_questions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => opinionEvents.id),
    asker: text('asker').notNull(),
    question: text('question').notNull(),
    state: text('state').$type<QuestionState>().notNull().default('pending'),
    answer: text('answer').notNull().default(''),
    answeredBy: text('answered_by').notNull().default(''),
    reason: text('reason').notNull().default(''),
    /** The public form's one-time key, so a resubmitted form makes no second question. */
    submissionKey: text('submission_key'),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderatedBy: text('moderated_by').notNull().default(''),
  },
  (t) => [uniqueIndex('opinion_event_questions_submission_key').on(t.submissionKey), index('opinion_event_questions_event_idx').on(t.eventId, t.state), check('opinion_event_questions_state_check', sql`${t.state} in ('pending','approved','rejected')`)],
);
