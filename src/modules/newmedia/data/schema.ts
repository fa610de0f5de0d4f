// Tables of 政务新媒体: per-site settings (review chain, silence days), the account registry, the
// requests that change it (开设/变更/关停/注销), posts written on the platform and their review history.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../../../core/db/schema.ts';
import type { AccountState, RequestKind, RequestState } from '../domain/accounts.ts';
import type { PostState } from '../domain/posts.ts';

export const newmediaSettings = pgTable('newmedia_settings', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  reviewSteps: jsonb('review_steps').$type<string[]>().notNull(),
  silenceDays: integer('silence_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The fields of an account a 开设 or 变更 request proposes. */
export interface AccountFields {
  name: string;
  platform: string;
  handle: string;
  url: string;
  operator: string;
  manager: string;
}

export const newmediaAccounts = pgTable(
  'newmedia_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    platform: text('platform').notNull(),
    /** 账号/ID on the platform (微信号, 微博昵称/UID, 抖音号 …). */
    handle: text('handle').notNull(),
    /** The account's public address; its QR code is generated from it. */
    url: text('url').notNull(),
    /** 主办单位. */
    hostUnitId: bigint('host_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** 运维单位 (may be a company). */
    operator: text('operator').notNull().default(''),
    /** 负责人: a name for staff, never shown in public. */
    manager: text('manager').notNull().default(''),
    /** 开设时间 (the approval date, or as recorded for older accounts). */
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    state: text('state').$type<AccountState>().notNull(),
    /** 最近更新 recorded by staff for posts made directly on the platform. */
    lastRecordedOn: date('last_recorded_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('newmedia_accounts_site_idx').on(t.rootUnitId, t.state), check('newmedia_accounts_state_check', sql`${t.state} in ('proposed','active','closed','cancelled','refused')`)],
);

export const newmediaRequests = pgTable(
  'newmedia_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => newmediaAccounts.id),
    kind: text('kind').$type<RequestKind>().notNull(),
    state: text('state').$type<RequestState>().notNull().default('pending'),
    /** 开设/变更: the proposed fields. */
    fields: jsonb('fields').$type<AccountFields | null>(),
    /** 关停公告 or the reason for 注销. */
    notice: text('notice').notNull().default(''),
    requestedBy: bigint('requested_by', { mode: 'number' }),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason').notNull().default(''),
    submissionKey: text('submission_key'),
  },
  (t) => [
    index('newmedia_requests_account_idx').on(t.accountId, t.requestedAt),
    uniqueIndex('newmedia_requests_submission_key').on(t.submissionKey),
    // At most one pending request per account.
    uniqueIndex('newmedia_requests_pending_key').on(t.accountId).where(sql`${t.state} = 'pending'`),
  ],
);

export const newmediaPosts = pgTable(
  'newmedia_posts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => newmediaAccounts.id),
    title: text('title').notNull(),
    /** Sanitised rich text. */
    bodyHtml: text('body_html').notNull(),
    state: text('state').$type<PostState>().notNull().default('draft'),
    /** The review chain fixed at submission. */
    chain: jsonb('chain').$type<string[]>().notNull().default([]),
    step: integer('step').notNull().default(0),
    /** Submission round (1 at the first submission; a return and resubmission starts the next). */
    round: integer('round').notNull().default(0),
    authorId: bigint('author_id', { mode: 'number' }).notNull(),
    authorName: text('author_name').notNull(),
    returnReason: text('return_reason').notNull().default(''),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedUrl: text('released_url').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submissionKey: text('submission_key'),
  },
  (t) => [index('newmedia_posts_account_idx').on(t.accountId, t.state), uniqueIndex('newmedia_posts_submission_key').on(t.submissionKey), check('newmedia_posts_state_check', sql`${t.state} in ('draft','in_review','returned','ready','released')`)],
);

export type PostAction = 'create' | 'edit' | 'submit' | 'approve' | 'return' | 'release';

/** Every step of a post, with who and when (the audit log holds the same, hash-chained). */
export const newmediaPostEvents = pgTable(
  'newmedia_post_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => newmediaPosts.id),
    action: text('action').$type<PostAction>().notNull(),
    /** The review step decided (approve/return), by index and name. */
    step: integer('step'),
    stepName: text('step_name').notNull().default(''),
    /** Submission round: approvals of earlier rounds do not count after a return. */
    round: integer('round').notNull().default(0),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [index('newmedia_post_events_post_idx').on(t.postId, t.at)],
);
