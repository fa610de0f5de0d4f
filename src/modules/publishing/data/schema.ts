// Tables of proactive publishing (主动公开): records with their metadata and versions, attachments,
// the per-unit 索引号 sequences, policy ↔ interpretation links, the review log and the search documents.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { staffUsers, units } from '../../../core/db/schema.ts';
import type { AttachmentRole, Disclosure, DocType, GeneralColumn, InterpretationForm, RecordKind, RecordState, Validity, WithdrawReason } from '../domain/vocab.ts';
import type { RecordSnapshot } from '../domain/types.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One piece of government information (政府信息). Public URLs use `index_no` (索引号) once published;
 * staff URLs use `code` (random); the bigint id is never shown.
 */
/** The rows the public lists show: published and 主动公开. */
const PUBLIC_LISTED = sql`state = 'published' AND disclosure = 'proactive'`;

export const pubRecords = pgTable(
  'pub_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Random, non-enumerable identifier for staff URLs and attachments. */
    code: text('code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** catalog_items.id (foreign key added in the migration's custom SQL; another module's table). */
    catalogItemId: bigint('catalog_item_id', { mode: 'number' }),
    generalColumn: text('general_column').$type<GeneralColumn>(),
    kind: text('kind').$type<RecordKind>().notNull().default('record'),
    interpretationForm: text('interpretation_form').$type<InterpretationForm>(),
    title: text('title').notNull(),
    /** 发布机构 */
    publisherName: text('publisher_name').notNull(),
    /** 文号, normalised to 〔〕 brackets; '' when the record has none. */
    docNo: text('doc_no').notNull().default(''),
    /** 成文日期 */
    writtenOn: date('written_on', { mode: 'string' }).notNull(),
    /** The day the information was formed or changed (条例 第二十六条 counts from it). */
    formedOn: date('formed_on', { mode: 'string' }).notNull(),
    /** 发布日期: set when published. */
    publishedOn: date('published_on', { mode: 'string' }),
    /** 主题分类 */
    subject: text('subject').notNull(),
    /** 体裁 */
    genre: text('genre').notNull(),
    docType: text('doc_type').$type<DocType>().notNull().default('other'),
    /** 需解读: set by the drafter for other policy documents that need an interpretation. */
    needsInterpretation: boolean('needs_interpretation').notNull().default(false),
    /** Why a record with a 规范性文件-style 文号 needs no 政策解读 (it is not one); '' when not stated. */
    interpretationWaiver: text('interpretation_waiver').notNull().default(''),
    /** Why another record carries the same 文号 (联合发文、转发); '' when none. */
    docNoSharedReason: text('doc_no_shared_reason').notNull().default(''),
    validity: text('validity').$type<Validity>().notNull().default('in_force'),
    /** The day it expired or was repealed. */
    validityChangedOn: date('validity_changed_on', { mode: 'string' }),
    replacedById: bigint('replaced_by_id', { mode: 'number' }),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    /** 内容概述 (目录 entry field, 条例 第十二条). */
    summary: text('summary').notNull().default(''),
    /** Sanitised rich text (headings, paragraphs, lists, tables, links). */
    bodyHtml: text('body_html').notNull().default(''),
    disclosure: text('disclosure').$type<Disclosure>().notNull().default('proactive'),
    /** Codes of DISCLOSURE_GROUNDS (条例 第十四、十五、十六条); empty for 主动公开. */
    disclosureGrounds: text('disclosure_grounds').array().notNull().default(sql`'{}'::text[]`),
    disclosureNote: text('disclosure_note').notNull().default(''),
    /** 条例 第十八条: when a 依申请公开 / 不予公开 decision is re-evaluated. */
    reevaluateOn: date('reevaluate_on', { mode: 'string' }),
    state: text('state').$type<RecordState>().notNull().default('draft'),
    /** Optimistic-concurrency counter: +1 on every change. */
    lockVersion: integer('lock_version').notNull().default(1),
    /** Published revision: 0 before publication, 1 at first publication, +1 per revision. */
    revision: integer('revision').notNull().default(0),
    /** 索引号 {统一社会信用代码}/{year}-{seq}, allocated at publication. */
    indexNo: text('index_no'),
    indexYear: integer('index_year'),
    indexSeq: integer('index_seq'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** Force-published by a unit admin, not yet reviewed. */
    reviewOwed: boolean('review_owed').notNull().default(false),
    /** Reasons given the last time it was sent back (shown to the editor). */
    sendBackReasons: text('send_back_reasons').array().notNull().default(sql`'{}'::text[]`),
    /** 条例 第二十六条 / the item's 公开时限: last on-time day and whether publication was late. */
    dueOn: date('due_on', { mode: 'string' }),
    publishedLate: boolean('published_late'),
    timelinessNote: text('timeliness_note').notNull().default(''),
    withdrawReason: text('withdraw_reason').$type<WithdrawReason>(),
    withdrawNote: text('withdraw_note').notNull().default(''),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** 依申请公开 "release to all": the request this record came from. */
    sourceRequestNo: text('source_request_no'),
    createdById: bigint('created_by_id', { mode: 'number' }).references(() => staffUsers.id),
    createdByName: text('created_by_name').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    submittedById: bigint('submitted_by_id', { mode: 'number' }).references(() => staffUsers.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedById: bigint('approved_by_id', { mode: 'number' }).references(() => staffUsers.id),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('pub_records_code_key').on(t.code),
    uniqueIndex('pub_records_index_no_key').on(t.indexNo),
    uniqueIndex('pub_records_index_seq_key').on(t.unitId, t.indexYear, t.indexSeq),
    index('pub_records_unit_state_idx').on(t.unitId, t.state),
    index('pub_records_item_idx').on(t.catalogItemId),
    index('pub_records_public_idx').on(t.rootUnitId, t.publishedOn),
    index('pub_records_scheduled_idx').on(t.scheduledAt).where(sql`state = 'scheduled'`),
    // The public lists (newest first) read a page from these without sorting or counting all records:
    // the whole city, a 栏目, a unit, a catalog item; and the sitemap walks a city's records by id.
    index('pub_records_list_idx').on(t.rootUnitId, t.publishedOn.desc().nullsFirst(), t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(PUBLIC_LISTED),
    index('pub_records_list_column_idx').on(t.rootUnitId, t.generalColumn, t.publishedOn.desc().nullsFirst(), t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(PUBLIC_LISTED),
    index('pub_records_list_unit_idx').on(t.unitId, t.publishedOn.desc().nullsFirst(), t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(PUBLIC_LISTED),
    index('pub_records_list_item_idx').on(t.catalogItemId, t.publishedOn.desc().nullsFirst(), t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(PUBLIC_LISTED),
    index('pub_records_sitemap_idx').on(t.rootUnitId, t.id).where(sql`state IN ('published','withdrawn') AND disclosure = 'proactive'`),
    check('pub_records_home', sql`${t.catalogItemId} IS NOT NULL OR ${t.generalColumn} IS NOT NULL`),
    check('pub_records_column_check', sql`${t.generalColumn} IS NULL OR ${t.generalColumn} IN ('news','notice','policy')`),
    check('pub_records_kind_check', sql`${t.kind} IN ('record','interpretation')`),
    check('pub_records_doc_type_check', sql`${t.docType} IN ('regulation','normative','other')`),
    check('pub_records_validity_check', sql`${t.validity} IN ('in_force','expired','repealed')`),
    check('pub_records_disclosure_check', sql`${t.disclosure} IN ('proactive','on_request','withheld')`),
    check('pub_records_state_check', sql`${t.state} IN ('draft','submitted','approved','scheduled','published','withdrawn')`),
    check('pub_records_index_check', sql`(${t.indexNo} IS NULL) = (${t.state} IN ('draft','submitted','approved','scheduled'))`),
  ],
);

/** Every saved version of a record: a snapshot with a change note; public ones form the change history. */
export const pubRecordVersions = pgTable(
  'pub_record_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => pubRecords.id),
    /** The record's lock_version after this change. */
    lockVersion: integer('lock_version').notNull(),
    /** What happened: created, saved, published, revised, withdrawn, validity … */
    event: text('event').notNull(),
    /** Shown in the public change history (publication, revisions, withdrawal, validity). */
    isPublic: boolean('is_public').notNull().default(false),
    snapshot: jsonb('snapshot').$type<RecordSnapshot>().notNull(),
    changeNote: text('change_note').notNull().default(''),
    changedById: bigint('changed_by_id', { mode: 'number' }),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('pub_record_versions_key').on(t.recordId, t.lockVersion)],
);

/** Files attached to a record; bytes live in the file storage under `storage_key` (content-addressed). */
export const pubAttachments = pgTable(
  'pub_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Random identifier for download URLs. */
    code: text('code').notNull(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => pubRecords.id),
    role: text('role').$type<AttachmentRole>().notNull().default('attachment'),
    storageKey: text('storage_key').notNull(),
    originalName: text('original_name').notNull(),
    /** Detected from the content: pdf, docx, xlsx, ofd, png, jpeg, gif. */
    fileType: text('file_type').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Plain text of DOCX/PDF/XLSX/OFD for search ('' for images or when nothing could be read). */
    extractedText: text('extracted_text').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /** Set on an original replaced by its redacted copy: no longer public, kept for staff only. */
    redactedIntoId: bigint('redacted_into_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('pub_attachments_code_key').on(t.code),
    index('pub_attachments_record_idx').on(t.recordId),
    check('pub_attachments_role_check', sql`${t.role} IN ('attachment','interpretation_plan')`),
  ],
);

/** Last 索引号 sequence number per unit and year: incremented under a row lock inside the publishing transaction. */
export const pubIndexSequences = pgTable(
  'pub_index_sequences',
  {
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** A policy (规章 / 行政规范性文件 / 需解读) and its 政策解读 record: linked both ways on the public pages. */
export const pubInterpretationLinks = pgTable(
  'pub_interpretation_links',
  {
    policyId: bigint('policy_id', { mode: 'number' })
      .notNull()
      .references(() => pubRecords.id),
    interpretationId: bigint('interpretation_id', { mode: 'number' })
      .notNull()
      .references(() => pubRecords.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.interpretationId] }), index('pub_interpretation_links_interp_idx').on(t.interpretationId)],
);

/** Who submitted, approved, sent back, force-published or reviewed, with the reasons (条例 第十七条 审查). */
export const pubReviewLog = pgTable(
  'pub_review_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => pubRecords.id),
    action: text('action').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pub_review_log_record_idx').on(t.recordId)],
);

/**
 * The search document of a public record (CJK-bigram tsvector, ARCHITECTURE §1), with copies of the
 * filter columns so a search reads one table. Written only by `data/search-index.ts`
 * (refreshSearchDocument); a row exists only while the record is published and 主动公开.
 */
export const pubSearchDocuments = pgTable(
  'pub_search_documents',
  {
    recordId: bigint('record_id', { mode: 'number' })
      .primaryKey()
      .references(() => pubRecords.id),
    rootUnitId: bigint('root_unit_id', { mode: 'number' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    catalogItemId: bigint('catalog_item_id', { mode: 'number' }),
    domainId: bigint('domain_id', { mode: 'number' }),
    generalColumn: text('general_column').$type<GeneralColumn>(),
    kind: text('kind').$type<RecordKind>().notNull(),
    docType: text('doc_type').$type<DocType>().notNull(),
    subject: text('subject').notNull(),
    validity: text('validity').$type<Validity>().notNull(),
    /** Normalised 文号, so a 文号 query finds its document first ('' when none). */
    docNoKey: text('doc_no_key').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** Title, 文号, keywords, summary, body and the start of the attachments' text (first chunk). */
    document: tsvector('document').notNull(),
    /**
     * Title A, 文号 A and keywords B only: small enough to stay in the row, so every record matching
     * in these fields can be ranked quickly, whatever the size of the bodies.
     */
    head: tsvector('head').notNull().default(sql`''::tsvector`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('pub_search_documents_gin').using('gin', t.document),
    index('pub_search_documents_head_gin').using('gin', t.head),
    index('pub_search_documents_doc_no_idx').on(t.docNoKey).where(sql`doc_no_key <> ''`),
    index('pub_search_documents_recent_idx').on(t.rootUnitId, t.publishedAt),
  ],
);

/** Further tsvector chunks of long texts (a tsvector holds at most 16383 positions). */
export const pubSearchChunks = pgTable(
  'pub_search_chunks',
  {
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => pubSearchDocuments.recordId, { onDelete: 'cascade' }),
    chunkNo: integer('chunk_no').notNull(),
    document: tsvector('document').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.chunkNo] }), index('pub_search_chunks_gin').using('gin', t.document)],
);
