// Every unit's report of a year with its deadline: the openness office's dashboard and the staff home.
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { WorkItem } from '../../core/work-queue.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { findUnitById, listUnitsOfRoot, UNIT_TYPE_LABELS } from '../units/index.ts';
import { listReportsForYear, listReportsOfUnit } from './data/repository.ts';
import { deadlineState, defaultReportYear } from './domain/due-dates.ts';
import { canSeeDashboard, reportAccess } from './domain/access.ts';
import { staffBase } from './domain/paths.ts';
import { dueDateOf } from './http/common.ts';
import type { DashboardRow } from './views/staff-reports.tsx';

export async function dashboardRows(core: Core, rootUnitId: number, year: number, today: string): Promise<DashboardRow[]> {
  const units = await listUnitsOfRoot(core.db, rootUnitId);
  const reports = new Map((await listReportsForYear(core.db, units.map((u) => u.id), year)).map((r) => [r.unitId, r]));
  return units.map((u) => {
    const r = reports.get(u.id);
    const due = dueDateOf(u, year);
    return {
      unitName: u.name,
      unitSlug: u.slug,
      typeLabel: UNIT_TYPE_LABELS[u.type],
      dueOn: due.dueOn,
      state: r?.state ?? null,
      source: r?.source ?? null,
      publishedOn: r?.publishedOn ?? null,
      deadline: deadlineState(due.dueOn, today, r?.publishedOn ?? null),
    };
  });
}

/** Rows shown with 「只看未发布」: every unit whose report of the year is not published. */
export const isPending = (r: DashboardRow) => r.state !== 'published';

const toneOf = (s: DashboardRow['deadline']['state']): WorkItem['tone'] => (s === 'overdue' ? 'overdue' : s === 'due_soon' ? 'soon' : undefined);

/** The staff home's part: the person's own unit's report of last year, and for the office every unit's. */
export async function annualReportWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  const today = shanghaiToday(core.clock.now());
  const year = defaultReportYear(today);
  const out: WorkItem[] = [];
  const unit = await findUnitById(core.db, user.unitId);
  if (unit && reportAccess(user, unit).edit) {
    const report = (await listReportsOfUnit(core.db, unit.id)).find((r) => r.year === year);
    if (report?.state !== 'published') {
      const due = dueDateOf(unit, year);
      const d = deadlineState(due.dueOn, today, null);
      out.push({
        group: 'unit',
        label: `本单位${year}年度报告${report ? '（草稿）' : ''}未发布，应于${due.dueOn}前发布${d.state === 'overdue' ? `，已逾期${-d.daysLeft}天` : ''}`,
        count: 1,
        href: staffBase(unit.slug),
        tone: toneOf(d.state),
      });
    }
  }
  if (canSeeDashboard(user)) {
    const rows = await dashboardRows(core, user.rootUnitId, year, today);
    const pending = rows.filter(isPending);
    const overdue = pending.filter((r) => r.deadline.state === 'overdue').length;
    out.push({
      group: 'city',
      label: `${year}年度报告未发布的单位（共${rows.length}个${overdue ? `，其中${overdue}个已逾期` : ''}）`,
      count: pending.length,
      href: `/staff/annual-reports?year=${year}&pending=1`,
      tone: overdue ? 'overdue' : undefined,
    });
  }
  return out;
}
