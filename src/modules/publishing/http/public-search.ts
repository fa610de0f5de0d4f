// The search of the 查询平台 and of the public API: cut the query into words (core/search/segment.ts)
// or read it as a 文号, ask the bigram index for one page of ids (every word as a phrase, the query as
// typed ranked first), load those records and build highlighted titles and snippets. When nothing
// is found, say which words found nothing on their own.
import type { DbOrTx } from '../../../core/db/index.ts';
import { parseQuery } from '../../../core/search/bigram.ts';
import { parseNaturalQuery } from '../../../core/search/segment.ts';
import { normaliseDocNumber } from '../../../core/search/doc-number.ts';
import { markAll, needlesOf, snippet, type Segment } from '../../../core/search/snippet.ts';
import { htmlToText } from '../../../core/search/text.ts';
import { attachmentTexts, listRecordsByIds, searchRecordIds, wordsWithoutMatch, type PublicFilters, type RecordListItem } from '../data/public-queries.ts';

export const SEARCH_PAGE_SIZE = 20;

export interface SearchHit {
  record: RecordListItem;
  title: Segment[];
  snippet: Segment[];
  inAttachment: boolean;
  exactDocNo: boolean;
  rank: number;
}

export interface SearchOutcome {
  terms: string[];
  docNo: string | null;
  hits: SearchHit[];
  total: number;
  /** More results exist than are paged through (the count shown is a lower bound). */
  capped: boolean;
  /** The count includes records with all the words but maybe not as the phrase typed. */
  approximate: boolean;
  /** The query had text, but nothing searchable (only punctuation). */
  empty: boolean;
  /** When nothing is found for several words: the words that find nothing even alone. */
  missing: string[];
  /** When nothing is found for several words: the query with one word left out, to try instead. */
  suggestions: { drop: string; q: string }[];
}

/** At most this many "leave out a word" suggestions. */
const MAX_SUGGESTIONS = 4;

function contains(text: string, terms: string[]): boolean {
  return markAll(text, terms).some((s) => s.mark);
}

export async function searchPublic(db: DbOrTx, rootUnitId: number, q: string, filters: PublicFilters, page: number, pageSize = SEARCH_PAGE_SIZE): Promise<SearchOutcome> {
  const docNo = normaliseDocNumber(q.trim());
  // A 文号 is looked for exactly, as typed; anything else as words.
  const parsed = docNo ? { ...parseQuery(q), phrase: null } : parseNaturalQuery(q);
  const none = { missing: [], suggestions: [] };
  if (q.trim() !== '' && parsed.tsquery === null && docNo === null) {
    // Only punctuation: nothing to look for (not "everything").
    return { terms: [], docNo: null, hits: [], total: 0, capped: false, approximate: false, empty: true, ...none };
  }
  const offset = (page - 1) * pageSize;
  const ids = await searchRecordIds(db, rootUnitId, { tsquery: parsed.tsquery, allLexemes: parsed.allLexemes, docNoKey: docNo, phrase: parsed.phrase }, filters, pageSize, offset);
  if (ids.total === 0 && !docNo && parsed.terms.length > 1) {
    const words = parsed.terms.flatMap((word) => {
      const one = parseQuery(word);
      return one.tsquery && one.allLexemes ? [{ word, tsquery: one.tsquery, allLexemes: one.allLexemes }] : [];
    });
    const missing = await wordsWithoutMatch(db, rootUnitId, words, filters);
    const drop = missing.length ? missing : parsed.terms;
    const suggestions = drop.slice(0, MAX_SUGGESTIONS).map((w) => ({ drop: w, q: parsed.terms.filter((x) => x !== w).join(' ') }));
    return { terms: parsed.terms, docNo, hits: [], total: 0, capped: false, approximate: false, empty: false, missing, suggestions };
  }
  const records = await listRecordsByIds(
    db,
    ids.rows.map((r) => r.recordId),
  );
  const hasNeedles = needlesOf(parsed.terms).length > 0;
  // Snippets come from the summary and body; when the words are only in an attachment, from its text.
  const texts = records.map((r) => ({ id: r.id, text: [r.summary, htmlToText(r.bodyHtml)].filter(Boolean).join('\n') }));
  const needAttachment = texts.filter((t) => hasNeedles && !contains(t.text, parsed.terms)).map((t) => t.id);
  const attachments = await attachmentTexts(db, needAttachment);
  const meta = new Map(ids.rows.map((r) => [r.recordId, r]));
  const hits = records.map((r, i): SearchHit => {
    const own = texts[i]!.text;
    const att = attachments.get(r.id);
    const useAttachment = att !== undefined && contains(att, parsed.terms);
    return {
      record: r,
      title: markAll(r.title, parsed.terms),
      snippet: snippet(useAttachment ? att : own, parsed.terms),
      inAttachment: useAttachment,
      exactDocNo: meta.get(r.id)?.exactDocNo ?? false,
      rank: meta.get(r.id)?.rank ?? 0,
    };
  });
  return {
    terms: parsed.terms,
    docNo,
    hits,
    total: ids.total,
    capped: ids.capped,
    approximate: ids.approximate,
    empty: false,
    ...none,
  };
}
