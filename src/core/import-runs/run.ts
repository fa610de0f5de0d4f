// A confirmed spreadsheet import runs in the background of the request that confirmed it: the run row
// records the rows read, checked and saved so far (written on the pool, outside the import's
// transaction), then the outcome. Saving stays all or nothing in the module's own transaction: a failed
// or interrupted run leaves the module's data as it was. Used by every module that imports workbooks.
import crypto from 'node:crypto';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Core } from '../services.ts';
import { importRuns } from '../db/schema.ts';

export type ImportRunRow = typeof importRuns.$inferSelect;

/** Runs still saving in this process, by code (so tests and shutdown can wait for them). */
const inFlight = new Map<string, Promise<void>>();

interface Log {
  info(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface StartRunInput {
  /** The module: 'catalog', 'powers'. */
  kind: string;
  unitId: number;
  staffUserId: number;
  fileName: string;
  totalRows: number;
  /** Rows already read and checked before the run starts (a previewed import): shown as such. */
  readRows?: number;
  checkedRows?: number;
}

/** What the work reports while it runs; each count only goes up. */
export interface RunProgress {
  read(done: number): void;
  checked(done: number): void;
  saved(done: number): void;
}

export type RunOutcome = { ok: true; result: Record<string, unknown> } | { ok: false; errors: string[] };

/**
 * Records the run and starts `work`; returns at once with the run's code. `work` resolves with the
 * module's result or its refusals; a thrown error is logged and shown as a system error.
 */
export async function startImportRun(core: Core, input: StartRunInput, work: (progress: RunProgress) => Promise<RunOutcome>, log?: Log): Promise<string> {
  const code = crypto.randomBytes(12).toString('base64url');
  const now = core.clock.now();
  const [run] = await core.db
    .insert(importRuns)
    .values({
      code,
      kind: input.kind,
      unitId: input.unitId,
      staffUserId: input.staffUserId,
      fileName: input.fileName,
      totalRows: input.totalRows,
      readRows: input.readRows ?? 0,
      checkedRows: input.checkedRows ?? 0,
      savedRows: 0,
      state: 'running',
      startedAt: now,
      updatedAt: now,
      ownerHost: os.hostname(),
      ownerPid: process.pid,
    })
    .returning({ id: importRuns.id });
  const id = run!.id;
  // Progress updates run one after another on the pool; GREATEST keeps a count from going back.
  let reported = Promise.resolve();
  const report = (column: 'readRows' | 'checkedRows' | 'savedRows', done: number) => {
    reported = reported
      .then(async () => {
        await core.db
          .update(importRuns)
          .set({ [column]: sql`GREATEST(${importRuns[column]}, ${done})`, updatedAt: core.clock.now() })
          .where(eq(importRuns.id, id));
      })
      .catch((err: unknown) => log?.error({ err, kind: input.kind }, 'import progress not recorded'));
  };
  const progress: RunProgress = { read: (n) => report('readRows', n), checked: (n) => report('checkedRows', n), saved: (n) => report('savedRows', n) };
  const started = Date.now();
  const finish = async (set: Partial<typeof importRuns.$inferInsert>) => {
    const finishedAt = core.clock.now();
    await core.db
      .update(importRuns)
      .set({ ...set, updatedAt: finishedAt, finishedAt })
      .where(eq(importRuns.id, id));
  };
  const job = (async () => {
    try {
      const outcome = await work(progress);
      await reported;
      if (outcome.ok) {
        await finish({ state: 'done', readRows: input.totalRows, checkedRows: input.totalRows, savedRows: input.totalRows, result: outcome.result });
        log?.info({ kind: input.kind, rows: input.totalRows, ms: Date.now() - started }, 'import saved');
      } else {
        await finish({ state: 'failed', savedRows: 0, errors: outcome.errors });
      }
    } catch (err) {
      log?.error({ err, kind: input.kind }, 'import failed');
      await reported;
      await finish({ state: 'failed', savedRows: 0, errors: ['系统出现错误，请稍后重新导入'] }).catch(() => undefined);
    } finally {
      inFlight.delete(code);
    }
  })();
  inFlight.set(code, job);
  return code;
}

/**
 * At start: runs of this kind still 'running' whose process on this host no longer exists (killed,
 * crashed) are marked interrupted at once, instead of after IMPORT_RUN_STALE_MS. A run with this
 * process's own pid belongs to an earlier process that had the same pid (no run has started yet). Their
 * transaction was rolled back with the connection, so nothing of them was saved. Returns how many.
 */
export async function markOrphanedImportRuns(core: Core, kind: string): Promise<number> {
  const host = os.hostname();
  const running = await core.db
    .select({ id: importRuns.id, pid: importRuns.ownerPid })
    .from(importRuns)
    .where(and(eq(importRuns.kind, kind), eq(importRuns.state, 'running'), eq(importRuns.ownerHost, host)));
  let marked = 0;
  for (const run of running) {
    if (run.pid !== null && run.pid !== process.pid && processExists(run.pid)) continue;
    const now = core.clock.now();
    const done = await core.db
      .update(importRuns)
      .set({ state: 'interrupted', savedRows: 0, updatedAt: now, finishedAt: now })
      .where(and(eq(importRuns.id, run.id), eq(importRuns.state, 'running')))
      .returning({ id: importRuns.id });
    marked += done.length;
  }
  return marked;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves when the run (if still saving in this process) has finished. */
export async function waitForImportRun(code: string): Promise<void> {
  await inFlight.get(code);
}

/** Resolves when every run of this process has finished. */
export async function waitForAllImportRuns(): Promise<void> {
  await Promise.all([...inFlight.values()]);
}

/** The run of this kind with this code (a malformed code finds nothing). */
export async function findImportRun(core: Core, kind: string, code: string): Promise<ImportRunRow | undefined> {
  if (!/^[A-Za-z0-9_-]{16}$/.test(code)) return undefined;
  const [row] = await core.db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.code, code), eq(importRuns.kind, kind)));
  return row;
}
