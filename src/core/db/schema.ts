// Core tables: every module may reference units and staff users; nothing else here is shared.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const unitTypes = ['government', 'department', 'township', 'other'] as const;
export type UnitType = (typeof unitTypes)[number];

export const units = pgTable(
  'units',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Stable, meaningful identifier used in public URLs. */
    slug: text('slug').notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    /** The root of this unit's tree: one deployment may host several cities (集约化). */
    rootId: bigint('root_id', { mode: 'number' }),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    type: text('type').$type<UnitType>().notNull(),
    uscc: text('uscc').notNull(),
    address: text('address').notNull().default(''),
    officeHours: text('office_hours').notNull().default(''),
    phone: text('phone').notNull().default(''),
    fax: text('fax').notNull().default(''),
    email: text('email').notNull().default(''),
    opennessContact: text('openness_contact').notNull().default(''),
    functions: text('functions').notNull().default(''),
    /** 行政复议机关 named in this unit's remedy notices and 指南 ('' = the default of its kind). */
    reviewBody: text('review_body').notNull().default(''),
    /** 人民法院 named in this unit's remedy notices and 指南 ('' = the default of its kind). */
    court: text('court').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_slug_key').on(t.slug),
    uniqueIndex('units_uscc_key').on(t.uscc),
    index('units_parent_idx').on(t.parentId),
    check('units_type_check', sql`${t.type} in ('government','department','township','other')`),
  ],
);

export const unitLeaders = pgTable(
  'unit_leaders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    title: text('title').notNull(),
    duties: text('duties').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('unit_leaders_unit_idx').on(t.unitId)],
);

/** Site settings belong to a root unit (one site per city or county). */
export const siteSettings = pgTable('site_settings', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  siteName: text('site_name').notNull(),
  siteCode: text('site_code').notNull().default(''),
  icpNo: text('icp_no').notNull().default(''),
  psbNo: text('psb_no').notNull().default(''),
  /** The 党政机关网站标识's verification page (issued by the 机构编制 office); '' = no 标识 shown. */
  conacUrl: text('conac_url').notNull().default(''),
  hostName: text('host_name').notNull().default(''),
  hostUnitName: text('host_unit_name').notNull().default(''),
  /** A notice shown at the top of every page (e.g. that the site holds demo data); '' = none. */
  demoNotice: text('demo_notice').notNull().default(''),
  /** 上一级人民政府 (e.g. 楚雄彝族自治州人民政府) for remedy defaults; '' = from the city's address. */
  superiorGovernment: text('superior_government').notNull().default(''),
  /** The 基层人民法院 for remedy defaults; '' = the city's name + 人民法院. */
  basicCourt: text('basic_court').notNull().default(''),
  /** The 中级人民法院 for the city government's own decisions; '' = from the 上一级人民政府's area. */
  intermediateCourt: text('intermediate_court').notNull().default(''),
  /** How released files mask personal data ({resident_id|mobile|bank_card: {keepStart, keepEnd}}); null = the defaults. */
  redactionMasks: jsonb('redaction_masks').$type<Record<string, { keepStart: number; keepEnd: number }>>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const roleNames = ['editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head', 'system_admin', 'security_admin', 'auditor'] as const;
export type Role = (typeof roleNames)[number];

export const staffUsers = pgTable(
  'staff_users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    roles: text('roles').array().$type<Role[]>().notNull().default(sql`'{}'::text[]`),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Locked by an administrator until unlocked by one (not the 15-minute lockout). */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** When the password was last set; the three officers must change it after the policy's days. */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_users_username_key').on(sql`lower(${t.username})`), index('staff_users_unit_idx').on(t.unitId)],
);

/** The installation's password and session rules, set by the 安全保密管理员 (one row). */
export const securitySettings = pgTable('security_settings', {
  id: integer('id').primaryKey().default(1),
  minLength: integer('min_length').notNull(),
  minClasses: integer('min_classes').notNull(),
  commonCheck: boolean('common_check').notNull(),
  maxAgeDays: integer('max_age_days').notNull(),
  failuresBeforeDelay: integer('failures_before_delay').notNull(),
  idleMinutes: integer('idle_minutes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Wrong passwords in a row per account name (as typed, lower case) and address: the sign-in throttle. */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    failures: integer('failures').notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.username, t.ip] }), index('auth_throttle_last_idx').on(t.lastFailedAt)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a stolen table row cannot be replayed. */
    tokenHash: text('token_hash').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only and hash-chained; a trigger refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    unitId: bigint('unit_id', { mode: 'number' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    ip: text('ip').notNull().default(''),
    requestId: text('request_id').notNull().default(''),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    // The auditor filters by action and lists the distinct actions.
    index('audit_log_action_idx').on(t.action),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year),
    kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year), check('calendar_days_kind_check', sql`${t.kind} in ('holiday','workday')`)],
);

/** Secrets shared by every app instance (cookie signing), created on first start. */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Outgoing mail; without SMTP it stays here and staff read it on the mail log page. */
export const mailOutbox = pgTable('mail_outbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  unitId: bigint('unit_id', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  /** The last delivery error; with failedAt set, the message is given up. */
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  /** When the sender may try it (again): retries back off. */
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  failedAt: timestamp('failed_at', { withTimezone: true }),
}, (t) => [index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`)]);

/**
 * A confirmed spreadsheet import saved in the background, of any module (`kind`: 'catalog', 'powers'):
 * rows read, checked and saved so far, then the outcome. Saving itself is all or nothing in the module's
 * own transaction; this row is written outside it so that the progress page can see it.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Non-guessable identifier used in URLs. */
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    staffUserId: bigint('staff_user_id', { mode: 'number' })
      .notNull()
      .references(() => staffUsers.id),
    fileName: text('file_name').notNull(),
    totalRows: integer('total_rows').notNull(),
    readRows: integer('read_rows').notNull().default(0),
    checkedRows: integer('checked_rows').notNull().default(0),
    savedRows: integer('saved_rows').notNull().default(0),
    state: text('state').$type<'running' | 'done' | 'failed' | 'interrupted'>().notNull(),
    /** The module's summary of a finished run (counts, version …). */
    result: jsonb('result').$type<Record<string, unknown>>(),
    errors: jsonb('errors').$type<string[]>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The process saving the run (host name and pid): a run whose process is gone is marked interrupted at start. */
    ownerHost: text('owner_host'),
    ownerPid: integer('owner_pid'),
  },
  (t) => [uniqueIndex('import_runs_code_key').on(t.code), index('import_runs_unit_idx').on(t.kind, t.unitId)],
);
