// A confirmed import runs in the background of the request that confirmed it: the run row records the
// rows saved so far (written on the pool, outside the import's transaction), then the result. Saving
// itself stays all or nothing (service.importItems, one transaction): a failed or interrupted run
// leaves the catalog as it was.
import crypto from 'node:crypto';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { Actor } from '../../core/audit/index.ts';
import type { CatalogItemData } from './domain/types.ts';
import { catalogImportRuns } from './data/schema.ts';
import { importItems } from './service.ts';

export type ImportRunRow = typeof catalogImportRuns.$inferSelect;

/** Runs still saving in this process, by code (so tests and shutdown can wait for them). */
const inFlight = new Map<string, Promise<void>>();

export interface StartImportInput {
  unitId: number;
  staffUserId: number;
  fileName: string;
  rootUnitId: number;
  ownerUnitId: number | null;
  items: CatalogItemData[];
  reason: string;
}

/** Records the run and starts saving; returns at once with the run's code. */
export async function startImportRun(core: Core, actor: Actor, input: StartImportInput, log?: { info(o: object, m: string): void; error(o: object, m: string): void }): Promise<string> {
  const code = crypto.randomBytes(12).toString('base64url');
  const now = core.clock.now();
  const [run] = await core.db
    .insert(catalogImportRuns)
    .values({ code, unitId: input.unitId, staffUserId: input.staffUserId, fileName: input.fileName, totalRows: input.items.length, savedRows: 0, state: 'running', startedAt: now, updatedAt: now, ownerHost: os.hostname(), ownerPid: process.pid })
    .returning({ id: catalogImportRuns.id });
  const id = run!.id;
  // Progress updates run one after another on the pool; GREATEST keeps the count from going back.
  let reported = Promise.resolve();
  const report = (done: number) => {
    reported = reported
      .then(async () => {
        await core.db
          .update(catalogImportRuns)
          .set({ savedRows: sql`GREATEST(${catalogImportRuns.savedRows}, ${done})`, updatedAt: core.clock.now() })
          .where(eq(catalogImportRuns.id, id));
      })
      .catch((err: unknown) => log?.error({ err }, 'catalog import progress not recorded'));
  };
  const started = Date.now();
  const work = (async () => {
    try {
      const result = await importItems(core, actor, {
        rootUnitId: input.rootUnitId,
        ownerUnitId: input.ownerUnitId,
        items: input.items,
        reason: input.reason,
        onProgress: (done, total) => {
          log?.info({ done, total }, 'catalog import progress');
          report(done);
        },
      });
      await reported;
      const finishedAt = core.clock.now();
      if (result.ok) {
        const { created, updated, adopted, unchanged, version } = result;
        await core.db
          .update(catalogImportRuns)
          .set({ state: 'done', savedRows: input.items.length, result: { created, updated, adopted, unchanged, version, versionedUnits: result.versionedUnits.length }, updatedAt: finishedAt, finishedAt })
          .where(eq(catalogImportRuns.id, id));
        log?.info({ items: input.items.length, ms: Date.now() - started }, 'catalog import saved');
      } else {
        await core.db
          .update(catalogImportRuns)
          .set({ state: 'failed', savedRows: 0, errors: Object.values(result.errors), updatedAt: finishedAt, finishedAt })
          .where(eq(catalogImportRuns.id, id));
      }
    } catch (err) {
      log?.error({ err }, 'catalog import failed');
      await reported;
      const finishedAt = core.clock.now();
      await core.db
        .update(catalogImportRuns)
        .set({ state: 'failed', savedRows: 0, errors: ['系统出现错误，请稍后重新导入'], updatedAt: finishedAt, finishedAt })
        .where(eq(catalogImportRuns.id, id))
        .catch(() => undefined);
    } finally {
      inFlight.delete(code);
    }
  })();
  inFlight.set(code, work);
  return code;
}

/**
 * At start: runs still 'running' whose process on this host no longer exists (killed, crashed) are
 * marked interrupted at once, instead of after IMPORT_RUN_STALE_MS. A run with this process's own pid
 * belongs to an earlier process that had the same pid (no run has started yet). Their transaction was
 * rolled back with the connection, so nothing of them was saved. Returns how many were marked.
 */
export async function markOrphanedImportRuns(core: Core): Promise<number> {
  const host = os.hostname();
  const running = await core.db
    .select({ id: catalogImportRuns.id, pid: catalogImportRuns.ownerPid })
    .from(catalogImportRuns)
    .where(and(eq(catalogImportRuns.state, 'running'), eq(catalogImportRuns.ownerHost, host)));
  let marked = 0;
  for (const run of running) {
    if (run.pid !== null && run.pid !== process.pid && processExists(run.pid)) continue;
    const now = core.clock.now();
    const done = await core.db
      .update(catalogImportRuns)
      .set({ state: 'interrupted', savedRows: 0, updatedAt: now, finishedAt: now })
      .where(and(eq(catalogImportRuns.id, run.id), eq(catalogImportRuns.state, 'running')))
      .returning({ id: catalogImportRuns.id });
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

export async function findImportRun(core: Core, code: string): Promise<ImportRunRow | undefined> {
  if (!/^[A-Za-z0-9_-]{16}$/.test(code)) return undefined;
  const [row] = await core.db.select().from(catalogImportRuns).where(eq(catalogImportRuns.code, code));
  return row;
}
