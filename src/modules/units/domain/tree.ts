// The unit tree: display order and the rule that a unit never sits under itself.

export interface TreeUnit {
  id: number;
  parentId: number | null;
  sortOrder: number;
  name: string;
}

/**
 * Depth-first order, siblings by sort order then id. Units whose parent is not in the list are
 * treated as tops (e.g. a unit admin's single unit). A unit on a cycle is listed once.
 */
export function flattenTree<T extends TreeUnit>(units: readonly T[]): { unit: T; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, T[]>();
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) && u.parentId !== u.id ? u.parentId : null;
    const list = children.get(key) ?? [];
    list.push(u);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const out: { unit: T; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  // Units only reachable through a cycle (corrupt data) still appear, at the top level.
  for (const u of units) if (!seen.has(u.id)) {
    seen.add(u.id);
    out.push({ unit: u, depth: 0 });
    walk(u.id, 1);
  }
  return out;
}

/** Ids of every unit below `id` (not including it). */
export function descendantIds(units: readonly TreeUnit[], id: number): Set<number> {
  const below = new Set<number>();
  const queue = [id];
  while (queue.length) {
    const current = queue.shift()!;
    for (const u of units) {
      if (u.parentId === current && !below.has(u.id) && u.id !== id) {
        below.add(u.id);
        queue.push(u.id);
      }
    }
  }
  return below;
}

/** Why `unitId` may not be moved under `newParentId`, or undefined when the move is fine. */
export function parentProblem(units: readonly TreeUnit[], unitId: number, newParentId: number): string | undefined {
  if (newParentId === unitId) return '上级单位不能是本单位';
  if (descendantIds(units, unitId).has(newParentId)) {
    const name = units.find((u) => u.id === newParentId)?.name ?? '';
    return `上级单位不能是本单位的下级单位${name ? `（「${name}」）` : ''}`;
  }
  return undefined;
}
