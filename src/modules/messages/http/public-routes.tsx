// Public routes of 互动交流: the column, a write form per channel, the lookup with the history and the
// caller's rating. No account needed.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { addCalendarDays } from '../../../core/calendar/working-days.ts';
import { publicUnitsOfRoot } from '../../units/index.ts';
import { KIND_LABELS, type Channel } from '../domain/kinds.ts';
import { parseItemNo } from '../domain/intake.ts';
import { SATISFACTION_LABELS, type Satisfaction } from '../domain/states.ts';
import { act, submitMessage, today, verifyCaller, type ItemRow, type MessageActor } from '../service.ts';
import { listSubjects } from '../service-subjects.ts';
import { subjectChoices } from '../domain/subjects.ts';
import { mainItemOf, mergedVisitOpen, recordMergedVisit } from '../service-merge.ts';
import { suggestKnowledge, type KnowledgeEntry } from '../service-knowledge.ts';
import { historyOf, publishedItem, publishedItems, unitStatistics } from '../service-read.ts';
import { CHANNEL_SLUGS, LookupFormPage, LookupResultPage, MessagesHomePage, PublishedItemPage, SubmittedPage, WriteFormPage, type CallerView } from '../views/public.tsx';

export const HTML = 'text/html; charset=utf-8';

const FORM_FIELDS = ['kind', 'subjectId', 'title', 'content', 'callerName', 'callerPhone', 'callerEmail', 'mailboxUnit'] as const;

export function queryText(value: unknown, max = 200): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

export function pageParam(value: unknown): number {
  const v = queryText(value, 7);
  return /^\d{1,6}$/.test(v) && Number(v) >= 1 ? Number(v) : 1;
}

export const newKey = () => crypto.randomBytes(18).toString('base64url');

/** The fields of a message form, normalised and cut to length (validation happens in the service). */
export function readMessageForm(body: unknown): { values: Record<string, string>; keepIdentity: boolean; allowPublication: boolean; idempotencyKey: string } {
  const form = new FormReader(body);
  const values: Record<string, string> = {};
  for (const k of FORM_FIELDS) values[k] = normaliseText(form.raw(k)).slice(0, k === 'content' ? 3100 : 200);
  values.allowPublication = form.raw('allowPublication') === 'yes' ? 'yes' : form.raw('allowPublication') === 'no' ? 'no' : '';
  values.keepIdentity = form.checkbox('keepIdentity') ? 'on' : '';
  const key = form.raw('idempotencyKey').trim().slice(0, 100);
  values.idempotencyKey = key;
  return { values, keepIdentity: values.keepIdentity === 'on', allowPublication: values.allowPublication === 'yes', idempotencyKey: key };
}

/** Field order of the form, so the error summary reads top to bottom. */
export function ordered(errors: FieldErrors): FieldErrors {
  const order = ['mailboxUnit', 'kind', 'subjectId', 'title', 'content', 'callerName', 'callerPhone', 'callerEmail', 'allowPublication', 'idempotencyKey'];
  const out: FieldErrors = {};
  for (const k of order) if (errors[k]) out[k] = errors[k];
  for (const [k, v] of Object.entries(errors)) if (!out[k]) out[k] = v;
  return out;
}

export function registerMessagesPublicRoutes(app: FastifyInstance, core: Core): void {
  const units = async (req: FastifyRequest) => (await publicUnitsOfRoot(core, req.site.rootUnitId)).filter((u) => u.type !== 'other');

  app.get('/messages', async (req, reply) => {
    const q = queryText((req.query as Record<string, unknown>).q, 50);
    const page = pageParam((req.query as Record<string, unknown>).page);
    const since = addCalendarDays(today(core), -364);
    const [list, stats] = await Promise.all([publishedItems(core, req.site.rootUnitId, { q, page }), unitStatistics(core, req.site.rootUnitId, since)]);
    return reply.type(HTML).send(renderDocument(<MessagesHomePage ctx={pageContext(req, reply)} rows={list.rows} total={list.total} capped={list.capped} page={page} q={q} stats={stats} since={since} />));
  });

  app.get('/messages/item/:no', async (req, reply) => {
    const no = parseItemNo((req.params as { no: string }).no);
    const item = no ? await publishedItem(core, req.site.rootUnitId, no) : null;
    if (!item) throw new NotFoundError('没有找到这条公开的留言。');
    return reply.type(HTML).send(renderDocument(<PublishedItemPage ctx={pageContext(req, reply)} item={item} />));
  });

  // ------------------------------------------------------------------------------------------
  // Write forms, one per web channel

  function channelOf(req: FastifyRequest): Channel {
    const slug = (req.params as { channel: string }).channel;
    const c = Object.hasOwn(CHANNEL_SLUGS, slug) ? CHANNEL_SLUGS[slug] : undefined;
    if (!c) throw new NotFoundError('没有这个留言渠道。');
    return c;
  }

  async function renderForm(req: FastifyRequest, reply: FastifyReply, channel: Channel, values: Record<string, string>, errors: FieldErrors, status = 200, faq?: KnowledgeEntry[]) {
    const [list, subjects] = await Promise.all([units(req), listSubjects(core.db, req.site.rootUnitId)]);
    const key = /^[A-Za-z0-9_-]{16,100}$/.test(values.idempotencyKey ?? '') ? values.idempotencyKey! : newKey();
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<WriteFormPage ctx={pageContext(req, reply)} channel={channel} units={list.map((u) => ({ slug: u.slug, name: u.name }))} subjects={subjectChoices(subjects)} values={values} errors={ordered(errors)} idempotencyKey={key} action={req.url.split('?')[0]!} faq={faq} />));
  }

  app.get('/messages/write/:channel', async (req, reply) => {
    const channel = channelOf(req);
    const unit = queryText((req.query as Record<string, unknown>).unit, 60);
    return renderForm(req, reply, channel, { mailboxUnit: unit }, {});
  });

  app.post('/messages/write/:channel', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const channel = channelOf(req);
    const f = readMessageForm(req.body);
    // 「先查看常见问题」: current 知识库 answers resembling the title are shown once before the message is sent.
    if (new FormReader(req.body).raw('faqSeen') !== '1' && f.values.title) {
      const faq = await suggestKnowledge(core, req.site.rootUnitId, f.values.title, { validOnly: true });
      if (faq.length) return renderForm(req, reply, channel, f.values, {}, 200, faq);
    }
    const r = await submitMessage(core, {
      rootUnitId: req.site.rootUnitId,
      channel,
      fields: { kind: f.values.kind!, title: f.values.title!, content: f.values.content!, callerName: f.values.callerName!, callerPhone: f.values.callerPhone!, callerEmail: f.values.callerEmail!, mailboxUnit: f.values.mailboxUnit! },
      keepIdentity: f.keepIdentity,
      allowPublication: f.values.allowPublication ? f.allowPublication : null,
      idempotencyKey: f.idempotencyKey,
      audit: { ...actorOf(req), name: '诉求人' },
      subjectId: /^\d{1,12}$/.test(f.values.subjectId ?? '') ? f.values.subjectId : f.values.subjectId ? 'x' : '',
    });
    if (!r.ok) return renderForm(req, reply, channel, f.values, r.errors, 400);
    return reply
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<SubmittedPage ctx={pageContext(req, reply)} itemNo={r.itemNo} lookupCode={r.lookupCode} channel={channel} dueOn={r.item.dueOn} duplicate={r.duplicate} />));
  });

  // ------------------------------------------------------------------------------------------
  // Lookup: 编号 + 查询码, posted (never in a URL)

  app.get('/messages/lookup', async (req, reply) => reply.type(HTML).send(renderDocument(<LookupFormPage ctx={pageContext(req, reply)} values={{}} errors={{}} />)));

  async function verified(req: FastifyRequest): Promise<{ row: ItemRow | null; values: Record<string, string>; errors: FieldErrors }> {
    const form = new FormReader(req.body);
    const values = { itemNo: form.raw('itemNo').trim().slice(0, 30), code: form.raw('code').trim().slice(0, 20) };
    const errors: FieldErrors = {};
    const no = parseItemNo(values.itemNo);
    if (!values.itemNo) errors.itemNo = '请填写编号';
    else if (!no) errors.itemNo = '编号格式不正确，如 HD-2026-000123';
    if (!values.code) errors.code = '请填写查询码';
    if (Object.keys(errors).length) return { row: null, values, errors };
    const row = await verifyCaller(core, req.site.rootUnitId, no!, values.code);
    if (!row) errors.code = '编号或查询码不正确';
    return { row, values, errors };
  }

  async function renderResult(req: FastifyRequest, reply: FastifyReply, row: ItemRow, code: string, errors: FieldErrors = {}, values: Record<string, string> = {}, status = 200) {
    const names = new Map((await units(req)).map((u) => [u.id, u.name]));
    // 并单: the caller of a merged item sees the main item's progress and reply.
    const main = await mainItemOf(core.db, row);
    const shown = main ?? row;
    const view: CallerView = {
      itemNo: row.itemNo,
      title: row.title,
      content: row.content,
      channel: row.channel,
      kindLabel: KIND_LABELS[row.kind],
      state: shown.state,
      receivedAt: row.receivedAt,
      dueOn: shown.dueOn,
      unitName: shown.unitId ? (names.get(shown.unitId) ?? '') : '',
      replyText: shown.replyText,
      repliedOn: shown.repliedOn,
      satisfaction: row.satisfaction ? SATISFACTION_LABELS[row.satisfaction] : null,
      // 并单: each caller rates the main item's reply on their own item (no 重办 of their own).
      canRate: main ? mergedVisitOpen(main, row) : row.state === 'visiting',
      canRedo: !main && row.state === 'visiting' && !row.redone,
      mergedInto: main?.itemNo,
      linkedRequestNo: row.linkedRequestNo,
    };
    const history = await historyOf(core, row.id);
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<LookupResultPage ctx={pageContext(req, reply)} item={view} history={history} code={code} errors={errors} values={values} />));
  }

  app.post('/messages/lookup', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const v = await verified(req);
    if (!v.row) return reply.code(400).type(HTML).send(renderDocument(<LookupFormPage ctx={pageContext(req, reply)} values={v.values} errors={v.errors} />));
    return renderResult(req, reply, v.row, v.values.code!);
  });

  // The caller's rating (回访 by web link): 不满意 with a reason sends it back for 重办 once.
  app.post('/messages/lookup/rate', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const v = await verified(req);
    if (!v.row) return reply.code(400).type(HTML).send(renderDocument(<LookupFormPage ctx={pageContext(req, reply)} values={v.values} errors={v.errors} />));
    const form = new FormReader(req.body);
    const satisfaction = form.choice<Satisfaction>('satisfaction', '满意度', ['satisfied', 'basically', 'unsatisfied']);
    const note = form.text('note', { label: '意见', max: 1000 });
    const values = { satisfaction: form.values.satisfaction ?? '', note };
    if (!form.ok) return renderResult(req, reply, v.row, v.values.code!, form.errors, values, 400);
    const caller: MessageActor = { kind: 'caller', audit: { ...actorOf(req), name: '诉求人' } };
    if (v.row.mergedInto !== null) {
      const m = await recordMergedVisit(core, caller, v.row.id, { satisfaction, note });
      if (!m.ok) return renderResult(req, reply, v.row, v.values.code!, m.errors.note ? { note: m.errors.note } : { satisfaction: m.reasons.join('；') }, values, m.errors.note ? 400 : 409);
      const again = (await verifyCaller(core, req.site.rootUnitId, v.row.itemNo, v.values.code!))!;
      return renderResult(req, reply, again, v.values.code!);
    }
    const redo = satisfaction === 'unsatisfied' && !v.row.redone;
    if (redo && !note) return renderResult(req, reply, v.row, v.values.code!, { note: '选择不满意的，请写明理由' }, values, 400);
    const r = await act(core, caller, v.row.id, redo ? 'redo' : 'record_visit', { satisfaction, note });
    if (!r.ok) return renderResult(req, reply, v.row, v.values.code!, { satisfaction: r.reasons.join('；') }, values, 409);
    const row = (await verifyCaller(core, req.site.rootUnitId, v.row.itemNo, v.values.code!))!;
    return renderResult(req, reply, row, v.values.code!);
  });
}
