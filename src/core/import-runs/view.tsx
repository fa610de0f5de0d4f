// The progress panel of an import run, shared by the modules' progress pages. Without JavaScript the
// page reloads itself every few seconds while running (a <noscript> refresh in the head); with it,
// site.js polls the JSON status at `statusUrl` and moves the bar.
import type { ImportRunStatus } from './status.ts';

/** Seconds between refreshes of the progress page without JavaScript. */
export const RUN_REFRESH_SECONDS = 2;

/** For the page's head while the run is running. */
export function RunRefresh() {
  return (
    <noscript>
      <meta http-equiv="refresh" content={String(RUN_REFRESH_SECONDS)} />
    </noscript>
  );
}

/** The JSON the polling script reads (a module's status route sends this). */
export function runStatusJson(s: ImportRunStatus) {
  return { state: s.state, total: s.total, read: s.read, checked: s.checked, saved: s.saved, done: s.done, percent: s.percent, progressText: s.progressText, message: s.message };
}

/** Bar, counts and outcome of a run; `steps` shows the rows read and checked (an import previewed first has them all). */
export function ImportRunPanel({ run, statusUrl, steps = false }: { run: ImportRunStatus; statusUrl: string; steps?: boolean }) {
  const running = run.state === 'running';
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <div class="import-run" data-import-status={running ? statusUrl : undefined}>
      {steps ? (
        <p data-import-steps>
          已读取 {n(run.read)} 行 · 已检查 {n(run.checked)} 行 · 已保存 {n(run.saved)} 行（共 {n(run.total)} 行）
        </p>
      ) : null}
      <p>
        <label for="import-run-progress">保存进度</label>{' '}
        <progress id="import-run-progress" max={run.total || 1} value={run.state === 'done' ? run.total || 1 : run.done}>
          {run.percent}%
        </progress>{' '}
        <span data-import-progress-text>{run.progressText}</span>
      </p>
      <p role="status" aria-live="polite" class={run.state === 'done' ? 'status-ok' : running ? undefined : 'error-message'} data-import-message>
        {run.message}
      </p>
      {running ? <p class="hint">本页每 {RUN_REFRESH_SECONDS} 秒自动刷新。可以离开本页，保存会继续。</p> : null}
    </div>
  );
}
