// Outcomes of a request in the exact categories of the annual report (国办公开办函〔2021〕30号,
// table 三, reference/regulation.md §2.3), each with its legal basis; the remedy notice (第五十一条).
// Pure code.

export type OutcomeGroup = 'disclose' | 'partial' | 'withhold' | 'unable' | 'not_processed' | 'other';

export interface OutcomeDef {
  code: OutcomeCode;
  group: OutcomeGroup;
  /** 1-based number inside its group (0 for the ungrouped rows （一） and （二）). */
  no: number;
  /** The exact row label of the annual report. */
  label: string;
  /** The group label with its number, e.g. （三）不予公开. */
  groupLabel: string;
  /** Legal basis to cite in the reply (the default text of the reply's 法律依据). */
  basis: string[];
  /** Plain explanation for staff choosing the outcome. */
  hint: string;
  /** Chosen by a reply (true) or set by the workflow when the request ends (false). */
  byReply: boolean;
}

export const OUTCOME_CODES = [
  'disclose',
  'partial',
  'withhold_1', 'withhold_2', 'withhold_3', 'withhold_4', 'withhold_5', 'withhold_6', 'withhold_7', 'withhold_8',
  'unable_1', 'unable_2', 'unable_3',
  'not_processed_1', 'not_processed_2', 'not_processed_3', 'not_processed_4', 'not_processed_5',
  'other_1', 'other_2', 'other_3',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

const G = {
  disclose: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  withhold: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
} as const;

const T = '《中华人民共和国政府信息公开条例》';

export const OUTCOMES: readonly OutcomeDef[] = [
  { code: 'disclose', group: 'disclose', no: 0, groupLabel: G.disclose, label: '予以公开', basis: [`${T}第三十六条第（一）项`, `${T}第三十六条第（二）项`], hint: '已主动公开的告知获取方式；可以公开的向申请人提供', byReply: true },
  { code: 'partial', group: 'partial', no: 0, groupLabel: G.partial, label: '部分公开（区分处理的，只计这一情形，不计其他情形）', basis: [`${T}第三十七条`], hint: '能够作区分处理的，提供可以公开的部分，并说明不予公开部分的理由', byReply: true },
  { code: 'withhold_1', group: 'withhold', no: 1, groupLabel: G.withhold, label: '属于国家秘密', basis: [`${T}第十四条`, `${T}第三十六条第（三）项`], hint: '依法确定为国家秘密的政府信息', byReply: true },
  { code: 'withhold_2', group: 'withhold', no: 2, groupLabel: G.withhold, label: '其他法律行政法规禁止公开', basis: [`${T}第十四条`, `${T}第三十六条第（三）项`], hint: '法律、行政法规禁止公开的政府信息', byReply: true },
  { code: 'withhold_3', group: 'withhold', no: 3, groupLabel: G.withhold, label: '危及“三安全一稳定”', basis: [`${T}第十四条`, `${T}第三十六条第（三）项`], hint: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', byReply: true },
  { code: 'withhold_4', group: 'withhold', no: 4, groupLabel: G.withhold, label: '保护第三方合法权益', basis: [`${T}第十五条`, `${T}第三十二条`, `${T}第三十六条第（三）项`], hint: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', byReply: true },
  { code: 'withhold_5', group: 'withhold', no: 5, groupLabel: G.withhold, label: '属于三类内部事务信息', basis: [`${T}第十六条第一款`, `${T}第三十六条第（三）项`], hint: '人事管理、后勤管理、内部工作流程等内部事务信息', byReply: true },
  { code: 'withhold_6', group: 'withhold', no: 6, groupLabel: G.withhold, label: '属于四类过程性信息', basis: [`${T}第十六条第二款`, `${T}第三十六条第（三）项`], hint: '讨论记录、过程稿、磋商信函、请示报告等过程性信息', byReply: true },
  { code: 'withhold_7', group: 'withhold', no: 7, groupLabel: G.withhold, label: '属于行政执法案卷', basis: [`${T}第十六条第二款`, `${T}第三十六条第（三）项`], hint: '行政执法案卷信息', byReply: true },
  { code: 'withhold_8', group: 'withhold', no: 8, groupLabel: G.withhold, label: '属于行政查询事项', basis: [`${T}第三十六条第（七）项`], hint: '工商、不动产登记资料等，有关法律、行政法规对信息的获取有特别规定', byReply: true },
  { code: 'unable_1', group: 'unable', no: 1, groupLabel: G.unable, label: '本机关不掌握相关政府信息', basis: [`${T}第三十六条第（四）项`, `${T}第三十六条第（五）项`], hint: '经检索没有所申请公开的信息，或不属于本机关负责公开（能够确定负责机关的，告知其名称、联系方式）', byReply: true },
  { code: 'unable_2', group: 'unable', no: 2, groupLabel: G.unable, label: '没有现成信息需要另行制作', basis: [`${T}第三十八条`], hint: '需要对现有政府信息进行加工、分析', byReply: true },
  { code: 'unable_3', group: 'unable', no: 3, groupLabel: G.unable, label: '补正后申请内容仍不明确', basis: [`${T}第三十条`], hint: '已告知补正，补正后的申请内容仍不明确', byReply: true },
  { code: 'not_processed_1', group: 'not_processed', no: 1, groupLabel: G.not_processed, label: '信访举报投诉类申请', basis: [`${T}第三十九条第一款`], hint: '以政府信息公开申请的形式进行信访、投诉、举报等活动：告知不作为政府信息公开申请处理，并告知应当通过的渠道', byReply: true },
  { code: 'not_processed_2', group: 'not_processed', no: 2, groupLabel: G.not_processed, label: '重复申请', basis: [`${T}第三十六条第（六）项`], hint: '已就申请作出答复，申请人重复申请公开相同政府信息', byReply: true },
  { code: 'not_processed_3', group: 'not_processed', no: 3, groupLabel: G.not_processed, label: '要求提供公开出版物', basis: [`${T}第三十九条第二款`], hint: '要求提供政府公报、报刊、书籍等公开出版物：告知获取的途径', byReply: true },
  { code: 'not_processed_4', group: 'not_processed', no: 4, groupLabel: G.not_processed, label: '无正当理由大量反复申请', basis: [`${T}第三十五条`], hint: '申请数量、频次明显超过合理范围，且说明的理由不合理', byReply: true },
  { code: 'not_processed_5', group: 'not_processed', no: 5, groupLabel: G.not_processed, label: '要求行政机关确认或重新出具已获取信息', basis: [`${T}第三十八条`, `${T}第三十九条`], hint: '要求确认或重新出具申请人已经获取的信息', byReply: true },
  { code: 'other_1', group: 'other', no: 1, groupLabel: G.other, label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', basis: [`${T}第三十条`], hint: '补正期限届满，申请人未补正（由“逾期未补正”操作记录）', byReply: false },
  { code: 'other_2', group: 'other', no: 2, groupLabel: G.other, label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', basis: [`${T}第四十二条`, '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'], hint: '缴费期限届满，申请人未缴费（由“逾期未缴费”操作记录）', byReply: false },
  { code: 'other_3', group: 'other', no: 3, groupLabel: G.other, label: '其他', basis: [], hint: '其他处理情形，如申请人撤回申请（须写明依据）', byReply: true },
];

const BY_CODE = new Map(OUTCOMES.map((o) => [o.code, o]));

export function isOutcomeCode(s: unknown): s is OutcomeCode {
  return typeof s === 'string' && BY_CODE.has(s as OutcomeCode);
}

export function outcome(code: OutcomeCode): OutcomeDef {
  const o = BY_CODE.get(code);
  if (!o) throw new RangeError(`unknown outcome ${code}`);
  return o;
}

/** The full label for lists: e.g. "不予公开 4. 保护第三方合法权益". */
export function outcomeLabel(code: OutcomeCode): string {
  const o = outcome(code);
  if (o.no === 0) return o.code === 'partial' ? '部分公开' : '予以公开';
  return `${o.groupLabel.replace(/^（.）/, '')} ${o.no}. ${o.label}`;
}

/** Default legal basis text for a reply. */
export function suggestedBasis(code: OutcomeCode): string {
  return outcome(code).basis.join('、');
}

/** The withdrawal outcome (annual report （六）3 其他; regulation.md §2.3: UNVERIFIED but common practice). */
export const WITHDRAWN_OUTCOME: OutcomeCode = 'other_3';
export const WITHDRAWN_BASIS = '申请人撤回政府信息公开申请';

export interface ReplyInput {
  outcome: string;
  /** 法律依据: required for every reply. */
  legalBasis: string;
  /** 部分公开: what was withheld … */
  withheldParts?: string;
  /** … and why (第三十七条 说明理由). */
  withheldReason?: string;
  /** 不予处理 1 (第三十九条): the channel the applicant should use (信访、12345、举报渠道 …). */
  redirectChannel?: string;
  /** 无法提供 1 (第三十六条第（五）项): the agency that holds the information, when known. */
  responsibleAgency?: string;
  /** 不予处理 2: the earlier request already answered (its 受理编号). */
  earlierRequestNo?: string;
}

export interface ReplyFacts {
  /** Whether a 补正 notice was sent and the corrected application received (unable_3 needs it). */
  correctionReceived: boolean;
}

/** Field errors for a reply (empty when acceptable). */
export function validateReply(input: ReplyInput, facts: ReplyFacts): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isOutcomeCode(input.outcome)) {
    errors.outcome = '请选择办理结果（年度报告分类）';
    return errors;
  }
  const o = outcome(input.outcome);
  if (!o.byReply) errors.outcome = `“${o.label}”由逾期处理操作自动记录，不能作为答复结果`;
  if (!input.legalBasis?.trim()) errors.legalBasis = '请填写答复的法律依据（如条例第几条第几项）';
  if (o.code === 'partial') {
    // 第三十七条: 提供可以公开的部分，并对不予公开的部分说明理由.
    if (!input.withheldParts?.trim()) errors.withheldParts = '部分公开须写明不予公开的内容';
    if (!input.withheldReason?.trim()) errors.withheldReason = '部分公开须说明不予公开部分的理由';
  }
  // 第三十九条第一款: 告知不作为政府信息公开申请处理并可以告知通过相应渠道提出.
  if (o.code === 'not_processed_1' && !input.redirectChannel?.trim()) errors.redirectChannel = '请写明申请人应当通过的渠道（如信访、12345热线、举报渠道）';
  if (o.code === 'unable_3' && !facts.correctionReceived) errors.outcome = '“补正后申请内容仍不明确”只适用于已告知补正并收到补正的申请';
  return errors;
}

export interface RemedyBodies {
  /** 行政复议机关, e.g. 楚雄市人民政府. */
  reviewBody: string;
  /** 人民法院, e.g. 楚雄市人民法院 (default: 有管辖权的人民法院). */
  court?: string;
}

/** 行政复议 within 60 days (行政复议法 第二十条), 行政诉讼 within 6 months (行政诉讼法 第四十六条). */
export const REVIEW_DAYS = 60;
export const LAWSUIT_MONTHS = 6;

/** The remedy notice of every reply letter (条例 第五十一条). */
export function remedyNotice(b: RemedyBodies): string {
  const court = b.court?.trim() || '有管辖权的人民法院';
  return (
    `如对本答复不服，可以自收到本告知书之日起${REVIEW_DAYS}日内向${b.reviewBody}申请行政复议，` +
    `或者自收到本告知书之日起${LAWSUIT_MONTHS}个月内向${court}提起行政诉讼。`
  );
}

/** Annual-report groups in table order, with their outcomes: for the annual report. */
export function outcomeTable(): { group: OutcomeGroup; groupLabel: string; rows: OutcomeDef[] }[] {
  const groups: OutcomeGroup[] = ['disclose', 'partial', 'withhold', 'unable', 'not_processed', 'other'];
  return groups.map((g) => ({ group: g, groupLabel: G[g], rows: OUTCOMES.filter((o) => o.group === g) }));
}

/** Whether a reply with this outcome releases information (release to all: 予以公开 / 部分公开). */
export function releasesInformation(code: OutcomeCode): boolean {
  return code === 'disclose' || code === 'partial';
}
