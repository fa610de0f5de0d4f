// 并单: detecting repeated 诉求 and merging them into one main item, and undoing it before the reply.
// Each verb: check (domain/merge.ts) → one transaction with both rows locked → history rows on both
// items → audit row.
import { and, eq, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { addCalendarDays } from '../../core/calendar/working-days.ts';
import { msgHistory, msgItems } from './data/schema.ts';
import { checkMerge, checkUnmerge, compareItems, type MergeFacts } from './domain/merge.ts';
import type { MessageState, Satisfaction } from './domain/states.ts';
import { isDispatcher, today, type ItemRow, type MessageActor, type Result } from './service.ts';

export interface DuplicateRow {
  itemNo: string;
  title: string;
  state: MessageState;
  receivedOn: string;
  sameCaller: boolean;
  score: number;
}

/** How far back repeats are looked for. */
const LOOK_BACK_DAYS = 90;

/**
 * Probable repeats of an item: items of the same site in the last 90 days (not merged elsewhere) from
 * the same caller, or with a very similar text, best match first.
 */
export async function duplicatesOf(core: Core, row: ItemRow): Promise<DuplicateRow[]> {
  const since = addCalendarDays(row.receivedOn, -LOOK_BACK_DAYS);
  const r = await core.db.execute(sql`SELECT item_no, title, content, caller_phone, state, received_on::text FROM msg_items
    WHERE root_unit_id = ${row.rootUnitId} AND id <> ${row.id} AND merged_into IS NULL AND received_on >= ${since}
      AND (caller_phone = ${row.callerPhone} OR title = ${row.title} OR (state NOT IN ('refused', 'terminated', 'transferred') AND received_on >= ${addCalendarDays(row.receivedOn, -30)}))
    ORDER BY received_at DESC LIMIT 500`);
  const out: DuplicateRow[] = [];
  for (const x of r.rows as Record<string, string>[]) {
    const m = compareItems(row, { callerPhone: x.caller_phone!, title: x.title!, content: x.content! });
    if (m.duplicate) out.push({ itemNo: x.item_no!, title: x.title!, state: x.state as MessageState, receivedOn: x.received_on!, sameCaller: m.sameCaller, score: m.score });
  }
  return out.sort((a, b) => Number(b.sameCaller) - Number(a.sameCaller) || b.score - a.score).slice(0, 10);
}

/** The items merged into a main item. */
export async function mergedItemsOf(db: DbOrTx, mainId: number): Promise<{ itemNo: string; title: string; receivedOn: string; satisfaction: Satisfaction | null }[]> {
  return db.select({ itemNo: msgItems.itemNo, title: msgItems.title, receivedOn: msgItems.receivedOn, satisfaction: msgItems.satisfaction }).from(msgItems).where(eq(msgItems.mergedInto, mainId)).orderBy(msgItems.id);
}

/** The main item a merged item follows (undefined when not merged). */
export async function mainItemOf(db: DbOrTx, row: Pick<ItemRow, 'mergedInto'>): Promise<ItemRow | undefined> {
  if (row.mergedInto === null) return undefined;
  return (await db.select().from(msgItems).where(eq(msgItems.id, row.mergedInto)).limit(1))[0];
}

async function factsOf(db: DbOrTx, row: ItemRow | undefined): Promise<MergeFacts | null> {
  if (!row) return null;
  const n = await db.execute(sql`SELECT count(*)::int AS n FROM msg_items WHERE merged_into = ${row.id}`);
  return { id: row.id, itemNo: row.itemNo, rootUnitId: row.rootUnitId, state: row.state, mergedInto: row.mergedInto, repliedOn: row.repliedOn, mergedCount: Number((n.rows[0] as { n: number }).n) };
}

function fail(reasons: string[], field = 'mainNo'): { ok: false; errors: Record<string, string>; reasons: string[] } {
  return { ok: false, errors: { [field]: reasons.join('；') }, reasons };
}

/** Locks two items in id order (so two merges of the same pair never deadlock). */
async function lockPair(tx: DbOrTx, a: number, b: number): Promise<Map<number, ItemRow>> {
  const rows = await tx.select().from(msgItems).where(sql`${msgItems.id} IN (${a}, ${b})`).orderBy(msgItems.id).for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

/** Merges an item into the main item `mainNo` (the openness office only). */
export async function mergeItem(core: Core, actor: MessageActor, itemId: number, mainNo: string, note: string): Promise<Result> {
  if (actor.kind !== 'staff' || !isDispatcher(actor.user)) return fail(['只有政务公开办可以并单']);
  const text = note.trim();
  if ([...text].length > 500) return fail(['说明不能超过500个字'], 'note');
  const now = core.clock.now();
  return core.db.transaction(async (tx): Promise<Result> => {
    const target = (await tx.select({ id: msgItems.id }).from(msgItems).where(and(eq(msgItems.rootUnitId, actor.user.rootUnitId), eq(msgItems.itemNo, mainNo))).limit(1))[0];
    const rows = await lockPair(tx, itemId, target?.id ?? itemId);
    const item = rows.get(itemId);
    if (!item || item.rootUnitId !== actor.user.rootUnitId) return fail(['没有找到该诉求']);
    const main = target ? rows.get(target.id) : undefined;
    const reasons = checkMerge((await factsOf(tx, item))!, await factsOf(tx, main));
    if (reasons.length) return fail(reasons);
    await tx.update(msgItems).set({ mergedInto: main!.id }).where(eq(msgItems.id, item.id));
    const base = { actorId: actor.user.id, actorName: actor.audit.name, unitName: '政务公开办', at: now };
    await tx.insert(msgHistory).values([
      { ...base, itemId: item.id, action: 'merge', fromState: item.state, toState: item.state, note: [`已并入 ${main!.itemNo}，按主件办理和答复`, text].filter(Boolean).join('；') },
      { ...base, itemId: main!.id, action: 'merge_main', fromState: main!.state, toState: main!.state, note: [`${item.itemNo} 并入本件`, text].filter(Boolean).join('；') },
    ]);
    await writeAudit(tx, actor.audit, { action: 'messages.merged', targetType: 'message', targetId: item.itemNo, unitId: item.unitId, summary: { before: { mergedInto: null }, after: { mergedInto: main!.itemNo }, note: text } }, now);
    return { ok: true };
  });
}

/** Undoes a merge while the main item has no reply; the item's own clock applies again. */
export async function unmergeItem(core: Core, actor: MessageActor, itemId: number, note: string): Promise<Result> {
  if (actor.kind !== 'staff' || !isDispatcher(actor.user)) return fail(['只有政务公开办可以撤销并单'], 'unmergeNote');
  const text = note.trim();
  if (!text) return fail(['请填写撤销并单的理由'], 'unmergeNote');
  if ([...text].length > 500) return fail(['理由不能超过500个字'], 'unmergeNote');
  const now = core.clock.now();
  return core.db.transaction(async (tx): Promise<Result> => {
    const first = (await tx.select().from(msgItems).where(eq(msgItems.id, itemId)).limit(1))[0];
    if (!first || first.rootUnitId !== actor.user.rootUnitId) return fail(['没有找到该诉求'], 'unmergeNote');
    const rows = await lockPair(tx, itemId, first.mergedInto ?? itemId);
    const item = rows.get(itemId)!;
    const main = item.mergedInto === null ? undefined : rows.get(item.mergedInto);
    const reasons = checkUnmerge((await factsOf(tx, item))!, await factsOf(tx, main));
    if (reasons.length) return fail(reasons, 'unmergeNote');
    await tx.update(msgItems).set({ mergedInto: null }).where(eq(msgItems.id, item.id));
    const base = { actorId: actor.user.id, actorName: actor.audit.name, unitName: '政务公开办', at: now };
    await tx.insert(msgHistory).values([
      { ...base, itemId: item.id, action: 'unmerge', fromState: item.state, toState: item.state, note: `撤销并入 ${main!.itemNo}，恢复单独办理：${text}` },
      { ...base, itemId: main!.id, action: 'unmerge_main', fromState: main!.state, toState: main!.state, note: `${item.itemNo} 撤销并单：${text}` },
    ]);
    await writeAudit(tx, actor.audit, { action: 'messages.unmerged', targetType: 'message', targetId: item.itemNo, unitId: item.unitId, summary: { before: { mergedInto: main!.itemNo }, after: { mergedInto: null }, note: text } }, now);
    return { ok: true };
  });
}

/** 回访 of a merged item's own caller is possible once the main item's reply is approved (待回访 or 办结). */
export function mergedVisitOpen(main: Pick<ItemRow, 'state' | 'replyText'> | undefined, row: Pick<ItemRow, 'satisfaction' | 'mergedInto'>): boolean {
  return !!main && row.mergedInto !== null && row.satisfaction === null && (main.state === 'visiting' || main.state === 'closed') && main.replyText !== '';
}

const SAT_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/**
 * 并单: each caller of a merged group gets the main item's reply and a return visit of their own
 * (regulation-wave2.md §4.3 回访). The rating is kept on the caller's own item, which is then 办结; the
 * main item's history shows it, so a 不满意 with its reason reaches the openness office, which may still
 * send the main item back (重办) during its own visit.
 */
export async function recordMergedVisit(core: Core, actor: MessageActor, itemId: number, input: { satisfaction: Satisfaction | undefined; note: string }): Promise<Result> {
  const note = input.note.trim();
  if (actor.kind === 'staff' && !isDispatcher(actor.user)) return fail(['只有政务公开办可以登记回访结果'], 'satisfaction');
  if (actor.kind === 'system') return fail(['系统不能登记回访结果'], 'satisfaction');
  const sat = input.satisfaction;
  if (!sat) return fail(['请选择满意度'], 'satisfaction');
  if ([...note].length > 1000) return fail(['回访记录不能超过1000个字'], 'note');
  if (input.satisfaction === 'unsatisfied' && !note) return fail(['选择不满意的，请写明理由'], 'note');
  const now = core.clock.now();
  const t = today(core);
  return core.db.transaction(async (tx): Promise<Result> => {
    const first = (await tx.select().from(msgItems).where(eq(msgItems.id, itemId)).limit(1))[0];
    if (!first || (actor.kind === 'staff' && first.rootUnitId !== actor.user.rootUnitId)) return fail(['没有找到该诉求'], 'satisfaction');
    const rows = await lockPair(tx, itemId, first.mergedInto ?? itemId);
    const item = rows.get(itemId)!;
    const main = item.mergedInto === null ? undefined : rows.get(item.mergedInto);
    if (!mergedVisitOpen(main, item)) return fail([item.satisfaction ? '本诉求人已评价过' : '主件答复审核通过后才能回访'], 'satisfaction');
    const who = actor.kind === 'caller' ? '诉求人' : '政务公开办';
    const text = [`回访评价：${SAT_LABELS[sat]}`, note].filter(Boolean).join('；');
    await tx.update(msgItems).set({ satisfaction: sat, closedOn: t, state: 'closed' }).where(eq(msgItems.id, item.id));
    const base = { actorId: actor.kind === 'staff' ? actor.user.id : null, actorName: actor.audit.name, unitName: who, at: now };
    await tx.insert(msgHistory).values([
      { ...base, itemId: item.id, action: 'record_visit', fromState: item.state, toState: 'closed', note: `${text}（并单，按 ${main!.itemNo} 的答复回访）` },
      { ...base, itemId: main!.id, action: 'merged_visit', fromState: main!.state, toState: main!.state, note: `并单诉求人 ${item.itemNo} ${text}` },
    ]);
    await writeAudit(tx, actor.audit, { action: 'messages.record_visit', targetType: 'message', targetId: item.itemNo, unitId: main!.unitId, summary: { after: { satisfaction: sat, mainNo: main!.itemNo }, note: note.slice(0, 500) } }, now);
    return { ok: true };
  });
}
