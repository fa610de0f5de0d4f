// The staff home page's part of 依申请公开: each count comes from listRequests with the filters of the
// list its link opens (/staff/requests?scope=…), so the two always agree.
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { WorkItem } from '../../core/work-queue.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { OPEN_STATES, type RequestState } from './domain/states.ts';
import { listRequests, type ListInput } from './service-read.ts';
import { STAFF_ROLES } from './http/access.ts';

interface Entry {
  group: WorkItem['group'];
  label: string;
  tone?: WorkItem['tone'];
  scope: 'mine' | 'unit' | 'city';
  state?: 'open' | RequestState;
  due?: 'due_soon' | 'overdue';
}

function hrefOf(e: Entry): string {
  const q = new URLSearchParams({ scope: e.scope });
  if (e.state) q.set('state', e.state);
  if (e.due) q.set('due', e.due);
  return `/staff/requests?${q}`;
}

export async function requestsWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  if (!hasRole(user, ...STAFF_ROLES)) return [];
  const entries: Entry[] = [
    { group: 'mine', scope: 'mine', label: '我承办的依申请公开：已超期', due: 'overdue', tone: 'overdue' },
    { group: 'mine', scope: 'mine', label: '我承办的依申请公开：3个工作日内到期', due: 'due_soon', tone: 'soon' },
    { group: 'mine', scope: 'mine', label: '我承办的依申请公开：办理中', state: 'open' },
  ];
  if (hasRole(user, 'editor', 'reviewer', 'unit_admin')) {
    entries.push({ group: 'unit', scope: 'unit', label: '本单位依申请公开：待确认受理', state: 'registered' });
    // 审核 → 办理 needs a 承办人, and only the unit admin (or the openness office) names one.
    entries.push({ group: hasRole(user, 'unit_admin') ? 'mine' : 'unit', scope: 'unit', label: '本单位依申请公开：待指定承办人', state: 'reviewing' });
    entries.push({ group: 'unit', scope: 'unit', label: '本单位依申请公开：已超期', due: 'overdue', tone: 'overdue' });
  }
  if (hasRole(user, 'openness_office', 'openness_head')) {
    entries.push({ group: 'city', scope: 'city', label: '全市依申请公开：已超期', due: 'overdue', tone: 'overdue' });
    entries.push({ group: 'city', scope: 'city', label: '全市依申请公开：3个工作日内到期', due: 'due_soon', tone: 'soon' });
    entries.push({ group: 'city', scope: 'city', label: '全市依申请公开：办理中', state: 'open' });
  }
  return Promise.all(
    entries.map(async (e) => {
      const input: ListInput = {
        unitId: e.scope === 'unit' ? user.unitId : undefined,
        handler: e.scope === 'mine' ? 'mine' : undefined,
        states: e.state === 'open' ? [...OPEN_STATES] : e.state ? [e.state] : undefined,
        due: e.due,
        pageSize: 1,
      };
      const { total } = await listRequests(core, user, input);
      return { group: e.group, label: e.label, count: total, href: hrefOf(e), tone: total ? e.tone : undefined };
    }),
  );
}
