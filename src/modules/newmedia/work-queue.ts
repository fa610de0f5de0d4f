// The staff home page's part of 政务新媒体. Each count is the length of the list its link opens.
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { WorkItem } from '../../core/work-queue.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { isOffice, pendingRequests, registryFor, settingsOf, waitingForMe } from './service.ts';

export async function newmediaWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  const office = isOffice(user);
  if (!office && !hasRole(user, 'editor', 'reviewer', 'unit_admin')) return [];
  const today = shanghaiToday(core.clock.now());
  const [mine, silent, settings] = await Promise.all([waitingForMe(core.db, user), registryFor(core.db, user, today, 'silent'), settingsOf(core.db, user.rootUnitId)]);
  const group: WorkItem['group'] = office ? 'city' : 'unit';
  const items: WorkItem[] = [
    { group: 'mine', label: '待我审核的政务新媒体稿件', count: mine.length, href: '/staff/newmedia/posts?state=mine' },
    { group, label: `政务新媒体：超过${settings.silenceDays}天未更新的账号`, count: silent.length, href: '/staff/newmedia?show=silent', tone: silent.length ? 'overdue' : undefined },
  ];
  if (office) items.push({ group: 'city', label: '政务新媒体：待审核的开设、变更、关停、注销申请', count: (await pendingRequests(core.db, user.rootUnitId)).length, href: '/staff/newmedia/requests' });
  return items;
}
