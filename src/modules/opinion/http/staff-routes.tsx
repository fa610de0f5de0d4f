// Staff routes of 政务舆情: thin — read the form, call the service, redirect or re-render with the
// reasons at the fields (400) and the input kept.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, uploadedFile } from '../../../core/http/form.ts';
import { FileNotFoundError, fileStorage } from '../../../core/files/storage.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { RESPONSE_FORMS } from '../domain/timers.ts';
import { HANDOVER_TARGETS, RISK_LEVELS, SOURCES, WORK_STEPS, type StepDetails, type WorkStep } from '../domain/steps.ts';
import { buildBoard } from '../domain/board.ts';
import { listFor } from '../work-queue.ts';
import { addScreenshot, findScreenshot, screenshotsOf } from '../service-screenshots.ts';
import { canSeeItem, canWork, changeLevel, isOffice, levelsOf, loadItem, loadItems, reassign, recordStep, registerItem, saveLevel, unitsOfCity, type OpinionActor, type Result } from '../service.ts';
import { BASE, BoardPage, emptyForm, ItemPage, LevelsPage, ListPage, RegisterPage, type Form, type StepFormName } from '../views/staff.tsx';

import { readLocalTime } from '../../../core/http/local-time.ts';

export const HTML = 'text/html; charset=utf-8';
const actor = (req: FastifyRequest): OpinionActor => ({ user: req.user!, audit: actorOf(req) });

export { readLocalTime };

const URL_RULE = { pattern: /^https?:\/\/[^\s<>"]+$/, patternMessage: '链接应以 http:// 或 https:// 开头' };

export function registerOpinionStaffRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff('editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head', 'system_admin', 'auditor') };
  const officeGuard = { preHandler: requireStaff('openness_office', 'openness_head', 'system_admin') };

  app.get(BASE, guard, async (req, reply) => {
    const user = req.user!;
    const q = (req.query as Record<string, unknown>).state;
    const state = q === 'closed' || q === 'late' || q === 'overdue' ? q : 'open';
    const views = await listFor(core, user, state);
    return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<ListPage ctx={pageContext(req, reply)} views={views} state={state} office={isOffice(user)} now={core.clock.now()} />));
  });

  async function renderRegister(req: FastifyRequest, reply: FastifyReply, form: Form = emptyForm, status = 200) {
    const root = req.user!.rootUnitId;
    const [levels, units] = await Promise.all([levelsOf(core.db, root), unitsOfCity(core.db, root)]);
    const values = Object.keys(form.values).length ? form.values : { unitId: String(req.user!.unitId) };
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<RegisterPage ctx={pageContext(req, reply)} levels={levels} units={units} submissionKey={crypto.randomBytes(18).toString('base64url')} form={{ ...form, values }} />));
  }

  app.get(`${BASE}/new`, guard, (req, reply) => renderRegister(req, reply));

  app.post(BASE, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const title = form.text('title', { label: '舆情标题', required: true, max: 200 });
    const source = form.choice('source', '来源', SOURCES);
    const link = form.text('link', { label: '链接', max: 500, ...URL_RULE });
    const firstSeenAt = readLocalTime(form, 'firstSeenAt', '首次发现时间');
    const summary = form.text('summary', { label: '舆情摘要', required: true, max: 5000 });
    const involved = form.text('involved', { label: '涉及单位', max: 200 });
    const levelId = form.integer('levelId', '舆情等级', { min: 1 });
    const unitId = form.integer('unitId', '责任单位', { min: 1 });
    const submissionKey = form.text('submissionKey', { label: '表单', max: 60 });
    if (form.errors.levelId) form.errors.levelId = '请选择舆情等级';
    if (form.errors.unitId) form.errors.unitId = '请选择责任单位';
    if (!form.ok) return renderRegister(req, reply, { values: form.values, errors: form.errors }, 400);
    const r = await registerItem(core, actor(req), req.user!.rootUnitId, { title, source: source!, link, firstSeenAt: firstSeenAt!, summary, involved, levelId: levelId!, unitId: unitId!, submissionKey: submissionKey || null });
    if (!r.ok) return renderRegister(req, reply, { values: form.values, errors: r.fields ?? {}, reasons: r.fields ? [] : r.reasons }, 400);
    setFlash(reply, `已登记舆情 ${r.code}，开始计时。`);
    return reply.redirect(`${BASE}/items/${r.code}`, 303);
  });

  async function viewOf(req: FastifyRequest) {
    const code = String((req.params as Record<string, string>).code ?? '');
    const view = /^YQ\d{4}-\d{4,6}$/.test(code) ? await loadItem(core, req.user!.rootUnitId, code) : null;
    if (!view) throw new NotFoundError('没有这条舆情。');
    if (!canSeeItem(req.user!, view.item)) throw new ForbiddenError();
    return view;
  }

  async function renderItem(req: FastifyRequest, reply: FastifyReply, failed?: { form: StepFormName } & Form, status = 200) {
    const view = await viewOf(req);
    const user = req.user!;
    const [levels, units, shots] = await Promise.all([levelsOf(core.db, user.rootUnitId), unitsOfCity(core.db, user.rootUnitId), screenshotsOf(core, view.item.id)]);
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<ItemPage ctx={pageContext(req, reply)} view={view} now={core.clock.now()} canWork={canWork(user, view.item)} office={isOffice(user)} levels={levels} units={units} screenshots={shots} failed={failed} />));
  }

  const done = (req: FastifyRequest, reply: FastifyReply, r: Result, form: StepFormName, values: Record<string, string>, message: string, fieldPrefix = '') => {
    if (r.ok) {
      setFlash(reply, message);
      return reply.redirect(`${BASE}/items/${(req.params as Record<string, string>).code}`, 303);
    }
    const errors = Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, v]) => [fieldPrefix + k, v]));
    return renderItem(req, reply, { form, values, errors, reasons: r.fields ? [] : r.reasons }, r.reasons.some((x) => x.startsWith('只有') || x.startsWith('您不能')) ? 403 : 409);
  };

  app.get(`${BASE}/items/:code`, guard, (req, reply) => renderItem(req, reply));

  app.post(`${BASE}/items/:code/steps`, guard, async (req, reply) => {
    const view = await viewOf(req);
    const form = new FormReader(req.body);
    const kind = form.choice('step', '办理环节', WORK_STEPS);
    if (!kind) return renderItem(req, reply, { form: 'consult', values: {}, errors: {}, reasons: ['请选择办理环节。'] }, 400);
    const p = (n: string) => `${kind}-${n}`;
    const at = readLocalTime(form, p('at'), '办理时间');
    const text = (n: string, label: string, max = 2000, required = true) => form.text(p(n), { label, required, max });
    let details: StepDetails | undefined;
    if (kind === 'consult') details = { kind, participants: text('participants', '参加单位和人员', 300), judgement: text('judgement', '事件性质、走势和风险'), measures: text('measures', '处置措施') };
    else if (kind === 'assess') {
      const risk = form.choice(p('risk'), '风险等级', RISK_LEVELS);
      const respond = form.choice(p('respond'), '是否回应', ['yes', 'no'] as const);
      details = { kind, risk: risk!, respond: respond === 'yes', how: text('how', '回应方式和口径') };
    } else if (kind === 'respond') {
      const f = form.choice(p('form'), '回应形式', RESPONSE_FORMS);
      details = { kind, form: f!, text: text('text', '回应内容', 10000), link: form.text(p('link'), { label: '发布的原文链接', max: 500, ...URL_RULE }) };
    } else if (kind === 'handover') {
      const to = form.choice(p('to'), '移交对象', HANDOVER_TARGETS);
      details = { kind, to: to!, note: text('note', '移交情况') };
    } else details = { kind, effect: text('effect', '回应效果'), lessons: text('lessons', '经验和不足') };
    if (!form.ok || !at) return renderItem(req, reply, { form: kind, values: form.values, errors: form.errors }, 400);
    const r = await recordStep(core, actor(req), view, kind as WorkStep, at, details);
    return done(req, reply, r, kind, form.values, `已记录${{ consult: '会商', assess: '研判', respond: '回应', handover: '移交', evaluate: '评估' }[kind]}。`);
  });

  app.post(`${BASE}/items/:code/screenshots`, guard, async (req, reply) => {
    const view = await viewOf(req);
    const form = new FormReader(req.body);
    const caption = form.text('caption', { label: '截图说明', max: 200 });
    const file = uploadedFile(req.body, 'file');
    if (!file) form.fail('file', '请选择截图文件');
    if (!form.ok || !file) return renderItem(req, reply, { form: 'screenshot', values: form.values, errors: form.errors }, 400);
    const r = await addScreenshot(core, actor(req), view, file, caption);
    if (!r.ok) return renderItem(req, reply, { form: 'screenshot', values: form.values, errors: r.fields ?? {}, reasons: r.fields ? [] : r.reasons }, r.fields ? 400 : 403);
    setFlash(reply, '已保存截图。');
    return reply.redirect(`${BASE}/items/${view.item.code}#screenshots`, 303);
  });

  app.get(`${BASE}/items/:code/screenshots/:id`, guard, async (req, reply) => {
    const view = await viewOf(req);
    const raw = String((req.params as Record<string, string>).id ?? '');
    const shot = /^\d{1,12}$/.test(raw) ? await findScreenshot(core, view.item.id, Number(raw)) : null;
    if (!shot) throw new NotFoundError('没有这张截图。');
    let bytes: Buffer;
    try {
      bytes = await fileStorage(core.config).get(shot.fileKey);
    } catch (err) {
      if (err instanceof FileNotFoundError) throw new NotFoundError('截图文件已丢失。');
      throw err;
    }
    return reply
      .type(shot.mediaType)
      .headers({ 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'content-disposition': contentDisposition(shot.filename, { inline: true, ascii: `screenshot-${shot.id}` }) })
      .send(bytes);
  });

  app.post(`${BASE}/items/:code/level`, officeGuard, async (req, reply) => {
    const view = await viewOf(req);
    const form = new FormReader(req.body);
    const levelId = form.integer('levelId', '新等级', { min: 1 });
    const reason = form.text('level-reason', { label: '调整理由', required: true, max: 300 });
    if (form.errors.levelId) form.errors.levelId = '请选择新等级';
    if (!form.ok) return renderItem(req, reply, { form: 'level', values: form.values, errors: form.errors }, 400);
    const r = await changeLevel(core, actor(req), view, levelId!, reason);
    return done(req, reply, r, 'level', form.values, '已调整舆情等级，时限已按新等级计算。');
  });

  app.post(`${BASE}/items/:code/reassign`, officeGuard, async (req, reply) => {
    const view = await viewOf(req);
    const form = new FormReader(req.body);
    const unitId = form.integer('unitId', '新责任单位', { min: 1 });
    const reason = form.text('reassign-reason', { label: '改派理由', required: true, max: 300 });
    if (form.errors.unitId) form.errors.unitId = '请选择新责任单位';
    if (!form.ok) return renderItem(req, reply, { form: 'reassign', values: form.values, errors: form.errors }, 400);
    const r = await reassign(core, actor(req), view, unitId!, reason);
    return done(req, reply, r, 'reassign', form.values, '已改派责任单位。');
  });

  app.get(`${BASE}/board`, officeGuard, async (req, reply) => {
    const root = req.user!.rootUnitId;
    const [views, levels] = await Promise.all([loadItems(core, root), levelsOf(core.db, root, true)]);
    const board = buildBoard(
      views.map((v) => ({ code: v.item.code, title: v.item.title, level: v.level.name, levelOrder: v.level.sortOrder, unit: v.unitName, open: v.item.state === 'open', timers: v.timers })),
      levels.map((l) => l.name),
    );
    return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<BoardPage ctx={pageContext(req, reply)} board={board} now={core.clock.now()} />));
  });

  async function renderLevels(req: FastifyRequest, reply: FastifyReply, form: Form = emptyForm, status = 200) {
    const levels = await levelsOf(core.db, req.user!.rootUnitId, true);
    return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(<LevelsPage ctx={pageContext(req, reply)} levels={levels} form={form} />));
  }

  app.get(`${BASE}/levels`, officeGuard, (req, reply) => renderLevels(req, reply));

  app.post(`${BASE}/levels`, officeGuard, async (req, reply) => {
    const form = new FormReader(req.body);
    const id = form.integer('id', '要修改的等级', { min: 1, required: false });
    const name = form.text('name', { label: '等级名称', required: true, max: 20 });
    const major = form.choice('major', '时限类别', ['yes', 'no'] as const);
    const sortOrder = form.integer('sortOrder', '排序', { min: 0, max: 9999 });
    const active = form.choice('active', '状态', ['yes', 'no'] as const);
    if (!form.ok) return renderLevels(req, reply, { values: form.values, errors: form.errors }, 400);
    const r = await saveLevel(core, actor(req), { id: id ?? null, name, major: major === 'yes', sortOrder: sortOrder!, active: active === 'yes' });
    if (!r.ok) return renderLevels(req, reply, { values: form.values, errors: r.fields ?? {}, reasons: r.fields ? [] : r.reasons }, r.fields ? 400 : 409);
    setFlash(reply, `已保存等级“${name}”。`);
    return reply.redirect(`${BASE}/levels`, 303);
  });
}
