// Which standard items each demo unit adopts into its own catalog (full demo): the domains a department
// answers for, at the county level; for every budget unit the 部门预决算 and “三公” items; for townships
// every item marked for the township level (镇(街)级 √) in the domains townships carry out.

export interface AdoptionUnit {
  id: number;
  slug: string;
  type: string;
}

export interface StandardItemRef {
  id: number;
  domainName: string;
  level1: string;
  levelCounty: boolean;
  levelTownship: boolean;
}

/** The domains each demo department or other unit answers for (by unit slug). */
export const DEMO_UNIT_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  'government-office': ['重大建设项目'],
  'development-reform': ['重大建设项目'],
  'education-sports': ['义务教育'],
  'civil-affairs': ['社会救助', '养老服务'],
  justice: ['公共法律服务'],
  'public-security': ['户籍管理'],
  finance: ['财政预决算', '涉农补贴'],
  audit: [],
  statistics: [],
  'human-resources': ['就业', '社会保险'],
  'natural-resources': ['城乡规划', '农村集体土地征收'],
  'housing-construction': ['国有土地上房屋征收与补偿', '农村危房改造', '保障性住房', '城市综合执法', '市政服务'],
  transport: ['重大建设项目'],
  water: ['市政服务'],
  agriculture: ['扶贫', '涉农补贴'],
  'forestry-grassland': ['涉农补贴'],
  'culture-tourism': ['公共文化服务'],
  health: ['卫生健康'],
  'healthcare-security': ['社会保险', '社会救助'],
  emergency: ['安全生产', '救灾'],
  'market-regulation': ['食品药品监管'],
  petitions: [],
  'government-services': ['公共资源交易'],
  taxation: ['税收管理'],
  'ecology-environment': ['生态环境'],
  'development-zone': ['重大建设项目', '农村集体土地征收', '安全生产'],
  archives: ['公共文化服务'],
};

/** The domains every township carries out at its level. */
export const TOWNSHIP_DOMAINS: readonly string[] = [
  '财政预决算', '安全生产', '农村集体土地征收', '农村危房改造', '公共文化服务', '公共法律服务', '扶贫', '救灾', '就业', '社会保险',
  '社会救助', '养老服务', '户籍管理', '涉农补贴', '义务教育', '卫生健康', '城乡规划', '生态环境',
];

/** Every budget unit publishes its own budget, final accounts and “三公” spending. */
const BUDGET_UNIT_ITEMS = new Set(['部门预决算', '“三公”经费']);

export interface AdoptionPlan {
  unitId: number;
  domains: string[];
  itemIds: number[];
}

/** The adoption of each unit, in the order given; units with nothing to adopt are left out. */
export function demoAdoptionPlan(units: readonly AdoptionUnit[], standard: readonly StandardItemRef[]): AdoptionPlan[] {
  const plans: AdoptionPlan[] = [];
  for (const u of units) {
    const township = u.type === 'township';
    const domains = new Set(township ? TOWNSHIP_DOMAINS : (DEMO_UNIT_DOMAINS[u.slug] ?? []));
    const atLevel = (i: StandardItemRef) => (township ? i.levelTownship : i.levelCounty);
    const ids = standard.filter((i) => atLevel(i) && (domains.has(i.domainName) || (i.domainName === '财政预决算' && BUDGET_UNIT_ITEMS.has(i.level1)))).map((i) => i.id);
    if (!ids.length) continue;
    const named = [...new Set(standard.filter((i) => ids.includes(i.id)).map((i) => i.domainName))];
    plans.push({ unitId: u.id, domains: named, itemIds: ids });
  }
  return plans;
}
