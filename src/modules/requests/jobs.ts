// Background work of 依申请公开: ending requests whose 补正 or payment deadline has lapsed (runLapses,
// daily), and reminder e-mails to the handler and the unit admin for requests due within 3 working
// days and for overdue ones (runReminders). Once per request, day and kind, even with several
// app instances: the (request, day, kind) row of req_reminders is inserted with ON CONFLICT DO
// NOTHING in the same transaction that queues the mail, so only one instance wins.
import { requestCalendar } from './calendar.ts';
import type { Core } from '../../core/services.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { DUE_SOON_WORKING_DAYS } from './domain/clock.ts';
import { OPEN_STATES, STATE_LABELS } from './domain/states.ts';
import { workdayIndex } from './domain/workdays.ts';
import { findUnitBrief, lapsedRequests, listUnitStaff, requestsDueBy, type RequestRow } from './data/repository.ts';
import { systemActor } from '../../core/audit/index.ts';
import { endForNoCorrection, endForNoPayment, type RequestActor } from './service.ts';
import { reqReminders } from './data/schema.ts';
import { startPeriodic, type PeriodicJob } from '../../core/jobs/periodic.ts';

export interface ReminderRun {
  today: string;
  /** Requests examined (open, clock running, due by today + 3 working days). */
  examined: number;
  /** Reminders this run claimed (one per request and kind per day; a request without any recipient still counts). */
  sent: number;
  mails: number;
}

function recipientsOf(row: RequestRow, staff: Awaited<ReturnType<typeof listUnitStaff>>): string[] {
  const out = new Set<string>();
  for (const s of staff) {
    if (!s.email) continue;
    if (s.id === row.handlerId || s.roles.includes('unit_admin')) out.add(s.email);
  }
  return [...out].sort();
}

/** Sends today's reminders; safe to run often and on several instances at once. */
export async function runReminders(core: Core): Promise<ReminderRun> {
  const today = shanghaiToday(core.clock.now());
  const cal = await requestCalendar(core);
  const dueSoonTo = workdayIndex(cal).add(today, DUE_SOON_WORKING_DAYS);
  const run: ReminderRun = { today, examined: 0, sent: 0, mails: 0 };
  let afterId = 0;
  const units = new Map<number, { name: string; staff: Awaited<ReturnType<typeof listUnitStaff>> }>();
  for (;;) {
    const batch = await requestsDueBy(core.db, dueSoonTo, OPEN_STATES, 500, afterId);
    if (!batch.length) break;
    for (const row of batch) {
      afterId = row.id;
      run.examined++;
      const kind = row.dueOn! < today ? 'overdue' : 'due_soon';
      let unit = units.get(row.unitId);
      if (!unit) {
        unit = { name: (await findUnitBrief(core.db, row.unitId))?.name ?? '', staff: await listUnitStaff(core.db, row.unitId) };
        units.set(row.unitId, unit);
      }
      const to = recipientsOf(row, unit.staff);
      const sent = await core.db.transaction(async (tx) => {
        const claimed = await tx
          .insert(reqReminders)
          .values({ requestId: row.id, day: today, kind, recipients: to.length })
          .onConflictDoNothing()
          .returning({ id: reqReminders.requestId });
        if (!claimed.length) return null;
        const left = kind === 'overdue' ? `已超过答复期限（${row.dueOn}）` : `将于 ${row.dueOn} 到期`;
        for (const addr of to) {
          await core.mail.queue(tx, {
            to: addr,
            unitId: row.unitId,
            subject: `【依申请公开】${row.requestNo} ${kind === 'overdue' ? '已逾期' : '即将到期'}`,
            body: [
              `${unit.name}：`,
              ``,
              `政府信息公开申请 ${row.requestNo}（当前状态：${STATE_LABELS[row.state]}）${left}。`,
              `依照《中华人民共和国政府信息公开条例》第三十三条，行政机关应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。`,
              ``,
              `请登录政务公开平台管理后台处理。`,
              `（本邮件由系统自动发送，每件申请每天最多提醒一次。）`,
            ].join('\n'),
          });
        }
        return to.length;
      });
      // null: another run (or instance) already sent today's reminder of this kind.
      if (sent !== null) {
        run.sent++;
        run.mails += sent;
      }
    }
    if (batch.length < 500) break;
  }
  return run;
}

export interface LapseRun {
  today: string;
  /** Candidates examined (deadline before today, still waiting). */
  examined: number;
  /** Requests this run ended: 逾期未补正 (other_1) and 逾期未缴费 (other_2). */
  endedNoCorrection: number;
  endedNoPayment: number;
  /** Candidates this run did not end: ended meanwhile by another run or instance, corrected or paid. */
  skipped: number;
}

const SYSTEM: RequestActor = { kind: 'system', audit: systemActor };

/**
 * Ends, as the system, every request whose applicant deadline has lapsed (domain/lapses.ts):
 * 补正中 past the 补正 deadline (条例第三十条, endForNoCorrection → other_1) and 待缴费 past the
 * payment deadline with the fee still pending (国办函〔2020〕109号, endForNoPayment → other_2), dated
 * today. Each goes through the ordinary transition (row lock, state and precondition re-checked,
 * ledger, transition row, audit), so with several runs or instances at once each request is ended
 * exactly once: the other run waits for the lock, then finds it 已终止 and skips it.
 */
export async function runLapses(core: Core): Promise<LapseRun> {
  const today = shanghaiToday(core.clock.now());
  const run: LapseRun = { today, examined: 0, endedNoCorrection: 0, endedNoPayment: 0, skipped: 0 };
  let afterId = 0;
  for (;;) {
    const batch = await lapsedRequests(core.db, today, 500, afterId);
    for (const c of batch) {
      afterId = c.id;
      run.examined++;
      const r = c.kind === 'correction' ? await endForNoCorrection(core, SYSTEM, c.id) : await endForNoPayment(core, SYSTEM, c.id);
      if (!r.ok) run.skipped++;
      else if (c.kind === 'correction') run.endedNoCorrection++;
      else run.endedNoPayment++;
    }
    if (batch.length < 500) break;
  }
  return run;
}

/**
 * Runs the background work now and then (every `intervalMs`, default 15 minutes; first after 5 s):
 * the lapses once per Shanghai day (at the first tick of the day, retried at the next tick if it
 * failed), the reminders at every tick. stop() waits for a run in progress.
 */
export function startRequestJobs(core: Core, opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): PeriodicJob {
  let lapsesDoneOn = '';
  return startPeriodic(
    async () => {
      const day = shanghaiToday(core.clock.now());
      if (lapsesDoneOn !== day) {
        try {
          await runLapses(core);
          lapsesDoneOn = day;
        } catch (err) {
          opts.onError?.(err);
        }
      }
      await runReminders(core);
    },
    { intervalMs: opts.intervalMs ?? 15 * 60_000, firstDelayMs: 5_000, onError: opts.onError },
  );
}
