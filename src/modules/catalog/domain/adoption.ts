// Which standard items a unit may adopt: a catalog item states its 公开层级 (县级 / 乡级, regulation notes
// §3.3). A township publishes the items marked 乡级, a county-level body (department, the government,
// other units) those marked 县级; an item that names the unit itself as 公开主体 is the unit's to publish
// whatever its marks. Pure.
import { splitPublishers } from './publisher.ts';
import type { CatalogItemData } from './types.ts';

export interface AdoptingUnit {
  type: string;
  name: string;
  shortName: string | null;
}

/** "县级、乡级", "县级", "乡级": the levels marked on an item. */
export function levelText(level: CatalogItemData['level']): string {
  return [level.county ? '县级' : '', level.township ? '乡级' : ''].filter(Boolean).join('、') || '未标记';
}

const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

/** True when 公开主体 names the unit by its full or short name. */
export function namesUnit(publisherText: string, unit: AdoptingUnit): boolean {
  const names = new Set([norm(unit.name), ...(unit.shortName ? [norm(unit.shortName)] : [])]);
  return splitPublishers(publisherText).some((n) => names.has(norm(n)));
}

/** Why the unit may not adopt the item (a sentence), or undefined when it may. */
export function adoptionRefusal(unit: AdoptingUnit, item: Pick<CatalogItemData, 'level' | 'publisherText'>): string | undefined {
  if (namesUnit(item.publisherText, unit)) return undefined;
  const township = unit.type === 'township';
  if (township && !item.level.township) {
    return `该事项的公开层级为${levelText(item.level)}，乡级未标记，乡镇（街道）不能采用；如本单位确应公开，请政务公开办在标准目录中标记乡级或在公开主体中写明本单位`;
  }
  if (!township && !item.level.county) {
    return `该事项的公开层级为${levelText(item.level)}，县级未标记，只有乡镇（街道）可以采用；如本单位确应公开，请政务公开办在标准目录中标记县级或在公开主体中写明本单位`;
  }
  return undefined;
}
