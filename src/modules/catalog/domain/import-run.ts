// What a confirmed import shows while it is saved and after: rows saved of the total, as numbers, a
// percentage and a sentence. Pure: the row and the current time come in.

export type ImportRunState = 'running' | 'done' | 'failed' | 'interrupted';

/** A run that has not reported for this long is taken as interrupted (its transaction rolled back). */
export const IMPORT_RUN_STALE_MS = 10 * 60 * 1000;

export interface ImportRunFacts {
  state: ImportRunState;
  totalRows: number;
  savedRows: number;
  updatedAt: Date;
  result: { created: number; updated: number; adopted?: number; unchanged: number; version: number | null } | null;
  errors: string[] | null;
}

export interface ImportRunStatus {
  state: ImportRunState;
  saved: number;
  total: number;
  /** 0–100, rounded down; 100 only when done. */
  percent: number;
  /** 已保存 2,300 / 5,000 行（46%） */
  progressText: string;
  /** The outcome in one sentence once finished. */
  message: string;
}

const n = (x: number) => x.toLocaleString('en-US');

export function importRunStatus(run: ImportRunFacts, now: Date): ImportRunStatus {
  const total = run.totalRows;
  const state: ImportRunState = run.state === 'running' && now.getTime() - run.updatedAt.getTime() > IMPORT_RUN_STALE_MS ? 'interrupted' : run.state;
  const saved = state === 'done' ? total : state === 'running' ? Math.min(run.savedRows, total) : 0;
  const percent = state === 'done' ? 100 : total > 0 ? Math.min(99, Math.floor((saved * 100) / total)) : 0;
  const progressText = `已保存 ${n(saved)} / ${n(total)} 行（${percent}%）`;
  let message: string;
  if (state === 'done' && run.result) {
    const r = run.result;
    message = `导入完成：新增${r.created}项，修改${r.updated}项，${r.adopted ? `采用标准事项${r.adopted}项，` : ''}不变${r.unchanged}项${r.version ? `，目录已更新为第${r.version}版` : '，目录没有变化'}。`;
  } else if (state === 'failed') {
    message = `没有保存任何内容：${run.errors?.[0] ?? '导入失败'}`;
  } else if (state === 'interrupted') {
    message = '导入已中断（系统在保存时停止），没有保存任何内容，请重新上传文件。';
  } else {
    message = `正在保存，${progressText}。保存完成前目录不会改变：全部保存成功才生效。`;
  }
  return { state, saved, total, percent, progressText, message };
}
