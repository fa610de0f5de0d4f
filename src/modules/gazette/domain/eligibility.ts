// Who may publish a 政府公报. 国办发〔2018〕22号: 省级 and 设区的市、自治州 governments run one; other 市、县级人民政府
// may (可结合实际积极探索创办); 地方政府所属部门以及乡镇政府、街道办事处不办政府公报. Pure.
import type { UnitType } from '../../../core/db/schema.ts';

export interface PublisherCandidate {
  type: UnitType;
  /** null for the root unit of a city (its 人民政府). */
  parentId: number | null;
}

/** Why the unit may not publish a gazette (empty when it may). */
export function gazetteRefusals(u: PublisherCandidate): string[] {
  // 国办发〔2018〕22号: 地方政府所属部门以及乡镇政府、街道办事处不办政府公报.
  if (u.type === 'department') return ['政府所属部门不办政府公报（国办发〔2018〕22号），部门文件可在本级政府公报的“部门文件”栏目刊登。'];
  if (u.type === 'township') return ['乡镇人民政府、街道办事处不办政府公报（国办发〔2018〕22号）。'];
  if (u.type !== 'government') return ['只有县级以上人民政府可以办政府公报（国办发〔2018〕22号）。'];
  if (u.parentId !== null) return ['只有本级人民政府（平台的根单位）可以办政府公报。'];
  return [];
}
