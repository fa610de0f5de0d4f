// Background work of 互动交流 (督办): reminders before the due date (到期前提醒) and, from the day after
// the due date, one 催办 per due date recorded in the item's history (regulation-wave2.md §4.4 催办
// ladder: 到期前催办 → 到期次日催办通知), plus a note when 签收 is late. Once per item, kind and day
// even with several instances: the msg_reminders row is claimed with ON CONFLICT DO NOTHING in the
// transaction that queues the mail.
import { sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { systemActor } from '../../core/audit/index.ts';
import { addWorkingDays } from '../../core/calendar/working-days.ts';
import { msgReminders } from './data/schema.ts';
import { act, getLimits, messageCalendar, today, type MessageActor } from './service.ts';
import { startPeriodic, type PeriodicJob } from '../../core/jobs/periodic.ts';

export interface MessageReminderRun {
  today: string;
  dueSoon: number;
  urged: number;
  lateSign: number;
}

const SYSTEM: MessageActor = { kind: 'system', audit: systemActor };

async function unitEmails(core: Core, unitId: number): Promise<string[]> {
  const r = await core.pool.query("SELECT email FROM staff_users WHERE unit_id = $1 AND email <> '' AND 'unit_admin' = ANY(roles) ORDER BY email", [unitId]);
  return r.rows.map((x) => x.email as string);
}

/** Claims (item, kind, day) and queues the mail to the unit's admins in one transaction; false when already done. */
async function claimAndMail(core: Core, item: { id: number; unitId: number; itemNo: string }, kind: string, day: string, subject: string, body: string): Promise<boolean> {
  const to = await unitEmails(core, item.unitId);
  return core.db.transaction(async (tx) => {
    const claimed = await tx.insert(msgReminders).values({ itemId: item.id, kind, on: day }).onConflictDoNothing().returning({ id: msgReminders.itemId });
    if (!claimed.length) return false;
    for (const addr of to) await core.mail.queue(tx, { to: addr, unitId: item.unitId, subject, body });
    return true;
  });
}

/** Sends today's reminders and 催办; safe to run often and on several instances at once. */
export async function runMessageReminders(core: Core): Promise<MessageReminderRun> {
  const t = today(core);
  const cal = await messageCalendar(core);
  const run: MessageReminderRun = { today: t, dueSoon: 0, urged: 0, lateSign: 0 };
  const roots = (await core.pool.query('SELECT DISTINCT root_unit_id FROM msg_items WHERE state IN ($1, $2)', ['dispatched', 'handling'])).rows.map((r) => Number(r.root_unit_id));
  for (const root of roots) {
    const limits = await getLimits(core.db, root);
    const soonTo = addWorkingDays(t, limits.remindBeforeDays, cal);
    const rows = await core.db.execute(sql`SELECT id, unit_id, item_no, title, state, due_on::text, sign_by::text, signed_on FROM msg_items
      WHERE root_unit_id = ${root} AND state IN ('dispatched', 'handling') AND unit_id IS NOT NULL AND merged_into IS NULL AND (due_on <= ${soonTo} OR (signed_on IS NULL AND sign_by < ${t}))`);
    for (const r of rows.rows as Record<string, unknown>[]) {
      const item = { id: Number(r.id), unitId: Number(r.unit_id), itemNo: r.item_no as string };
      const due = r.due_on as string;
      if (r.signed_on === null && r.sign_by && (r.sign_by as string) < t) {
        if (await claimAndMail(core, item, 'late_sign', r.sign_by as string, `【互动交流】${item.itemNo} 未按时签收`, `诉求 ${item.itemNo}（${r.title as string}）应于 ${r.sign_by as string} 前签收，至今未签收。请登录管理后台签收或申请退单。`)) run.lateSign++;
      }
      if (due < t) {
        // 催办: once per due date, recorded in the history as the system's action.
        if (await claimAndMail(core, item, 'urge', due, `【互动交流】${item.itemNo} 催办通知`, `诉求 ${item.itemNo}（${r.title as string}）已超过办理期限（${due}），现予催办，请尽快办理并回复。`)) {
          const done = await act(core, SYSTEM, item.id, 'urge', { note: `已超过办理期限（${due}），系统催办` });
          if (done.ok) run.urged++;
        }
      } else if (await claimAndMail(core, item, 'due_soon', t, `【互动交流】${item.itemNo} 即将到期`, `诉求 ${item.itemNo}（${r.title as string}）将于 ${due} 到期，请按时办理并回复；确需延期的，请在到期前申请。`)) run.dueSoon++;
    }
  }
  return run;
}

/** Runs the reminders every `intervalMs` (default 15 minutes; first after 5 s). stop() waits for a run in progress. */
export function startMessageJobs(core: Core, opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): PeriodicJob {
  return startPeriodic(() => runMessageReminders(core), { intervalMs: opts.intervalMs ?? 15 * 60_000, firstDelayMs: 5_000, onError: opts.onError });
}
