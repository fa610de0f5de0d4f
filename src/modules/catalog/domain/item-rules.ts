// What every catalog item must state: 国办发〔2019〕54号 requires at least 名称、内容、依据、时限、主体、方式、渠道、对象.
import type { CatalogItemData } from './types.ts';

/** Field errors (Chinese) for an item; empty when the item is complete. */
export function validateItemData(d: CatalogItemData): Record<string, string> {
  const e: Record<string, string> = {};
  const need = (field: string, label: string, value: string, max: number) => {
    if (!value.trim()) e[field] = `请填写${label}`;
    else if ([...value].length > max) e[field] = `${label}不能超过${max}个字`;
  };
  need('domainName', '领域', d.domainName, 50);
  need('level1', '一级事项', d.level1, 200);
  need('level2', '二级事项', d.level2, 200);
  need('content', '公开内容（要素）', d.content, 5000);
  need('timeLimitText', '公开时限', d.timeLimitText, 500);
  need('publisherText', '公开主体', d.publisherText, 500);
  if (!d.basis.length) e.basis = '请填写公开依据';
  else if (d.basis.some((b) => [...b].length > 500)) e.basis = '每条公开依据不能超过500个字';
  if (!d.channels.length && !d.customChannels.length) e.channels = '请至少选择一个公开渠道和载体';
  if (!d.audience.society && !d.audience.specificGroup) e.audience = '请选择公开对象（全社会或特定群体）';
  if (!d.mode.proactive && !d.mode.onRequest) e.mode = '请选择公开方式（主动或依申请）';
  if (!d.level.county && !d.level.township) e.level = '请选择公开层级（县级或乡级）';
  return e;
}

/** The key that identifies "the same item" across imports: domain, level-1 and level-2 names. */
export function itemKey(d: Pick<CatalogItemData, 'domainName' | 'level1' | 'level2'>): string {
  const norm = (s: string) => s.replace(/\s+/g, '');
  return `${norm(d.domainName)}|${norm(d.level1)}|${norm(d.level2)}`;
}
