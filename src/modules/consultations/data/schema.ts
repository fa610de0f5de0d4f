// Tables of public comment periods (意见征集) and their comments, for every kind of draft: a unit's
// catalog (subject `catalog`) and a major administrative decision (subject `decision`).
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../../../core/db/schema.ts';

export type ConsultationSubject = 'catalog' | 'decision';

/** A public comment period on a draft. */
export const consultations = pgTable(
  'consultations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    /** What the draft is: decides the rule for the period's length and where its pages live. */
    subject: text('subject').$type<ConsultationSubject>().notNull().default('catalog'),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** Why the period is shorter than its rule's minimum, published with the draft. */
    urgentReason: text('urgent_reason'),
    /** Catalogs: the catalog version adopted when the period closed, published with the answers. */
    adoptedVersion: integer('adopted_version'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultations_code_key').on(t.code),
    index('consultations_subject_idx').on(t.subject, t.endsOn),
    check('consultations_dates', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const consultationComments = pgTable(
  'consultation_comments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    consultationId: bigint('consultation_id', { mode: 'number' })
      .notNull()
      .references(() => consultations.id),
    /** Set by the form: a retried or double-clicked submit stores one comment. */
    submissionKey: text('submission_key').notNull(),
    name: text('name').notNull().default(''),
    /** Personal data: never published. */
    contact: text('contact').notNull(),
    body: text('body').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    answer: text('answer').$type<'adopted' | 'partly_adopted' | 'not_adopted'>(),
    answerReason: text('answer_reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
  },
  (t) => [uniqueIndex('consultation_comments_submission_key').on(t.submissionKey), index('consultation_comments_consultation_idx').on(t.consultationId)],
);
