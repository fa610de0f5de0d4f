// 回应关切: the public column (cacheable) and its staff editing, thin over service-concerns.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { linksText, parseLinks } from '../domain/concerns.ts';
import { unitsOfCity } from '../service.ts';
import { canEditConcern, findConcern, listConcerns, saveConcern, type ConcernRow } from '../service-concerns.ts';
import { ConcernFormPage, PublicConcernPage, PublicConcernsPage, StaffConcernsPage, PUBLIC_BASE } from '../views/concerns.tsx';
import { BASE, emptyForm, type Form } from '../views/staff.tsx';
import { HTML } from './staff-routes.tsx';

const PER_PAGE = 20;
const STAFF = `${BASE}/concerns`;

export function registerConcernRoutes(app: FastifyInstance, core: Core): void {
  const cache = { 'cache-control': 'public, max-age=300' };

  app.get(PUBLIC_BASE, async (req, reply) => {
    const raw = (req.query as Record<string, unknown>).page;
    const page = typeof raw === 'string' && /^\d{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
    const { rows, total } = await listConcerns(core.db, req.site.rootUnitId, { publishedOnly: true, page, perPage: PER_PAGE });
    const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
    if (page > pageCount) throw new NotFoundError('没有这一页。');
    return reply.type(HTML).headers(cache).send(renderDocument(<PublicConcernsPage ctx={pageContext(req, reply)} rows={rows} page={page} pageCount={pageCount} total={total} />));
  });

  app.get(`${PUBLIC_BASE}/concerns/:code`, async (req, reply) => {
    const row = await findConcern(core.db, req.site.rootUnitId, String((req.params as Record<string, string>).code));
    if (!row || !row.published) throw new NotFoundError('没有这条回应。');
    return reply.type(HTML).headers(cache).send(renderDocument(<PublicConcernPage ctx={pageContext(req, reply)} row={row} />));
  });

  const guard = { preHandler: requireStaff('editor', 'unit_admin', 'openness_office', 'openness_head', 'system_admin') };

  app.get(STAFF, guard, async (req, reply) => {
    const { rows } = await listConcerns(core.db, req.user!.rootUnitId, { publishedOnly: false, page: 1, perPage: 500 });
    return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<StaffConcernsPage ctx={pageContext(req, reply)} rows={rows} />));
  });

  async function renderForm(req: FastifyRequest, reply: FastifyReply, code: string | null, form: Form, status = 200) {
    const units = await unitsOfCity(core.db, req.user!.rootUnitId);
    return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(<ConcernFormPage ctx={pageContext(req, reply)} code={code} units={units} form={form} />));
  }

  async function existingOf(req: FastifyRequest): Promise<ConcernRow> {
    const row = await findConcern(core.db, req.user!.rootUnitId, String((req.params as Record<string, string>).code));
    if (!row) throw new NotFoundError('没有这条回应。');
    return row;
  }

  app.get(`${STAFF}/new`, guard, (req, reply) => renderForm(req, reply, null, { ...emptyForm, values: { answeredOn: shanghaiToday(core.clock.now()), unitId: String(req.user!.unitId) } }));

  app.get(`${STAFF}/:code`, guard, async (req, reply) => {
    const r = await existingOf(req);
    const values = { question: r.question, answer: r.answer, answeredOn: r.answeredOn, unitId: String(r.unitId), links: linksText(r.links), itemCode: r.itemCode ?? '', published: r.published ? 'yes' : 'no' };
    return renderForm(req, reply, r.code, { values, errors: {}, reasons: canEditConcern(req.user!, r) ? [] : ['您不能修改其他单位的回应。'] });
  });

  async function save(req: FastifyRequest, reply: FastifyReply, existing: ConcernRow | null) {
    const form = new FormReader(req.body);
    const question = form.text('question', { label: '关切问题', required: true, max: 500 });
    const answer = form.text('answer', { label: '答复', required: true, max: 20000 });
    const answeredOn = form.date('answeredOn', '答复日期');
    const unitId = form.integer('unitId', '答复单位', { min: 1 });
    if (form.errors.unitId) form.errors.unitId = '请选择答复单位';
    const linksRaw = form.text('links', { label: '引用的文件和解读', max: 12000 });
    const parsed = parseLinks(linksRaw);
    if (parsed.error) form.fail('links', parsed.error);
    const itemCode = form.text('itemCode', { label: '关联舆情编号', max: 20, pattern: /^YQ\d{4}-\d{4,6}$/, patternMessage: '舆情编号格式如 YQ2026-0003' });
    const published = form.choice('published', '是否公开', ['yes', 'no'] as const);
    const code = existing?.code ?? null;
    if (!form.ok) return renderForm(req, reply, code, { values: form.values, errors: form.errors }, 400);
    const r = await saveConcern(core, { user: req.user!, audit: actorOf(req) }, existing, { question, answer, answeredOn: answeredOn!, unitId: unitId!, links: parsed.links, itemCode, published: published === 'yes' }, shanghaiToday(core.clock.now()));
    if (!r.ok) return renderForm(req, reply, code, { values: form.values, errors: r.fields ?? {}, reasons: r.fields ? [] : r.reasons }, r.fields ? 400 : 403);
    setFlash(reply, published === 'yes' ? '已保存并在回应关切栏目公开。' : '已保存（暂不公开）。');
    return reply.redirect(STAFF, 303);
  }

  app.post(STAFF, guard, (req, reply) => save(req, reply, null));
  app.post(`${STAFF}/:code`, guard, async (req, reply) => save(req, reply, await existingOf(req)));
}
