// 社情民意调查 of 决策后评估: staff create a survey on a published decision, the public answers while it
// is open (one stored response per submission key), and staff choose which written answers are published.
import type { Core } from '../../core/services.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { normaliseText } from '../../core/http/form.ts';
import { publicPagesChanged } from './deps.ts';
import { aggregate, parseQuestions, readAnswers, surveyPeriodErrors, surveyState, type QuestionResult, type SurveyState } from './domain/survey.ts';
import {
  findDecisionByCode,
  findDecisionById,
  findSurveyByCode,
  findSurveyResponseByKey,
  insertSurvey,
  insertSurveyResponseOnce,
  setSurveyFeatured,
  surveyResponses,
  surveysOfDecisions,
  type SurveyResponseRow,
  type SurveyRow,
} from './data/repository.ts';
import { newCode, type Outcome } from './service.ts';

const today = (core: Core) => shanghaiToday(core.clock.now());

export interface SurveyInput {
  title: string;
  intro: string;
  questions: string;
  opensOn: string;
  closesOn: string;
}

/** A survey for a decision that has been published (决策后评估 follows 决策公布 and 执行). */
export async function createSurvey(core: Core, actor: Actor, decisionCode: string, input: SurveyInput): Promise<Outcome<{ survey: SurveyRow }>> {
  const errors = surveyPeriodErrors(input, today(core));
  const parsed = parseQuestions(input.questions);
  if (parsed.error) errors.questions = parsed.error;
  if ([...input.intro].length > 2_000) errors.intro = '调查说明不能超过2000个字';
  return core.db.transaction(async (tx) => {
    const decision = await findDecisionByCode(tx, decisionCode, true);
    if (!decision) return { ok: false as const, refusals: ['该决策事项不存在。'] };
    if (!decision.publishedOn) return { ok: false as const, refusals: ['决策公布后才能开展决策后评估的社情民意调查。'] };
    if (Object.keys(errors).length || !parsed.questions) return { ok: false as const, errors };
    const now = core.clock.now();
    const survey = await insertSurvey(tx, {
      publicCode: newCode('dc'),
      decisionId: decision.id,
      title: input.title.trim(),
      intro: input.intro.trim(),
      questions: parsed.questions,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      createdByName: actor.name,
      createdAt: now,
    });
    await writeAudit(
      tx,
      actor,
      { action: 'decisions.survey-created', targetType: 'decision', targetId: decision.publicCode, unitId: decision.rootUnitId, summary: { after: { survey: survey.publicCode, title: survey.title, opensOn: survey.opensOn, closesOn: survey.closesOn, questions: parsed.questions.length } } },
      now,
    );
    publicPagesChanged();
    return { ok: true as const, survey };
  });
}

/** The answer form as submitted: q0, q1, … with one value or several (checkboxes). */
export function answerFields(body: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (!/^q\d{1,2}$/.test(k)) continue;
    out[k] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map(normaliseText);
  }
  return out;
}

/** One person's answers; a repeated submission with the same key is stored once and reported as received. */
export async function submitSurveyResponse(core: Core, survey: SurveyRow, fields: Record<string, string[]>, submissionKey: string): Promise<Outcome<{ response: SurveyResponseRow; duplicate: boolean }>> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(submissionKey)) return { ok: false, refusals: ['表单已失效，请刷新页面后重新填写。'] };
  const state = surveyState(survey, today(core));
  if (state !== 'open') return { ok: false, refusals: [state === 'scheduled' ? `本调查将于${survey.opensOn}开始。` : `本调查已于${survey.closesOn}结束。`] };
  const read = readAnswers(survey.questions, fields);
  if (read.errors) return { ok: false, errors: read.errors };
  const response = await insertSurveyResponseOnce(core.db, { surveyId: survey.id, submissionKey, answers: read.answers, submittedAt: core.clock.now() });
  if (response) return { ok: true, response, duplicate: false };
  const earlier = await findSurveyResponseByKey(core.db, submissionKey);
  if (!earlier || earlier.surveyId !== survey.id) return { ok: false, refusals: ['表单已失效，请刷新页面后重新填写。'] };
  return { ok: true, response: earlier, duplicate: true };
}

export interface SurveyResults {
  respondents: number;
  questions: (QuestionResult & { featured: string[] })[];
}

/** The aggregate; `featured` holds the written answers staff chose to publish (all of them when `allTexts`, for staff). */
export async function surveyResults(core: Core, survey: SurveyRow, allTexts = false): Promise<SurveyResults & { responses: SurveyResponseRow[] }> {
  const responses = await surveyResponses(core.db, survey.id);
  const agg = aggregate(
    survey.questions,
    responses.map((r) => r.answers),
  );
  const chosen = new Set(survey.featured.map((f) => `${f.responseId}:${f.question}`));
  return {
    respondents: agg.respondents,
    responses,
    questions: agg.questions.map((q, i) => ({
      ...q,
      featured: q.question.kind !== 'text' ? [] : responses.filter((r) => typeof r.answers[i] === 'string' && r.answers[i] && (allTexts || chosen.has(`${r.id}:${i}`))).map((r) => r.answers[i] as string),
    })),
  };
}

export interface SurveySummary {
  survey: SurveyRow;
  state: SurveyState;
  /** Published only once the survey has closed. */
  results: SurveyResults | null;
}

/** A decision's surveys with their results once closed (dossier page). */
export async function decisionSurveys(core: Core, decisionId: number): Promise<SurveySummary[]> {
  const t = today(core);
  return Promise.all(
    (await surveysOfDecisions(core.db, [decisionId])).map(async (survey) => {
      const state = surveyState(survey, t);
      return { survey, state, results: state === 'closed' ? await surveyResults(core, survey) : null };
    }),
  );
}

/** Staff choose which written answers are published verbatim (`<responseId>:<question>` values). */
export async function chooseFeaturedAnswers(core: Core, actor: Actor, code: string, picked: string[]): Promise<Outcome> {
  return core.db.transaction(async (tx) => {
    const survey = await findSurveyByCode(tx, code, true);
    if (!survey) return { ok: false as const, refusals: ['该调查不存在。'] };
    const responses = new Map((await surveyResponses(tx, survey.id)).map((r) => [r.id, r]));
    const featured: SurveyRow['featured'] = [];
    for (const p of new Set(picked)) {
      const m = /^(\d{1,15}):(\d{1,2})$/.exec(p);
      const r = m ? responses.get(Number(m[1])) : undefined;
      const q = m ? Number(m[2]) : -1;
      if (!r || survey.questions[q]?.kind !== 'text' || typeof r.answers[q] !== 'string') return { ok: false as const, errors: { featured: '选择的回答不存在，请刷新页面后重新选择' } };
      featured.push({ responseId: r.id, question: q });
    }
    await setSurveyFeatured(tx, survey.id, featured);
    const decision = (await findDecisionById(tx, survey.decisionId))!;
    await writeAudit(tx, actor, { action: 'decisions.survey-answers-chosen', targetType: 'decision', targetId: decision.publicCode, unitId: decision.rootUnitId, summary: { after: { survey: survey.publicCode, featured: featured.length } } }, core.clock.now());
    publicPagesChanged();
    return { ok: true as const };
  });
}
