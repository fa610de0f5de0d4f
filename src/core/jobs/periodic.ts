// A background job run now and then. stop() waits for a run in progress, so the database pool is never
// closed under it (a run cut short would log "Cannot use a pool after calling end" while stopping).

export interface PeriodicJob {
  /** No further runs; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

export function startPeriodic(
  run: () => Promise<unknown>,
  opts: { intervalMs: number; firstDelayMs: number; onError?: (err: unknown) => void },
): PeriodicJob {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  // The next run is scheduled when this one ends: runs never overlap, however long one takes.
  function tick() {
    timer = null;
    if (stopped) return;
    running = Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (err: unknown) => opts.onError?.(err),
      )
      .finally(() => {
        running = null;
        if (!stopped) schedule(opts.intervalMs);
      });
  }
  schedule(opts.firstDelayMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
