// Public comment periods (意见征集) on a draft catalog: the public pages and comment form, and the
// staff pages to open a period, answer each comment and publish the answers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatInstant, shanghaiToday } from '../../../core/clock.ts';
import { findUnitById, findUnitBySlug, type UnitRow } from '../../units/index.ts';
import {
  answerComment,
  canManageConsultations,
  closeConsultation,
  consultationStatus,
  createConsultation,
  findComment,
  findConsultationByCode,
  listComments,
  listConsultations,
  newSubmissionKey,
  recordContactViewed,
  submitComment,
  type Answer,
  type ConsultationRow,
} from '../../consultations/index.ts';
import { latestCatalogVersion } from '../data/repository.ts';
import { PublicConsultationListPage, PublicConsultationPage } from '../views/consultation-public.tsx';
import { CommentContactPage, NewConsultationPage, StaffConsultationListPage, StaffConsultationPage, type StaffConsultationProps } from '../views/consultation-staff.tsx';

const HTML = 'text/html; charset=utf-8';
const CODE = /^[a-z0-9]{4,40}$/;

export function registerConsultationRoutes(app: FastifyInstance, core: Core): void {
  const today = () => shanghaiToday(core.clock.now());
  const inSite = (req: FastifyRequest, unit: UnitRow | undefined): unit is UnitRow =>
    !!unit && !unit.archivedAt && (unit.rootId ?? unit.id) === req.site.rootUnitId;

  // ------------------------------------------------------------------ public

  /** A consultation of this site and its unit, or 404. */
  async function publicConsultation(req: FastifyRequest): Promise<{ consultation: ConsultationRow; unit: UnitRow }> {
    const { code } = req.params as { code: string };
    const found = CODE.test(code) ? await findConsultationByCode(core.db, code) : undefined;
    // Decisions' periods have their own pages.
    const consultation = found?.subject === 'catalog' ? found : undefined;
    const unit = consultation ? await findUnitById(core.db, consultation.unitId) : undefined;
    if (!consultation || !inSite(req, unit)) throw new NotFoundError('该意见征集不存在。');
    return { consultation, unit };
  }

  async function renderPublic(
    req: FastifyRequest,
    reply: FastifyReply,
    unit: UnitRow,
    c: ConsultationRow,
    status: number,
    form: { values: Record<string, string>; errors: FieldErrors; submissionKey: string },
    refusal?: string,
  ) {
    const state = consultationStatus(c, today());
    // Comments are published only with their answers; names and contacts never.
    const comments =
      state === 'closed'
        ? (await listComments(core.db, c.id)).map((m) => ({ body: m.body, answer: m.answer as Answer, reason: m.answerReason ?? '' }))
        : [];
    return reply
      .code(status)
      .type(HTML)
      .send(
        renderDocument(
          <PublicConsultationPage
            ctx={pageContext(req, reply)}
            unit={unit}
            consultation={{ ...c, closedOn: c.closedAt ? shanghaiToday(c.closedAt) : null }}
            status={state}
            comments={comments}
            form={form}
            refusal={refusal}
          />,
        ),
      );
  }

  app.get('/openness/:unitSlug/consultations', async (req, reply) => {
    const { unitSlug } = req.params as { unitSlug: string };
    const unit = await findUnitBySlug(core.db, unitSlug);
    if (!inSite(req, unit)) throw new NotFoundError('该单位不存在。');
    const rows = (await listConsultations(core.db, unit.id)).map((c) => ({ ...c, status: consultationStatus(c, today()) }));
    return reply.type(HTML).send(renderDocument(<PublicConsultationListPage ctx={pageContext(req, reply)} unit={unit} rows={rows} />));
  });

  app.get('/openness/consultations/:code', async (req, reply) => {
    const { consultation, unit } = await publicConsultation(req);
    return renderPublic(req, reply, unit, consultation, 200, { values: {}, errors: {}, submissionKey: newSubmissionKey() });
  });

  app.post(
    '/openness/consultations/:code/comments',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const { consultation, unit } = await publicConsultation(req);
      const form = new FormReader(req.body);
      const input = {
        name: form.text('name', { label: '姓名' }),
        contact: form.text('contact', { label: '联系方式' }),
        body: form.text('body', { label: '意见内容' }),
        submissionKey: form.raw('submissionKey').trim(),
      };
      const result = await submitComment(core, actorOf(req), consultation.code, input);
      // Re-rendered with the same key: fixing the input and sending again still stores one comment.
      const again = { values: form.values, submissionKey: input.submissionKey || newSubmissionKey() };
      if (!result.ok && result.errors) return renderPublic(req, reply, unit, consultation, 400, { ...again, errors: result.errors });
      if (!result.ok) return renderPublic(req, reply, unit, consultation, 409, { ...again, errors: {} }, result.refusals[0]);
      setFlash(reply, `您的意见已收到（提交时间 ${formatInstant(result.comment.submittedAt)}），感谢参与。征集结束后，我们将在本页公布全部意见及采纳情况（不公布姓名和联系方式）。`);
      return reply.redirect(`/openness/consultations/${consultation.code}`, 303);
    },
  );

  // ------------------------------------------------------------------ staff

  const staff = { preHandler: requireStaff('unit_admin', 'openness_office', 'system_admin') };

  async function managedUnit(req: FastifyRequest): Promise<UnitRow> {
    const { unitSlug } = req.params as { unitSlug: string };
    const unit = await findUnitBySlug(core.db, unitSlug);
    if (!unit || unit.archivedAt) throw new NotFoundError('该单位不存在或已撤销。');
    if (!canManageConsultations(req.user!, unit)) throw new ForbiddenError('只有本单位的单位管理员、政务公开办或系统管理员可以管理该单位的目录意见征集。');
    return unit;
  }

  async function managedConsultation(req: FastifyRequest): Promise<{ unit: UnitRow; consultation: ConsultationRow }> {
    const unit = await managedUnit(req);
    const { code } = req.params as { code: string };
    const consultation = CODE.test(code) ? await findConsultationByCode(core.db, code) : undefined;
    if (!consultation || consultation.unitId !== unit.id || consultation.subject !== 'catalog') throw new NotFoundError('该意见征集不存在。');
    return { unit, consultation };
  }

  async function renderStaff(
    req: FastifyRequest,
    reply: FastifyReply,
    unit: UnitRow,
    code: string,
    status: number,
    over: Pick<StaffConsultationProps, 'refusals' | 'answerForm'> = {},
  ) {
    const consultation = (await findConsultationByCode(core.db, code))!;
    const comments = await listComments(core.db, consultation.id);
    return reply
      .code(status)
      .type(HTML)
      .send(
        renderDocument(
          <StaffConsultationPage
            ctx={pageContext(req, reply)}
            unit={unit}
            consultation={consultation}
            status={consultationStatus(consultation, today())}
            comments={comments}
            {...over}
          />,
        ),
      );
  }

  app.get('/staff/catalog/:unitSlug/consultations', staff, async (req, reply) => {
    const unit = await managedUnit(req);
    const rows = await listConsultations(core.db, unit.id);
    const now = today();
    return reply
      .type(HTML)
      .send(renderDocument(<StaffConsultationListPage ctx={pageContext(req, reply)} unit={unit} rows={rows} statusOf={(c) => consultationStatus(c, now)} />));
  });

  app.get('/staff/catalog/:unitSlug/consultations/new', staff, async (req, reply) => {
    const unit = await managedUnit(req);
    return reply.type(HTML).send(renderDocument(<NewConsultationPage ctx={pageContext(req, reply)} unit={unit} values={{ startsOn: today() }} errors={{}} />));
  });

  app.post('/staff/catalog/:unitSlug/consultations', staff, async (req, reply) => {
    const unit = await managedUnit(req);
    const form = new FormReader(req.body);
    const input = {
      title: form.text('title', { label: '标题' }),
      description: form.text('description', { label: '征求意见稿说明' }),
      startsOn: form.raw('startsOn').trim(),
      endsOn: form.raw('endsOn').trim(),
    };
    const result = await createConsultation(core, actorOf(req), unit, input);
    if (!result.ok) {
      return reply
        .code(400)
        .type(HTML)
        .send(renderDocument(<NewConsultationPage ctx={pageContext(req, reply)} unit={unit} values={input} errors={result.errors ?? {}} />));
    }
    setFlash(reply, `已发布意见征集“${input.title}”，征集期 ${input.startsOn} 至 ${input.endsOn}。`);
    return reply.redirect(`/staff/catalog/${unit.slug}/consultations/${result.consultation.code}`, 303);
  });

  app.get('/staff/catalog/:unitSlug/consultations/:code', staff, async (req, reply) => {
    const { unit, consultation } = await managedConsultation(req);
    return renderStaff(req, reply, unit, consultation.code, 200);
  });

  app.get('/staff/catalog/:unitSlug/consultations/:code/comments/:id', staff, async (req, reply) => {
    const { unit, consultation } = await managedConsultation(req);
    const { id } = req.params as { id: string };
    const comment = /^\d{1,15}$/.test(id) ? await findComment(core.db, consultation.id, Number(id)) : undefined;
    if (!comment) throw new NotFoundError('该意见不存在。');
    await recordContactViewed(core, actorOf(req), consultation, comment);
    const index = (await listComments(core.db, consultation.id)).findIndex((m) => m.id === comment.id) + 1;
    return reply
      .type(HTML)
      .send(renderDocument(<CommentContactPage ctx={pageContext(req, reply)} unit={unit} consultation={consultation} comment={comment} index={index} />));
  });

  app.post('/staff/catalog/:unitSlug/consultations/:code/comments/:id/answer', staff, async (req, reply) => {
    const { unit, consultation } = await managedConsultation(req);
    const { id } = req.params as { id: string };
    const comment = /^\d{1,15}$/.test(id) ? await findComment(core.db, consultation.id, Number(id)) : undefined;
    if (!comment) throw new NotFoundError('该意见不存在。');
    const form = new FormReader(req.body);
    const answerName = `answer_${comment.id}`;
    const reasonName = `reason_${comment.id}`;
    const answer = form.raw(answerName).trim();
    const reason = form.text(reasonName, { label: '理由' });
    const result = await answerComment(core, actorOf(req), consultation, comment.id, { answer, reason });
    if (!result.ok && result.errors) {
      const errors: FieldErrors = {};
      if (result.errors.answer) errors[answerName] = result.errors.answer;
      if (result.errors.reason) errors[reasonName] = result.errors.reason;
      const values = { [answerName]: answer, [reasonName]: reason };
      return renderStaff(req, reply, unit, consultation.code, 400, { answerForm: { commentId: comment.id, values, errors } });
    }
    if (!result.ok) return renderStaff(req, reply, unit, consultation.code, 409, { refusals: result.refusals });
    setFlash(reply, '答复已保存。');
    return reply.redirect(`/staff/catalog/${unit.slug}/consultations/${consultation.code}#comment-${comment.id}`, 303);
  });

  app.post('/staff/catalog/:unitSlug/consultations/:code/close', staff, async (req, reply) => {
    const { unit, consultation } = await managedConsultation(req);
    const result = await closeConsultation(core, actorOf(req), consultation, (tx, c) => latestCatalogVersion(tx, c.unitId));
    if (!result.ok) return renderStaff(req, reply, unit, consultation.code, 409, { refusals: result.refusals ?? [] });
    setFlash(
      reply,
      `已结束征集并公布采纳情况${result.adoptedVersion === null ? '。' : `，采纳的目录为第${result.adoptedVersion}版。`}`,
    );
    return reply.redirect(`/staff/catalog/${unit.slug}/consultations/${consultation.code}`, 303);
  });
}
