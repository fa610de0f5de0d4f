// What waits for a person, gathered from every module for the staff home page. Each module counts with
// the same query as the list its link opens, so a number on the home page is the length of that list.
import type { Core } from './services.ts';
import type { CurrentUser } from './ui/context.ts';

export type WorkGroup = 'mine' | 'unit' | 'city';

export const WORK_GROUP_LABELS: Record<WorkGroup, string> = {
  mine: '待我处理',
  unit: '本单位',
  city: '全市概况',
};

export interface WorkItem {
  group: WorkGroup;
  /** What the count counts, e.g. 「待我审核的信息」. */
  label: string;
  count: number;
  /** The list of exactly these items. */
  href: string;
  /** overdue: late already; soon: due within days. Drives the colour and the order. */
  tone?: 'overdue' | 'soon';
}

export type WorkQueueSource = (core: Core, user: CurrentUser) => Promise<WorkItem[]>;

let sources: WorkQueueSource[] = [];

/** Set once at start-up from the module manifests. */
export function setWorkQueues(list: WorkQueueSource[]): void {
  sources = list;
}

const TONE_ORDER = { overdue: 0, soon: 1, none: 2 } as const;

/** Every module's items for this person, ordered: late first, then due soon, then the rest with work before the empty ones. */
export async function collectWorkQueue(core: Core, user: CurrentUser): Promise<WorkItem[]> {
  const all = (await Promise.all(sources.map((s) => s(core, user)))).flat();
  return all
    .map((item, i) => ({ item, i }))
    .sort((a, b) => TONE_ORDER[a.item.tone ?? 'none'] - TONE_ORDER[b.item.tone ?? 'none'] || Number(b.item.count > 0) - Number(a.item.count > 0) || a.i - b.i)
    .map((x) => x.item);
}
