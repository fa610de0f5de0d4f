// The openness office's board: open items by level and time left, late responses, items per unit.
// Pure: it takes the items with their timers already worked out at one instant.
import type { Timer } from './timers.ts';

export interface BoardItem {
  code: string;
  title: string;
  level: string;
  levelOrder: number;
  unit: string;
  open: boolean;
  timers: Timer[];
}

export interface Board {
  byLevel: { level: string; open: number; overdue: number }[];
  /** Open items, the most urgent (least time left) first. */
  open: (BoardItem & { left: number | null; overdue: boolean })[];
  /** Items with a timer past due: still open, or answered late. */
  late: BoardItem[];
  perUnit: { unit: string; total: number; open: number; late: number }[];
}

const isLate = (t: Timer) => t.status === 'overdue' || t.status === 'met_late';

export function buildBoard(items: BoardItem[], levels: string[]): Board {
  const open = items
    .filter((i) => i.open)
    .map((i) => {
      const pending = i.timers.filter((t) => t.msLeft !== null).map((t) => t.msLeft!);
      const left = pending.length ? Math.min(...pending) : null;
      return { ...i, left, overdue: i.timers.some((t) => t.status === 'overdue') };
    })
    .sort((a, b) => (a.left ?? Infinity) - (b.left ?? Infinity) || a.code.localeCompare(b.code));
  const byLevel = levels.map((level) => ({ level, open: open.filter((i) => i.level === level).length, overdue: open.filter((i) => i.level === level && i.overdue).length }));
  const late = items.filter((i) => i.timers.some(isLate));
  const units = new Map<string, { unit: string; total: number; open: number; late: number }>();
  for (const i of items) {
    const u = units.get(i.unit) ?? { unit: i.unit, total: 0, open: 0, late: 0 };
    u.total++;
    if (i.open) u.open++;
    if (i.timers.some(isLate)) u.late++;
    units.set(i.unit, u);
  }
  const perUnit = [...units.values()].sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit, 'zh'));
  return { byLevel, open, late, perUnit };
}
