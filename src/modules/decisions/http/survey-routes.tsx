// 社情民意调查: the public page and answer form (rate-limited like the comment form, one stored response
// per submission key), and the staff page that chooses which written answers are published.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { newSubmissionKey } from '../deps.ts';
import { surveyState } from '../domain/survey.ts';
import { findDecisionById, findEvidenceByCode, findSurveyByCode, findTaskById, type SurveyRow } from '../data/repository.ts';
import { FileNotFoundError, fileStorage } from '../../../core/files/storage.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';
import { answerFields, chooseFeaturedAnswers, submitSurveyResponse, surveyResults } from '../service-survey.ts';
import { StaffSurveyPage, SurveyPage, type SurveyForm } from '../views/survey.tsx';

const HTML = 'text/html; charset=utf-8';
const CODE = /^[a-z0-9]{4,40}$/;

export function registerDecisionsSurveyRoutes(app: FastifyInstance, core: Core): void {
  const today = () => shanghaiToday(core.clock.now());
  const send = (reply: FastifyReply, page: VNode, status = 200) => reply.code(status).type(HTML).send(renderDocument(page));
  const office = { preHandler: requireStaff('openness_office', 'system_admin') };

  async function surveyOf(req: FastifyRequest, rootUnitId: number) {
    const { code } = req.params as { code: string };
    const survey = CODE.test(code) ? await findSurveyByCode(core.db, code) : undefined;
    const decision = survey ? await findDecisionById(core.db, survey.decisionId) : undefined;
    if (!survey || !decision || decision.rootUnitId !== rootUnitId) throw new NotFoundError('该调查不存在。');
    return { survey, decision: { code: decision.publicCode, title: decision.title } };
  }

  async function renderPublic(req: FastifyRequest, reply: FastifyReply, survey: SurveyRow, decision: { code: string; title: string }, status: number, form: SurveyForm, refusal?: string) {
    const state = surveyState(survey, today());
    const results = state === 'closed' ? await surveyResults(core, survey) : null;
    return send(reply, <SurveyPage ctx={pageContext(req, reply)} decision={decision} survey={survey} state={state} form={form} results={results} refusal={refusal} />, status);
  }

  app.get('/decisions/surveys/:code', async (req, reply) => {
    const { survey, decision } = await surveyOf(req, req.site.rootUnitId);
    return renderPublic(req, reply, survey, decision, 200, { values: {}, errors: {}, submissionKey: newSubmissionKey() });
  });

  app.post('/decisions/surveys/:code', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { survey, decision } = await surveyOf(req, req.site.rootUnitId);
    const fields = answerFields(req.body);
    const key = new FormReader(req.body).raw('submissionKey').trim();
    const again = { values: fields, submissionKey: /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : newSubmissionKey() };
    const result = await submitSurveyResponse(core, survey, fields, key);
    if (!result.ok && result.errors) return renderPublic(req, reply, survey, decision, 400, { ...again, errors: result.errors });
    if (!result.ok) return renderPublic(req, reply, survey, decision, 409, { ...again, submissionKey: newSubmissionKey(), errors: {} }, result.refusals[0]);
    setFlash(reply, `您的问卷已收到，感谢参与。调查于${survey.closesOn}结束后，统计结果将在本页和决策页面公布。`);
    return reply.redirect(`/decisions/surveys/${survey.publicCode}`, 303);
  });

  async function renderStaff(req: FastifyRequest, reply: FastifyReply, status = 200, errors: Record<string, string> = {}) {
    const { survey, decision } = await surveyOf(req, req.user!.rootUnitId);
    const results = await surveyResults(core, survey, true);
    return send(reply, <StaffSurveyPage ctx={pageContext(req, reply)} decision={decision} survey={survey} state={surveyState(survey, today())} results={results} errors={errors} />, status);
  }

  app.get('/staff/decisions/surveys/:code', office, async (req, reply) => renderStaff(req, reply));

  app.post('/staff/decisions/surveys/:code/featured', office, async (req, reply) => {
    const { survey } = await surveyOf(req, req.user!.rootUnitId);
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>).featured : undefined;
    const picked = (Array.isArray(body) ? body : body === undefined ? [] : [body]).filter((x): x is string => typeof x === 'string');
    const result = await chooseFeaturedAnswers(core, actorOf(req), survey.publicCode, picked);
    if (!result.ok) return renderStaff(req, reply, result.errors ? 400 : 409, result.errors ?? { featured: result.refusals[0]! });
    setFlash(reply, '已保存选登的回答。');
    return reply.redirect(`/staff/decisions/surveys/${survey.publicCode}`, 303);
  });
}

/** An evidence file, served from the file storage to anyone on the decision's or task's site. */
export function registerDecisionsEvidenceRoutes(app: FastifyInstance, core: Core): void {
  app.get('/decisions/evidence/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const e = CODE.test(code) ? await findEvidenceByCode(core.db, code) : undefined;
    const owner = e?.decisionId ? (await findDecisionById(core.db, e.decisionId))?.rootUnitId : e?.taskId ? (await findTaskById(core.db, e.taskId))?.rootUnitId : undefined;
    if (!e || owner !== req.site.rootUnitId) throw new NotFoundError('该材料不存在。');
    let bytes: Buffer;
    try {
      bytes = await fileStorage(core.config).get(e.fileKey);
    } catch (err) {
      if (err instanceof FileNotFoundError) throw new NotFoundError('该材料的文件暂时无法提供。');
      throw err;
    }
    const inline = e.mediaType.startsWith('image/') || e.mediaType === 'application/pdf';
    return reply.type(e.mediaType).header('content-disposition', contentDisposition(e.fileName, { inline })).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=300').send(bytes);
  });
}
