// Comparing catalog versions (动态调整: every change is a version staff can diff).
import type { CatalogItemData } from './types.ts';
import { writtenBasis, writtenChannels } from './written.ts';

export const ITEM_FIELD_LABELS: Record<keyof CatalogItemData, string> = {
  domainName: '领域',
  level1: '一级事项',
  level2: '二级事项',
  content: '公开内容（要素）',
  basis: '公开依据',
  timeLimitText: '公开时限',
  timeLimitRule: '公开时限（计算规则）',
  publisherText: '公开主体',
  channels: '公开渠道和载体',
  customChannels: '其他渠道',
  basisText: '公开依据（原文）',
  channelsText: '公开渠道和载体（原文）',
  audience: '公开对象',
  mode: '公开方式',
  level: '公开层级',
};

export interface FieldChange {
  field: keyof CatalogItemData;
  label: string;
  before: string;
  after: string;
}

/** A readable text of one column's value, as the catalog prints it. */
export function fieldText(data: CatalogItemData, field: keyof CatalogItemData): string {
  switch (field) {
    // As written: the text the unit wrote, in its separators, numbering and words.
    case 'basis':
    case 'basisText':
      return writtenBasis(data);
    case 'channels':
    case 'channelsText':
    case 'customChannels':
      return writtenChannels(data);
    case 'audience':
      return [data.audience.society ? '全社会' : '', data.audience.specificGroup ? '特定群体' : ''].filter(Boolean).join('、');
    case 'mode':
      return [data.mode.proactive ? '主动' : '', data.mode.onRequest ? '依申请' : ''].filter(Boolean).join('、');
    case 'level':
      return [data.level.county ? '县级' : '', data.level.township ? '乡级' : ''].filter(Boolean).join('、');
    case 'timeLimitRule':
      return stableJson(data.timeLimitRule);
    default:
      return data[field] ?? '';
  }
}

/** The columns compared, in catalog order (公开依据 and 公开渠道和载体 once each, as written). */
const DIFF_FIELDS: (keyof CatalogItemData)[] = ['domainName', 'level1', 'level2', 'content', 'basis', 'timeLimitText', 'timeLimitRule', 'publisherText', 'channels', 'audience', 'mode', 'level'];

/**
 * How 公开依据 and 公开渠道和载体 are compared: `written`, the text as written (versions, updates);
 * `meaning`, the legal sources and the channels they stand for (whether a unit's row is a standard item:
 * "；" for "、", or 公示栏 for the checklist's name, changes nothing).
 */
export type CompareMode = 'written' | 'meaning';

function compared(data: CatalogItemData, field: keyof CatalogItemData, mode: CompareMode): string {
  if (mode === 'meaning' && field === 'basis') return data.basis.join('\n');
  if (mode === 'meaning' && field === 'channels') return [...data.channels, ...data.customChannels].join('\n');
  return fieldText(data, field);
}

/** The columns that differ between two versions of an item, in catalog column order. */
export function diffItemData(before: CatalogItemData, after: CatalogItemData, mode: CompareMode = 'written'): FieldChange[] {
  return DIFF_FIELDS.filter((field) => compared(before, field, mode) !== compared(after, field, mode)).map((field) => ({
    field,
    label: ITEM_FIELD_LABELS[field],
    before: fieldText(before, field),
    after: fieldText(after, field),
  }));
}

export interface SnapshotEntry {
  itemId: number;
  version: number;
}

/** Items added, removed and changed between two versions of a unit's catalog. */
export function diffSnapshots(
  before: readonly SnapshotEntry[],
  after: readonly SnapshotEntry[],
): { added: number[]; removed: number[]; changed: { itemId: number; from: number; to: number }[] } {
  const a = new Map(before.map((e) => [e.itemId, e.version]));
  const b = new Map(after.map((e) => [e.itemId, e.version]));
  return {
    added: [...b.keys()].filter((id) => !a.has(id)).sort((x, y) => x - y),
    removed: [...a.keys()].filter((id) => !b.has(id)).sort((x, y) => x - y),
    changed: [...b]
      .filter(([id, v]) => a.has(id) && a.get(id) !== v)
      .map(([itemId, to]) => ({ itemId, from: a.get(itemId)!, to }))
      .sort((x, y) => x.itemId - y.itemId),
  };
}

/** True when nothing a reader sees differs (used to skip no-op saves). */
export function sameItemData(a: CatalogItemData, b: CatalogItemData, mode: CompareMode = 'written'): boolean {
  return diffItemData(a, b, mode).length === 0;
}

/** JSON with sorted keys: jsonb from PostgreSQL does not keep key order. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}
