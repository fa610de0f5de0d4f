// Staff routes of the 知识库: list and search, add (also from an item's reply), retire.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { parseItemNo } from '../domain/intake.ts';
import { canViewItem, findItemByNo, type MessageActor } from '../service.ts';
import { retireKnowledge, saveKnowledge, searchKnowledge } from '../service-knowledge.ts';
import { KnowledgePage } from '../views/knowledge.tsx';
import { HTML, queryText } from './public-routes.tsx';

const ROLES = ['editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head'] as const;
const FIELDS = ['question', 'answer', 'subject', 'basis', 'validUntil'] as const;

export function registerMessagesKnowledgeRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...ROLES) };
  const actor = (req: FastifyRequest): MessageActor => ({ kind: 'staff', user: req.user!, audit: actorOf(req) });

  async function render(req: FastifyRequest, reply: FastifyReply, q: string, values: Record<string, string>, errors: FieldErrors, status = 200) {
    const entries = await searchKnowledge(core, req.user!.rootUnitId, q, { limit: 50 });
    return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(<KnowledgePage ctx={pageContext(req, reply)} entries={entries} q={q} values={values} errors={errors} />));
  }

  /** The item a reply is saved from (it must be one the viewer may see, with a reply). */
  async function sourceOf(req: FastifyRequest, raw: string) {
    const no = parseItemNo(raw);
    const row = no ? await findItemByNo(core.db, req.user!.rootUnitId, no) : undefined;
    return row && canViewItem(req.user!, row) && row.replyText ? row : undefined;
  }

  app.get('/staff/messages/knowledge', guard, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const from = queryText(q.from, 30);
    const source = from ? await sourceOf(req, from) : undefined;
    const values: Record<string, string> = source ? { question: source.title, answer: source.replyText, sourceNo: source.itemNo } : {};
    return render(req, reply, queryText(q.q, 50), values, {});
  });

  app.post('/staff/messages/knowledge', guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const values: Record<string, string> = {};
    for (const k of FIELDS) values[k] = normaliseText(form.raw(k)).slice(0, k === 'answer' ? 3100 : 600);
    values.sourceNo = form.raw('sourceNo').trim().slice(0, 30);
    const source = values.sourceNo ? await sourceOf(req, values.sourceNo) : undefined;
    const r = await saveKnowledge(core, actor(req), { question: values.question!, answer: values.answer!, subject: values.subject!, basis: values.basis!, validUntil: values.validUntil!, sourceItemId: source?.id });
    if (!r.ok) return render(req, reply, '', values, Object.keys(r.errors).length ? r.errors : { question: r.reasons.join('；') }, 400);
    setFlash(reply, '已存入知识库。');
    return reply.redirect('/staff/messages/knowledge', 303);
  });

  app.post('/staff/messages/knowledge/:id/retire', guard, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!/^\d{1,12}$/.test(id)) throw new NotFoundError('没有找到该知识条目。');
    const r = await retireKnowledge(core, actor(req), Number(id));
    if (!r.ok) return render(req, reply, '', {}, { question: r.reasons.join('；') }, 409);
    setFlash(reply, '条目已停用。');
    return reply.redirect('/staff/messages/knowledge', 303);
  });
}
