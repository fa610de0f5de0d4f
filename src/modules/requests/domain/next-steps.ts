// What the request page leads with: the one or two steps this person should take next, the letter a
// notice already sent still lacks, and — when the next step is someone else's — who must act. The
// state table (states.ts) stays the authority on what is allowed; this only orders and explains.
import { TRANSITIONS, type Action, type Party, type RequestState } from './states.ts';

export type LetterKind = 'clarification' | 'extension' | 'consultation' | 'fee' | 'reply';

export interface NextStepFacts {
  state: RequestState;
  parties: readonly Party[];
  /** What the viewer may do now (availableActions). */
  actions: readonly Action[];
  handlerName: string | null;
  receivedOn: string | null;
  today: string;
  /** 补正期限 (set once a 补正 was sent). */
  correctBy: string | null;
  /** 缴费期限 (set once a fee notice was sent). */
  feePayBy: string | null;
  /** The earliest answer date of the unanswered consultations. */
  consultationAnswerBy: string | null;
  extensionPending: boolean;
  /** Notices recorded by the service, and the letter kinds already sent for them. */
  noticesSent: readonly LetterKind[];
  lettersSent: readonly LetterKind[];
}

export interface NextSteps {
  /** Shown open, in this order (at most two). */
  primary: Action[];
  /** A notice that went out without its letter: generate it next. */
  letter: LetterKind | null;
  /** Who must act next, when it is not this person (plain words), else null. */
  waitingFor: string | null;
}

/** The action whose sending makes each letter (the letter's author is whoever may take it). */
const LETTER_ACTION: Record<LetterKind, Action> = {
  clarification: 'send_clarification',
  extension: 'request_extension',
  consultation: 'send_consultation',
  fee: 'send_fee_notice',
  reply: 'reply',
};

export const LETTER_LABELS: Record<LetterKind, string> = {
  clarification: '补正通知书',
  extension: '延期答复告知书',
  consultation: '征求意见函',
  fee: '收费通知书',
  reply: '答复告知书',
};

export function isNoticeLetter(k: string): k is LetterKind {
  return Object.hasOwn(LETTER_ACTION, k);
}

/** Whether someone with `parties` may generate a letter of `kind`: whoever may send that notice. */
export function maySendLetter(kind: LetterKind, parties: readonly Party[]): boolean {
  const action = LETTER_ACTION[kind];
  return TRANSITIONS.some((t) => t.action === action && t.who.some((p) => p !== 'applicant' && p !== 'system' && parties.includes(p)));
}

const lapsed = (deadline: string | null, today: string) => deadline !== null && deadline < today;

/** The next steps for one viewer of one request (pure; see the table in next-steps.test.ts). */
export function nextSteps(f: NextStepFacts): NextSteps {
  const can = (a: Action) => f.actions.includes(a);
  const isHandler = f.parties.includes('handler');
  const pick = (...as: Action[]) => as.filter(can).slice(0, 2);
  const letter = (['reply', 'clarification', 'fee', 'extension', 'consultation'] as const).find(
    (k) => f.noticesSent.includes(k) && !f.lettersSent.includes(k) && maySendLetter(k, f.parties),
  ) ?? null;
  const handler = f.handlerName ? `承办人${f.handlerName}` : '承办人';

  // 第三十三条第二款: an extension waits for the head of the openness office, whatever else is open.
  if (f.extensionPending && ['reviewing', 'processing', 'consulting', 'awaiting_fee'].includes(f.state)) {
    if (f.parties.includes('openness_head')) return { primary: pick('approve_extension', 'reject_extension'), letter, waitingFor: null };
    return { primary: [], letter, waitingFor: '等待政务公开办负责人审批延期申请' };
  }

  switch (f.state) {
    case 'registered': {
      const p = pick('accept');
      return { primary: p, letter, waitingFor: p.length ? null : '等待受理单位工作人员确认受理' };
    }
    case 'reviewing': {
      if (!f.handlerName) {
        const p = pick('assign');
        return { primary: p, letter, waitingFor: p.length ? null : '等待单位管理员指定承办人' };
      }
      // Back in review after a correction: the handler answers (or a new handler is named).
      if (isHandler) return { primary: pick('reply'), letter, waitingFor: null };
      return { primary: [], letter, waitingFor: `等待${handler}答复` };
    }
    case 'processing': {
      if (isHandler) return { primary: pick('reply'), letter, waitingFor: null };
      if (!f.handlerName) {
        const p = pick('reassign');
        return { primary: p, letter, waitingFor: p.length ? null : '等待单位管理员指定承办人' };
      }
      return { primary: [], letter, waitingFor: `等待${handler}答复` };
    }
    case 'awaiting_correction':
      if (lapsed(f.correctBy, f.today)) {
        const p = pick('end_no_correction', 'record_correction');
        return { primary: p, letter, waitingFor: p.length ? null : `补正期限 ${f.correctBy} 已过，等待${handler}终止办理或登记补正` };
      }
      return { primary: pick('record_correction'), letter, waitingFor: `等待申请人补正${f.correctBy ? `（补正期限 ${f.correctBy}）` : ''}` };
    case 'consulting':
      return { primary: pick('record_consultation_answer'), letter, waitingFor: `等待被征求意见的一方提出意见${f.consultationAnswerBy ? `（${f.consultationAnswerBy} 前）` : ''}` };
    case 'awaiting_fee':
      if (lapsed(f.feePayBy, f.today)) {
        const p = pick('end_no_payment', 'record_payment');
        return { primary: p, letter, waitingFor: p.length ? null : `缴费期限 ${f.feePayBy} 已过，等待${handler}终止办理或登记缴费` };
      }
      return { primary: pick('record_payment'), letter, waitingFor: `等待申请人缴费${f.feePayBy ? `（缴费期限 ${f.feePayBy}）` : ''}` };
    case 'replied':
    case 'withdrawn':
    case 'terminated': {
      const p = letter ? [] : pick('archive');
      return { primary: p, letter, waitingFor: p.length || letter || can('archive') ? null : `等待${handler}归档` };
    }
    case 'archived':
      return { primary: [], letter, waitingFor: null };
  }
}
