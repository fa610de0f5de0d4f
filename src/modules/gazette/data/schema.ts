// Tables of the 政府公报: issues, their editable sections and the articles in them. An article is a
// copy (title, 文号, body) of a published record or a text entered only for the gazette (人事任免, 勘误),
// so a released issue never changes when its source record does.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, pgTable, real, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { units } from '../../../core/db/schema.ts';
import type { IssueState } from '../domain/workflow.ts';
import type { OcrState } from '../domain/ocr.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type ArticleKind = 'record' | 'text' | 'erratum';

export const gazetteIssues = pgTable(
  'gazette_issues',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    /** 期 within the year. */
    number: integer('number').notNull(),
    /** 总期 since the first issue. */
    overall: integer('overall').notNull(),
    state: text('state').$type<IssueState>().notNull().default('drafted'),
    /** 出版日期 printed on the cover; set at release when left empty. */
    issuedOn: date('issued_on', { mode: 'string' }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    /** The PDF of a released issue, made once (the electronic edition stays as released). */
    pdf: bytea('pdf'),
    pdfPages: integer('pdf_pages'),
    lockVersion: integer('lock_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('gazette_issues_number_key').on(t.rootUnitId, t.year, t.number),
    uniqueIndex('gazette_issues_overall_key').on(t.rootUnitId, t.overall),
    check('gazette_issues_state_check', sql`${t.state} in ('drafted','proofread','approved','released')`),
  ],
);

export const gazetteSections = pgTable(
  'gazette_sections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    issueId: bigint('issue_id', { mode: 'number' })
      .notNull()
      .references(() => gazetteIssues.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('gazette_sections_issue_idx').on(t.issueId, t.sortOrder)],
);

export const gazetteArticles = pgTable(
  'gazette_articles',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    issueId: bigint('issue_id', { mode: 'number' })
      .notNull()
      .references(() => gazetteIssues.id, { onDelete: 'cascade' }),
    sectionId: bigint('section_id', { mode: 'number' })
      .notNull()
      .references(() => gazetteSections.id),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Position in the contents, 1…n, fixed at release: the public address /gazette/YYYY/N/<seq>. */
    seq: integer('seq'),
    kind: text('kind').$type<ArticleKind>().notNull(),
    /** pub_records.id of the source record (another module's table: no foreign key). */
    recordId: bigint('record_id', { mode: 'number' }),
    recordIndexNo: text('record_index_no').notNull().default(''),
    title: text('title').notNull(),
    docNo: text('doc_no').notNull().default(''),
    /** 发文机关 / 署名. */
    issuer: text('issuer').notNull().default(''),
    writtenOn: date('written_on', { mode: 'string' }),
    /** Sanitised HTML (from the record) or paragraphs made from plain text. */
    bodyHtml: text('body_html').notNull().default(''),
    /** For a 勘误: the earlier released article it corrects. */
    correctsArticleId: bigint('corrects_article_id', { mode: 'number' }).references((): AnyPgColumn => gazetteArticles.id),
    /** Title and 文号 (A), body (C): filled at release, searched by the public archive. */
    search: tsvector('search'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('gazette_articles_issue_idx').on(t.issueId, t.sortOrder),
    index('gazette_articles_corrects_idx').on(t.correctsArticleId),
    index('gazette_articles_record_idx').on(t.recordId),
    index('gazette_articles_search_gin').using('gin', t.search),
    check('gazette_articles_kind_check', sql`${t.kind} in ('record','text','erratum')`),
  ],
);

/**
 * A past issue that exists only on paper: its scan (PDF or image, in file storage by sha256) with the
 * issue's numbers, and the state of reading its text by OCR (a background job).
 */
export const gazetteScans = pgTable(
  'gazette_scans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    overall: integer('overall').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    ocrState: text('ocr_state').$type<OcrState>().notNull(),
    /** Why OCR did not run or failed, in Chinese for staff. */
    ocrMessage: text('ocr_message').notNull().default(''),
    ocrStartedAt: timestamp('ocr_started_at', { withTimezone: true }),
    ocrFinishedAt: timestamp('ocr_finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A wrongly uploaded scan taken down by staff (撤回): kept for the record, off the public pages. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
  },
  (t) => [
    // A withdrawn scan frees its numbers for the right scan of the same issue.
    uniqueIndex('gazette_scans_number_key').on(t.rootUnitId, t.year, t.number).where(sql`${t.withdrawnAt} is null`),
    uniqueIndex('gazette_scans_overall_key').on(t.rootUnitId, t.overall).where(sql`${t.withdrawnAt} is null`),
    index('gazette_scans_queue_idx').on(t.ocrState, t.id),
    check('gazette_scans_state_check', sql`${t.ocrState} in ('queued','running','done','unreadable','no_engine','failed')`),
  ],
);

/** One page of a scan: its image, the text read from it (or typed in by staff) and its search vector. */
export const gazetteScanPages = pgTable(
  'gazette_scan_pages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    scanId: bigint('scan_id', { mode: 'number' })
      .notNull()
      .references(() => gazetteScans.id, { onDelete: 'cascade' }),
    /** 1-based page of the scan. */
    page: integer('page').notNull(),
    /** The page image in file storage (the upload itself for an image, a 300 dpi PNG for a PDF page). */
    imageKey: text('image_key').notNull(),
    imageType: text('image_type').notNull(),
    text: text('text').notNull().default(''),
    confidence: real('confidence'),
    readable: boolean('readable').notNull().default(false),
    /** Set when staff corrected the text; OCR run again leaves such a page alone. */
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    search: tsvector('search'),
  },
  (t) => [uniqueIndex('gazette_scan_pages_page_key').on(t.scanId, t.page), index('gazette_scan_pages_search_gin').using('gin', t.search)],
);
