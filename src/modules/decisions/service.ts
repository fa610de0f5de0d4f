// Each state-changing verb of 决策公开 and 执行公开: validate → domain rule → one transaction with its
// audit row. Refusals come back as reasons a person can read.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { tasksChanged } from './service-read.ts';
import type { Core } from '../../core/services.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { isValidIsoDate } from '../../core/calendar/working-days.ts';
import { countUnansweredOf, createConsultation, findConsultationById, type ConsultationInput, type ConsultationRow } from './deps.ts';
import { STEP_INFO, decisionStatus, publicationRefusals, stepProblems, type Step, type StepInput, type StepRecord } from './domain/steps.ts';
import { hearingErrors, type HearingDates } from './domain/hearing.ts';
import { validateProgress, type ProgressInput } from './domain/progress.ts';
import {
  findDecisionByCode,
  findMeetingById,
  linkMeeting,
  findProgress,
  findProgressByKey,
  findTaskById,
  insertCatalogVersion,
  insertDecision,
  insertProgressOnce,
  insertStep,
  listDecisions,
  listProgress,
  listSteps,
  nextCatalogVersion,
  setProgressState,
  updateDecision,
  type CatalogVersionRow,
  type DecisionRow,
  type MeetingRow,
  type ProgressRow,
  type StepRow,
  type TaskRow,
} from './data/repository.ts';
import type { CatalogEntry, StepDetails } from './data/schema.ts';
import { refreshDecisionSearch } from './data/search-index.ts';
import { publicPagesChanged } from './deps.ts';

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string>; refusals?: undefined } | { ok: false; refusals: string[]; errors?: undefined };

const today = (core: Core) => shanghaiToday(core.clock.now());

export function newCode(prefix: string): string {
  return prefix + crypto.randomBytes(6).toString('hex');
}

export const toRecords = (steps: StepRow[]): StepRecord[] => steps.map((s) => ({ step: s.step as Step, state: s.state, doneOn: s.doneOn, skipReason: s.skipReason }));

export interface DecisionInput {
  year: string;
  title: string;
  leadUnitId: string;
  basis: string;
  plannedOn: string;
  draft: string;
}

export function validateDecision(input: DecisionInput, unitIds: Set<number>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^20\d\d$/.test(input.year)) errors.year = '请填写年度，如 2026';
  if (!input.title.trim()) errors.title = '请填写决策事项名称';
  else if ([...input.title].length > 200) errors.title = '名称不能超过200个字';
  if (!/^\d{1,15}$/.test(input.leadUnitId) || !unitIds.has(Number(input.leadUnitId))) errors.leadUnitId = '请从列表中选择承办单位';
  if (!input.basis.trim()) errors.basis = '请填写决策依据';
  else if ([...input.basis].length > 2_000) errors.basis = '决策依据不能超过2000个字';
  if (input.plannedOn && !isValidIsoDate(input.plannedOn)) errors.plannedOn = '计划完成时间应为有效日期，格式如 2026-09-30';
  if ([...input.draft].length > 50_000) errors.draft = '决策草案不能超过50000个字';
  return errors;
}

export async function createDecision(core: Core, actor: Actor, rootUnitId: number, unitIds: Set<number>, input: DecisionInput): Promise<Outcome<{ decision: DecisionRow }>> {
  const errors = validateDecision(input, unitIds);
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const now = core.clock.now();
    const decision = await insertDecision(tx, {
      publicCode: newCode('jc'),
      rootUnitId,
      year: Number(input.year),
      title: input.title.trim(),
      leadUnitId: Number(input.leadUnitId),
      basis: input.basis.trim(),
      plannedOn: input.plannedOn || null,
      draft: input.draft.trim(),
      createdAt: now,
    });
    await refreshDecisionSearch(tx, decision.id);
    publicPagesChanged();
    await writeAudit(tx, actor, { action: 'decisions.created', targetType: 'decision', targetId: decision.publicCode, unitId: rootUnitId, summary: { after: { title: decision.title, year: decision.year } } }, now);
    return { ok: true as const, decision };
  });
}

export interface StepExtra {
  hearing?: HearingDates & { participants: string };
  meeting?: { name: string; topic: string; attendees: string };
  /** 集体讨论决定: the id of a recorded 常务会议 or 专题会议 (as typed in the form); the free fields are for meetings not recorded. */
  meetingId?: string;
}

/** Records one step as done (dated, with who did it) or skipped with a reason. */
export async function recordStep(core: Core, actor: Actor, code: string, step: Step, input: StepInput, extra: StepExtra = {}): Promise<Outcome> {
  return core.db.transaction(async (tx) => {
    const decision = await findDecisionByCode(tx, code, true);
    if (!decision) return { ok: false as const, refusals: ['该决策事项不存在。'] };
    const recorded = toRecords(await listSteps(tx, [decision.id]));
    const { errors, refusals } = stepProblems(step, input, recorded, today(core));
    const details: StepDetails = {};
    if (input.state === 'done' && step === 'hearing' && extra.hearing) {
      Object.assign(errors, hearingErrors(extra.hearing));
      if (!extra.hearing.participants.trim()) errors.participants = '请填写听证参加人名单（将提前向社会公布）';
      details.hearing = extra.hearing;
    }
    let meeting: MeetingRow | undefined;
    if (input.state === 'done' && step === 'collective' && extra.meetingId) {
      meeting = /^\d{1,15}$/.test(extra.meetingId) ? await findMeetingById(tx, Number(extra.meetingId)) : undefined;
      if (!meeting || meeting.rootUnitId !== decision.rootUnitId) errors.meetingId = '请从列表中选择会议';
      else if (input.doneOn && input.doneOn !== meeting.heldOn) errors.doneOn = `办理日期应为会议召开日期（${meeting.heldOn}）`;
    } else if (input.state === 'done' && step === 'collective' && extra.meeting) {
      if (!extra.meeting.name.trim()) errors.meetingName = '请从列表中选择会议；会议尚未登记的，请填写会议名称，如：市人民政府第35次常务会议';
      details.meeting = extra.meeting;
    }
    if (input.state === 'done' && step === 'participation' && !decision.consultationId) refusals.push('请先发布决策草案公开征求意见，再记录公众参与。');
    if (input.state === 'done' && step === 'publication') refusals.push('请通过“公布决策”填写决策文本和意见采纳情况说明。');
    if (refusals.length) return { ok: false as const, refusals };
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const now = core.clock.now();
    const skipped = input.state === 'skipped';
    const row = await insertStep(tx, {
      decisionId: decision.id,
      step,
      state: skipped ? 'skipped' : 'done',
      doneOn: skipped ? null : input.doneOn,
      actor: skipped ? '' : input.actor.trim(),
      summary: skipped ? '' : input.summary.trim(),
      documents: skipped ? '' : input.documents.trim(),
      skipReason: skipped ? input.skipReason.trim() : null,
      details,
      meetingId: meeting?.id ?? null,
      recordedByName: actor.name,
      recordedAt: now,
    });
    if (row && meeting) await linkMeeting(tx, meeting.id, decision.id);
    if (!row) return { ok: false as const, refusals: [`“${STEP_INFO[step].label}”已经记录，不能重复记录。`] };
    await writeAudit(
      tx,
      actor,
      { action: 'decisions.step-recorded', targetType: 'decision', targetId: decision.publicCode, unitId: decision.rootUnitId, summary: { after: { step, state: row.state, doneOn: row.doneOn, skipReason: row.skipReason } } },
      now,
    );
    return { ok: true as const };
  });
}

/** Publishes the draft for comment through the shared comment-period capability (30 days unless urgent). */
export async function openDecisionConsultation(core: Core, actor: Actor, decision: DecisionRow, input: ConsultationInput): Promise<Outcome<{ consultation: ConsultationRow }>> {
  if (decision.consultationId) return { ok: false, refusals: ['该决策草案已经公开征求过意见。'] };
  const steps = toRecords(await listSteps(core.db, [decision.id]));
  if (!steps.some((s) => s.step === 'launch')) return { ok: false, refusals: ['请先记录“决策启动”，再公开征求意见。'] };
  let raced = false;
  const result = await createConsultation(core, actor, { id: decision.leadUnitId }, input, 'decision', async (tx, c) => {
    const locked = await findDecisionByCode(tx, decision.publicCode, true);
    if (locked?.consultationId) {
      raced = true;
      throw new Error('raced');
    }
    await updateDecision(tx, decision.id, { consultationId: c.id });
  }).catch((e: unknown) => {
    if (raced) return { ok: false as const, refusals: ['该决策草案已经公开征求过意见。'] };
    throw e;
  });
  return result;
}

export interface PublishInput {
  docNo: string;
  publishedOn: string;
  decisionText: string;
  explanation: string;
}

/** 决策公布: refused while comments are unanswered or their answers unpublished (第三十二条). */
export async function publishDecision(core: Core, actor: Actor, code: string, input: PublishInput): Promise<Outcome> {
  const errors: Record<string, string> = {};
  if (!input.publishedOn) errors.publishedOn = '请填写公布日期';
  else if (!isValidIsoDate(input.publishedOn)) errors.publishedOn = '公布日期应为有效日期，格式如 2026-07-01';
  else if (input.publishedOn > today(core)) errors.publishedOn = `公布日期不能晚于今天（${today(core)}）`;
  if (!input.decisionText.trim()) errors.decisionText = '请填写决策内容';
  if ([...input.docNo].length > 100) errors.docNo = '文号不能超过100个字';
  if (!input.explanation.trim()) errors.explanation = '请填写公众意见、专家意见的采纳情况说明';
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const decision = await findDecisionByCode(tx, code, true);
    if (!decision) return { ok: false as const, refusals: ['该决策事项不存在。'] };
    if (decision.publishedOn) return { ok: false as const, refusals: ['该决策已经公布。'] };
    const recorded = toRecords(await listSteps(tx, [decision.id]));
    const c = decision.consultationId ? await findConsultationById(tx, decision.consultationId) : undefined;
    const state = c ? { closed: !!c.closedAt, unanswered: await countUnansweredOf(tx, c.id), endsOn: c.endsOn } : null;
    const refusals = publicationRefusals(recorded, state, input.explanation);
    const collective = recorded.find((r) => r.step === 'collective');
    if (collective?.doneOn && input.publishedOn < collective.doneOn) return { ok: false as const, errors: { publishedOn: `公布日期不能早于集体讨论决定的日期（${collective.doneOn}）` } };
    if (refusals.length) return { ok: false as const, refusals };
    const now = core.clock.now();
    await updateDecision(tx, decision.id, { docNo: input.docNo.trim() || null, decisionText: input.decisionText.trim(), adoptionExplanation: input.explanation.trim(), publishedOn: input.publishedOn });
    await insertStep(tx, {
      decisionId: decision.id,
      step: 'publication',
      state: 'done',
      doneOn: input.publishedOn,
      actor: '市人民政府',
      summary: `通过政府网站公布${input.docNo.trim() ? `（${input.docNo.trim()}）` : ''}。`,
      documents: '',
      details: {},
      recordedByName: actor.name,
      recordedAt: now,
    });
    await refreshDecisionSearch(tx, decision.id);
    publicPagesChanged();
    await writeAudit(tx, actor, { action: 'decisions.published', targetType: 'decision', targetId: decision.publicCode, unitId: decision.rootUnitId, summary: { after: { docNo: input.docNo, publishedOn: input.publishedOn } } }, now);
    return { ok: true as const };
  });
}

/** Publishes the year's 重大行政决策事项目录 as a new version: a snapshot of every decision of the year. */
export async function publishCatalog(
  core: Core,
  actor: Actor,
  rootUnitId: number,
  year: number,
  reason: string,
  unitName: (id: number) => string,
): Promise<Outcome<{ version: CatalogVersionRow }>> {
  if (!reason.trim()) return { ok: false, errors: { reason: '请填写本版说明，如：首次发布、新增两项决策事项' } };
  if ([...reason].length > 500) return { ok: false, errors: { reason: '本版说明不能超过500个字' } };
  return core.db.transaction(async (tx) => {
    await tx.execute(sqlLock(rootUnitId, year));
    const decisions = await listDecisions(tx, rootUnitId, year);
    if (!decisions.length) return { ok: false as const, refusals: [`${year}年还没有登记重大行政决策事项。`] };
    const steps = await listSteps(tx, decisions.map((d) => d.id));
    const entries: CatalogEntry[] = decisions.map((d) => ({
      code: d.publicCode,
      title: d.title,
      leadUnit: unitName(d.leadUnitId),
      basis: d.basis,
      plannedOn: d.plannedOn,
      status: decisionStatus(toRecords(steps.filter((s) => s.decisionId === d.id)), false),
    }));
    const now = core.clock.now();
    const version = await insertCatalogVersion(tx, {
      rootUnitId,
      year,
      version: await nextCatalogVersion(tx, rootUnitId, year),
      entries,
      reason: reason.trim(),
      publishedOn: today(core),
      publishedByName: actor.name,
      publishedAt: now,
    });
    await writeAudit(tx, actor, { action: 'decisions.catalog-published', targetType: 'decision_catalog', targetId: `${year}-v${version.version}`, unitId: rootUnitId, summary: { after: { year, version: version.version, entries: entries.length } } }, now);
    return { ok: true as const, version };
  });
}

// One catalog publication at a time per city and year, so two never take the same version number.
const sqlLock = (rootUnitId: number, year: number) => sql`select pg_advisory_xact_lock(${rootUnitId}, ${year})`;

/** A progress report by the responsible unit; stored once per submission key, waiting for review. */
export async function submitProgress(core: Core, actor: Actor, task: TaskRow, input: ProgressInput & { submissionKey: string }): Promise<Outcome<{ progress: ProgressRow; duplicate: boolean }>> {
  const key = /^[A-Za-z0-9_-]{16,64}$/.test(input.submissionKey) ? input.submissionKey : crypto.randomBytes(18).toString('base64url');
  const earlier = await findProgressByKey(core.db, key);
  if (earlier) return earlier.taskId === task.id ? { ok: true, progress: earlier, duplicate: true } : { ok: false, refusals: ['页面已过期，请刷新页面后重新提交。'] };
  const published = await listProgress(core.db, [task.id], true);
  const previous = published.length ? published[published.length - 1]!.percent : null;
  const errors = validateProgress(input, today(core), previous);
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    const now = core.clock.now();
    const progress = await insertProgressOnce(tx, {
      taskId: task.id,
      submissionKey: key,
      reportedOn: input.reportedOn,
      percent: Number(input.percent),
      done: input.done.trim(),
      problems: input.problems.trim(),
      nextSteps: input.nextSteps.trim(),
      submittedByName: actor.name,
      submittedAt: now,
    });
    if (!progress) return { ok: true as const, progress: (await findProgressByKey(tx, key))!, duplicate: true };
    await writeAudit(tx, actor, { action: 'decisions.progress-submitted', targetType: 'decision_task', targetId: task.publicCode, unitId: task.leadUnitId, summary: { after: { reportedOn: input.reportedOn, percent: progress.percent } } }, now);
    return { ok: true as const, progress, duplicate: false };
  }).finally(() => tasksChanged(core));
}

/** The openness office publishes a report, or returns it with a note for the unit to correct. */
export async function reviewProgress(core: Core, actor: Actor, rootUnitId: number, id: number, decision: string, note: string): Promise<Outcome> {
  if (decision !== 'publish' && decision !== 'return') return { ok: false, errors: { decision: '请选择“公开”或“退回修改”' } };
  if (decision === 'return' && !note.trim()) return { ok: false, errors: { note: '退回时请说明需要修改的地方' } };
  return core.db.transaction(async (tx) => {
    const p = await findProgress(tx, id, true);
    const task = p ? await findTaskById(tx, p.taskId) : undefined;
    if (!p || task?.rootUnitId !== rootUnitId) return { ok: false as const, refusals: ['该进展报告不存在。'] };
    if (p.state !== 'submitted') return { ok: false as const, refusals: ['该进展报告已经审核过。'] };
    const now = core.clock.now();
    const state = decision === 'publish' ? 'published' : 'returned';
    await setProgressState(tx, p.id, { state, reviewNote: note.trim() || null, reviewedByName: actor.name, reviewedAt: now });
    await writeAudit(tx, actor, { action: 'decisions.progress-reviewed', targetType: 'decision_progress', targetId: p.id, unitId: null, summary: { before: { state: p.state }, after: { state, note: note.trim() } } }, now);
    return { ok: true as const };
  }).finally(() => tasksChanged(core));
}
