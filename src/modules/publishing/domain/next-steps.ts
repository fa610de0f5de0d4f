// What a record's staff page leads with: the one or two steps this person should take next, and —
// when the next step is someone else's — who must act. The workflow (workflow.ts) stays the authority
// on what is allowed; this only orders and explains (条例 第十七条: 审核 before 发布).
import type { RecordState } from './vocab.ts';
import type { WorkflowAction } from './workflow.ts';

export interface RecordNextStepFacts {
  state: RecordState;
  /** What the viewer may do now (allowedActions). */
  allowed: readonly WorkflowAction[];
  reviewOwed: boolean;
  /** 定时发布 time in words (Beijing time), when scheduled. */
  scheduledAt: string | null;
  /** Sent back to the drafter with reasons. */
  sentBack: boolean;
}

export interface RecordNextSteps {
  /** Shown open, in this order (at most two). */
  primary: WorkflowAction[];
  /** Who must act next, when it is not this person (plain words), else null. */
  waitingFor: string | null;
  /** Nothing is owed by anybody (e.g. published): a plain sentence instead. */
  settled: string | null;
}

export function recordNextSteps(f: RecordNextStepFacts): RecordNextSteps {
  const pick = (...as: WorkflowAction[]) => as.filter((a) => f.allowed.includes(a)).slice(0, 2);
  const of = (primary: WorkflowAction[], waitingFor: string, settled: string | null = null): RecordNextSteps =>
    primary.length ? { primary, waitingFor: null, settled } : { primary, waitingFor, settled };
  switch (f.state) {
    case 'draft':
      return of(pick('edit', 'submit'), f.sentBack ? '已退回修改，等待本单位信息员修改后重新提交审核' : '等待本单位信息员完成编辑并提交审核');
    case 'submitted':
      return of(pick('approve', 'send_back'), '等待本单位审核人审核（保密审查）');
    case 'approved':
      return of(pick('publish', 'send_back'), '已审核通过，等待本单位信息员或审核人发布');
    case 'scheduled':
      return { primary: [], waitingFor: null, settled: `将于 ${f.scheduledAt ?? '预定时间'} 自动发布，无需操作；如需改动可取消定时发布。` };
    case 'published':
      if (f.reviewOwed) return of(pick('review_forced'), '紧急发布的信息等待审核人补充审核');
      return { primary: [], waitingFor: null, settled: '已发布，无需操作。内容有变化时可修订；失效或废止时变更有效性。' };
    case 'withdrawn':
      if (f.reviewOwed) return of(pick('review_forced'), '紧急发布后撤回的信息等待审核人补充审核');
      return { primary: [], waitingFor: null, settled: '已撤回，无需操作。' };
  }
}
