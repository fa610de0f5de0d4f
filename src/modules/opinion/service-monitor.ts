// 舆情监测: the monitoring vendors' feeds of a site, the 互动交流 alert threshold, and the candidates both
// bring in, which the openness office accepts (a registered 舆情 item) or dismisses with a reason.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { messageSimilarity, messagesReceivedSince } from '../messages/index.ts';
import { opinionCandidates, opinionFeeds, opinionSettings, type CandidateState } from './data/schema.ts';
import { ALERT_WINDOW_HOURS, DEFAULT_ALERT_THRESHOLD, findAlerts } from './domain/alerts.ts';
import { fetchFeed } from './feed-fetch.ts';
import { isOffice, registerItem, type OpinionActor, type Result } from './service.ts';

export type FeedRow = typeof opinionFeeds.$inferSelect;
export type CandidateRow = typeof opinionCandidates.$inferSelect & { feedName: string | null; itemCode: string | null };
export type SettingsRow = typeof opinionSettings.$inferSelect;

const refuse = (...reasons: string[]): { ok: false; reasons: string[] } => ({ ok: false, reasons });

export async function feedsOf(db: DbOrTx, rootUnitId: number): Promise<FeedRow[]> {
  return db.select().from(opinionFeeds).where(eq(opinionFeeds.rootUnitId, rootUnitId)).orderBy(asc(opinionFeeds.id));
}

export async function settingsOf(db: DbOrTx, rootUnitId: number): Promise<SettingsRow> {
  const [row] = await db.select().from(opinionSettings).where(eq(opinionSettings.rootUnitId, rootUnitId));
  return row ?? { rootUnitId, alertThreshold: DEFAULT_ALERT_THRESHOLD, alertsEnabled: true };
}

export interface FeedInput {
  id: number | null;
  name: string;
  url: string;
  intervalMinutes: number;
  active: boolean;
}

/** Adds or changes a feed (the office only); the same address twice is refused at the field. */
export async function saveFeed(core: Core, actor: OpinionActor, input: FeedInput): Promise<Result> {
  const user = actor.user!;
  if (!isOffice(user)) return refuse('只有政务公开办可以设置舆情监测。');
  const feeds = await feedsOf(core.db, user.rootUnitId);
  if (input.id !== null && !feeds.some((f) => f.id === input.id)) return refuse('没有这个订阅源。');
  if (feeds.some((f) => f.url === input.url && f.id !== input.id)) return { ok: false, reasons: ['已添加过这个订阅地址。'], fields: { url: '已添加过这个订阅地址' } };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    let id = input.id;
    const values = { name: input.name, url: input.url, intervalMinutes: input.intervalMinutes, active: input.active };
    if (id === null) id = (await tx.insert(opinionFeeds).values({ ...values, rootUnitId: user.rootUnitId }).returning({ id: opinionFeeds.id }))[0]!.id;
    else await tx.update(opinionFeeds).set(values).where(eq(opinionFeeds.id, id));
    await writeAudit(tx, actor.audit, { action: 'opinion.feed-saved', targetType: 'opinion_feed', targetId: id, summary: { after: values } }, now);
  });
  return { ok: true };
}

export async function saveSettings(core: Core, actor: OpinionActor, input: { alertThreshold: number; alertsEnabled: boolean }): Promise<Result> {
  const user = actor.user!;
  if (!isOffice(user)) return refuse('只有政务公开办可以设置舆情监测。');
  await core.db.transaction(async (tx) => {
    await tx
      .insert(opinionSettings)
      .values({ rootUnitId: user.rootUnitId, ...input })
      .onConflictDoUpdate({ target: opinionSettings.rootUnitId, set: input });
    await writeAudit(tx, actor.audit, { action: 'opinion.monitor-settings', targetType: 'opinion_settings', targetId: user.rootUnitId, summary: { after: input } }, core.clock.now());
  });
  return { ok: true };
}

/** Reads one feed now and stores its new entries as candidates; returns how many were new. */
export async function pollFeed(core: Core, feed: FeedRow): Promise<{ added: number; error: string }> {
  const now = core.clock.now();
  const r = await fetchFeed(feed.url);
  let added = 0;
  if (r.ok && r.entries.length) {
    const rows = await core.db
      .insert(opinionCandidates)
      .values(r.entries.map((e) => ({ rootUnitId: feed.rootUnitId, origin: 'feed' as const, feedId: feed.id, key: e.key, title: e.title, link: e.link, summary: e.summary, source: feed.name, publishedAt: e.publishedAt, firstSeenAt: now })))
      .onConflictDoNothing()
      .returning({ id: opinionCandidates.id });
    added = rows.length;
  }
  const error = r.ok ? '' : r.error;
  await core.db.update(opinionFeeds).set({ lastPolledAt: now, lastError: error, lastNew: added }).where(eq(opinionFeeds.id, feed.id));
  return { added, error };
}

/** The feeds due now, each claimed by one instance (its last poll moved to now) before it is read. */
export async function pollDueFeeds(core: Core): Promise<{ polled: number; added: number; failed: number }> {
  const now = core.clock.now();
  const claimed = await core.db
    .update(opinionFeeds)
    .set({ lastPolledAt: now })
    .where(and(eq(opinionFeeds.active, true), sql`(${opinionFeeds.lastPolledAt} IS NULL OR ${opinionFeeds.lastPolledAt} <= ${now.toISOString()}::timestamptz - make_interval(mins => ${opinionFeeds.intervalMinutes}))`))
    .returning();
  const run = { polled: 0, added: 0, failed: 0 };
  for (const f of claimed) {
    const r = await pollFeed(core, f);
    run.polled++;
    run.added += r.added;
    if (r.error) run.failed++;
  }
  return run;
}

/** 互动交流 alerts of every site: a candidate per cluster, at most one per subject in any 24 hours. */
export async function runMessageAlerts(core: Core): Promise<number> {
  const now = core.clock.now();
  const since = new Date(now.getTime() - ALERT_WINDOW_HOURS * 3_600_000);
  const roots = (await core.pool.query('SELECT DISTINCT root_unit_id FROM msg_items WHERE received_at >= $1', [since])).rows.map((r) => Number(r.root_unit_id));
  let added = 0;
  for (const root of roots) {
    const settings = await settingsOf(core.db, root);
    if (!settings.alertsEnabled) continue;
    const alerts = findAlerts(await messagesReceivedSince(core.db, root, since), now, settings.alertThreshold, messageSimilarity);
    for (const a of alerts) {
      const subjectKey = `subject:${a.subjectId ?? 'none'}`;
      const recent = await core.db
        .select({ id: opinionCandidates.id })
        .from(opinionCandidates)
        .where(and(eq(opinionCandidates.rootUnitId, root), eq(opinionCandidates.origin, 'messages'), sql`${opinionCandidates.key} LIKE ${subjectKey + '@%'}`, sql`${opinionCandidates.firstSeenAt} > ${since.toISOString()}::timestamptz`));
      if (recent.length) continue;
      const subject = a.subjectLabel || '未分类';
      const rows = await core.db
        .insert(opinionCandidates)
        .values({
          rootUnitId: root,
          origin: 'messages',
          key: `${subjectKey}@${a.firstAt.toISOString()}`,
          title: `互动交流“${subject}”24小时内收到${a.itemNos.length}件相似留言：${a.title}`.slice(0, 200),
          summary: `主题分类：${subject}。${ALERT_WINDOW_HOURS}小时内相似留言${a.itemNos.length}件（${a.itemNos.slice(0, 20).join('、')}${a.itemNos.length > 20 ? '等' : ''}），首件“${a.title}”。`,
          source: '互动交流',
          publishedAt: a.firstAt,
          firstSeenAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: opinionCandidates.id });
      added += rows.length;
    }
  }
  return added;
}

export async function listCandidates(db: DbOrTx, rootUnitId: number, state: CandidateState, limit = 200): Promise<CandidateRow[]> {
  const r = await db.execute(sql`SELECT c.*, f.name AS feed_name, i.code AS item_code FROM opinion_candidates c
      LEFT JOIN opinion_feeds f ON f.id = c.feed_id LEFT JOIN opinion_items i ON i.id = c.item_id
      WHERE c.root_unit_id = ${rootUnitId} AND c.state = ${state}
      ORDER BY coalesce(c.decided_at, c.first_seen_at) DESC, c.id DESC LIMIT ${limit}`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    rootUnitId: Number(x.root_unit_id),
    origin: x.origin as 'feed' | 'messages',
    feedId: x.feed_id === null ? null : Number(x.feed_id),
    key: String(x.key),
    title: String(x.title),
    link: String(x.link),
    summary: String(x.summary),
    source: String(x.source),
    publishedAt: x.published_at ? new Date(x.published_at as string) : null,
    firstSeenAt: new Date(x.first_seen_at as string),
    state: x.state as CandidateState,
    reason: String(x.reason),
    itemId: x.item_id === null ? null : Number(x.item_id),
    decidedBy: String(x.decided_by),
    decidedAt: x.decided_at ? new Date(x.decided_at as string) : null,
    feedName: (x.feed_name as string | null) ?? null,
    itemCode: (x.item_code as string | null) ?? null,
  }));
}

export async function countPending(db: DbOrTx, rootUnitId: number): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(opinionCandidates).where(and(eq(opinionCandidates.rootUnitId, rootUnitId), eq(opinionCandidates.state, 'pending')));
  return r?.n ?? 0;
}

async function pendingOf(core: Core, rootUnitId: number, id: number) {
  const [c] = await core.db.select().from(opinionCandidates).where(and(eq(opinionCandidates.rootUnitId, rootUnitId), eq(opinionCandidates.id, id)));
  return c ?? null;
}

/** 接收: registers the candidate as a 舆情 item (its timers start now); accepting twice gives the same item. */
export async function acceptCandidate(core: Core, actor: OpinionActor, id: number, input: { levelId: number; unitId: number }): Promise<Result<{ code: string }>> {
  const user = actor.user!;
  if (!isOffice(user)) return refuse('只有政务公开办可以处理监测线索。');
  const c = await pendingOf(core, user.rootUnitId, id);
  if (!c) return refuse('没有这条监测线索。');
  if (c.state === 'dismissed') return refuse('该线索已忽略，不能再接收。');
  const r = await registerItem(core, actor, user.rootUnitId, {
    title: c.title,
    source: c.origin === 'messages' ? '互动交流' : '监测服务商',
    link: c.link,
    firstSeenAt: c.publishedAt && c.publishedAt.getTime() <= core.clock.now().getTime() ? c.publishedAt : c.firstSeenAt,
    summary: `${c.summary || c.title}${c.origin === 'feed' ? `\n（来自监测订阅源“${c.source}”）` : ''}`,
    involved: '',
    levelId: input.levelId,
    unitId: input.unitId,
    submissionKey: `candidate-${c.id}`,
    candidateId: c.id,
  });
  if (!r.ok) return r;
  await core.db.execute(sql`UPDATE opinion_candidates SET state = 'accepted', item_id = (SELECT id FROM opinion_items WHERE submission_key = ${`candidate-${c.id}`}), decided_by = ${actor.audit.name}, decided_at = ${core.clock.now().toISOString()}::timestamptz WHERE id = ${c.id} AND state = 'pending'`);
  return r;
}

/** 忽略: keeps the candidate with the reason, so the same entry is never offered again. */
export async function dismissCandidate(core: Core, actor: OpinionActor, id: number, reason: string): Promise<Result> {
  const user = actor.user!;
  if (!isOffice(user)) return refuse('只有政务公开办可以处理监测线索。');
  const c = await pendingOf(core, user.rootUnitId, id);
  if (!c) return refuse('没有这条监测线索。');
  if (c.state === 'accepted') return refuse('该线索已接收登记，不能忽略。');
  if (c.state === 'dismissed') return { ok: true };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.update(opinionCandidates).set({ state: 'dismissed', reason, decidedBy: actor.audit.name, decidedAt: now }).where(and(eq(opinionCandidates.id, c.id), eq(opinionCandidates.state, 'pending')));
    await writeAudit(tx, actor.audit, { action: 'opinion.candidate-dismissed', targetType: 'opinion_candidate', targetId: c.id, summary: { note: reason, after: { title: c.title } } }, now);
  });
  return { ok: true };
}
