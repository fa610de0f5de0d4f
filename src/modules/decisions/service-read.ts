// What the public and staff pages show, assembled from the tables and the pure rules: a dossier with
// its timeline, a year's key tasks with computed progress and flags.
import type { Core } from '../../core/services.ts';
import { consultationStatus, consultationsByIds, findConsultationById, listComments, publicUnitsOfRoot, type ConsultationRow, type ConsultationStatus, type CommentRow } from './deps.ts';
import { decisionStatus, isPastPlan, stepStates, type DecisionStatus, type StepView } from './domain/steps.ts';
import { nextReportDue, parentPercent, taskFlag, type TaskFlag } from './domain/progress.ts';
import { findMeetingById, latestPublishedProgress, listDecisions, listSteps, listTasks, meetingsOfDecision, type DecisionRow, type MeetingRow, type ProgressRow, type StepRow, type TaskRow } from './data/repository.ts';
import { toRecords } from './service.ts';
import { TtlCache } from '../../core/cache.ts';

export async function unitNames(core: Core, rootUnitId: number): Promise<Map<number, string>> {
  return new Map((await publicUnitsOfRoot(core, rootUnitId)).map((u) => [u.id, u.name]));
}

export interface DossierView {
  decision: DecisionRow;
  leadUnit: string;
  steps: StepRow[];
  views: StepView[];
  status: DecisionStatus;
  pastPlan: boolean;
  consultation: (ConsultationRow & { state: ConsultationStatus }) | null;
  comments: CommentRow[];
  /** 常务会议 and 专题会议 that dealt with it. */
  meetings: Pick<MeetingRow, 'publicCode' | 'name' | 'heldOn'>[];
  /** The meeting record the 集体讨论决定 step chose (older steps name theirs in their details). */
  decidedAt: MeetingRow | null;
}

export async function dossier(core: Core, decision: DecisionRow, today: string): Promise<DossierView> {
  const steps = await listSteps(core.db, [decision.id]);
  const records = toRecords(steps);
  const c = decision.consultationId ? await findConsultationById(core.db, decision.consultationId) : undefined;
  const consultation = c ? { ...c, state: consultationStatus(c, today) } : null;
  const names = await unitNames(core, decision.rootUnitId);
  return {
    decision,
    leadUnit: names.get(decision.leadUnitId) ?? '',
    steps,
    views: stepStates(records),
    status: decisionStatus(records, consultation?.state === 'open'),
    pastPlan: isPastPlan(decision.plannedOn, records, today),
    consultation,
    comments: c ? await listComments(core.db, c.id) : [],
    meetings: await meetingsOfDecision(core.db, decision.id),
    decidedAt: await (async () => {
      const id = steps.find((s) => s.step === 'collective')?.meetingId;
      return id ? ((await findMeetingById(core.db, id)) ?? null) : null;
    })(),
  };
}

export interface CatalogRow {
  decision: DecisionRow;
  leadUnit: string;
  status: DecisionStatus;
  pastPlan: boolean;
  consultationOpen: boolean;
  consultation: ConsultationRow | null;
}

/** The year's decisions as the catalog shows them, with open comment periods. */
export async function yearDecisions(core: Core, rootUnitId: number, year: number, today: string): Promise<CatalogRow[]> {
  const decisions = await listDecisions(core.db, rootUnitId, year);
  const steps = await listSteps(core.db, decisions.map((d) => d.id));
  const names = await unitNames(core, rootUnitId);
  const periods = new Map((await consultationsByIds(core.db, decisions.flatMap((d) => (d.consultationId ? [d.consultationId] : [])))).map((c) => [c.id, c]));
  const stepsOf = new Map<number, typeof steps>();
  for (const s of steps) stepsOf.set(s.decisionId, [...(stepsOf.get(s.decisionId) ?? []), s]);
  const out: CatalogRow[] = [];
  for (const d of decisions) {
    const records = toRecords(stepsOf.get(d.id) ?? []);
    const c = d.consultationId ? (periods.get(d.consultationId) ?? null) : null;
    const open = !!c && consultationStatus(c, today) === 'open';
    out.push({ decision: d, leadUnit: names.get(d.leadUnitId) ?? '', status: decisionStatus(records, open), pastPlan: isPastPlan(d.plannedOn, records, today), consultationOpen: open, consultation: c });
  }
  return out;
}

export interface TaskView {
  task: TaskRow;
  depth: number;
  leadUnit: string;
  percent: number;
  /** The percent is the average of the children's. */
  computed: boolean;
  latest: ProgressRow | null;
  flag: TaskFlag;
  nextReportOn: string;
}

/**
 * The computed year views, per instance of the application, for 60 s or until this instance changes a
 * task or a progress report (tasksChanged). Another instance's change shows within the minute.
 */
const taskViews = new WeakMap<Core, TtlCache<TaskView[]>>();

/** Call after a task or progress report was written (after the transaction committed). */
export function tasksChanged(core: Core): void {
  taskViews.get(core)?.clear();
}

/**
 * A year's key tasks in tree order (parents before their children). A leaf's percent is its latest
 * published report's; a parent's is the plain average of its children's (domain/progress.ts).
 * Cached: the results, work and task pages read it on every request.
 */
export async function yearTasks(core: Core, rootUnitId: number, year: number, today: string): Promise<TaskView[]> {
  let cache = taskViews.get(core);
  if (!cache) taskViews.set(core, (cache = new TtlCache<TaskView[]>(60_000, 200)));
  return cache.get(`${rootUnitId}:${year}:${today}`, () => computeYearTasks(core, rootUnitId, year, today));
}

async function computeYearTasks(core: Core, rootUnitId: number, year: number, today: string): Promise<TaskView[]> {
  const tasks = await listTasks(core.db, rootUnitId, year);
  const latest = new Map((await latestPublishedProgress(core.db, rootUnitId, year)).map((p) => [p.taskId, p]));
  const names = await unitNames(core, rootUnitId);
  const children = new Map<number | null, TaskRow[]>();
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) {
    const k = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(k, [...(children.get(k) ?? []), t]);
  }
  const out: TaskView[] = [];
  const percentOf = (t: TaskRow): number => {
    const kids = children.get(t.id) ?? [];
    return kids.length ? parentPercent(kids.map(percentOf)) : (latest.get(t.id)?.percent ?? 0);
  };
  const walk = (parent: number | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      const kids = children.get(t.id) ?? [];
      const l = latest.get(t.id) ?? null;
      const percent = percentOf(t);
      const flagLatest = kids.length ? { reportedOn: l?.reportedOn ?? today, percent } : l ? { reportedOn: l.reportedOn, percent: l.percent } : null;
      out.push({
        task: t,
        depth,
        leadUnit: names.get(t.leadUnitId) ?? '',
        percent,
        computed: kids.length > 0,
        latest: l,
        flag: taskFlag(t, flagLatest, today),
        nextReportOn: nextReportDue(t.startsOn, l?.reportedOn ?? null, t.reportEveryDays),
      });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
