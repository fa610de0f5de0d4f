// Staff routes of the 政府公报: thin — read the form, call the service, redirect or re-render with the
// reasons at the fields (400) and the input kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { listPublishedRecordCopies } from '../../publishing/index.ts';
import { gazetteName, issueLabel } from '../domain/numbering.ts';
import { ACTION_LABELS, ISSUE_ACTIONS } from '../domain/workflow.ts';
import { actOnIssue, addRecords, addText, changeArticle, changeSection, contentsOf, createIssue, findIssue, governmentName, proposedNumber, publisherFor, type GazetteActor, type Result } from '../service.ts';
import { correctableArticles, listIssues, refsOf } from '../service-read.ts';
import { printInputOf, releasedIssuePdf } from '../pdf/issue-pdf.ts';
import { PdfUnavailableError, printIssue } from '../pdf/print.ts';
import { IssueEditorPage, IssueListPage, staffIssuePath, STAFF_BASE, type FormName } from '../views/staff.tsx';
import { HTML, intParam, queryText } from './public-routes.tsx';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const actor = (req: FastifyRequest): GazetteActor => ({ user: req.user!, audit: actorOf(req) });

/** Service field names → the form's field names (several forms share a page). */
function mapFields(fields: Record<string, string> | undefined, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [`${prefix}${k}`, v]));
}

export function registerGazetteStaffRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff() };

  async function renderList(req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors: FieldErrors = {}, reasons: string[] = [], status = 200) {
    const pub = await publisherFor(core.db, req.user!);
    const root = req.user!.rootUnitId;
    const year = Number(shanghaiToday(core.clock.now()).slice(0, 4));
    const [issues, proposal, gov] = await Promise.all([pub.ok ? listIssues(core.db, root) : [], proposedNumber(core.db, root, year), governmentName(core.db, root)]);
    return reply
      .code(status)
      .type(HTML)
      .send(renderDocument(<IssueListPage ctx={pageContext(req, reply)} name={pub.ok ? gazetteName(gov) : ''} issues={issues} refusals={pub.ok ? [] : pub.reasons} proposal={proposal} values={values} errors={errors} reasons={reasons} />));
  }

  app.get(STAFF_BASE, guard, (req, reply) => renderList(req, reply));

  app.post(STAFF_BASE, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const year = form.integer('year', '年份', { min: 1949, max: 2100 });
    const number = form.integer('number', '期号', { min: 1, max: 99 });
    const overall = form.integer('overall', '总期号', { min: 1, max: 99999 });
    const issuedOn = form.date('issuedOn', '出版日期', false);
    if (!form.ok || year === undefined || number === undefined || overall === undefined) return renderList(req, reply, form.values, form.errors, [], 400);
    const r = await createIssue(core, actor(req), { year, number, overall, issuedOn: issuedOn ?? null });
    if (!r.ok) return renderList(req, reply, form.values, r.fields ?? {}, r.reasons, r.fields ? 400 : 403);
    setFlash(reply, `已新建${issueLabel(r.issue)}。`);
    return reply.redirect(staffIssuePath(r.issue), 303);
  });

  const keyOf = (req: FastifyRequest) => {
    const p = req.params as Record<string, string>;
    const year = intParam(p.year, 1949, 2100);
    const number = intParam(p.number, 1, 99);
    if (!year || !number) throw new NotFoundError('没有这一期政府公报。');
    return { year, number };
  };

  async function renderIssue(req: FastifyRequest, reply: FastifyReply, failed?: { form: FormName; values: Record<string, string>; errors: FieldErrors; reasons: string[] }, status = 200) {
    const pub = await publisherFor(core.db, req.user!);
    if (!pub.ok) return renderList(req, reply, {}, {}, pub.reasons, 403);
    const k = keyOf(req);
    const issue = await findIssue(core.db, pub.unit.id, k.year, k.number);
    if (!issue) throw new NotFoundError('没有这一期政府公报。');
    const q = queryText((req.query as Record<string, unknown>).q, 50);
    const contents = await contentsOf(core.db, issue.id);
    const [refs, correctable, candidates] = await Promise.all([
      refsOf(core.db, contents.flatMap((c) => c.articles.map((a) => a.correctsArticleId).filter((x): x is number => !!x))),
      issue.state === 'drafted' ? correctableArticles(core.db, pub.unit.id) : [],
      issue.state === 'drafted' ? listPublishedRecordCopies(core.db, pub.unit.id, { q, limit: 30 }) : [],
    ]);
    const inIssue = new Set(contents.flatMap((c) => c.articles.map((a) => a.recordId)));
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(
        renderDocument(
          <IssueEditorPage ctx={pageContext(req, reply)} name={gazetteName(pub.unit.name)} issue={issue} contents={contents} refs={refs} correctable={correctable.filter((r) => r.year * 100 + r.number < issue.year * 100 + issue.number)} q={q} candidates={candidates.filter((c) => !inIssue.has(c.id))} failed={failed} />,
        ),
      );
  }

  /** After a verb: back to the issue with a message, or the page again with the reasons (400). */
  async function done(req: FastifyRequest, reply: FastifyReply, r: Result, form: FormName, values: Record<string, string>, prefix: string, message: string) {
    if (r.ok) {
      setFlash(reply, message);
      return reply.redirect(staffIssuePath(keyOf(req)), 303);
    }
    return renderIssue(req, reply, { form, values, errors: mapFields(r.fields, prefix), reasons: r.reasons }, 400);
  }

  app.get(`${STAFF_BASE}/:year/:number`, guard, (req, reply) => renderIssue(req, reply));

  app.get(`${STAFF_BASE}/:year/:number/pdf`, guard, async (req, reply) => {
    const pub = await publisherFor(core.db, req.user!);
    if (!pub.ok) return renderList(req, reply, {}, {}, pub.reasons, 403);
    const k = keyOf(req);
    const issue = await findIssue(core.db, pub.unit.id, k.year, k.number);
    if (!issue) throw new NotFoundError('没有这一期政府公报。');
    const today = shanghaiToday(core.clock.now());
    try {
      const pdf = issue.state === 'released' ? await releasedIssuePdf(core.db, issue.id, today) : (await printIssue(await printInputOf(core.db, issue, today))).pdf;
      return reply.type('application/pdf').header('cache-control', 'no-store').header('content-disposition', contentDisposition(`${issueLabel(issue)}${issue.state === 'released' ? '' : '（校样）'}.pdf`, { ascii: `gazette-${k.year}-${k.number}${issue.state === 'released' ? '' : '-proof'}.pdf`, inline: true })).send(pdf);
    } catch (err) {
      if (err instanceof PdfUnavailableError) return reply.code(503).type('text/plain; charset=utf-8').send(err.message);
      throw err;
    }
  });

  app.post(`${STAFF_BASE}/:year/:number/do`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const action = form.choice('action', '操作', ISSUE_ACTIONS);
    if (!action) return renderIssue(req, reply, { form: 'action', values: {}, errors: {}, reasons: ['请选择操作。'] }, 400);
    const r = await actOnIssue(core, actor(req), keyOf(req), action);
    return done(req, reply, r, 'action', {}, '', `已${ACTION_LABELS[action]}。`);
  });

  app.post(`${STAFF_BASE}/:year/:number/records`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const raw = (req.body as Record<string, unknown> | undefined)?.recordIds;
    const ids = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string' && /^\d{1,15}$/.test(x)).map(Number);
    const sectionId = form.integer('rec-sectionId', '栏目', { min: 1 });
    const r = await addRecords(core, actor(req), keyOf(req), sectionId ?? 0, ids);
    return done(req, reply, r, 'records', form.values, 'rec-', r.ok ? `已加入${r.added}篇文件。` : '');
  });

  const readText = (form: FormReader, prefix: string, withHead: boolean) => {
    const sectionId = form.integer(`${prefix}sectionId`, '栏目', { min: 1 });
    const title = withHead ? form.text(`${prefix}title`, { label: '标题', required: true, max: 200 }) : '勘误';
    const docNo = withHead ? form.text(`${prefix}docNo`, { label: '文号', max: 60 }) : '';
    const issuer = withHead ? form.text(`${prefix}issuer`, { label: '署名', max: 60 }) : '';
    const writtenOn = withHead ? (form.date(`${prefix}writtenOn`, '成文日期', false) ?? null) : null;
    const body = form.text(`${prefix}body`, { label: withHead ? '正文' : '勘误内容', required: true, max: 50000 });
    return { sectionId: sectionId ?? 0, title, docNo, issuer, writtenOn, body };
  };

  app.post(`${STAFF_BASE}/:year/:number/texts`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const input = readText(form, 'text-', true);
    if (!form.ok) return renderIssue(req, reply, { form: 'text', values: form.values, errors: form.errors, reasons: [] }, 400);
    const r = await addText(core, actor(req), keyOf(req), input);
    return done(req, reply, r, 'text', form.values, 'text-', `已加入《${input.title}》。`);
  });

  app.post(`${STAFF_BASE}/:year/:number/errata`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const input = readText(form, 'err-', false);
    const corrects = form.integer('err-correctsArticleId', '所更正的往期文章', { min: 1 });
    if (!form.ok) {
      if (form.errors['err-correctsArticleId']) form.errors['err-correctsArticleId'] = '请选择所更正的往期文章';
      return renderIssue(req, reply, { form: 'erratum', values: form.values, errors: form.errors, reasons: [] }, 400);
    }
    const r = await addText(core, actor(req), keyOf(req), { ...input, correctsArticleId: corrects ?? null }, 'erratum');
    return done(req, reply, r, 'erratum', form.values, 'err-', '已加入勘误。');
  });

  app.post(`${STAFF_BASE}/:year/:number/articles/:id`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const id = intParam((req.params as Record<string, string>).id, 1, 999_999) ?? 0;
    const op = form.choice('op', '操作', ['up', 'down', 'section', 'remove'] as const);
    const sectionId = form.integer('sectionId', '栏目', { min: 1, required: false });
    const r = await changeArticle(core, actor(req), keyOf(req), id, op === 'remove' ? { remove: true } : op === 'section' ? { sectionId: sectionId ?? 0 } : { move: op === 'up' ? 'up' : 'down' });
    return done(req, reply, r, 'article', {}, '', op === 'remove' ? '已移出本期。' : '已调整。');
  });

  app.post(`${STAFF_BASE}/:year/:number/sections`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const name = form.text('section-name', { label: '栏目名称', required: true, max: 30 });
    if (!form.ok) return renderIssue(req, reply, { form: 'section', values: form.values, errors: form.errors, reasons: [] }, 400);
    const r = await changeSection(core, actor(req), keyOf(req), { name });
    return done(req, reply, r, 'section', form.values, 'section-', `已增加栏目“${name}”。`);
  });

  app.post(`${STAFF_BASE}/:year/:number/sections/:id`, guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const sectionId = intParam((req.params as Record<string, string>).id, 1, 999_999) ?? 0;
    const op = form.choice('op', '操作', ['save', 'remove'] as const);
    const name = form.text('name', { label: '栏目名称', max: 30 });
    const sortOrder = form.integer('sortOrder', '排序', { min: 0, max: 9999, required: false });
    const r = await changeSection(core, actor(req), keyOf(req), op === 'remove' ? { sectionId, remove: true } : { sectionId, name, sortOrder });
    return done(req, reply, r, 'section', {}, 'section-', op === 'remove' ? '已删除栏目。' : '已保存栏目。');
  });
}
