// Scheduled publication. Each instance polls; a due row is claimed with FOR UPDATE SKIP LOCKED inside
// the transaction that publishes it, so with several instances on one database each scheduled record
// is published exactly once, and a restart loses nothing (the schedule lives in pub_records).
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { systemActor, type Actor } from '../../core/audit/index.ts';
import { pubRecords } from './data/schema.ts';
import { publishScheduledInTx } from './service.ts';
import { repairSearchIndex } from './data/search-index.ts';
import { startPeriodic } from '../../core/jobs/periodic.ts';

export const SCHEDULER_ACTOR: Actor = { ...systemActor, name: '系统（定时发布）' };
const BATCH = 20;

/** Publishes every scheduled record that is due now; returns how many were published. */
export async function runDueScheduledPublications(core: Core): Promise<number> {
  const calendar = await core.calendar.calendar();
  let published = 0;
  for (;;) {
    const { claimed, done } = await core.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(pubRecords)
        .where(and(eq(pubRecords.state, 'scheduled'), lte(pubRecords.scheduledAt, core.clock.now())))
        .orderBy(asc(pubRecords.scheduledAt), asc(pubRecords.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      let done = 0;
      for (const row of rows) if (await publishScheduledInTx(core, tx, row, calendar, SCHEDULER_ACTOR)) done++;
      return { claimed: rows.length, done };
    });
    published += done;
    if (claimed < BATCH) return published;
  }
}

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Runs `runDueScheduledPublications` every `intervalMs` (first run after `firstDelayMs`). stop() waits
 * for a run in progress, so the pool is not closed under it.
 */
export function startScheduler(core: Core, opts: { intervalMs?: number; firstDelayMs?: number; onError?: (err: unknown) => void } = {}): Scheduler {
  const interval = opts.intervalMs ?? 30_000;
  // Once per start: index rows lost to a crash between a publication and its index write are rebuilt.
  let repaired = false;
  return startPeriodic(
    async () => {
      if (!repaired) {
        try {
          await repairSearchIndex(core.db);
          repaired = true;
        } catch (err) {
          opts.onError?.(err);
        }
      }
      await runDueScheduledPublications(core);
    },
    { intervalMs: interval, firstDelayMs: opts.firstDelayMs ?? Math.min(interval, 2_000), onError: opts.onError },
  );
}
