// 公开依据 and 公开渠道和载体 as a unit wrote them. The catalog keeps each cell's text exactly (separators,
// numbering, 《》 titles, its own names for channels) and exports it unchanged; beside it, the parsed form
// (one legal source per entry; the standard channels of the national checklist, regulation notes §3.3)
// serves the checks, filters and statistics. Pure.
import { STANDARD_CHANNELS, type CatalogItemData, type StandardChannel } from './types.ts';

const BASIS_SEPARATORS = new Set(['、', '；', ';', '\n']);
const BASIS_EMPTY = new Set(['无', '—', '-', '/', '／', '——']);

/** Splits 公开依据 into legal sources: by 、；; or newline, keeping 《…》 whole; "》《" also separates. */
export function splitBasis(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let buf = '';
  const push = () => {
    const item = buf.trim().replace(/[。，,]+$/, '').trim();
    if (item && !BASIS_EMPTY.has(item)) out.push(item);
    buf = '';
  };
  for (const ch of text) {
    if (ch === '《') {
      if (depth === 0 && buf.trimEnd().endsWith('》')) push();
      depth++;
    } else if (ch === '》') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && BASIS_SEPARATORS.has(ch)) {
      push();
      continue;
    }
    buf += ch;
  }
  push();
  return out;
}

/** Line ends as \n; nothing else of the text is changed. */
export function normaliseWritten(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The 公开依据 cell as written; items saved before the text was kept: their sources joined by 、. */
export function writtenBasis(d: Pick<CatalogItemData, 'basis' | 'basisText'>): string {
  return d.basisText || d.basis.join('、');
}

// ---------------------------------------------------------------------------------------------
// Channels

/** Names catalogs use for a standard channel, exactly (after normalising brackets and spaces). */
const CHANNEL_ALIASES: Record<string, StandardChannel> = {
  发布会: '发布会/听证会',
  听证会: '发布会/听证会',
  新闻发布会: '发布会/听证会',
  入户: '入户/现场',
  现场: '入户/现场',
  广播: '广播电视',
  电视: '广播电视',
  报刊: '纸质媒体',
  报纸: '纸质媒体',
  公示栏: '社区/企事业单位/村公示栏（电子屏）',
  电子屏: '社区/企事业单位/村公示栏（电子屏）',
  村公示栏: '社区/企事业单位/村公示栏（电子屏）',
  '社区/企事业单位/村公示栏': '社区/企事业单位/村公示栏（电子屏）',
  其它: '其他',
};

/**
 * A unit's own words for a standard channel, by what the name contains; the first rule that matches
 * wins, so a place (政务服务大厅) goes before a medium (电子屏): 政务服务大厅电子屏 is the service centre's.
 */
const CHANNEL_WORDS: [RegExp, StandardChannel][] = [
  [/政务服务(中心|大厅)|行政服务中心|办事大厅|市民中心/, '政务服务中心'],
  [/便民服务(站|中心|点)|党群服务中心|代办点/, '便民服务站'],
  [/查阅(点|室|场所|中心)|档案馆|图书馆/, '公开查阅点'],
  [/公示栏|公开栏|公告栏|宣传栏|公示牌|公开墙|电子屏|显示屏|LED屏/i, '社区/企事业单位/村公示栏（电子屏）'],
  [/(人民政府|政府)(门户)?网站|政府网|门户网站/, '政府网站'],
  [/政府公报|公报/, '政府公报'],
  [/微信|微博|公众号|客户端|政务新媒体|APP|抖音/i, '两微一端'],
  [/发布会|听证会|通气会/, '发布会/听证会'],
  [/广播|电视/, '广播电视'],
  [/报纸|报刊|日报|晚报|期刊|宣传册|明白卡|手册/, '纸质媒体'],
  [/入户|现场/, '入户/现场'],
  [/精准推送|短信/, '精准推送'],
];

const STANDARD_SET: ReadonlySet<string> = new Set(STANDARD_CHANNELS);
const SELECTED_BOXES = '■☑√✓✔●▣';
const EMPTY_BOXES = '□☐○';
const BOX_SPLIT = new RegExp(`([${SELECTED_BOXES}${EMPTY_BOXES}])`);
const CHANNEL_SEPARATORS = /[、，,;；\n\s]+/;

function normaliseChannel(token: string): string {
  return token
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/／/g, '/')
    .replace(/等$/, '');
}

/** The standard channel a name stands for: the name itself, a usual alias, or the words in it. */
export function standardChannelOf(name: string): StandardChannel | undefined {
  const n = normaliseChannel(name);
  if (STANDARD_SET.has(n)) return n as StandardChannel;
  if (CHANNEL_ALIASES[n]) return CHANNEL_ALIASES[n];
  return CHANNEL_WORDS.find(([re]) => re.test(n))?.[1];
}

export interface WrittenChannel {
  /** The name as the unit wrote it (spaces and a trailing 等 removed). */
  name: string;
  /** The standard channel behind it; undefined when none is recognised. */
  standard?: StandardChannel;
}

/** Whether the text is the printed checklist ("■政府网站 □政府公报 …"). */
export function isChecklist(text: string): boolean {
  return BOX_SPLIT.test(text);
}

/** The selected channels of a 公开渠道和载体 text, as written and in the order written (each once). */
export function writtenChannelNames(text: string): WrittenChannel[] {
  const selected: string[] = [];
  if (isChecklist(text)) {
    const parts = text.split(BOX_SPLIT);
    // parts: [before, mark, segment, mark, segment, …]; text before the first box counts as selected.
    selected.push(...(parts[0] ?? '').split(CHANNEL_SEPARATORS));
    for (let i = 1; i + 1 < parts.length; i += 2) {
      if (SELECTED_BOXES.includes(parts[i]!)) selected.push(...parts[i + 1]!.split(CHANNEL_SEPARATORS));
    }
  } else {
    selected.push(...text.split(CHANNEL_SEPARATORS));
  }
  const out: WrittenChannel[] = [];
  for (const raw of selected) {
    const name = normaliseChannel(raw);
    if (!name || out.some((c) => c.name === name)) continue;
    out.push({ name, standard: standardChannelOf(name) });
  }
  return out;
}

/**
 * Reads 公开渠道和载体: a list ("政府网站、两微一端") or the printed checklist ("■政府网站 □政府公报 …",
 * □ = not selected). `channels`: the standard channels recognised (checklist order), for filters and
 * statistics; `customChannels`: the names behind which no standard channel is recognised.
 */
export function parseChannels(text: string): { channels: StandardChannel[]; customChannels: string[] } {
  const standard = new Set<StandardChannel>();
  const custom: string[] = [];
  for (const c of writtenChannelNames(text)) {
    if (c.standard) standard.add(c.standard);
    else custom.push(c.name);
  }
  return { channels: STANDARD_CHANNELS.filter((c) => standard.has(c)), customChannels: custom };
}

/** The 公开渠道和载体 cell as written; items saved before the text was kept: the names joined by 、. */
export function writtenChannels(d: Pick<CatalogItemData, 'channels' | 'customChannels' | 'channelsText'>): string {
  return d.channelsText || [...d.channels, ...d.customChannels].join('、');
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A unit's own names among the written channels (those that are not a checklist name), in order. */
export function ownChannelNames(text: string): string[] {
  return writtenChannelNames(text)
    .filter((c) => !STANDARD_SET.has(c.name))
    .map((c) => c.name);
}

/**
 * The channels of an item edited on the form: the ticked checklist channels and the names typed in the
 * unit's own words (each kept as typed; the standard channel behind it is ticked too). The text stays as
 * it was written when it still says the same; otherwise it lists the names written before that still
 * apply (their words and order), then the names typed, then the other ticked channels, joined by 、.
 */
export function channelsFromForm(
  previous: string,
  ticked: readonly string[],
  typed: readonly string[],
): { channels: StandardChannel[]; customChannels: string[]; channelsText: string } {
  const standard = new Set<string>(ticked.filter((c) => STANDARD_SET.has(c)));
  const own: WrittenChannel[] = [];
  for (const raw of typed) {
    const name = normaliseChannel(raw);
    if (!name || own.some((c) => c.name === name)) continue;
    const std = standardChannelOf(name);
    if (std) standard.add(std);
    if (!STANDARD_SET.has(name)) own.push({ name, standard: std });
  }
  const channels = STANDARD_CHANNELS.filter((c) => standard.has(c));
  const customChannels = own.filter((c) => !c.standard).map((c) => c.name);
  const before = previous ? writtenChannelNames(previous) : [];
  const prev = previous ? parseChannels(previous) : undefined;
  if (prev && sameList(prev.channels, channels) && sameList(prev.customChannels, customChannels) && sameList(ownChannelNames(previous), own.map((c) => c.name))) {
    return { channels, customChannels, channelsText: previous };
  }
  const names: string[] = [];
  const covered = new Set<string>();
  const add = (name: string, std?: string) => {
    if (names.includes(name)) return;
    names.push(name);
    covered.add(std ?? name);
  };
  for (const c of before) {
    const stillOwn = own.some((o) => o.name === c.name);
    if (STANDARD_SET.has(c.name) ? standard.has(c.name) : stillOwn) add(c.name, c.standard);
  }
  for (const c of own) add(c.name, c.standard);
  for (const c of channels) if (!covered.has(c)) add(c, c);
  return { channels, customChannels, channelsText: names.join('、') };
}

/** The channels as a reader sees them: the list as written (a checklist: its selected names). */
export function channelsForReading(d: Pick<CatalogItemData, 'channels' | 'customChannels' | 'channelsText'>): string {
  const text = writtenChannels(d);
  return isChecklist(text) ? writtenChannelNames(text).map((c) => c.name).join('、') : text;
}
