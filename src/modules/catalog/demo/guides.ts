// The demo units' published 政府信息公开指南: the generated text (../domain/guide.ts, filled with the
// unit's office, address, hours, phone, fax and e-mail) with a supervision section that names the bodies
// (条例 第四十七条、第五十一条): where to complain, the 行政复议机关 and the court.
import { defaultGuideSections, type GuideSectionText, type GuideUnitInfo } from '../domain/guide.ts';

export interface DemoGuideUnit extends GuideUnitInfo {
  slug: string;
  type: string;
  isRoot: boolean;
}

export interface Remedies {
  /** 上一级行政机关 / 主管部门 that takes complaints. */
  complaintTo: string;
  /** 政府信息公开工作主管部门 (条例 第三条). */
  competentOffice: string;
  reviewBody: string;
  court: string;
}

const STATE = '楚雄彝族自治州';

/**
 * Where a complaint about each demo unit goes; the 行政复议机关 and court are the unit's (units module: its
 * setting, else the default of its kind — the 自治州人民政府 and its 中级人民法院 for the city government, the
 * city government and the city's 人民法院 for departments and townships, the next tax authority for 税务, the
 * 州人民政府 for the ecology branch, a 派出机构 of a 州 department), so letters and 指南 name the same bodies.
 */
export function demoRemedies(unit: DemoGuideUnit, cityName: string, bodies: { reviewBody: string; court: string }): Remedies {
  const cityOffice = `${cityName}办公室`;
  if (unit.isRoot) return { complaintTo: `${STATE}人民政府`, competentOffice: `${STATE}人民政府办公室`, ...bodies };
  if (unit.slug === 'taxation') return { complaintTo: `国家税务总局${STATE}税务局`, competentOffice: `国家税务总局${STATE}税务局办公室`, ...bodies };
  if (unit.slug === 'ecology-environment') return { complaintTo: `${STATE}生态环境局`, competentOffice: cityOffice, ...bodies };
  return { complaintTo: cityName, competentOffice: cityOffice, ...bodies };
}

export function demoSupervisionText(r: Remedies): string {
  return [
    '公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以通过以下方式维护自身权益（《条例》第五十一条）：',
    `（一）投诉、举报。可以向${r.complaintTo}或者${r.competentOffice}（政府信息公开工作主管部门）投诉、举报。认为本机关未按照要求主动公开政府信息或者对政府信息公开申请不依法答复处理的，可以提请${r.competentOffice}督促整改（《条例》第四十七条）。`,
    `（二）行政复议。可以自知道或者应当知道该行政行为之日起60日内，依照《中华人民共和国行政复议法》向${r.reviewBody}申请行政复议。`,
    `（三）行政诉讼。可以自知道或者应当知道作出行政行为之日起6个月内，依照《中华人民共和国行政诉讼法》向${r.court}提起行政诉讼。`,
  ].join('\n');
}

/** The demo 指南 of one unit, dated `today`. */
export function demoGuideSections(unit: DemoGuideUnit, cityName: string, today: string, bodies: { reviewBody: string; court: string }): GuideSectionText[] {
  const r = demoRemedies(unit, cityName, bodies);
  const sections = defaultGuideSections(unit, today, { superiorName: unit.isRoot ? `${STATE}人民政府` : cityName, competentOfficeName: r.competentOffice });
  return sections.map((s) => (s.key === 'supervision' ? { ...s, body: demoSupervisionText(r) } : s));
}
