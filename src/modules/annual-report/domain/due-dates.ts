// When each unit's annual report is due (《政府信息公开条例》第四十九条). Pure: `today` is an argument.

export type ReportingUnitType = 'government' | 'department' | 'township' | 'other';

export interface DueDate {
  /** Last day to publish, 'YYYY-MM-DD'. */
  dueOn: string;
  /** The rule, for the page. */
  basis: string;
}

/** The due date of the report on `year` for a unit of this type. */
export function reportDueDate(unit: { type: ReportingUnitType; isRoot: boolean }, year: number): DueDate {
  const next = year + 1;
  if (unit.isRoot || unit.type === 'government') {
    // 第四十九条: 县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度年度报告.
    return { dueOn: `${next}-03-31`, basis: '《政府信息公开条例》第四十九条：本级政府年度报告每年3月31日前公布' };
  }
  if (unit.type === 'township') {
    // Not named in 第四十九条; common practice follows the departments' date (regulation.md §1.7, UNVERIFIED).
    return { dueOn: `${next}-01-31`, basis: '乡镇（街道）参照《政府信息公开条例》第四十九条部门年报的时间，每年1月31日前公布（以省、市规定为准）' };
  }
  // 第四十九条: 县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布.
  return { dueOn: `${next}-01-31`, basis: '《政府信息公开条例》第四十九条：部门年度报告每年1月31日前提交并公布' };
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export type DeadlineState = 'published' | 'published_late' | 'open' | 'due_soon' | 'overdue';

export const DEADLINE_STATES: readonly DeadlineState[] = ['overdue', 'due_soon', 'open', 'published_late', 'published'];

export const DEADLINE_LABELS: Record<DeadlineState, string> = {
  published: '已按时发布',
  published_late: '逾期发布',
  open: '未到期',
  due_soon: '即将到期',
  overdue: '已逾期',
};

/** Where a report stands against its due date. `publishedOn` is the publication day, if published. */
export function deadlineState(dueOn: string, today: string, publishedOn: string | null): { state: DeadlineState; daysLeft: number } {
  const daysLeft = daysBetween(today, dueOn);
  if (publishedOn) return { state: publishedOn <= dueOn ? 'published' : 'published_late', daysLeft };
  if (daysLeft < 0) return { state: 'overdue', daysLeft };
  return { state: daysLeft <= 15 ? 'due_soon' : 'open', daysLeft };
}

/**
 * Why a report on `year` may not be published on `today`, or null when it may. A 年度报告 reports on a
 * whole calendar year (《政府信息公开条例》第四十九条：上一年度), so it can be drafted during the year but
 * published only from 1 January of the next.
 */
export function publicationTooEarly(year: number, today: string): string | null {
  const firstDay = `${year + 1}-01-01`;
  if (today >= firstDay) return null;
  return `${year}年度尚未结束，年度报告可以先保存草稿，${firstDay.replace(/^(\d{4})-01-01$/, '$1年1月1日')}起方可发布。`;
}

/** The report year staff work on by default: the last full calendar year before `today`. */
export function defaultReportYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}
