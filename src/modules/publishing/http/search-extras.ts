// Other modules' public pages found by the platform search (/search), shown above the records: e.g.
// the powers module's 办事指南. A module registers a provider at start-up (it depends on publishing,
// so publishing cannot import it) and calls publicPagesChanged() when what it indexes changes.
import type { Core } from '../../../core/services.ts';
import type { ParsedQuery } from '../../../core/search/bigram.ts';

export interface ExtraSearchHit {
  title: string;
  href: string;
  /** One line under the title (publisher, type …). */
  meta: string;
}

export interface ExtraSearchSection {
  /** The section's heading, e.g. 办事指南. */
  heading: string;
  hits: ExtraSearchHit[];
}

type Provider = (core: Core, rootUnitId: number, query: ParsedQuery & { tsquery: string }) => Promise<ExtraSearchSection | undefined>;

const providers: Provider[] = [];

export function addSearchProvider(p: Provider): void {
  providers.push(p);
}

/** The sections with hits for a query (none for a query with nothing searchable). */
export async function extraSearchSections(core: Core, rootUnitId: number, query: ParsedQuery): Promise<ExtraSearchSection[]> {
  const { tsquery } = query;
  if (!tsquery || !providers.length) return [];
  const sections = await Promise.all(providers.map((p) => p(core, rootUnitId, { ...query, tsquery })));
  return sections.filter((s): s is ExtraSearchSection => !!s && s.hits.length > 0);
}
