// The staff home page's part of 行政执法公示: the unit's 执法决定 past their publication deadline, counted
// with the query of the list the link opens (/staff/powers/<unit>/decisions?overdue=1).
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { WorkItem } from '../../core/work-queue.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { findUnitById } from '../units/index.ts';
import { listUnitDecisions } from './data/repository.ts';

export async function powersWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  if (!hasRole(user, 'editor', 'unit_admin')) return [];
  const unit = await findUnitById(core.db, user.unitId);
  if (!unit) return [];
  const { total } = await listUnitDecisions(core.db, unit.id, { limit: 1, offset: 0, overdueBefore: shanghaiToday(core.clock.now()) });
  if (!total) return [];
  return [{ group: 'unit', label: '行政执法决定：逾期未公示', count: total, href: `/staff/powers/${unit.slug}/decisions?overdue=1`, tone: 'overdue' }];
}
