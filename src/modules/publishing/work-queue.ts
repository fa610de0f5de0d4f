// The staff home page's part of 主动公开: review waiting for this person, and the unit's records by state.
// Counts use the queries of /staff/records, so each equals the list its link opens.
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { WorkItem } from '../../core/work-queue.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { listUnitsOfRoot } from '../units/index.ts';
import { listAwaitingReview, listReviewOwed } from './data/repository.ts';
import { listStaffRecords } from './data/staff-queries.ts';
import { canViewRecord, reviewUnitIds } from './http/staff-common.ts';

export async function publishingWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  if (hasRole(user, 'reviewer')) {
    const units = (await listUnitsOfRoot(core.db, user.rootUnitId, true)).filter((u) => !u.archivedAt);
    const awaiting = (await listAwaitingReview(core.db, reviewUnitIds(user, units))).filter((r) => r.submittedById !== user.id);
    out.push({ group: 'mine', label: '待我审核的信息', count: awaiting.length, href: '/staff/records#h-awaiting' });
  }
  if (hasRole(user, 'reviewer', 'unit_admin', 'openness_office')) {
    const owed = (await listReviewOwed(core.db, user.rootUnitId)).filter((r) => canViewRecord(user, r));
    if (owed.length) out.push({ group: 'mine', label: '紧急发布、待补充审核的信息', count: owed.length, href: '/staff/records#h-owed', tone: 'overdue' });
  }
  if (hasRole(user, 'editor', 'unit_admin')) {
    for (const [state, label] of [
      ['draft', '本单位草稿'],
      ['approved', '本单位已审核、待发布的信息'],
    ] as const) {
      const { total } = await listStaffRecords(core.db, { unitId: user.unitId, state, limit: 1, offset: 0 });
      out.push({ group: 'unit', label, count: total, href: `/staff/records?state=${state}` });
    }
  }
  return out;
}
