// The staff home page's part of 互动交流: what the dispatching office and the handling units must do next.
// Counts come from listItems with the filters of /staff/messages that the links open.
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { WorkItem } from '../../core/work-queue.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { listItems, type ListFilter } from './service-read.ts';
import { isDispatcher, today } from './service.ts';
import type { MessageState } from './domain/states.ts';

interface Entry {
  group: WorkItem['group'];
  label: string;
  state?: MessageState;
  due?: 'overdue';
  tone?: WorkItem['tone'];
}

export async function messagesWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  let entries: Entry[];
  if (isDispatcher(user)) {
    entries = [
      { group: 'city', label: '互动交流：承办单位已超期未回复', due: 'overdue', tone: 'overdue' },
      { group: 'mine', label: '互动交流：待派单', state: 'received' },
      { group: 'mine', label: '互动交流：退单待审核', state: 'return_requested' },
      { group: 'mine', label: '互动交流：终止待审核', state: 'termination_requested' },
      { group: 'mine', label: '互动交流：回复待审核', state: 'replied' },
      { group: 'mine', label: '互动交流：待回访', state: 'visiting' },
    ];
  } else if (hasRole(user, 'editor', 'reviewer', 'unit_admin')) {
    entries = [
      { group: 'unit', label: '互动交流：本单位已超期未回复', due: 'overdue', tone: 'overdue' },
      { group: 'unit', label: '互动交流：已派单待签收', state: 'dispatched' },
      { group: 'unit', label: '互动交流：本单位办理中', state: 'handling' },
    ];
  } else return [];
  const t = today(core);
  return Promise.all(
    entries.map(async (e) => {
      const f: ListFilter = { state: e.state ?? '', due: e.due ?? '', page: 1 };
      const { total } = await listItems(core, user, f, t);
      const q = new URLSearchParams();
      if (e.state) q.set('state', e.state);
      if (e.due) q.set('due', e.due);
      return { group: e.group, label: e.label, count: total, href: `/staff/messages?${q}`, tone: total ? e.tone : undefined };
    }),
  );
}
