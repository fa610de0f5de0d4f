// Views for pages: staff lists, the item page, the public column, per-unit statistics, dashboards.
import { sql, type SQL } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { addCalendarDays } from '../../core/calendar/working-days.ts';
import { TtlCache } from '../../core/cache.ts';
import { parseQuery } from '../../core/search/bigram.ts';
import { isDispatcher } from './service.ts';
import { OPEN_STATES, type MessageState } from './domain/states.ts';
import type { Channel, Kind } from './domain/kinds.ts';

export const PAGE_SIZE = 20;

/** List filters; every dashboard number links to the list with its filter. */
export interface ListFilter {
  state?: string; // a state, 'open', or ''
  due?: 'overdue' | '';
  supervised?: 'supervised' | 'flagged' | '';
  unitId?: number;
  received?: string; // a day
  satisfaction?: string;
  /** 主题分类 chosen (its id), and the ids it matches (itself and, for a first-level one, its children). */
  subjectId?: number;
  subjectIds?: number[];
  q?: string;
  page: number;
}

export interface ListRow {
  itemNo: string;
  title: string;
  channel: Channel;
  kind: Kind;
  state: MessageState;
  receivedOn: string;
  dueOn: string;
  unitName: string | null;
  supervised: boolean;
  flagged: boolean;
}

function scopeOf(user: CurrentUser): SQL {
  if (isDispatcher(user) || user.roles.includes('auditor')) return sql`i.root_unit_id = ${user.rootUnitId}`;
  return sql`i.root_unit_id = ${user.rootUnitId} AND (i.unit_id = ${user.unitId} OR ${user.unitId} = ANY(i.assist_unit_ids) OR i.mailbox_unit_id = ${user.unitId})`;
}

const OPEN_SQL = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(',')})`);

export async function listItems(core: Core, user: CurrentUser, f: ListFilter, today: string): Promise<{ rows: ListRow[]; total: number }> {
  const where: SQL[] = [scopeOf(user)];
  if (f.state === 'open') where.push(sql`i.state IN ${OPEN_SQL}`);
  else if (f.state) where.push(sql`i.state = ${f.state}`);
  if (f.due === 'overdue') where.push(sql`i.state IN ${OPEN_SQL} AND i.replied_on IS NULL AND i.due_on < ${today}`);
  if (f.supervised === 'supervised') where.push(sql`i.supervised AND i.state IN ${OPEN_SQL}`);
  if (f.supervised === 'flagged') where.push(sql`i.flagged AND i.state IN ${OPEN_SQL}`);
  if (f.unitId) where.push(sql`i.unit_id = ${f.unitId}`);
  if (f.received) where.push(sql`i.received_on = ${f.received}`);
  if (f.satisfaction) where.push(sql`i.satisfaction = ${f.satisfaction}`);
  if (f.subjectIds?.length) where.push(sql`i.subject_id IN (${sql.join(f.subjectIds.map((id) => sql`${id}`), sql`, `)})`);
  if (f.q) where.push(sql`(i.item_no = ${f.q.toUpperCase()} OR i.title ILIKE ${'%' + f.q.replace(/[%_\\]/g, (c) => '\\' + c) + '%'})`);
  const w = sql.join(where, sql` AND `);
  const [rows, count] = await Promise.all([
    core.db.execute(sql`SELECT i.item_no, i.title, i.channel, i.kind, i.state, i.received_on::text, i.due_on::text, u.name AS unit_name, i.supervised, i.flagged
      FROM msg_items i LEFT JOIN units u ON u.id = i.unit_id WHERE ${w} ORDER BY i.received_at DESC, i.id DESC LIMIT ${PAGE_SIZE} OFFSET ${(f.page - 1) * PAGE_SIZE}`),
    core.db.execute(sql`SELECT count(*)::int AS n FROM msg_items i WHERE ${w}`),
  ]);
  return {
    total: Number((count.rows[0] as { n: number }).n),
    rows: rows.rows.map((r: Record<string, unknown>) => ({
      itemNo: r.item_no as string,
      title: r.title as string,
      channel: r.channel as Channel,
      kind: r.kind as Kind,
      state: r.state as MessageState,
      receivedOn: r.received_on as string,
      dueOn: r.due_on as string,
      unitName: (r.unit_name as string | null) ?? null,
      supervised: r.supervised as boolean,
      flagged: r.flagged as boolean,
    })),
  };
}

export interface HistoryRow {
  action: string;
  toState: MessageState;
  actorName: string;
  unitName: string;
  note: string;
  at: Date;
}

export async function historyOf(core: Core, itemId: number): Promise<HistoryRow[]> {
  const r = await core.db.execute(sql`SELECT action, to_state, actor_name, unit_name, note, at FROM msg_history WHERE item_id = ${itemId} ORDER BY at, id`);
  return r.rows.map((x: Record<string, unknown>) => ({ action: x.action as string, toState: x.to_state as MessageState, actorName: x.actor_name as string, unitName: x.unit_name as string, note: x.note as string, at: new Date(x.at as string) }));
}

// ---------------------------------------------------------------------------------------------
// Public column

export interface PublishedRow {
  itemNo: string;
  title: string;
  channel: Channel;
  kind: Kind;
  receivedAt: Date;
  repliedOn: string | null;
  unitName: string;
}

/** Search candidates are collected up to this many (the page then says "超过 2000 件"). */
export const MAX_CANDIDATES = 2000;

// The number of published items per site (and answering unit), kept a minute; publishing clears it.
const publishedCountCache = new TtlCache<number>(60_000);

/** The items holding every word of a query, newest first (ids), up to MAX_CANDIDATES; `capped` beyond. */
interface Candidates {
  ids: number[];
  capped: boolean;
}

// A query's candidates, kept a minute and shared by its pages and by concurrent readers: collecting
// them reads one heap row per candidate, the one cost of a search that grows with the matches.
const candidateCache = new TtlCache<Candidates>(60_000, 500, { maxBytes: 8_000_000, sizeOf: (c) => 16 * c.ids.length + 64 });

interface SearchPage {
  ids: number[];
  total: number;
  capped: boolean;
}

// The ids of one page of a query (after the phrase check or the walk along the date index), kept a minute.
const searchPageCache = new TtlCache<SearchPage>(60_000, 2_000);

/** Publishing clears the counts and the search results kept (other instances see it within a minute). */
export function forgetPublishedCounts(): void {
  publishedCountCache.clear();
  candidateCache.clear();
  searchPageCache.clear();
}

const PUBLISHED_COLUMNS = sql`i.item_no, i.public_title, i.channel, i.kind, i.received_at, i.replied_on::text, coalesce(u.name, '') AS unit_name`;

function publishedRow(r: Record<string, unknown>): PublishedRow {
  return { itemNo: r.item_no as string, title: r.public_title as string, channel: r.channel as Channel, kind: r.kind as Kind, receivedAt: new Date(r.received_at as string), repliedOn: r.replied_on as string | null, unitName: r.unit_name as string };
}

/**
 * The public column: newest published first (an index on published_at, WHERE published). A search
 * uses the CJK-bigram document of the masked text (core/search): the unordered query gives the ids and
 * dates of up to MAX_CANDIDATES candidates from the GIN index without reading any document; they are
 * sorted by date and kept a minute, so the pages of a query and concurrent readers share one
 * collection. When the words must stand together, the candidates are checked a window at a time until
 * the page is full. Beyond the cap the words are common, and walking the date index finds a page at
 * once. A page's ids are kept a minute too; publishing clears both.
 */
export async function publishedItems(core: Core, rootUnitId: number, opts: { q: string; unitId?: number; page: number }): Promise<{ rows: PublishedRow[]; total: number; capped: boolean }> {
  const where: SQL[] = [sql`i.root_unit_id = ${rootUnitId}`, sql`i.published_at IS NOT NULL`];
  if (opts.unitId) where.push(sql`i.reply_unit_id = ${opts.unitId}`);
  const offset = (opts.page - 1) * PAGE_SIZE;
  const parsed = opts.q ? parseQuery(opts.q) : null;
  if (!parsed) {
    const w = sql.join(where, sql` AND `);
    const [rows, n] = await Promise.all([
      core.db.execute(sql`SELECT ${PUBLISHED_COLUMNS} FROM msg_items i LEFT JOIN units u ON u.id = i.reply_unit_id WHERE ${w} ORDER BY i.published_at DESC, i.id DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}`),
      publishedCountCache.get(`${rootUnitId}:${opts.unitId ?? ''}`, async () => Number(((await core.db.execute(sql`SELECT count(*)::int AS n FROM msg_items i WHERE ${w}`)).rows[0] as { n: number }).n)),
    ]);
    return { rows: rows.rows.map(publishedRow), total: n, capped: false };
  }
  // Nothing searchable (only punctuation): no results rather than everything.
  const tsquery = parsed.tsquery;
  if (!tsquery) return { rows: [], total: 0, capped: false };
  const filter = parsed.allLexemes ?? tsquery;
  const phrase = filter !== tsquery;
  const scope = `${rootUnitId}:${opts.unitId ?? ''}`;
  const w = sql.join([...where, sql`i.search_document @@ ${filter}::tsquery`], sql` AND `);
  const page = await searchPageCache.get(`${scope}:${tsquery}:${opts.page}`, async (): Promise<SearchPage> => {
    // The unordered query is answered by the GIN index (its predicate is the published condition) and
    // the row's date, without reading any search document (they are large and stored apart).
    const found = await candidateCache.get(`${scope}:${filter}`, async () => {
      const r = await core.db.execute(sql`SELECT i.id, i.published_at FROM msg_items i WHERE ${w} LIMIT ${MAX_CANDIDATES + 1}`);
      const byDate = (r.rows as { id: string | number; published_at: string | Date }[])
        .map((x) => ({ id: Number(x.id), at: new Date(x.published_at).getTime() }))
        .sort((x, y) => y.at - x.at || y.id - x.id);
      return { ids: byDate.slice(0, MAX_CANDIDATES).map((x) => x.id), capped: byDate.length > MAX_CANDIDATES };
    });
    if (found.capped) {
      // The count shown is the cap, so the pages end there (a deep page would walk the whole index).
      if (offset >= MAX_CANDIDATES) return { ids: [], total: MAX_CANDIDATES, capped: true };
      // Very common words: newest first along the date index, checking each row until the page is full.
      // The planner misjudges how many rows a phrase matches: keep it on the date index.
      const walk = await core.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        await tx.execute(sql`SET LOCAL enable_sort = off`);
        const extra = phrase ? sql` AND ts_match_vq(i.search_document, ${tsquery}::tsquery)` : sql``;
        return tx.execute(sql`SELECT i.id FROM msg_items i WHERE ${w}${extra} ORDER BY i.published_at DESC, i.id DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}`);
      });
      return { ids: walk.rows.map((r) => Number((r as { id: unknown }).id)), total: MAX_CANDIDATES, capped: true };
    }
    if (!phrase) return { ids: found.ids.slice(offset, offset + PAGE_SIZE), total: found.ids.length, capped: false };
    // The words must stand together: check the candidates newest first, a window at a time, until
    // the page is full (reading only the documents a page needs).
    const ids: number[] = [];
    let hits = 0;
    for (let from = 0; from < found.ids.length && ids.length < PAGE_SIZE; ) {
      const window = found.ids.slice(from, from + PAGE_SIZE + 10);
      from += window.length;
      const ok = await core.db.execute(sql`SELECT i.id FROM msg_items i WHERE i.id IN (${sql.join(window.map((id) => sql`${id}`), sql`, `)}) AND ts_match_vq(i.search_document, ${tsquery}::tsquery)`);
      const pass = new Set(ok.rows.map((r) => Number((r as { id: unknown }).id)));
      for (const id of window) {
        if (!pass.has(id)) continue;
        if (hits++ >= offset && ids.length < PAGE_SIZE) ids.push(id);
      }
    }
    // With a phrase, the count is of the items holding every word (the phrase is checked per page).
    return { ids, total: found.ids.length, capped: false };
  });
  if (!page.ids.length) return { rows: [], total: page.total, capped: page.capped };
  const order = new Map(page.ids.map((id, k) => [id, k]));
  const r = await core.db.execute(sql`SELECT i.id, ${PUBLISHED_COLUMNS} FROM msg_items i LEFT JOIN units u ON u.id = i.reply_unit_id WHERE i.id IN (${sql.join(page.ids.map((id) => sql`${id}`), sql`, `)})`);
  const rows = (r.rows as Record<string, unknown>[]).sort((x, y) => order.get(Number(x.id))! - order.get(Number(y.id))!);
  return { rows: rows.map(publishedRow), total: page.total, capped: page.capped };
}

export interface PublishedItem extends PublishedRow {
  content: string;
  reply: string;
}

export async function publishedItem(core: Core, rootUnitId: number, itemNo: string): Promise<PublishedItem | null> {
  const r = await core.db.execute(sql`SELECT i.item_no, i.public_title, i.public_content, i.public_reply, i.channel, i.kind, i.received_at, i.replied_on::text, coalesce(u.name, '') AS unit_name
    FROM msg_items i LEFT JOIN units u ON u.id = i.reply_unit_id WHERE i.root_unit_id = ${rootUnitId} AND i.item_no = ${itemNo} AND i.published_at IS NOT NULL`);
  const x = r.rows[0] as Record<string, unknown> | undefined;
  if (!x) return null;
  return { itemNo: x.item_no as string, title: x.public_title as string, content: x.public_content as string, reply: x.public_reply as string, channel: x.channel as Channel, kind: x.kind as Kind, receivedAt: new Date(x.received_at as string), repliedOn: x.replied_on as string | null, unitName: x.unit_name as string };
}

/** Per-unit statistics (受理, 办结, 按时办结率, 满意率, average working days), over items dispatched to each unit. */
export interface UnitStat {
  unitId: number;
  unitName: string;
  received: number;
  closed: number;
  onTime: number;
  replied: number;
  rated: number;
  satisfied: number;
  avgDays: number | null;
}

// Aggregates over a year of items: kept a few seconds per site and day (staff dashboard) or a minute
// (public column), so a busy page costs one aggregate per interval, not one per visitor.
const statsCache = new TtlCache<UnitStat[]>(60_000);
const dashboardCache = new TtlCache<Dashboard>(5_000);

export function unitStatistics(core: Core, rootUnitId: number, fromDay: string): Promise<UnitStat[]> {
  return statsCache.get(`${rootUnitId}:${fromDay}`, () => loadUnitStatistics(core, rootUnitId, fromDay));
}

/** Sums the rows msg_unit_stats keeps (a trigger on msg_items, migration 0021) since fromDay. */
async function loadUnitStatistics(core: Core, rootUnitId: number, fromDay: string): Promise<UnitStat[]> {
  const r = await core.db.execute(sql`SELECT u.id, u.name, s.received, s.closed, s.on_time, s.replied, s.rated, s.satisfied, s.days_sum, s.days_n
    FROM (SELECT unit_id, sum(received)::int AS received, sum(closed)::int AS closed, sum(on_time)::int AS on_time, sum(replied)::int AS replied,
            sum(rated)::int AS rated, sum(satisfied)::int AS satisfied, sum(days_sum)::int AS days_sum, sum(days_n)::int AS days_n
          FROM msg_unit_stats WHERE root_unit_id = ${rootUnitId} AND received_on >= ${fromDay} GROUP BY unit_id) s
    JOIN units u ON u.id = s.unit_id WHERE s.received > 0
    ORDER BY s.received DESC, u.sort_order, u.id`);
  return r.rows.map((x: Record<string, unknown>) => ({
    unitId: Number(x.id),
    unitName: x.name as string,
    received: x.received as number,
    closed: x.closed as number,
    onTime: x.on_time as number,
    replied: x.replied as number,
    rated: x.rated as number,
    satisfied: x.satisfied as number,
    avgDays: (x.days_n as number) ? Math.round(((x.days_sum as number) / (x.days_n as number)) * 10) / 10 : null,
  }));
}

/** n of d as a percentage with one decimal, or '—' when d is 0. */
export function percent(n: number, d: number): string {
  return d ? `${(Math.round((n / d) * 1000) / 10).toFixed(1)}%` : '—';
}

// ---------------------------------------------------------------------------------------------
// The openness office's dashboard

export interface Dashboard {
  from: string;
  today: string;
  perDay: { day: string; n: number }[];
  openByUnit: { unitId: number | null; unitName: string; open: number; overdue: number }[];
  totals: { open: number; overdue: number; supervised: number; flagged: number; awaitingDispatch: number };
  satisfaction: { key: string; n: number }[];
}

export function dashboard(core: Core, rootUnitId: number, today: string, days = 30): Promise<Dashboard> {
  return dashboardCache.get(`${rootUnitId}:${today}:${days}`, () => loadDashboard(core, rootUnitId, today, days));
}

async function loadDashboard(core: Core, rootUnitId: number, today: string, days: number): Promise<Dashboard> {
  const from = addCalendarDays(today, -(days - 1));
  const [perDay, byUnit, totals, sat] = await Promise.all([
    core.db.execute(sql`SELECT received_on::text AS day, count(*)::int AS n FROM msg_items WHERE root_unit_id = ${rootUnitId} AND received_on BETWEEN ${from} AND ${today} GROUP BY received_on`),
    core.db.execute(sql`SELECT i.unit_id, coalesce(u.name, '未派单') AS name, count(*)::int AS open, count(*) FILTER (WHERE i.replied_on IS NULL AND i.due_on < ${today})::int AS overdue
      FROM msg_items i LEFT JOIN units u ON u.id = i.unit_id WHERE i.root_unit_id = ${rootUnitId} AND i.state IN ${OPEN_SQL} AND i.merged_into IS NULL GROUP BY i.unit_id, u.name ORDER BY open DESC, name`),
    core.db.execute(sql`SELECT count(*)::int AS open, count(*) FILTER (WHERE replied_on IS NULL AND due_on < ${today})::int AS overdue,
      count(*) FILTER (WHERE supervised)::int AS supervised, count(*) FILTER (WHERE flagged)::int AS flagged, count(*) FILTER (WHERE state = 'received')::int AS awaiting
      FROM msg_items WHERE root_unit_id = ${rootUnitId} AND state IN ${OPEN_SQL} AND merged_into IS NULL`),
    core.db.execute(sql`SELECT satisfaction AS key, count(*)::int AS n FROM msg_items WHERE root_unit_id = ${rootUnitId} AND satisfaction IS NOT NULL AND closed_on BETWEEN ${from} AND ${today} GROUP BY satisfaction`),
  ]);
  const counts = new Map(perDay.rows.map((r: Record<string, unknown>) => [r.day as string, r.n as number]));
  const series: { day: string; n: number }[] = [];
  for (let d = from; d <= today; d = addCalendarDays(d, 1)) series.push({ day: d, n: counts.get(d) ?? 0 });
  const t = totals.rows[0] as Record<string, number>;
  const satCounts = new Map(sat.rows.map((r: Record<string, unknown>) => [r.key as string, r.n as number]));
  return {
    from,
    today,
    perDay: series,
    openByUnit: byUnit.rows.map((r: Record<string, unknown>) => ({ unitId: r.unit_id === null ? null : Number(r.unit_id), unitName: r.name as string, open: r.open as number, overdue: r.overdue as number })),
    totals: { open: t.open!, overdue: t.overdue!, supervised: t.supervised!, flagged: t.flagged!, awaitingDispatch: t.awaiting! },
    satisfaction: ['satisfied', 'basically', 'unsatisfied'].map((key) => ({ key, n: satCounts.get(key) ?? 0 })),
  };
}
