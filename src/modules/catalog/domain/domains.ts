/**
 * The 26 national domains of the 2019 基层政务公开标准指引 (regulation notes §3.2), in their usual
 * order. Names marked UNVERIFIED there (农村集体土地征收) are kept as the notes give them; the openness
 * office can rename a domain or add local ones (e.g. 涉农资金).
 */
export const NATIONAL_DOMAINS: readonly { no: number; slug: string; name: string }[] = [
  { no: 1, slug: 'major-projects', name: '重大建设项目' },
  { no: 2, slug: 'public-resource-trading', name: '公共资源交易' },
  { no: 3, slug: 'budget-final-accounts', name: '财政预决算' },
  { no: 4, slug: 'work-safety', name: '安全生产' },
  { no: 5, slug: 'taxation', name: '税收管理' },
  { no: 6, slug: 'rural-land-expropriation', name: '农村集体土地征收' },
  { no: 7, slug: 'housing-expropriation', name: '国有土地上房屋征收与补偿' },
  { no: 8, slug: 'rural-housing-renovation', name: '农村危房改造' },
  { no: 9, slug: 'affordable-housing', name: '保障性住房' },
  { no: 10, slug: 'urban-enforcement', name: '城市综合执法' },
  { no: 11, slug: 'municipal-services', name: '市政服务' },
  { no: 12, slug: 'ecology-environment', name: '生态环境' },
  { no: 13, slug: 'public-culture', name: '公共文化服务' },
  { no: 14, slug: 'public-legal-services', name: '公共法律服务' },
  { no: 15, slug: 'poverty-alleviation', name: '扶贫' },
  { no: 16, slug: 'disaster-relief', name: '救灾' },
  { no: 17, slug: 'food-drug-regulation', name: '食品药品监管' },
  { no: 18, slug: 'employment', name: '就业' },
  { no: 19, slug: 'social-insurance', name: '社会保险' },
  { no: 20, slug: 'social-assistance', name: '社会救助' },
  { no: 21, slug: 'elderly-care', name: '养老服务' },
  { no: 22, slug: 'household-registration', name: '户籍管理' },
  { no: 23, slug: 'agricultural-subsidies', name: '涉农补贴' },
  { no: 24, slug: 'compulsory-education', name: '义务教育' },
  { no: 25, slug: 'health', name: '卫生健康' },
  { no: 26, slug: 'urban-rural-planning', name: '城乡规划' },
];

/** Names used for a domain in older or local catalogs (2017 pilot names), for matching imports. */
export const DOMAIN_ALIASES: Readonly<Record<string, string>> = {
  征地补偿: '农村集体土地征收',
  拆迁安置: '国有土地上房屋征收与补偿',
  环境保护: '生态环境',
  医疗卫生: '卫生健康',
  就业创业: '就业',
};

/** The national domain a name (or alias) refers to, ignoring the suffix 领域 and spaces. */
export function matchDomainName(name: string): string | undefined {
  const n = name.replace(/\s+/g, '').replace(/领域$/, '');
  const canonical = DOMAIN_ALIASES[n] ?? n;
  return NATIONAL_DOMAINS.find((d) => d.name === canonical)?.name;
}

/** Longest local domain name (national names are at most 12 characters). */
export const LOCAL_DOMAIN_NAME_MAX = 20;

/**
 * Checks the name of a local domain the openness office adds (e.g. 涉农资金: localities may add domains
 * beyond the 26 of the 2019 guidelines, regulation notes §3.2). Returns the name as stored (spaces and a
 * trailing 领域 removed) or a message.
 */
export function checkLocalDomainName(raw: string, existing: readonly string[]): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.replace(/\s+/g, '').replace(/领域$/, '');
  if (!name) return { ok: false, message: '请填写领域名称' };
  if ([...name].length > LOCAL_DOMAIN_NAME_MAX) return { ok: false, message: `领域名称不能超过${LOCAL_DOMAIN_NAME_MAX}个字` };
  if (!/^[\p{Script=Han}A-Za-z0-9（）()、·]+$/u.test(name)) return { ok: false, message: '领域名称只能包含汉字、字母、数字和括号' };
  const national = matchDomainName(name);
  if (national && national !== name) return { ok: false, message: `「${name}」是全国领域「${national}」的旧称，请直接使用「${national}」领域` };
  if (existing.includes(name)) return { ok: false, message: `已有「${name}」领域` };
  return { ok: true, name };
}

/** Slug of the n-th local domain of a city (URLs and the API): local-1, local-2 … */
export function localDomainSlug(existingSlugs: readonly string[]): string {
  let n = 1;
  while (existingSlugs.includes(`local-${n}`)) n++;
  return `local-${n}`;
}
