// 意见征集: one public comment capability for every kind of draft (a unit's catalog, a major
// administrative decision). No routes of its own: each module mounts the pages under its own URLs and
// calls these functions and components.
export {
  ANSWERS,
  ANSWER_LABELS,
  CATALOG_PERIOD_RULE,
  CONSULTATION_LIMITS,
  DECISION_PERIOD_RULE,
  MIN_CONSULTATION_DAYS,
  STATUS_LABELS,
  canManageConsultations,
  consultationStatus,
  isShortened,
  periodDays,
  periodErrors,
  type Answer,
  type ConsultationInput,
  type ConsultationStatus,
  type PeriodRule,
} from './domain/consultation.ts';
export type { ConsultationSubject } from './data/schema.ts';
export {
  commentCounts,
  countUnanswered as countUnansweredOf,
  findComment,
  findConsultationByCode,
  findConsultationById,
  listComments,
  listConsultations,
  consultationsByIds,
  type CommentRow,
  type ConsultationListRow,
  type ConsultationRow,
} from './data/queries.ts';
export { answerComment, closeConsultation, createConsultation, importConsultation, newSubmissionKey, recordContactViewed, submitComment, type Outcome } from './service.ts';
export { CommentBlock, CommentForm, PublishedAnswers, StatusText, type PublishedComment } from './views/components.tsx';
