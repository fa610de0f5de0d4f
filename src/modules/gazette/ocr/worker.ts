// The background job that reads queued scans: woken at once after an upload, and every half minute for
// scans queued by another instance or left by a stopped process. One run at a time per process; across
// instances each scan is claimed once (FOR UPDATE SKIP LOCKED).
import type { Core } from '../../../core/services.ts';
import { startPeriodic, type PeriodicJob } from '../../../core/jobs/periodic.ts';
import { runOcrQueue } from '../scans.ts';

export interface OcrWorker {
  /** Reads what is queued now (joining a run in progress); resolves when the queue is empty. */
  kick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export function ocrWorker(core: Core, onError: (err: unknown) => void, intervalMs = 30_000): OcrWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let periodic: PeriodicJob | null = null;
  let stopped = false;
  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOcrQueue(core);
      } while (again && !stopped);
    })()
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    kick,
    start() {
      periodic ??= startPeriodic(kick, { intervalMs, firstDelayMs: 3_000, onError });
    },
    async stop() {
      stopped = true;
      await periodic?.stop();
      await running;
    },
  };
}
