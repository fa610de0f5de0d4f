// Public pages of 建议提案办理 (/decisions/proposals) and 督查审计整改 (/decisions/supervision), the JSON
// API of published 建议提案 results, and the module's entries in the platform search.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { pageContext } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { addSearchProvider } from '../deps.ts';
import { PROPOSAL_KINDS, PUBLICITY_LABELS, RESULT_LABELS, SATISFACTION_LABELS, type ProposalResult, type Satisfaction } from '../domain/proposals.ts';
import { decisionsOfMeeting, findMeetingByCode, findProposalByCode, findingYears, listFindings, listMeetings, listProposals, meetingYears, proposalYears, searchHits, taskNodes } from '../data/repository.ts';
import { repairDecisionsSearch } from '../data/search-index.ts';
import { unitNames } from '../service-read.ts';
import { MeetingPage, MeetingsPage, ProposalPage, ProposalsPage, SupervisionPage, type ProposalCounts } from '../views/work-public.tsx';

const HTML = 'text/html; charset=utf-8';
const CODE = /^[a-z0-9]{4,40}$/;
const send = (reply: FastifyReply, page: VNode, status = 200) => reply.code(status).type(HTML).send(renderDocument(page));

function yearParam(req: FastifyRequest): number {
  const { year } = req.params as { year: string };
  if (!/^20\d\d$/.test(year)) throw new NotFoundError('年度应为四位数字，如 2026。');
  return Number(year);
}

export function registerDecisionsWorkPublicRoutes(app: FastifyInstance, core: Core): void {
  const today = () => shanghaiToday(core.clock.now());
  const thisYear = () => Number(today().slice(0, 4));
  const withThisYear = (ys: number[]) => (ys.length ? ys : [thisYear()]);

  // Decisions, key tasks and published 建议提案 results in the platform search (/search).
  addSearchProvider(async (c, rootUnitId, q) => ({
    heading: '决策和执行公开',
    hits: (await searchHits(c.db, rootUnitId, q.tsquery, 10)).map((h) => ({ title: h.title, href: h.href, meta: h.meta })),
  }));
  app.addHook('onReady', async () => {
    void repairDecisionsSearch(core.db).then(
      (n) => n && app.log.info({ entries: n }, 'decisions search index repaired'),
      (err: unknown) => app.log.error({ err }, 'decisions search index repair failed'),
    );
  });

  app.get('/decisions/proposals', async (req, reply) => reply.redirect(`/decisions/proposals/${withThisYear(await proposalYears(core.db, req.site.rootUnitId))[0]}`, 302));

  app.get('/decisions/proposals/:year', async (req, reply) => {
    const year = yearParam(req);
    const root = req.site.rootUnitId;
    const all = await listProposals(core.db, root, year, false);
    const counts: ProposalCounts[] = (['npc', 'cppcc'] as const).map((kind) => {
      const of = all.filter((p) => p.kind === kind);
      return { kind, total: of.length, replied: of.filter((p) => p.repliedOn).length, published: of.filter((p) => p.publishedOn).length };
    });
    const names = await unitNames(core, root);
    return send(
      reply,
      <ProposalsPage ctx={pageContext(req, reply)} year={year} years={withThisYear(await proposalYears(core.db, root))} counts={counts} rows={all.filter((p) => p.publishedOn)} unitName={(id) => names.get(id) ?? ''} />,
    );
  });

  app.get('/decisions/proposals/items/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const p = CODE.test(code) ? await findProposalByCode(core.db, code) : undefined;
    if (!p || p.rootUnitId !== req.site.rootUnitId || !p.publishedOn) throw new NotFoundError('该建议提案的办理结果不存在或尚未公开。');
    const names = await unitNames(core, p.rootUnitId);
    return send(reply, <ProposalPage ctx={pageContext(req, reply)} p={p} leadUnit={names.get(p.leadUnitId) ?? ''} />);
  });

  app.get('/decisions/supervision', async (req, reply) => reply.redirect(`/decisions/supervision/${withThisYear(await findingYears(core.db, req.site.rootUnitId))[0]}`, 302));

  app.get('/decisions/supervision/:year', async (req, reply) => {
    const year = yearParam(req);
    const root = req.site.rootUnitId;
    const names = await unitNames(core, root);
    const tasks = new Map((await taskNodes(core.db, root)).map((t) => [t.id, { code: t.code, title: t.title }]));
    return send(
      reply,
      <SupervisionPage
        ctx={pageContext(req, reply)}
        year={year}
        years={withThisYear(await findingYears(core.db, root))}
        rows={await listFindings(core.db, root, year)}
        unitName={(id) => names.get(id) ?? ''}
        taskTitle={(id) => (id ? tasks.get(id) : undefined)}
        today={today()}
      />,
    );
  });

  app.get('/decisions/meetings', async (req, reply) => reply.redirect(`/decisions/meetings/${withThisYear(await meetingYears(core.db, req.site.rootUnitId))[0]}`, 302));

  app.get('/decisions/meetings/:year', async (req, reply) => {
    const year = yearParam(req);
    const root = req.site.rootUnitId;
    return send(reply, <MeetingsPage ctx={pageContext(req, reply)} year={year} years={withThisYear(await meetingYears(core.db, root))} rows={await listMeetings(core.db, root, year)} />);
  });

  app.get('/decisions/meetings/items/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const m = CODE.test(code) ? await findMeetingByCode(core.db, code) : undefined;
    if (!m || m.rootUnitId !== req.site.rootUnitId) throw new NotFoundError('该会议不存在。');
    return send(reply, <MeetingPage ctx={pageContext(req, reply)} m={m} decisions={await decisionsOfMeeting(core.db, m.id)} />);
  });

  app.get('/api/v1/decisions/proposals', async (req, reply) => {
    const q = req.query as { year?: string };
    if (q.year !== undefined && !/^20\d\d$/.test(q.year)) {
      return reply.code(400).send({ error: { code: 'invalid_year', message: '年度应为四位数字，如 2026', fields: { year: '年度应为四位数字，如 2026' } } });
    }
    const year = q.year ? Number(q.year) : thisYear();
    const names = await unitNames(core, req.site.rootUnitId);
    const rows = await listProposals(core.db, req.site.rootUnitId, year, true);
    return {
      year,
      items: rows.map((p) => ({
        code: p.publicCode,
        kind: p.kind,
        kindLabel: PROPOSAL_KINDS[p.kind].label,
        number: p.number,
        title: p.title,
        proposer: p.proposer,
        leadUnit: names.get(p.leadUnitId) ?? '',
        assignedOn: p.assignedOn,
        dueOn: p.dueOn,
        repliedOn: p.repliedOn,
        result: p.result,
        resultLabel: RESULT_LABELS[p.result as ProposalResult],
        satisfaction: p.satisfaction,
        satisfactionLabel: p.satisfaction ? SATISFACTION_LABELS[p.satisfaction as Satisfaction] : null,
        publicity: p.publicity,
        publicityLabel: PUBLICITY_LABELS[p.publicity as keyof typeof PUBLICITY_LABELS],
        reply: p.publicity === 'full' ? p.replyText : p.publicity === 'summary' ? p.publicSummary : null,
        withheldReason: p.publicity === 'none' ? p.withheldReason : null,
        publishedOn: p.publishedOn,
        url: `/decisions/proposals/items/${p.publicCode}`,
      })),
    };
  });
}
