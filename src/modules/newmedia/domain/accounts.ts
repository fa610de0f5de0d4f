// The registry of 政务新媒体 accounts (国办发〔2018〕123号): 开设、变更、关停、注销 are requests by the
// 主办单位, reviewed by the openness office (本级政府办公室/政务公开办 备案). The transition table is
// pure; each check returns the reasons a person can read (empty = allowed).

export const PLATFORMS = ['微信公众号', '微博', '抖音', '今日头条', '视频号', '快手', '客户端', '其他'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** 拟开设 (申请中) → 运营 → 关停 → 注销; 未通过 for a refused opening. */
export const ACCOUNT_STATES = ['proposed', 'active', 'closed', 'cancelled', 'refused'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = { proposed: '拟开设（待审核）', active: '运营', closed: '关停', cancelled: '注销', refused: '开设未通过' };

export const REQUEST_KINDS = ['open', 'change', 'close', 'cancel'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = { open: '开设', change: '变更', close: '关停', cancel: '注销' };

export type RequestState = 'pending' | 'approved' | 'rejected';
export const REQUEST_STATE_LABELS: Record<RequestState, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

/**
 * Which account state a request may start from and where approval (and refusal) leads. 关停 must be
 * announced first and 注销 follows (regulation-wave2.md §7, local practice, UNVERIFIED); an account
 * no longer kept must be 注销 (2022 整治: 已停止维护的账号未履行注销程序), so 注销 is allowed from 运营 too.
 */
export const TRANSITIONS: Record<RequestKind, { from: readonly AccountState[]; approved: AccountState; rejected: (s: AccountState) => AccountState }> = {
  open: { from: ['proposed'], approved: 'active', rejected: () => 'refused' },
  change: { from: ['active'], approved: 'active', rejected: (s) => s },
  close: { from: ['active'], approved: 'closed', rejected: (s) => s },
  cancel: { from: ['active', 'closed'], approved: 'cancelled', rejected: (s) => s },
};

/** Whether a request of this kind may be filed for an account in this state. */
export function checkRequest(kind: RequestKind, c: { state: AccountState; pending: boolean; mayRequest: boolean; notice: string }): string[] {
  const reasons: string[] = [];
  if (!c.mayRequest) reasons.push('只有主办单位的工作人员或政务公开办可以提出申请。');
  if (c.pending) reasons.push('该账号已有待审核的申请，请等待审核后再提出。');
  if (!TRANSITIONS[kind].from.includes(c.state)) reasons.push(`账号状态为“${ACCOUNT_STATE_LABELS[c.state]}”，不能申请${REQUEST_KIND_LABELS[kind]}。`);
  // 关停 须提前发布公告 (local practice, UNVERIFIED): the notice text is part of the request.
  if (kind === 'close' && !c.notice.trim()) reasons.push('申请关停须填写关停公告内容。');
  return reasons;
}

/** The openness office's decision: approve, or reject with a reason. Returns the reasons it is refused. */
export function checkDecision(c: { isOffice: boolean; requestState: RequestState; accountState: AccountState; kind: RequestKind; approve: boolean; reason: string }): string[] {
  const reasons: string[] = [];
  if (!c.isOffice) reasons.push('只有政务公开办可以审核政务新媒体的开设、变更、关停和注销。');
  if (c.requestState !== 'pending') reasons.push('该申请已审核，不能重复审核。');
  else if (!TRANSITIONS[c.kind].from.includes(c.accountState)) reasons.push('账号状态已变化，该申请不能再通过，请退回。');
  if (!c.approve && !c.reason.trim()) reasons.push('退回申请须说明理由。');
  return reasons;
}

/** The account's state after the decision. */
export function stateAfter(kind: RequestKind, from: AccountState, approve: boolean): AccountState {
  const t = TRANSITIONS[kind];
  return approve ? t.approved : t.rejected(from);
}

/** The account's public address: http(s) only, so a QR code never carries a script or a local path. */
export function isAccountUrl(s: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/.test(s) && s.length <= 500;
}
