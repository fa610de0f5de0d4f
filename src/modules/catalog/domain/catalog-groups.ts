// Arranging a catalog for reading: domain → 一级事项 → 二级事项, as catalogs are printed.

export interface DomainRef {
  id: number;
  name: string;
  slug: string;
  sortOrder: number;
}

export interface GroupedDomain<T> {
  domain: DomainRef;
  level1: { name: string; items: T[] }[];
  count: number;
}

/**
 * Groups items by domain (in the domains' order) and by 一级事项 (in the order each first appears);
 * items keep their given order inside a group. Domains without items are left out.
 */
export function groupCatalog<T extends { domainId: number; level1: string }>(domains: readonly DomainRef[], items: readonly T[]): GroupedDomain<T>[] {
  const byDomain = new Map<number, Map<string, T[]>>();
  for (const item of items) {
    let l1 = byDomain.get(item.domainId);
    if (!l1) byDomain.set(item.domainId, (l1 = new Map()));
    const list = l1.get(item.level1);
    if (list) list.push(item);
    else l1.set(item.level1, [item]);
  }
  return [...domains]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .filter((d) => byDomain.has(d.id))
    .map((domain) => {
      const level1 = [...byDomain.get(domain.id)!].map(([name, list]) => ({ name, items: list }));
      return { domain, level1, count: level1.reduce((n, g) => n + g.items.length, 0) };
    });
}

/** Item counts per domain id. */
export function countByDomain(items: readonly { domainId: number }[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const i of items) m.set(i.domainId, (m.get(i.domainId) ?? 0) + 1);
  return m;
}
