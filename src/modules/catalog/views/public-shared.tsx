// Pieces shared by the public pages of the 政府信息公开 column.
import type { DomainRow, ItemRow } from '../data/repository.ts';

export function columnPath(unitSlug: string, part: '' | 'guide' | 'catalog' | 'catalog/history' | 'catalog/export.xlsx' | 'catalog/export.csv' | 'consultations' = ''): string {
  return part ? `/openness/${unitSlug}/${part}` : `/openness/${unitSlug}`;
}

/** An item's page; `fromUnit` (a slug) when linked from that unit's catalog, so the page's breadcrumb leads back there. */
export function itemPath(code: string, fromUnit?: string): string {
  return fromUnit ? `/openness/items/${code}?from=${encodeURIComponent(fromUnit)}` : `/openness/items/${code}`;
}

export interface DomainGroup {
  domain: DomainRow;
  count: number;
  level1: { name: string; items: ItemRow[] }[];
}

/** Items grouped domain → 一级事项, keeping the catalog's order (items arrive sorted by domain). */
export function groupItems(items: readonly ItemRow[], domains: readonly DomainRow[]): DomainGroup[] {
  const byId = new Map(domains.map((d) => [d.id, d]));
  const groups: DomainGroup[] = [];
  for (const item of items) {
    const domain = byId.get(item.domainId);
    if (!domain) continue;
    let g = groups.find((x) => x.domain.id === domain.id);
    if (!g) {
      g = { domain, count: 0, level1: [] };
      groups.push(g);
    }
    g.count++;
    let l1 = g.level1.find((x) => x.name === item.level1);
    if (!l1) {
      l1 = { name: item.level1, items: [] };
      g.level1.push(l1);
    }
    l1.items.push(item);
  }
  return groups;
}

/** Paragraphs of a text with line breaks. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split('\n')
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}
