// The fixed vocabularies of a record's metadata: columns, document types, validity, 公开属性 and its
// legal grounds, 政策解读 forms, withdrawal reasons, 主题分类 and 体裁. Pure data.

/** The general columns a record may belong to instead of (or besides) a catalog item. */
export const GENERAL_COLUMNS = ['news', 'notice', 'policy'] as const;
export type GeneralColumn = (typeof GENERAL_COLUMNS)[number];
export const GENERAL_COLUMN_LABELS: Record<GeneralColumn, string> = { news: '政务动态', notice: '通知公告', policy: '政策文件' };

/** 规章 / 行政规范性文件 are counted in the annual report (国办公开办函〔2021〕30号, table 二). */
export const DOC_TYPES = ['regulation', 'normative', 'other'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const DOC_TYPE_LABELS: Record<DocType, string> = { regulation: '规章', normative: '行政规范性文件', other: '其他' };

/** 有效性; 《政府网站发展指引》(国办发〔2017〕47号): 修改、废止、失效须及时公开并在原文件上明确标注. */
export const VALIDITIES = ['in_force', 'expired', 'repealed'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = { in_force: '有效', expired: '失效', repealed: '废止' };

/** 公开属性, marked when the document is drafted (国办发〔2016〕80号 公文公开属性源头认定). */
export const DISCLOSURES = ['proactive', 'on_request', 'withheld'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const DISCLOSURE_LABELS: Record<Disclosure, string> = { proactive: '主动公开', on_request: '依申请公开', withheld: '不予公开' };

export interface DisclosureGround {
  code: string;
  article: string;
  text: string;
  /** The 公开属性 the ground can justify: every exemption ground both; the others 依申请公开 only. */
  fits: readonly ('on_request' | 'withheld')[];
}

const BOTH = ['on_request', 'withheld'] as const;
const ON_REQUEST_ONLY = ['on_request'] as const;

/**
 * Legal grounds for not publishing proactively: 《政府信息公开条例》第十四条 (不予公开), 第十五条
 * (第三方合法权益), 第十六条 (可以不予公开), then the grounds of 依申请公开 alone: information outside
 * what 第十九、二十、二十一条 require to be published, given on application (第二十七条). Texts abridged
 * from the articles.
 */
export const DISCLOSURE_GROUNDS: readonly DisclosureGround[] = ([
  { code: 'art14-secret', article: '第十四条', text: '依法确定为国家秘密的政府信息' },
  { code: 'art14-prohibited', article: '第十四条', text: '法律、行政法规禁止公开的政府信息' },
  { code: 'art14-security', article: '第十四条', text: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息' },
  { code: 'art15-commercial', article: '第十五条', text: '涉及商业秘密，公开会对第三方合法权益造成损害的政府信息' },
  { code: 'art15-privacy', article: '第十五条', text: '涉及个人隐私，公开会对第三方合法权益造成损害的政府信息' },
  { code: 'art16-internal', article: '第十六条第一款', text: '内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）' },
  { code: 'art16-process', article: '第十六条第二款', text: '过程性信息（讨论记录、过程稿、磋商信函、请示报告等）' },
  { code: 'art16-enforcement', article: '第十六条第二款', text: '行政执法案卷信息' },
] as Omit<DisclosureGround, 'fits'>[])
  .map((g): DisclosureGround => ({ ...g, fits: BOTH }))
  .concat([
    {
      code: 'specific-persons',
      article: '第十九、二十、二十七条',
      text: '仅涉及特定个人或组织的政府信息，不涉及公众利益调整、无需公众广泛知晓或参与决策，不属于第十九、二十条应主动公开的范围，由相关人员依申请获取',
      fits: ON_REQUEST_ONLY,
    },
    {
      code: 'outside-proactive',
      article: '第十九、二十、二十一条',
      text: '不属于第十九、二十、二十一条规定应主动公开的范围，公众可依第二十七条申请获取',
      fits: ON_REQUEST_ONLY,
    },
  ]);

export function groundLabel(code: string): string {
  const g = DISCLOSURE_GROUNDS.find((x) => x.code === code);
  return g ? `《政府信息公开条例》${g.article}：${g.text}` : code;
}

/** Forms of 政策解读 (regulation notes §6). */
export const INTERPRETATION_FORMS = ['text', 'graphic', 'media', 'qa', 'expert', 'official'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
export const INTERPRETATION_FORM_LABELS: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图解',
  media: '音视频',
  qa: '问答',
  expert: '专家解读',
  official: '负责人解读',
};

export const RECORD_KINDS = ['record', 'interpretation'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Typed withdrawal reasons. */
export const WITHDRAW_REASONS = ['error', 'expired', 'replaced', 'other'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];
export const WITHDRAW_REASON_LABELS: Record<WithdrawReason, string> = { error: '内容有误', expired: '已失效', replaced: '被替代', other: '其他' };

/** 主题分类: the 22 first-level themes of the State Council policy library (regulation notes §11.1). */
export const SUBJECTS = [
  '国务院组织机构',
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const;

/**
 * 体裁: the 15 公文种类 of 《党政机关公文处理工作条例》(2012) 第八条, then the non-公文 genres government
 * sites use for records (regulation notes §11.2).
 */
export const GENRES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '方案',
  '办法',
  '规定',
  '规划',
  '计划',
  '总结',
  '解读',
  '新闻',
  '图片',
  '视频',
  '其他',
] as const;

export const RECORD_STATES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export const STATE_LABELS: Record<RecordState, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
};

export const ATTACHMENT_ROLES = ['attachment', 'interpretation_plan'] as const;
export type AttachmentRole = (typeof ATTACHMENT_ROLES)[number];
export const ATTACHMENT_ROLE_LABELS: Record<AttachmentRole, string> = { attachment: '附件', interpretation_plan: '解读方案' };

/** Field names of RecordInput (and of the other verbs' inputs) as people read them, for lists of reasons. */
export const FIELD_LABELS: Record<string, string> = {
  kind: '信息类别',
  interpretationForm: '解读形式',
  catalogItemId: '公开事项',
  generalColumn: '所属栏目',
  title: '标题',
  publisherName: '发布机构',
  docNo: '文号',
  writtenOn: '成文日期',
  formedOn: '信息形成（变更）日期',
  subject: '主题分类',
  genre: '体裁',
  docType: '文件类型',
  needsInterpretation: '需解读',
  interpretationWaiver: '无需解读的理由',
  docNoSharedReason: '联合发文或转发说明',
  keywords: '关键词',
  summary: '内容概述',
  bodyHtml: '正文',
  disclosure: '公开属性',
  disclosureGrounds: '不公开依据',
  disclosureNote: '公开属性说明',
  reevaluateOn: '复查日期',
  changeNote: '修订说明',
  scheduledAt: '定时发布时间',
  urgentReason: '紧急发布理由',
  reasons: '退回理由',
  validity: '有效性',
  changedOn: '失效或废止日期',
  replacedByIndexNo: '替代文件索引号',
  file: '文件',
  role: '附件类别',
  note: '说明',
  reason: '原因',
  unitId: '单位',
};
