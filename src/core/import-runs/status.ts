// What an import run shows while it runs and after: rows read, checked and saved of the total, as numbers,
// a percentage and a sentence. Pure: the run and the current time come in; the module words its result.

export type ImportRunState = 'running' | 'done' | 'failed' | 'interrupted';

/** A run that has not reported for this long is taken as interrupted (its transaction rolled back). */
export const IMPORT_RUN_STALE_MS = 10 * 60 * 1000;

export interface ImportRunFacts<R = Record<string, unknown>> {
  state: ImportRunState;
  totalRows: number;
  readRows?: number;
  checkedRows?: number;
  savedRows: number;
  updatedAt: Date;
  result: R | null;
  errors: string[] | null;
}

export interface ImportRunStatus {
  state: ImportRunState;
  read: number;
  checked: number;
  saved: number;
  total: number;
  /** The progress bar's value: the rows of the current step. */
  done: number;
  /** 0–100 of saving, rounded down; 100 only when done. */
  percent: number;
  /** 已保存 2,300 / 5,000 行（46%） */
  progressText: string;
  /** The outcome in one sentence once finished. */
  message: string;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The status of a run. `doneMessage` words a finished run's result; `target` names what stays unchanged
 * until the run is done ("目录", "权责清单").
 */
export function importRunStatus<R>(run: ImportRunFacts<R>, now: Date, words: { doneMessage: (result: R) => string; target: string }): ImportRunStatus {
  const total = run.totalRows;
  const state: ImportRunState = run.state === 'running' && now.getTime() - run.updatedAt.getTime() > IMPORT_RUN_STALE_MS ? 'interrupted' : run.state;
  const clamp = (x: number | undefined) => Math.min(Math.max(x ?? 0, 0), total);
  const finished = state === 'done';
  const saved = finished ? total : state === 'running' ? clamp(run.savedRows) : 0;
  const read = finished ? total : clamp(run.readRows);
  const checked = finished ? total : clamp(run.checkedRows);
  const percent = finished ? 100 : total > 0 ? Math.min(99, Math.floor((saved * 100) / total)) : 0;
  const progressText = `已保存 ${n(saved)} / ${n(total)} 行（${percent}%）`;
  const done = state === 'running' && checked < total ? checked : saved;
  let message: string;
  if (finished && run.result) message = words.doneMessage(run.result);
  else if (state === 'failed') message = `没有保存任何内容：${run.errors?.[0] ?? '导入失败'}`;
  else if (state === 'interrupted') message = '导入已中断（系统在保存时停止），没有保存任何内容，请重新上传文件。';
  else if (checked < total) message = `正在检查，已读取 ${n(read)} 行，已检查 ${n(checked)} / ${n(total)} 行。`;
  else message = `正在保存，${progressText}。保存完成前${words.target}不会改变：全部保存成功才生效。`;
  return { state, read, checked, saved, total, done, percent, progressText, message };
}
