// 行政执法公示 rules: when a decision must be public, when a withdrawal is due, what may be shown.
import { addWorkingDays, isProvisionalDate, type WorkCalendar } from '../../../core/calendar/working-days.ts';

/** 执法类别 of a decision (国办发〔2018〕118号 事后公开; 广东 年度数据样式 adds 行政征用). */
export const DECISION_KINDS = ['行政许可', '行政处罚', '行政强制', '行政征收', '行政征用', '行政检查', '行政确认', '行政给付', '行政奖励', '行政裁决', '其他'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const PARTY_TYPES = ['自然人', '法人', '非法人组织', '个体工商户'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/**
 * Working days from the decision to its publication. 国办发〔2018〕118号: 行政许可、行政处罚 within 7 working
 * days, other 执法决定 within 20 working days (both [C]: configurable defaults).
 */
export interface PublicationRules {
  days: Record<DecisionKind, number>;
  /** 《行政处罚法》第四十八条第二款 + 第八十五条: withdrawal within 3 working days. */
  withdrawalDays: number;
}

export const DEFAULT_PUBLICATION_RULES: PublicationRules = {
  days: {
    行政许可: 7,
    行政处罚: 7,
    行政强制: 20,
    行政征收: 20,
    行政征用: 20,
    行政检查: 20,
    行政确认: 20,
    行政给付: 20,
    行政奖励: 20,
    行政裁决: 20,
    其他: 20,
  },
  withdrawalDays: 3,
};

export interface DueDate {
  due: string;
  /** The date lies in a year whose holidays are not yet entered (counted with weekends only). */
  provisional: boolean;
}

/** 国办发〔2018〕118号: publication due N working days after the decision date (the decision day not counted). */
export function publicationDue(kind: DecisionKind, decidedOn: string, cal: WorkCalendar, rules: PublicationRules = DEFAULT_PUBLICATION_RULES): DueDate {
  const due = addWorkingDays(decidedOn, rules.days[kind], cal);
  return { due, provisional: isProvisionalDate(due, cal) };
}

/** 《行政处罚法》第四十八条第二款、第八十五条: withdraw within 3 working days of the change, revocation or finding. */
export function withdrawalDue(eventOn: string, cal: WorkCalendar, rules: PublicationRules = DEFAULT_PUBLICATION_RULES): DueDate {
  const due = addWorkingDays(eventOn, rules.withdrawalDays, cal);
  return { due, provisional: isProvisionalDate(due, cal) };
}

export type Timeliness = 'on_time' | 'late' | 'pending' | 'overdue' | 'not_public';

/** Published by the due date, published late, still inside the period, or past it unpublished. */
export function timeliness(d: { due: string; publishedOn: string | null; withheld: boolean }, today: string): Timeliness {
  if (d.withheld) return 'not_public';
  if (d.publishedOn) return d.publishedOn <= d.due ? 'on_time' : 'late';
  return today > d.due ? 'overdue' : 'pending';
}

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: '按时公开',
  late: '逾期公开',
  pending: '待公开',
  overdue: '已逾期未公开',
  not_public: '依法不公开',
};

/** Why a withdrawn decision is withdrawn (《行政处罚法》第四十八条第二款). */
export const WITHDRAW_GROUNDS = ['依法变更', '依法撤销', '确认违法', '确认无效', '要求重新作出'] as const;
export type WithdrawGround = (typeof WITHDRAW_GROUNDS)[number];

/**
 * Whether a decision may be published online at all (工商总局行政处罚信息公示暂行规定 第五条 pattern,
 * regulation-wave2 §2.6): never when the party is a minor; not when the main facts are secret.
 */
export function withholdReason(d: { partyIsMinor: boolean; secret: boolean }): string | undefined {
  if (d.partyIsMinor) return '当事人是未成年人，依法不在网上公开';
  if (d.secret) return '主要事实涉及国家秘密、商业秘密或个人隐私，依法不公开';
  return undefined;
}

// 居民身份证号 (18 or old 15 digits), mainland mobile numbers, landlines, bank card numbers.
const ID_NUMBER = /(?<![0-9])(?:\d{17}[\dXx]|\d{15})(?![0-9Xx])/;
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/;
const LANDLINE = /(?<![0-9])0\d{2,3}[-－]?[2-9]\d{6,7}(?![0-9])/;
const BANK = /(?<![0-9])\d{16,19}(?![0-9])/;
const ADDRESS_WORDS = /(家庭住址|住址|住所地|现住|户籍地|居住地)[:：为在于]/;

/**
 * Personal data that must be removed before a decision is published (工商总局 规定 第七条 pattern,
 * regulation-wave2 §2.6): natural persons' 身份证号, phone numbers, addresses and bank accounts never go
 * public; a legal person's bank account neither. Returns a message per offending field.
 */
export function personalDataProblems(fields: Record<string, { label: string; value: string }>, partyType: PartyType | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, { label, value }] of Object.entries(fields)) {
    if (!value) continue;
    if (ID_NUMBER.test(value) && !(partyType !== '自然人' && /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value.trim()) && key === 'uscc')) {
      out[key] = `${label}中含有身份证号码，自然人的身份证号码不得公开，请删除`;
    } else if (MOBILE.test(value) || LANDLINE.test(value)) {
      out[key] = `${label}中含有电话号码，当事人的联系方式不得公开，请删除`;
    } else if (BANK.test(value)) {
      out[key] = `${label}中含有银行账号，银行账号不得公开，请删除`;
    } else if (partyType === '自然人' && ADDRESS_WORDS.test(value)) {
      out[key] = `${label}中含有自然人的住址，住址不得公开，请删除`;
    }
  }
  return out;
}

// ------------------------------------------------------------------ 年度执法数据

/**
 * The kinds every 年度执法数据 table lists (regulation-wave2 §2.4, 广东 format: 行政许可、行政处罚、行政强制、行政征收、
 * 行政征用、行政检查); other kinds appear when the unit decided any.
 */
export const STATISTICS_KINDS = ['行政许可', '行政处罚', '行政强制', '行政征收', '行政征用', '行政检查'] as const;

export interface StatisticsRow {
  kind: string;
  /** Decisions made in the year (0 when the unit has the power but made none). */
  n: number;
  /** 罚没金额 in yuan, for 行政处罚 only. */
  fines: number | null;
  /** The unit has no such power in its 权责清单 and made no such decision: "本单位无相关行政执法职责". */
  noPower: boolean;
}

/**
 * One row per kind from the register's counts. 广东 format (§2.4): a body with the power but no cases
 * fills "0"; a body without the power says so. Without a 权责清单 we cannot tell, so every kind shows 0.
 */
export function annualStatistics(counts: readonly { kind: string; n: number; fines: number }[], powerTypes: ReadonlySet<string> | null): StatisticsRow[] {
  const by = new Map(counts.map((c) => [c.kind, c]));
  const row = (kind: string): StatisticsRow => {
    const c = by.get(kind);
    const n = c?.n ?? 0;
    return { kind, n, fines: kind === '行政处罚' ? (c?.fines ?? 0) : null, noPower: n === 0 && powerTypes !== null && !powerTypes.has(kind) };
  };
  const extra = DECISION_KINDS.filter((k) => !(STATISTICS_KINDS as readonly string[]).includes(k) && (by.get(k)?.n ?? 0) > 0);
  return [...STATISTICS_KINDS, ...extra].map(row);
}

/** 国办发〔2018〕118号: 每年1月31日前 公开上年度行政执法数据. */
export function statisticsDue(year: number): string {
  return `${year + 1}-01-31`;
}

/**
 * The years whose data can be shown on `today`: each year after it ends (the figures are complete from
 * 1 January), from the first year with a decision; newest first.
 */
export function statisticsYears(firstDecisionYear: number | null, today: string): number[] {
  const last = Number(today.slice(0, 4)) - 1;
  if (firstDecisionYear === null || firstDecisionYear > last) return [];
  const out: number[] = [];
  for (let y = last; y >= firstDecisionYear; y--) out.push(y);
  return out;
}

// ------------------------------------------------------------------ 年度执法数据: figures entered by hand

/**
 * Figures of the annual data the register cannot know (it holds decisions only): how many applications
 * were received, inspections made without a decision, amounts collected, and how decisions fared on
 * review. The set is a configurable default [C]: 广东 format names the six kinds (regulation-wave2 §2.4),
 * these columns follow published county 执法数据 tables. `money` figures are yuan with two decimals.
 */
export interface EnteredFigure {
  key: string;
  /** The kind the figure belongs to; '' for the unit as a whole. */
  kind: string;
  label: string;
  unit: '件' | '次' | '元';
  money?: boolean;
}

export const ENTERED_FIGURES: readonly EnteredFigure[] = [
  { key: 'licenceApplications', kind: '行政许可', label: '受理许可申请数量', unit: '件' },
  { key: 'licenceRefused', kind: '行政许可', label: '不予许可数量', unit: '件' },
  { key: 'penaltyHearings', kind: '行政处罚', label: '组织听证数量', unit: '件' },
  { key: 'coerciveMeasures', kind: '行政强制', label: '采取行政强制措施次数（未作决定部分）', unit: '次' },
  { key: 'levyAmount', kind: '行政征收', label: '征收金额', unit: '元', money: true },
  { key: 'requisitions', kind: '行政征用', label: '征用次数', unit: '次' },
  { key: 'inspections', kind: '行政检查', label: '开展行政检查次数', unit: '次' },
  { key: 'randomInspections', kind: '行政检查', label: '其中“双随机”抽查次数', unit: '次' },
  { key: 'reconsiderations', kind: '', label: '被申请行政复议数量', unit: '件' },
  { key: 'reconsiderationsCorrected', kind: '', label: '行政复议被纠错数量', unit: '件' },
  { key: 'lawsuits', kind: '', label: '被提起行政诉讼数量', unit: '件' },
  { key: 'lawsuitsLost', kind: '', label: '行政诉讼败诉数量', unit: '件' },
];

/** Upper bound of one figure: beyond it the value is certainly a typing error. */
const MAX_COUNT = 10_000_000;
const MAX_YUAN = 1e12;
export const EXPLANATION_MAX = 5000;

export type EnteredFigures = Record<string, number>;

/**
 * Reads the figures typed into the form: empty means "not entered"; full-width digits, spaces and
 * thousands separators are accepted (NFKC). Each problem is a sentence for the field. Pure.
 */
export function readEnteredFigures(raw: Readonly<Record<string, string>>): { figures: EnteredFigures; errors: Record<string, string> } {
  const figures: EnteredFigures = {};
  const errors: Record<string, string> = {};
  const byKey = new Map(ENTERED_FIGURES.map((f) => [f.key, f]));
  for (const f of ENTERED_FIGURES) {
    const text = (raw[f.key] ?? '').normalize('NFKC').replace(/[\s,，]/g, '').replace(/元$|件$|次$/, '');
    if (!text) continue;
    const name = `${f.kind ? `${f.kind}：` : ''}${f.label}`;
    if (f.money) {
      if (!/^\d+(\.\d{1,2})?$/.test(text)) errors[f.key] = `${name}应为金额（元），最多两位小数，例如 12500.50`;
      else if (Number(text) > MAX_YUAN) errors[f.key] = `${name}超过1万亿元，请核对`;
      else figures[f.key] = Number(text);
    } else if (!/^\d+$/.test(text)) {
      errors[f.key] = `${name}应为不小于0的整数（${f.unit}），例如 25`;
    } else if (Number(text) > MAX_COUNT) {
      errors[f.key] = `${name}超过一千万${f.unit}，请核对`;
    } else {
      figures[f.key] = Number(text);
    }
  }
  // A part cannot exceed its whole.
  const part = (partKey: string, wholeKey: string) => {
    const p = figures[partKey];
    const w = figures[wholeKey];
    if (p !== undefined && w !== undefined && p > w && !errors[partKey]) errors[partKey] = `${byKey.get(partKey)!.label}（${p}）不能大于${byKey.get(wholeKey)!.label}（${w}）`;
  };
  part('licenceRefused', 'licenceApplications');
  part('randomInspections', 'inspections');
  part('reconsiderationsCorrected', 'reconsiderations');
  part('lawsuitsLost', 'lawsuits');
  return { figures, errors };
}

/** Entered figures as form text (the form shown again or for editing). */
export function figuresText(figures: EnteredFigures): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ENTERED_FIGURES) if (figures[f.key] !== undefined) out[f.key] = f.money ? figures[f.key]!.toFixed(2).replace(/\.00$/, '') : String(figures[f.key]);
  return out;
}

/** True when two entries say the same (a repeated save changes nothing). */
export function sameEntry(a: { figures: EnteredFigures; explanation: string }, b: { figures: EnteredFigures; explanation: string }): boolean {
  if (a.explanation.trim() !== b.explanation.trim()) return false;
  return ENTERED_FIGURES.every((f) => a.figures[f.key] === b.figures[f.key]);
}

/** One line of the public table: a computed figure from the register or one entered by the unit. */
export interface StatisticsLine {
  kind: string;
  label: string;
  value: number | null;
  unit: '件' | '次' | '元';
  source: 'computed' | 'entered';
  /** "本单位无相关行政执法职责" instead of figures. */
  noPower: boolean;
}

/**
 * The public 年度执法数据 table: per kind the register's count (and 罚没金额 for 处罚), followed by that
 * kind's entered figures; then the unit-wide entered figures. A kind without the power shows only the
 * no-power statement, unless the unit entered something for it.
 */
export function statisticsLines(rows: readonly StatisticsRow[], figures: EnteredFigures): StatisticsLine[] {
  const out: StatisticsLine[] = [];
  const entered = (kind: string) =>
    ENTERED_FIGURES.filter((f) => f.kind === kind && figures[f.key] !== undefined).map(
      (f): StatisticsLine => ({ kind: kind || '执法监督', label: f.label, value: figures[f.key]!, unit: f.unit, source: 'entered', noPower: false }),
    );
  for (const r of rows) {
    const own = entered(r.kind);
    if (r.noPower && own.length === 0) {
      out.push({ kind: r.kind, label: '', value: null, unit: '件', source: 'computed', noPower: true });
      continue;
    }
    out.push({ kind: r.kind, label: '处理决定数量', value: r.n, unit: '件', source: 'computed', noPower: false });
    if (r.fines !== null) out.push({ kind: r.kind, label: '罚没金额', value: r.fines, unit: '元', source: 'computed', noPower: false });
    out.push(...own);
  }
  out.push(...entered(''));
  return out;
}

/** The years shown on the unit's page: those with decisions, and those with entered figures once over. */
export function publicStatisticsYears(firstDecisionYear: number | null, enteredYears: readonly number[], today: string): number[] {
  const last = Number(today.slice(0, 4)) - 1;
  const years = new Set([...statisticsYears(firstDecisionYear, today), ...enteredYears.filter((y) => y <= last)]);
  return [...years].sort((a, b) => b - a);
}
