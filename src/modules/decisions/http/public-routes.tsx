// Public pages of 决策公开 (/decisions), 执行公开 (/decisions/work) and 结果公开 (/decisions/results),
// the comment form of a decision's draft, an Atom feed of open comment periods and a JSON API.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatInstant, shanghaiToday } from '../../../core/clock.ts';
import { atom } from '../../publishing/index.ts';
import { findConsultationById, newSubmissionKey, submitComment, type Answer } from '../deps.ts';
import { DECISION_STATUS_LABELS, STEP_INFO } from '../domain/steps.ts';
import { TASK_FLAG_LABELS } from '../domain/progress.ts';
import { evidenceOfDecision, evidenceOfTasks, decisionYears, evaluationsOfYear, findDecisionByCode, findTaskByCode, findingsOfTask, latestCatalogVersion, listCatalogVersions, listProgress, listSteps, publishedOfYear, taskYears, type DecisionRow } from '../data/repository.ts';
import { dossier, unitNames, yearDecisions, yearTasks } from '../service-read.ts';
import { decisionSurveys } from '../service-survey.ts';
import { CatalogVersionsPage, DecisionsHomePage, DossierPage, ResultsPage, TaskPage, WorkPage } from '../views/public.tsx';

const HTML = 'text/html; charset=utf-8';
const CODE = /^[a-z0-9]{4,40}$/;

function send(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type(HTML).send(renderDocument(page));
}

/** A year from the URL: four digits between 2000 and 2099, or 404. */
function yearParam(req: FastifyRequest): number {
  const { year } = req.params as { year: string };
  if (!/^20\d\d$/.test(year)) throw new NotFoundError('年度应为四位数字，如 2026。');
  return Number(year);
}

export function registerDecisionsPublicRoutes(app: FastifyInstance, core: Core): void {
  const today = () => shanghaiToday(core.clock.now());
  const thisYear = () => Number(today().slice(0, 4));

  async function years(rootUnitId: number, of: 'decisions' | 'tasks'): Promise<number[]> {
    const ys = of === 'decisions' ? await decisionYears(core.db, rootUnitId) : await taskYears(core.db, rootUnitId);
    return ys.length ? ys : [thisYear()];
  }

  async function siteDecision(req: FastifyRequest): Promise<DecisionRow> {
    const { code } = req.params as { code: string };
    const d = CODE.test(code) ? await findDecisionByCode(core.db, code) : undefined;
    if (!d || d.rootUnitId !== req.site.rootUnitId) throw new NotFoundError('该决策事项不存在。');
    return d;
  }

  app.get('/decisions', async (req, reply) => {
    const root = req.site.rootUnitId;
    const ys = await years(root, 'decisions');
    const year = ys.includes(thisYear()) ? thisYear() : ys[0]!;
    const rows = await yearDecisions(core, root, year, today());
    return send(reply, <DecisionsHomePage ctx={pageContext(req, reply)} year={year} years={ys} rows={rows} version={await latestCatalogVersion(core.db, root, year)} />);
  });

  app.get('/decisions/catalog/:year', async (req, reply) => {
    const year = yearParam(req);
    const versions = await listCatalogVersions(core.db, req.site.rootUnitId, year);
    const v = (req.query as { v?: string }).v;
    const shown = v === undefined ? versions[0] : /^\d{1,4}$/.test(v) ? versions.find((x) => x.version === Number(v)) : undefined;
    if (v !== undefined && !shown) throw new NotFoundError('该版本不存在。');
    return send(reply, <CatalogVersionsPage ctx={pageContext(req, reply)} year={year} versions={versions} shown={shown} />);
  });

  async function renderDossier(req: FastifyRequest, reply: FastifyReply, d: DecisionRow, status: number, form: { values: Record<string, string>; errors: FieldErrors; submissionKey: string }, refusal?: string) {
    const [view, surveys, evidence] = await Promise.all([dossier(core, d, today()), decisionSurveys(core, d.id), evidenceOfDecision(core.db, d.id)]);
    // Comments are published only with their answers; names and contacts never.
    const published = view.consultation?.state === 'closed' ? view.comments.map((m) => ({ body: m.body, answer: m.answer as Answer, reason: m.answerReason ?? '' })) : [];
    return send(reply, <DossierPage ctx={pageContext(req, reply)} view={view} publishedComments={published} form={form} refusal={refusal} surveys={surveys} evidence={evidence} />, status);
  }

  app.get('/decisions/items/:code', async (req, reply) => {
    const d = await siteDecision(req);
    return renderDossier(req, reply, d, 200, { values: {}, errors: {}, submissionKey: newSubmissionKey() });
  });

  app.post('/decisions/items/:code/comments', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const d = await siteDecision(req);
    const form = new FormReader(req.body);
    const input = {
      name: form.text('name', { label: '姓名' }),
      contact: form.text('contact', { label: '联系方式' }),
      body: form.text('body', { label: '意见内容' }),
      submissionKey: form.raw('submissionKey').trim(),
    };
    const again = { values: form.values, submissionKey: input.submissionKey || newSubmissionKey() };
    if (!d.consultationId) return renderDossier(req, reply, d, 409, { ...again, errors: {} }, '该决策草案目前没有公开征求意见。');
    const c = (await findConsultationById(core.db, d.consultationId))!;
    const result = await submitComment(core, actorOf(req), c.code, input);
    if (!result.ok && result.errors) return renderDossier(req, reply, d, 400, { ...again, errors: result.errors });
    if (!result.ok) return renderDossier(req, reply, d, 409, { ...again, errors: {} }, result.refusals[0]);
    setFlash(reply, `您的意见已收到（提交时间 ${formatInstant(result.comment.submittedAt)}），感谢参与。征集结束后，我们将在本页公布全部意见及采纳情况（不公布姓名和联系方式）。`);
    return reply.redirect(`/decisions/items/${d.publicCode}`, 303);
  });

  app.get('/decisions/work', async (req, reply) => reply.redirect(`/decisions/work/${(await years(req.site.rootUnitId, 'tasks'))[0]}`, 302));

  app.get('/decisions/work/:year', async (req, reply) => {
    const year = yearParam(req);
    const rows = await yearTasks(core, req.site.rootUnitId, year, today());
    return send(reply, <WorkPage ctx={pageContext(req, reply)} year={year} years={await years(req.site.rootUnitId, 'tasks')} rows={rows} />);
  });

  app.get('/decisions/work/tasks/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const task = CODE.test(code) ? await findTaskByCode(core.db, code) : undefined;
    if (!task || task.rootUnitId !== req.site.rootUnitId) throw new NotFoundError('该重点工作不存在。');
    const rows = await yearTasks(core, task.rootUnitId, task.year, today());
    const view = rows.find((r) => r.task.id === task.id)!;
    const children = rows.filter((r) => r.task.parentId === task.id);
    const reports = await listProgress(core.db, [task.id], true);
    const findings = await findingsOfTask(core.db, task.id);
    const names = findings.length ? await unitNames(core, task.rootUnitId) : new Map<number, string>();
    return send(
      reply,
      <TaskPage ctx={pageContext(req, reply)} view={view} reports={reports} children={children} supporting={task.supportingUnits} findings={findings} unitName={(id) => names.get(id) ?? ''} today={today()} evidence={await evidenceOfTasks(core.db, [task.id])} />,
    );
  });

  app.get('/decisions/results', async (req, reply) => reply.redirect(`/decisions/results/${(await years(req.site.rootUnitId, 'tasks'))[0]}`, 302));

  app.get('/decisions/results/:year', async (req, reply) => {
    const year = yearParam(req);
    const root = req.site.rootUnitId;
    // Independent reads, run together (each is one indexed query; the task views come from a cache).
    const [rows, evaluated, publishedRows, taskYs, decisionYs] = await Promise.all([yearTasks(core, root, year, today()), evaluationsOfYear(core.db, root, year), publishedOfYear(core.db, root, year), years(root, 'tasks'), years(root, 'decisions')]);
    const evaluations = evaluated.map(({ decision: d, step: e }) => ({ code: d.publicCode, title: d.title, evaluatedOn: e.doneOn!, actor: e.actor, summary: e.summary, documents: e.documents }));
    const published = publishedRows.map((d) => ({ code: d.publicCode, title: d.title, publishedOn: d.publishedOn!, docNo: d.docNo }));
    const ys = [...new Set([...taskYs, ...decisionYs])].sort((a, b) => b - a);
    const evidence = await evidenceOfTasks(core.db, rows.filter((r) => r.depth === 0).map((r) => r.task.id));
    return send(reply, <ResultsPage ctx={pageContext(req, reply)} year={year} years={ys} rows={rows} evaluations={evaluations} published={published} evidence={evidence} />);
  });

  app.get('/decisions/consultations.atom', async (req, reply) => {
    const root = req.site.rootUnitId;
    const base = `${req.protocol}://${req.host}`;
    const ys = await years(root, 'decisions');
    const rows = (await Promise.all(ys.slice(0, 2).map((y) => yearDecisions(core, root, y, today())))).flat().filter((r) => r.consultationOpen);
    const entries = rows.map((r) => ({
      url: `${base}/decisions/items/${r.decision.publicCode}`,
      title: `${r.decision.title}（征求意见至${r.consultation!.endsOn}）`,
      summary: r.consultation!.description.slice(0, 300),
      published: r.consultation!.createdAt,
      updated: r.consultation!.createdAt,
      author: r.leadUnit,
      categories: ['决策草案征求意见'],
    }));
    const updated = entries.reduce((m, e) => (e.updated > m ? e.updated : m), new Date(0));
    const body = atom(
      { title: '决策草案公开征求意见', description: '正在公开征求意见的重大行政决策草案', pageUrl: `${base}/decisions`, selfUrl: `${base}/decisions/consultations.atom`, updated: entries.length ? updated : core.clock.now(), author: '政务公开办' },
      entries,
    );
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(body);
  });

  app.get('/api/v1/decisions', async (req, reply) => {
    const q = req.query as { year?: string };
    if (q.year !== undefined && !/^20\d\d$/.test(q.year)) {
      return reply.code(400).send({ error: { code: 'invalid_year', message: '年度应为四位数字，如 2026', fields: { year: '年度应为四位数字，如 2026' } } });
    }
    const year = q.year ? Number(q.year) : thisYear();
    const rows = await yearDecisions(core, req.site.rootUnitId, year, today());
    const steps = await listSteps(core.db, rows.map((r) => r.decision.id));
    return {
      year,
      items: rows.map((r) => ({
        code: r.decision.publicCode,
        title: r.decision.title,
        leadUnit: r.leadUnit,
        basis: r.decision.basis,
        plannedOn: r.decision.plannedOn,
        status: r.status,
        statusLabel: DECISION_STATUS_LABELS[r.status],
        url: `/decisions/items/${r.decision.publicCode}`,
        consultation: r.consultation ? { startsOn: r.consultation.startsOn, endsOn: r.consultation.endsOn, open: r.consultationOpen } : null,
        steps: steps
          .filter((s) => s.decisionId === r.decision.id)
          .map((s) => ({ step: s.step, label: STEP_INFO[s.step as keyof typeof STEP_INFO]?.label ?? s.step, state: s.state, doneOn: s.doneOn, skipReason: s.skipReason })),
        publishedOn: r.decision.publishedOn,
      })),
    };
  });

  app.get('/api/v1/decisions/tasks', async (req, reply) => {
    const q = req.query as { year?: string };
    if (q.year !== undefined && !/^20\d\d$/.test(q.year)) {
      return reply.code(400).send({ error: { code: 'invalid_year', message: '年度应为四位数字，如 2026', fields: { year: '年度应为四位数字，如 2026' } } });
    }
    const year = q.year ? Number(q.year) : thisYear();
    const rows = await yearTasks(core, req.site.rootUnitId, year, today());
    return {
      year,
      items: rows.map((r) => ({ code: r.task.publicCode, parent: rows.find((p) => p.task.id === r.task.parentId)?.task.publicCode ?? null, title: r.task.title, leadUnit: r.leadUnit, dueOn: r.task.dueOn, percent: r.percent, flag: r.flag, flagLabel: TASK_FLAG_LABELS[r.flag] })),
    };
  });
}
