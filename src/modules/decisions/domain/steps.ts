// The steps of a major administrative decision (重大行政决策) under 《重大行政决策程序暂行条例》
// (国务院令第713号): which are required, which may be skipped with a recorded reason, what must be done
// before the next, and when the decision may be published. Pure: `today` is an argument.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';

export const STEPS = ['launch', 'participation', 'expert', 'risk', 'hearing', 'legality', 'collective', 'publication', 'implementation', 'evaluation'] as const;
export type Step = (typeof STEPS)[number];

/**
 * required: the law asks for it and it cannot be skipped;
 * skippable: required unless a reason is recorded (e.g. 依法不予公开的事项 for 公众参与, a matter with no
 * technical question for 专家论证);
 * optional: held where it applies (听证), and may be marked 不适用 with a reason.
 */
export type StepKind = 'required' | 'skippable' | 'optional';

export interface StepInfo {
  label: string;
  kind: StepKind;
  /** One line naming the source. Article numbers not in the verified reference are left out. */
  basis: string;
}

export const STEP_INFO: Record<Step, StepInfo> = {
  launch: { label: '决策启动', kind: 'required', basis: '《重大行政决策程序暂行条例》第二章第一节（决策启动）' },
  participation: { label: '公众参与', kind: 'skippable', basis: '《重大行政决策程序暂行条例》第十五条：公开征求意见期限一般不少于30日' },
  expert: { label: '专家论证', kind: 'skippable', basis: '《重大行政决策程序暂行条例》第二章第三节（专业性、技术性较强的决策事项）' },
  risk: { label: '风险评估', kind: 'skippable', basis: '《重大行政决策程序暂行条例》第二章第四节（可能对社会稳定、公共安全等造成不利影响的）' },
  hearing: { label: '听证', kind: 'optional', basis: '《重大行政决策程序暂行条例》：听证参加人名单提前公布，听证材料于听证会7日前送达' },
  legality: { label: '合法性审查', kind: 'required', basis: '《重大行政决策程序暂行条例》第三章第一节：未经合法性审查或经审查不合法的，不得提交讨论' },
  collective: { label: '集体讨论决定', kind: 'required', basis: '《重大行政决策程序暂行条例》第三章第二节：经政府常务会议或全体会议讨论' },
  publication: { label: '决策公布', kind: 'required', basis: '《重大行政决策程序暂行条例》第三十二条：通过本级政府公报、政府网站以及报纸等途径及时公布' },
  implementation: { label: '决策执行', kind: 'required', basis: '《重大行政决策程序暂行条例》第四章（决策执行和调整）' },
  evaluation: { label: '决策后评估', kind: 'skippable', basis: '《重大行政决策程序暂行条例》第四章：依法组织决策后评估' },
};

/** Steps that must be settled (done, or skipped with a reason) before a step may be recorded. */
export const PREREQUISITES: Record<Step, Step[]> = {
  launch: [],
  participation: ['launch'],
  expert: ['launch'],
  risk: ['launch'],
  hearing: ['launch'],
  legality: ['participation', 'expert', 'risk', 'hearing'],
  collective: ['legality'],
  publication: ['collective'],
  implementation: ['publication'],
  evaluation: ['implementation'],
};

export interface StepRecord {
  step: Step;
  /** done: carried out on `doneOn`; skipped: not carried out, for `skipReason`. */
  state: 'done' | 'skipped';
  doneOn: string | null;
  skipReason: string | null;
}

export const STEP_LIMITS = { summary: 5_000, actor: 100, documents: 2_000, reason: 1_000 } as const;

export interface StepInput {
  state: string;
  doneOn: string;
  actor: string;
  summary: string;
  documents: string;
  skipReason: string;
}

/** Field errors and refusals for recording one step (pure). */
export function stepProblems(step: Step, input: StepInput, recorded: StepRecord[], today: string): { errors: Record<string, string>; refusals: string[] } {
  const errors: Record<string, string> = {};
  const refusals: string[] = [];
  const info = STEP_INFO[step];
  const settled = new Set(recorded.map((r) => r.step));
  const missing = PREREQUISITES[step].filter((p) => !settled.has(p));
  if (missing.length) refusals.push(`请先办理${missing.map((m) => `“${STEP_INFO[m].label}”`).join('、')}，再记录“${info.label}”。`);
  if (recorded.some((r) => r.step === step)) refusals.push(`“${info.label}”已经记录，不能重复记录。`);
  if (input.state === 'skipped') {
    if (info.kind === 'required') refusals.push(`“${info.label}”是法定必经程序，不能跳过。`);
    else if (!input.skipReason.trim()) errors.skipReason = info.kind === 'optional' ? '请说明不举行的理由' : '请说明未履行该程序的理由（将在决策页面公开）';
    else if ([...input.skipReason].length > STEP_LIMITS.reason) errors.skipReason = `理由不能超过${STEP_LIMITS.reason}个字`;
    return { errors, refusals };
  }
  if (input.state !== 'done') errors.state = '请选择“已办理”或“未办理（说明理由）”';
  if (!input.doneOn) errors.doneOn = '请填写办理日期';
  else if (!isValidIsoDate(input.doneOn)) errors.doneOn = '办理日期应为有效日期，格式如 2026-05-20';
  else if (input.doneOn > today) errors.doneOn = `办理日期不能晚于今天（${today}）`;
  else {
    const before = recorded.filter((r) => PREREQUISITES[step].includes(r.step) && r.state === 'done' && r.doneOn && r.doneOn > input.doneOn);
    if (before.length) errors.doneOn = `办理日期不能早于“${STEP_INFO[before[0]!.step].label}”的日期（${before[0]!.doneOn}）`;
  }
  if (!input.actor.trim()) errors.actor = '请填写办理单位或人员';
  else if ([...input.actor].length > STEP_LIMITS.actor) errors.actor = `不能超过${STEP_LIMITS.actor}个字`;
  if (!input.summary.trim()) errors.summary = '请填写办理情况';
  else if ([...input.summary].length > STEP_LIMITS.summary) errors.summary = `办理情况不能超过${STEP_LIMITS.summary}个字`;
  if ([...input.documents].length > STEP_LIMITS.documents) errors.documents = `材料清单不能超过${STEP_LIMITS.documents}个字`;
  return { errors, refusals };
}

export interface ConsultationState {
  /** The comment period exists and was closed with every comment answered and published. */
  closed: boolean;
  unanswered: number;
  endsOn: string;
}

/**
 * Why the decision cannot be published yet (empty: it can). Every comment must be answered and the
 * answers published first (第三十二条: publish with how public and expert opinions were used).
 */
export function publicationRefusals(recorded: StepRecord[], consultation: ConsultationState | null, explanation: string): string[] {
  const out: string[] = [];
  const settled = new Set(recorded.map((r) => r.step));
  if (!settled.has('collective')) out.push('决策尚未经集体讨论决定，不能公布。');
  const participation = recorded.find((r) => r.step === 'participation');
  if (participation?.state === 'done') {
    if (!consultation) out.push('公众参与已记录，但没有公开征求意见记录。');
    else {
      if (consultation.unanswered > 0) out.push(`公开征求意见还有${consultation.unanswered}条意见没有答复，逐条答复（采纳、部分采纳或不予采纳并说明理由）后才能公布决策。`);
      if (!consultation.closed) out.push('请先结束征集并公布意见采纳情况，再公布决策。');
    }
  }
  if (!explanation.trim()) out.push('请填写公众意见、专家意见的采纳情况说明。');
  return out;
}

export interface StepView {
  step: Step;
  label: string;
  kind: StepKind;
  state: 'done' | 'skipped' | 'owed' | 'waiting';
}

/**
 * Where each step stands for the public timeline: done, skipped (reason shown), owed (all its
 * prerequisites are settled: the next thing to do) or waiting (earlier steps first).
 */
export function stepStates(recorded: StepRecord[]): StepView[] {
  const byStep = new Map(recorded.map((r) => [r.step, r]));
  return STEPS.map((step) => {
    const r = byStep.get(step);
    const info = STEP_INFO[step];
    const state = r ? r.state : PREREQUISITES[step].every((p) => byStep.has(p)) ? 'owed' : 'waiting';
    return { step, label: info.label, kind: info.kind, state };
  });
}

export type DecisionStatus = 'drafting' | 'consulting' | 'reviewing' | 'decided' | 'published' | 'implementing' | 'evaluated';

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  drafting: '起草中',
  consulting: '征求意见',
  reviewing: '论证审查',
  decided: '已决定',
  published: '已公布',
  implementing: '执行中',
  evaluated: '已评估',
};

/** The catalog's 状态 column, from the steps settled so far. */
export function decisionStatus(recorded: StepRecord[], consultationOpen: boolean): DecisionStatus {
  const has = (s: Step) => recorded.some((r) => r.step === s);
  if (has('evaluation')) return 'evaluated';
  if (has('implementation')) return 'implementing';
  if (has('publication')) return 'published';
  if (has('collective')) return 'decided';
  if (consultationOpen) return 'consulting';
  if (has('participation') || has('expert') || has('risk') || has('hearing') || has('legality')) return 'reviewing';
  return 'drafting';
}

/** The planned completion date has passed and the decision is not yet taken. */
export function isPastPlan(plannedOn: string | null, recorded: StepRecord[], today: string): boolean {
  return !!plannedOn && today > plannedOn && !recorded.some((r) => r.step === 'collective');
}
