// The tables every site starts with; the 政务公开办 edits them on the staff page (内容检查词表).
// UNVERIFIED as a complete list (regulation-wave2.md §9): the facts are the 2018 机构改革 and common usage.

export interface RenamedOrgDefault {
  oldName: string;
  newName: string;
  /** From this day the old name is outdated. */
  effectiveOn: string;
  note: string;
}

// 国务院机构改革方案 (十三届全国人大一次会议, 2018-03-17); 地方机构改革 was to be finished by the end of
// March 2019 (中共中央《深化党和国家机构改革方案》), so local bureaus' old names date from 2019-03-31.
const NATIONAL = '2018-03-17';
const LOCAL = '2019-03-31';
export const RENAMED_ORGS: readonly RenamedOrgDefault[] = [
  { oldName: '国土资源部', newName: '自然资源部', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '环境保护部', newName: '生态环境部', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '国家卫生和计划生育委员会', newName: '国家卫生健康委员会', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '国家工商行政管理总局', newName: '国家市场监督管理总局', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '国家食品药品监督管理总局', newName: '国家市场监督管理总局', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '国家安全生产监督管理总局', newName: '应急管理部', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '国家旅游局', newName: '文化和旅游部', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '监察部', newName: '国家监察委员会', effectiveOn: NATIONAL, note: '2018年国务院机构改革' },
  { oldName: '国土资源局', newName: '自然资源局', effectiveOn: LOCAL, note: '2018年地方机构改革（各地名称可能为自然资源和规划局）' },
  { oldName: '环境保护局', newName: '生态环境局', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '卫生和计划生育局', newName: '卫生健康局', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '卫生和计划生育委员会', newName: '卫生健康委员会', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '食品药品监督管理局', newName: '市场监督管理局', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '工商行政管理局', newName: '市场监督管理局', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '质量技术监督局', newName: '市场监督管理局', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '安全生产监督管理局', newName: '应急管理局', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '农业局', newName: '农业农村局', effectiveOn: LOCAL, note: '2018年地方机构改革' },
  { oldName: '监察局', newName: '监察委员会', effectiveOn: LOCAL, note: '2018年地方机构改革' },
];

export interface MisspellingDefault {
  wrong: string;
  right: string;
}

// 易错词: the form on the left is the usual mistake. Some (佩带) are right in other senses (佩带枪支), so a
// hit is 疑似 and the reviewer decides.
export const MISSPELLINGS: readonly MisspellingDefault[] = [
  ['佩带', '佩戴'],
  ['按装', '安装'],
  ['既使', '即使'],
  ['再接再励', '再接再厉'],
  ['迫不急待', '迫不及待'],
  ['一股作气', '一鼓作气'],
  ['穿流不息', '川流不息'],
  ['甘败下风', '甘拜下风'],
  ['谈笑风声', '谈笑风生'],
  ['默守成规', '墨守成规'],
  ['一愁莫展', '一筹莫展'],
  ['变本加利', '变本加厉'],
  ['走头无路', '走投无路'],
  ['针贬时弊', '针砭时弊'],
  ['一如继往', '一如既往'],
  ['震憾', '震撼'],
  ['脉博', '脉搏'],
  ['急燥', '急躁'],
  ['国藉', '国籍'],
  ['通辑', '通缉'],
  ['防碍', '妨碍'],
  ['颠复', '颠覆'],
  ['峻工', '竣工'],
  ['松驰', '松弛'],
  ['寒喧', '寒暄'],
  ['重迭', '重叠'],
  ['幅射', '辐射'],
  ['凭添', '平添'],
  ['渡假', '度假'],
  ['精萃', '精粹'],
].map(([wrong, right]) => ({ wrong: wrong!, right: right! }));

export type SensitiveLevel = 'block' | 'warn';

export interface SensitiveDefault {
  word: string;
  level: SensitiveLevel;
  note: string;
}

// 涉密标志 (保守国家秘密法 第二十条 密级标志) and 内部 markings: a document carrying them must not be published
// (条例 第十四条). The office adds its own words; no national list exists (regulation-wave2.md §9).
export const SENSITIVE_WORDS: readonly SensitiveDefault[] = [
  { word: '绝密★', level: 'block', note: '密级标志：绝密' },
  { word: '机密★', level: 'block', note: '密级标志：机密' },
  { word: '秘密★', level: 'block', note: '密级标志：秘密' },
  { word: '内部资料', level: 'block', note: '内部资料不属于主动公开内容' },
  { word: '注意保密', level: 'block', note: '保密提示' },
  { word: '不宜公开', level: 'warn', note: '起草时的内部意见' },
];
