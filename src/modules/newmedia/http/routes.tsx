// Routes of 政务新媒体: the public matrix, and the staff registry, requests, posts and settings. Thin:
// read the form, call the service, redirect (303) or re-render with the reasons at the fields and the
// input kept (400 for bad input, 403 for a role that may not act, 409 for a refused step).
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { readLocalTime } from '../../../core/http/local-time.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { PLATFORMS } from '../domain/accounts.ts';
import { parseChain, POST_STATES, type PostState } from '../domain/posts.ts';
import type { AccountFields } from '../data/schema.ts';
import { checkPost } from '../content-check.ts';
import {
  canSeeAccount,
  createPost,
  decideRequest,
  editPost,
  factsOf,
  fileRequest,
  isOffice,
  listPosts,
  loadAccounts,
  loadPost,
  mayReview,
  mayWrite,
  pendingRequests,
  registryFor,
  recordUpdate,
  releasePost,
  requestOpening,
  requestsOf,
  reviewPost,
  saveSettings,
  settingsOf,
  submitPost,
  unitsOfCity,
  waitingForMe,
  type NmActor,
  type Result,
} from '../service.ts';
import { AccountPage, BASE, emptyForm, NewAccountPage, PostFormPage, PostPage, PostsPage, RegistryPage, RequestsPage, SettingsPage, type AccountFormName, type Form, type PostFormName } from '../views/staff.tsx';
import { MatrixPage } from '../views/public.tsx';

const HTML = 'text/html; charset=utf-8';
const URL_RULE = { pattern: /^https?:\/\/[^\s<>"]+$/, patternMessage: '链接应以 http:// 或 https:// 开头' };
const actor = (req: FastifyRequest): NmActor => ({ user: req.user!, audit: actorOf(req) });
const newKey = () => crypto.randomBytes(18).toString('base64url');
const idParam = (req: FastifyRequest, name = 'id'): number => {
  const raw = String((req.params as Record<string, string>)[name] ?? '');
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError('没有找到该页面。');
  return Number(raw);
};
const status = (r: { reasons: string[] }) => (r.reasons.some((x) => x.startsWith('只有') || x.startsWith('只能') || x.startsWith('您不是')) ? 403 : 409);

function readAccountFields(form: FormReader): AccountFields {
  const name = form.text('name', { label: '账号名称', required: true, max: 60 });
  const platform = form.choice('platform', '平台', PLATFORMS);
  const handle = form.text('handle', { label: '账号/ID', required: true, max: 100 });
  const url = form.text('url', { label: '账号主页链接', required: true, max: 500, ...URL_RULE });
  const operator = form.text('operator', { label: '运维单位', max: 100 });
  const manager = form.text('manager', { label: '负责人', required: true, max: 30 });
  return { name, platform: platform ?? '', handle, url, operator, manager };
}

export function registerNewmediaRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff('editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head', 'system_admin', 'auditor') };
  const officeGuard = { preHandler: requireStaff('openness_office', 'openness_head', 'system_admin') };
  const today = () => shanghaiToday(core.clock.now());
  const send = (reply: FastifyReply, html: string, code = 200) => reply.code(code).type(HTML).header('cache-control', 'no-store').send(html);

  // ---- public ----
  app.get('/newmedia', async (req, reply) => {
    const by = (req.query as Record<string, unknown>).by === 'unit' ? 'unit' : 'platform';
    const all = await loadAccounts(core.db, req.site.rootUnitId, today());
    const active = all.filter((v) => v.account.state === 'active');
    if (by === 'platform') active.sort((a, b) => PLATFORMS.indexOf(a.account.platform as never) - PLATFORMS.indexOf(b.account.platform as never));
    return reply.type(HTML).header('cache-control', 'public, max-age=300').send(renderDocument(<MatrixPage ctx={pageContext(req, reply)} accounts={active} by={by} />));
  });

  // ---- registry ----
  app.get(BASE, guard, async (req, reply) => {
    const user = req.user!;
    const q = (req.query as Record<string, unknown>).show;
    const show = q === 'all' || q === 'silent' ? q : 'current';
    const [visible, pending, settings] = await Promise.all([registryFor(core.db, user, today(), show), pendingRequests(core.db, user.rootUnitId), settingsOf(core.db, user.rootUnitId)]);
    return send(reply, renderDocument(<RegistryPage ctx={pageContext(req, reply)} accounts={visible} office={isOffice(user)} pendingCount={pending.length} silenceDays={settings.silenceDays} show={show} />));
  });

  async function renderNewAccount(req: FastifyRequest, reply: FastifyReply, form: Form = emptyForm, code = 200) {
    const user = req.user!;
    const units = (await unitsOfCity(core.db, user.rootUnitId)).filter((u) => isOffice(user) || u.id === user.unitId);
    const values = Object.keys(form.values).length ? form.values : { hostUnitId: String(user.unitId) };
    return send(reply, renderDocument(<NewAccountPage ctx={pageContext(req, reply)} units={units} form={{ ...form, values }} submissionKey={newKey()} />), code);
  }
  app.get(`${BASE}/accounts/new`, guard, (req, reply) => renderNewAccount(req, reply));
  app.post(`${BASE}/accounts`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const fields = readAccountFields(form);
    const hostUnitId = form.integer('hostUnitId', '主办单位', { min: 1 });
    if (form.errors.hostUnitId) form.errors.hostUnitId = '请选择主办单位';
    const submissionKey = form.text('submissionKey', { label: '表单', max: 60 });
    if (hostUnitId !== undefined && !(await unitsOfCity(core.db, req.user!.rootUnitId)).some((u) => u.id === hostUnitId)) form.fail('hostUnitId', '请从列表中选择主办单位');
    if (!form.ok) return renderNewAccount(req, reply, { values: form.values, errors: form.errors }, 400);
    const r = await requestOpening(core, actor(req), { ...fields, hostUnitId: hostUnitId!, submissionKey: submissionKey || null });
    if (!r.ok) return renderNewAccount(req, reply, { values: form.values, errors: {}, reasons: r.reasons }, status(r));
    setFlash(reply, '已提交开设申请，等待市政务公开办审核。');
    return reply.redirect(`${BASE}/accounts/${r.accountId}`, 303);
  });

  async function accountView(req: FastifyRequest) {
    const id = idParam(req);
    const [view] = await loadAccounts(core.db, req.user!.rootUnitId, today(), [id]);
    if (!view) throw new NotFoundError('没有这个账号。');
    if (!canSeeAccount(req.user!, view.account)) throw new ForbiddenError();
    return view;
  }

  async function renderAccount(req: FastifyRequest, reply: FastifyReply, failed?: { form: AccountFormName } & Form, code = 200) {
    const view = await accountView(req);
    const user = req.user!;
    const requests = await requestsOf(core.db, view.account.id);
    return send(reply, renderDocument(<AccountPage ctx={pageContext(req, reply)} view={view} requests={requests} canWrite={mayWrite(user, view.account)} office={isOffice(user)} failed={failed} submissionKey={newKey()} today={today()} />), code);
  }
  app.get(`${BASE}/accounts/:id`, guard, (req, reply) => renderAccount(req, reply));

  const back = (reply: FastifyReply, url: string, message: string) => {
    setFlash(reply, message);
    return reply.redirect(url, 303);
  };

  app.post(`${BASE}/accounts/:id/requests`, guard, async (req, reply) => {
    const view = await accountView(req);
    const form = new FormReader(req.body);
    const kind = form.choice('kind', '申请事项', ['change', 'close', 'cancel'] as const);
    if (!kind) return renderAccount(req, reply, { form: 'change', values: {}, errors: {}, reasons: ['请选择申请事项。'] }, 400);
    const fields = kind === 'change' ? readAccountFields(form) : null;
    const notice = kind === 'change' ? '' : form.text('notice', { label: kind === 'close' ? '关停公告' : '注销理由', required: true, max: 2000 });
    const submissionKey = form.text('submissionKey', { label: '表单', max: 60 });
    if (!form.ok) return renderAccount(req, reply, { form: kind, values: form.values, errors: form.errors }, 400);
    const r = await fileRequest(core, actor(req), view.account.id, kind, { fields, notice, submissionKey: submissionKey || null });
    if (!r.ok) return renderAccount(req, reply, { form: kind, values: form.values, errors: {}, reasons: r.reasons }, status(r));
    return back(reply, `${BASE}/accounts/${view.account.id}`, '已提交申请，等待市政务公开办审核。');
  });

  app.post(`${BASE}/accounts/:id/updated`, guard, async (req, reply) => {
    const view = await accountView(req);
    const form = new FormReader(req.body);
    const on = form.date('on', '最近更新日期');
    if (!form.ok) return renderAccount(req, reply, { form: 'updated', values: form.values, errors: form.errors }, 400);
    const r = await recordUpdate(core, actor(req), view.account.id, on!);
    if (!r.ok) return renderAccount(req, reply, { form: 'updated', values: form.values, errors: {}, reasons: r.reasons }, status(r));
    return back(reply, `${BASE}/accounts/${view.account.id}`, `已登记最近更新：${on}。`);
  });

  app.get(`${BASE}/requests`, officeGuard, async (req, reply) => send(reply, renderDocument(<RequestsPage ctx={pageContext(req, reply)} rows={await pendingRequests(core.db, req.user!.rootUnitId)} />)));

  // Guarded for all staff so that a unit's attempt is refused with the reason (403), not a bare page.
  app.post(`${BASE}/requests/:id/decide`, guard, async (req, reply) => {
    const id = idParam(req);
    const form = new FormReader(req.body);
    const decision = form.choice('decision', '审核意见', ['approve', 'reject'] as const);
    const reason = form.text('reason', { label: '理由', max: 1000 });
    if (decision === 'reject' && !reason) form.fail('reason', '退回申请须说明理由');
    const [r] = (await core.pool.query<{ account_id: string; state: string }>('SELECT account_id, state FROM newmedia_requests WHERE id = $1', [id])).rows;
    if (!r) throw new NotFoundError('没有这项申请。');
    (req.params as Record<string, string>).id = r.account_id;
    // Decided already: the form is gone from the page, so the refusal says why (or a repeat is accepted).
    if (!form.ok && r.state === 'pending') return renderAccount(req, reply, { form: 'decide', values: form.values, errors: form.errors }, 400);
    const res = await decideRequest(core, actor(req), id, decision === 'approve', reason);
    if (!res.ok) return renderAccount(req, reply, { form: 'decide', values: form.values, errors: {}, reasons: res.reasons }, status(res));
    return back(reply, `${BASE}/accounts/${res.accountId}`, decision === 'approve' ? '已审核通过并备案。' : '已退回申请。');
  });

  async function renderSettings(req: FastifyRequest, reply: FastifyReply, form: Form = emptyForm, code = 200) {
    return send(reply, renderDocument(<SettingsPage ctx={pageContext(req, reply)} settings={await settingsOf(core.db, req.user!.rootUnitId)} form={form} />), code);
  }
  app.get(`${BASE}/settings`, officeGuard, (req, reply) => renderSettings(req, reply));
  app.post(`${BASE}/settings`, officeGuard, async (req, reply) => {
    const form = new FormReader(req.body);
    const stepsText = form.raw('reviewSteps');
    form.values.reviewSteps = stepsText;
    const parsed = parseChain(stepsText);
    if ('error' in parsed) form.fail('reviewSteps', parsed.error);
    const silenceDays = form.integer('silenceDays', '未更新提醒天数', { min: 1, max: 90 });
    if (!form.ok) return renderSettings(req, reply, { values: form.values, errors: form.errors }, 400);
    const r = await saveSettings(core, actor(req), { reviewSteps: 'chain' in parsed ? parsed.chain : [], silenceDays: silenceDays! });
    if (!r.ok) return renderSettings(req, reply, { values: form.values, errors: {}, reasons: r.reasons }, 403);
    return back(reply, `${BASE}/settings`, '已保存。');
  });

  // ---- posts ----
  app.get(`${BASE}/posts`, guard, async (req, reply) => {
    const user = req.user!;
    const q = String((req.query as Record<string, unknown>).state ?? '');
    const state = q === 'all' || (POST_STATES as readonly string[]).includes(q) ? (q as PostState | 'all') : 'mine';
    const mine = await waitingForMe(core.db, user);
    const rows = state === 'mine' ? mine : await listPosts(core.db, user, state === 'all' ? undefined : state);
    return send(reply, renderDocument(<PostsPage ctx={pageContext(req, reply)} rows={rows} state={state} mine={mine.length} />));
  });

  async function writableAccounts(req: FastifyRequest) {
    const user = req.user!;
    return (await loadAccounts(core.db, user.rootUnitId, today())).filter((v) => v.account.state === 'active' && mayWrite(user, v.account));
  }
  async function renderNewPost(req: FastifyRequest, reply: FastifyReply, form: Form, code = 200) {
    return send(reply, renderDocument(<PostFormPage ctx={pageContext(req, reply)} accounts={await writableAccounts(req)} form={form} submissionKey={newKey()} />), code);
  }
  app.get(`${BASE}/posts/new`, guard, (req, reply) => {
    const account = (req.query as Record<string, unknown>).account;
    return renderNewPost(req, reply, { values: typeof account === 'string' && /^\d{1,12}$/.test(account) ? { accountId: account } : {}, errors: {} });
  });

  const readPost = (form: FormReader) => ({ title: form.text('title', { label: '标题', required: true, max: 100 }), body: form.text('body', { label: '正文', required: true, max: 20_000 }) });

  app.post(`${BASE}/posts`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const accountId = form.integer('accountId', '发布账号', { min: 1 });
    if (form.errors.accountId) form.errors.accountId = '请选择发布账号';
    else if (accountId !== undefined && !(await writableAccounts(req)).some((v) => v.account.id === accountId)) form.fail('accountId', '请从列表中选择发布账号');
    const input = readPost(form);
    const submissionKey = form.text('submissionKey', { label: '表单', max: 60 });
    if (!form.ok) return renderNewPost(req, reply, { values: form.values, errors: form.errors }, 400);
    const r = await createPost(core, actor(req), { accountId: accountId!, ...input, submissionKey: submissionKey || null });
    if (!r.ok) return renderNewPost(req, reply, { values: form.values, errors: {}, reasons: r.reasons }, status(r));
    return back(reply, `${BASE}/posts/${r.id}`, '已保存草稿。');
  });

  async function postView(req: FastifyRequest) {
    const view = await loadPost(core.db, req.user!.rootUnitId, idParam(req));
    if (!view) throw new NotFoundError('没有这篇稿件。');
    if (!canSeeAccount(req.user!, view.account)) throw new ForbiddenError();
    return view;
  }

  async function renderPost(req: FastifyRequest, reply: FastifyReply, failed?: { form: PostFormName } & Form, code = 200) {
    const view = await postView(req);
    const user = req.user!;
    // The form is offered to whoever may sign the waiting step: not the author, not a signer of an earlier step.
    const canReview = mayReview(user, view.account) && view.post.authorId !== user.id && !factsOf(view.post, view.events).approvals.some((a) => a.reviewerId === user.id);
    // Findings for the people who act on the post while it can still change or be approved.
    const findings = view.post.state === 'released' ? null : await checkPost(core.db, view.account.rootUnitId, today(), view.post);
    return send(reply, renderDocument(<PostPage ctx={pageContext(req, reply)} view={view} canWrite={mayWrite(user, view.account)} canReview={canReview} findings={findings} failed={failed} />), code);
  }
  app.get(`${BASE}/posts/:id`, guard, (req, reply) => renderPost(req, reply));

  app.get(`${BASE}/posts/:id/edit`, guard, async (req, reply) => {
    const view = await postView(req);
    if (!mayWrite(req.user!, view.account)) throw new ForbiddenError();
    return send(reply, renderDocument(<PostFormPage ctx={pageContext(req, reply)} accounts={[]} post={view} form={{ values: { title: view.post.title, body: view.post.bodyHtml }, errors: {} }} submissionKey="" />));
  });
  app.post(`${BASE}/posts/:id/edit`, guard, async (req, reply) => {
    const view = await postView(req);
    const form = new FormReader(req.body);
    const input = readPost(form);
    const again = (f: Form, code: number) => send(reply, renderDocument(<PostFormPage ctx={pageContext(req, reply)} accounts={[]} post={view} form={f} submissionKey="" />), code);
    if (!form.ok) return again({ values: form.values, errors: form.errors }, 400);
    const r = await editPost(core, actor(req), view, input);
    if (!r.ok) return again({ values: form.values, errors: {}, reasons: r.reasons }, status(r));
    return back(reply, `${BASE}/posts/${view.post.id}`, '已保存修改。');
  });

  const done = (req: FastifyRequest, reply: FastifyReply, r: Result, form: PostFormName, values: Record<string, string>, message: string) =>
    r.ok ? back(reply, `${BASE}/posts/${idParam(req)}`, message) : renderPost(req, reply, { form, values, errors: {}, reasons: r.reasons }, status(r));

  app.post(`${BASE}/posts/:id/submit`, guard, async (req, reply) => {
    const view = await postView(req);
    return done(req, reply, await submitPost(core, actor(req), view), 'submit', {}, '已提交审核。');
  });

  app.post(`${BASE}/posts/:id/review`, guard, async (req, reply) => {
    const view = await postView(req);
    const form = new FormReader(req.body);
    const decision = form.choice('decision', '审核意见', ['approve', 'return'] as const);
    const reason = form.text('reason', { label: '审核意见', max: 1000 });
    const step = form.integer('step', '审核环节', { min: 0, max: 10 });
    if (decision === 'return' && !reason) form.fail('reason', '退回稿件须说明理由');
    if (!form.ok) return renderPost(req, reply, { form: 'review', values: form.values, errors: form.errors }, 400);
    const r = await reviewPost(core, actor(req), view, { step: step!, approve: decision === 'approve', reason });
    const next = decision === 'approve' ? (view.post.step + 1 >= view.post.chain.length ? '审核通过，稿件可以发布。' : `已通过，送${view.post.chain[view.post.step + 1]}。`) : '已退回撰写人修改。';
    return done(req, reply, r, 'review', form.values, next);
  });

  app.post(`${BASE}/posts/:id/release`, guard, async (req, reply) => {
    const view = await postView(req);
    const form = new FormReader(req.body);
    const releasedAt = readLocalTime(form, 'releasedAt', '发布时间');
    const url = form.text('url', { label: '发布链接', max: 500, ...URL_RULE });
    if (!form.ok) return renderPost(req, reply, { form: 'release', values: form.values, errors: form.errors }, 400);
    return done(req, reply, await releasePost(core, actor(req), view, { releasedAt: releasedAt!, url }), 'release', form.values, '已登记发布。');
  });
}
