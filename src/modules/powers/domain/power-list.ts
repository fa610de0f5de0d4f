// 权责清单 rules: the elements of a row, the 职权类型 list, 责任事项 stages, the change workflow and the
// diff between editions.

/**
 * 职权类型 as Yunnan lists them (云南省 10 类行政职权, regulation-wave2 §1.2); the list is editable per city,
 * this is the seed. `stages` is the default 责任事项 stage list of the type (§1.3; 行政处罚 from real county
 * tables, the others UNVERIFIED defaults).
 */
export interface PowerType {
  code: string;
  label: string;
  stages: string[];
}

const OTHER_STAGE = '其他法律法规规章文件规定应履行的责任';
const GENERAL_STAGES = ['受理责任', '审查责任', '决定责任', '送达责任', '事后监管责任', OTHER_STAGE];

export const DEFAULT_POWER_TYPES: PowerType[] = [
  { code: 'XK', label: '行政许可', stages: GENERAL_STAGES },
  { code: 'CF', label: '行政处罚', stages: ['立案责任', '调查取证责任', '审理责任', '告知责任', '决定责任', '送达责任', '执行责任', OTHER_STAGE] },
  { code: 'QZ', label: '行政强制', stages: ['催告责任', '决定责任', '执行责任', '事后管理责任', OTHER_STAGE] },
  { code: 'ZS', label: '行政征收', stages: ['告知责任', '审核责任', '决定责任', '征收责任', OTHER_STAGE] },
  { code: 'GF', label: '行政给付', stages: GENERAL_STAGES },
  { code: 'JC', label: '行政检查', stages: ['检查责任', '处置责任', '事后管理责任', OTHER_STAGE] },
  { code: 'QR', label: '行政确认', stages: GENERAL_STAGES },
  { code: 'JL', label: '行政奖励', stages: ['制定方案责任', '组织推荐责任', '审核公示责任', '表彰责任', OTHER_STAGE] },
  { code: 'CJ', label: '行政裁决', stages: ['受理责任', '审理责任', '裁决责任', '送达责任', '执行责任', OTHER_STAGE] },
  { code: 'QT', label: '其他行政职权', stages: GENERAL_STAGES },
];

/** 来源: 法定职权, or 赋权 by 下放 or 委托 (云政发〔2023〕9号 as cited by the 大姚县 2023 list, §1.2). */
export const POWER_SOURCES = ['法定', '下放', '委托'] as const;
export type PowerSource = (typeof POWER_SOURCES)[number];

export interface DutyStage {
  stage: string;
  text: string;
}

/** One row of a 权责清单 (一表两单: power and its responsibilities, 云政发〔2017〕64号 第三条、第四条). */
export interface PowerRow {
  /** 事项编码: kept as written (the provincial format is not fixed here). */
  code: string;
  name: string;
  subItem: string;
  type: string;
  /** 设定依据: law and article, one per line. */
  basis: string[];
  subject: string;
  /** 受委托组织 or 承办机构 when the power is entrusted. */
  entrustedBy: string;
  target: string;
  duties: DutyStage[];
  accountability: string;
  accountabilityBasis: string;
  supervision: string;
  remedy: string;
  source: PowerSource;
  note: string;
}

export const ROW_LABELS: Record<keyof PowerRow, string> = {
  code: '事项编码',
  name: '职权名称',
  subItem: '子项',
  type: '职权类型',
  basis: '设定依据',
  subject: '实施主体',
  entrustedBy: '委托机关',
  target: '实施对象',
  duties: '责任事项',
  accountability: '追责情形',
  accountabilityBasis: '追责依据',
  supervision: '监督方式',
  remedy: '救济途径',
  source: '来源',
  note: '备注',
};

/**
 * The basic elements a published row must carry (云政发〔2017〕64号 第四条: 行政职权名称、行使主体、职权类型、
 * 设定依据、实施对象、责任事项、追责情形、追责依据、监督方式和救济途径). Returns a message per missing field.
 */
export function rowProblems(row: PowerRow, typeLabels: readonly string[]): Partial<Record<keyof PowerRow, string>> {
  const out: Partial<Record<keyof PowerRow, string>> = {};
  const need: (keyof PowerRow)[] = ['name', 'subject', 'target', 'accountability', 'accountabilityBasis', 'supervision', 'remedy'];
  for (const k of need) if (!String(row[k]).trim()) out[k] = `请填写${ROW_LABELS[k]}`;
  if (!row.type) out.type = '请选择职权类型';
  else if (!typeLabels.includes(row.type)) out.type = `职权类型“${row.type}”不在本市的职权类型列表中（${typeLabels.join('、')}）`;
  if (!row.basis.some((b) => b.trim())) out.basis = '请填写设定依据（法律法规名称及条款）';
  else if (row.basis.some((b) => b.trim() && !/《[^》]+》/.test(b))) out.basis = '设定依据应写明法律法规名称（用书名号）及条款，如《中华人民共和国行政处罚法》第二十四条';
  if (!row.duties.some((d) => d.text.trim())) out.duties = '请填写责任事项（按环节列出）';
  if (!(POWER_SOURCES as readonly string[]).includes(row.source)) out.source = '来源应为法定、下放或委托';
  else if (row.source === '委托' && !row.entrustedBy.trim()) out.entrustedBy = '委托实施的事项请填写委托机关';
  return out;
}

/** The key that identifies a row across editions: its code, or its name and sub-item when it has none. */
export function rowKey(row: Pick<PowerRow, 'code' | 'name' | 'subItem'>): string {
  return row.code.trim() ? `code:${row.code.trim()}` : `name:${row.name.trim()}|${row.subItem.trim()}`;
}

/** Splits 责任事项 text written "1.立案责任：… 2.调查取证责任：…" (or one stage per line) into stages. */
export function parseDuties(text: string): DutyStage[] {
  const t = text.replace(/\r\n?/g, '\n').trim();
  if (!t) return [];
  const parts = t.split(/(?:^|\n|\s|(?<=[。；;]))(?=\d{1,2}[.、．]\s*[^\d])/).map((s) => s.trim()).filter(Boolean);
  return parts.map((p) => {
    const body = p.replace(/^\d{1,2}[.、．]\s*/, '');
    const m = /^([^：:，,。]{2,20}责任)[：:]?\s*([\s\S]*)$/.exec(body);
    const rest = m ? m[2]!.trim() : '';
    return m ? { stage: m[1]!, text: rest.replace(/^[。；;]+$/, '') || m[1]! } : { stage: '', text: body };
  });
}

export function dutiesText(duties: readonly DutyStage[]): string {
  return duties.map((d, i) => `${i + 1}.${d.stage ? `${d.stage}：` : ''}${d.text}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// 动态调整: a change goes 提出 → 牵头部门审核 → 司法局合法性审查 → 政府同意 → 公布 (regulation-wave2 §1.4; the
// chain is the Yunnan practice, configurable in wording only).
// ---------------------------------------------------------------------------------------------

export const CHANGE_KINDS = ['增加', '取消', '下放', '委托', '变更要素'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_STATES = ['proposed', 'reviewed', 'legality_checked', 'approved', 'published', 'rejected'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export const CHANGE_STATE_LABELS: Record<ChangeState, string> = {
  proposed: '已提出',
  reviewed: '牵头部门已审核',
  legality_checked: '司法局合法性审查通过',
  approved: '政府已同意',
  published: '已公布',
  rejected: '未通过',
};

export type ChangeAction = 'review' | 'check_legality' | 'approve' | 'publish' | 'reject';

export const CHANGE_ACTION_LABELS: Record<ChangeAction, string> = {
  review: '牵头部门审核通过',
  check_legality: '合法性审查通过',
  approve: '本级政府同意',
  publish: '公布',
  reject: '退回（不予调整）',
};

const NEXT: Record<Exclude<ChangeAction, 'reject'>, [ChangeState, ChangeState]> = {
  review: ['proposed', 'reviewed'],
  check_legality: ['reviewed', 'legality_checked'],
  approve: ['legality_checked', 'approved'],
  publish: ['approved', 'published'],
};

export interface ChangeStep {
  state: ChangeState;
  /** The date of the last step (proposal date for a new change). */
  lastOn: string;
}

export type StepResult = { ok: true; state: ChangeState } | { ok: false; errors: Record<string, string> };

/**
 * The next state of a change. Each step is dated on or after the previous one; approval needs the
 * approval document's 文号; a rejection needs a reason.
 */
export function applyChangeAction(c: ChangeStep, action: ChangeAction, input: { on: string; docNo?: string; reason?: string }, today: string): StepResult {
  const errors: Record<string, string> = {};
  if (input.on > today) errors.on = '日期不能晚于今天';
  else if (input.on < c.lastOn) errors.on = `日期不能早于上一步的日期（${c.lastOn}）`;
  if (action === 'reject') {
    if (c.state === 'published' || c.state === 'rejected' || c.state === 'approved') return { ok: false, errors: { action: `${CHANGE_STATE_LABELS[c.state]}的调整不能退回` } };
    if (!input.reason?.trim()) errors.reason = '请填写退回理由';
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, state: 'rejected' };
  }
  const [from, to] = NEXT[action];
  if (c.state !== from) return { ok: false, errors: { action: `当前状态为“${CHANGE_STATE_LABELS[c.state]}”，不能${CHANGE_ACTION_LABELS[action]}` } };
  if (action === 'approve' && !input.docNo?.trim()) errors.docNo = '请填写同意调整的文件文号，如楚政办通〔2026〕12号';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, state: to };
}

/** What a change needs besides its kind: the item it touches (all but 增加) and the new row (all but 取消). */
export function changeProblems(kind: ChangeKind, hasItem: boolean, reason: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (kind !== '增加' && !hasItem) out.item = '请选择要调整的事项';
  if (kind === '增加' && hasItem) out.item = '增加事项不应选择已有事项';
  if (!reason.trim()) out.reason = '请填写调整理由和依据（如设定依据的修订）';
  return out;
}

/** The row after the change: 下放/委托 set the source; 取消 removes it (undefined). */
export function rowAfterChange(kind: ChangeKind, proposed: PowerRow): PowerRow | undefined {
  if (kind === '取消') return undefined;
  if (kind === '下放' || kind === '委托') return { ...proposed, source: kind };
  return proposed;
}

// ---------------------------------------------------------------------------------------------
// Diff between editions
// ---------------------------------------------------------------------------------------------

export interface RowDiff {
  key: string;
  name: string;
  kind: 'added' | 'removed' | 'changed';
  fields: string[];
}

const DIFF_FIELDS: (keyof PowerRow)[] = ['name', 'subItem', 'type', 'basis', 'subject', 'entrustedBy', 'target', 'duties', 'accountability', 'accountabilityBasis', 'supervision', 'remedy', 'source', 'note'];

export function diffRows(before: readonly PowerRow[], after: readonly PowerRow[]): RowDiff[] {
  const a = new Map(before.map((r) => [rowKey(r), r]));
  const b = new Map(after.map((r) => [rowKey(r), r]));
  const out: RowDiff[] = [];
  for (const [k, r] of b) {
    const old = a.get(k);
    if (!old) out.push({ key: k, name: r.name, kind: 'added', fields: [] });
    else {
      const fields = DIFF_FIELDS.filter((f) => JSON.stringify(old[f]) !== JSON.stringify(r[f])).map((f) => ROW_LABELS[f]);
      if (fields.length) out.push({ key: k, name: r.name, kind: 'changed', fields });
    }
  }
  for (const [k, r] of a) if (!b.has(k)) out.push({ key: k, name: r.name, kind: 'removed', fields: [] });
  return out;
}

/** Counts by 职权类型 and by 来源 (the "8 类 233 项 = 法定 108 + 赋权 127" summary of a published list). */
export function composition(rows: readonly Pick<PowerRow, 'type' | 'source'>[]): { total: number; byType: [string, number][]; statutory: number; devolved: number; entrusted: number } {
  const byType = new Map<string, number>();
  let statutory = 0;
  let devolved = 0;
  let entrusted = 0;
  for (const r of rows) {
    byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    if (r.source === '法定') statutory++;
    else if (r.source === '下放') devolved++;
    else entrusted++;
  }
  return { total: rows.length, byType: [...byType].sort((x, y) => y[1] - x[1]), statutory, devolved, entrusted };
}

/** An edition label such as "2026年版" or "2023年版（第二次调整）". */
export function editionLabelProblem(label: string): string | undefined {
  if (!label.trim()) return '请填写版本名称，如2026年版';
  if (!/^(19|20)\d{2}年版/.test(label.trim())) return '版本名称应以年份开头，如2026年版';
  if ([...label].length > 30) return '版本名称不能超过30个字';
  return undefined;
}
