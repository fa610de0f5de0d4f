// 主题分类 (the openness office edits the two-level tree): add, rename, retire/restore, reorder. Each verb
// checks (domain/subjects.ts), writes in one transaction with its audit row, and drops the cached tree.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { msgHistory, msgItems, msgSubjects } from './data/schema.ts';
import { checkSubject, DEFAULT_SUBJECTS, moveSubject, subjectChoices, subjectLabel, type SubjectRow } from './domain/subjects.ts';
import { isDispatcher, type MessageActor, type Result } from './service.ts';

// The tree is read by every intake form and list; it changes rarely. Kept per site for a minute and
// dropped on every edit in this process (another instance sees an edit within the minute).
const cache = new Map<number, { at: number; rows: SubjectRow[] }>();
const TTL_MS = 60_000;

export async function listSubjects(db: DbOrTx, rootUnitId: number): Promise<SubjectRow[]> {
  const hit = cache.get(rootUnitId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.rows;
  const rows = (await db.select().from(msgSubjects).where(eq(msgSubjects.rootUnitId, rootUnitId)).orderBy(asc(msgSubjects.position), asc(msgSubjects.id))).map((r) => ({
    id: r.id,
    parentId: r.parentId,
    name: r.name,
    position: r.position,
    retired: r.retiredAt !== null,
  }));
  cache.set(rootUnitId, { at: Date.now(), rows });
  return rows;
}

function mayEdit(actor: MessageActor, rootUnitId: number): boolean {
  return actor.kind === 'staff' && isDispatcher(actor.user) && actor.user.rootUnitId === rootUnitId;
}

const refused = (r: string): Result<never> => ({ ok: false, errors: {}, reasons: [r] });

async function edit(core: Core, actor: MessageActor, rootUnitId: number, action: string, summary: Record<string, unknown>, run: (tx: DbOrTx, rows: SubjectRow[]) => Promise<Result | null>): Promise<Result> {
  if (!mayEdit(actor, rootUnitId)) return refused('只有政务公开办可以修改主题分类');
  const now = core.clock.now();
  const out = await core.db.transaction(async (tx) => {
    // One editor at a time per site, so sibling names and positions stay consistent.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727520, ${rootUnitId}::int)`);
    cache.delete(rootUnitId);
    const rows = await listSubjects(tx, rootUnitId);
    const r = await run(tx, rows);
    if (r && !r.ok) return r;
    await writeAudit(tx, actor.audit, { action: `messages.subject_${action}`, targetType: 'msg_subjects', targetId: rootUnitId, summary }, now);
    return { ok: true as const };
  });
  cache.delete(rootUnitId);
  return out;
}

export function addSubject(core: Core, actor: MessageActor, rootUnitId: number, input: { parentId: number | null; name: string }): Promise<Result> {
  const name = input.name.trim();
  return edit(core, actor, rootUnitId, 'added', { after: { parentId: input.parentId, name } }, async (tx, rows) => {
    const errors = checkSubject(rows, { parentId: input.parentId, name });
    if (Object.keys(errors).length) return { ok: false, errors, reasons: Object.values(errors) };
    const position = Math.max(-1, ...rows.filter((r) => r.parentId === input.parentId).map((r) => r.position)) + 1;
    await tx.insert(msgSubjects).values({ rootUnitId, parentId: input.parentId, name, position });
    return null;
  });
}

export function renameSubject(core: Core, actor: MessageActor, rootUnitId: number, id: number, name: string): Promise<Result> {
  const n = name.trim();
  return edit(core, actor, rootUnitId, 'renamed', { id, after: { name: n } }, async (tx, rows) => {
    const me = rows.find((r) => r.id === id);
    if (!me) return refused('没有找到该分类');
    const errors = checkSubject(rows, { id, parentId: me.parentId, name: n });
    if (errors.parentId) return refused(errors.parentId);
    if (Object.keys(errors).length) return { ok: false, errors, reasons: Object.values(errors) };
    await tx.update(msgSubjects).set({ name: n }).where(and(eq(msgSubjects.id, id), eq(msgSubjects.rootUnitId, rootUnitId)));
    return null;
  });
}

/** Retires (or restores) a subject: intake forms stop offering it; items filed under it keep it. */
export function retireSubject(core: Core, actor: MessageActor, rootUnitId: number, id: number, retire: boolean): Promise<Result> {
  return edit(core, actor, rootUnitId, retire ? 'retired' : 'restored', { id }, async (tx, rows) => {
    const me = rows.find((r) => r.id === id);
    if (!me) return refused('没有找到该分类');
    if (!retire) {
      const errors = checkSubject(rows, { id, parentId: me.parentId, name: me.name });
      if (Object.keys(errors).length) return refused(Object.values(errors)[0]!);
    }
    await tx
      .update(msgSubjects)
      .set({ retiredAt: retire ? core.clock.now() : null })
      .where(and(eq(msgSubjects.id, id), eq(msgSubjects.rootUnitId, rootUnitId)));
    return null;
  });
}

export function moveSubjectBy(core: Core, actor: MessageActor, rootUnitId: number, id: number, direction: 'up' | 'down'): Promise<Result> {
  return edit(core, actor, rootUnitId, 'moved', { id, direction }, async (tx, rows) => {
    if (!rows.some((r) => r.id === id)) return refused('没有找到该分类');
    for (const m of moveSubject(rows, id, direction)) await tx.update(msgSubjects).set({ position: m.position }).where(eq(msgSubjects.id, m.id));
    return null;
  });
}

/** A site's default tree (demo seed and new sites), when it has none yet. */
export async function seedDefaultSubjects(db: DbOrTx, rootUnitId: number): Promise<void> {
  const any = await db.select({ id: msgSubjects.id }).from(msgSubjects).where(and(eq(msgSubjects.rootUnitId, rootUnitId), isNull(msgSubjects.parentId))).limit(1);
  if (any.length) return;
  for (const [i, [name, children]] of DEFAULT_SUBJECTS.entries()) {
    const [top] = await db.insert(msgSubjects).values({ rootUnitId, name, position: i }).returning({ id: msgSubjects.id });
    if (children.length) await db.insert(msgSubjects).values(children.map((c, k) => ({ rootUnitId, parentId: top!.id, name: c, position: k })));
  }
  cache.delete(rootUnitId);
}

/**
 * Files an item under another 主题分类 (or none) after intake: the openness office, at any state, from
 * the current choices (a retired subject stays only where it already is). Dated in the item's history
 * and audited.
 */
export async function changeItemSubject(core: Core, actor: MessageActor, itemId: number, subjectId: number | null): Promise<Result> {
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: msgItems.id, rootUnitId: msgItems.rootUnitId, itemNo: msgItems.itemNo, state: msgItems.state, subjectId: msgItems.subjectId }).from(msgItems).where(eq(msgItems.id, itemId)).for('update');
    if (!row) return refused('没有找到该诉求');
    if (!mayEdit(actor, row.rootUnitId)) return refused('只有政务公开办可以更改主题分类');
    const rows = await listSubjects(tx, row.rootUnitId);
    if (subjectId === row.subjectId) return { ok: true as const };
    if (subjectId !== null && !subjectChoices(rows).some((c) => c.id === subjectId)) return { ok: false as const, errors: { subjectId: '请从列表中选择主题分类' }, reasons: [] };
    const from = subjectLabel(rows, row.subjectId) || '未分类';
    const to = subjectLabel(rows, subjectId) || '未分类';
    await tx.update(msgItems).set({ subjectId }).where(eq(msgItems.id, row.id));
    const user = actor.kind === 'staff' ? actor.user : null;
    await tx.insert(msgHistory).values({ itemId: row.id, action: 'reclassify', fromState: row.state, toState: row.state, actorId: user?.id ?? null, actorName: actor.audit.name, unitName: user?.unitName ?? '', note: `主题分类：${from} → ${to}`, at: now });
    await writeAudit(tx, actor.audit, { action: 'messages.subject_changed', targetType: 'message', targetId: row.itemNo, summary: { before: { subjectId: row.subjectId }, after: { subjectId } } }, now);
    return { ok: true as const };
  });
}
