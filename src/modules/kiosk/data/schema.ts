// Tables of the query terminals (政务公开查询终端): the terminals the openness office registers, their
// use per day (counts only: no person, address or search text is stored) and the site's kiosk settings.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../../../core/db/schema.ts';

export const kioskTerminals = pgTable(
  'kiosk_terminals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** Random code in the terminal's start address (/kiosk?terminal=…) and its cookie. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Where it stands, e.g. 楚雄市为民服务中心一楼大厅. */
    place: text('place').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kiosk_terminals_code_key').on(t.code), uniqueIndex('kiosk_terminals_name_key').on(t.rootUnitId, t.name)],
);

/** Use of a terminal on a day (Asia/Shanghai): pages shown and sessions begun at the start page. */
export const kioskUseDaily = pgTable(
  'kiosk_use_daily',
  {
    terminalId: bigint('terminal_id', { mode: 'number' })
      .notNull()
      .references(() => kioskTerminals.id),
    day: date('day', { mode: 'string' }).notNull(),
    pages: integer('pages').notNull().default(0),
    starts: integer('starts').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.day] }), check('kiosk_use_daily_counts_check', sql`${t.pages} >= 0 AND ${t.starts} >= 0`)],
);

/** Per site: the idle time before a terminal returns to its start page, and the common searches offered. */
export const kioskSettings = pgTable(
  'kiosk_settings',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .primaryKey()
      .references(() => units.id),
    idleSeconds: integer('idle_seconds').notNull(),
    /** One search per line. */
    commonSearches: text('common_searches').notNull(),
  },
  (t) => [check('kiosk_settings_idle_check', sql`${t.idleSeconds} BETWEEN 30 AND 1800`)],
);
