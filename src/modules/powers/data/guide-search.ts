// 办事指南 in the platform search (CJK bigrams, ARCHITECTURE §1, built with core/search like the
// publishing module's records): a published guide carries its vector in powers_guides.search_document
// (name A, 事项类型 and 主题 B, 设定依据、受理条件、办理流程、申请材料 C); an unpublished one has none.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { buildTsvectors, type Field } from '../../../core/search/bigram.ts';

export type GuideSearchSource = {
  name: string;
  itemType: string;
  theme: string;
  basis: string;
  conditions: string;
  process: string;
  materials: { name: string }[];
};

export function guideSearchFields(g: GuideSearchSource): Field[] {
  return [
    { text: g.name, weight: 'A' },
    { text: `${g.itemType} ${g.theme}`, weight: 'B' },
    { text: [g.basis, g.conditions, g.process, ...g.materials.map((m) => m.name)].join('\n'), weight: 'C' },
  ];
}

/** (Re)writes one guide's search vector: set while published, null otherwise. Call inside the change's transaction. */
export async function refreshGuideSearch(tx: Tx | DbOrTx, guideId: number): Promise<void> {
  const r = await tx.execute<GuideSearchSource & { published: boolean }>(sql`
    SELECT name, item_type AS "itemType", theme, basis, conditions, process, materials, published_at IS NOT NULL AS published
    FROM powers_guides WHERE id = ${guideId}`);
  const g = r.rows[0];
  if (!g) return;
  const doc = g.published ? (buildTsvectors(guideSearchFields(g))[0] ?? '') : null;
  await tx.execute(sql`UPDATE powers_guides SET search_document = ${doc}::tsvector WHERE id = ${guideId}`);
}

/** Published guides without a vector (loaded before the index existed, or by bulk demo SQL): index them. */
export async function repairGuideSearch(db: DbOrTx): Promise<number> {
  const r = await db.execute<{ id: string }>(sql`SELECT id FROM powers_guides WHERE published_at IS NOT NULL AND search_document IS NULL`);
  for (const row of r.rows) await refreshGuideSearch(db, Number(row.id));
  return r.rows.length;
}

export interface GuideHit {
  publicCode: string;
  name: string;
  unitName: string;
  itemType: string;
  audience: string;
}

/** Published guides of a city matching a parsed query (core/search parseQuery's tsquery), best first. */
export async function searchGuides(db: DbOrTx, rootUnitId: number, tsquery: string, limit: number): Promise<GuideHit[]> {
  const r = await db.execute<{ public_code: string; name: string; unit_name: string; item_type: string; audience: string }>(sql`
    SELECT g.public_code, g.name, u.name AS unit_name, g.item_type, g.audience
    FROM powers_guides g JOIN units u ON u.id = g.unit_id
    WHERE g.search_document IS NOT NULL AND g.search_document @@ ${tsquery}::tsquery AND coalesce(u.root_id, u.id) = ${rootUnitId} AND u.archived_at IS NULL
    ORDER BY ts_rank_cd(g.search_document, ${tsquery}::tsquery) DESC, g.name LIMIT ${limit}`);
  return r.rows.map((x) => ({ publicCode: x.public_code, name: x.name, unitName: x.unit_name, itemType: x.item_type, audience: x.audience }));
}
