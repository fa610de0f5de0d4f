// 考核 scoring (《政府信息公开条例》第四十六条 考核、社会评议和责任追究; city plan 五(四) 纳入绩效考核): the
// indicator table of a year, each unit's points per indicator from the items the platform counted, the
// ranking. Every point is explained by the items it counted (the evidence). Pure.

/** Where an indicator's items come from. */
export type IndicatorSource =
  | 'timeliness'
  | 'coverage'
  | 'interpretation'
  | 'requests_on_time'
  | 'requests_remedy'
  | 'messages_on_time'
  | 'messages_satisfaction'
  | 'annual_report'
  | 'monitor'
  | 'manual';

/**
 * ratio: weight × (items passed ÷ items counted); no item counted gives the full weight.
 * deduct: weight − deduct × items failed, not below 0; a single-veto item gives 0.
 * manual: the points the office entered (0 to weight); none entered gives 0.
 */
export type IndicatorMethod = 'ratio' | 'deduct' | 'manual';

export interface Indicator {
  code: string;
  name: string;
  weight: number;
  method: IndicatorMethod;
  /** Points off per failed item (method deduct). */
  deduct: number;
  source: IndicatorSource;
  /** The rule in words, shown on the score sheet. */
  rule: string;
}

export const SOURCE_LABELS: Record<IndicatorSource, string> = {
  timeliness: '主动公开：按时发布的信息（发布模块）',
  coverage: '主动公开：目录事项有公开内容（目录、发布模块）',
  interpretation: '政策解读：政策文件同步解读（发布模块）',
  requests_on_time: '依申请公开：按期答复（依申请公开模块）',
  requests_remedy: '依申请公开：行政复议、行政诉讼被纠错（年度报告案件登记）',
  messages_on_time: '互动交流：按期答复（互动交流模块）',
  messages_satisfaction: '互动交流：满意和基本满意（互动交流模块）',
  annual_report: '年度报告：按时发布、数据一致（年度报告模块）',
  monitor: '网站监测：监测发现的问题（网站监测）',
  manual: '人工录入：培训等，附证明材料',
};

export const METHOD_LABELS: Record<IndicatorMethod, string> = { ratio: '按比例得分', deduct: '逐项扣分', manual: '人工评分' };

/** The default table of a year (weights sum to 100); the 政务公开办 edits it. UNVERIFIED as any province's official table. */
export const DEFAULT_INDICATORS: readonly Indicator[] = [
  { code: 'timeliness', name: '主动公开时效', weight: 20, method: 'ratio', deduct: 0, source: 'timeliness', rule: '条例第二十六条：形成或变更之日起20个工作日内公开；按时发布条数 ÷ 发布条数 × 分值' },
  { code: 'coverage', name: '目录事项覆盖', weight: 10, method: 'ratio', deduct: 0, source: 'coverage', rule: '条例第二十条：目录内主动公开事项均应有公开内容；有内容事项 ÷ 事项总数 × 分值' },
  { code: 'interpretation', name: '政策解读', weight: 10, method: 'ratio', deduct: 0, source: 'interpretation', rule: '国办发〔2016〕80号：政策文件与解读同步；已解读 ÷ 应解读 × 分值' },
  { code: 'requests', name: '依申请公开按期答复', weight: 15, method: 'ratio', deduct: 0, source: 'requests_on_time', rule: '条例第三十三条：20个工作日内答复（延期不超过20个工作日）；按期件数 ÷ 应答复件数 × 分值' },
  { code: 'remedy', name: '复议诉讼纠错', weight: 10, method: 'deduct', deduct: 5, source: 'requests_remedy', rule: '条例第五十一条：因政府信息公开工作被复议或诉讼纠错的，每件扣5分' },
  { code: 'messages', name: '互动交流按期答复', weight: 10, method: 'ratio', deduct: 0, source: 'messages_on_time', rule: '国办发〔2017〕47号：按期答复件数 ÷ 应答复件数 × 分值' },
  { code: 'satisfaction', name: '群众满意度', weight: 5, method: 'ratio', deduct: 0, source: 'messages_satisfaction', rule: '满意和基本满意件数 ÷ 评价件数 × 分值' },
  { code: 'annual_report', name: '年度报告', weight: 5, method: 'ratio', deduct: 0, source: 'annual_report', rule: '条例第四十九、五十条：每年1月31日前公布上一年度报告，数据核对一致' },
  { code: 'monitor', name: '网站监测', weight: 10, method: 'deduct', deduct: 2, source: 'monitor', rule: '国办秘函〔2019〕19号：每个问题扣2分，单项否决问题本项不得分' },
  { code: 'training', name: '培训与组织保障', weight: 5, method: 'manual', deduct: 0, source: 'manual', rule: '参加培训、工作机构和人员落实等，由政务公开办依证明材料评分' },
];

/** One item an indicator counted: a record, a request, a message, a finding. */
export interface Evidence {
  /** Stable within the source (e.g. the record's code): what an objection names. */
  key: string;
  label: string;
  href?: string;
  ok: boolean;
  /** Why it passed or failed, in words. */
  note: string;
  veto?: boolean;
}

export interface ManualScore {
  points: number;
  note: string;
  evidenceHref?: string;
}

export interface UnitFacts {
  unitId: number;
  unitName: string;
  evidence: Partial<Record<IndicatorSource, Evidence[]>>;
  /** By indicator code. */
  manual: Record<string, ManualScore>;
  /** `${indicatorCode}:${evidenceKey}` of accepted objections: the item counts as passed. */
  waived: ReadonlySet<string>;
}

export interface ScoredItem extends Evidence {
  waived: boolean;
}

export interface IndicatorScore {
  code: string;
  name: string;
  weight: number;
  points: number;
  counted: number;
  failed: number;
  items: ScoredItem[];
  /** How the points were reached, in words. */
  explanation: string;
}

export interface UnitScore {
  unitId: number;
  unitName: string;
  total: number;
  rank: number;
  indicators: IndicatorScore[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreIndicator(ind: Indicator, facts: UnitFacts): IndicatorScore {
  const base = { code: ind.code, name: ind.name, weight: ind.weight };
  if (ind.method === 'manual') {
    const m = facts.manual[ind.code];
    if (!m) return { ...base, points: 0, counted: 0, failed: 0, items: [], explanation: '未录入，得0分' };
    const points = round2(Math.min(ind.weight, Math.max(0, m.points)));
    const item: ScoredItem = { key: 'manual', label: m.note || '人工评分', href: m.evidenceHref, ok: points >= ind.weight, note: `录入 ${points} 分`, waived: false };
    return { ...base, points, counted: 1, failed: item.ok ? 0 : 1, items: [item], explanation: `政务公开办录入 ${points} 分` };
  }
  const items: ScoredItem[] = (facts.evidence[ind.source] ?? []).map((e) => ({ ...e, waived: !e.ok && facts.waived.has(`${ind.code}:${e.key}`) }));
  const failedItems = items.filter((i) => !i.ok && !i.waived);
  const failed = failedItems.length;
  const counted = items.length;
  const waived = items.filter((i) => i.waived).length;
  const waivedText = waived ? `（含异议成立 ${waived} 项按合格计）` : '';
  if (ind.method === 'ratio') {
    if (counted === 0) return { ...base, points: ind.weight, counted, failed, items, explanation: `本期无应计事项，得满分 ${ind.weight} 分` };
    const points = round2((ind.weight * (counted - failed)) / counted);
    return { ...base, points, counted, failed, items, explanation: `${counted - failed} / ${counted} 项合格${waivedText}，${ind.weight} × ${counted - failed} ÷ ${counted} = ${points} 分` };
  }
  if (failedItems.some((i) => i.veto)) return { ...base, points: 0, counted, failed, items, explanation: `有单项否决问题${waivedText}，本项得0分` };
  const points = round2(Math.max(0, ind.weight - ind.deduct * failed));
  return { ...base, points, counted, failed, items, explanation: failed ? `问题 ${failed} 项${waivedText}，${ind.weight} − ${ind.deduct} × ${failed} = ${points} 分` : `无扣分问题${waivedText}，得 ${ind.weight} 分` };
}

export function scoreUnit(indicators: readonly Indicator[], facts: UnitFacts): Omit<UnitScore, 'rank'> {
  const scored = indicators.map((i) => scoreIndicator(i, facts));
  return { unitId: facts.unitId, unitName: facts.unitName, total: round2(scored.reduce((a, s) => a + s.points, 0)), indicators: scored };
}

/** Highest total first; equal totals share a rank (1, 2, 2, 4). */
export function rankUnits(scores: readonly Omit<UnitScore, 'rank'>[]): UnitScore[] {
  const sorted = [...scores].sort((a, b) => b.total - a.total || a.unitId - b.unitId);
  return sorted.map((s, i) => ({ ...s, rank: sorted.findIndex((x) => x.total === s.total) + 1 || i + 1 }));
}

/** Problems of a unit for the 通报: indicators below their weight, with the failed items. */
export function problemsOf(s: UnitScore): { indicator: string; lost: number; items: string[] }[] {
  return s.indicators
    .filter((i) => i.points < i.weight)
    .map((i) => ({ indicator: i.name, lost: round2(i.weight - i.points), items: i.items.filter((x) => !x.ok && !x.waived).map((x) => `${x.label}（${x.note}）`) }));
}

export const INDICATOR_SOURCES = Object.keys(SOURCE_LABELS) as IndicatorSource[];
export const INDICATOR_METHODS = Object.keys(METHOD_LABELS) as IndicatorMethod[];

/** Checks an edited table: errors by field name (`name.3`, `weight.3`, `weights` for the sum). */
export function validateIndicators(list: readonly Indicator[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!list.length) errors.weights = '至少要有一项指标';
  const codes = new Set<string>();
  list.forEach((ind, i) => {
    if (!ind.name.trim()) errors[`name.${i}`] = '请填写指标名称';
    else if (ind.name.length > 40) errors[`name.${i}`] = '指标名称不超过40个字';
    if (!Number.isInteger(ind.weight) || ind.weight < 0 || ind.weight > 100) errors[`weight.${i}`] = '分值应为0到100之间的整数';
    if (ind.method === 'deduct' && (!Number.isInteger(ind.deduct) || ind.deduct < 1 || ind.deduct > 100)) errors[`deduct.${i}`] = '每项扣分应为1到100之间的整数';
    if (ind.rule.length > 300) errors[`rule.${i}`] = '评分规则不超过300个字';
    if (!INDICATOR_SOURCES.includes(ind.source)) errors[`source.${i}`] = '请选择数据来源';
    if (ind.source === 'manual' && ind.method !== 'manual') errors[`method.${i}`] = '人工录入的指标只能人工评分';
    if (ind.source !== 'manual' && ind.method === 'manual') errors[`method.${i}`] = '人工评分的指标数据来源应为“人工录入”';
    if (codes.has(ind.code)) errors[`name.${i}`] = '指标重复';
    codes.add(ind.code);
  });
  const sum = list.reduce((a, i) => a + (Number.isFinite(i.weight) ? i.weight : 0), 0);
  if (list.length && sum !== 100) errors.weights = `各项分值合计应为100分，现为${sum}分`;
  return errors;
}

/** A period: `2026` (the year) or `2026-Q3`. */
export interface Period {
  key: string;
  year: number;
  quarter: number | null;
  from: string;
  to: string;
  label: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

export function parsePeriod(key: string): Period | null {
  const m = /^(20\d\d)(?:-Q([1-4]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return { key, year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年度` };
  const q = Number(m[2]);
  const endMonth = q * 3;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { key, year, quarter: q, from: `${year}-${String(endMonth - 2).padStart(2, '0')}-01`, to: `${year}-${String(endMonth).padStart(2, '0')}-${lastDay}`, label: `${year}年第${QUARTER_NAMES[q - 1]}季度` };
}

/** The quarter a day falls in. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarters of a year up to and including `lastKey`'s. */
export function quartersOf(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** Stable code for a new indicator from its position (names change, codes do not). */
export function indicatorCode(existing: readonly string[], i: number): string {
  let n = i + 1;
  while (existing.includes(`custom${n}`)) n++;
  return `custom${n}`;
}
