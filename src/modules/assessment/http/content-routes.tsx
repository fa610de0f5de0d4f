// Staff routes of 内容检查: the word tables (政务公开办), a trial check and the sweep of public records.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { TERM_KINDS, type TermKind } from '../domain/terms.ts';
import { addTerm, checkerFor, latestSweep, listTerms, recentSweeps, removeTerm, runSweep } from '../service.ts';
import { BASE, SweepPage, TermsPage, TryPage } from '../views/content-check.tsx';

const HTML = 'text/html; charset=utf-8';
export const OFFICE_ROLES = ['openness_office', 'openness_head', 'system_admin'] as const;
/** A 20-page document is about 20,000 characters; the trial box takes a little more. */
const MAX_TRY = 50_000;

function kindOf(v: unknown): TermKind {
  return typeof v === 'string' && (TERM_KINDS as readonly string[]).includes(v) ? (v as TermKind) : 'leader';
}

export function registerContentCheckRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...OFFICE_ROLES) };

  app.get(BASE, guard, async (req, reply) => {
    const kind = kindOf((req.query as Record<string, unknown>).kind);
    const rows = (await listTerms(core.db, req.user!.rootUnitId)).filter((r) => r.kind === kind);
    return reply.type(HTML).send(renderDocument(<TermsPage ctx={pageContext(req, reply)} kind={kind} rows={rows} values={{}} errors={{}} />));
  });

  app.post(`${BASE}/terms`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const kind = kindOf(form.raw('kind'));
    const values: Record<string, string> = {};
    for (const k of ['term', 'value', 'level', 'validFrom', 'validTo', 'note']) values[k] = form.raw(k).slice(0, 300);
    const r = await addTerm(core, actorOf(req), req.user!.rootUnitId, {
      kind,
      term: values.term!,
      value: values.value!,
      level: values.level === 'block' ? 'block' : 'warn',
      validFrom: values.validFrom!.trim() || null,
      validTo: values.validTo!.trim() || null,
      note: values.note!,
    });
    if (!r.ok) {
      const rows = (await listTerms(core.db, req.user!.rootUnitId)).filter((x) => x.kind === kind);
      return reply
        .code(400)
        .type(HTML)
        .send(renderDocument(<TermsPage ctx={pageContext(req, reply)} kind={kind} rows={rows} values={values} errors={r.errors} />));
    }
    setFlash(reply, r.created ? `已新增“${values.term!.trim()}”。` : `“${values.term!.trim()}”已在词表中。`);
    return reply.redirect(`${BASE}?kind=${kind}`, 303);
  });

  app.post(`${BASE}/terms/:id/delete`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const kind = kindOf(form.raw('kind'));
    const raw = (req.params as { id: string }).id;
    const removed = /^\d{1,12}$/.test(raw) ? await removeTerm(core, actorOf(req), req.user!.rootUnitId, Number(raw)) : false;
    setFlash(reply, removed ? '已删除。' : '该条目已不存在。');
    return reply.redirect(`${BASE}?kind=${kind}`, 303);
  });

  app.get(`${BASE}/try`, guard, async (req, reply) => reply.type(HTML).send(renderDocument(<TryPage ctx={pageContext(req, reply)} text="" findings={null} />)));

  app.post(`${BASE}/try`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const text = form.raw('text');
    let error: string | undefined;
    if (!text.trim()) error = '请粘贴待检查的文字';
    else if (text.length > MAX_TRY) error = `文字不能超过${MAX_TRY}个字符，当前${text.length}个`;
    if (error) return reply.code(400).type(HTML).send(renderDocument(<TryPage ctx={pageContext(req, reply)} text={text.slice(0, MAX_TRY)} error={error} findings={null} />));
    const checker = await checkerFor(core.db, req.user!.rootUnitId);
    const started = performance.now();
    const findings = checker.check([{ where: '正文', text }], shanghaiToday(core.clock.now()));
    const ms = Math.round(performance.now() - started);
    return reply.type(HTML).send(renderDocument(<TryPage ctx={pageContext(req, reply)} text={text} findings={findings} ms={ms} />));
  });

  app.get(`${BASE}/sweep`, guard, async (req, reply) => {
    const [latest, history] = await Promise.all([latestSweep(core.db, req.user!.rootUnitId), recentSweeps(core.db, req.user!.rootUnitId)]);
    return reply.type(HTML).send(renderDocument(<SweepPage ctx={pageContext(req, reply)} latest={latest} history={history} />));
  });

  app.post(`${BASE}/sweep`, guard, async (req, reply) => {
    const r = await runSweep(core, req.user!.rootUnitId, { again: true });
    setFlash(reply, `巡检完成：检查 ${r.records} 条公开信息，发现 ${r.findings} 处提示。`);
    return reply.redirect(`${BASE}/sweep`, 303);
  });
}
