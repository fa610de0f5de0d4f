// Reminders of the 舆情 timers: before each deadline (1 h before the 5 h one, 4 h before the 24 h one,
// 8 h before the 48 h one) and once when it has passed, mailed to the responsible unit's admins and the
// city's openness office through the mail outbox. Once per item, timer, kind and timer start even with
// several instances: the opinion_reminders row is claimed in the transaction that queues the mail.
import type { Core } from '../../core/services.ts';
import { formatInstant } from '../../core/clock.ts';
import { startPeriodic, type PeriodicJob } from '../../core/jobs/periodic.ts';
import { opinionReminders } from './data/schema.ts';
import { reminderDue, TIMER_RULES, formatLeft } from './domain/timers.ts';
import { loadItems } from './service.ts';
import { pollDueFeeds, runMessageAlerts } from './service-monitor.ts';

export interface OpinionReminderRun {
  soon: number;
  late: number;
}

async function recipients(core: Core, rootUnitId: number, unitId: number): Promise<string[]> {
  const r = await core.pool.query(
    `SELECT DISTINCT u.email FROM staff_users u JOIN units x ON x.id = u.unit_id
      WHERE u.email <> '' AND u.disabled_at IS NULL AND ((u.unit_id = $2 AND 'unit_admin' = ANY(u.roles)) OR ('openness_office' = ANY(u.roles) AND (x.id = $1 OR x.root_id = $1)))
      ORDER BY u.email`,
    [rootUnitId, unitId],
  );
  return r.rows.map((x) => x.email as string);
}

/** Queues the reminders due now; safe to run often and on several instances at once. */
export async function runOpinionReminders(core: Core): Promise<OpinionReminderRun> {
  const run: OpinionReminderRun = { soon: 0, late: 0 };
  const now = core.clock.now();
  const roots = (await core.pool.query("SELECT DISTINCT root_unit_id FROM opinion_items WHERE state = 'open'")).rows.map((r) => Number(r.root_unit_id));
  for (const root of roots) {
    for (const v of await loadItems(core, root, { state: 'open' })) {
      for (const t of v.timers) {
        const kind = reminderDue(t, now);
        if (!kind) continue;
        const rule = TIMER_RULES[t.kind];
        const to = await recipients(core, root, v.item.unitId);
        const subject = kind === 'late' ? `【政务舆情】${v.item.code} 已超过${rule.label}时限` : `【政务舆情】${v.item.code} 即将到达${rule.label}时限`;
        const body = `舆情 ${v.item.code}（${v.item.title}，${v.level.name}，责任单位：${v.unitName}）应于 ${formatInstant(t.dueAt)} 前${rule.label}（${rule.basis}），${formatLeft(t.dueAt.getTime() - now.getTime())}。请登录管理后台处理。`;
        const sent = await core.db.transaction(async (tx) => {
          const claimed = await tx.insert(opinionReminders).values({ itemId: v.item.id, timer: t.kind, kind, startsAt: t.startsAt, sentAt: now }).onConflictDoNothing().returning({ id: opinionReminders.itemId });
          if (!claimed.length) return false;
          for (const addr of to) await core.mail.queue(tx, { to: addr, unitId: v.item.unitId, subject, body });
          return true;
        });
        if (sent) run[kind]++;
      }
    }
  }
  return run;
}

/** Monitoring: the feeds that are due (each at its own interval) and the 互动交流 alerts. */
export async function runOpinionMonitor(core: Core): Promise<{ feeds: Awaited<ReturnType<typeof pollDueFeeds>>; alerts: number }> {
  return { feeds: await pollDueFeeds(core), alerts: await runMessageAlerts(core) };
}

/** Every 5 minutes: the shortest timer is 5 hours and its reminder comes an hour before; feeds are read at their own intervals (5 minutes or more). */
export function startOpinionJobs(core: Core, opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): PeriodicJob[] {
  const intervalMs = opts.intervalMs ?? 5 * 60_000;
  return [
    startPeriodic(() => runOpinionReminders(core), { intervalMs, firstDelayMs: 7_000, onError: opts.onError }),
    startPeriodic(() => runOpinionMonitor(core), { intervalMs, firstDelayMs: 11_000, onError: opts.onError }),
  ];
}
