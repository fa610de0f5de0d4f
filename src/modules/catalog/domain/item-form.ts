// The item form of the back office: form values ↔ CatalogItemData, and how 公开时限 was understood.
import { STANDARD_CHANNELS, type CatalogItemData, type StandardChannel } from './types.ts';
import { describeTimeLimit, parseTimeLimit } from './time-limit.ts';

export const AUDIENCE_OPTIONS = [
  { value: 'society', label: '全社会' },
  { value: 'specificGroup', label: '特定群体' },
] as const;
export const MODE_OPTIONS = [
  { value: 'proactive', label: '主动' },
  { value: 'onRequest', label: '依申请' },
] as const;
export const LEVEL_OPTIONS = [
  { value: 'county', label: '县级' },
  { value: 'township', label: '乡级' },
] as const;

/** What the form shows and posts: text as typed, checkbox groups as lists of values. */
export interface ItemFormValues {
  domainName: string;
  level1: string;
  level2: string;
  content: string;
  /** One legal source per line. */
  basis: string;
  timeLimitText: string;
  publisherText: string;
  channels: string[];
  /** Other channels separated by 、 */
  customChannels: string;
  audience: string[];
  mode: string[];
  level: string[];
  reason: string;
}

export function emptyItemForm(domainName = ''): ItemFormValues {
  return {
    domainName,
    level1: '',
    level2: '',
    content: '',
    basis: '',
    timeLimitText: '',
    publisherText: '',
    channels: [],
    customChannels: '',
    audience: [],
    mode: [],
    level: [],
    reason: '',
  };
}

export function formValuesOf(d: CatalogItemData): ItemFormValues {
  return {
    domainName: d.domainName,
    level1: d.level1,
    level2: d.level2,
    content: d.content,
    basis: d.basis.join('\n'),
    timeLimitText: d.timeLimitText,
    publisherText: d.publisherText,
    channels: [...d.channels],
    customChannels: d.customChannels.join('、'),
    audience: [d.audience.society ? 'society' : '', d.audience.specificGroup ? 'specificGroup' : ''].filter(Boolean),
    mode: [d.mode.proactive ? 'proactive' : '', d.mode.onRequest ? 'onRequest' : ''].filter(Boolean),
    level: [d.level.county ? 'county' : '', d.level.township ? 'township' : ''].filter(Boolean),
    reason: '',
  };
}

/** 公开依据 lines: trimmed, empty lines dropped, duplicates kept once. */
export function basisLines(text: string): string[] {
  return [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))];
}

/**
 * Other channels typed as "部门网站、信用中国网站": split on 、，,；; and line breaks. A name that is
 * one of the standard channels is ticked as that channel instead.
 */
export function splitCustomChannels(text: string, ticked: readonly string[]): { channels: StandardChannel[]; customChannels: string[] } {
  const parts = [...new Set(text.split(/[、，,；;\n]+/).map((p) => p.trim()).filter(Boolean))];
  const standard = new Set<string>(ticked.filter((c) => (STANDARD_CHANNELS as readonly string[]).includes(c)));
  const custom: string[] = [];
  for (const p of parts) {
    if ((STANDARD_CHANNELS as readonly string[]).includes(p)) standard.add(p);
    else custom.push(p);
  }
  return {
    // In checklist order, as catalogs print them.
    channels: STANDARD_CHANNELS.filter((c) => standard.has(c)),
    customChannels: custom,
  };
}

/** The item the values describe; the time-limit rule is derived from its text (never rejected). */
export function itemDataOf(v: ItemFormValues): CatalogItemData {
  const { channels, customChannels } = splitCustomChannels(v.customChannels, v.channels);
  return {
    domainName: v.domainName,
    level1: v.level1,
    level2: v.level2,
    content: v.content,
    basis: basisLines(v.basis),
    timeLimitText: v.timeLimitText,
    timeLimitRule: parseTimeLimit(v.timeLimitText).rule,
    publisherText: v.publisherText,
    channels,
    customChannels,
    audience: { society: v.audience.includes('society'), specificGroup: v.audience.includes('specificGroup') },
    mode: { proactive: v.mode.includes('proactive'), onRequest: v.mode.includes('onRequest') },
    level: { county: v.level.includes('county'), township: v.level.includes('township') },
  };
}

export interface TimeLimitUnderstanding {
  recognised: boolean;
  /** How the platform reads the text, in Chinese. */
  description: string;
  /** Whether a due date can be computed from it. */
  computable: boolean;
}

/** How a 公开时限 text is understood, to show below the field. Empty text: null. */
export function understandTimeLimit(text: string): TimeLimitUnderstanding | null {
  if (!text.trim()) return null;
  const { rule, recognised } = parseTimeLimit(text);
  return { recognised, description: describeTimeLimit(rule), computable: recognised && rule.kind !== 'not_computable' && rule.kind !== 'realtime' };
}

/** Catalog text of a row's marks: 对象、方式、层级 as words. */
export function marksText(d: Pick<CatalogItemData, 'audience' | 'mode' | 'level'>): { audience: string; mode: string; level: string } {
  const join = (pairs: [boolean, string][]) => pairs.filter(([b]) => b).map(([, s]) => s).join('、') || '—';
  return {
    audience: join([[d.audience.society, '全社会'], [d.audience.specificGroup, '特定群体']]),
    mode: join([[d.mode.proactive, '主动'], [d.mode.onRequest, '依申请']]),
    level: join([[d.level.county, '县级'], [d.level.township, '乡级']]),
  };
}

/** The first `max` characters (by code point) of a text, with … when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
