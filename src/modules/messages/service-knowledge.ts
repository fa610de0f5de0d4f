// 知识库: saving answers (from a reply or typed in), retiring them, searching them for call-takers and
// the public form, and 即时答复 (register a call and close it at once with an entry's answer).
import { and, eq, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { parseQuery, tokenize } from '../../core/search/bigram.ts';
import { msgItems, msgKnowledge } from './data/schema.ts';
import { knowledgeStatus, validateKnowledge, type KnowledgeInput, type KnowledgeStatus } from './domain/knowledge.ts';
import { messageSearchDocument } from './search-document.ts';
import { similarity } from './domain/merge.ts';
import { act, isDispatcher, submitMessage, today, type MessageActor, type Result, type SubmitInput } from './service.ts';

export interface KnowledgeEntry {
  id: number;
  question: string;
  answer: string;
  subject: string;
  basis: string;
  validUntil: string;
  unitName: string;
  status: KnowledgeStatus;
  sourceItemNo: string;
}

const KNOWLEDGE_ROLES = new Set(['editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head']);

/** Saves a new entry (the openness office or any unit's staff); from an item's reply when `sourceItemId` is given. */
export async function saveKnowledge(core: Core, actor: MessageActor, input: KnowledgeInput & { sourceItemId?: number }): Promise<Result<{ id: number }>> {
  if (actor.kind !== 'staff' || !actor.user.roles.some((r) => KNOWLEDGE_ROLES.has(r))) return { ok: false, errors: {}, reasons: ['没有维护知识库的权限'] };
  const v = validateKnowledge(input, today(core));
  if (!v.ok) return { ok: false, errors: v.errors, reasons: Object.values(v.errors) };
  const now = core.clock.now();
  const user = actor.user;
  return core.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(msgKnowledge)
      .values({
        rootUnitId: user.rootUnitId,
        unitId: isDispatcher(user) ? null : user.unitId,
        ...v.value,
        sourceItemId: input.sourceItemId ?? null,
        searchDocument: messageSearchDocument(v.value.question, `${v.value.subject} ${v.value.answer}`, ''),
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: msgKnowledge.id });
    await writeAudit(tx, actor.audit, { action: 'messages.knowledge_saved', targetType: 'msg_knowledge', targetId: row!.id, summary: { after: { question: v.value.question, validUntil: v.value.validUntil } } }, now);
    return { ok: true, id: row!.id };
  });
}

/** Retires an entry (never deleted: items answered from it keep pointing at it). */
export async function retireKnowledge(core: Core, actor: MessageActor, id: number): Promise<Result> {
  if (actor.kind !== 'staff' || !actor.user.roles.some((r) => KNOWLEDGE_ROLES.has(r))) return { ok: false, errors: {}, reasons: ['没有维护知识库的权限'] };
  const now = core.clock.now();
  const user = actor.user;
  return core.db.transaction(async (tx): Promise<Result> => {
    const row = (await tx.select().from(msgKnowledge).where(and(eq(msgKnowledge.id, id), eq(msgKnowledge.rootUnitId, user.rootUnitId))).for('update').limit(1))[0];
    if (!row || row.retiredAt) return { ok: false, errors: {}, reasons: ['没有找到该知识条目'] };
    if (!isDispatcher(user) && row.unitId !== user.unitId) return { ok: false, errors: {}, reasons: ['只能停用本单位维护的条目'] };
    await tx.update(msgKnowledge).set({ retiredAt: now, updatedAt: now }).where(eq(msgKnowledge.id, id));
    await writeAudit(tx, actor.audit, { action: 'messages.knowledge_retired', targetType: 'msg_knowledge', targetId: id, summary: { before: { question: row.question } } }, now);
    return { ok: true };
  });
}

/**
 * Entries matching what was typed (every term, as a phrase, over question, subject and answer), most
 * relevant first; with no query, the newest. `validOnly`: only entries within their date (the public form).
 */
export async function searchKnowledge(core: Core, rootUnitId: number, q: string, opts: { validOnly?: boolean; limit?: number } = {}): Promise<KnowledgeEntry[]> {
  const t = today(core);
  const parsed = q ? parseQuery(q) : null;
  if (parsed && !parsed.tsquery) return [];
  const where = [sql`k.root_unit_id = ${rootUnitId}`, sql`k.retired_at IS NULL`];
  if (opts.validOnly) where.push(sql`k.valid_until >= ${t}`);
  if (parsed) where.push(sql`k.search_document @@ ${parsed.tsquery}::tsquery`);
  const rank = parsed ? sql`ts_rank_cd(k.search_document, ${parsed.tsquery}::tsquery) DESC,` : sql``;
  const r = await core.db.execute(sql`SELECT k.id, k.question, k.answer, k.subject, k.basis, k.valid_until::text, coalesce(u.name, '政务公开办') AS unit_name, coalesce(i.item_no, '') AS item_no
    FROM msg_knowledge k LEFT JOIN units u ON u.id = k.unit_id LEFT JOIN msg_items i ON i.id = k.source_item_id
    WHERE ${sql.join(where, sql` AND `)} ORDER BY ${rank} k.updated_at DESC, k.id DESC LIMIT ${opts.limit ?? 20}`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    question: x.question as string,
    answer: x.answer as string,
    subject: x.subject as string,
    basis: x.basis as string,
    validUntil: x.valid_until as string,
    unitName: x.unit_name as string,
    status: knowledgeStatus(x.valid_until as string, t),
    sourceItemNo: x.item_no as string,
  }));
}

/**
 * 即时答复: registers a call (or message) and closes it at once with a knowledge entry's answer. The
 * entry must be current; the item counts as answered on the day, in time. Idempotent like every intake.
 */
export async function submitAnsweredNow(core: Core, input: SubmitInput & { staffActor: MessageActor; knowledgeId: number }): Promise<Result<{ itemNo: string; lookupCode: string }>> {
  const t = today(core);
  const entry = (await core.db.select().from(msgKnowledge).where(and(eq(msgKnowledge.id, input.knowledgeId), eq(msgKnowledge.rootUnitId, input.rootUnitId))).limit(1))[0];
  if (!entry || entry.retiredAt) return { ok: false, errors: { knowledgeId: '请从知识库中选择答复' }, reasons: ['请从知识库中选择答复'] };
  if (knowledgeStatus(entry.validUntil, t) !== 'valid') return { ok: false, errors: { knowledgeId: `该条目已过复核日期（${entry.validUntil}），请复核后再用于答复` }, reasons: [] };
  const s = await submitMessage(core, input);
  if (!s.ok) return s;
  if (s.item.state === 'received') {
    const r = await act(core, input.staffActor, s.item.id, 'answer_now', { note: entry.answer, knowledgeId: entry.id });
    if (!r.ok) return r;
  }
  return { ok: true, itemNo: s.itemNo, lookupCode: s.lookupCode };
}

/** The entry an item was answered from (its page says so). */
export async function knowledgeOfItem(core: Core, itemId: number): Promise<{ id: number; question: string } | null> {
  const r = await core.db.select({ id: msgKnowledge.id, question: msgKnowledge.question }).from(msgKnowledge).innerJoin(msgItems, eq(msgItems.knowledgeId, msgKnowledge.id)).where(eq(msgItems.id, itemId)).limit(1);
  return r[0] ?? null;
}

/** Least similarity of a typed title to an entry's question for the entry to be suggested. */
const SUGGEST_SIMILARITY = 0.25;

/**
 * Entries whose question resembles what a caller typed (the 「先查看常见问题」 step, the call-taker's
 * look-up): any shared character pair narrows on the index, then the question's similarity decides.
 */
export async function suggestKnowledge(core: Core, rootUnitId: number, text: string, opts: { validOnly: boolean; limit?: number }): Promise<KnowledgeEntry[]> {
  const lexemes = [...new Set(tokenize(text.slice(0, 200)).filter((l) => [...l].length > 1))].slice(0, 60);
  if (!lexemes.length) return [];
  const any = lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
  const t = today(core);
  const r = await core.db.execute(sql`SELECT k.id, k.question, k.answer, k.subject, k.basis, k.valid_until::text, coalesce(u.name, '政务公开办') AS unit_name, coalesce(i.item_no, '') AS item_no
    FROM msg_knowledge k LEFT JOIN units u ON u.id = k.unit_id LEFT JOIN msg_items i ON i.id = k.source_item_id
    WHERE k.root_unit_id = ${rootUnitId} AND k.retired_at IS NULL AND k.search_document @@ ${any}::tsquery ${opts.validOnly ? sql`AND k.valid_until >= ${t}` : sql``}
    ORDER BY ts_rank_cd(k.search_document, ${any}::tsquery) DESC, k.id DESC LIMIT 50`);
  return (r.rows as Record<string, unknown>[])
    .map((x) => ({ x, score: similarity(text, x.question as string) }))
    .filter((c) => c.score >= SUGGEST_SIMILARITY)
    .sort((a, b) => b.score - a.score)
    .slice(0, opts.limit ?? 5)
    .map(({ x }) => ({
      id: Number(x.id),
      question: x.question as string,
      answer: x.answer as string,
      subject: x.subject as string,
      basis: x.basis as string,
      validUntil: x.valid_until as string,
      unitName: x.unit_name as string,
      status: knowledgeStatus(x.valid_until as string, t),
      sourceItemNo: x.item_no as string,
    }));
}
