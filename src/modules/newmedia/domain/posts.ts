// Posts written on the platform for an account: 先审后发, 分级分类审核 (国办发〔2018〕123号) in a
// configurable chain (default 初审 → 复审 → 终审; "三审" is practice, UNVERIFIED as 123号 wording), then
// 可发布; staff release it on the platform and record when. Pure: each check returns reasons.

export const POST_STATES = ['draft', 'in_review', 'returned', 'ready', 'released'] as const;
export type PostState = (typeof POST_STATES)[number];
export const POST_STATE_LABELS: Record<PostState, string> = { draft: '草稿', in_review: '审核中', returned: '已退回', ready: '可发布', released: '已发布' };

/** regulation-wave2.md §7: default three steps, editable per site. */
export const DEFAULT_REVIEW_STEPS = ['初审', '复审', '终审'] as const;
export const MAX_REVIEW_STEPS = 5;

export interface ReviewDone {
  step: number;
  reviewerId: number;
}

export interface PostFacts {
  state: PostState;
  authorId: number;
  /** The chain fixed when the post was submitted. */
  chain: readonly string[];
  /** Index of the step waiting (in_review). */
  step: number;
  /** Approvals of the current round. */
  approvals: readonly ReviewDone[];
}

export function checkEdit(p: PostFacts, c: { mayWrite: boolean }): string[] {
  const r: string[] = [];
  if (!c.mayWrite) r.push('只有账号主办单位的工作人员或政务公开办可以编辑稿件。');
  if (p.state !== 'draft' && p.state !== 'returned') r.push(`稿件状态为“${POST_STATE_LABELS[p.state]}”，不能修改。`);
  return r;
}

export function checkSubmit(p: PostFacts, c: { mayWrite: boolean; accountActive: boolean }): string[] {
  const r = checkEdit(p, c);
  if (!c.accountActive) r.push('账号不在运营状态，不能提交稿件。');
  return r;
}

/**
 * A reviewer's decision on the waiting step. Nobody reviews their own post; one person signs one step
 * only (分级审核: each level is another person); a return needs a reason.
 */
export function checkReview(p: PostFacts, c: { reviewerId: number; mayReview: boolean; step: number; approve: boolean; reason: string }): string[] {
  const r: string[] = [];
  if (!c.mayReview) r.push('您不是该账号的审核人员。');
  if (p.state !== 'in_review') {
    r.push(`稿件状态为“${POST_STATE_LABELS[p.state]}”，不在审核中。`);
    return r;
  }
  if (c.step !== p.step) r.push('该审核环节已由他人处理，请刷新页面。');
  if (c.reviewerId === p.authorId) r.push('不能审核自己撰写的稿件。');
  if (p.approvals.some((a) => a.reviewerId === c.reviewerId)) r.push('同一人不能审核同一稿件的两个环节。');
  if (!c.approve && !c.reason.trim()) r.push('退回稿件须说明理由。');
  return r;
}

/** Where a decision leads: the next step, 可发布 after the last, or back to the author. */
export function afterReview(p: PostFacts, approve: boolean): { state: PostState; step: number } {
  if (!approve) return { state: 'returned', step: 0 };
  return p.step + 1 >= p.chain.length ? { state: 'ready', step: p.step + 1 } : { state: 'in_review', step: p.step + 1 };
}

export function checkRelease(p: PostFacts, c: { mayWrite: boolean; releasedAt: Date; now: Date; approvedAt: Date | null }): string[] {
  const r: string[] = [];
  if (!c.mayWrite) r.push('只有账号主办单位的工作人员或政务公开办可以登记发布。');
  if (p.state !== 'ready') r.push(p.state === 'released' ? '该稿件已登记发布。' : '稿件须审核通过（可发布）后才能登记发布。');
  if (c.releasedAt.getTime() > c.now.getTime() + 60_000) r.push('发布时间不能晚于现在。');
  if (c.approvedAt && c.releasedAt.getTime() < c.approvedAt.getTime() - 60_000) r.push('发布时间不能早于终审通过的时间（先审后发）。');
  return r;
}

/** Reads the chain typed one step per line: 1–5 names of at most 10 characters, no repeats. */
export function parseChain(text: string): { chain: string[] } | { error: string } {
  const chain = text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!chain.length) return { error: '请至少填写一个审核环节' };
  if (chain.length > MAX_REVIEW_STEPS) return { error: `审核环节不能超过${MAX_REVIEW_STEPS}个` };
  if (chain.some((s) => [...s].length > 10)) return { error: '每个审核环节的名称不能超过10个字' };
  if (new Set(chain).size !== chain.length) return { error: '审核环节的名称不能重复' };
  return { chain };
}
