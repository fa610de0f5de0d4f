// The states of a request and the ONE table of allowed transitions (《政府信息公开条例》第四十五条:
// 申请登记、审核、办理、答复、归档), with who may make each and its preconditions. A refused transition
// returns readable Chinese reasons. Pure code: the service computes the facts and the actor's parties.
import { deadlineLapsed } from './lapses.ts';

export const REQUEST_STATES = [
  'registered',
  'reviewing',
  'processing',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'replied',
  'archived',
  'withdrawn',
  'terminated',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const STATE_LABELS: Record<RequestState, string> = {
  registered: '登记',
  reviewing: '审核',
  processing: '办理',
  awaiting_correction: '补正中',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  replied: '答复',
  archived: '归档',
  withdrawn: '已撤回',
  terminated: '已终止',
};

/** States in which the statutory clock may run (the request is still being handled). */
export const OPEN_STATES: readonly RequestState[] = ['registered', 'reviewing', 'processing', 'awaiting_correction', 'consulting', 'awaiting_fee'];
export const CLOSED_STATES: readonly RequestState[] = ['replied', 'archived', 'withdrawn', 'terminated'];

export function isRequestState(s: unknown): s is RequestState {
  return typeof s === 'string' && (REQUEST_STATES as readonly string[]).includes(s);
}

/** Who someone is in relation to one request (computed by the service). */
export type Party =
  | 'applicant' // proved by 受理编号 + lookup code
  | 'handler' // the assigned 承办人
  | 'unit_staff' // staff of the unit asked (editor, reviewer, unit admin)
  | 'unit_admin' // 单位管理员 of the unit asked
  | 'openness_office' // 政务公开办 of the city
  | 'openness_head' // 政务公开办负责人 (政府信息公开工作机构负责人, 第三十三条)
  | 'system'; // scheduled jobs

export const PARTY_LABELS: Record<Party, string> = {
  applicant: '申请人',
  handler: '承办人',
  unit_staff: '本单位工作人员',
  unit_admin: '本单位管理员',
  openness_office: '政务公开办',
  openness_head: '政务公开办负责人',
  system: '系统',
};

export const ACTIONS = [
  'accept',
  'assign',
  'reassign',
  'send_clarification',
  'record_correction',
  'end_no_correction',
  'send_consultation',
  'record_consultation_answer',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'send_fee_notice',
  'record_payment',
  'end_no_payment',
  'reply',
  'archive',
  'withdraw',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  accept: '确认受理（进入审核）',
  assign: '指定承办人（进入办理）',
  reassign: '更换承办人',
  send_clarification: '告知补正',
  record_correction: '登记补正',
  end_no_correction: '逾期未补正，终止办理',
  send_consultation: '征求意见',
  record_consultation_answer: '登记征求意见答复',
  request_extension: '申请延期答复',
  approve_extension: '批准延期答复',
  reject_extension: '不同意延期',
  send_fee_notice: '发出收费通知',
  record_payment: '登记缴费',
  end_no_payment: '逾期未缴费，终止办理',
  reply: '答复',
  archive: '归档',
  withdraw: '撤回申请',
};

/** What the preconditions look at; the service fills in what it knows. */
export interface TransitionFacts {
  today: string;
  actorId: number | null;
  receivedOn: string | null;
  /** 第二十九条第二款: the three required items are present. */
  applicationComplete: boolean;
  handlerId: number | null;
  /** For assign / reassign: the chosen handler and whether they belong to the unit. */
  newHandlerId?: number | null;
  newHandlerInUnit?: boolean;
  clarificationSent: boolean;
  correctBy: string | null;
  /** Consultations without an answer, counting the one being answered. */
  openConsultations: number;
  feeNoticeSent: boolean;
  feePayBy: string | null;
  /** The fee notice is no longer pending (paid); absent: not known, treated as pending. */
  feePaid?: boolean;
  extensionApproved: boolean;
  /** A pending extension request and who asked for it. */
  extensionRequestedBy: number | null;
  extensionRequested: boolean;
}

interface Transition {
  action: Action;
  from: readonly RequestState[];
  /** 'same': the action does not change the state. */
  to: RequestState | 'same';
  who: readonly Party[];
  /** Routing between rows of the same action (not a refusal). */
  when?: (f: TransitionFacts) => boolean;
  /** Each returns a reason when the precondition does not hold. */
  pre: readonly ((f: TransitionFacts) => string | null)[];
}

const STAFF_HANDLING: readonly Party[] = ['handler', 'unit_admin', 'openness_office'];
const ANY_UNIT_STAFF: readonly Party[] = ['handler', 'unit_staff', 'unit_admin', 'openness_office'];
const HANDLING_STATES: readonly RequestState[] = ['reviewing', 'processing', 'consulting', 'awaiting_fee'];

const needReceipt = (f: TransitionFacts) =>
  f.receivedOn ? (f.receivedOn > f.today ? `收到申请之日 ${f.receivedOn} 晚于今天，不能受理` : null) : '尚未确定收到申请之日（第三十一条），请先填写确认日期';
const needComplete = (f: TransitionFacts) => (f.applicationComplete ? null : '申请缺少第二十九条第二款规定的内容（申请人信息、所需信息描述、获取形式），请先补全或告知补正');
const needNewHandler = (f: TransitionFacts) =>
  !f.newHandlerId ? '请选择承办人' : f.newHandlerInUnit === false ? '承办人须为本单位工作人员' : f.newHandlerId === f.handlerId ? '所选承办人与当前承办人相同' : null;
const needNoClarification = (f: TransitionFacts) => (f.clarificationSent ? '已经告知过补正；依照第三十条，补正只能一次性告知' : null);
const needCorrectionLapsed = (f: TransitionFacts) =>
  deadlineLapsed(f.correctBy, f.today) ? null : `补正期限${f.correctBy ? ` ${f.correctBy} ` : ''}尚未届满，不能按逾期不补正终止`;
const needFeeLapsed = (f: TransitionFacts) =>
  f.feePaid ? '已经缴费，不能按逾期未缴费终止' : deadlineLapsed(f.feePayBy, f.today) ? null : `缴费期限${f.feePayBy ? ` ${f.feePayBy} ` : ''}尚未届满，不能按逾期未缴费终止`;
const needNoFeeNotice = (f: TransitionFacts) => (f.feeNoticeSent ? '已发出过收费通知' : null);
const needNoExtension = (f: TransitionFacts) => (f.extensionApproved ? '已经延期一次；依照第三十三条，延期只能一次' : null);
const needNoPendingExtension = (f: TransitionFacts) => (f.extensionRequested ? '已有待批准的延期申请' : null);
const needPendingExtension = (f: TransitionFacts) => (f.extensionRequested ? null : '没有待批准的延期申请');
const notOwnExtension = (f: TransitionFacts) =>
  f.extensionRequestedBy !== null && f.actorId !== null && f.extensionRequestedBy === f.actorId ? '不能批准自己提出的延期申请' : null;
const needHandler = (f: TransitionFacts) => (f.handlerId ? null : '尚未指定承办人');
const needConsultationOpen = (f: TransitionFacts) => (f.openConsultations > 0 ? null : '没有待答复的征求意见');

/** THE transition table. */
export const TRANSITIONS: readonly Transition[] = [
  // 第四十五条 申请登记 → 审核. Online: confirming receipt fixes 收到申请之日 (第三十一条第（三）项).
  { action: 'accept', from: ['registered'], to: 'reviewing', who: ANY_UNIT_STAFF, pre: [needReceipt] },
  // 审核 → 办理: the unit admin (or the openness office) assigns a 承办人.
  { action: 'assign', from: ['reviewing'], to: 'processing', who: ['unit_admin', 'openness_office'], pre: [needComplete, needNewHandler] },
  { action: 'reassign', from: ['processing', 'awaiting_correction', 'consulting', 'awaiting_fee'], to: 'same', who: ['unit_admin', 'openness_office'], pre: [needNewHandler] },
  // 第三十条: 补正 once.
  { action: 'send_clarification', from: ['reviewing', 'processing'], to: 'awaiting_correction', who: ANY_UNIT_STAFF, pre: [needNoClarification] },
  { action: 'record_correction', from: ['awaiting_correction'], to: 'reviewing', who: ['applicant', ...ANY_UNIT_STAFF], pre: [] },
  { action: 'end_no_correction', from: ['awaiting_correction'], to: 'terminated', who: [...STAFF_HANDLING, 'system'], pre: [needCorrectionLapsed] },
  // 第三十二条、第三十四条: consultation; the state returns to 办理 when the last answer is in.
  { action: 'send_consultation', from: ['processing', 'consulting'], to: 'consulting', who: STAFF_HANDLING, pre: [needHandler] },
  { action: 'record_consultation_answer', from: ['consulting'], to: 'processing', who: STAFF_HANDLING, when: (f) => f.openConsultations <= 1, pre: [needConsultationOpen] },
  { action: 'record_consultation_answer', from: ['consulting'], to: 'same', who: STAFF_HANDLING, when: (f) => f.openConsultations > 1, pre: [needConsultationOpen] },
  // 第三十三条第二款: extension approved by the head of the 政府信息公开工作机构, once, ≤ 20 working days.
  { action: 'request_extension', from: HANDLING_STATES, to: 'same', who: STAFF_HANDLING, pre: [needNoExtension, needNoPendingExtension] },
  { action: 'approve_extension', from: HANDLING_STATES, to: 'same', who: ['openness_head'], pre: [needPendingExtension, needNoExtension, notOwnExtension] },
  { action: 'reject_extension', from: HANDLING_STATES, to: 'same', who: ['openness_head'], pre: [needPendingExtension, notOwnExtension] },
  // 第四十二条, 国办函〔2020〕109号: fee notice, payment, non-payment.
  { action: 'send_fee_notice', from: ['processing'], to: 'awaiting_fee', who: STAFF_HANDLING, pre: [needNoFeeNotice] },
  { action: 'record_payment', from: ['awaiting_fee'], to: 'processing', who: ANY_UNIT_STAFF, pre: [] },
  { action: 'end_no_payment', from: ['awaiting_fee'], to: 'terminated', who: [...STAFF_HANDLING, 'system'], pre: [needFeeLapsed] },
  // 第三十六条–第三十九条: the reply (also straight from 审核, e.g. a complaint under 第三十九条).
  { action: 'reply', from: ['reviewing', 'processing'], to: 'replied', who: STAFF_HANDLING, pre: [needReceipt] },
  { action: 'archive', from: ['replied', 'withdrawn', 'terminated'], to: 'archived', who: STAFF_HANDLING, pre: [] },
  { action: 'withdraw', from: OPEN_STATES, to: 'withdrawn', who: ['applicant', ...ANY_UNIT_STAFF], pre: [] },
];

export type TransitionCheck = { ok: true; to: RequestState } | { ok: false; reasons: string[] };

/** Whether `parties` may take `action` on a request in state `from`; the target state or the reasons. */
export function checkTransition(action: Action, from: RequestState, parties: ReadonlySet<Party>, facts: TransitionFacts): TransitionCheck {
  const rows = TRANSITIONS.filter((t) => t.action === action);
  if (!rows.length) return { ok: false, reasons: [`未知操作：${String(action)}`] };
  const inState = rows.filter((t) => t.from.includes(from));
  if (!inState.length) {
    const allowed = [...new Set(rows.flatMap((t) => t.from))].map((s) => STATE_LABELS[s]).join('、');
    return { ok: false, reasons: [`申请当前处于“${STATE_LABELS[from]}”状态，不能${ACTION_LABELS[action]}（仅限：${allowed}）`] };
  }
  const row = inState.find((t) => !t.when || t.when(facts)) ?? inState[0]!;
  const reasons: string[] = [];
  if (!row.who.some((p) => parties.has(p))) {
    reasons.push(`只有${row.who.map((p) => PARTY_LABELS[p]).join('、')}可以${ACTION_LABELS[action]}`);
  }
  for (const p of row.pre) {
    const r = p(facts);
    if (r) reasons.push(r);
  }
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, to: row.to === 'same' ? from : row.to };
}

/** The steps taken once per request: after that, their form is not offered again. */
export type OnceFacts = Pick<TransitionFacts, 'clarificationSent' | 'feeNoticeSent' | 'extensionApproved'>;

const TAKEN_ONCE: Partial<Record<Action, (f: OnceFacts) => boolean>> = {
  // 第三十条: 一次性告知申请人作出补正.
  send_clarification: (f) => f.clarificationSent,
  // 第三十三条第二款: 延长答复的期限最长不得超过20个工作日 (one extension).
  request_extension: (f) => f.extensionApproved,
  // 国办函〔2020〕109号: one fee notice per application.
  send_fee_notice: (f) => f.feeNoticeSent,
};

/**
 * The actions `parties` may take in state `from` (for showing buttons): state and role, and not a
 * step already taken that can be taken only once (`done`); the other preconditions are checked, with
 * reasons, when the action is submitted.
 */
export function availableActions(from: RequestState, parties: ReadonlySet<Party>, done?: OnceFacts): Action[] {
  return ACTIONS.filter(
    (a) => TRANSITIONS.some((t) => t.action === a && t.from.includes(from) && t.who.some((p) => parties.has(p))) && !(done && TAKEN_ONCE[a]?.(done)),
  );
}
