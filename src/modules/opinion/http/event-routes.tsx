// 新闻发布会 and 在线访谈 routes: public pages and the question form (rate-limited, idempotent), staff
// announcing, publishing and moderating. Thin over service-events.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatInstant } from '../../../core/clock.ts';
import { linksText, parseLinks } from '../domain/concerns.ts';
import { EVENT_KINDS } from '../domain/events.ts';
import { unitsOfCity } from '../service.ts';
import { askQuestion, findEvent, listEvents, moderateQuestion, newSubmissionKey, questionsOf, saveEvent, type EventRow } from '../service-events.ts';
import { EventFormPage, PUBLIC_EVENTS, PublicEventPage, PublicEventsPage, STAFF_EVENTS, StaffEventsPage, type QuestionFailure } from '../views/events.tsx';
import { emptyForm, type Form } from '../views/staff.tsx';
import { HTML, readLocalTime } from './staff-routes.tsx';

const codeOf = (req: FastifyRequest) => String((req.params as Record<string, string>).code ?? '');

export function registerEventRoutes(app: FastifyInstance, core: Core): void {
  app.get(PUBLIC_EVENTS, async (req, reply) => {
    const rows = await listEvents(core.db, req.site.rootUnitId);
    return reply.type(HTML).header('cache-control', 'public, max-age=120').send(renderDocument(<PublicEventsPage ctx={pageContext(req, reply)} rows={rows} now={core.clock.now()} />));
  });

  async function publicEvent(req: FastifyRequest): Promise<EventRow> {
    const e = await findEvent(core.db, req.site.rootUnitId, codeOf(req));
    if (!e) throw new NotFoundError('没有这场活动。');
    return e;
  }

  async function renderPublic(req: FastifyRequest, reply: FastifyReply, e: EventRow, form: Form = emptyForm, status = 200, asked = false) {
    const questions = await questionsOf(core.db, e.id, true);
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<PublicEventPage ctx={pageContext(req, reply)} e={e} questions={questions} now={core.clock.now()} form={form} submissionKey={newSubmissionKey()} asked={asked} />));
  }

  app.get(`${PUBLIC_EVENTS}/:code`, async (req, reply) => renderPublic(req, reply, await publicEvent(req), emptyForm, 200, (req.query as Record<string, unknown>).asked === '1'));

  app.post(`${PUBLIC_EVENTS}/:code/questions`, { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (req, reply) => {
    const e = await publicEvent(req);
    const form = new FormReader(req.body);
    const asker = form.text('asker', { label: '称呼', max: 20 });
    const question = form.text('question', { label: '问题', required: true, max: 500 });
    const submissionKey = form.text('submissionKey', { label: '表单', max: 60 });
    if (!submissionKey) form.fail('question', '表单已失效，请刷新页面后重新提交');
    if (!form.ok) return renderPublic(req, reply, e, { values: form.values, errors: form.errors }, 400);
    const r = await askQuestion(core, e, { asker, question, submissionKey });
    if (!r.ok) return renderPublic(req, reply, e, { values: form.values, errors: {}, reasons: r.reasons }, 409);
    return reply.redirect(`${PUBLIC_EVENTS}/${e.code}?asked=1#ask-title`, 303);
  });

  const guard = { preHandler: requireStaff('editor', 'unit_admin', 'openness_office', 'openness_head', 'system_admin') };
  const actor = (req: FastifyRequest) => ({ user: req.user!, audit: actorOf(req) });

  app.get(STAFF_EVENTS, guard, async (req, reply) => {
    const rows = await listEvents(core.db, req.user!.rootUnitId);
    return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<StaffEventsPage ctx={pageContext(req, reply)} rows={rows} now={core.clock.now()} />));
  });

  async function staffEvent(req: FastifyRequest): Promise<EventRow> {
    const e = await findEvent(core.db, req.user!.rootUnitId, codeOf(req));
    if (!e) throw new NotFoundError('没有这场活动。');
    return e;
  }

  async function renderForm(req: FastifyRequest, reply: FastifyReply, e: EventRow | null, form: Form, status = 200, failed?: QuestionFailure) {
    const [units, questions] = await Promise.all([unitsOfCity(core.db, req.user!.rootUnitId), e ? questionsOf(core.db, e.id, false) : Promise.resolve([])]);
    return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(<EventFormPage ctx={pageContext(req, reply)} e={e} units={units} form={form} questions={questions} failed={failed} />));
  }

  const valuesOf = (e: EventRow): Record<string, string> => ({
    kind: e.kind,
    topic: e.topic,
    startsAt: formatInstant(e.startsAt).replace(' ', 'T'),
    durationMinutes: String(e.durationMinutes),
    place: e.place,
    speakers: e.speakers,
    intro: e.intro,
    unitId: String(e.unitId),
    transcript: e.transcript,
    media: linksText(e.media),
    publish: e.state === 'published' ? 'yes' : 'no',
  });

  app.get(`${STAFF_EVENTS}/new`, guard, (req, reply) => renderForm(req, reply, null, { values: { unitId: String(req.user!.unitId) }, errors: {} }));
  app.get(`${STAFF_EVENTS}/:code`, guard, async (req, reply) => {
    const e = await staffEvent(req);
    return renderForm(req, reply, e, { values: valuesOf(e), errors: {} });
  });

  async function save(req: FastifyRequest, reply: FastifyReply, existing: EventRow | null) {
    const form = new FormReader(req.body);
    const kind = form.choice('kind', '类型', EVENT_KINDS);
    const topic = form.text('topic', { label: '主题', required: true, max: 200 });
    const startsAt = readLocalTime(form, 'startsAt', '开始时间');
    const durationMinutes = form.integer('durationMinutes', '时长', { min: 10, max: 480 });
    const place = form.text('place', { label: '地点', max: 100 });
    const speakers = form.text('speakers', { label: '发布人（嘉宾）', required: true, max: 1000 });
    const intro = form.text('intro', { label: '活动简介', max: 5000 });
    const unitId = form.integer('unitId', '主办单位', { min: 1 });
    if (form.errors.unitId) form.errors.unitId = '请选择主办单位';
    const transcript = form.text('transcript', { label: '文字实录', max: 100_000 });
    const mediaRaw = form.text('media', { label: '图片和视频链接', max: 12000 });
    const media = parseLinks(mediaRaw);
    if (media.error) form.fail('media', media.error);
    const publish = form.choice('publish', '状态', ['yes', 'no'] as const);
    if (!form.ok || !startsAt) return renderForm(req, reply, existing, { values: form.values, errors: form.errors }, 400);
    const r = await saveEvent(core, actor(req), existing, { kind: kind!, topic, startsAt, durationMinutes: durationMinutes!, place, speakers, intro, unitId: unitId!, transcript, media: media.links, publish: publish === 'yes' });
    if (!r.ok) return renderForm(req, reply, existing, { values: form.values, errors: r.fields ?? {}, reasons: r.fields ? [] : r.reasons }, r.fields ? 400 : 403);
    setFlash(reply, publish === 'yes' ? '已发布活动实录。' : '已保存活动预告。');
    return reply.redirect(`${STAFF_EVENTS}/${r.code}`, 303);
  }

  app.post(STAFF_EVENTS, guard, (req, reply) => save(req, reply, null));
  app.post(`${STAFF_EVENTS}/:code`, guard, async (req, reply) => save(req, reply, await staffEvent(req)));

  app.post(`${STAFF_EVENTS}/:code/questions/:id`, guard, async (req, reply) => {
    const e = await staffEvent(req);
    const raw = String((req.params as Record<string, string>).id ?? '');
    const id = /^\d{1,12}$/.test(raw) ? Number(raw) : 0;
    if (!(await questionsOf(core.db, e.id, false)).some((q) => q.id === id)) throw new NotFoundError('没有这个提问。');
    const p = `q${id}-`;
    const form = new FormReader(req.body);
    const decision = form.choice(`${p}decision`, '审核结果', ['approved', 'rejected'] as const);
    const answer = form.text(`${p}answer`, { label: '答复', max: 5000 });
    const reason = form.text(`${p}reason`, { label: '不予采用的理由', max: 200 });
    if (decision === 'rejected' && !reason) form.fail(`${p}reason`, '请填写不予采用的理由');
    if (!form.ok) return renderForm(req, reply, e, { values: valuesOf(e), errors: {} }, 400, { id, values: form.values, errors: form.errors });
    const r = await moderateQuestion(core, actor(req), e, id, { decision: decision!, answer, reason });
    if (!r.ok) return renderForm(req, reply, e, { values: valuesOf(e), errors: {} }, 403, { id, values: form.values, errors: {}, reasons: r.reasons });
    setFlash(reply, decision === 'approved' ? '已公开该提问。' : '已标记为不予采用。');
    return reply.redirect(`${STAFF_EVENTS}/${e.code}#questions-title`, 303);
  });

  app.post(`${STAFF_EVENTS}/:code/questions`, guard, async (req, reply) => {
    const e = await staffEvent(req);
    const form = new FormReader(req.body);
    const asker = form.text('asker', { label: '提问人', required: true, max: 40 });
    const question = form.text('question', { label: '问题', required: true, max: 1000 });
    const answer = form.text('answer', { label: '答复', required: true, max: 5000 });
    if (!form.ok) return renderForm(req, reply, e, { values: valuesOf(e), errors: {} }, 400, { id: 'new', values: form.values, errors: form.errors });
    const r = await moderateQuestion(core, actor(req), e, null, { decision: 'approved', answer, reason: '', asker, question });
    if (!r.ok) return renderForm(req, reply, e, { values: valuesOf(e), errors: {} }, 403, { id: 'new', values: form.values, errors: {}, reasons: r.reasons });
    setFlash(reply, '已保存问答。');
    return reply.redirect(`${STAFF_EVENTS}/${e.code}#questions-title`, 303);
  });
}
