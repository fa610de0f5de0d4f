// The workflow of a record as a state table, and who may take each step. A refused step returns
// readable reasons (ARCHITECTURE §2), never a thrown error.
import type { Role } from '../../../core/db/schema.ts';
import type { Disclosure, RecordKind, RecordState } from './vocab.ts';
import { STATE_LABELS } from './vocab.ts';

export const ACTIONS = [
  'edit',
  'submit',
  'approve',
  'send_back',
  'publish',
  'cancel_schedule',
  'force_publish',
  'review_forced',
  'revise',
  'withdraw',
  'set_validity',
] as const;
export type WorkflowAction = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  edit: '编辑',
  submit: '提交审核',
  approve: '审核通过',
  send_back: '退回修改',
  publish: '发布',
  cancel_schedule: '取消定时发布',
  force_publish: '紧急发布',
  review_forced: '补充审核',
  revise: '修订',
  withdraw: '撤回',
  set_validity: '变更有效性',
};

/**
 * The state table: from which states an action may be taken, and the state it leads to.
 * draft → submitted (提交) → approved (审核通过, 条例 第十七条 保密审查) → published or scheduled (发布);
 * submitted/approved → draft (退回, with reasons); published → published (修订, new version with a change note);
 * published → withdrawn (撤回, typed reason; the page stays). A unit admin's urgent publication skips
 * review but leaves the record on the "review owed" list.
 */
export const TRANSITIONS: Record<WorkflowAction, { from: readonly RecordState[]; to: RecordState | 'same' | 'published_or_scheduled' }> = {
  edit: { from: ['draft'], to: 'same' },
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  send_back: { from: ['submitted', 'approved', 'scheduled'], to: 'draft' },
  publish: { from: ['approved'], to: 'published_or_scheduled' },
  cancel_schedule: { from: ['scheduled'], to: 'approved' },
  force_publish: { from: ['draft', 'submitted', 'approved', 'scheduled'], to: 'published' },
  review_forced: { from: ['published', 'withdrawn'], to: 'same' },
  revise: { from: ['published'], to: 'same' },
  withdraw: { from: ['published'], to: 'withdrawn' },
  set_validity: { from: ['published'], to: 'same' },
};

export interface WorkflowUser {
  id: number;
  unitId: number;
  rootUnitId: number;
  roles: readonly Role[];
}

export interface WorkflowRecord {
  unitId: number;
  rootUnitId: number;
  state: RecordState;
  kind: RecordKind;
  disclosure: Disclosure;
  submittedById: number | null;
  reviewOwed: boolean;
  /** Who force-published it (from the review log), when review is owed. */
  forcedById?: number | null;
  /**
   * A 政策解读 linked to a policy that is not yet published moves with that policy: it is submitted,
   * approved and published together with it (国办发〔2016〕80号: 同步审签、同步发布).
   */
  movesWithPolicy?: boolean;
}

const has = (u: WorkflowUser, ...roles: Role[]) => u.roles.some((r) => roles.includes(r));

/** 政务公开办 works across every unit of its city. */
function cityWide(u: WorkflowUser, r: WorkflowRecord): boolean {
  return has(u, 'openness_office') && u.rootUnitId === r.rootUnitId;
}

export function canEditRecord(u: WorkflowUser, r: WorkflowRecord): boolean {
  return (u.unitId === r.unitId && has(u, 'editor', 'reviewer', 'unit_admin')) || cityWide(u, r);
}

/** 审核人 of the unit, or a 审核人 of the 政务公开办 for any unit of the city. */
export function canReviewRecord(u: WorkflowUser, r: WorkflowRecord): boolean {
  return has(u, 'reviewer') && (u.unitId === r.unitId || cityWide(u, r));
}

/** Published records are revised, withdrawn or re-marked by a 审核人 or the unit admin (their change is public at once). */
export function canManagePublished(u: WorkflowUser, r: WorkflowRecord): boolean {
  return (u.unitId === r.unitId && has(u, 'reviewer', 'unit_admin')) || cityWide(u, r);
}

function permissionReason(action: WorkflowAction, u: WorkflowUser, r: WorkflowRecord): string | null {
  switch (action) {
    case 'edit':
    case 'submit':
    case 'publish':
    case 'cancel_schedule':
      return canEditRecord(u, r) ? null : '只有本单位的信息员、审核人、单位管理员或政务公开办可以办理本单位的信息';
    case 'approve':
    case 'send_back':
    case 'review_forced':
      return canReviewRecord(u, r) ? null : '只有本单位的审核人或政务公开办的审核人可以审核（《政府信息公开条例》第十七条）';
    case 'force_publish':
      return has(u, 'unit_admin') && u.unitId === r.unitId ? null : '只有本单位的单位管理员可以紧急发布';
    case 'revise':
    case 'withdraw':
    case 'set_validity':
      return canManagePublished(u, r) ? null : '已发布的信息只能由本单位的审核人、单位管理员或政务公开办修订、撤回或变更有效性';
  }
}

export type Check = { ok: true; to: RecordState } | { ok: false; reasons: string[] };

/** Whether `u` may take `action` on `r`; every reason that stands in the way, in plain Chinese. */
export function checkAction(action: WorkflowAction, r: WorkflowRecord, u: WorkflowUser, opts: { scheduleAt?: boolean } = {}): Check {
  const reasons: string[] = [];
  const t = TRANSITIONS[action];
  if (!t.from.includes(r.state)) {
    reasons.push(`该信息当前为“${STATE_LABELS[r.state]}”，不能${ACTION_LABELS[action]}`);
  }
  const p = permissionReason(action, u, r);
  if (p) reasons.push(p);
  // 审核 is a second pair of eyes: nobody approves their own submission.
  if (action === 'approve' && r.submittedById !== null && r.submittedById === u.id) {
    reasons.push('不能审核自己提交的信息，请由本单位其他审核人审核');
  }
  if (action === 'review_forced') {
    if (!r.reviewOwed) reasons.push('该信息没有待补充的审核');
    if (r.forcedById != null && r.forcedById === u.id) reasons.push('紧急发布人不能补充审核自己发布的信息');
  }
  if (r.movesWithPolicy && ['submit', 'approve', 'send_back', 'publish', 'cancel_schedule', 'force_publish'].includes(action)) {
    reasons.push('该政策解读须随所解读的政策文件一并提交、审核和发布，请在政策文件上办理');
  }
  if (reasons.length) return { ok: false, reasons };
  if (t.to === 'same') return { ok: true, to: r.state };
  if (t.to === 'published_or_scheduled') return { ok: true, to: opts.scheduleAt ? 'scheduled' : 'published' };
  return { ok: true, to: t.to };
}

/** The actions `u` may take now, for the buttons of the staff page. */
export function allowedActions(r: WorkflowRecord, u: WorkflowUser): WorkflowAction[] {
  return ACTIONS.filter((a) => checkAction(a, r, u).ok);
}
