// 舆情监测 routes (the openness office): candidates to accept or dismiss, the feed and alert settings,
// and reading a feed now. Thin: read the form, call service-monitor, redirect or re-render at the field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { levelsOf, unitsOfCity, type OpinionActor } from '../service.ts';
import { acceptCandidate, dismissCandidate, feedsOf, listCandidates, pollFeed, saveFeed, saveSettings, settingsOf } from '../service-monitor.ts';
import { CandidatesPage, MONITOR, MonitorSettingsPage, type CandidateFailure } from '../views/monitor.tsx';
import { emptyForm, type Form } from '../views/staff.tsx';
import { HTML } from './staff-routes.tsx';

const actor = (req: FastifyRequest): OpinionActor => ({ user: req.user!, audit: actorOf(req) });
const idParam = (req: FastifyRequest): number => {
  const raw = String((req.params as Record<string, string>).id ?? '');
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError('没有这条记录。');
  return Number(raw);
};

export function registerMonitorRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff('openness_office', 'openness_head', 'system_admin') };

  async function renderCandidates(req: FastifyRequest, reply: FastifyReply, state: 'pending' | 'accepted' | 'dismissed' = 'pending', failed?: CandidateFailure, status = 200) {
    const root = req.user!.rootUnitId;
    const [rows, levels, units] = await Promise.all([listCandidates(core.db, root, state), levelsOf(core.db, root), unitsOfCity(core.db, root)]);
    return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(<CandidatesPage ctx={pageContext(req, reply)} state={state} rows={rows} levels={levels} units={units} failed={failed} />));
  }

  app.get(MONITOR, guard, (req, reply) => {
    const q = (req.query as Record<string, unknown>).state;
    return renderCandidates(req, reply, q === 'accepted' || q === 'dismissed' ? q : 'pending');
  });

  app.post(`${MONITOR}/candidates/:id/accept`, guard, async (req, reply) => {
    const id = idParam(req);
    const p = `cand-${id}-`;
    const form = new FormReader(req.body);
    const levelId = form.integer(`${p}levelId`, '舆情等级', { min: 1 });
    const unitId = form.integer(`${p}unitId`, '责任单位', { min: 1 });
    if (form.errors[`${p}levelId`]) form.errors[`${p}levelId`] = '请选择舆情等级';
    if (form.errors[`${p}unitId`]) form.errors[`${p}unitId`] = '请选择责任单位';
    if (!form.ok) return renderCandidates(req, reply, 'pending', { id, form: 'accept', values: form.values, errors: form.errors }, 400);
    const r = await acceptCandidate(core, actor(req), id, { levelId: levelId!, unitId: unitId! });
    if (!r.ok) {
      const errors = Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, v]) => [p + k, v]));
      return renderCandidates(req, reply, 'pending', { id, form: 'accept', values: form.values, errors, reasons: r.fields ? [] : r.reasons }, r.fields ? 400 : 409);
    }
    setFlash(reply, `已接收并登记为舆情 ${r.code}，开始计时。`);
    return reply.redirect(`/staff/opinion/items/${r.code}`, 303);
  });

  app.post(`${MONITOR}/candidates/:id/dismiss`, guard, async (req, reply) => {
    const id = idParam(req);
    const name = `cand-${id}-reason`;
    const form = new FormReader(req.body);
    const reason = form.text(name, { label: '忽略理由', required: true, max: 300 });
    if (!form.ok) return renderCandidates(req, reply, 'pending', { id, form: 'dismiss', values: form.values, errors: form.errors }, 400);
    const r = await dismissCandidate(core, actor(req), id, reason);
    if (!r.ok) return renderCandidates(req, reply, 'pending', { id, form: 'dismiss', values: form.values, errors: {}, reasons: r.reasons }, 409);
    setFlash(reply, '已忽略该线索。');
    return reply.redirect(MONITOR, 303);
  });

  async function renderSettings(req: FastifyRequest, reply: FastifyReply, opts: { feedForm?: Form; alertForm?: Form; editId?: number | null } = {}, status = 200) {
    const root = req.user!.rootUnitId;
    const [feeds, settings] = await Promise.all([feedsOf(core.db, root), settingsOf(core.db, root)]);
    const editing = opts.editId ? (feeds.find((f) => f.id === opts.editId) ?? null) : null;
    let feedForm = opts.feedForm ?? emptyForm;
    if (!opts.feedForm && editing) feedForm = { values: { name: editing.name, url: editing.url, intervalMinutes: String(editing.intervalMinutes), active: editing.active ? 'yes' : 'no' }, errors: {} };
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<MonitorSettingsPage ctx={pageContext(req, reply)} feeds={feeds} settings={settings} feedForm={feedForm} alertForm={opts.alertForm ?? emptyForm} editing={editing} />));
  }

  app.get(`${MONITOR}/settings`, guard, (req, reply) => {
    const raw = (req.query as Record<string, unknown>).edit;
    return renderSettings(req, reply, { editId: typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : null });
  });

  app.post(`${MONITOR}/feeds`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const id = form.integer('id', '要修改的订阅源', { min: 1, required: false });
    const name = form.text('name', { label: '名称', required: true, max: 50 });
    const url = form.text('url', { label: '订阅地址', required: true, max: 500, pattern: /^https?:\/\/[^\s<>"']+$/i, patternMessage: '订阅地址应以 http:// 或 https:// 开头，不能含空格' });
    const intervalMinutes = form.integer('intervalMinutes', '读取间隔', { min: 5, max: 1440 });
    const active = form.choice('active', '状态', ['yes', 'no'] as const);
    if (url && !form.errors.url) {
      try {
        new URL(url);
      } catch {
        form.fail('url', '订阅地址格式不正确');
      }
    }
    if (!form.ok) return renderSettings(req, reply, { feedForm: { values: form.values, errors: form.errors }, editId: id ?? null }, 400);
    const r = await saveFeed(core, actor(req), { id: id ?? null, name, url, intervalMinutes: intervalMinutes!, active: active === 'yes' });
    if (!r.ok) return renderSettings(req, reply, { feedForm: { values: form.values, errors: r.fields ?? {}, reasons: r.fields ? [] : r.reasons }, editId: id ?? null }, r.fields ? 400 : 409);
    setFlash(reply, `已保存订阅源“${name}”。`);
    return reply.redirect(`${MONITOR}/settings`, 303);
  });

  app.post(`${MONITOR}/feeds/:id/poll`, { ...guard, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const id = idParam(req);
    const feed = (await feedsOf(core.db, req.user!.rootUnitId)).find((f) => f.id === id);
    if (!feed) throw new NotFoundError('没有这个订阅源。');
    const r = await pollFeed(core, feed);
    setFlash(reply, r.error ? `读取“${feed.name}”失败：${r.error}` : `已读取“${feed.name}”，新增线索${r.added}条。`);
    return reply.redirect(`${MONITOR}/settings`, 303);
  });

  app.post(`${MONITOR}/alerts`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const alertThreshold = form.integer('alertThreshold', '预警件数', { min: 2, max: 100 });
    const enabled = form.choice('alertsEnabled', '预警', ['yes', 'no'] as const);
    if (!form.ok) return renderSettings(req, reply, { alertForm: { values: form.values, errors: form.errors } }, 400);
    const r = await saveSettings(core, actor(req), { alertThreshold: alertThreshold!, alertsEnabled: enabled === 'yes' });
    if (!r.ok) return renderSettings(req, reply, { alertForm: { values: form.values, errors: {}, reasons: r.reasons } }, 403);
    setFlash(reply, '已保存预警设置。');
    return reply.redirect(`${MONITOR}/settings`, 303);
  });
}
