// Staff routes of key-task entry, 建议提案办理 and 督查/审计 findings. Thin: read the form, call the
// service, re-render with errors (400) or refusals (409), or redirect (303).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { hasRole } from '../../../core/auth/roles.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { listUnitsOfRoot } from '../deps.ts';
import type { TaskInput } from '../domain/tasks.ts';
import { findProposalByCode, findTaskByCode, listFindings, listMeetings, listProposals, taskNodes, type ProposalRow } from '../data/repository.ts';
import { createFinding, createMeeting, createProposal, createTask, emptyTaskInput, meetingChoices, publishProposal, rectifyFinding, replyProposal, taskInputOf, updateTaskDetails } from '../service-work.ts';
import { unitNames } from '../service-read.ts';
import { FindingsStaffPage, MeetingsStaffPage, ProposalStaffPage, ProposalsStaffPage, TaskFormPage, type FindingsStaffProps, type ProposalStaffProps } from '../views/work-staff.tsx';
import type { Form } from '../views/staff.tsx';
import { canManageDecisions } from './staff-routes.tsx';

const HTML = 'text/html; charset=utf-8';
const BASE = '/staff/decisions';
const CODE = /^[a-z0-9]{4,40}$/;
const TASK_FIELDS = ['year', 'title', 'source', 'parentCode', 'leadUnitId', 'supportingUnits', 'steps', 'startsOn', 'dueOn', 'reportEveryDays'] as const;

export function registerDecisionsWorkStaffRoutes(app: FastifyInstance, core: Core): void {
  const today = () => shanghaiToday(core.clock.now());
  const send = (reply: FastifyReply, page: VNode, status = 200) => reply.code(status).type(HTML).send(renderDocument(page));
  const anyStaff = { preHandler: requireStaff() };
  const office = { preHandler: requireStaff('openness_office', 'system_admin') };
  const yearOf = (req: FastifyRequest) => {
    const q = (req.query as { year?: string } | undefined)?.year;
    return q && /^20\d\d$/.test(q) ? Number(q) : Number(today().slice(0, 4));
  };
  const unitOptions = async (root: number) => (await listUnitsOfRoot(core.db, root)).filter((u) => !u.archivedAt).map((u) => ({ id: u.id, name: u.name }));
  const ids = (units: { id: number }[]) => new Set(units.map((u) => u.id));

  // ------------------------------------------------------------------ key tasks

  function readTask(body: unknown): TaskInput {
    const form = new FormReader(body);
    const v = Object.fromEntries(TASK_FIELDS.map((k) => [k, ['title', 'source', 'supportingUnits', 'steps'].includes(k) ? form.text(k, { label: k }) : form.raw(k).trim()])) as unknown as TaskInput;
    return v;
  }

  async function renderTaskForm(req: FastifyRequest, reply: FastifyReply, form: Form, status = 200, task?: { code: string; title: string; id: number }) {
    const root = req.user!.rootUnitId;
    const nodes = await taskNodes(core.db, root);
    const year = Number(form.values.year) || Number(today().slice(0, 4));
    // Offered parents: the year's tasks without reports, other than the task itself.
    const parents = nodes.filter((n) => n.year === year && n.reports === 0 && n.id !== task?.id).map((n) => ({ code: n.code, title: n.title, year: n.year }));
    return send(reply, <TaskFormPage ctx={pageContext(req, reply)} code={task?.code} title={task?.title} units={await unitOptions(root)} parents={parents} form={form} />, status);
  }

  app.get(`${BASE}/tasks/new`, office, async (req, reply) => {
    const q = req.query as { parent?: string };
    const values = emptyTaskInput(String(yearOf(req))) as unknown as Record<string, string>;
    if (typeof q.parent === 'string' && CODE.test(q.parent)) {
      const parent = await findTaskByCode(core.db, q.parent);
      if (parent && parent.rootUnitId === req.user!.rootUnitId) Object.assign(values, { year: String(parent.year), parentCode: parent.publicCode, source: parent.source, dueOn: parent.dueOn, startsOn: parent.startsOn });
    }
    return renderTaskForm(req, reply, { values, errors: {} });
  });

  app.post(`${BASE}/tasks`, office, async (req, reply) => {
    const input = readTask(req.body);
    const units = await unitOptions(req.user!.rootUnitId);
    const result = await createTask(core, actorOf(req), req.user!.rootUnitId, ids(units), input);
    if (!result.ok) return renderTaskForm(req, reply, { values: input as unknown as Record<string, string>, errors: result.errors ?? { title: result.refusals[0]! } }, 400);
    setFlash(reply, `已新增重点工作“${result.task.title}”，已在执行公开页面公开。`);
    return reply.redirect(`${BASE}/tasks/${result.task.publicCode}`, 303);
  });

  async function ownTask(req: FastifyRequest) {
    const { code } = req.params as { code: string };
    const task = CODE.test(code) ? await findTaskByCode(core.db, code) : undefined;
    if (!task || task.rootUnitId !== req.user!.rootUnitId) throw new NotFoundError('该重点工作不存在。');
    return task;
  }

  app.get(`${BASE}/tasks/:code/edit`, office, async (req, reply) => {
    const task = await ownTask(req);
    const parent = task.parentId ? (await taskNodes(core.db, task.rootUnitId)).find((n) => n.id === task.parentId) : undefined;
    return renderTaskForm(req, reply, { values: taskInputOf(task, parent?.code ?? '') as unknown as Record<string, string>, errors: {} }, 200, { code: task.publicCode, title: task.title, id: task.id });
  });

  app.post(`${BASE}/tasks/:code/edit`, office, async (req, reply) => {
    const task = await ownTask(req);
    const input = { ...readTask(req.body), year: String(task.year) };
    const units = await unitOptions(req.user!.rootUnitId);
    const result = await updateTaskDetails(core, actorOf(req), task.publicCode, ids(units), input);
    if (!result.ok) return renderTaskForm(req, reply, { values: input as unknown as Record<string, string>, errors: result.errors ?? { title: result.refusals[0]! } }, 400, { code: task.publicCode, title: task.title, id: task.id });
    setFlash(reply, '已保存修改。');
    return reply.redirect(`${BASE}/tasks/${task.publicCode}`, 303);
  });

  // ------------------------------------------------------------------ 建议提案办理

  async function renderProposals(req: FastifyRequest, reply: FastifyReply, status = 200, form?: Form, year = yearOf(req)) {
    const root = req.user!.rootUnitId;
    const names = await unitNames(core, root);
    const all = await listProposals(core.db, root, year, false);
    const manage = canManageDecisions(req.user!);
    // A unit's staff see the items their unit handles; the office sees all.
    const rows = manage ? all : all.filter((p) => p.leadUnitId === req.user!.unitId);
    return send(
      reply,
      <ProposalsStaffPage ctx={pageContext(req, reply)} year={year} rows={rows} unitName={(id) => names.get(id) ?? ''} units={manage ? await unitOptions(root) : []} canManage={manage} form={form} today={today()} />,
      status,
    );
  }

  app.get(`${BASE}/proposals`, anyStaff, async (req, reply) => renderProposals(req, reply));

  app.post(`${BASE}/proposals`, office, async (req, reply) => {
    const form = new FormReader(req.body);
    const input = {
      kind: form.raw('kind').trim(),
      year: form.raw('year').trim(),
      number: form.raw('number').trim(),
      title: form.text('title', { label: '标题' }),
      proposer: form.text('proposer', { label: '提出人' }),
      leadUnitId: form.raw('leadUnitId').trim(),
      supportingUnits: form.text('supportingUnits', { label: '协办单位' }),
      assignedOn: form.raw('assignedOn').trim(),
      dueOn: form.raw('dueOn').trim(),
    };
    const units = await unitOptions(req.user!.rootUnitId);
    const result = await createProposal(core, actorOf(req), req.user!.rootUnitId, ids(units), input);
    if (!result.ok) return renderProposals(req, reply, 400, { values: input, errors: result.errors ?? {} }, /^20\d\d$/.test(input.year) ? Number(input.year) : yearOf(req));
    setFlash(reply, `已登记${input.number}号，答复期限${result.proposal.dueOn}。`);
    return reply.redirect(`${BASE}/proposals/${result.proposal.publicCode}`, 303);
  });

  const canReply = (u: CurrentUser, p: ProposalRow) => canManageDecisions(u) || (u.unitId === p.leadUnitId && hasRole(u, 'editor', 'unit_admin'));

  async function visibleProposal(req: FastifyRequest) {
    const { code } = req.params as { code: string };
    const p = CODE.test(code) ? await findProposalByCode(core.db, code) : undefined;
    if (!p || p.rootUnitId !== req.user!.rootUnitId || !(canManageDecisions(req.user!) || req.user!.unitId === p.leadUnitId)) throw new NotFoundError('该建议提案不存在。');
    return p;
  }

  async function renderProposal(req: FastifyRequest, reply: FastifyReply, code: string, status = 200, over: Partial<ProposalStaffProps> = {}) {
    const p = (await findProposalByCode(core.db, code))!;
    const names = await unitNames(core, p.rootUnitId);
    return send(
      reply,
      <ProposalStaffPage ctx={pageContext(req, reply)} p={p} leadUnit={names.get(p.leadUnitId) ?? ''} today={today()} canReply={canReply(req.user!, p)} canManage={canManageDecisions(req.user!)} {...over} />,
      status,
    );
  }

  app.get(`${BASE}/proposals/:code`, anyStaff, async (req, reply) => renderProposal(req, reply, (await visibleProposal(req)).publicCode));

  app.post(`${BASE}/proposals/:code/reply`, anyStaff, async (req, reply) => {
    const p = await visibleProposal(req);
    if (!canReply(req.user!, p)) throw new ForbiddenError('只有主办单位的信息员、单位管理员或政务公开办可以填写复文。');
    const form = new FormReader(req.body);
    const input = { repliedOn: form.raw('repliedOn').trim(), result: form.raw('result').trim(), replyText: form.text('replyText', { label: '办理复文' }) };
    const result = await replyProposal(core, actorOf(req), p.publicCode, input);
    if (!result.ok && result.errors) return renderProposal(req, reply, p.publicCode, 400, { replyForm: { values: input, errors: result.errors } });
    if (!result.ok) return renderProposal(req, reply, p.publicCode, 409, { refusals: result.refusals });
    setFlash(reply, '复文已保存。');
    return reply.redirect(`${BASE}/proposals/${p.publicCode}`, 303);
  });

  app.post(`${BASE}/proposals/:code/publish`, office, async (req, reply) => {
    const p = await visibleProposal(req);
    const form = new FormReader(req.body);
    const input = { satisfaction: form.raw('satisfaction').trim(), publicity: form.raw('publicity').trim(), summary: form.text('summary', { label: '摘要' }), withheldReason: form.text('withheldReason', { label: '理由' }) };
    const result = await publishProposal(core, actorOf(req), p.publicCode, input);
    if (!result.ok && result.errors) return renderProposal(req, reply, p.publicCode, 400, { publishForm: { values: input, errors: result.errors } });
    if (!result.ok) return renderProposal(req, reply, p.publicCode, 409, { refusals: result.refusals });
    setFlash(reply, input.satisfaction === 'unsatisfied' ? '已记录“不满意”，转主办单位重新办理。' : '办理结果已公开。');
    return reply.redirect(`${BASE}/proposals/${p.publicCode}`, 303);
  });

  // ------------------------------------------------------------------ 督查、审计

  async function renderFindings(req: FastifyRequest, reply: FastifyReply, status = 200, over: Partial<FindingsStaffProps> = {}) {
    const root = req.user!.rootUnitId;
    const year = over.year ?? yearOf(req);
    const names = await unitNames(core, root);
    const tasks = (await taskNodes(core.db, root)).filter((t) => t.year === year).map((t) => ({ code: t.code, title: t.title }));
    return send(
      reply,
      <FindingsStaffPage ctx={pageContext(req, reply)} year={year} rows={await listFindings(core.db, root, year)} unitName={(id) => names.get(id) ?? ''} units={await unitOptions(root)} tasks={tasks} today={today()} {...over} />,
      status,
    );
  }

  app.get(`${BASE}/findings`, office, async (req, reply) => renderFindings(req, reply));

  app.post(`${BASE}/findings`, office, async (req, reply) => {
    const form = new FormReader(req.body);
    const input = {
      kind: form.raw('kind').trim(),
      source: form.text('source', { label: '名称' }),
      unitId: form.raw('unitId').trim(),
      taskCode: form.raw('taskCode').trim(),
      foundOn: form.raw('foundOn').trim(),
      finding: form.text('finding', { label: '问题' }),
      measures: form.text('measures', { label: '整改要求' }),
      rectifyBy: form.raw('rectifyBy').trim(),
    };
    const root = req.user!.rootUnitId;
    const units = await unitOptions(root);
    const tasks = await taskNodes(core.db, root);
    const result = await createFinding(core, actorOf(req), root, ids(units), tasks, input);
    if (!result.ok) return renderFindings(req, reply, 400, { form: { values: input, errors: result.errors ?? {} }, year: /^\d{4}-/.test(input.foundOn) ? Number(input.foundOn.slice(0, 4)) : undefined });
    setFlash(reply, '已登记并公开。');
    return reply.redirect(`${BASE}/findings?year=${result.finding.foundOn.slice(0, 4)}`, 303);
  });

  app.post(`${BASE}/findings/:code/rectify`, office, async (req, reply) => {
    const { code } = req.params as { code: string };
    if (!CODE.test(code)) throw new NotFoundError('该问题不存在。');
    const form = new FormReader(req.body);
    const d = `rectifiedOn_${code}`;
    const r = `result_${code}`;
    const input = { rectifiedOn: form.raw(d).trim(), result: form.text(r, { label: '整改结果' }) };
    const result = await rectifyFinding(core, actorOf(req), code, input, req.user!.rootUnitId);
    if (!result.ok && result.errors) {
      const errors: FieldErrors = {};
      if (result.errors.rectifiedOn) errors[d] = result.errors.rectifiedOn;
      if (result.errors.result) errors[r] = result.errors.result;
      return renderFindings(req, reply, 400, { rectify: { code, values: { [d]: input.rectifiedOn, [r]: input.result }, errors } });
    }
    if (!result.ok) return renderFindings(req, reply, 409, { refusals: result.refusals });
    setFlash(reply, '整改结果已登记并公开。');
    return reply.redirect(`${BASE}/findings`, 303);
  });

  // ------------------------------------------------------------------ 常务会议、专题会议

  async function renderMeetings(req: FastifyRequest, reply: FastifyReply, status = 200, form?: Form & { codes?: string[] }, year = yearOf(req)) {
    const root = req.user!.rootUnitId;
    const decisions = (await meetingChoices(core, root, year)).map((d) => ({ code: d.code, title: d.title }));
    return send(reply, <MeetingsStaffPage ctx={pageContext(req, reply)} year={year} rows={await listMeetings(core.db, root, year)} decisions={decisions} form={form} />, status);
  }

  app.get(`${BASE}/meetings`, office, async (req, reply) => renderMeetings(req, reply));

  app.post(`${BASE}/meetings`, office, async (req, reply) => {
    const form = new FormReader(req.body);
    const input = {
      kind: form.raw('kind').trim(),
      name: form.text('name', { label: '会议名称' }),
      heldOn: form.raw('heldOn').trim(),
      topics: form.text('topics', { label: '议题' }),
      attendees: form.text('attendees', { label: '列席人员' }),
      summary: form.text('summary', { label: '会议纪要' }),
      interpretation: form.text('interpretation', { label: '解读' }),
      decisionCodes: [] as string[],
    };
    // Any value is read; the rule refuses codes that are not the city's decisions.
    const raw = (req.body as Record<string, unknown> | undefined)?.decisionCodes;
    input.decisionCodes = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string').slice(0, 50);
    const result = await createMeeting(core, actorOf(req), req.user!.rootUnitId, input);
    if (!result.ok) {
      const { decisionCodes, ...values } = input;
      return renderMeetings(req, reply, 400, { values, codes: decisionCodes, errors: result.errors ?? {} }, /^20\d\d-/.test(input.heldOn) ? Number(input.heldOn.slice(0, 4)) : yearOf(req));
    }
    setFlash(reply, `已登记并公开“${result.meeting.name}”。`);
    return reply.redirect(`${BASE}/meetings?year=${result.meeting.heldOn.slice(0, 4)}`, 303);
  });
}
