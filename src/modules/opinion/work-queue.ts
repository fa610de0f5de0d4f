// The staff home page's part of 政务舆情. Counts come from listFor, the same filter as the list each
// link opens, so a number on the home page is the length of that list.
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { WorkItem } from '../../core/work-queue.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { canSeeItem, isOffice, loadItems, type ItemView } from './service.ts';
import { countPending } from './service-monitor.ts';

export type ListState = 'open' | 'overdue' | 'late' | 'closed';

/** The items of a list tab the user may see: open, open and past a deadline, ever late, closed. */
export async function listFor(core: Core, user: CurrentUser, state: ListState): Promise<ItemView[]> {
  const all = await loadItems(core, user.rootUnitId, { state: state === 'closed' ? 'closed' : state === 'late' ? undefined : 'open' });
  return all
    .filter((v) => canSeeItem(user, v.item))
    .filter((v) => (state === 'overdue' ? v.timers.some((t) => t.status === 'overdue') : state === 'late' ? v.timers.some((t) => t.status === 'overdue' || t.status === 'met_late') : true));
}

export async function opinionWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  const office = isOffice(user);
  if (!office && !hasRole(user, 'editor', 'reviewer', 'unit_admin')) return [];
  const group: WorkItem['group'] = office ? 'city' : 'unit';
  const [overdue, open] = await Promise.all([listFor(core, user, 'overdue'), listFor(core, user, 'open')]);
  const soon = open.some((v) => v.timers.some((t) => t.msLeft !== null && t.msLeft >= 0 && t.msLeft <= 6 * 3_600_000));
  const extra: WorkItem[] = [];
  if (office) {
    const candidates = await countPending(core.db, user.rootUnitId);
    extra.push({ group, label: '舆情监测：待处理线索', count: candidates, href: '/staff/opinion/monitor', tone: candidates ? 'soon' : undefined });
  }
  return [
    ...extra,
    { group, label: office ? '政务舆情：已超时未回应' : '政务舆情：本单位已超时未回应', count: overdue.length, href: '/staff/opinion?state=overdue', tone: overdue.length ? 'overdue' : undefined },
    { group, label: office ? '政务舆情：办理中' : '政务舆情：本单位办理中', count: open.length, href: '/staff/opinion?state=open', tone: soon ? 'soon' : undefined },
  ];
}
