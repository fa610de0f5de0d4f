// The national format of the 政府信息公开工作年度报告, cell for cell:
// 国办公开办函〔2021〕30号 (transcribed in shared/reference/regulation.md §2). Pure constants.

/** 《政府信息公开条例》第五十条 and 国办公开办函〔2021〕30号: the six sections, exact headings. */
export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  remedies: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

export type TextSection = 'overview' | 'problems' | 'other';
export const TEXT_SECTIONS: readonly TextSection[] = ['overview', 'problems', 'other'];

// ---------------------------------------------------------------------------------------------
// Section 二 (regulation.md §2.2): four sub-tables, each headed by the 条例 第二十条 clause.

export type RecordKind = 'regulation' | 'normativeDocument';
export const RECORD_KINDS: readonly RecordKind[] = ['regulation', 'normativeDocument'];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = { regulation: '规章', normativeDocument: '行政规范性文件' };

export type RecordColumn = 'issued' | 'repealed' | 'inForce';
export const RECORD_COLUMNS: readonly RecordColumn[] = ['issued', 'repealed', 'inForce'];
export const RECORD_COLUMN_LABELS: Record<RecordColumn, string> = { issued: '本年制发件数', repealed: '本年废止件数', inForce: '现行有效件数' };

/** Figures the platform has no source for; the unit enters them (条例 第二十条第（五）（六）（八）项). */
export type DecisionField = 'licensing' | 'penalty' | 'enforcement';
export const DECISION_FIELDS: readonly DecisionField[] = ['licensing', 'penalty', 'enforcement'];
export const DECISION_LABELS: Record<DecisionField, string> = { licensing: '行政许可', penalty: '行政处罚', enforcement: '行政强制' };

export const S2_BLOCKS = [
  { clause: '第二十条第（一）项', columns: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], rows: ['规章', '行政规范性文件'] },
  { clause: '第二十条第（五）项', columns: ['信息内容', '本年处理决定数量'], rows: ['行政许可'] },
  { clause: '第二十条第（六）项', columns: ['信息内容', '本年处理决定数量'], rows: ['行政处罚', '行政强制'] },
  { clause: '第二十条第（八）项', columns: ['信息内容', '本年收费金额（单位：万元）'], rows: ['行政事业性收费'] },
] as const;

// ---------------------------------------------------------------------------------------------
// Section 三 (regulation.md §2.3): 25 data rows × 7 columns.

export const S3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const S3_APPLICANT_HEADER = '申请人情况';
export const S3_ORGANISATION_HEADER = '法人或其他组织';

/** 申请人 types captured at registration: 自然人, or one of the five 法人或其他组织 sub-types. */
export type ApplicantType = 'person' | 'business' | 'research' | 'nonprofit' | 'legal' | 'other';
export const APPLICANT_TYPES: readonly ApplicantType[] = ['person', 'business', 'research', 'nonprofit', 'legal', 'other'];
export type S3Column = ApplicantType | 'total';
/** The seven numeric columns, in table order. There is no 法人或其他组织 subtotal column. */
export const S3_COLUMNS: readonly S3Column[] = [...APPLICANT_TYPES, 'total'];
export const S3_COLUMN_LABELS: Record<S3Column, string> = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** The 21 outcome rows of 三、本年度办理结果 (（一）–（六）), in table order. */
export const OUTCOME_ROWS = [
  'granted',
  'partial',
  'stateSecret',
  'lawForbidden',
  'threeSecurity',
  'thirdParty',
  'internalAffairs',
  'processInfo',
  'enforcementFile',
  'administrativeQuery',
  'notHeld',
  'needsCreation',
  'unclearAfterClarification',
  'petition',
  'repeated',
  'publication',
  'excessive',
  'confirmation',
  'noClarification',
  'feeUnpaid',
  'otherReason',
] as const;
export type OutcomeRow = (typeof OUTCOME_ROWS)[number];

export type S3Row = 'new' | 'carried' | OutcomeRow | 'total' | 'forward';
/** All 25 data rows, in table order. */
export const S3_ROWS: readonly S3Row[] = ['new', 'carried', ...OUTCOME_ROWS, 'total', 'forward'];

/** The merged group label a row sits under (（三）–（六）), if any. */
export type OutcomeGroup = 'withheld' | 'unable' | 'notProcessed' | 'otherHandling';
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  otherHandling: '（六）其他处理',
};

export interface S3RowSpec {
  key: S3Row;
  label: string;
  /** 三、本年度办理结果 rows sit under that merged label. */
  inResults: boolean;
  group?: OutcomeGroup;
}

export const S3_RESULTS_LABEL = '三、本年度办理结果';

export const S3_ROW_SPECS: readonly S3RowSpec[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', inResults: false },
  { key: 'carried', label: '二、上年结转政府信息公开申请数量', inResults: false },
  { key: 'granted', label: '（一）予以公开', inResults: true },
  { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', inResults: true },
  { key: 'stateSecret', label: '1.属于国家秘密', inResults: true, group: 'withheld' },
  { key: 'lawForbidden', label: '2.其他法律行政法规禁止公开', inResults: true, group: 'withheld' },
  { key: 'threeSecurity', label: '3.危及“三安全一稳定”', inResults: true, group: 'withheld' },
  { key: 'thirdParty', label: '4.保护第三方合法权益', inResults: true, group: 'withheld' },
  { key: 'internalAffairs', label: '5.属于三类内部事务信息', inResults: true, group: 'withheld' },
  { key: 'processInfo', label: '6.属于四类过程性信息', inResults: true, group: 'withheld' },
  { key: 'enforcementFile', label: '7.属于行政执法案卷', inResults: true, group: 'withheld' },
  { key: 'administrativeQuery', label: '8.属于行政查询事项', inResults: true, group: 'withheld' },
  { key: 'notHeld', label: '1.本机关不掌握相关政府信息', inResults: true, group: 'unable' },
  { key: 'needsCreation', label: '2.没有现成信息需要另行制作', inResults: true, group: 'unable' },
  { key: 'unclearAfterClarification', label: '3.补正后申请内容仍不明确', inResults: true, group: 'unable' },
  { key: 'petition', label: '1.信访举报投诉类申请', inResults: true, group: 'notProcessed' },
  { key: 'repeated', label: '2.重复申请', inResults: true, group: 'notProcessed' },
  { key: 'publication', label: '3.要求提供公开出版物', inResults: true, group: 'notProcessed' },
  { key: 'excessive', label: '4.无正当理由大量反复申请', inResults: true, group: 'notProcessed' },
  { key: 'confirmation', label: '5.要求行政机关确认或重新出具已获取信息', inResults: true, group: 'notProcessed' },
  { key: 'noClarification', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', inResults: true, group: 'otherHandling' },
  { key: 'feeUnpaid', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', inResults: true, group: 'otherHandling' },
  { key: 'otherReason', label: '3.其他', inResults: true, group: 'otherHandling' },
  { key: 'total', label: '（七）总计', inResults: true },
  { key: 'forward', label: '四、结转下年度继续办理', inResults: false },
];

export const S3_ROW_SPEC: Record<S3Row, S3RowSpec> = Object.fromEntries(S3_ROW_SPECS.map((r) => [r.key, r])) as Record<S3Row, S3RowSpec>;

/** "（三）不予公开 1.属于国家秘密" — the row label with its group, as a person names it. */
export function s3RowName(row: S3Row): string {
  const spec = S3_ROW_SPEC[row];
  return spec.group ? `${OUTCOME_GROUP_LABELS[spec.group]} ${spec.label}` : spec.label;
}

// ---------------------------------------------------------------------------------------------
// Section 四 (regulation.md §2.4): one data row, 15 columns in three groups.

export type RemedyGroup = 'review' | 'direct' | 'afterReview';
export const REMEDY_GROUPS: readonly RemedyGroup[] = ['review', 'direct', 'afterReview'];
export const REMEDY_GROUP_LABELS: Record<RemedyGroup, string> = {
  review: '行政复议',
  direct: '行政诉讼·未经复议直接起诉',
  afterReview: '行政诉讼·复议后起诉',
};
export type RemedyResult = 'upheld' | 'corrected' | 'other' | 'pending';
export const REMEDY_RESULTS: readonly RemedyResult[] = ['upheld', 'corrected', 'other', 'pending'];
export type RemedyColumn = RemedyResult | 'total';
export const REMEDY_COLUMNS: readonly RemedyColumn[] = [...REMEDY_RESULTS, 'total'];
export const REMEDY_COLUMN_LABELS: Record<RemedyColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
