// The default text of every letter: the reply letter (政府信息公开申请答复告知书) for each outcome of the
// annual report (国办公开办函〔2021〕30号, table 三), and the notices of the procedure. Written from
// 《中华人民共和国政府信息公开条例》(2019) and 国办函〔2020〕109号. Pure data; the openness office may
// replace each text with its own version (stored in req_letter_templates).
import type { PlaceholderName } from './template-text.ts';
import { OUTCOMES, outcomeLabel, type OutcomeCode } from '../domain/outcomes.ts';

/** Reply letters: one per outcome of the annual report (table 三), keyed by the outcome code. */
export const REPLY_OUTCOMES: readonly { code: OutcomeCode; label: string }[] = OUTCOMES.map((o) => ({ code: o.code, label: outcomeLabel(o.code) }));

export const NOTICE_KINDS = [
  { kind: 'clarification', label: '补正通知书' },
  { kind: 'extension', label: '延期答复告知书' },
  { kind: 'consultation', label: '征求意见函' },
  { kind: 'fee', label: '收费通知书' },
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number]['kind'];

/** A template key (req_letter_templates.key): an outcome code for reply letters, or a notice kind. */
export type LetterKind = OutcomeCode | NoticeKind;

export interface DefaultTemplate {
  kind: LetterKind;
  /** What the editor calls it, e.g. 答复告知书（予以公开）. */
  label: string;
  title: string;
  body: string;
  /** Placeholders an edited version must keep (the letter is unlawful or useless without them). */
  required: PlaceholderName[];
}

// The frame every reply letter shares: addressee, what was asked, the outcome, the remedy, the signature.
// Lines starting with ">" are right-aligned (the signature block).
function replyBody(outcome: string): string {
  return [
    '{申请人}：',
    '本机关于{收到申请日期}收到您提出的政府信息公开申请（受理编号：{受理编号}），申请获取“{申请内容}”。经审查，现答复如下：',
    outcome,
    '{答复说明}',
    '{救济途径}',
    '联系电话：{联系电话}',
    '> {单位名称}',
    '> {答复日期}',
  ].join('\n');
}

const REPLY_REQUIRED: PlaceholderName[] = ['申请人', '受理编号', '收到申请日期', '法律依据', '救济途径', '单位名称', '答复日期'];

/** The paragraph that states the outcome, per annual-report category, with its article of the 条例. */
const OUTCOME_PARAGRAPHS: Record<OutcomeCode, string> = {
  // 第三十六条第（一）（二）项
  disclose:
    '您申请获取的政府信息属于公开范围。根据{法律依据}的规定，本机关决定予以公开，现按照您要求的{提供形式}形式，通过{获取方式}方式向您提供（见附件：{附件清单}）。',
  // 第三十七条
  partial:
    '您申请获取的政府信息中，部分内容依法不予公开，其余内容可以作区分处理。根据{法律依据}的规定，本机关对可以公开的部分予以提供（见附件：{附件清单}）；不予公开的内容及理由如下：{不予公开部分及理由}。',
  // 第十四条
  withhold_1: '您申请获取的政府信息属于国家秘密。根据{法律依据}的规定，本机关决定不予公开。',
  withhold_2: '您申请获取的政府信息属于法律、行政法规禁止公开的政府信息。根据{法律依据}的规定，本机关决定不予公开。',
  withhold_3: '您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据{法律依据}的规定，本机关决定不予公开。',
  // 第十五条、第三十二条
  withhold_4: '您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据{法律依据}的规定，本机关决定不予公开。',
  // 第十六条第一款
  withhold_5: '您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息。根据{法律依据}的规定，本机关决定不予公开。',
  // 第十六条第二款
  withhold_6: '您申请获取的政府信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据{法律依据}的规定，本机关决定不予公开。',
  withhold_7: '您申请获取的政府信息属于行政执法案卷信息。根据{法律依据}的规定，本机关决定不予公开。',
  // 第三十六条第（七）项
  withhold_8: '您申请获取的信息属于行政查询事项，有关法律、行政法规对该信息的获取有特别规定。根据{法律依据}的规定，请您依照有关法律、行政法规的规定办理。',
  // 第三十六条第（四）（五）项
  unable_1: '经检索，本机关未制作或者获取您申请公开的政府信息。根据{法律依据}的规定，告知您该政府信息不存在或者不属于本机关负责公开。',
  // 第三十八条
  unable_2: '您申请获取的信息需要本机关对现有政府信息进行加工、分析后另行制作。根据{法律依据}的规定，本机关不予提供。',
  // 第三十条
  unable_3: '本机关已于此前向您发出补正通知，您补正后的申请内容仍不明确，本机关无法确定您申请获取的政府信息。根据{法律依据}的规定，本机关无法提供。',
  // 第三十九条第一款
  not_processed_1: '您以政府信息公开申请的形式提出的事项属于信访、投诉、举报。根据{法律依据}的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。',
  // 第三十六条第（六）项
  not_processed_2: '本机关已就您申请公开的相同政府信息作出答复，您重复申请公开相同政府信息。根据{法律依据}的规定，本机关不予重复处理。',
  // 第三十九条第二款
  not_processed_3: '您申请获取的是政府公报、报刊、书籍等公开出版物。根据{法律依据}的规定，请您通过相应途径获取。',
  // 第三十五条
  not_processed_4: '您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，理由不合理。根据{法律依据}的规定，本机关不予处理。',
  not_processed_5: '您要求本机关确认或者重新出具已经获取的信息，不属于政府信息公开申请的处理范围。根据{法律依据}的规定，本机关不予处理。',
  // 第三十条
  other_1: '本机关已向您发出补正通知，您无正当理由逾期未补正。根据{法律依据}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
  // 国办函〔2020〕109号
  other_2: '本机关已向您发出收费通知，您逾期未按收费通知的要求缴纳信息处理费。根据{法律依据}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
  other_3: '根据{法律依据}的规定，本机关对您的申请作如下处理。',
};

const REPLY_TITLE = '政府信息公开申请答复告知书';

const NOTICE_TEMPLATES: Record<NoticeKind, Omit<DefaultTemplate, 'kind' | 'label'>> = {
  // 条例 第三十条: within 7 working days, once, what to correct and a reasonable period; the clock restarts.
  clarification: {
    title: '政府信息公开申请补正通知书',
    body: [
      '{申请人}：',
      '本机关于{收到申请日期}收到您提出的政府信息公开申请（受理编号：{受理编号}）。经审查，您的申请内容不明确，本机关无法据此确定您申请获取的政府信息。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您于{补正期限}前对以下事项作出补正：',
      '{补正事项}',
      '答复期限自本机关收到补正后的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '联系电话：{联系电话}',
      '> {单位名称}',
      '> {答复日期}',
    ].join('\n'),
    required: ['申请人', '受理编号', '补正事项', '补正期限', '单位名称', '答复日期'],
  },
  // 条例 第三十三条第二款: one extension of at most 20 working days, approved by the head of the 工作机构, applicant told.
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: [
      '{申请人}：',
      '本机关于{收到申请日期}收到您提出的政府信息公开申请（受理编号：{受理编号}）。因{延期理由}，本机关不能在{原答复期限}前作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长工作日数}个工作日，本机关将于{延长后答复期限}前作出答复。',
      '特此告知。',
      '联系电话：{联系电话}',
      '> {单位名称}',
      '> {答复日期}',
    ].join('\n'),
    required: ['申请人', '受理编号', '延期理由', '延长工作日数', '延长后答复期限', '单位名称', '答复日期'],
  },
  // 条例 第三十二条 (third party, 15 working days) and 第三十四条 (other agencies, 15 working days).
  consultation: {
    title: '政府信息公开征求意见函',
    body: [
      '{征求意见对象}：',
      '本机关于{收到申请日期}收到政府信息公开申请（受理编号：{受理编号}），申请公开的政府信息涉及以下内容：{征求意见事项}。根据《中华人民共和国政府信息公开条例》的规定，现书面征求你方意见。',
      '请于收到本函之日起15个工作日内（{意见期限}前）以书面形式提出意见，同意或者不同意公开均请说明理由。{逾期后果}',
      '联系电话：{联系电话}',
      '> {单位名称}',
      '> {答复日期}',
    ].join('\n'),
    required: ['征求意见对象', '受理编号', '征求意见事项', '意见期限', '单位名称', '答复日期'],
  },
  // 国办函〔2020〕109号: the notice states basis, rate, amount and how to pay; 20 working days from the day after receipt.
  fee: {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      '{申请人}：',
      '本机关于{收到申请日期}收到您提出的政府信息公开申请（受理编号：{受理编号}）。您申请公开政府信息的数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关依法收取信息处理费。',
      '计收方式：{收费方式}；收费标准：{收费标准}；应缴金额：人民币{收费金额}元。',
      '请您自收到本通知之次日起20个工作日内（{缴费期限}前）按以下方式缴纳：{缴纳方式}。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '联系电话：{联系电话}',
      '> {单位名称}',
      '> {答复日期}',
    ].join('\n'),
    required: ['申请人', '受理编号', '收费金额', '缴费期限', '缴纳方式', '单位名称', '答复日期'],
  },
};

/** Every letter kind with its default text, reply letters first (in annual-report order). */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  ...REPLY_OUTCOMES.map((o) => ({
    kind: o.code as LetterKind,
    label: `答复告知书（${o.label}）`,
    title: REPLY_TITLE,
    body: replyBody(OUTCOME_PARAGRAPHS[o.code]),
    required: REPLY_REQUIRED,
  })),
  ...NOTICE_KINDS.map((n) => ({ kind: n.kind as LetterKind, label: n.label, ...NOTICE_TEMPLATES[n.kind] })),
];

const BY_KIND = new Map(DEFAULT_TEMPLATES.map((t) => [t.kind, t]));

export function defaultTemplate(kind: string): DefaultTemplate | undefined {
  return BY_KIND.get(kind as LetterKind);
}

export function isLetterKind(kind: string): kind is LetterKind {
  return BY_KIND.has(kind as LetterKind);
}

/** What happens when the consulted party does not answer in time (条例 第三十二条 / 第三十四条). */
export function consultationConsequence(party: 'third_party' | 'agency'): string {
  return party === 'agency'
    ? '根据条例第三十四条的规定，逾期未提出意见的，视为同意公开。'
    : '根据条例第三十二条的规定，逾期未提出意见的，由本机关依照条例的规定决定是否公开。';
}
