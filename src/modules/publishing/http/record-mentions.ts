// Where else a record is carried, named on its public page: e.g. the 政府公报 issue that reprints it.
// A module registers a provider at start-up (it depends on publishing, so publishing cannot import it)
// and calls publicPagesChanged() when what it lists changes.
import type { Core } from '../../../core/services.ts';

export interface RecordMention {
  /** What carries the record, e.g. 《楚雄市人民政府公报》2025年第3期（总第27期）. */
  label: string;
  href: string;
}

export interface RecordMentionSection {
  /** The heading, e.g. 刊登本文件的政府公报. */
  heading: string;
  mentions: RecordMention[];
}

type Provider = (core: Core, rootUnitId: number, record: { id: number; indexNo: string }) => Promise<RecordMentionSection | undefined>;

const providers: Provider[] = [];

export function addRecordMentionProvider(p: Provider): void {
  providers.push(p);
}

export async function recordMentions(core: Core, rootUnitId: number, record: { id: number; indexNo: string }): Promise<RecordMentionSection[]> {
  if (!providers.length) return [];
  const sections = await Promise.all(providers.map((p) => p(core, rootUnitId, record)));
  return sections.filter((s): s is RecordMentionSection => !!s && s.mentions.length > 0);
}
