// The module's pages in the platform search (/search), built with core/search's CJK bigrams like the
// 办事指南: a decision (public from its registration), a key task, and a 建议提案 once its result is
// published. Each change rewrites the row in its own transaction; a start-up pass indexes rows loaded
// without one (demo SQL, rows older than the index).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { buildTsvectors, type Field } from '../../../core/search/bigram.ts';
import { PROPOSAL_KINDS, RESULT_LABELS, type ProposalKind, type ProposalResult } from '../domain/proposals.ts';
import { deleteSearch, upsertSearch } from './repository.ts';

const vector = (fields: Field[]) => buildTsvectors(fields)[0] ?? '';

async function unitName(db: DbOrTx, id: number): Promise<string> {
  const r = await db.execute<{ name: string }>(sql`SELECT name FROM units WHERE id = ${id}`);
  return r.rows[0]?.name ?? '';
}

export async function refreshDecisionSearch(db: DbOrTx, id: number): Promise<void> {
  const r = await db.execute<{ public_code: string; root_unit_id: string; year: number; title: string; basis: string; draft: string; decision_text: string | null; doc_no: string | null; lead_unit_id: string }>(
    sql`SELECT public_code, root_unit_id, year, title, basis, draft, decision_text, doc_no, lead_unit_id FROM decisions_items WHERE id = ${id}`,
  );
  const d = r.rows[0];
  if (!d) return deleteSearch(db, 'decision', id);
  await upsertSearch(db, {
    kind: 'decision',
    refId: id,
    rootUnitId: Number(d.root_unit_id),
    title: d.title,
    href: `/decisions/items/${d.public_code}`,
    meta: `重大行政决策 · ${d.year}年 · 承办单位：${await unitName(db, Number(d.lead_unit_id))}${d.doc_no ? ` · ${d.doc_no}` : ''}`,
    document: vector([
      { text: d.title, weight: 'A' },
      { text: `${d.doc_no ?? ''} ${d.basis}`, weight: 'B' },
      { text: `${d.draft}\n${d.decision_text ?? ''}`, weight: 'C' },
    ]),
  });
}

export async function refreshTaskSearch(db: DbOrTx, id: number): Promise<void> {
  const r = await db.execute<{ public_code: string; root_unit_id: string; year: number; title: string; source: string; steps: string; supporting_units: string; lead_unit_id: string }>(
    sql`SELECT public_code, root_unit_id, year, title, source, steps, supporting_units, lead_unit_id FROM decisions_tasks WHERE id = ${id}`,
  );
  const t = r.rows[0];
  if (!t) return deleteSearch(db, 'task', id);
  await upsertSearch(db, {
    kind: 'task',
    refId: id,
    rootUnitId: Number(t.root_unit_id),
    title: t.title,
    href: `/decisions/work/tasks/${t.public_code}`,
    meta: `重点工作 · ${t.year}年 · 牵头单位：${await unitName(db, Number(t.lead_unit_id))}`,
    document: vector([
      { text: t.title, weight: 'A' },
      { text: t.source, weight: 'B' },
      { text: `${t.steps}\n${t.supporting_units}`, weight: 'C' },
    ]),
  });
}

/** A 建议提案 is found only once its result is published; the withheld 复文 text is never indexed. */
export async function refreshProposalSearch(db: DbOrTx, id: number): Promise<void> {
  const r = await db.execute<{ public_code: string; root_unit_id: string; kind: ProposalKind; year: number; number: string; title: string; proposer: string; lead_unit_id: string; result: ProposalResult | null; reply_text: string | null; publicity: string | null; public_summary: string | null; published_on: string | null }>(
    sql`SELECT public_code, root_unit_id, kind, year, number, title, proposer, lead_unit_id, result, reply_text, publicity, public_summary, published_on::text FROM decisions_proposals WHERE id = ${id}`,
  );
  const p = r.rows[0];
  if (!p?.published_on) return deleteSearch(db, 'proposal', id);
  const body = p.publicity === 'full' ? (p.reply_text ?? '') : p.publicity === 'summary' ? (p.public_summary ?? '') : '';
  await upsertSearch(db, {
    kind: 'proposal',
    refId: id,
    rootUnitId: Number(p.root_unit_id),
    title: p.title,
    href: `/decisions/proposals/items/${p.public_code}`,
    meta: `${PROPOSAL_KINDS[p.kind].label}第${p.number}号 · ${p.year}年 · 主办单位：${await unitName(db, Number(p.lead_unit_id))}${p.result ? ` · ${RESULT_LABELS[p.result].slice(0, 2)}` : ''}`,
    document: vector([
      { text: p.title, weight: 'A' },
      { text: `${PROPOSAL_KINDS[p.kind].label} ${p.number} ${p.proposer}`, weight: 'B' },
      { text: body, weight: 'C' },
    ]),
  });
}

/** Rows without a search entry (loaded by demo SQL or before the index existed): index them. Returns how many. */
export async function repairDecisionsSearch(db: DbOrTx): Promise<number> {
  const missing = async (table: string, kind: string, extra = '') =>
    (await db.execute<{ id: string }>(sql.raw(`SELECT t.id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM decisions_search s WHERE s.kind = '${kind}' AND s.ref_id = t.id)${extra}`))).rows.map((x) => Number(x.id));
  const d = await missing('decisions_items', 'decision');
  const t = await missing('decisions_tasks', 'task');
  const p = await missing('decisions_proposals', 'proposal', ' AND t.published_on IS NOT NULL');
  for (const id of d) await refreshDecisionSearch(db, id);
  for (const id of t) await refreshTaskSearch(db, id);
  for (const id of p) await refreshProposalSearch(db, id);
  return d.length + t.length + p.length;
}
