// The work on a 政务舆情 item: 收集、会商、研判、回应、评估 (国办发〔2016〕80号), plus 移交 of rumours to
// 公安机关、网络监管部门 (国办发〔2016〕61号) and the openness office's changes of level and responsible
// unit. Each check returns the reasons a person can read; an empty list means allowed.
import type { ResponseForm } from './timers.ts';

export const STEP_KINDS = ['register', 'consult', 'assess', 'respond', 'handover', 'evaluate', 'level', 'reassign'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
/** The steps a person records on the item page (register, level and reassign come from their own forms). */
export const WORK_STEPS = ['consult', 'assess', 'respond', 'handover', 'evaluate'] as const;
export type WorkStep = (typeof WORK_STEPS)[number];

export const STEP_LABELS: Record<StepKind, string> = {
  register: '登记',
  consult: '会商',
  assess: '研判',
  respond: '回应',
  handover: '移交',
  evaluate: '评估',
  level: '调整等级',
  reassign: '改派责任单位',
};

export const HANDOVER_TARGETS = ['police', 'cac'] as const;
export type HandoverTarget = (typeof HANDOVER_TARGETS)[number];
export const HANDOVER_LABELS: Record<HandoverTarget, string> = { police: '公安机关', cac: '网信部门' };

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LABELS: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高' };

/** What each step records, by kind. */
export type StepDetails =
  | { kind: 'register'; level: string }
  | { kind: 'consult'; participants: string; judgement: string; measures: string }
  | { kind: 'assess'; risk: RiskLevel; respond: boolean; how: string }
  | { kind: 'respond'; form: ResponseForm; text: string; link: string }
  | { kind: 'handover'; to: HandoverTarget; note: string }
  | { kind: 'evaluate'; effect: string; lessons: string }
  | { kind: 'level'; from: string; to: string; reason: string }
  | { kind: 'reassign'; fromUnit: string; toUnit: string; reason: string };

export type ItemState = 'open' | 'closed';

export interface StepContext {
  state: ItemState;
  /** Steps recorded so far, by kind. */
  done: StepKind[];
  registeredAt: Date;
  /** When the step happened, as entered. */
  at: Date;
  now: Date;
}

/** Whether a work step may be recorded now. */
export function checkStep(kind: WorkStep, c: StepContext): string[] {
  const reasons: string[] = [];
  if (c.state === 'closed') reasons.push('该舆情已评估办结，不能再记录。');
  if (c.at.getTime() > c.now.getTime() + 60_000) reasons.push('办理时间不能晚于现在。');
  if (c.at.getTime() < c.registeredAt.getTime() - 60_000) reasons.push('办理时间不能早于登记时间。');
  // 评估 closes the item: it follows a response or a hand-over (收集、会商、研判、回应、评估).
  if (kind === 'evaluate' && !c.done.includes('respond') && !c.done.includes('handover')) reasons.push('请先记录回应或移交，再进行评估。');
  return reasons;
}

/** 属地管理、分级负责、谁主管谁负责 (国办发〔2016〕61号): the openness office may move an item to another unit, saying why. */
export function checkReassign(c: { state: ItemState; isOffice: boolean; fromUnitId: number; toUnitId: number; reason: string }): string[] {
  const reasons: string[] = [];
  if (!c.isOffice) reasons.push('只有政务公开办可以改派责任单位。');
  if (c.state === 'closed') reasons.push('该舆情已评估办结，不能改派。');
  if (c.fromUnitId === c.toUnitId) reasons.push('改派的单位与现责任单位相同。');
  if (!c.reason.trim()) reasons.push('请说明改派理由。');
  return reasons;
}

export function checkLevelChange(c: { state: ItemState; isOffice: boolean; fromLevelId: number; toLevelId: number; reason: string }): string[] {
  const reasons: string[] = [];
  if (!c.isOffice) reasons.push('只有政务公开办可以调整舆情等级。');
  if (c.state === 'closed') reasons.push('该舆情已评估办结，不能调整等级。');
  if (c.fromLevelId === c.toLevelId) reasons.push('新等级与现等级相同。');
  if (!c.reason.trim()) reasons.push('请说明调整理由。');
  return reasons;
}

/** Default levels (regulation-wave2.md §5: no national scale; 突发事件应对法's four grades), editable per site. */
export const DEFAULT_LEVELS: { name: string; major: boolean }[] = [
  { name: '一般', major: false },
  { name: '较大', major: false },
  { name: '重大', major: true },
  { name: '特别重大', major: true },
];

/** Where a 舆情 was first seen (regulation-wave2.md §5 收集/监测). */
export const SOURCES = ['网站论坛', '微博', '微信', '短视频平台', '新闻媒体', '新闻跟帖', '12345热线', '信访', '互动交流', '监测服务商', '其他'] as const;
