// The states of a message (诉求) and the ONE table of allowed transitions, after the closed loop
// 受理 → 派单 → 签收 → 办理 → 回复 → 审核 → 回访 → 办结 (国办发〔2020〕53号; 潍坊 12345 办法 第十六条至第二十五条;
// regulation-wave2.md §4.3), with 退单, 延期, 终止, 督办 and 重办. A refused transition returns readable
// Chinese reasons. Pure code: the service computes the facts and the actor's parties.

export const MESSAGE_STATES = ['received', 'dispatched', 'handling', 'return_requested', 'termination_requested', 'replied', 'visiting', 'closed', 'terminated', 'refused', 'transferred'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const STATE_LABELS: Record<MessageState, string> = {
  received: '已受理',
  dispatched: '已派单',
  handling: '办理中',
  return_requested: '退单审核中',
  termination_requested: '终止审核中',
  replied: '回复待审核',
  visiting: '待回访',
  closed: '已办结',
  terminated: '已终止',
  refused: '不予受理',
  transferred: '已转依申请公开',
};

export const OPEN_STATES: readonly MessageState[] = ['received', 'dispatched', 'handling', 'return_requested', 'termination_requested', 'replied', 'visiting'];
/** States in which the handling unit's time limit runs (回复 not yet given). */
export const HANDLING_STATES: readonly MessageState[] = ['dispatched', 'handling', 'return_requested', 'termination_requested'];

export function isMessageState(s: unknown): s is MessageState {
  return typeof s === 'string' && (MESSAGE_STATES as readonly string[]).includes(s);
}

/** Who someone is in relation to one message (computed by the service). */
export type Party =
  | 'caller' // 诉求人, proved by 编号 + 查询码
  | 'dispatcher' // 政务公开办 / 热线机构: 受理、派单、审核、回访、督办
  | 'main_unit' // staff of the 主办单位
  | 'assist_unit' // staff of a 协办单位
  | 'system'; // scheduled jobs

export const PARTY_LABELS: Record<Party, string> = { caller: '诉求人', dispatcher: '政务公开办（热线机构）', main_unit: '主办单位', assist_unit: '协办单位', system: '系统' };

export const ACTIONS = [
  'answer_now',
  'refuse',
  'transfer_request',
  'dispatch',
  'sign',
  'request_return',
  'approve_return',
  'reject_return',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'assist_opinion',
  'reply',
  'approve_reply',
  'return_reply',
  'record_visit',
  'redo',
  'request_termination',
  'approve_termination',
  'reject_termination',
  'supervise',
  'urge',
  'publish',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  answer_now: '即时答复并办结',
  refuse: '不予受理',
  transfer_request: '转依申请公开办理',
  dispatch: '派单',
  sign: '签收',
  request_return: '申请退单',
  approve_return: '同意退单并改派',
  reject_return: '驳回退单',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  reject_extension: '不同意延期',
  assist_opinion: '提交协办意见',
  reply: '回复',
  approve_reply: '审核通过',
  return_reply: '审核退回',
  record_visit: '登记回访结果',
  redo: '不满意，退回重办',
  request_termination: '申请终止办理',
  approve_termination: '同意终止办理',
  reject_termination: '不同意终止',
  supervise: '督办',
  urge: '催办',
  publish: '公开选登',
};

export type Satisfaction = 'satisfied' | 'basically' | 'unsatisfied';
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** What the preconditions look at; the service fills in what it knows. */
export interface TransitionFacts {
  today: string;
  actorId: number | null;
  dueOn: string | null;
  /** dispatch / approve_return: the unit chosen as 主办单位. */
  newUnitId?: number | null;
  currentUnitId: number | null;
  /** The dispatcher named the unit after a 退单 dispute: it cannot be returned again (第二十二条). */
  designated: boolean;
  /** The main unit has signed for it (签收). */
  signed: boolean;
  extensionPending: boolean;
  extensionRequestedBy: number | null;
  /** 重办 already used once. */
  redone: boolean;
  /** The reason or text the action needs is given. */
  hasText: boolean;
  /** record_visit: the rating; publish: the caller allowed publication. */
  satisfaction?: Satisfaction | null;
  publicationAllowed?: boolean;
  published?: boolean;
}

interface Transition {
  action: Action;
  from: readonly MessageState[];
  to: MessageState | 'same';
  who: readonly Party[];
  /** Routing between rows of the same action (not a refusal). */
  when?: (f: TransitionFacts) => boolean;
  pre: readonly ((f: TransitionFacts) => string | null)[];
}

const needText = (what: string) => (f: TransitionFacts) => (f.hasText ? null : `请填写${what}`);
const needNewUnit = (f: TransitionFacts) => (!f.newUnitId ? '请选择主办单位' : null);
const needOtherUnit = (f: TransitionFacts) => (!f.newUnitId ? '请选择改派的主办单位' : f.newUnitId === f.currentUnitId ? '改派单位不能是申请退单的单位' : null);
const notDesignated = (f: TransitionFacts) => (f.designated ? '该诉求已由政务公开办指定承办单位，指定后不得退回（潍坊12345办法第二十二条）' : null);
const beforeDue = (f: TransitionFacts) => (f.dueOn && f.today > f.dueOn ? `延期应当在办理期限届满（${f.dueOn}）前申请` : null);
const noPendingExtension = (f: TransitionFacts) => (f.extensionPending ? '已有待审批的延期申请' : null);
const pendingExtension = (f: TransitionFacts) => (f.extensionPending ? null : '没有待审批的延期申请');
const notOwnExtension = (f: TransitionFacts) => (f.extensionRequestedBy !== null && f.actorId !== null && f.extensionRequestedBy === f.actorId ? '不能审批自己提出的延期申请' : null);
const needRating = (f: TransitionFacts) => (f.satisfaction ? null : '请选择满意度');
const notRedone = (f: TransitionFacts) => (f.redone ? '该诉求已重办过一次；再次不满意的，登记回访结果后办结' : null);
const mayPublish = (f: TransitionFacts) => (f.publicationAllowed === false ? '诉求人不同意公开，不能选登' : f.published ? '已经公开选登' : null);

/** THE transition table. */
export const TRANSITIONS: readonly Transition[] = [
  // 潍坊 第十八条: 能即时答复的即时答复 (知识库), 不能的及时转交承办单位.
  { action: 'answer_now', from: ['received'], to: 'closed', who: ['dispatcher'], pre: [needText('答复内容')] },
  // 第十九条: 不予受理, 说明理由并告知途径.
  { action: 'refuse', from: ['received'], to: 'refused', who: ['dispatcher'], pre: [] },
  // 第十九条: 依法应当通过政府信息公开程序解决的 — routed into 依申请公开 as a request (条例 第二十九条),
  // also when a unit finds it out while handling; the item closes with the link.
  { action: 'transfer_request', from: ['received', 'dispatched', 'handling'], to: 'transferred', who: ['dispatcher'], pre: [] },
  // 第十六条 归口办理: 派单 to a 主办单位 (协办单位 optional, 第二十二条).
  { action: 'dispatch', from: ['received'], to: 'dispatched', who: ['dispatcher'], pre: [needNewUnit] },
  { action: 'sign', from: ['dispatched'], to: 'handling', who: ['main_unit'], pre: [] },
  // 第二十二条: 明确不属于本单位职责 → 申请退回; 热线机构审核, 可直接指定承办单位, 指定后不得退回.
  { action: 'request_return', from: ['dispatched', 'handling'], to: 'return_requested', who: ['main_unit'], pre: [notDesignated, needText('退单理由（不属于本单位职责的依据）')] },
  { action: 'approve_return', from: ['return_requested'], to: 'dispatched', who: ['dispatcher'], pre: [needOtherUnit] },
  { action: 'reject_return', from: ['return_requested'], to: 'handling', who: ['dispatcher'], when: (f) => f.signed, pre: [needText('驳回理由')] },
  { action: 'reject_return', from: ['return_requested'], to: 'dispatched', who: ['dispatcher'], when: (f) => !f.signed, pre: [needText('驳回理由')] },
  // 延期须在到期前申请并经热线督查中心同意 (regulation-wave2.md §4.3).
  { action: 'request_extension', from: ['handling'], to: 'same', who: ['main_unit'], pre: [beforeDue, noPendingExtension, needText('延期理由')] },
  { action: 'approve_extension', from: ['handling', 'return_requested', 'termination_requested'], to: 'same', who: ['dispatcher'], pre: [pendingExtension, notOwnExtension] },
  { action: 'reject_extension', from: ['handling', 'return_requested', 'termination_requested'], to: 'same', who: ['dispatcher'], pre: [pendingExtension, notOwnExtension] },
  { action: 'assist_opinion', from: ['dispatched', 'handling'], to: 'same', who: ['assist_unit'], pre: [needText('协办意见')] },
  { action: 'reply', from: ['handling'], to: 'replied', who: ['main_unit'], pre: [needText('回复内容')] },
  // 济南 第二十七条: 热线机构逐一审核反馈, 回访核实并请其评价; 应办未办 → 退回再次办理.
  { action: 'approve_reply', from: ['replied'], to: 'visiting', who: ['dispatcher'], pre: [] },
  { action: 'return_reply', from: ['replied'], to: 'handling', who: ['dispatcher'], pre: [needText('退回理由')] },
  { action: 'record_visit', from: ['visiting'], to: 'closed', who: ['dispatcher', 'caller'], when: (f) => f.satisfaction !== 'unsatisfied' || f.redone, pre: [needRating] },
  { action: 'record_visit', from: ['visiting'], to: 'same', who: ['dispatcher', 'caller'], when: (f) => f.satisfaction === 'unsatisfied' && !f.redone, pre: [needRating, () => '评价为不满意的，请选择“退回重办”并说明理由'] },
  { action: 'redo', from: ['visiting'], to: 'handling', who: ['dispatcher', 'caller'], pre: [notRedone, needText('不满意的理由')] },
  // 第二十一条: 终止办理 → 书面提请热线机构审核后终止.
  { action: 'request_termination', from: ['handling'], to: 'termination_requested', who: ['main_unit'], pre: [needText('终止理由')] },
  { action: 'approve_termination', from: ['termination_requested'], to: 'terminated', who: ['dispatcher'], pre: [] },
  { action: 'reject_termination', from: ['termination_requested'], to: 'handling', who: ['dispatcher'], pre: [needText('不同意的理由')] },
  // 第二十六条 督办 (日常督办, 挂牌督办); 到期前催办、到期次日催办通知.
  { action: 'supervise', from: OPEN_STATES, to: 'same', who: ['dispatcher'], pre: [needText('督办意见')] },
  { action: 'urge', from: ['dispatched', 'handling'], to: 'same', who: ['dispatcher', 'system'], pre: [] },
  // 公开选登 (regulation.md §7.2): only with the caller's consent.
  { action: 'publish', from: ['closed'], to: 'same', who: ['dispatcher'], pre: [mayPublish] },
];

export type TransitionCheck = { ok: true; to: MessageState } | { ok: false; reasons: string[] };

export function checkTransition(action: Action, from: MessageState, parties: ReadonlySet<Party>, facts: TransitionFacts): TransitionCheck {
  const rows = TRANSITIONS.filter((t) => t.action === action);
  if (!rows.length) return { ok: false, reasons: [`未知操作：${String(action)}`] };
  const inState = rows.filter((t) => t.from.includes(from));
  if (!inState.length) {
    const allowed = [...new Set(rows.flatMap((t) => t.from))].map((s) => STATE_LABELS[s]).join('、');
    return { ok: false, reasons: [`诉求当前为“${STATE_LABELS[from]}”，不能${ACTION_LABELS[action]}（仅限：${allowed}）`] };
  }
  const row = inState.find((t) => !t.when || t.when(facts)) ?? inState[0]!;
  const reasons: string[] = [];
  if (!row.who.some((p) => parties.has(p))) reasons.push(`只有${row.who.map((p) => PARTY_LABELS[p]).join('、')}可以${ACTION_LABELS[action]}`);
  for (const p of row.pre) {
    const r = p(facts);
    if (r) reasons.push(r);
  }
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, to: row.to === 'same' ? from : row.to };
}

/** The actions `parties` may take in state `from` (buttons); preconditions are checked on submit. */
export function availableActions(from: MessageState, parties: ReadonlySet<Party>): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS.some((t) => t.action === a && t.from.includes(from) && t.who.some((p) => parties.has(p))));
}
