// Staff routes of 决策公开 and 执行公开. Thin: read the form, call the service, re-render with errors
// (400) or refusals (409), or redirect (303).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import { FormReader, uploadedFile, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { hasRole } from '../../../core/auth/roles.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { answerComment, closeConsultation, findComment, findConsultationById, listUnitsOfRoot, newSubmissionKey, recordContactViewed } from '../deps.ts';
import { STEPS, type Step } from '../domain/steps.ts';
import { evidenceOfDecision, evidenceOfTasks, findDecisionByCode, findTaskByCode, meetingsHeldBy, listProgress, pendingProgress, type DecisionRow } from '../data/repository.ts';
import { createDecision, openDecisionConsultation, publishCatalog, publishDecision, recordStep, reviewProgress, submitProgress } from '../service.ts';
import { dossier, unitNames, yearDecisions, yearTasks } from '../service-read.ts';
import { createSurvey, decisionSurveys } from '../service-survey.ts';
import { addEvidence } from '../service-evidence.ts';
import { CommentContactPage, NewDecisionPage, StaffDossierPage, StaffHomePage, StaffTaskPage, type StaffDossierProps, type StaffHomeProps } from '../views/staff.tsx';

const HTML = 'text/html; charset=utf-8';
const BASE = '/staff/decisions';
const CODE = /^[a-z0-9]{4,40}$/;

/** The openness office and system admins run decisions and review progress for their city. */
export const canManageDecisions = (u: CurrentUser) => hasRole(u, 'openness_office', 'system_admin');

export function registerDecisionsStaffRoutes(app: FastifyInstance, core: Core): void {
  const today = () => shanghaiToday(core.clock.now());
  const send = (reply: FastifyReply, page: VNode, status = 200) => reply.code(status).type(HTML).send(renderDocument(page));
  const anyStaff = { preHandler: requireStaff() };
  const office = { preHandler: requireStaff('openness_office', 'system_admin') };

  async function renderHome(req: FastifyRequest, reply: FastifyReply, status = 200, over: Partial<StaffHomeProps> = {}) {
    const root = req.user!.rootUnitId;
    const q = (req.query as { year?: string } | undefined)?.year;
    const year = q && /^20\d\d$/.test(q) ? Number(q) : Number(today().slice(0, 4));
    const manage = canManageDecisions(req.user!);
    return send(
      reply,
      <StaffHomePage
        ctx={pageContext(req, reply)}
        year={year}
        rows={await yearDecisions(core, root, year, today())}
        tasks={await yearTasks(core, root, year, today())}
        pending={manage ? await pendingProgress(core.db, root) : []}
        canManage={manage}
        {...over}
      />,
      status,
    );
  }

  app.get(BASE, anyStaff, async (req, reply) => renderHome(req, reply));

  async function unitOptions(root: number) {
    return (await listUnitsOfRoot(core.db, root)).filter((u) => !u.archivedAt).map((u) => ({ id: u.id, name: u.name }));
  }

  app.get(`${BASE}/new`, office, async (req, reply) =>
    send(reply, <NewDecisionPage ctx={pageContext(req, reply)} units={await unitOptions(req.user!.rootUnitId)} form={{ values: { year: today().slice(0, 4) }, errors: {} }} />),
  );

  app.post(BASE, office, async (req, reply) => {
    const form = new FormReader(req.body);
    const input = {
      year: form.raw('year').trim(),
      title: form.text('title', { label: '决策事项' }),
      leadUnitId: form.raw('leadUnitId').trim(),
      basis: form.text('basis', { label: '决策依据' }),
      plannedOn: form.raw('plannedOn').trim(),
      draft: form.text('draft', { label: '决策草案' }),
    };
    const units = await unitOptions(req.user!.rootUnitId);
    const result = await createDecision(core, actorOf(req), req.user!.rootUnitId, new Set(units.map((u) => u.id)), input);
    if (!result.ok) return send(reply, <NewDecisionPage ctx={pageContext(req, reply)} units={units} form={{ values: input, errors: result.errors ?? {} }} />, 400);
    setFlash(reply, `已登记“${input.title}”。`);
    return reply.redirect(`${BASE}/items/${result.decision.publicCode}`, 303);
  });

  app.post(`${BASE}/catalog/:year`, office, async (req, reply) => {
    const { year } = req.params as { year: string };
    if (!/^20\d\d$/.test(year)) throw new NotFoundError('年度应为四位数字。');
    const form = new FormReader(req.body);
    const reason = form.text('reason', { label: '本版说明' });
    const names = await unitNames(core, req.user!.rootUnitId);
    const result = await publishCatalog(core, actorOf(req), req.user!.rootUnitId, Number(year), reason, (id) => names.get(id) ?? '');
    if (!result.ok && result.errors) return renderHome(req, reply, 400, { catalogForm: { values: { reason }, errors: result.errors } });
    if (!result.ok) return renderHome(req, reply, 409, { refusals: result.refusals });
    setFlash(reply, `已发布${year}年决策事项目录第${result.version.version}版。`);
    return reply.redirect(`${BASE}?year=${year}`, 303);
  });

  // ------------------------------------------------------------------ dossier

  async function managed(req: FastifyRequest): Promise<DecisionRow> {
    const { code } = req.params as { code: string };
    const d = CODE.test(code) ? await findDecisionByCode(core.db, code) : undefined;
    if (!d || d.rootUnitId !== req.user!.rootUnitId) throw new NotFoundError('该决策事项不存在。');
    return d;
  }

  async function renderDossier(req: FastifyRequest, reply: FastifyReply, code: string, status = 200, over: Partial<StaffDossierProps> = {}) {
    const d = (await findDecisionByCode(core.db, code))!;
    return send(reply, <StaffDossierPage ctx={pageContext(req, reply)} view={await dossier(core, d, today())} today={today()} surveys={await decisionSurveys(core, d.id)} meetingChoices={await meetingsHeldBy(core.db, d.rootUnitId, today())} evidence={await evidenceOfDecision(core.db, d.id)} {...over} />, status);
  }

  app.get(`${BASE}/items/:code`, office, async (req, reply) => renderDossier(req, reply, (await managed(req)).publicCode));

  app.post(`${BASE}/items/:code/steps`, office, async (req, reply) => {
    const d = await managed(req);
    const form = new FormReader(req.body);
    const v: Record<string, string> = {};
    for (const k of ['step', 'state', 'doneOn', 'actor', 'summary', 'documents', 'skipReason', 'meetingId', 'meetingName', 'meetingTopic', 'meetingAttendees', 'noticeOn', 'participantsPublishedOn', 'materialsSentOn', 'heldOn', 'participants']) {
      v[k] = ['summary', 'documents', 'skipReason', 'participants'].includes(k) ? form.text(k, { label: k }) : form.raw(k).trim();
    }
    if (!(STEPS as readonly string[]).includes(v.step!)) return renderDossier(req, reply, d.publicCode, 400, { stepForm: { values: v, errors: { step: '请从列表中选择程序' } } });
    const step = v.step as Step;
    const extra =
      step === 'hearing'
        ? { hearing: { noticeOn: v.noticeOn!, participantsPublishedOn: v.participantsPublishedOn!, materialsSentOn: v.materialsSentOn!, heldOn: v.heldOn!, participants: v.participants! } }
        : step === 'collective'
          ? { meetingId: v.meetingId!, meeting: { name: v.meetingName!, topic: v.meetingTopic!, attendees: v.meetingAttendees! } }
          : {};
    const result = await recordStep(core, actorOf(req), d.publicCode, step, { state: v.state!, doneOn: v.doneOn!, actor: v.actor!, summary: v.summary!, documents: v.documents!, skipReason: v.skipReason! }, extra);
    if (!result.ok && result.errors) return renderDossier(req, reply, d.publicCode, 400, { stepForm: { values: v, errors: result.errors } });
    if (!result.ok) return renderDossier(req, reply, d.publicCode, 409, { refusals: result.refusals, stepForm: { values: v, errors: {} } });
    setFlash(reply, '已记录。');
    return reply.redirect(`${BASE}/items/${d.publicCode}`, 303);
  });

  app.post(`${BASE}/items/:code/evidence`, office, async (req, reply) => {
    const d = await managed(req);
    const form = new FormReader(req.body);
    const values = { step: form.raw('step').trim(), title: form.text('title', { label: '材料名称' }) };
    const result = await addEvidence(core, actorOf(req), d.rootUnitId, { decisionCode: d.publicCode, step: values.step }, { title: values.title, file: uploadedFile(req.body, 'file') });
    if (!result.ok && result.errors) return renderDossier(req, reply, d.publicCode, 400, { evidenceForm: { values, errors: result.errors } });
    if (!result.ok) return renderDossier(req, reply, d.publicCode, 409, { refusals: result.refusals });
    setFlash(reply, `已上传“${result.evidence.title}”。`);
    return reply.redirect(`${BASE}/items/${d.publicCode}`, 303);
  });

  app.post(`${BASE}/items/:code/surveys`, office, async (req, reply) => {
    const d = await managed(req);
    const form = new FormReader(req.body);
    const input = { title: form.text('title', { label: '调查名称' }), intro: form.text('intro', { label: '调查说明' }), questions: form.text('questions', { label: '题目' }), opensOn: form.raw('opensOn').trim(), closesOn: form.raw('closesOn').trim() };
    const values = { ...input };
    const result = await createSurvey(core, actorOf(req), d.publicCode, input);
    if (!result.ok && result.errors) return renderDossier(req, reply, d.publicCode, 400, { surveyForm: { values, errors: result.errors } });
    if (!result.ok) return renderDossier(req, reply, d.publicCode, 409, { refusals: result.refusals, surveyForm: { values, errors: {} } });
    setFlash(reply, `已发布调查“${result.survey.title}”。`);
    return reply.redirect(`${BASE}/surveys/${result.survey.publicCode}`, 303);
  });

  app.post(`${BASE}/items/:code/consultation`, office, async (req, reply) => {
    const d = await managed(req);
    const form = new FormReader(req.body);
    const input = {
      title: form.text('title', { label: '标题' }),
      description: form.text('description', { label: '起草说明' }),
      startsOn: form.raw('startsOn').trim(),
      endsOn: form.raw('endsOn').trim(),
      urgentReason: form.text('urgentReason', { label: '理由' }),
    };
    const result = await openDecisionConsultation(core, actorOf(req), d, input);
    if (!result.ok && result.errors) return renderDossier(req, reply, d.publicCode, 400, { consultForm: { values: input, errors: result.errors } });
    if (!result.ok) return renderDossier(req, reply, d.publicCode, 409, { refusals: result.refusals });
    setFlash(reply, `已发布征求意见，征集期 ${input.startsOn} 至 ${input.endsOn}。`);
    return reply.redirect(`${BASE}/items/${d.publicCode}`, 303);
  });

  async function consultationOf(d: DecisionRow) {
    const c = d.consultationId ? await findConsultationById(core.db, d.consultationId) : undefined;
    if (!c) throw new NotFoundError('该决策草案没有征求意见。');
    return c;
  }

  app.get(`${BASE}/items/:code/consultation/comments/:id`, office, async (req, reply) => {
    const d = await managed(req);
    const c = await consultationOf(d);
    const { id } = req.params as { id: string };
    const comment = /^\d{1,15}$/.test(id) ? await findComment(core.db, c.id, Number(id)) : undefined;
    if (!comment) throw new NotFoundError('该意见不存在。');
    await recordContactViewed(core, actorOf(req), c, comment);
    return send(reply, <CommentContactPage ctx={pageContext(req, reply)} decision={d} comment={comment} />);
  });

  app.post(`${BASE}/items/:code/consultation/comments/:id/answer`, office, async (req, reply) => {
    const d = await managed(req);
    const c = await consultationOf(d);
    const { id } = req.params as { id: string };
    const comment = /^\d{1,15}$/.test(id) ? await findComment(core.db, c.id, Number(id)) : undefined;
    if (!comment) throw new NotFoundError('该意见不存在。');
    const form = new FormReader(req.body);
    const a = `answer_${comment.id}`;
    const r = `reason_${comment.id}`;
    const answer = form.raw(a).trim();
    const reason = form.text(r, { label: '理由' });
    const result = await answerComment(core, actorOf(req), c, comment.id, { answer, reason });
    if (!result.ok && result.errors) {
      const errors: FieldErrors = {};
      if (result.errors.answer) errors[a] = result.errors.answer;
      if (result.errors.reason) errors[r] = result.errors.reason;
      return renderDossier(req, reply, d.publicCode, 400, { answerForm: { commentId: comment.id, values: { [a]: answer, [r]: reason }, errors } });
    }
    if (!result.ok) return renderDossier(req, reply, d.publicCode, 409, { refusals: result.refusals });
    setFlash(reply, '答复已保存。');
    return reply.redirect(`${BASE}/items/${d.publicCode}#comment-${comment.id}`, 303);
  });

  app.post(`${BASE}/items/:code/consultation/close`, office, async (req, reply) => {
    const d = await managed(req);
    const result = await closeConsultation(core, actorOf(req), await consultationOf(d));
    if (!result.ok) return renderDossier(req, reply, d.publicCode, 409, { refusals: result.refusals ?? [] });
    setFlash(reply, '已结束征集并公布意见采纳情况。');
    return reply.redirect(`${BASE}/items/${d.publicCode}`, 303);
  });

  app.post(`${BASE}/items/:code/publish`, office, async (req, reply) => {
    const d = await managed(req);
    const form = new FormReader(req.body);
    const input = {
      docNo: form.text('docNo', { label: '文号' }),
      publishedOn: form.raw('publishedOn').trim(),
      decisionText: form.text('decisionText', { label: '决策内容' }),
      explanation: form.text('explanation', { label: '采纳情况说明' }),
    };
    const result = await publishDecision(core, actorOf(req), d.publicCode, input);
    if (!result.ok && result.errors) return renderDossier(req, reply, d.publicCode, 400, { publishForm: { values: input, errors: result.errors } });
    if (!result.ok) return renderDossier(req, reply, d.publicCode, 409, { refusals: result.refusals, publishForm: { values: input, errors: {} } });
    setFlash(reply, '决策已公布。');
    return reply.redirect(`${BASE}/items/${d.publicCode}`, 303);
  });

  // ------------------------------------------------------------------ key tasks

  async function taskOf(req: FastifyRequest) {
    const { code } = req.params as { code: string };
    const task = CODE.test(code) ? await findTaskByCode(core.db, code) : undefined;
    if (!task || task.rootUnitId !== req.user!.rootUnitId) throw new NotFoundError('该重点工作不存在。');
    return task;
  }
  /** The lead unit's editors and admins write its reports; the openness office may too. */
  const canReport = (u: CurrentUser, leadUnitId: number) => canManageDecisions(u) || (u.unitId === leadUnitId && hasRole(u, 'editor', 'unit_admin'));

  async function renderTask(req: FastifyRequest, reply: FastifyReply, code: string, status = 200, form = { values: {} as Record<string, string>, errors: {} as FieldErrors }, submissionKey = newSubmissionKey(), refusals?: string[], evidenceForm?: { values: Record<string, string>; errors: FieldErrors }) {
    const task = (await findTaskByCode(core.db, code))!;
    const view = (await yearTasks(core, task.rootUnitId, task.year, today())).find((r) => r.task.id === task.id)!;
    const reports = await listProgress(core.db, [task.id], false);
    return send(
      reply,
      <StaffTaskPage ctx={pageContext(req, reply)} task={task} view={view} reports={reports} canReport={canReport(req.user!, task.leadUnitId)} canManage={canManageDecisions(req.user!)} form={form} submissionKey={submissionKey} refusals={refusals} evidence={await evidenceOfTasks(core.db, [task.id])} evidenceForm={evidenceForm} />,
      status,
    );
  }

  app.get(`${BASE}/tasks/:code`, anyStaff, async (req, reply) => renderTask(req, reply, (await taskOf(req)).publicCode));

  app.post(`${BASE}/tasks/:code/evidence`, office, async (req, reply) => {
    const task = await taskOf(req);
    const form = new FormReader(req.body);
    const values = { title: form.text('title', { label: '材料名称' }) };
    const result = await addEvidence(core, actorOf(req), task.rootUnitId, { taskCode: task.publicCode }, { title: values.title, file: uploadedFile(req.body, 'file') });
    if (!result.ok) return renderTask(req, reply, task.publicCode, result.errors ? 400 : 409, undefined, undefined, result.refusals, { values, errors: result.errors ?? {} });
    setFlash(reply, `已上传“${result.evidence.title}”。`);
    return reply.redirect(`${BASE}/tasks/${task.publicCode}`, 303);
  });

  app.post(`${BASE}/tasks/:code/progress`, anyStaff, async (req, reply) => {
    const task = await taskOf(req);
    if (!canReport(req.user!, task.leadUnitId)) throw new ForbiddenError('只有牵头单位的信息员、单位管理员或政务公开办可以报送进展。');
    const form = new FormReader(req.body);
    const input = {
      reportedOn: form.raw('reportedOn').trim(),
      percent: form.raw('percent').trim(),
      done: form.text('done', { label: '已完成的工作' }),
      problems: form.text('problems', { label: '存在问题' }),
      nextSteps: form.text('nextSteps', { label: '下一步计划' }),
      submissionKey: form.raw('submissionKey').trim(),
    };
    const result = await submitProgress(core, actorOf(req), task, input);
    const key = input.submissionKey || newSubmissionKey();
    if (!result.ok && result.errors) return renderTask(req, reply, task.publicCode, 400, { values: input, errors: result.errors }, key);
    if (!result.ok) return renderTask(req, reply, task.publicCode, 409, { values: input, errors: {} }, key, result.refusals);
    setFlash(reply, '进展已报送，政务公开办审核后公开。');
    return reply.redirect(`${BASE}/tasks/${task.publicCode}`, 303);
  });

  app.post(`${BASE}/progress/:id/review`, office, async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!/^\d{1,15}$/.test(id)) throw new NotFoundError('该进展报告不存在。');
    const form = new FormReader(req.body);
    const decision = form.raw(`decision_${id}`).trim();
    const note = form.text(`note_${id}`, { label: '审核意见' });
    const result = await reviewProgress(core, actorOf(req), req.user!.rootUnitId, Number(id), decision, note);
    if (!result.ok && result.errors) {
      const errors: FieldErrors = {};
      if (result.errors.decision) errors[`decision_${id}`] = result.errors.decision;
      if (result.errors.note) errors[`note_${id}`] = result.errors.note;
      return renderHome(req, reply, 400, { reviewForm: { id: Number(id), values: { [`decision_${id}`]: decision, [`note_${id}`]: note }, errors } });
    }
    if (!result.ok) return renderHome(req, reply, 409, { refusals: result.refusals });
    setFlash(reply, decision === 'publish' ? '进展报告已公开。' : '已退回责任单位修改。');
    return reply.redirect(BASE, 303);
  });
}
