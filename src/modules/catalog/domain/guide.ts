// The 政府信息公开指南 of a unit: its sections, the default text generated from the unit's data, and the
// checks on an edited version. Pure: the date is an argument.
import type { CurrentUser } from '../../../core/ui/context.ts';
import { hasRole } from '../../../core/auth/roles.ts';

export interface GuideSectionText {
  key: string;
  title: string;
  body: string;
}

export interface GuideUnitInfo {
  name: string;
  address: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  opennessContact: string;
}

/** Where a complaint goes (条例 第五十一条); unknown for the city itself, then described generically. */
export interface GuideSupervisors {
  /** 上一级行政机关, e.g. 楚雄市人民政府 for a department. */
  superiorName?: string;
  /** 政府信息公开工作主管部门 (条例 第三条: 县级以上地方人民政府办公厅（室）). */
  competentOfficeName?: string;
  /** The unit's 行政复议机关 (its setting, or the default of its kind: 行政复议法 第二十四条、第二十七条). */
  reviewBody?: string;
  /** The unit's 人民法院. */
  court?: string;
}

export const GUIDE_SECTION_KEYS = ['overview', 'classification', 'proactive', 'on_request', 'office', 'supervision'] as const;
export type GuideSectionKey = (typeof GUIDE_SECTION_KEYS)[number];

export const GUIDE_SECTION_TITLES: Record<GuideSectionKey, string> = {
  overview: '说明',
  classification: '政府信息的分类与编排体系',
  proactive: '主动公开',
  on_request: '依申请公开',
  office: '政府信息公开工作机构',
  supervision: '监督方式及程序',
};

export const GUIDE_LIMITS = { section: 20_000, reason: 500 } as const;

/** The unit fields the 指南 must state (条例 第十二条), with their labels. */
export const GUIDE_UNIT_FIELDS: { key: keyof GuideUnitInfo; label: string }[] = [
  { key: 'opennessContact', label: '政府信息公开工作机构' },
  { key: 'address', label: '办公地址' },
  { key: 'officeHours', label: '办公时间' },
  { key: 'phone', label: '联系电话' },
  { key: 'fax', label: '传真号码' },
  { key: 'email', label: '电子邮箱' },
];

const MISSING = '（待补充）';

/** The unit fields that are empty, by label: the generated text marks them 待补充. */
export function missingUnitFields(unit: GuideUnitInfo): string[] {
  return GUIDE_UNIT_FIELDS.filter((f) => !unit[f.key].trim()).map((f) => f.label);
}

/** 2026-11-26 → 2026年11月26日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const or = (v: string) => v.trim() || MISSING;

/** The default 指南, filled with the unit's data (条例 第十二条). */
export function defaultGuideSections(unit: GuideUnitInfo, today: string, supervisors: GuideSupervisors = {}): GuideSectionText[] {
  const name = unit.name.trim();
  const superior = supervisors.superiorName?.trim() || '上一级行政机关';
  // The competent office itself (the government's 办公室) complains upwards only.
  const ownOffice = supervisors.competentOfficeName?.trim() === name;
  const competent = (ownOffice ? '' : supervisors.competentOfficeName?.trim()) || (supervisors.superiorName ? superior : '上一级人民政府的政府信息公开工作主管部门');
  const complainTo = [...new Set([superior, competent])].join('或者');
  const body: Record<GuideSectionKey, string> = {
    overview: [
      `为了保障公民、法人和其他组织依法获取政府信息，提高政府工作的透明度，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条的规定，编制《${name}政府信息公开指南》（以下简称本指南）。`,
      `公民、法人和其他组织需要获取${name}（以下简称本机关）的政府信息，建议先阅读本指南。本指南说明本机关政府信息的分类、编排体系和获取方式，以及本机关政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式。`,
      `本指南根据法律法规和工作情况及时更新，以本网站公布的最新版本为准。本指南编制日期：${chineseDate(today)}。`,
    ].join('\n'),
    classification: [
      '本机关主动公开的政府信息按照以下体系分类、编排：',
      '（一）按公开领域和事项分类。依据国务院有关部门制定的基层政务公开标准指引，本机关的政务公开事项按公开领域（如财政预决算、生态环境、社会救助等）分类；每个领域下设一级事项和二级事项，每个二级事项列明公开内容（要素）、公开依据、公开时限、公开主体、公开渠道和载体、公开对象、公开方式和公开层级。本机关的政务公开事项标准目录在本网站“政府信息公开”专栏公布，并根据法律法规和工作情况动态调整。',
      '（二）按主题分类。政策文件等政府信息同时按主题（如综合政务，财政、金融、审计，城乡建设、环境保护等）标注，便于按主题查找。',
      '（三）编排方式。每条政府信息标注索引号、名称、内容概述、生成日期和发布机构等要素，在所属事项下按生成日期由近及远排列，可以通过本网站检索、查阅和下载。',
    ].join('\n'),
    proactive: [
      '（一）公开范围。本机关依照《条例》第十九条、第二十条、第二十一条的规定和本机关政务公开事项标准目录，主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，主要包括（《条例》第二十条）：1. 行政法规、规章和规范性文件；2. 机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名；3. 国民经济和社会发展规划、专项规划、区域规划及相关政策；4. 国民经济和社会发展统计信息；5. 办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；6. 实施行政处罚、行政强制的依据、条件、程序以及本机关认为具有一定社会影响的行政处罚决定；7. 财政预算、决算信息；8. 行政事业性收费项目及其依据、标准；9. 政府集中采购项目的目录、标准及实施情况；10. 重大建设项目的批准和实施情况；11. 扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况；12. 突发公共事件的应急预案、预警信息及应对情况；13. 环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况；14. 公务员招考的职位、名额、报考条件等事项以及录用结果；15. 法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息。',
      '（二）公开方式。主动公开的政府信息在本网站“政府信息公开”专栏集中发布，并视情况通过政府公报、政务新媒体、新闻发布会以及报刊、广播、电视等途径予以公开（《条例》第二十三条）。公众也可以在国家档案馆、公共图书馆和政务服务场所设置的政府信息查阅场所查阅（《条例》第二十五条）。',
      '（三）公开时限。属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内及时公开；法律、法规对政府信息公开的期限另有规定的，从其规定（《条例》第二十六条）。',
    ].join('\n'),
    on_request: onRequestText(unit),
    office: [
      '本机关政府信息公开工作机构负责办理本机关的政府信息公开事宜，受理政府信息公开申请，联系方式如下：',
      `机构名称及联系人：${or(unit.opennessContact)}`,
      `办公地址：${or(unit.address)}`,
      `办公时间：${or(unit.officeHours)}`,
      `联系电话：${or(unit.phone)}`,
      `传真号码：${or(unit.fax)}`,
      `电子邮箱：${or(unit.email)}`,
      '互联网联系方式：本网站“政府信息公开”专栏',
    ].join('\n'),
    supervision: [
      `公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以通过以下方式维护自身权益（《条例》第五十一条）：`,
      `（一）投诉、举报。可以向${complainTo}投诉、举报。认为本机关未按照要求主动公开政府信息或者对政府信息公开申请不依法答复处理的，可以提请${competent}督促整改（《条例》第四十七条）。`,
      `（二）行政复议。可以自知道或者应当知道该行政行为之日起60日内，依照《中华人民共和国行政复议法》向${supervisors.reviewBody?.trim() || '有管辖权的行政复议机关'}申请行政复议。`,
      `（三）行政诉讼。可以自知道或者应当知道作出行政行为之日起6个月内，依照《中华人民共和国行政诉讼法》向${supervisors.court?.trim() || '有管辖权的人民法院'}提起行政诉讼。`,
    ].join('\n'),
  };
  return GUIDE_SECTION_KEYS.map((key) => ({ key, title: GUIDE_SECTION_TITLES[key], body: body[key] }));
}

function onRequestText(unit: GuideUnitInfo): string {
  const channels = [
    `1. 当面提交：在办公时间内到本机关政府信息公开工作机构（${or(unit.address)}）填写《政府信息公开申请表》。`,
    `2. 邮寄（信件）：将申请表或者申请书邮寄至${or(unit.address)}，并在信封上注明“政府信息公开申请”字样。`,
    `3. 互联网（数据电文）：通过本网站“政府信息公开”专栏的在线申请渠道提交${unit.email.trim() ? `，或者发送电子邮件至${unit.email.trim()}` : ''}。`,
  ];
  if (unit.fax.trim()) channels.push(`4. 传真：传真至${unit.fax.trim()}，并电话确认。`);
  return [
    '（一）受理机构。公民、法人或者其他组织可以向本机关政府信息公开工作机构申请获取本机关主动公开以外的政府信息（联系方式见本指南“政府信息公开工作机构”部分）。',
    '（二）申请方式。申请人申请获取政府信息，应当采用包括信件、数据电文在内的书面形式提出（《条例》第二十九条）：',
    ...channels,
    '采用书面形式确有困难的，申请人可以口头提出，由本机关政府信息公开工作机构代为填写政府信息公开申请。',
    '（三）申请内容。政府信息公开申请应当包括下列内容（《条例》第二十九条第二款）：',
    '1. 申请人的姓名或者名称、身份证明、联系方式；',
    '2. 申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；',
    '3. 申请公开的政府信息的形式要求，包括获取信息的方式、途径。',
    '（四）补正。申请内容不明确的，本机关给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限；答复期限自本机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请（《条例》第三十条）。',
    '（五）收到申请的时间（《条例》第三十一条）。当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，本机关政府信息公开工作机构于收到申请的当日与申请人确认，确认之日为收到申请之日；通过互联网渠道或者本机关政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日。',
    '（六）答复期限。能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在上述期限内（《条例》第三十三条）。',
    '（七）收费。本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，本机关可以依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，并书面告知收费的依据、标准、数额和缴纳方式（《条例》第四十二条）。',
  ].join('\n');
}

/** The sections of a stored version in the standard order; a key the version lacks is taken from `fallback`. */
export function orderedSections(stored: GuideSectionText[], fallback: GuideSectionText[]): GuideSectionText[] {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const known = GUIDE_SECTION_KEYS.map((key) => byKey.get(key) ?? fallback.find((f) => f.key === key) ?? { key, title: GUIDE_SECTION_TITLES[key], body: '' });
  // Sections of older layouts are kept, after the standard ones.
  const extra = stored.filter((s) => !(GUIDE_SECTION_KEYS as readonly string[]).includes(s.key));
  return [...known, ...extra];
}

/** Field errors of an edited 指南: every section filled and within its limit, and a 变更说明. */
export function validateGuideEdit(sections: Record<GuideSectionKey, string>, reason: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of GUIDE_SECTION_KEYS) {
    const text = sections[key] ?? '';
    if (!text.trim()) errors[`section_${key}`] = `请填写“${GUIDE_SECTION_TITLES[key]}”部分`;
    else if ([...text].length > GUIDE_LIMITS.section) errors[`section_${key}`] = `“${GUIDE_SECTION_TITLES[key]}”部分不能超过${GUIDE_LIMITS.section}个字`;
  }
  if (!reason.trim()) errors.reason = '请填写变更说明';
  else if ([...reason].length > GUIDE_LIMITS.reason) errors.reason = `变更说明不能超过${GUIDE_LIMITS.reason}个字`;
  return errors;
}

/** The section keys whose text differs between two versions. */
export function changedSectionKeys(before: GuideSectionText[], after: GuideSectionText[]): string[] {
  const old = new Map(before.map((s) => [s.key, s.body]));
  return after.filter((s) => old.get(s.key) !== s.body).map((s) => s.key);
}

/** Who may edit a unit's 指南: its unit admin, or the openness office / a system admin of its city. */
export function canEditGuide(user: CurrentUser, unit: { id: number; rootId: number | null }): boolean {
  if (hasRole(user, 'openness_office', 'system_admin') && (unit.rootId ?? unit.id) === user.rootUnitId) return true;
  return hasRole(user, 'unit_admin') && unit.id === user.unitId;
}
