// The search index of public records (CJK bigrams, ARCHITECTURE §1): one row per published 主动公开
// record in pub_search_documents (title A, 文号 A, keywords B, summary and body C, attachment text D,
// plus copies of the filter columns), the tail of long texts in pub_search_chunks.
// refreshSearchDocument is called inside the transaction that changes a record.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { buildTsvectors, type Field } from '../../../core/search/bigram.ts';
import { normaliseDocNumber } from '../../../core/search/doc-number.ts';
import { htmlToText } from '../../../core/search/text.ts';
import { pubAttachments, pubRecords, pubSearchChunks, pubSearchDocuments } from './schema.ts';
import { publicRecordsChanged } from '../public-cache.ts';

/** Attachment text beyond this many characters per record is not indexed. */
export const MAX_ATTACHMENT_CHARS = 1_000_000;

export interface SearchSource {
  title: string;
  docNo: string;
  keywords: string[];
  summary: string;
  bodyHtml: string;
  attachmentTexts: string[];
}

/** The weighted fields of a record, in index order. */
export function searchFields(src: SearchSource): Field[] {
  let budget = MAX_ATTACHMENT_CHARS;
  const attachments: Field[] = [];
  for (const text of src.attachmentTexts) {
    if (budget <= 0) break;
    attachments.push({ text: text.slice(0, budget), weight: 'D' });
    budget -= text.length;
  }
  return [
    { text: src.title, weight: 'A' },
    { text: src.docNo, weight: 'A' },
    { text: src.keywords.join(' '), weight: 'B' },
    { text: src.summary, weight: 'C' },
    { text: htmlToText(src.bodyHtml), weight: 'C' },
    ...attachments,
  ];
}

/** The fields of the small head vector: title and 文号 (A), keywords (B). */
export function headFields(src: Pick<SearchSource, 'title' | 'docNo' | 'keywords'>): Field[] {
  return [
    { text: src.title, weight: 'A' },
    { text: src.docNo, weight: 'A' },
    { text: src.keywords.join(' '), weight: 'B' },
  ];
}

/** The key under which a 文号 is found first ('' when the record has none or it is not one). */
export function docNoKey(docNo: string): string {
  return docNo ? (normaliseDocNumber(docNo) ?? '') : '';
}

/**
 * (Re)builds the search row of one record from the record and its attachments' extracted text: a
 * published 主动公开 record is searchable; any other (draft, withdrawn, 依申请公开, 不予公开) has no row.
 */
export async function refreshSearchDocument(tx: Tx | DbOrTx, recordId: number): Promise<void> {
  const [rec] = await tx
    .select({
      id: pubRecords.id,
      rootUnitId: pubRecords.rootUnitId,
      unitId: pubRecords.unitId,
      catalogItemId: pubRecords.catalogItemId,
      domainId: sql<number | null>`(SELECT ci.domain_id FROM catalog_items ci WHERE ci.id = ${pubRecords.catalogItemId})`.mapWith((v) => (v === null ? null : Number(v))),
      generalColumn: pubRecords.generalColumn,
      kind: pubRecords.kind,
      docType: pubRecords.docType,
      subject: pubRecords.subject,
      validity: pubRecords.validity,
      title: pubRecords.title,
      docNo: pubRecords.docNo,
      keywords: pubRecords.keywords,
      summary: pubRecords.summary,
      bodyHtml: pubRecords.bodyHtml,
      state: pubRecords.state,
      disclosure: pubRecords.disclosure,
      publishedOn: pubRecords.publishedOn,
      publishedAt: pubRecords.publishedAt,
    })
    .from(pubRecords)
    .where(eq(pubRecords.id, recordId));
  // Two refreshes of one record (a publication and the start-up repair) take turns.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727200, ${recordId}::int)`);
  // Every caller changes something the public pages show: this record's page, the pages of the
  // records linked to it or replaced by it (or replacing it), and the lists.
  const shown = await tx.execute(sql`
    SELECT index_no AS "indexNo" FROM pub_records
    WHERE index_no IS NOT NULL AND (id = ${recordId} OR replaced_by_id = ${recordId}
      OR id = (SELECT replaced_by_id FROM pub_records WHERE id = ${recordId})
      OR id IN (SELECT interpretation_id FROM pub_interpretation_links WHERE policy_id = ${recordId})
      OR id IN (SELECT policy_id FROM pub_interpretation_links WHERE interpretation_id = ${recordId}))`);
  publicRecordsChanged(shown.rows.map((r) => String(r.indexNo)));
  // Chunks go with their document (ON DELETE CASCADE).
  await tx.delete(pubSearchDocuments).where(eq(pubSearchDocuments.recordId, recordId));
  if (!rec || rec.state !== 'published' || rec.disclosure !== 'proactive' || !rec.publishedOn) return;

  const attachments = await tx
    .select({ text: pubAttachments.extractedText })
    .from(pubAttachments)
    .where(and(eq(pubAttachments.recordId, recordId), eq(pubAttachments.role, 'attachment'), isNull(pubAttachments.removedAt)))
    .orderBy(asc(pubAttachments.sortOrder), asc(pubAttachments.id));
  const chunks = buildTsvectors(
    searchFields({ ...rec, attachmentTexts: attachments.map((a) => a.text).filter((t) => t.length > 0) }),
  );
  await tx.insert(pubSearchDocuments).values({
    recordId: rec.id,
    rootUnitId: rec.rootUnitId,
    document: chunks[0] ?? '',
    head: buildTsvectors(headFields(rec))[0] ?? '',
    updatedAt: sql`now()`,
    unitId: rec.unitId,
    catalogItemId: rec.catalogItemId,
    domainId: rec.domainId,
    generalColumn: rec.generalColumn,
    kind: rec.kind,
    docType: rec.docType,
    subject: rec.subject,
    validity: rec.validity,
    docNoKey: docNoKey(rec.docNo),
    publishedOn: rec.publishedOn,
    publishedAt: rec.publishedAt ?? sql`now()`,
  });
  if (chunks.length > 1) {
    await tx.insert(pubSearchChunks).values(chunks.slice(1).map((document, i) => ({ recordId: rec.id, chunkNo: i + 1, document })));
  }
}

/**
 * Brings the index in line with the records: builds the rows of public records that have none (or
 * an empty head, from before that column existed) and drops rows of records no longer public.
 * Run at start-up; normally finds nothing. Returns how many records it refreshed.
 */
export async function repairSearchIndex(db: DbOrTx, limit = 100_000): Promise<number> {
  const res = await db.execute(sql`
    SELECT r.id FROM pub_records r LEFT JOIN pub_search_documents d ON d.record_id = r.id
    WHERE r.state = 'published' AND r.disclosure = 'proactive' AND (d.record_id IS NULL OR length(d.head) = 0)
    UNION
    SELECT d.record_id FROM pub_search_documents d JOIN pub_records r ON r.id = d.record_id
    WHERE NOT (r.state = 'published' AND r.disclosure = 'proactive')
    LIMIT ${limit}`);
  const ids = res.rows.map((r) => Number(r.id));
  for (const id of ids) await db.transaction((tx) => refreshSearchDocument(tx, id));
  return ids.length;
}

/** Rebuilds the rows of every record of a city (after a change to the tokenizer, or a bulk load). */
export async function rebuildSearchIndex(db: DbOrTx, rootUnitId: number): Promise<number> {
  const ids = await db.select({ id: pubRecords.id }).from(pubRecords).where(eq(pubRecords.rootUnitId, rootUnitId)).orderBy(asc(pubRecords.id));
  for (const { id } of ids) await db.transaction((tx) => refreshSearchDocument(tx, id));
  return ids.length;
}
