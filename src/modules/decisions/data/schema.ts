// Tables of 决策公开 and 执行公开: major decisions (dossiers) with their recorded steps, the published
// versions of each year's 重大行政决策事项目录, key tasks (重点工作) and their progress reports.
import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../../../core/db/schema.ts';
import type { SurveyAnswer, SurveyQuestion } from '../domain/survey.ts';

/** A major administrative decision (重大行政决策事项) of a government, from 启动 to 后评估. */
export const decisionsItems = pgTable(
  'decisions_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Stable public identifier (URL). */
    publicCode: text('public_code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** 承办单位. */
    leadUnitId: bigint('lead_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** 决策依据 (laws, plans, the 政府工作报告). */
    basis: text('basis').notNull(),
    /** 计划完成时间. */
    plannedOn: date('planned_on', { mode: 'string' }),
    /** 决策草案 and 起草说明, published with the comment period. */
    draft: text('draft').notNull().default(''),
    /** The draft's comment period (a row of the consultations module's table; no foreign key across modules). */
    consultationId: bigint('consultation_id', { mode: 'number' }),
    /** 决策公布: the decision's 文号, text and how public and expert opinions were used. */
    docNo: text('doc_no'),
    decisionText: text('decision_text'),
    adoptionExplanation: text('adoption_explanation'),
    publishedOn: date('published_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('decisions_items_code_key').on(t.publicCode), index('decisions_items_year_idx').on(t.rootUnitId, t.year)],
);

export interface StepDetails {
  /** 听证: the hearing's dates and participants. */
  hearing?: { noticeOn: string; participantsPublishedOn: string; materialsSentOn: string; heldOn: string; participants: string };
  /** 集体讨论决定: which meeting, 议题, who attended as 列席. */
  meeting?: { name: string; topic: string; attendees: string };
}

/** One step of a decision as it was carried out (or skipped, with the reason). */
export const decisionsSteps = pgTable(
  'decisions_steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    decisionId: bigint('decision_id', { mode: 'number' })
      .notNull()
      .references(() => decisionsItems.id),
    step: text('step').notNull(),
    state: text('state').$type<'done' | 'skipped'>().notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    /** Who did it: 承办单位, 司法局, the expert panel … */
    actor: text('actor').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** Documents, one a line. */
    documents: text('documents').notNull().default(''),
    skipReason: text('skip_reason'),
    details: jsonb('details').$type<StepDetails>().notNull().default({}),
    /** 集体讨论决定: the 常务会议 or 专题会议 record (older rows name the meeting in details.meeting only). */
    meetingId: bigint('meeting_id', { mode: 'number' }).references(() => decisionsMeetings.id),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('decisions_steps_key').on(t.decisionId, t.step),
    check('decisions_steps_state', sql`(${t.state} = 'done' and ${t.doneOn} is not null) or (${t.state} = 'skipped' and ${t.skipReason} is not null)`),
  ],
);

export interface CatalogEntry {
  code: string;
  title: string;
  leadUnit: string;
  basis: string;
  plannedOn: string | null;
  status: string;
}

/** A published version of a government's 重大行政决策事项目录 for a year. */
export const decisionsCatalogVersions = pgTable(
  'decisions_catalog_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    entries: jsonb('entries').$type<CatalogEntry[]>().notNull(),
    reason: text('reason').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('decisions_catalog_versions_key').on(t.rootUnitId, t.year, t.version)],
);

/** A key task (重点工作) of a year, from the 政府工作报告 or a decision; tasks nest. */
export const decisionsTasks = pgTable(
  'decisions_tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    decisionId: bigint('decision_id', { mode: 'number' }).references(() => decisionsItems.id),
    /** 政府工作报告, or the decision's title. */
    source: text('source').notNull(),
    title: text('title').notNull(),
    /** 实施步骤, one a line. */
    steps: text('steps').notNull().default(''),
    leadUnitId: bigint('lead_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    /** 配合单位, names separated by 、. */
    supportingUnits: text('supporting_units').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    reportEveryDays: integer('report_every_days').notNull().default(30),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('decisions_tasks_code_key').on(t.publicCode), index('decisions_tasks_year_idx').on(t.rootUnitId, t.year), index('decisions_tasks_parent_idx').on(t.parentId)],
);

/** A dated progress report: written by the responsible unit, published after the openness office's review. */
export const decisionsProgress = pgTable(
  'decisions_progress',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: bigint('task_id', { mode: 'number' })
      .notNull()
      .references(() => decisionsTasks.id),
    submissionKey: text('submission_key').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    percent: integer('percent').notNull(),
    done: text('done').notNull(),
    problems: text('problems').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    state: text('state').$type<'submitted' | 'published' | 'returned'>().notNull().default('submitted'),
    reviewNote: text('review_note'),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('decisions_progress_submission_key').on(t.submissionKey),
    index('decisions_progress_task_idx').on(t.taskId, t.reportedOn),
    check('decisions_progress_percent', sql`${t.percent} between 0 and 100`),
  ],
);

/** A 人大代表建议 or 政协提案 assigned to a unit, its 办理复文 and the published result. */
export const decisionsProposals = pgTable(
  'decisions_proposals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<'npc' | 'cppcc'>().notNull(),
    year: integer('year').notNull(),
    /** The number given by the 人大 or 政协 (e.g. 0123). */
    number: text('number').notNull(),
    title: text('title').notNull(),
    /** 代表 or 委员 (the first of a joint one), in their public capacity. */
    proposer: text('proposer').notNull(),
    /** 主办单位 and 协办单位. */
    leadUnitId: bigint('lead_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    supportingUnits: text('supporting_units').notNull().default(''),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    repliedOn: date('replied_on', { mode: 'string' }),
    /** A, B or C. */
    result: text('result'),
    replyText: text('reply_text'),
    repliedByName: text('replied_by_name'),
    satisfaction: text('satisfaction'),
    publicity: text('publicity'),
    publicSummary: text('public_summary'),
    withheldReason: text('withheld_reason'),
    publishedOn: date('published_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_proposals_code_key').on(t.publicCode),
    uniqueIndex('decisions_proposals_number_key').on(t.rootUnitId, t.year, t.kind, t.number),
    check('decisions_proposals_kind', sql`${t.kind} in ('npc', 'cppcc')`),
  ],
);

/** A 督查 or 审计 finding about a unit (and perhaps a key task), with its rectification; public once recorded. */
export const decisionsFindings = pgTable(
  'decisions_findings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<'inspection' | 'audit'>().notNull(),
    /** Which 督查 or 审计 (name, round). */
    source: text('source').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    taskId: bigint('task_id', { mode: 'number' }).references(() => decisionsTasks.id),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    finding: text('finding').notNull(),
    /** 整改要求. */
    measures: text('measures').notNull().default(''),
    rectifyBy: date('rectify_by', { mode: 'string' }).notNull(),
    rectifiedOn: date('rectified_on', { mode: 'string' }),
    /** 整改结果. */
    result: text('result'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_findings_code_key').on(t.publicCode),
    index('decisions_findings_root_idx').on(t.rootUnitId, t.foundOn),
    index('decisions_findings_task_idx').on(t.taskId),
    check('decisions_findings_kind', sql`${t.kind} in ('inspection', 'audit')`),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The module's public pages in the platform search: one row per decision, key task and published
 * 建议提案 result, with its CJK-bigram vector (core/search), kept by the service in the same transaction.
 */
export const decisionsSearch = pgTable(
  'decisions_search',
  {
    kind: text('kind').$type<'decision' | 'task' | 'proposal'>().notNull(),
    refId: bigint('ref_id', { mode: 'number' }).notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    href: text('href').notNull(),
    meta: text('meta').notNull(),
    document: tsvector('document').notNull(),
  },
  (t) => [uniqueIndex('decisions_search_key').on(t.kind, t.refId), index('decisions_search_document_idx').using('gin', t.document)],
);

/** A 政府常务会议 or 专题会议: its 议题, who attended as 列席, and what is published after it. */
export const decisionsMeetings = pgTable(
  'decisions_meetings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    rootUnitId: bigint('root_unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<'executive' | 'special'>().notNull(),
    /** 市人民政府第40次常务会议. */
    name: text('name').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** 议题, one a line. */
    topics: text('topics').notNull(),
    /** 列席: public representatives, experts, media. */
    attendees: text('attendees').notNull().default(''),
    /** 会议纪要 or 新闻稿 as published. */
    summary: text('summary').notNull(),
    /** 解读 (optional). */
    interpretation: text('interpretation').notNull().default(''),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('decisions_meetings_code_key').on(t.publicCode), index('decisions_meetings_root_idx').on(t.rootUnitId, t.heldOn), check('decisions_meetings_kind', sql`${t.kind} in ('executive', 'special')`)],
);

/** Which decisions a meeting discussed or decided. */
export const decisionsMeetingLinks = pgTable(
  'decisions_meeting_links',
  {
    meetingId: bigint('meeting_id', { mode: 'number' })
      .notNull()
      .references(() => decisionsMeetings.id),
    decisionId: bigint('decision_id', { mode: 'number' })
      .notNull()
      .references(() => decisionsItems.id),
  },
  (t) => [uniqueIndex('decisions_meeting_links_key').on(t.meetingId, t.decisionId), index('decisions_meeting_links_decision_idx').on(t.decisionId)],
);

/** A 社情民意调查 for a decision's 决策后评估: questions, an answering period, and the answers chosen for publication. */
export const decisionsSurveys = pgTable(
  'decisions_surveys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    decisionId: bigint('decision_id', { mode: 'number' })
      .notNull()
      .references(() => decisionsItems.id),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** Free-text answers staff chose to publish (verbatim), as response id and question index. */
    featured: jsonb('featured').$type<{ responseId: number; question: number }[]>().notNull().default([]),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('decisions_surveys_code_key').on(t.publicCode), index('decisions_surveys_decision_idx').on(t.decisionId)],
);

/** One person's answers to a survey; one row per submission key, so a repeated submission is stored once. */
export const decisionsSurveyResponses = pgTable(
  'decisions_survey_responses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    surveyId: bigint('survey_id', { mode: 'number' })
      .notNull()
      .references(() => decisionsSurveys.id),
    submissionKey: text('submission_key').notNull(),
    answers: jsonb('answers').$type<SurveyAnswer[]>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('decisions_survey_responses_key').on(t.submissionKey), index('decisions_survey_responses_survey_idx').on(t.surveyId)],
);

/** An evidence file (PDF, image, spreadsheet, document) on a decision's step or on a key task; the bytes are in the file storage. */
export const decisionsEvidence = pgTable(
  'decisions_evidence',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicCode: text('public_code').notNull(),
    decisionId: bigint('decision_id', { mode: 'number' }).references(() => decisionsItems.id),
    /** The step of the decision it belongs to (null for a key task's evidence). */
    step: text('step'),
    taskId: bigint('task_id', { mode: 'number' }).references(() => decisionsTasks.id),
    title: text('title').notNull(),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('decisions_evidence_code_key').on(t.publicCode),
    index('decisions_evidence_decision_idx').on(t.decisionId),
    index('decisions_evidence_task_idx').on(t.taskId),
    check('decisions_evidence_owner', sql`(${t.decisionId} is not null and ${t.step} is not null) or ${t.taskId} is not null`),
  ],
);
