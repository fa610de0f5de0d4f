// What a report covers and the opening paragraph of a published report. Pure.
import type { ReportingUnitType } from './due-dates.ts';

export interface CoveredUnit {
  id: number;
  name: string;
  type: ReportingUnitType;
}

export function reportTitle(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告`;
}

/**
 * The sentence saying whose data the report counts. A city report may count the government's own
 * work only, or add its departments and townships (a setting); the page always says which.
 */
export function coverageStatement(unit: { id: number; name: string; isRoot: boolean }, year: number, scope: 'own' | 'with_subunits', covered: readonly CoveredUnit[]): string {
  const period = `${year}年1月1日至12月31日`;
  if (scope === 'with_subunits') {
    const others = covered.filter((u) => u.id !== unit.id);
    const depts = others.filter((u) => u.type === 'department' || u.type === 'other' || u.type === 'government').length;
    const towns = others.filter((u) => u.type === 'township').length;
    const parts = [depts ? `${depts}个部门和单位` : '', towns ? `${towns}个乡镇（街道）` : ''].filter(Boolean).join('、');
    return `本报告统计范围为${unit.name}本级及所属${parts || '各单位'}，各单位${period}的数据合并计算。`;
  }
  if (unit.isRoot) return `本报告统计范围为${unit.name}本级${period}的政府信息公开工作，不含所属部门和乡镇（街道）（各部门、乡镇（街道）另行发布年度报告）。`;
  return `本报告统计范围为${unit.name}${period}的政府信息公开工作。`;
}

export function reportIntro(unit: { name: string; address: string; phone: string }, year: number, coverage: string): string {
  const contact = [unit.address ? `地址：${unit.address}` : '', unit.phone ? `电话：${unit.phone}` : ''].filter(Boolean).join('；');
  return (
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。' +
    '报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。' +
    coverage +
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。` +
    `如对本报告有疑问，请与${unit.name}联系${contact ? `（${contact}）` : ''}。`
  );
}
