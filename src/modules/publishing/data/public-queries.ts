// What the public pages, feeds, sitemap and public API read: only 主动公开 records that are published
// (lists, search) or published-then-withdrawn (the record page with its notice). SQL only.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import type { DocType, GeneralColumn, InterpretationForm, RecordKind, Validity, WithdrawReason } from '../domain/vocab.ts';

export interface PublicFilters {
  unitId?: number;
  domainId?: number;
  itemId?: number;
  column?: GeneralColumn;
  docType?: DocType;
  /** Several document types (the policy library: 规章 and 行政规范性文件). */
  docTypes?: DocType[];
  subject?: string;
  /** Year of 发布日期. */
  year?: number;
  validity?: Validity;
  kind?: RecordKind;
}

export interface RecordListItem {
  id: number;
  indexNo: string;
  title: string;
  docNo: string;
  publisherName: string;
  writtenOn: string;
  publishedOn: string;
  publishedAt: Date;
  validity: Validity;
  validityChangedOn: string | null;
  docType: DocType;
  kind: RecordKind;
  interpretationForm: InterpretationForm | null;
  generalColumn: GeneralColumn | null;
  subject: string;
  genre: string;
  summary: string;
  unitSlug: string;
  unitName: string;
  itemCode: string | null;
  itemName: string | null;
  domainName: string | null;
  updatedAt: Date;
}

const LIST_COLUMNS = sql`
  r.id, r.index_no AS "indexNo", r.title, r.doc_no AS "docNo", r.publisher_name AS "publisherName",
  r.written_on AS "writtenOn", r.published_on AS "publishedOn", r.published_at AS "publishedAt", r.validity,
  r.validity_changed_on AS "validityChangedOn", r.doc_type AS "docType", r.kind, r.interpretation_form AS "interpretationForm",
  r.general_column AS "generalColumn", r.subject, r.genre, r.summary, u.slug AS "unitSlug", u.name AS "unitName",
  ci.code AS "itemCode", ci.level2 AS "itemName", cd.name AS "domainName", r.updated_at AS "updatedAt"`;

const LIST_FROM = sql`
  FROM pub_records r
  JOIN units u ON u.id = r.unit_id
  LEFT JOIN catalog_items ci ON ci.id = r.catalog_item_id
  LEFT JOIN catalog_domains cd ON cd.id = ci.domain_id`;

function toListItem(row: Record<string, unknown>): RecordListItem {
  return {
    ...(row as unknown as RecordListItem),
    id: Number(row.id),
    publishedAt: new Date(row.publishedAt as string | Date),
    updatedAt: new Date(row.updatedAt as string | Date),
  };
}

function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

/** Filter conditions on pub_records r (joined as in LIST_FROM). */
function recordFilters(f: PublicFilters): SQL[] {
  const out: SQL[] = [];
  if (f.unitId !== undefined) out.push(sql`r.unit_id = ${f.unitId}`);
  if (f.itemId !== undefined) out.push(sql`r.catalog_item_id = ${f.itemId}`);
  if (f.domainId !== undefined) out.push(sql`ci.domain_id = ${f.domainId}`);
  if (f.column !== undefined) out.push(sql`r.general_column = ${f.column}`);
  if (f.docType !== undefined) out.push(sql`r.doc_type = ${f.docType}`);
  if (f.docTypes?.length) out.push(sql`r.doc_type IN (${sql.join(f.docTypes.map((t) => sql`${t}`), sql`, `)})`);
  if (f.subject !== undefined) out.push(sql`r.subject = ${f.subject}`);
  if (f.validity !== undefined) out.push(sql`r.validity = ${f.validity}`);
  if (f.kind !== undefined) out.push(sql`r.kind = ${f.kind}`);
  if (f.year !== undefined) {
    const [from, to] = yearRange(f.year);
    out.push(sql`r.published_on BETWEEN ${from} AND ${to}`);
  }
  return out;
}

/** The same filters on pub_search_documents d (its copies of the record's columns). */
function documentFilters(f: PublicFilters): SQL[] {
  const out: SQL[] = [];
  if (f.unitId !== undefined) out.push(sql`d.unit_id = ${f.unitId}`);
  if (f.itemId !== undefined) out.push(sql`d.catalog_item_id = ${f.itemId}`);
  if (f.domainId !== undefined) out.push(sql`d.domain_id = ${f.domainId}`);
  if (f.column !== undefined) out.push(sql`d.general_column = ${f.column}`);
  if (f.docType !== undefined) out.push(sql`d.doc_type = ${f.docType}`);
  if (f.docTypes?.length) out.push(sql`d.doc_type IN (${sql.join(f.docTypes.map((t) => sql`${t}`), sql`, `)})`);
  if (f.subject !== undefined) out.push(sql`d.subject = ${f.subject}`);
  if (f.validity !== undefined) out.push(sql`d.validity = ${f.validity}`);
  if (f.kind !== undefined) out.push(sql`d.kind = ${f.kind}`);
  if (f.year !== undefined) {
    const [from, to] = yearRange(f.year);
    out.push(sql`d.published_on BETWEEN ${from} AND ${to}`);
  }
  return out;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`);

export interface Page<T> {
  rows: T[];
  total: number;
  /** More rows match than were counted: `total` is the bound ("超过 N 条"). */
  capped?: boolean;
}

/**
 * Lists count at most this many matching records ("超过 10000 条") and page no further: a page then
 * costs the same however many records a city has (the rows come in order from an index; only this
 * many index entries are ever counted or skipped).
 */
export const LIST_COUNT_CAP = 10_000;

/** Published 主动公开 records of a city, newest first; `count: false` skips the (bounded) count. */
export async function listPublicRecords(
  db: DbOrTx,
  rootUnitId: number,
  f: PublicFilters,
  limit: number,
  offset: number,
  opts: { count?: boolean } = {},
): Promise<Page<RecordListItem>> {
  const where = and([sql`r.root_unit_id = ${rootUnitId}`, sql`r.state = 'published'`, sql`r.disclosure = 'proactive'`, ...recordFilters(f)]);
  if (offset >= LIST_COUNT_CAP) return { rows: [], total: LIST_COUNT_CAP, capped: true };
  // Catalog items joined only for a domain filter: the skipped rows of a later page are index entries only.
  const from = f.domainId !== undefined ? sql`FROM pub_records r LEFT JOIN catalog_items ci ON ci.id = r.catalog_item_id` : sql`FROM pub_records r`;
  const order = sql`r.published_on DESC, r.published_at DESC, r.id DESC`;
  const res = await db.execute(sql`
    WITH page AS (SELECT r.id, row_number() OVER () AS n FROM (SELECT r.id ${from} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) r)
    SELECT ${LIST_COLUMNS}
    FROM page JOIN pub_records r ON r.id = page.id
    JOIN units u ON u.id = r.unit_id
    LEFT JOIN catalog_items ci ON ci.id = r.catalog_item_id
    LEFT JOIN catalog_domains cd ON cd.id = ci.domain_id
    ORDER BY page.n`);
  const rows = res.rows.map(toListItem);
  if (opts.count === false) return { rows, total: rows.length };
  if (offset === 0 && rows.length < limit) return { rows, total: rows.length };
  // Counted from the list index, stopping past the cap.
  // In list order, so the list index is walked (and stops at the cap) even when a filter is rare.
  const c = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} WHERE ${where} ORDER BY r.published_on DESC, r.published_at DESC, r.id DESC LIMIT ${LIST_COUNT_CAP + 1}) x`);
  const n = Number(c.rows[0]?.n ?? 0);
  return { rows, total: Math.min(n, LIST_COUNT_CAP), capped: n > LIST_COUNT_CAP };
}

/** Records of the given ids in that order (search results), public ones only. */
export async function listRecordsByIds(db: DbOrTx, ids: number[]): Promise<(RecordListItem & { bodyHtml: string })[]> {
  if (!ids.length) return [];
  const res = await db.execute(sql`
    SELECT ${LIST_COLUMNS}, r.body_html AS "bodyHtml"
    ${LIST_FROM}
    WHERE r.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND r.state = 'published' AND r.disclosure = 'proactive'`);
  const byId = new Map(res.rows.map((r) => [Number(r.id), { ...toListItem(r), bodyHtml: String(r.bodyHtml ?? '') }]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The extracted text of the public attachments of some records (for snippets of attachment-only hits). */
export async function attachmentTexts(db: DbOrTx, recordIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!recordIds.length) return out;
  const res = await db.execute(sql`
    SELECT record_id AS "recordId", string_agg(left(extracted_text, 200000), E'\n' ORDER BY sort_order, id) AS text
    FROM pub_attachments
    WHERE record_id IN (${sql.join(recordIds.map((id) => sql`${id}`), sql`, `)}) AND role = 'attachment' AND removed_at IS NULL AND extracted_text <> ''
    GROUP BY record_id`);
  for (const r of res.rows) out.set(Number(r.recordId), String(r.text ?? ''));
  return out;
}

export interface SearchHitRow {
  recordId: number;
  rank: number;
  exactDocNo: boolean;
}

/** Search results beyond this many are not paged through or counted exactly ("超过 1000 条"). */
export const MAX_SEARCH_RESULTS = 1000;

/**
 * Full-text search over the bigram index: records matching every term (as phrases) in the title,
 * 文号, keywords, body or attachment text. Relevance in three tiers, then the most recent first:
 *   1. the record whose 文号 is the query;
 *   2. records with the words in the title, 文号 or keywords: those with the query as typed (one
 *      phrase, `phrase`) first, then by cover density (ts_rank_cd, how close the words stand) on that
 *      small vector: title and 文号 weigh A, keywords B, and each further occurrence adds (ts_rank
 *      saturates at 1 for phrases, so it cannot tell one occurrence from two);
 *   3. records with the words only in the body or attachments.
 * Tier 2 reads only the small head vectors. Tier 3 is narrowed with the unordered query (answered
 * by the GIN index alone), sorted by date, and the phrase is checked on the sorted candidates only
 * until the page is full, so a common word over 100,000 records stays fast. Counts stop at
 * MAX_SEARCH_RESULTS + 1; tier 3's count is of the unordered query (`approximate` when that differs).
 */
export async function searchRecordIds(
  db: DbOrTx,
  rootUnitId: number,
  query: { tsquery: string | null; allLexemes?: string | null; docNoKey: string | null; phrase?: string | null },
  f: PublicFilters,
  limit: number,
  offset: number,
): Promise<Page<SearchHitRow> & { capped: boolean; approximate: boolean }> {
  const base = [sql`d.root_unit_id = ${rootUnitId}`, ...documentFilters(f)];
  if (!query.tsquery) {
    // Filters only: newest first.
    const where = and(base);
    const res = await db.execute(sql`
      SELECT d.record_id AS "recordId" FROM pub_search_documents d WHERE ${where}
      ORDER BY d.published_at DESC, d.record_id DESC LIMIT ${limit} OFFSET ${offset}`);
    const total = await countDocuments(db, where);
    return { rows: res.rows.map((r) => ({ recordId: Number(r.recordId), rank: 0, exactDocNo: false })), total: Math.min(total, MAX_SEARCH_RESULTS), capped: total > MAX_SEARCH_RESULTS, approximate: false };
  }
  const q = sql`${query.tsquery}::tsquery`;
  const filter = query.allLexemes ?? query.tsquery;
  // The unordered query narrows without reading documents; when it is not the query itself, the
  // phrase is checked afterwards on the few documents a page needs.
  const phrase = filter !== query.tsquery;
  const docNo = query.docNoKey ?? '';
  // The planner cannot see that @@ on a document means reading it from the TOAST table, and with a
  // LIMIT it may prefer a sequential scan that reads thousands of documents: keep it on the indexes.
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const typed = query.phrase ? sql`${query.phrase}::tsquery` : null;
    return searchTiers(tx, { base, q, qFilter: sql`${filter}::tsquery`, phrase, typed, docNo, limit, offset });
  });
}

async function searchTiers(
  db: DbOrTx,
  a: { base: SQL[]; q: SQL; qFilter: SQL; phrase: boolean; typed: SQL | null; docNo: string; limit: number; offset: number },
): Promise<Page<SearchHitRow> & { capped: boolean; approximate: boolean }> {
  const { base, q, qFilter, phrase, typed, docNo, limit, offset } = a;
  const cap = MAX_SEARCH_RESULTS + 1;
  // ts_match_vq is the function behind @@: written as a call it is checked row by row instead of
  // being sent to the index (where a one-character prefix such as 号:* would be expanded in full).
  const headMatch = phrase ? sql`d.head @@ ${qFilter} AND ts_match_vq(d.head, ${q})` : sql`d.head @@ ${q}`;
  type Rows = { rows: Record<string, unknown>[] };
  const none: Rows = { rows: [] };
  const exact: Rows = docNo
    ? // The issuer's own document first: a joint issue or a forwarding (with a stated reason) after it, then the earliest.
      await db.execute(sql`SELECT d.record_id AS id FROM pub_search_documents d JOIN pub_records r ON r.id = d.record_id WHERE ${and([...base, sql`d.doc_no_key = ${docNo}`])} ORDER BY (r.doc_no_shared_reason <> ''), d.published_at, d.record_id LIMIT ${cap}`)
    : none;
  // The query as typed, as one phrase, first; then how close together the words stand (cover density).
  const typedFirst = typed ? sql`ts_match_vq(d.head, ${typed})` : sql`FALSE`;
  const head: Rows = await db.execute(sql`
    SELECT d.record_id AS id, ts_rank_cd(d.head, ${q}) AS rank, ${typedFirst} AS typed FROM pub_search_documents d WHERE ${and([...base, headMatch])}
    ORDER BY typed DESC, rank DESC, d.published_at DESC, d.record_id DESC LIMIT ${cap}`);
  const bodyOnly = and([...base, sql`d.document @@ ${qFilter}`, sql`NOT ts_match_vq(d.head, ${q})`]);
  // Tier 3 is counted up to the cap: the bitmap of the GIN index stops there.
  const count: Rows = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM pub_search_documents d WHERE ${bodyOnly} LIMIT ${cap}) x`);
  // Matches found only in the later chunks of long texts (rare).
  const chunks: Rows = await db.execute(sql`
    SELECT DISTINCT d.record_id AS id, d.published_at AS at FROM pub_search_chunks c JOIN pub_search_documents d ON d.record_id = c.record_id
    WHERE ${and([...base, sql`c.document @@ ${q}`, sql`NOT ts_match_vq(d.head, ${q})`, sql`NOT ts_match_vq(d.document, ${q})`])}
    ORDER BY d.published_at DESC, d.record_id DESC LIMIT ${cap}`);

  const ids: SearchHitRow[] = [];
  const seen = new Set<number>();
  const add = (id: number, rank: number, exactDocNo: boolean) => {
    if (seen.has(id)) return;
    seen.add(id);
    ids.push({ recordId: id, rank, exactDocNo });
  };
  for (const r of exact.rows) add(Number(r.id), 1, true);
  for (const r of head.rows) add(Number(r.id), Number(r.rank) + (r.typed ? 1 : 0), false);
  const topCount = ids.length;
  const needed = Math.min(offset + limit - topCount, cap);
  const bodyCount = Number(count.rows[0]?.n ?? 0);
  if (needed > 0) {
    // Newest first, a window at a time (for a common word the date index finds them at once); with a
    // phrase, each window is checked against the documents until the page is full.
    const body: { id: number; at: number }[] = [];
    for (let from = 0, done = bodyCount === 0; !done && body.length < needed; ) {
      const size = phrase ? needed - body.length + 10 : needed - body.length;
      const page = await db.execute(sql`
        SELECT d.record_id AS id, d.published_at AS at FROM pub_search_documents d WHERE ${bodyOnly}
        ORDER BY d.published_at DESC, d.record_id DESC LIMIT ${size} OFFSET ${from}`);
      from += page.rows.length;
      done = page.rows.length < size;
      let rows = page.rows.map((r) => ({ id: Number(r.id), at: new Date(r.at as string).getTime() }));
      if (phrase && rows.length) {
        const ok = await db.execute(sql`
          SELECT d.record_id AS id FROM pub_search_documents d
          WHERE d.record_id IN (${sql.join(rows.map((w) => sql`${w.id}`), sql`, `)}) AND ts_match_vq(d.document, ${q})`);
        const pass = new Set(ok.rows.map((r) => Number(r.id)));
        rows = rows.filter((w) => pass.has(w.id));
      }
      body.push(...rows);
    }
    const rest = [...body, ...chunks.rows.map((r) => ({ id: Number(r.id), at: new Date(r.at as string).getTime() }))].sort((x, y) => y.at - x.at || y.id - x.id);
    for (const r of rest) add(r.id, 0, false);
  }
  const total = topCount + bodyCount + chunks.rows.length;
  return {
    rows: ids.slice(offset, offset + limit),
    total: Math.min(total, MAX_SEARCH_RESULTS),
    capped: total > MAX_SEARCH_RESULTS,
    approximate: phrase && bodyCount > 0,
  };
}

/**
 * Which of the words find no record at all on their own (with the same filters), to say so when a
 * query finds nothing. One index probe per word, stopping at the first match.
 */
export async function wordsWithoutMatch(
  db: DbOrTx,
  rootUnitId: number,
  words: { word: string; tsquery: string; allLexemes: string }[],
  f: PublicFilters,
): Promise<string[]> {
  if (!words.length) return [];
  const base = [sql`d.root_unit_id = ${rootUnitId}`, ...documentFilters(f)];
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const out: string[] = [];
    for (const w of words) {
      const found = await tx.execute(sql`
        SELECT EXISTS (SELECT 1 FROM pub_search_documents d WHERE ${and([...base, sql`d.document @@ ${w.allLexemes}::tsquery`, sql`ts_match_vq(d.document, ${w.tsquery}::tsquery)`])})
          OR EXISTS (SELECT 1 FROM pub_search_chunks c JOIN pub_search_documents d ON d.record_id = c.record_id WHERE ${and([...base, sql`c.document @@ ${w.tsquery}::tsquery`])}) AS found`);
      if (!found.rows[0]?.found) out.push(w.word);
    }
    return out;
  });
}

async function countDocuments(db: DbOrTx, where: SQL): Promise<number> {
  const c = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM pub_search_documents d WHERE ${where} LIMIT ${MAX_SEARCH_RESULTS + 1}) x`);
  return Number(c.rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// One record's public page

export interface PublicRecord extends RecordListItem {
  state: 'published' | 'withdrawn';
  formedOn: string;
  keywords: string[];
  bodyHtml: string;
  needsInterpretation: boolean;
  revision: number;
  withdrawReason: WithdrawReason | null;
  withdrawNote: string;
  withdrawnAt: Date | null;
  replacedBy: { indexNo: string; title: string } | null;
  itemId: number | null;
  domainSlug: string | null;
}

/** A public (published or withdrawn, 主动公开) record of this city by its 索引号. */
export async function findPublicRecord(db: DbOrTx, rootUnitId: number, indexNo: string): Promise<PublicRecord | undefined> {
  if (indexNo.length > 64) return undefined;
  const res = await db.execute(sql`
    SELECT ${LIST_COLUMNS}, r.state, r.formed_on AS "formedOn", r.keywords, r.body_html AS "bodyHtml",
      r.needs_interpretation AS "needsInterpretation", r.revision, r.withdraw_reason AS "withdrawReason",
      r.withdraw_note AS "withdrawNote", r.withdrawn_at AS "withdrawnAt", r.catalog_item_id AS "itemId", cd.slug AS "domainSlug",
      rb.index_no AS "replacedByIndexNo", rb.title AS "replacedByTitle"
    ${LIST_FROM}
    LEFT JOIN pub_records rb ON rb.id = r.replaced_by_id AND rb.state IN ('published','withdrawn') AND rb.disclosure = 'proactive'
    WHERE r.index_no = ${indexNo} AND r.root_unit_id = ${rootUnitId} AND r.state IN ('published','withdrawn') AND r.disclosure = 'proactive'`);
  const row = res.rows[0];
  if (!row) return undefined;
  return {
    ...toListItem(row),
    state: row.state as PublicRecord['state'],
    formedOn: String(row.formedOn),
    keywords: (row.keywords as string[] | null) ?? [],
    bodyHtml: String(row.bodyHtml ?? ''),
    needsInterpretation: row.needsInterpretation === true,
    revision: Number(row.revision),
    withdrawReason: (row.withdrawReason as WithdrawReason | null) ?? null,
    withdrawNote: String(row.withdrawNote ?? ''),
    withdrawnAt: row.withdrawnAt ? new Date(row.withdrawnAt as string) : null,
    replacedBy: row.replacedByIndexNo ? { indexNo: String(row.replacedByIndexNo), title: String(row.replacedByTitle) } : null,
    itemId: row.itemId === null ? null : Number(row.itemId),
    domainSlug: (row.domainSlug as string | null) ?? null,
  };
}

export interface LinkedRecord {
  indexNo: string;
  title: string;
  publishedOn: string;
  kind: RecordKind;
  interpretationForm: InterpretationForm | null;
  state: 'published' | 'withdrawn';
}

/** Public records linked to this one: its interpretations (if a policy) and its policies (if an interpretation). */
export async function listPublicLinks(db: DbOrTx, recordId: number): Promise<{ interpretations: LinkedRecord[]; policies: LinkedRecord[] }> {
  const res = await db.execute(sql`
    SELECT 'interpretation' AS side, r.index_no AS "indexNo", r.title, r.published_on AS "publishedOn", r.kind,
      r.interpretation_form AS "interpretationForm", r.state
    FROM pub_interpretation_links l JOIN pub_records r ON r.id = l.interpretation_id
    WHERE l.policy_id = ${recordId} AND r.state IN ('published','withdrawn') AND r.disclosure = 'proactive'
    UNION ALL
    SELECT 'policy', r.index_no, r.title, r.published_on, r.kind, r.interpretation_form, r.state
    FROM pub_interpretation_links l JOIN pub_records r ON r.id = l.policy_id
    WHERE l.interpretation_id = ${recordId} AND r.state IN ('published','withdrawn') AND r.disclosure = 'proactive'
    ORDER BY 4, 2`);
  const all = res.rows.map((r) => ({ side: String(r.side), link: { ...(r as unknown as LinkedRecord), publishedOn: String(r.publishedOn) } }));
  return {
    interpretations: all.filter((x) => x.side === 'interpretation').map((x) => x.link),
    policies: all.filter((x) => x.side === 'policy').map((x) => x.link),
  };
}

/** Public records this one replaced (their "replaced by" points here). */
export async function listReplacedRecords(db: DbOrTx, recordId: number): Promise<{ indexNo: string; title: string }[]> {
  const res = await db.execute(sql`
    SELECT index_no AS "indexNo", title FROM pub_records
    WHERE replaced_by_id = ${recordId} AND state IN ('published','withdrawn') AND disclosure = 'proactive'
    ORDER BY published_on, id`);
  return res.rows.map((r) => ({ indexNo: String(r.indexNo), title: String(r.title) }));
}

export interface PublicAttachment {
  code: string;
  originalName: string;
  fileType: string;
  mediaType: string;
  sizeBytes: number;
}

export async function listPublicAttachments(db: DbOrTx, recordId: number): Promise<PublicAttachment[]> {
  const res = await db.execute(sql`
    SELECT code, original_name AS "originalName", file_type AS "fileType", media_type AS "mediaType", size_bytes AS "sizeBytes"
    FROM pub_attachments WHERE record_id = ${recordId} AND role = 'attachment' AND removed_at IS NULL
    ORDER BY sort_order, id`);
  return res.rows.map((r) => ({ ...(r as unknown as PublicAttachment), sizeBytes: Number(r.sizeBytes) }));
}

/** An attachment that may be downloaded: of a published 主动公开 record of this city. */
export async function findPublicAttachment(
  db: DbOrTx,
  rootUnitId: number,
  code: string,
): Promise<(PublicAttachment & { storageKey: string; recordState: string; withdrawReason: string | null }) | undefined> {
  if (code.length > 64) return undefined;
  const res = await db.execute(sql`
    SELECT a.code, a.original_name AS "originalName", a.file_type AS "fileType", a.media_type AS "mediaType", a.size_bytes AS "sizeBytes",
      a.storage_key AS "storageKey", r.state AS "recordState", r.withdraw_reason AS "withdrawReason"
    FROM pub_attachments a JOIN pub_records r ON r.id = a.record_id
    WHERE a.code = ${code} AND a.role = 'attachment' AND a.removed_at IS NULL AND r.root_unit_id = ${rootUnitId}
      AND r.state IN ('published','withdrawn') AND r.disclosure = 'proactive'`);
  const row = res.rows[0];
  if (!row) return undefined;
  return { ...(row as unknown as PublicAttachment & { storageKey: string; recordState: string; withdrawReason: string | null }), sizeBytes: Number(row.sizeBytes) };
}

export interface PublicVersion {
  event: string;
  changeNote: string;
  changedAt: Date;
}

/** The public change history (publication, revisions, validity changes, withdrawal), oldest first. */
export async function listPublicChanges(db: DbOrTx, recordId: number): Promise<PublicVersion[]> {
  const res = await db.execute(sql`
    SELECT event, change_note AS "changeNote", changed_at AS "changedAt"
    FROM pub_record_versions WHERE record_id = ${recordId} AND is_public ORDER BY lock_version`);
  return res.rows.map((r) => ({ event: String(r.event), changeNote: String(r.changeNote ?? ''), changedAt: new Date(r.changedAt as string) }));
}

// ---------------------------------------------------------------------------------------------
// Facets for the filter forms, the home page, feeds, the sitemap and the catalog

/**
 * The latest published records of each domain (home page), at most `perDomain` each: the newest few
 * of each catalog item from the item list index, then the newest of those per domain, so the cost
 * follows the number of catalog items, not of records.
 */
export async function latestByDomain(db: DbOrTx, rootUnitId: number, perDomain: number): Promise<{ domainSlug: string; domainName: string; records: RecordListItem[] }[]> {
  const res = await db.execute(sql`
    SELECT * FROM (
      SELECT x.*, row_number() OVER (PARTITION BY x."domainSlug" ORDER BY x."publishedOn" DESC, x."publishedAt" DESC, x.id DESC) AS n
      FROM catalog_items ci0
      JOIN catalog_domains cd0 ON cd0.id = ci0.domain_id
      CROSS JOIN LATERAL (
        SELECT ${LIST_COLUMNS}, cd.slug AS "domainSlug", cd.sort_order AS "domainOrder"
        ${LIST_FROM}
        WHERE r.catalog_item_id = ci0.id AND r.root_unit_id = ${rootUnitId} AND r.state = 'published' AND r.disclosure = 'proactive'
        ORDER BY r.published_on DESC, r.published_at DESC, r.id DESC
        LIMIT ${perDomain}
      ) x
      WHERE cd0.root_unit_id = ${rootUnitId}
    ) y WHERE n <= ${perDomain}
    ORDER BY "domainOrder", "domainSlug", n`);
  const out: { domainSlug: string; domainName: string; records: RecordListItem[] }[] = [];
  for (const row of res.rows) {
    const slug = String(row.domainSlug);
    let group = out.find((g) => g.domainSlug === slug);
    if (!group) out.push((group = { domainSlug: slug, domainName: String(row.domainName), records: [] }));
    group.records.push(toListItem(row));
  }
  return out;
}

/** The public interpretations of a set of policies: policy id → its interpretations. */
export async function interpretationsOf(db: DbOrTx, policyIds: number[]): Promise<Map<number, LinkedRecord[]>> {
  const out = new Map<number, LinkedRecord[]>();
  if (!policyIds.length) return out;
  const res = await db.execute(sql`
    SELECT l.policy_id AS "policyId", r.index_no AS "indexNo", r.title, r.published_on AS "publishedOn", r.kind,
      r.interpretation_form AS "interpretationForm", r.state
    FROM pub_interpretation_links l JOIN pub_records r ON r.id = l.interpretation_id
    WHERE l.policy_id IN (${sql.join(policyIds.map((id) => sql`${id}`), sql`, `)}) AND r.state = 'published' AND r.disclosure = 'proactive'
    ORDER BY r.published_on, r.id`);
  for (const r of res.rows) {
    const id = Number(r.policyId);
    const list = out.get(id) ?? [];
    list.push({ ...(r as unknown as LinkedRecord), publishedOn: String(r.publishedOn) });
    out.set(id, list);
  }
  return out;
}

const SITEMAP_LASTMOD = sql`greatest(published_at, coalesce(withdrawn_at, published_at), updated_at)`;
const SITEMAP_WHERE = (rootUnitId: number) => sql`root_unit_id = ${rootUnitId} AND state IN ('published','withdrawn') AND disclosure = 'proactive'`;

/**
 * Public record pages of a city in one sitemap file: the records whose id is in
 * [file × perFile, (file + 1) × perFile) (so at most perFile URLs, and a file never changes its
 * range when records are added), oldest first, with when each last changed.
 */
export async function listSitemapRecords(db: DbOrTx, rootUnitId: number, perFile: number, file: number): Promise<{ indexNo: string; lastmod: Date }[]> {
  const res = await db.execute(sql`
    SELECT index_no AS "indexNo", ${SITEMAP_LASTMOD} AS lastmod
    FROM pub_records WHERE ${SITEMAP_WHERE(rootUnitId)} AND id >= ${file * perFile} AND id < ${(file + 1) * perFile}
    ORDER BY id`);
  return res.rows.map((r) => ({ indexNo: String(r.indexNo), lastmod: new Date(r.lastmod as string) }));
}

/**
 * The sitemap files (id ranges of `perFile`) that hold a public record of the city, found by
 * skipping through the sitemap index one range at a time (one index probe per file, whatever the
 * number of records).
 */
export async function sitemapRecordFiles(db: DbOrTx, rootUnitId: number, perFile: number, maxFiles: number): Promise<number[]> {
  const res = await db.execute(sql`
    WITH RECURSIVE f(k) AS (
      SELECT (SELECT min(id) FROM pub_records WHERE ${SITEMAP_WHERE(rootUnitId)}) / ${perFile}
      UNION ALL
      SELECT (SELECT min(id) FROM pub_records WHERE ${SITEMAP_WHERE(rootUnitId)} AND id >= (f.k + 1) * ${perFile}) / ${perFile}
      FROM f WHERE f.k IS NOT NULL
    )
    SELECT k FROM f WHERE k IS NOT NULL LIMIT ${maxFiles}`);
  return res.rows.map((r) => Number(r.k));
}

/** The catalog domains of a city, in display order (for the filter forms). */
export async function listCatalogDomains(db: DbOrTx, rootUnitId: number): Promise<{ id: number; slug: string; name: string }[]> {
  const res = await db.execute(sql`SELECT id, slug, name FROM catalog_domains WHERE root_unit_id = ${rootUnitId} ORDER BY sort_order, id`);
  return res.rows.map((r) => ({ id: Number(r.id), slug: String(r.slug), name: String(r.name) }));
}

/** A catalog item of a city by its public code. */
export async function findCatalogItem(db: DbOrTx, rootUnitId: number, code: string): Promise<{ id: number; code: string; name: string } | undefined> {
  if (code.length > 64) return undefined;
  const res = await db.execute(sql`SELECT id, code, level2 AS name FROM catalog_items WHERE code = ${code} AND root_unit_id = ${rootUnitId}`);
  const r = res.rows[0];
  return r ? { id: Number(r.id), code: String(r.code), name: String(r.name) } : undefined;
}

/** Public catalog item pages of a city (for the sitemap). */
export async function listCatalogItemCodes(db: DbOrTx, rootUnitId: number): Promise<{ code: string; updatedAt: Date }[]> {
  const res = await db.execute(sql`SELECT code, updated_at AS "updatedAt" FROM catalog_items WHERE root_unit_id = ${rootUnitId} ORDER BY domain_id, sort_order, id`);
  return res.rows.map((r) => ({ code: String(r.code), updatedAt: new Date(r.updatedAt as string) }));
}

/**
 * Years that have published records (for the year filter), newest first: one probe of the list
 * index per year (a loose index scan), not a pass over all records.
 */
export async function publishedYears(db: DbOrTx, rootUnitId: number): Promise<number[]> {
  const listed = sql`root_unit_id = ${rootUnitId} AND state = 'published' AND disclosure = 'proactive'`;
  const res = await db.execute(sql`
    WITH RECURSIVE y(d) AS (
      SELECT (SELECT max(published_on) FROM pub_records WHERE ${listed})
      UNION ALL
      SELECT (SELECT max(published_on) FROM pub_records WHERE ${listed} AND published_on < date_trunc('year', y.d)::date)
      FROM y WHERE y.d IS NOT NULL
    )
    SELECT extract(year FROM d)::int AS y FROM y WHERE d IS NOT NULL`);
  return res.rows.map((r) => Number(r.y));
}
