// Tables of the messages module (互动交流: 信箱, 咨询, 找错, 96128), all prefixed msg_.
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { staffUsers, units } from '../../../core/db/schema.ts';
import type { ClockEvent } from '../domain/clock.ts';
import type { Channel, Kind, TimeLimits } from '../domain/kinds.ts';
import type { RefusalReason } from '../domain/refusals.ts';
import type { MessageState, Satisfaction } from '../domain/states.ts';
import { OPEN_STATES } from '../domain/states.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const OPEN_IN = sql.raw(`state IN (${OPEN_STATES.map((s) => `'${s}'`).join(', ')})`);

/** 编号 counters: one row per site (root unit) and year. */
export const msgSequences = pgTable(
  'msg_sequences',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.year] })],
);

/** Per-site time limits (the openness office edits them); absent: the defaults. */
export const msgSettings = pgTable('msg_settings', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  limits: jsonb('limits').$type<TimeLimits>().notNull(),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => staffUsers.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 主题分类: a two-level tree per site that the openness office edits. Subjects are retired, never
 * deleted, so old items keep theirs; `position` orders siblings.
 */
export const msgSubjects = pgTable(
  'msg_subjects',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    parentId: bigint('parent_id', { mode: 'number' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('msg_subjects_root_idx').on(t.rootUnitId, t.parentId, t.position)],
);

/** One row per 诉求 (message, call). */
export const msgItems = pgTable(
  'msg_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** 编号, e.g. HD-2026-000123 (unique per site). */
    itemNo: text('item_no').notNull(),
    /** sha256 of the lookup code; the code itself is never stored. */
    lookupHash: text('lookup_hash').notNull(),
    idempotencyKey: text('idempotency_key'),
    channel: text('channel').$type<Channel>().notNull(),
    kind: text('kind').$type<Kind>().notNull(),
    /** 部门/乡镇信箱: the unit written to. */
    mailboxUnitId: bigint('mailbox_unit_id', { mode: 'number' }).references(() => units.id),
    subject: text('subject').notNull().default(''),
    /** 主题分类 (msg_subjects, a second-level subject or a first-level one without children). */
    subjectId: bigint('subject_id', { mode: 'number' }),
    title: text('title').notNull(),
    content: text('content').notNull(),
    callerName: text('caller_name').notNull().default(''),
    callerPhone: text('caller_phone').notNull().default(''),
    callerEmail: text('caller_email').notNull().default(''),
    /** 举报人 asked that identity be kept from the handling unit (潍坊 第十一条). */
    keepIdentity: boolean('keep_identity').notNull().default(false),
    /** The caller allows publication (公开选登). */
    allowPublication: boolean('allow_publication').notNull().default(false),
    state: text('state').$type<MessageState>().notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** 主办单位, 协办单位. */
    unitId: bigint('unit_id', { mode: 'number' }).references(() => units.id),
    assistUnitIds: bigint('assist_unit_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    designated: boolean('designated').notNull().default(false),
    dispatchedOn: date('dispatched_on', { mode: 'string' }),
    signBy: date('sign_by', { mode: 'string' }),
    signedOn: date('signed_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    limitDays: integer('limit_days').notNull(),
    extensionPendingDays: integer('extension_pending_days'),
    extensionRequestedBy: bigint('extension_requested_by', { mode: 'number' }),
    extensionReason: text('extension_reason').notNull().default(''),
    replyText: text('reply_text').notNull().default(''),
    replyUnitId: bigint('reply_unit_id', { mode: 'number' }).references(() => units.id),
    repliedOn: date('replied_on', { mode: 'string' }),
    repliedOnTime: boolean('replied_on_time'),
    workingDaysTaken: integer('working_days_taken'),
    closedOn: date('closed_on', { mode: 'string' }),
    satisfaction: text('satisfaction').$type<Satisfaction>(),
    redone: boolean('redone').notNull().default(false),
    supervised: boolean('supervised').notNull().default(false),
    /** 挂牌督办: visible to leaders. */
    flagged: boolean('flagged').notNull().default(false),
    refusalReason: text('refusal_reason').$type<RefusalReason>(),
    /** Published (公开选登): the masked text shown in the public column. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publicTitle: text('public_title').notNull().default(''),
    publicContent: text('public_content').notNull().default(''),
    publicReply: text('public_reply').notNull().default(''),
    /** CJK-bigram search document of the published (masked) text (core/search); null while unpublished. */
    searchDocument: tsvector('search_document'),
    /** 依申请公开 受理编号 this item came from or was routed to. */
    linkedRequestNo: text('linked_request_no').notNull().default(''),
    /** 即时答复 from the 知识库: the entry the answer came from. */
    knowledgeId: bigint('knowledge_id', { mode: 'number' }),
    /** 并单: the item this one was merged into. */
    mergedInto: bigint('merged_into', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
  },
  (t) => [
    uniqueIndex('msg_items_no_key').on(t.rootUnitId, t.itemNo),
    uniqueIndex('msg_items_idempotency_key').on(t.idempotencyKey),
    index('msg_items_state_idx').on(t.rootUnitId, t.state, t.dueOn),
    index('msg_items_unit_idx').on(t.unitId, t.state),
    index('msg_items_received_idx').on(t.rootUnitId, t.receivedOn),
    // The public column: newest published first, per site or per answering unit, and its search.
    index('msg_items_public_idx').on(t.rootUnitId, t.publishedAt, t.id).where(sql`published_at IS NOT NULL`),
    index('msg_items_public_unit_idx').on(t.replyUnitId, t.publishedAt, t.id).where(sql`published_at IS NOT NULL`),
    index('msg_items_search_gin').using('gin', t.searchDocument).where(sql`published_at IS NOT NULL`),
    // The staff list (newest first) and the dashboard's open, overdue and satisfaction figures.
    index('msg_items_recent_idx').on(t.rootUnitId, t.receivedAt, t.id),
    // Covers every column the dashboard's open-item counts read, so they are index-only scans.
    index('msg_items_open_idx').on(t.rootUnitId, t.unitId, t.dueOn, t.repliedOn, t.mergedInto, t.supervised, t.flagged, t.state).where(OPEN_IN),
    index('msg_items_rated_idx').on(t.rootUnitId, t.closedOn).where(sql`satisfaction IS NOT NULL`),
    index('msg_items_merged_idx').on(t.mergedInto).where(sql`merged_into IS NOT NULL`),
    index('msg_items_subject_idx').on(t.rootUnitId, t.subjectId, t.receivedAt).where(sql`subject_id IS NOT NULL`),
    index('msg_items_linked_request_idx').on(t.linkedRequestNo).where(sql`linked_request_no <> ''`),
  ],
);

/** The clock ledger: the events the due date is computed from. */
export const msgEvents = pgTable(
  'msg_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => msgItems.id),
    event: jsonb('event').$type<ClockEvent>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('msg_events_item_idx').on(t.itemId, t.id)],
);

/** Every action with who did it, dated: the item's history. */
export const msgHistory = pgTable(
  'msg_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => msgItems.id),
    action: text('action').notNull(),
    fromState: text('from_state').$type<MessageState | null>(),
    toState: text('to_state').$type<MessageState>().notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    /** The unit that acted (shown to the caller instead of a person's name). */
    unitName: text('unit_name').notNull().default(''),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('msg_history_item_idx').on(t.itemId, t.at)],
);

/** Reminders sent (到期前提醒, 到期次日催办), once per item, kind and day. */
export const msgReminders = pgTable(
  'msg_reminders',
  {
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => msgItems.id),
    kind: text('kind').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.kind, t.on] })],
);

/**
 * Per-unit statistics kept by a trigger on msg_items (migration 0021): one row per site, 主办单位 and
 * day of receipt, so the public statistics and the dashboard sum a few thousand rows instead of
 * scanning a year of items. Items merged into another (并单) count with their main item only.
 */
export const msgUnitStats = pgTable(
  'msg_unit_stats',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    received: integer('received').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    replied: integer('replied').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    daysSum: integer('days_sum').notNull().default(0),
    daysN: integer('days_n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.unitId, t.receivedOn] }), index('msg_unit_stats_day_idx').on(t.rootUnitId, t.receivedOn)],
);

/**
 * 知识库: answers kept by units for questions that come again, so a call-taker (or the public form)
 * can answer at once (即时答复). Each entry has a date until which it is known to be valid; past it,
 * it is flagged for review. Entries are retired, never deleted (items keep pointing at them).
 */
export const msgKnowledge = pgTable(
  'msg_knowledge',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** The unit that keeps the answer current. */
    unitId: bigint('unit_id', { mode: 'number' }).references(() => units.id),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    subject: text('subject').notNull().default(''),
    /** 依据: the rule or document the answer rests on. */
    basis: text('basis').notNull().default(''),
    /** Valid until (review date): past it, the entry is flagged and not offered to the public. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** The item whose reply it was saved from. */
    sourceItemId: bigint('source_item_id', { mode: 'number' }).references(() => msgItems.id),
    searchDocument: tsvector('search_document').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('msg_knowledge_search_gin').using('gin', t.searchDocument).where(sql`retired_at IS NULL`), index('msg_knowledge_root_idx').on(t.rootUnitId, t.validUntil)],
);
