// The statutory clock of an information request: a ledger of dated events → the due date (答复期限)
// and an explanation a person can follow. Pure: the calendar and `today` are arguments.
//
// Rules (《政府信息公开条例》, reference/regulation.md §1.6 and §1.9):
// - 第三十三条: reply within 20 working days of receipt; the start day is not counted (《民法典》第二百零一条).
// - 第三十条: a 补正 notice within 7 working days of receipt, once; the 20 days start again from the day
//   the corrected application is received; no correction within the period → 视为放弃申请.
// - 第三十三条第三款, 第三十二条, 第三十四条: time spent consulting a third party or another agency is not
//   counted; they answer within 15 working days.
// - 第三十三条第二款: one extension of at most 20 working days (approved by the head of the openness office).
// - 国办函〔2020〕109号: 20 working days to pay a fee notice; non-payment → 视为放弃申请; whether the wait
//   stops the clock is a setting (regulation.md §1.8: UNVERIFIED; default: it stops).
import { workdayIndex, type WorkdayIndex } from './workdays.ts';
import { isProvisionalDate, type WorkCalendar } from '../../../core/calendar/working-days.ts';

/** 第三十三条第二款: 自收到申请之日起20个工作日内予以答复. */
export const REPLY_WORKING_DAYS = 20;
/** 第三十条: 收到申请之日起7个工作日内一次性告知申请人补正. */
export const CLARIFICATION_NOTICE_WORKING_DAYS = 7;
/** 第三十三条第二款: 延长答复的期限最长不得超过20个工作日. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 第三十二条: 第三方自收到征求意见书之日起15个工作日内提出意见; 第三十四条: 其他机关15个工作日内. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 国办函〔2020〕109号 (as implemented, regulation.md §1.8): 20个工作日内缴纳. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

export type ConsultationParty = 'third_party' | 'agency';

export const CONSULTATION_PARTY_LABELS: Record<ConsultationParty, string> = {
  third_party: '第三方',
  agency: '其他机关',
};

export type ClockEvent =
  | { kind: 'received'; on: string }
  | { kind: 'clarification_sent'; on: string; correctBy: string; lateReason?: string }
  | { kind: 'correction_received'; on: string; lateReason?: string }
  | { kind: 'correction_lapsed'; on: string }
  | { kind: 'consultation_sent'; on: string; ref: string; party: ConsultationParty; partyName?: string }
  | { kind: 'consultation_answered'; on: string; ref: string; noAnswer?: boolean }
  | { kind: 'extension_approved'; on: string; days: number }
  | { kind: 'fee_notice_sent'; on: string; amountYuan?: number }
  | { kind: 'fee_paid'; on: string }
  | { kind: 'fee_lapsed'; on: string }
  | { kind: 'withdrawn'; on: string }
  | { kind: 'replied'; on: string };

export type ClockEventKind = ClockEvent['kind'];

export const CLOCK_EVENT_LABELS: Record<ClockEventKind, string> = {
  received: '收到申请',
  clarification_sent: '发出补正告知',
  correction_received: '收到补正后的申请',
  correction_lapsed: '逾期未补正',
  consultation_sent: '发出征求意见',
  consultation_answered: '收到征求意见答复',
  extension_approved: '批准延期答复',
  fee_notice_sent: '发出收费通知',
  fee_paid: '申请人缴费',
  fee_lapsed: '逾期未缴费',
  withdrawn: '申请人撤回申请',
  replied: '作出答复',
};

export interface ClockOptions {
  /** Whether waiting for a fee payment stops the clock (setting; default true). */
  feePausesClock: boolean;
}

export const DEFAULT_CLOCK_OPTIONS: ClockOptions = { feePausesClock: true };

export type ClockStatus = 'not_received' | 'running' | 'paused' | 'awaiting_correction' | 'closed';
export type ClosedBy = 'replied' | 'withdrawn' | 'no_correction' | 'no_payment';

export interface ClockStep {
  on: string;
  kind: ClockEventKind;
  label: string;
  /** What the event did to the clock, in plain Chinese. */
  effect: string;
  /** Working days of the period used up to this event (null before receipt / while awaiting correction). */
  counted: number | null;
  /** Working days not counted so far (completed pauses). */
  paused: number;
  /** The due date after this event (null while stopped). */
  dueOn: string | null;
  basis: string;
}

export interface ConsultationDeadline {
  ref: string;
  party: ConsultationParty;
  partyName: string;
  sentOn: string;
  answerBy: string;
  answeredOn: string | null;
  noAnswer: boolean;
  /** Working days not counted because of this consultation (0 while open). */
  pausedDays: number;
}

export interface ClockResult {
  status: ClockStatus;
  receivedOn: string | null;
  /** The day the current 20-working-day period starts (receipt, or the corrected application). */
  startOn: string | null;
  startBasis: string | null;
  extensionDays: number;
  /** Working days not counted (completed consultation / fee pauses since startOn). */
  pausedDays: number;
  /** 20 + extension + paused. */
  totalDays: number;
  dueOn: string | null;
  pausedSince: string | null;
  pausedFor: ('consultation' | 'fee')[];
  /** Working days left when the clock stopped (paused or overdue: 0). */
  remainingAtPause: number | null;
  closedOn: string | null;
  closedBy: ClosedBy | null;
  /** For a closed request: working days counted from startOn to closing, pauses excluded. */
  workingDaysTaken: number | null;
  /** For a replied request: replied on or before the due date. */
  onTime: boolean | null;
  clarification: {
    sentOn: string;
    noticeBy: string;
    late: boolean;
    lateReason: string | null;
    correctBy: string;
    correctedOn: string | null;
  } | null;
  /** 第三十条 deadline for a 补正 notice (receipt + 7 working days), while one may still be sent. */
  clarificationNoticeBy: string | null;
  consultations: ConsultationDeadline[];
  fee: { sentOn: string; payBy: string; paidOn: string | null; pausedDays: number } | null;
  extension: { on: string; days: number } | null;
  flags: string[];
  steps: ClockStep[];
  /** How the due date was computed, in one sentence. */
  summary: string;
  /**
   * The due date lies in a year whose holiday schedule is not entered yet: counted with weekends and
   * the statutory holidays without 调休 (core/calendar/provisional.ts), 暂定 until the year is entered.
   */
  dueProvisional: boolean;
}

const BASIS = {
  received: '《政府信息公开条例》第三十一条、第三十三条',
  clarification: '《政府信息公开条例》第三十条',
  consultation: '《政府信息公开条例》第三十二条、第三十三条第三款、第三十四条',
  extension: '《政府信息公开条例》第三十三条第二款',
  fee: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  withdrawn: '申请人撤回申请',
  replied: '《政府信息公开条例》第三十三条、第三十六条',
} as const;

interface Pause {
  since: string;
  consultations: Set<string>;
  fee: boolean;
}

interface Fold {
  idx: WorkdayIndex;
  opts: ClockOptions;
  explain: boolean;
  receivedOn: string | null;
  startOn: string | null;
  startBasis: string | null;
  extension: { on: string; days: number } | null;
  pausedDays: number;
  pause: Pause | null;
  clarification: ClockResult['clarification'];
  consultations: Map<string, ConsultationDeadline>;
  fee: ClockResult['fee'];
  closed: { on: string; by: ClosedBy } | null;
  lastOn: string | null;
  flags: string[];
  steps: ClockStep[];
  workingDaysTaken: number | null;
  onTime: boolean | null;
}

function newFold(cal: WorkCalendar, opts: ClockOptions, explain: boolean): Fold {
  return {
    idx: workdayIndex(cal),
    opts,
    explain,
    receivedOn: null,
    startOn: null,
    startBasis: null,
    extension: null,
    pausedDays: 0,
    pause: null,
    clarification: null,
    consultations: new Map(),
    fee: null,
    closed: null,
    lastOn: null,
    flags: [],
    steps: [],
    workingDaysTaken: null,
    onTime: null,
  };
}

function awaitingCorrection(f: Fold): boolean {
  return !!f.clarification && f.clarification.correctedOn === null && !f.closed;
}

function totalDays(f: Fold): number {
  return REPLY_WORKING_DAYS + (f.extension?.days ?? 0) + f.pausedDays;
}

/** The due date while the clock runs (null when not started, stopped for 补正, or paused). */
function runningDue(f: Fold): string | null {
  if (!f.startOn || awaitingCorrection(f) || f.pause) return null;
  return f.idx.add(f.startOn, totalDays(f));
}

/** The due date ignoring an ongoing pause (what it was when the pause began). */
function dueIgnoringPause(f: Fold): string | null {
  if (!f.startOn || awaitingCorrection(f)) return null;
  return f.idx.add(f.startOn, totalDays(f));
}

function counted(f: Fold, on: string): number | null {
  if (!f.startOn || awaitingCorrection(f)) return null;
  const until = f.pause ? f.pause.since : on;
  return f.idx.between(f.startOn, until) - f.pausedDays;
}

function step(f: Fold, e: ClockEvent, effect: string, basis: string): void {
  if (!f.explain) return;
  f.steps.push({
    on: e.on,
    kind: e.kind,
    label: CLOCK_EVENT_LABELS[e.kind],
    effect,
    counted: counted(f, e.on),
    paused: f.pausedDays,
    dueOn: runningDue(f),
    basis,
  });
}

function beginPause(f: Fold, on: string, what: { consultation?: string; fee?: boolean }): string {
  if (f.pause) {
    if (what.consultation) f.pause.consultations.add(what.consultation);
    if (what.fee) f.pause.fee = true;
    return '期限已处于暂停状态，继续暂停';
  }
  const due = dueIgnoringPause(f);
  if (due !== null && on > due) {
    // The period had already run out: a later consultation or fee notice does not revive it.
    f.flags.push(`${on} 开始的${what.fee ? '缴费等待' : '征求意见'}晚于答复期限 ${due}，不再暂停计算（已逾期）`);
    return `答复期限 ${due} 已届满，不暂停计算`;
  }
  f.pause = { since: on, consultations: new Set(what.consultation ? [what.consultation] : []), fee: !!what.fee };
  const left = due === null ? 0 : f.idx.between(on, due);
  return `自次日起暂停计算，尚余 ${left} 个工作日`;
}

/** Ends one reason of the pause; returns the working days added when the whole pause ends. */
function endPause(f: Fold, on: string, what: { consultation?: string; fee?: boolean }): { ended: boolean; days: number } {
  const p = f.pause;
  if (!p) return { ended: false, days: 0 };
  if (what.consultation) p.consultations.delete(what.consultation);
  if (what.fee) p.fee = false;
  if (p.consultations.size || p.fee) return { ended: false, days: 0 };
  const days = f.idx.between(p.since, on);
  f.pausedDays += days;
  f.pause = null;
  return { ended: true, days };
}

/** Reasons an event may not be added to the ledger; empty when it may. */
function problems(f: Fold, e: ClockEvent, today: string): string[] {
  const out: string[] = [];
  const label = CLOCK_EVENT_LABELS[e.kind];
  try {
    f.idx.add(e.on, 0);
  } catch (err) {
    return [`${label}日期无效：${err instanceof Error ? err.message : String(err)}`];
  }
  if (e.on > today) out.push(`${label}日期 ${e.on} 晚于今天（${today}），不能登记将来的日期`);
  if (f.lastOn && e.on < f.lastOn) out.push(`${label}日期 ${e.on} 早于上一事件日期 ${f.lastOn}`);
  if (e.kind !== 'received' && !f.receivedOn) return [...out, '尚未确定收到申请之日，不能记录其他事件'];
  if (f.closed) return [...out, `该申请已于 ${f.closed.on} ${CLOSED_VERBS[f.closed.by]}，办理已结束，不能再记录事件`];
  const pendingCorrection = awaitingCorrection(f);
  switch (e.kind) {
    case 'received':
      if (f.receivedOn) out.push(`收到申请之日已确定为 ${f.receivedOn}，不能重复登记`);
      break;
    case 'clarification_sent': {
      // 第三十条: 一次性告知.
      if (f.clarification) out.push(`已于 ${f.clarification.sentOn} 发出补正告知，依照第三十条只能一次性告知补正`);
      if (f.extension || f.consultations.size || f.fee) out.push('已延期、征求意见或发出收费通知后，不能再要求补正');
      if (!/\S/.test(e.correctBy ?? '')) out.push('请填写补正期限');
      else if (!isDate(f, e.correctBy)) out.push(`补正期限“${e.correctBy}”不是有效日期`);
      else if (e.correctBy <= e.on) out.push('补正期限应晚于发出补正告知之日');
      const noticeBy = f.idx.add(f.receivedOn!, CLARIFICATION_NOTICE_WORKING_DAYS);
      if (e.on > noticeBy && !e.lateReason?.trim()) {
        out.push(`补正告知应当在收到申请之日起7个工作日内（即 ${noticeBy} 前）发出；逾期发出须记录理由`);
      }
      break;
    }
    case 'correction_received':
      if (!pendingCorrection) out.push('没有待补正的告知，不能记录补正');
      else if (e.on > f.clarification!.correctBy && !e.lateReason?.trim()) {
        out.push(`补正期限 ${f.clarification!.correctBy} 已过；申请人有正当理由逾期补正的，须记录理由`);
      }
      break;
    case 'correction_lapsed':
      if (!pendingCorrection) out.push('没有待补正的告知');
      else if (e.on <= f.clarification!.correctBy) out.push(`补正期限 ${f.clarification!.correctBy} 尚未届满，不能按逾期不补正处理`);
      break;
    case 'consultation_sent':
      if (pendingCorrection) out.push('申请人尚未补正，不能征求意见');
      if (!e.ref) out.push('征求意见缺少编号');
      else if (f.consultations.has(e.ref)) out.push(`征求意见 ${e.ref} 已经发出`);
      break;
    case 'consultation_answered': {
      const c = f.consultations.get(e.ref);
      if (!c) out.push(`没有编号为 ${e.ref} 的征求意见`);
      else if (c.answeredOn) out.push(`征求意见 ${e.ref} 已于 ${c.answeredOn} 记录答复`);
      else if (e.noAnswer && e.on <= c.answerBy) {
        out.push(`${CONSULTATION_PARTY_LABELS[c.party]}提出意见的期限 ${c.answerBy} 尚未届满，不能按逾期未提出意见处理`);
      }
      break;
    }
    case 'extension_approved': {
      if (f.extension) out.push(`已于 ${f.extension.on} 延期 ${f.extension.days} 个工作日；依照第三十三条只能延期一次`);
      if (!Number.isInteger(e.days) || e.days < 1) out.push('延期天数应为 1 至 20 的整数（工作日）');
      else if (e.days > MAX_EXTENSION_WORKING_DAYS) out.push(`延期最长不得超过20个工作日（第三十三条），申请的是 ${e.days} 个工作日`);
      if (pendingCorrection) out.push('申请人尚未补正，不能延期');
      const due = runningDue(f);
      if (due !== null && e.on > due) out.push(`答复期限 ${due} 已届满，不能再批准延期`);
      break;
    }
    case 'fee_notice_sent':
      if (f.fee) out.push(`已于 ${f.fee.sentOn} 发出收费通知`);
      if (pendingCorrection) out.push('申请人尚未补正，不能发出收费通知');
      if (e.amountYuan !== undefined && (!Number.isInteger(e.amountYuan) || e.amountYuan <= 0)) out.push('收费金额应为正整数（元）');
      break;
    case 'fee_paid':
      if (!f.fee || f.fee.paidOn) out.push('没有待缴费的收费通知');
      else if (e.on > f.fee.payBy) out.push(`缴费期限 ${f.fee.payBy} 已过，逾期未缴纳的视为放弃申请`);
      break;
    case 'fee_lapsed':
      if (!f.fee || f.fee.paidOn) out.push('没有待缴费的收费通知');
      else if (e.on <= f.fee.payBy) out.push(`缴费期限 ${f.fee.payBy} 尚未届满`);
      break;
    case 'replied':
      if (pendingCorrection) out.push('申请人尚未补正：请等待补正，或在补正期限届满后按逾期不补正处理');
      if (f.pause?.consultations.size) out.push('尚有征求意见未答复，请先记录答复或逾期未提出意见');
      if (f.fee && !f.fee.paidOn) out.push('尚在等待申请人缴费');
      break;
    case 'withdrawn':
      break;
  }
  return out;
}

function isDate(f: Fold, s: string): boolean {
  try {
    f.idx.add(s, 0);
    return true;
  } catch {
    return false;
  }
}

const CLOSED_VERBS: Record<ClosedBy, string> = {
  replied: '答复',
  withdrawn: '撤回',
  no_correction: '因申请人逾期不补正终止',
  no_payment: '因申请人逾期未缴费终止',
};

export const CLOSED_LABELS: Record<ClosedBy, string> = {
  replied: '已答复',
  withdrawn: '已撤回',
  no_correction: '因申请人逾期不补正终止',
  no_payment: '因申请人逾期未缴费终止',
};

function apply(f: Fold, e: ClockEvent): void {
  f.lastOn = e.on;
  switch (e.kind) {
    case 'received': {
      f.receivedOn = e.on;
      f.startOn = e.on;
      f.startBasis = '收到申请之日';
      const due = f.idx.add(e.on, REPLY_WORKING_DAYS);
      step(f, e, `收到申请之日为 ${e.on}，当日不计入，自次日起计算20个工作日，答复期限 ${due}`, BASIS.received);
      return;
    }
    case 'clarification_sent': {
      const noticeBy = f.idx.add(f.receivedOn!, CLARIFICATION_NOTICE_WORKING_DAYS);
      const late = e.on > noticeBy;
      f.clarification = { sentOn: e.on, noticeBy, late, lateReason: e.lateReason?.trim() || null, correctBy: e.correctBy, correctedOn: null };
      if (late) f.flags.push(`补正告知于 ${e.on} 发出，晚于7个工作日期限 ${noticeBy}（理由：${e.lateReason?.trim() ?? ''}）`);
      step(
        f,
        e,
        `一次性告知申请人补正，补正期限至 ${e.correctBy}；答复期限停止计算，自收到补正后的申请之日起重新计算${late ? `（逾期告知：应于 ${noticeBy} 前发出）` : ''}`,
        BASIS.clarification,
      );
      return;
    }
    case 'correction_received': {
      const c = f.clarification!;
      c.correctedOn = e.on;
      f.startOn = e.on;
      f.startBasis = '收到补正后的申请之日';
      f.pausedDays = 0;
      if (e.on > c.correctBy) f.flags.push(`申请人于补正期限 ${c.correctBy} 后补正（正当理由：${e.lateReason?.trim() ?? ''}）`);
      step(f, e, `收到补正后的申请，自 ${e.on} 次日起重新计算20个工作日，答复期限 ${f.idx.add(e.on, totalDays(f))}`, BASIS.clarification);
      return;
    }
    case 'correction_lapsed': {
      f.closed = { on: e.on, by: 'no_correction' };
      step(f, e, `补正期限 ${f.clarification!.correctBy} 届满未补正，视为放弃申请，不再处理`, BASIS.clarification);
      return;
    }
    case 'consultation_sent': {
      const answerBy = f.idx.add(e.on, CONSULTATION_WORKING_DAYS);
      f.consultations.set(e.ref, { ref: e.ref, party: e.party, partyName: e.partyName ?? '', sentOn: e.on, answerBy, answeredOn: null, noAnswer: false, pausedDays: 0 });
      const effect = beginPause(f, e.on, { consultation: e.ref });
      const name = e.partyName ? `（${e.partyName}）` : '';
      step(f, e, `书面征求${CONSULTATION_PARTY_LABELS[e.party]}${name}意见，应于 ${answerBy} 前答复；征求意见所需时间不计入答复期限：${effect}`, BASIS.consultation);
      return;
    }
    case 'consultation_answered': {
      const c = f.consultations.get(e.ref)!;
      c.answeredOn = e.on;
      c.noAnswer = !!e.noAnswer;
      const wasPaused = !!f.pause?.consultations.has(e.ref);
      const sinceBefore = f.pause?.since;
      const r = endPause(f, e.on, { consultation: e.ref });
      c.pausedDays = wasPaused && sinceBefore ? f.idx.between(sinceBefore, e.on) : 0;
      const what = e.noAnswer
        ? `${CONSULTATION_PARTY_LABELS[c.party]}逾期未提出意见${c.party === 'agency' ? '，视为同意公开（第三十四条）' : '，由行政机关依照条例决定（第三十二条）'}`
        : `收到${CONSULTATION_PARTY_LABELS[c.party]}意见`;
      const effect = r.ended
        ? `暂停 ${r.days} 个工作日（${sinceBefore} 次日至 ${e.on}），恢复计算，答复期限顺延至 ${runningDue(f)}`
        : wasPaused
          ? '其他征求意见或缴费等待未结束，继续暂停'
          : '该征求意见未暂停期限';
      step(f, e, `${what}；${effect}`, BASIS.consultation);
      return;
    }
    case 'extension_approved': {
      f.extension = { on: e.on, days: e.days };
      const due = runningDue(f);
      step(f, e, `经政府信息公开工作机构负责人同意延期 ${e.days} 个工作日${due ? `，答复期限延至 ${due}` : '（期限暂停中，恢复后一并计算）'}`, BASIS.extension);
      return;
    }
    case 'fee_notice_sent': {
      const payBy = f.idx.add(e.on, FEE_PAYMENT_WORKING_DAYS);
      f.fee = { sentOn: e.on, payBy, paidOn: null, pausedDays: 0 };
      const amount = e.amountYuan !== undefined ? `${e.amountYuan} 元，` : '';
      const effect = f.opts.feePausesClock ? beginPause(f, e.on, { fee: true }) : '按本平台设置，等待缴费期间照常计算答复期限';
      step(f, e, `发出收费通知（${amount}应于 ${payBy} 前缴纳）；${effect}`, BASIS.fee);
      return;
    }
    case 'fee_paid': {
      const fee = f.fee!;
      fee.paidOn = e.on;
      const sinceBefore = f.pause?.since;
      const wasPaused = !!f.pause?.fee;
      const r = endPause(f, e.on, { fee: true });
      fee.pausedDays = wasPaused && sinceBefore ? f.idx.between(sinceBefore, e.on) : 0;
      const effect = r.ended
        ? `暂停 ${r.days} 个工作日（${sinceBefore} 次日至 ${e.on}），恢复计算，答复期限顺延至 ${runningDue(f)}`
        : wasPaused
          ? '尚有征求意见未答复，继续暂停'
          : '答复期限不变';
      step(f, e, `申请人已缴费；${effect}`, BASIS.fee);
      return;
    }
    case 'fee_lapsed': {
      f.closed = { on: e.on, by: 'no_payment' };
      step(f, e, `缴费期限 ${f.fee!.payBy} 届满未缴纳，视为放弃申请，不再处理`, BASIS.fee);
      return;
    }
    case 'withdrawn':
    case 'replied': {
      const due = dueIgnoringPause(f);
      const used = counted(f, e.on);
      // A pause still open at closing (e.g. a withdrawal during consultation) ends with it.
      closeOpenPause(f, e.on);
      f.closed = { on: e.on, by: e.kind };
      f.workingDaysTaken = used;
      if (e.kind === 'replied') {
        f.onTime = due !== null && e.on <= due;
        if (!f.onTime && due) f.flags.push(`答复日期 ${e.on} 晚于答复期限 ${due}（逾期 ${f.idx.between(due, e.on)} 个工作日）`);
      }
      const timing =
        e.kind === 'replied' && due
          ? f.onTime
            ? `在答复期限 ${due} 内答复，计用 ${used} 个工作日`
            : `超过答复期限 ${due}，逾期 ${f.idx.between(due, e.on)} 个工作日`
          : `已计用 ${used ?? 0} 个工作日`;
      step(f, e, `${e.kind === 'replied' ? '作出答复' : '申请人撤回申请'}，办理结束；${timing}`, e.kind === 'replied' ? BASIS.replied : BASIS.withdrawn);
      return;
    }
  }
}

function closeOpenPause(f: Fold, on: string): void {
  if (!f.pause) return;
  f.pausedDays += f.idx.between(f.pause.since, on);
  f.pause = null;
}

function result(f: Fold): Omit<ClockResult, 'dueProvisional'> {
  const status: ClockStatus = !f.receivedOn ? 'not_received' : f.closed ? 'closed' : awaitingCorrection(f) ? 'awaiting_correction' : f.pause ? 'paused' : 'running';
  const dueOn = f.closed ? dueAtClose(f) : runningDue(f);
  const remainingAtPause = f.pause ? Math.max(0, f.idx.between(f.pause.since, dueIgnoringPause(f)!)) : null;
  const clarificationNoticeBy = f.receivedOn && !f.clarification && !f.closed ? f.idx.add(f.receivedOn, CLARIFICATION_NOTICE_WORKING_DAYS) : null;
  return {
    status,
    receivedOn: f.receivedOn,
    startOn: f.startOn,
    startBasis: f.startBasis,
    extensionDays: f.extension?.days ?? 0,
    pausedDays: f.pausedDays,
    totalDays: totalDays(f),
    dueOn,
    pausedSince: f.pause?.since ?? null,
    pausedFor: f.pause ? [...(f.pause.consultations.size ? (['consultation'] as const) : []), ...(f.pause.fee ? (['fee'] as const) : [])] : [],
    remainingAtPause,
    closedOn: f.closed?.on ?? null,
    closedBy: f.closed?.by ?? null,
    workingDaysTaken: f.workingDaysTaken,
    onTime: f.onTime,
    clarification: f.clarification,
    clarificationNoticeBy,
    consultations: [...f.consultations.values()],
    fee: f.fee,
    extension: f.extension,
    flags: f.flags,
    steps: f.steps,
    summary: summary(f, status, dueOn),
  };
}

function dueAtClose(f: Fold): string | null {
  if (!f.startOn || (f.clarification && f.clarification.correctedOn === null)) return null;
  return f.idx.add(f.startOn, totalDays(f));
}

function summary(f: Fold, status: ClockStatus, dueOn: string | null): string {
  if (status === 'not_received') return '尚未确定收到申请之日（第三十一条），答复期限未开始计算。';
  if (status === 'awaiting_correction') {
    return `已于 ${f.clarification!.sentOn} 告知补正，答复期限停止计算；收到补正后的申请之日起重新计算20个工作日（第三十条）。补正期限至 ${f.clarification!.correctBy}。`;
  }
  const parts = [`${f.startBasis} ${f.startOn}（当日不计入）`, `+ 20 个工作日（第三十三条）`];
  if (f.extension) parts.push(`+ 延期 ${f.extension.days} 个工作日`);
  if (f.pausedDays) parts.push(`+ 暂停不计入的 ${f.pausedDays} 个工作日`);
  const formula = parts.join(' ');
  if (status === 'paused') {
    const remaining = f.idx.between(f.pause!.since, dueIgnoringPause(f)!);
    const why = [f.pause!.consultations.size ? '征求意见' : '', f.pause!.fee ? '等待缴费' : ''].filter(Boolean).join('、');
    return `${formula}；自 ${f.pause!.since} 次日起因${why}暂停计算，尚余 ${remaining} 个工作日，恢复后顺延。`;
  }
  if (status === 'closed' && f.closed!.by !== 'replied' && f.closed!.by !== 'withdrawn') {
    return `${CLOSED_LABELS[f.closed!.by]}（${f.closed!.on}）。`;
  }
  return `答复期限 ${dueOn} = ${formula}。`;
}

/**
 * Folds a ledger into the clock. The ledger must be valid (use `checkClockEvent` before appending);
 * an invalid ledger throws a RangeError naming the first bad event.
 */
export function computeClock(events: readonly ClockEvent[], cal: WorkCalendar, opts: ClockOptions = DEFAULT_CLOCK_OPTIONS, explain = true): ClockResult {
  const f = newFold(cal, opts, explain);
  for (const e of events) apply(f, e);
  const r = result(f);
  if (!r.dueOn || !isProvisionalDate(r.dueOn, cal)) return { ...r, dueProvisional: false };
  return { ...r, dueProvisional: true, summary: `${r.summary}${PROVISIONAL_NOTE.replace('{year}', r.dueOn.slice(0, 4))}` };
}

/** Said wherever a provisional due date is shown. */
export const PROVISIONAL_NOTE = '（暂定：{year}年节假日安排尚未录入，暂按周末和全部法定节假日（不含调休）计算，录入后自动重新计算）';

/**
 * Whether `next` may be appended to the ledger: an empty list when it may, otherwise the reasons in
 * plain Chinese. `today` refuses future dates (第三十一条: a receipt date cannot lie in the future).
 */
export function checkClockEvent(events: readonly ClockEvent[], next: ClockEvent, cal: WorkCalendar, today: string, opts: ClockOptions = DEFAULT_CLOCK_OPTIONS): string[] {
  const f = newFold(cal, opts, false);
  for (const e of events) apply(f, e);
  return problems(f, next, today);
}

/** Checks and appends; returns the new clock or the reasons for refusal. */
export function appendClockEvent(
  events: readonly ClockEvent[],
  next: ClockEvent,
  cal: WorkCalendar,
  today: string,
  opts: ClockOptions = DEFAULT_CLOCK_OPTIONS,
): { ok: true; events: ClockEvent[]; clock: ClockResult } | { ok: false; reasons: string[] } {
  const reasons = checkClockEvent(events, next, cal, today, opts);
  if (reasons.length) return { ok: false, reasons };
  const all = [...events, next];
  return { ok: true, events: all, clock: computeClock(all, cal, opts) };
}

export type DueStatus = 'not_started' | 'running' | 'due_soon' | 'due_today' | 'overdue' | 'paused' | 'awaiting_correction' | 'closed';

/** Due within this many working days counts as "due soon" on dashboards and in reminders. */
export const DUE_SOON_WORKING_DAYS = 3;

/** Where a request stands on `today`: for dashboards and reminders. */
export function dueStatus(clock: Pick<ClockResult, 'status' | 'dueOn'>, today: string, cal: WorkCalendar): { status: DueStatus; workingDaysLeft: number | null; overdueWorkingDays: number | null } {
  const idx = workdayIndex(cal);
  if (clock.status === 'closed') return { status: 'closed', workingDaysLeft: null, overdueWorkingDays: null };
  if (clock.status === 'paused') return { status: 'paused', workingDaysLeft: null, overdueWorkingDays: null };
  if (clock.status === 'awaiting_correction') return { status: 'awaiting_correction', workingDaysLeft: null, overdueWorkingDays: null };
  if (!clock.dueOn) return { status: 'not_started', workingDaysLeft: null, overdueWorkingDays: null };
  if (today > clock.dueOn) return { status: 'overdue', workingDaysLeft: 0, overdueWorkingDays: Math.max(1, idx.between(clock.dueOn, today)) };
  if (today === clock.dueOn) return { status: 'due_today', workingDaysLeft: 0, overdueWorkingDays: null };
  const left = idx.between(today, clock.dueOn);
  return { status: left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'running', workingDaysLeft: left, overdueWorkingDays: null };
}

/** The ledger as the applicant may see it: no names of third parties or other agencies. */
export function publicSteps(clock: ClockResult): { on: string; label: string; effect: string; dueOn: string | null }[] {
  return clock.steps.map((s) => ({ on: s.on, label: s.label, effect: s.kind === 'consultation_sent' || s.kind === 'consultation_answered' ? stripPartyName(s.effect) : s.effect, dueOn: s.dueOn }));
}

function stripPartyName(s: string): string {
  return s.replace(/（[^（）]*）意见/g, '意见');
}
