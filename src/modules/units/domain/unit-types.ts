import type { UnitType } from '../../../core/db/schema.ts';

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇（街道）',
  other: '其他单位',
};

/** The unit types in form order. */
export const UNIT_TYPE_KEYS = Object.keys(UNIT_TYPE_LABELS) as UnitType[];

/** How the public 机构概况 page groups units. */
export const UNIT_TYPE_GROUPS: { key: string; title: string; types: UnitType[] }[] = [
  { key: 'gov', title: '市人民政府', types: ['government'] },
  { key: 'dept', title: '市政府工作部门', types: ['department'] },
  { key: 'other', title: '垂直管理及其他单位', types: ['other'] },
  { key: 'town', title: '乡镇（街道）', types: ['township'] },
];
