// The item form of the back office: form values ↔ CatalogItemData, and how 公开时限 was understood.
import type { CatalogItemData, StandardChannel } from './types.ts';
import { channelsFromForm, normaliseWritten, ownChannelNames, splitBasis, writtenBasis, writtenChannels } from './written.ts';
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
  /** 公开依据 as written (any separators; one source per line when typed here). */
  basis: string;
  timeLimitText: string;
  publisherText: string;
  channels: string[];
  /** Channels in the unit's own words (公示栏, 部门网站 …) separated by 、 */
  customChannels: string;
  /** 公开渠道和载体 as written before this edit (a hidden field), kept while it still says the same. */
  channelsText: string;
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
    channelsText: '',
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
    basis: writtenBasis(d),
    timeLimitText: d.timeLimitText,
    publisherText: d.publisherText,
    channels: [...d.channels],
    customChannels: ownChannelNames(writtenChannels(d)).join('、'),
    channelsText: writtenChannels(d),
    audience: [d.audience.society ? 'society' : '', d.audience.specificGroup ? 'specificGroup' : ''].filter(Boolean),
    mode: [d.mode.proactive ? 'proactive' : '', d.mode.onRequest ? 'onRequest' : ''].filter(Boolean),
    level: [d.level.county ? 'county' : '', d.level.township ? 'township' : ''].filter(Boolean),
    reason: '',
  };
}

/**
 * Other channels typed as "部门网站、公示栏": split on 、，,；; and line breaks. A name that is (or stands
 * for) a standard channel ticks that channel; names are kept as typed in the item's channel text.
 */
export function splitCustomChannels(text: string, ticked: readonly string[], previous = ''): { channels: StandardChannel[]; customChannels: string[]; channelsText: string } {
  return channelsFromForm(previous, ticked, text.split(/[、，,；;\n]+/));
}

/** The item the values describe; the time-limit rule is derived from its text (never rejected). */
export function itemDataOf(v: ItemFormValues): CatalogItemData {
  const { channels, customChannels, channelsText } = splitCustomChannels(v.customChannels, v.channels, v.channelsText);
  const basisText = normaliseWritten(v.basis).trim();
  return {
    domainName: v.domainName,
    level1: v.level1,
    level2: v.level2,
    content: v.content,
    basis: splitBasis(basisText),
    basisText,
    timeLimitText: v.timeLimitText,
    timeLimitRule: parseTimeLimit(v.timeLimitText).rule,
    publisherText: v.publisherText,
    channels,
    customChannels,
    channelsText,
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
