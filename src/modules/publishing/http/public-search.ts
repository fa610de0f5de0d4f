// The search of the 查询平台 and of the public API: parse the query (bigram phrases, a 文号), ask the
// index for one page of ids, load those records and build highlighted titles and snippets.
import type { DbOrTx } from '../../../core/db/index.ts';
import { parseQuery } from '../../../core/search/bigram.ts';
import { normaliseDocNumber } from '../../../core/search/doc-number.ts';
import { markAll, needlesOf, snippet, type Segment } from '../../../core/search/snippet.ts';
import { htmlToText } from '../../../core/search/text.ts';
import { attachmentTexts, listRecordsByIds, searchRecordIds, type PublicFilters, type RecordListItem } from '../data/public-queries.ts';

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
}

function contains(text: string, terms: string[]): boolean {
  return markAll(text, terms).some((s) => s.mark);
}

export async function searchPublic(db: DbOrTx, rootUnitId: number, q: string, filters: PublicFilters, page: number, pageSize = SEARCH_PAGE_SIZE): Promise<SearchOutcome> {
  const parsed = parseQuery(q);
  const docNo = normaliseDocNumber(q.trim());
  if (q.trim() !== '' && parsed.tsquery === null && docNo === null) {
    // Only punctuation: nothing to look for (not "everything").
    return { terms: [], docNo: null, hits: [], total: 0, capped: false, approximate: false, empty: true };
  }
  const offset = (page - 1) * pageSize;
  const ids = await searchRecordIds(db, rootUnitId, { tsquery: parsed.tsquery, allLexemes: parsed.allLexemes, docNoKey: docNo }, filters, pageSize, offset);
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
  };
}
