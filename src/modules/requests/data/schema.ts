// Tables of the requests module (依申请公开), all prefixed req_.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { staffUsers, units } from '../../../core/db/schema.ts';
import type { ClockEvent } from '../domain/clock.ts';
import type { Channel, ReceiptFacts } from '../domain/receipt.ts';
import type { ApplicantKind, DeliveryMethod, IdType, InfoForm, OrgSubtype } from '../domain/applicant.ts';
import type { OutcomeCode } from '../domain/outcomes.ts';
import type { RequestState } from '../domain/states.ts';

/** 受理编号 counters: one row per site (root unit) and year; incremented under the row lock. */
export const reqSequences = pgTable(
  'req_sequences',
  {
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.year] })],
);

/** 答复告知书文号 pattern of a unit, e.g. 楚市财依申复〔{年}〕{号}号 (none: reply letters carry no 文号). */
export const reqDocNoPatterns = pgTable('req_doc_no_patterns', {
  unitId: bigint('unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  pattern: text('pattern').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 答复告知书文号 counters: one row per unit and year; incremented atomically (INSERT … ON CONFLICT DO UPDATE). */
export const reqDocNoSequences = pgTable(
  'req_doc_no_sequences',
  {
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** Per-site settings of the request workflow. */
export const reqSettings = pgTable('req_settings', {
  rootUnitId: bigint('root_unit_id', { mode: 'number' })
    .primaryKey()
    .references(() => units.id),
  /** Whether waiting for a fee payment stops the clock (国办函〔2020〕109号; default: it does). */
  feePausesClock: boolean('fee_pauses_clock').notNull().default(true),
  /** 行政复议机关 named in remedy notices ('' = derived from the unit tree). */
  reviewBody: text('review_body').notNull().default(''),
  /** 人民法院 named in remedy notices ('' = 有管辖权的人民法院). */
  court: text('court').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reqRequests = pgTable(
  'req_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** 受理编号, e.g. YSQ-2026-000123 (unique per site). */
    requestNo: text('request_no').notNull(),
    /** sha256 of the lookup code given to the applicant; the code itself is never stored. */
    lookupHash: text('lookup_hash').notNull(),
    /** One per online submission: a retried or double-clicked submit finds the same request. */
    idempotencyKey: text('idempotency_key'),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    handlerId: bigint('handler_id', { mode: 'number' }).references(() => staffUsers.id),
    state: text('state').$type<RequestState>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    /** The facts of 第三十一条 (submitted / signed for / arrived / confirmed dates). */
    receiptFacts: jsonb('receipt_facts').$type<ReceiptFacts>().notNull(),
    /** 收到申请之日 (null until confirmed, for online and fax applications). */
    receivedOn: date('received_on', { mode: 'string' }),
    receiptBasis: text('receipt_basis').notNull().default(''),
    /** Staff filled in the application for the applicant (第二十九条第一款). */
    registeredBy: bigint('registered_by', { mode: 'number' }).references(() => staffUsers.id),
    applicantKind: text('applicant_kind').$type<ApplicantKind>().notNull(),
    orgSubtype: text('org_subtype').$type<OrgSubtype>(),
    applicantName: text('applicant_name').notNull(),
    contactPerson: text('contact_person').notNull().default(''),
    idType: text('id_type').$type<IdType>().notNull(),
    idNumber: text('id_number').notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    /** sha256 of id type + number: the same applicant across requests, without the number itself. */
    applicantKey: text('applicant_key').notNull(),
    infoDescription: text('info_description').notNull(),
    infoDocNo: text('info_doc_no').notNull().default(''),
    /** Normalised description and 文号, for finding requests for the same information (第四十四条). */
    infoKey: text('info_key').notNull().default(''),
    docNoKey: text('doc_no_key').notNull().default(''),
    forms: text('forms').array().$type<InfoForm[]>().notNull(),
    /** '' while missing (an incomplete letter registered to be corrected). */
    delivery: text('delivery').$type<DeliveryMethod | ''>().notNull(),
    /** 第二十九条第二款 items (2, 3) missing from a registered letter: 补正 is needed before handling. */
    missingItems: integer('missing_items').array().$type<number[]>().notNull().default(sql`'{}'::integer[]`),
    // Reply (第三十六条–第三十九条) in the annual report's categories.
    outcome: text('outcome').$type<OutcomeCode>(),
    legalBasis: text('legal_basis').notNull().default(''),
    withheldParts: text('withheld_parts').notNull().default(''),
    withheldReason: text('withheld_reason').notNull().default(''),
    redirectChannel: text('redirect_channel').notNull().default(''),
    responsibleAgency: text('responsible_agency').notNull().default(''),
    earlierRequestNo: text('earlier_request_no').notNull().default(''),
    /** 互动交流 编号 this request came from, or was handed over to (条例 第三十九条): shown on both pages. */
    linkedMessageNo: text('linked_message_no').notNull().default(''),
    replyText: text('reply_text').notNull().default(''),
    remedyText: text('remedy_text').notNull().default(''),
    repliedOn: date('replied_on', { mode: 'string' }),
    /** The day the request ended (replied, withdrawn, terminated). */
    closedOn: date('closed_on', { mode: 'string' }),
    // Clock cache, recomputed from req_events on every change (dashboards and reminders read it).
    dueOn: date('due_on', { mode: 'string' }),
    clockStatus: text('clock_status').notNull().default('not_received'),
    pausedSince: date('paused_since', { mode: 'string' }),
    repliedOnTime: boolean('replied_on_time'),
    workingDaysTaken: integer('working_days_taken'),
    /** 补正 notice sent after 7 working days (with a recorded reason). */
    clarificationLate: boolean('clarification_late').notNull().default(false),
    /** Set when a 予以公开 / 部分公开 reply became a proactive record (release to all). */
    publishedRecordRef: text('published_record_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** 答复告知书的文号, allocated once when the reply letter is first generated (kept on re-generation). */
    replyDocNo: text('reply_doc_no'),
    /** The unit whose counter gave the number (the request may later be handed to another unit). */
    replyDocUnitId: bigint('reply_doc_unit_id', { mode: 'number' }).references(() => units.id),
    replyDocYear: integer('reply_doc_year'),
    replyDocSeq: integer('reply_doc_seq'),
  },
  (t) => [
    uniqueIndex('req_requests_reply_doc_no_key').on(t.replyDocUnitId, t.replyDocYear, t.replyDocSeq),
    uniqueIndex('req_requests_no_key').on(t.rootUnitId, t.requestNo),
    uniqueIndex('req_requests_idempotency_key').on(t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('req_requests_unit_state_idx').on(t.unitId, t.state, t.dueOn),
    index('req_requests_state_due_idx').on(t.state, t.dueOn),
    index('req_requests_handler_idx').on(t.handlerId, t.state),
    index('req_requests_root_received_idx').on(t.rootUnitId, t.receivedOn),
    index('req_requests_info_key_idx').on(t.rootUnitId, t.infoKey),
    index('req_requests_doc_no_key_idx').on(t.rootUnitId, t.docNoKey),
    index('req_requests_applicant_idx').on(t.applicantKey, t.receivedOn),
    check(
      'req_requests_state_check',
      sql`${t.state} in ('registered','reviewing','processing','awaiting_correction','consulting','awaiting_fee','replied','archived','withdrawn','terminated')`,
    ),
    check('req_requests_channel_check', sql`${t.channel} in ('online','in_person','oral','registered_mail','ordinary_mail','fax')`),
    check('req_requests_applicant_kind_check', sql`${t.applicantKind} in ('person','organisation')`),
    check('req_requests_reply_basis_check', sql`${t.outcome} is null or ${t.legalBasis} <> ''`),
  ],
);

/** The clock ledger: dated events in order; the due date is computed from these alone. */
export const reqEvents = pgTable(
  'req_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<ClockEvent['kind']>().notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** The whole event as the domain reads it. */
    event: jsonb('event').$type<ClockEvent>().notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('req_events_request_seq_key').on(t.requestId, t.seq)],
);

/** Every state change (and same-state action) with who did it. */
export const reqTransitions = pgTable(
  'req_transitions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    action: text('action').notNull(),
    fromState: text('from_state').$type<RequestState | null>(),
    toState: text('to_state').$type<RequestState>().notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('req_transitions_request_idx').on(t.requestId, t.at)],
);

/** 补正: at most one per request (第三十条 一次性告知). */
export const reqClarifications = pgTable(
  'req_clarifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    items: text('items').notNull(),
    correctBy: date('correct_by', { mode: 'string' }).notNull(),
    late: boolean('late').notNull().default(false),
    lateReason: text('late_reason').notNull().default(''),
    correctedOn: date('corrected_on', { mode: 'string' }),
    correctionText: text('correction_text').notNull().default(''),
    sentBy: bigint('sent_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('req_clarifications_request_key').on(t.requestId)],
);

export const reqConsultations = pgTable(
  'req_consultations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    /** Ledger reference (C1, C2 …). */
    ref: text('ref').notNull(),
    party: text('party').$type<'third_party' | 'agency'>().notNull(),
    partyName: text('party_name').notNull(),
    question: text('question').notNull().default(''),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    answerBy: date('answer_by', { mode: 'string' }).notNull(),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** agree / disagree / no_answer (逾期未提出意见) / other. */
    answer: text('answer').$type<'agree' | 'disagree' | 'no_answer' | 'other'>(),
    answerNote: text('answer_note').notNull().default(''),
    sentBy: bigint('sent_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('req_consultations_request_ref_key').on(t.requestId, t.ref), check('req_consultations_party_check', sql`${t.party} in ('third_party','agency')`)],
);

/** 延期 (第三十三条第二款): at most one pending or approved per request, ≤ 20 working days. */
export const reqExtensions = pgTable(
  'req_extensions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    days: integer('days').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull(),
    requestedBy: bigint('requested_by', { mode: 'number' })
      .notNull()
      .references(() => staffUsers.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => staffUsers.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('req_extensions_one_key').on(t.requestId).where(sql`${t.status} in ('pending','approved')`),
    check('req_extensions_days_check', sql`${t.days} between 1 and 20`),
    check('req_extensions_status_check', sql`${t.status} in ('pending','approved','rejected')`),
    check('req_extensions_not_own_check', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
  ],
);

/** 收费通知 (国办函〔2020〕109号): at most one per request. */
export const reqFeeNotices = pgTable(
  'req_fee_notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    method: text('method').$type<'per_request' | 'per_page'>().notNull(),
    pages: integer('pages'),
    earlierThisMonth: integer('earlier_this_month'),
    amountYuan: integer('amount_yuan').notNull(),
    basis: text('basis').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    payBy: date('pay_by', { mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    status: text('status').$type<'pending' | 'paid' | 'lapsed'>().notNull(),
    sentBy: bigint('sent_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('req_fee_notices_request_key').on(t.requestId), check('req_fee_notices_amount_check', sql`${t.amountYuan} > 0`)],
);

/** Files of a request: the application's attachments, corrections, letters, released information. */
export const reqAttachments = pgTable(
  'req_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    kind: text('kind').$type<'application' | 'correction' | 'letter' | 'released' | 'other'>().notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Key in core/files storage (the sha256 of the content). */
    storageKey: text('storage_key').notNull(),
    /** null: uploaded by the applicant. */
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).references(() => staffUsers.id),
    /** What the file holds that may run when opened (macros, PDF scripts), shown to staff; null: none found. */
    activeContent: text('active_content'),
    /** A redacted copy: the original it was made from (which then stays with staff as kind 'other'). */
    redactedFromId: bigint('redacted_from_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('req_attachments_request_idx').on(t.requestId)],
);

/** Letters sent to the applicant (告知书), with how they were sent. */
export const reqLetters = pgTable(
  'req_letters',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    /** acknowledgement / clarification / extension / consultation / fee / reply / other. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The generated .docx (req_attachments, kind letter). */
    attachmentId: bigint('attachment_id', { mode: 'number' }).references(() => reqAttachments.id),
    /** email / post / in_person / online. */
    method: text('method').notNull().default(''),
    sentTo: text('sent_to').notNull().default(''),
    sentOn: date('sent_on', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('req_letters_request_idx').on(t.requestId)],
);

/** Letter templates per site and key (an outcome code or a letter kind), editable by the openness office. */
export const reqLetterTemplates = pgTable(
  'req_letter_templates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => staffUsers.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('req_letter_templates_key').on(t.rootUnitId, t.key)],
);

/** Reminder e-mails: one row per request, day and kind, so two instances send once. */
export const reqReminders = pgTable(
  'req_reminders',
  {
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => reqRequests.id),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'due_soon' | 'overdue'>().notNull(),
    recipients: integer('recipients').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.day, t.kind] })],
);

/**
 * Every saved version of a letter template (the openness office's editor, letters/template-store.ts);
 * req_letter_templates holds the current one. Versions are never changed or deleted.
 */
export const reqLetterTemplateVersions = pgTable(
  'req_letter_template_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    reason: text('reason').notNull(),
    changedBy: bigint('changed_by', { mode: 'number' }).references(() => staffUsers.id),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('req_letter_template_versions_key').on(t.rootUnitId, t.key, t.version)],
);
