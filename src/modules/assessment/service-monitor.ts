// The website monitor (国办秘函〔2019〕19号) over the platform's own public site: what it observes (home
// page and column dates from publishing, messages from 互动交流, a crawl of the pages, probes of the home
// page) handed to the pure rules in domain/monitor.ts; each pass is kept with its findings.
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { columnActivity, latestPublication } from '../publishing/index.ts';
import { validMessagesSince } from '../messages/index.ts';
import { silentAccounts } from '../newmedia/index.ts';
import { publishedGuideGaps } from '../powers/index.ts';
import { assessmentMonitorProbes, assessmentMonitorRuns, assessmentMonitorSettings } from './data/schema.ts';
import { addMonths, checkAvailability, checkColumns, checkExternalLinks, checkGuides, checkHome, checkLinks, checkMessages, checkNewMedia, DEFAULT_THRESHOLDS, type MonitorFinding, type MonitorThresholds } from './domain/monitor.ts';
import { checkExternal, crawlSite, networkChecker, type ExternalChecker, type PageFetcher } from './crawl.ts';

export type MonitorRunRow = typeof assessmentMonitorRuns.$inferSelect;

/** Pages crawled per pass: enough for the columns, their first pages and what they link to. */
export const CRAWL_LIMIT = 400;

export async function getThresholds(db: DbOrTx, rootUnitId: number): Promise<MonitorThresholds> {
  const [r] = await db.select().from(assessmentMonitorSettings).where(eq(assessmentMonitorSettings.rootUnitId, rootUnitId));
  return { ...DEFAULT_THRESHOLDS, ...(r?.thresholds ?? {}) };
}

export const THRESHOLD_LIMITS: Record<keyof MonitorThresholds, [number, number]> = {
  homeDays: [1, 90],
  newsDays: [1, 90],
  noticeMonths: [1, 24],
  staleColumnsVeto: [1, 100],
  blankColumnsVeto: [1, 100],
  probeTimeoutMs: [1000, 60_000],
  probeFailPercent: [1, 100],
  unansweredMonths: [1, 12],
};

export async function saveThresholds(core: Core, actor: Actor, rootUnitId: number, input: Record<keyof MonitorThresholds, number | undefined>): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const t = { ...DEFAULT_THRESHOLDS };
  for (const k of Object.keys(THRESHOLD_LIMITS) as (keyof MonitorThresholds)[]) {
    const v = input[k];
    const [lo, hi] = THRESHOLD_LIMITS[k];
    if (v === undefined || !Number.isInteger(v) || v < lo || v > hi) errors[k] = `请填写${lo}到${hi}之间的整数`;
    else t[k] = v;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.insert(assessmentMonitorSettings).values({ rootUnitId, thresholds: t, updatedAt: now }).onConflictDoUpdate({ target: assessmentMonitorSettings.rootUnitId, set: { thresholds: t, updatedAt: now } });
    await writeAudit(tx, actor, { action: 'assessment.monitor-thresholds', targetType: 'assessment_monitor_settings', targetId: rootUnitId, unitId: rootUnitId, summary: { after: t } }, now);
  });
  return { ok: true };
}

/** One availability probe of the home page, kept for the 7-day window of 19号. */
export async function probe(core: Core, rootUnitId: number, fetch: PageFetcher): Promise<void> {
  const at = core.clock.now();
  const t = await getThresholds(core.db, rootUnitId);
  let status = 0;
  let ms = t.probeTimeoutMs;
  try {
    const r = await fetch('/');
    status = r.status;
    ms = Math.round(r.ms);
  } catch {
    // No answer: counted as failed.
  }
  await core.db.insert(assessmentMonitorProbes).values({ rootUnitId, at, status, ms });
  await core.db.delete(assessmentMonitorProbes).where(and(eq(assessmentMonitorProbes.rootUnitId, rootUnitId), lt(assessmentMonitorProbes.at, new Date(at.getTime() - 30 * 86_400_000))));
}

/** A full pass over a site: all rules, kept as a run. */
export async function runMonitor(core: Core, rootUnitId: number, fetch: PageFetcher, external: ExternalChecker = networkChecker()): Promise<MonitorRunRow> {
  const startedAt = core.clock.now();
  const today = shanghaiToday(startedAt);
  const seenAt = startedAt.toISOString();
  const t = await getThresholds(core.db, rootUnitId);
  const findings: MonitorFinding[] = [];
  findings.push(...checkHome('/', await latestPublication(core.db, rootUnitId), today, seenAt, t));
  const columns = await columnActivity(core.db, rootUnitId);
  findings.push(...checkColumns('/', columns.map((c) => ({ name: c.label, url: c.href, kind: c.column === 'news' ? 'news' : 'notice', items: c.items, latest: c.latest })), today, seenAt, t));
  const probes = await core.db
    .select()
    .from(assessmentMonitorProbes)
    .where(and(eq(assessmentMonitorProbes.rootUnitId, rootUnitId), gte(assessmentMonitorProbes.at, new Date(startedAt.getTime() - 7 * 86_400_000))))
    .orderBy(assessmentMonitorProbes.at);
  findings.push(...checkAvailability('/', probes.map((p) => ({ at: p.at.toISOString(), status: p.status, ms: p.ms })), seenAt, t));
  const messages = await validMessagesSince(core.db, rootUnitId, addMonths(today, -12));
  findings.push(...checkMessages(messages.map((m) => ({ ...m, url: `/staff/messages/${m.itemNo}` })), today, seenAt, t));
  findings.push(...checkNewMedia(await silentAccounts(core.db, rootUnitId, today), seenAt));
  findings.push(...checkGuides(await publishedGuideGaps(core.db, rootUnitId), seenAt));
  const crawl = await crawlSite(fetch, ['/', '/columns/news', '/columns/notices', '/columns/policies', '/messages'], CRAWL_LIMIT);
  findings.push(...checkLinks(crawl.links, seenAt));
  findings.push(...checkExternalLinks(await checkExternal(crawl.external, external), seenAt));
  const [run] = await core.db.insert(assessmentMonitorRuns).values({ rootUnitId, startedAt, finishedAt: core.clock.now(), pages: crawl.pages.size, findings }).returning();
  // Keep the last 60 passes.
  const old = await core.db.select({ id: assessmentMonitorRuns.id }).from(assessmentMonitorRuns).where(eq(assessmentMonitorRuns.rootUnitId, rootUnitId)).orderBy(desc(assessmentMonitorRuns.startedAt)).offset(60);
  for (const o of old) await core.db.delete(assessmentMonitorRuns).where(eq(assessmentMonitorRuns.id, o.id));
  return run!;
}

export async function latestRun(db: DbOrTx, rootUnitId: number): Promise<MonitorRunRow | null> {
  const [r] = await db.select().from(assessmentMonitorRuns).where(eq(assessmentMonitorRuns.rootUnitId, rootUnitId)).orderBy(desc(assessmentMonitorRuns.startedAt), desc(assessmentMonitorRuns.id)).limit(1);
  return r ?? null;
}
