// State-changing verbs of 执行公开 and 结果公开 beyond progress reports: key tasks entered and changed
// by staff, 建议提案办理, and 督查/审计 findings with their rectification. validate → domain rule → one
// transaction with its audit row (and the search entry); refusals come back as readable reasons.
import { tasksChanged } from './service-read.ts';
import type { Core } from '../../core/services.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { publicPagesChanged } from './deps.ts';
import { DEFAULT_REPORT_EVERY_DAYS } from './domain/progress.ts';
import { validateTask, type TaskInput } from './domain/tasks.ts';
import { defaultReplyDue, validateProposal, validatePublication, validateReply, type ProposalInput, type PublishProposalInput, type ReplyInput } from './domain/proposals.ts';
import { validateFinding, validateRectification, type FindingInput } from './domain/findings.ts';
import { validateMeeting, type MeetingInput } from './domain/meetings.ts';
import {
  findFindingByCode,
  findProposalByCode,
  findTaskByCode,
  insertFinding,
  insertMeeting,
  listDecisions,
  listSteps,
  insertProposal,
  insertTask,
  maxTaskOrder,
  taskNodes,
  updateFinding,
  updateProposal,
  updateTask,
  type FindingRow,
  type MeetingRow,
  type ProposalRow,
  type TaskRow,
} from './data/repository.ts';
import { refreshProposalSearch, refreshTaskSearch } from './data/search-index.ts';
import { newCode, type Outcome } from './service.ts';

const today = (core: Core) => shanghaiToday(core.clock.now());

export const emptyTaskInput = (year: string): TaskInput => ({ year, title: '', source: `${year}年市政府工作报告`, parentCode: '', leadUnitId: '', supportingUnits: '', steps: '', startsOn: '', dueOn: '', reportEveryDays: String(DEFAULT_REPORT_EVERY_DAYS) });

export const taskInputOf = (t: TaskRow, parentCode: string): TaskInput => ({
  year: String(t.year),
  title: t.title,
  source: t.source,
  parentCode,
  leadUnitId: String(t.leadUnitId),
  supportingUnits: t.supportingUnits,
  steps: t.steps,
  startsOn: t.startsOn,
  dueOn: t.dueOn,
  reportEveryDays: String(t.reportEveryDays),
});

const taskFields = (input: TaskInput, parentId: number | null) => ({
  parentId,
  title: input.title.trim(),
  source: input.source.trim(),
  steps: input.steps.trim(),
  leadUnitId: Number(input.leadUnitId),
  supportingUnits: input.supportingUnits.trim(),
  startsOn: input.startsOn,
  dueOn: input.dueOn,
  reportEveryDays: Number(input.reportEveryDays.trim()),
});

/** A new key task (top level or a sub-task), listed after the year's others; public at once. */
export async function createTask(core: Core, actor: Actor, rootUnitId: number, unitIds: Set<number>, input: TaskInput): Promise<Outcome<{ task: TaskRow }>> {
  return core.db.transaction(async (tx) => {
    const nodes = await taskNodes(tx, rootUnitId);
    const errors = validateTask(input, unitIds, nodes);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const year = Number(input.year.trim());
    const parent = input.parentCode ? nodes.find((n) => n.code === input.parentCode.trim()) : undefined;
    const task = await insertTask(tx, { publicCode: newCode('zd'), rootUnitId, year, sortOrder: (await maxTaskOrder(tx, rootUnitId, year)) + 1, ...taskFields(input, parent?.id ?? null) });
    await refreshTaskSearch(tx, task.id);
    await writeAudit(tx, actor, { action: 'decisions.task-created', targetType: 'decision_task', targetId: task.publicCode, unitId: task.leadUnitId, summary: { after: { title: task.title, year, dueOn: task.dueOn, parent: parent?.code ?? null } } }, core.clock.now());
    publicPagesChanged();
    return { ok: true as const, task };
  }).finally(() => tasksChanged(core));
}

/** Changes a task (not its year); its reports stay. */
export async function updateTaskDetails(core: Core, actor: Actor, code: string, unitIds: Set<number>, input: TaskInput): Promise<Outcome<{ task: TaskRow }>> {
  return core.db.transaction(async (tx) => {
    const before = await findTaskByCode(tx, code);
    if (!before) return { ok: false as const, refusals: ['该重点工作不存在。'] };
    const nodes = await taskNodes(tx, before.rootUnitId);
    const self = nodes.find((n) => n.id === before.id)!;
    const errors = validateTask(input, unitIds, nodes, self);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const parent = input.parentCode ? nodes.find((n) => n.code === input.parentCode.trim()) : undefined;
    const set = taskFields(input, parent?.id ?? null);
    await updateTask(tx, before.id, set);
    await refreshTaskSearch(tx, before.id);
    const changed = Object.fromEntries(Object.entries(set).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v));
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await writeAudit(tx, actor, { action: 'decisions.task-updated', targetType: 'decision_task', targetId: before.publicCode, unitId: set.leadUnitId, summary: { before: was, after: changed } }, core.clock.now());
    publicPagesChanged();
    return { ok: true as const, task: { ...before, ...set } };
  }).finally(() => tasksChanged(core));
}

// ------------------------------------------------------------------ 建议提案办理

/** Registers a 建议 or 提案 as assigned (交办) to its 主办单位; due three months later unless the form says otherwise. */
export async function createProposal(core: Core, actor: Actor, rootUnitId: number, unitIds: Set<number>, input: ProposalInput): Promise<Outcome<{ proposal: ProposalRow }>> {
  const errors = validateProposal(input, unitIds, today(core));
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const proposal = await insertProposal(tx, {
      publicCode: newCode('ja'),
      rootUnitId,
      kind: input.kind as ProposalRow['kind'],
      year: Number(input.year.trim()),
      number: input.number.trim(),
      title: input.title.trim(),
      proposer: input.proposer.trim(),
      leadUnitId: Number(input.leadUnitId),
      supportingUnits: input.supportingUnits.trim(),
      assignedOn: input.assignedOn,
      dueOn: input.dueOn || defaultReplyDue(input.assignedOn),
      createdAt: core.clock.now(),
    });
    if (!proposal) return { ok: false as const, errors: { number: `${input.year.trim()}年已登记过第${input.number.trim()}号，请核对编号` } };
    await writeAudit(tx, actor, { action: 'decisions.proposal-created', targetType: 'decision_proposal', targetId: proposal.publicCode, unitId: proposal.leadUnitId, summary: { after: { kind: proposal.kind, number: proposal.number, dueOn: proposal.dueOn } } }, core.clock.now());
    return { ok: true as const, proposal };
  });
}

/** The 主办单位 (or the office) enters the 办理复文. Once published the 复文 is fixed; an unsatisfied representative reopens it. */
export async function replyProposal(core: Core, actor: Actor, code: string, input: ReplyInput): Promise<Outcome> {
  return core.db.transaction(async (tx) => {
    const p = await findProposalByCode(tx, code, true);
    if (!p) return { ok: false as const, refusals: ['该建议提案不存在。'] };
    if (p.publishedOn) return { ok: false as const, refusals: ['办理结果已经公开，复文不能再修改。'] };
    if (p.repliedOn && p.satisfaction !== 'unsatisfied') return { ok: false as const, refusals: ['已经答复。代表（委员）表示不满意时才重新办理。'] };
    const errors = validateReply(input, p.assignedOn, today(core));
    if (Object.keys(errors).length) return { ok: false as const, errors };
    await updateProposal(tx, p.id, { repliedOn: input.repliedOn, result: input.result, replyText: input.replyText.trim(), repliedByName: actor.name, satisfaction: null });
    await writeAudit(tx, actor, { action: 'decisions.proposal-replied', targetType: 'decision_proposal', targetId: p.publicCode, unitId: p.leadUnitId, summary: { before: { repliedOn: p.repliedOn, result: p.result }, after: { repliedOn: input.repliedOn, result: input.result } } }, core.clock.now());
    return { ok: true as const };
  });
}

/** The office records the representative's satisfaction and publishes the result (全文、摘要 or not, with the reason). */
export async function publishProposal(core: Core, actor: Actor, code: string, input: PublishProposalInput): Promise<Outcome> {
  const errors = validatePublication(input);
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const p = await findProposalByCode(tx, code, true);
    if (!p) return { ok: false as const, refusals: ['该建议提案不存在。'] };
    if (p.publishedOn) return { ok: false as const, refusals: ['办理结果已经公开。'] };
    if (!p.repliedOn) return { ok: false as const, refusals: ['尚未答复，不能公开办理结果。'] };
    const now = core.clock.now();
    if (input.satisfaction === 'unsatisfied') {
      // 不满意: handled again (a new 复文), published after that.
      await updateProposal(tx, p.id, { satisfaction: 'unsatisfied' });
      await writeAudit(tx, actor, { action: 'decisions.proposal-reopened', targetType: 'decision_proposal', targetId: p.publicCode, unitId: p.leadUnitId, summary: { after: { satisfaction: 'unsatisfied' } } }, now);
      return { ok: true as const };
    }
    await updateProposal(tx, p.id, {
      satisfaction: input.satisfaction || null,
      publicity: input.publicity,
      publicSummary: input.publicity === 'summary' ? input.summary.trim() : null,
      withheldReason: input.publicity === 'none' ? input.withheldReason.trim() : null,
      publishedOn: today(core),
    });
    await refreshProposalSearch(tx, p.id);
    await writeAudit(tx, actor, { action: 'decisions.proposal-published', targetType: 'decision_proposal', targetId: p.publicCode, unitId: p.leadUnitId, summary: { after: { publicity: input.publicity, satisfaction: input.satisfaction || null } } }, now);
    publicPagesChanged();
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ 督查、审计

/** A finding recorded by the office is public at once, with its 整改 deadline. */
export async function createFinding(core: Core, actor: Actor, rootUnitId: number, unitIds: Set<number>, tasks: { id: number; code: string }[], input: FindingInput): Promise<Outcome<{ finding: FindingRow }>> {
  const errors = validateFinding(input, unitIds, new Set(tasks.map((t) => t.code)), today(core));
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const finding = await insertFinding(tx, {
      publicCode: newCode('dc'),
      rootUnitId,
      kind: input.kind as FindingRow['kind'],
      source: input.source.trim(),
      unitId: Number(input.unitId),
      taskId: input.taskCode ? tasks.find((t) => t.code === input.taskCode)!.id : null,
      foundOn: input.foundOn,
      finding: input.finding.trim(),
      measures: input.measures.trim(),
      rectifyBy: input.rectifyBy,
      recordedByName: actor.name,
      createdAt: core.clock.now(),
    });
    await writeAudit(tx, actor, { action: 'decisions.finding-recorded', targetType: 'decision_finding', targetId: finding.publicCode, unitId: finding.unitId, summary: { after: { kind: finding.kind, foundOn: finding.foundOn, rectifyBy: finding.rectifyBy } } }, core.clock.now());
    return { ok: true as const, finding };
  });
}

/** 整改完成: the date and what was corrected; recorded once. */
export async function rectifyFinding(core: Core, actor: Actor, code: string, input: { rectifiedOn: string; result: string }, rootUnitId: number): Promise<Outcome> {
  return core.db.transaction(async (tx) => {
    const f = await findFindingByCode(tx, code, true);
    if (!f || f.rootUnitId !== rootUnitId) return { ok: false as const, refusals: ['该问题不存在。'] };
    if (f.rectifiedOn) return { ok: false as const, refusals: ['整改情况已经登记。'] };
    const errors = validateRectification(input, f.foundOn, today(core));
    if (Object.keys(errors).length) return { ok: false as const, errors };
    await updateFinding(tx, f.id, { rectifiedOn: input.rectifiedOn, result: input.result.trim() });
    await writeAudit(tx, actor, { action: 'decisions.finding-rectified', targetType: 'decision_finding', targetId: f.publicCode, unitId: f.unitId, summary: { after: { rectifiedOn: input.rectifiedOn } } }, core.clock.now());
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ 常务会议、专题会议

/** The decisions a meeting may be linked to: the city's decisions of the meeting's year and the year before, with their 启动 date. */
export async function meetingChoices(core: Core, rootUnitId: number, year: number): Promise<{ id: number; code: string; title: string; launchedOn: string | null }[]> {
  const decisions = [...(await listDecisions(core.db, rootUnitId, year)), ...(await listDecisions(core.db, rootUnitId, year - 1))];
  const launches = (await listSteps(core.db, decisions.map((d) => d.id))).filter((s) => s.step === 'launch');
  return decisions.map((d) => ({ id: d.id, code: d.publicCode, title: d.title, launchedOn: launches.find((s) => s.decisionId === d.id)?.doneOn ?? null }));
}

/** Records a held meeting with its published 纪要 or 新闻稿, linked to the decisions it dealt with. Public at once. */
export async function createMeeting(core: Core, actor: Actor, rootUnitId: number, input: MeetingInput): Promise<Outcome<{ meeting: MeetingRow }>> {
  const year = /^\d{4}-/.test(input.heldOn) ? Number(input.heldOn.slice(0, 4)) : Number(today(core).slice(0, 4));
  const choices = await meetingChoices(core, rootUnitId, year);
  const errors = validateMeeting(input, choices, today(core));
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const meeting = await insertMeeting(
      tx,
      {
        publicCode: newCode('hy'),
        rootUnitId,
        kind: input.kind as MeetingRow['kind'],
        name: input.name.trim(),
        heldOn: input.heldOn,
        topics: input.topics.split('\n').map((s) => s.trim()).filter(Boolean).join('\n'),
        attendees: input.attendees.trim(),
        summary: input.summary.trim(),
        interpretation: input.interpretation.trim(),
        publishedOn: today(core),
        recordedByName: actor.name,
        createdAt: core.clock.now(),
      },
      choices.filter((c) => input.decisionCodes.includes(c.code)).map((c) => c.id),
    );
    await writeAudit(tx, actor, { action: 'decisions.meeting-recorded', targetType: 'decision_meeting', targetId: meeting.publicCode, unitId: rootUnitId, summary: { after: { name: meeting.name, heldOn: meeting.heldOn, decisions: input.decisionCodes } } }, core.clock.now());
    publicPagesChanged();
    return { ok: true as const, meeting };
  });
}
