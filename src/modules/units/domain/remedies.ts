// Who reviews and who hears a case against a unit's decision: the 行政复议机关 and the 人民法院 that the
// remedy notice of every 依申请公开 letter and the unit's 政府信息公开指南 name (条例 第五十一条).
// A unit may set both; otherwise they follow from the kind of unit. Pure.
import type { UnitType } from '../../../core/db/schema.ts';

/** The bodies above the city, from the site settings (each '' = derived from the city's name and address). */
export interface RemedySiteSettings {
  /** 上一级人民政府, e.g. 楚雄彝族自治州人民政府. */
  superiorGovernment: string;
  /** The city's 基层人民法院, e.g. 楚雄市人民法院. */
  basicCourt: string;
  /** The 中级人民法院 above it, e.g. 楚雄彝族自治州中级人民法院. */
  intermediateCourt: string;
}

export interface RemedyContext extends RemedySiteSettings {
  /** The city's people's government (the root unit), e.g. 楚雄市人民政府. */
  cityGovernment: string;
}

export interface RemedyUnit {
  name: string;
  type: UnitType;
  /** The root unit of the site: the city's people's government itself. */
  isRoot: boolean;
}

export interface RemedyDefault {
  reviewBody: string;
  court: string;
  /** Why, naming the articles (shown beside the setting). */
  basis: string;
}

const GOV = '人民政府';

/** 楚雄市人民政府 → 楚雄市 */
export function placeOf(government: string): string {
  return government.endsWith(GOV) ? government.slice(0, -GOV.length) : government;
}

/**
 * The prefecture-level area above the city from its address: "云南省楚雄彝族自治州楚雄市鹿城镇…" → 楚雄彝族自治州
 * (a 自治州, 地区, 盟 or 市 between the province and the city); '' when the address does not say.
 */
export function superiorAreaFromAddress(address: string, cityPlace: string): string {
  const afterProvince = address.replace(/^.*?(省|自治区)/, '');
  const at = cityPlace ? afterProvince.indexOf(cityPlace) : -1;
  const head = at > 0 ? afterProvince.slice(0, at) : '';
  return /^.+(自治州|地区|盟|市)$/.test(head) ? head : '';
}

/** The site's settings with the empty ones filled from the city's name and address. */
export function remedyContext(city: { name: string; address: string }, s: Partial<RemedySiteSettings> = {}): RemedyContext {
  const cityPlace = placeOf(city.name);
  const area = s.superiorGovernment?.trim() ? placeOf(s.superiorGovernment.trim()) : superiorAreaFromAddress(city.address, cityPlace);
  return {
    cityGovernment: city.name,
    superiorGovernment: s.superiorGovernment?.trim() || (area ? `${area}${GOV}` : ''),
    // UNVERIFIED: where a province concentrates administrative cases in other courts (集中管辖), set these.
    basicCourt: s.basicCourt?.trim() || `${cityPlace}人民法院`,
    intermediateCourt: s.intermediateCourt?.trim() || (area ? `${area}中级人民法院` : ''),
  };
}

/**
 * Bodies under 垂直领导 (行政复议法 2023 第二十七条: 海关、金融、外汇管理等实行垂直领导的行政机关、税务和国家安全机关 —
 * 向上一级主管部门申请行政复议), recognised by name.
 */
const VERTICAL = /税务|海关|金融监督管理|金融监管|外汇管理|国家安全/;

/**
 * The default 行政复议机关 and court of a unit, or undefined when none follows from its kind (the
 * site-wide value of the request settings applies then).
 *
 * 行政复议 (《中华人民共和国行政复议法》2023年修订):
 * - 第二十四条第一款第（一）项: a department's (本级人民政府工作部门) decisions → the city's people's government;
 * - 第二十四条第一款第（二）项: a township's (下一级人民政府) decisions → the city's people's government, and the
 *   city government's own decisions → the government one level up, named (楚雄彝族自治州人民政府);
 * - 第二十四条第四款: a 派出机构 of a department one level up (…局…分局) → that department's people's government;
 * - 第二十七条: 税务, 海关, 金融, 外汇, 国家安全 (垂直领导) → the next authority of the same system, e.g.
 *   国家税务总局楚雄市税务局 → 国家税务总局楚雄彝族自治州税务局.
 * 行政诉讼 (《中华人民共和国行政诉讼法》): 第十四条 and 第十八条, the 基层人民法院 where the body sits; 第十五条第（一）项,
 * the 中级人民法院 for a 县级以上地方人民政府's own decisions.
 */
export function defaultRemedies(unit: RemedyUnit, ctx: RemedyContext): RemedyDefault | undefined {
  const basic = ctx.basicCourt;
  const lawsuitBasic = '《行政诉讼法》第十四条、第十八条';
  if (unit.isRoot) {
    if (!ctx.superiorGovernment) return undefined;
    return {
      reviewBody: ctx.superiorGovernment,
      court: ctx.intermediateCourt || basic,
      basis: `《行政复议法》第二十四条第一款第（二）项（本级人民政府的行政行为由上一级人民政府管辖）；${ctx.intermediateCourt ? '《行政诉讼法》第十五条第（一）项（县级以上地方人民政府为被告的案件由中级人民法院管辖）' : lawsuitBasic}`,
    };
  }
  if (unit.type === 'department') {
    return { reviewBody: ctx.cityGovernment, court: basic, basis: `《行政复议法》第二十四条第一款第（一）项（本级人民政府工作部门）；${lawsuitBasic}` };
  }
  if (unit.type === 'township') {
    return { reviewBody: ctx.cityGovernment, court: basic, basis: `《行政复议法》第二十四条第一款第（二）项（下一级人民政府）；${lawsuitBasic}` };
  }
  const cityPlace = placeOf(ctx.cityGovernment);
  const area = placeOf(ctx.superiorGovernment);
  if (VERTICAL.test(unit.name)) {
    // The same system's body one level up: the city's place name replaced by the area's.
    if (!area || !unit.name.includes(cityPlace)) return undefined;
    return { reviewBody: unit.name.replace(cityPlace, area), court: basic, basis: `《行政复议法》第二十七条（实行垂直领导的行政机关、税务和国家安全机关，向上一级主管部门申请）；${lawsuitBasic}` };
  }
  // A 派出机构 of a department one level up (楚雄州生态环境局楚雄分局): reviewed by that department's government.
  if (area && /局.+分局$/.test(unit.name) && !unit.name.startsWith(cityPlace)) {
    return { reviewBody: ctx.superiorGovernment, court: basic, basis: `《行政复议法》第二十四条第四款（上一级人民政府工作部门的派出机构）；${lawsuitBasic}` };
  }
  return undefined;
}

export interface UnitRemedies {
  reviewBody: string;
  court: string;
  /** Where each value comes from, for the settings page. */
  source: { reviewBody: 'unit' | 'default' | 'site' | 'generic'; court: 'unit' | 'default' | 'site' | 'generic' };
  /** The default's articles, when a default applies. */
  basis?: string;
}

/**
 * The bodies a unit's letters and 指南 name: the unit's own setting, else the default of its kind, else the
 * site-wide value (依申请公开 settings), else the city's people's government and the city's 基层人民法院.
 */
export function resolveRemedies(
  unit: RemedyUnit & { reviewBody: string; court: string },
  ctx: RemedyContext,
  siteWide: { reviewBody?: string; court?: string } = {},
): UnitRemedies {
  const d = defaultRemedies(unit, ctx);
  const pick = (own: string, def: string | undefined, site: string | undefined, generic: string) => {
    if (own.trim()) return { value: own.trim(), source: 'unit' as const };
    if (def) return { value: def, source: 'default' as const };
    if (site?.trim()) return { value: site.trim(), source: 'site' as const };
    return { value: generic, source: 'generic' as const };
  };
  // Without a default of its kind, a unit below the city is the city's (行政复议法 第二十四条第一款), and its
  // cases go to the 基层人民法院 where it sits (行政诉讼法 第十四条、第十八条).
  const review = pick(unit.reviewBody, d?.reviewBody, siteWide.reviewBody, unit.isRoot ? '上一级人民政府' : ctx.cityGovernment);
  const court = pick(unit.court, d?.court, siteWide.court, unit.isRoot ? ctx.intermediateCourt || '有管辖权的人民法院' : ctx.basicCourt || '有管辖权的人民法院');
  return { reviewBody: review.value, court: court.value, source: { reviewBody: review.source, court: court.source }, ...(d ? { basis: d.basis } : {}) };
}

export const REMEDY_LIMIT = 100;

/** Field errors of the per-unit setting ('' = use the default). */
export function validateRemedySetting(input: { reviewBody: string; court: string }): Record<string, string> {
  const e: Record<string, string> = {};
  if ([...input.reviewBody].length > REMEDY_LIMIT) e.reviewBody = `行政复议机关名称不能超过${REMEDY_LIMIT}个字`;
  if ([...input.court].length > REMEDY_LIMIT) e.court = `人民法院名称不能超过${REMEDY_LIMIT}个字`;
  if (input.court.trim() && !/法院$/.test(input.court.trim())) e.court = '请填写人民法院的全称，如：楚雄市人民法院';
  return e;
}
