// State-changing verbs of the 舆情 register: validate → domain rule → one transaction with its audit
// row. A refusal comes back as reasons a person can read, never as a thrown error.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { units } from '../../core/db/schema.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { hasRole, isCityWide } from '../../core/auth/roles.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { opinionItems, opinionLevels, opinionSteps } from './data/schema.ts';
import { checkLevelChange, checkReassign, checkStep, DEFAULT_LEVELS, STEP_LABELS, type ItemState, type StepDetails, type StepKind, type WorkStep } from './domain/steps.ts';
import { timersAt, type ResponseEvent, type Timer } from './domain/timers.ts';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; reasons: string[]; fields?: Record<string, string> };

export interface OpinionActor {
  user: CurrentUser | null;
  audit: Actor;
}

const refuse = (...reasons: string[]): { ok: false; reasons: string[] } => ({ ok: false, reasons });

/** The openness office (and system admins) run the register: levels, reassignment, the board. */
export function isOffice(user: CurrentUser | null): boolean {
  return hasRole(user, 'openness_office', 'openness_head', 'system_admin');
}

export type LevelRow = typeof opinionLevels.$inferSelect;
export type ItemRow = typeof opinionItems.$inferSelect;
export type StepRow = typeof opinionSteps.$inferSelect;

/** The site's levels, the defaults (一般/较大/重大/特别重大) written on first use. */
export async function levelsOf(db: DbOrTx, rootUnitId: number, all = false): Promise<LevelRow[]> {
  let rows = await db.select().from(opinionLevels).where(eq(opinionLevels.rootUnitId, rootUnitId)).orderBy(asc(opinionLevels.sortOrder), asc(opinionLevels.id));
  if (!rows.length) {
    await db
      .insert(opinionLevels)
      .values(DEFAULT_LEVELS.map((l, i) => ({ rootUnitId, name: l.name, major: l.major, sortOrder: (i + 1) * 10 })))
      .onConflictDoNothing();
    rows = await db.select().from(opinionLevels).where(eq(opinionLevels.rootUnitId, rootUnitId)).orderBy(asc(opinionLevels.sortOrder), asc(opinionLevels.id));
  }
  return all ? rows : rows.filter((r) => r.active);
}

export interface LevelInput {
  id: number | null;
  name: string;
  major: boolean;
  sortOrder: number;
  active: boolean;
}

/** Adds or changes a level (the office only). A level in use is deactivated, never removed. */
export async function saveLevel(core: Core, actor: OpinionActor, input: LevelInput): Promise<Result> {
  const user = actor.user!;
  if (!isOffice(user)) return refuse('只有政务公开办可以设置舆情等级。');
  const root = user.rootUnitId;
  const levels = await levelsOf(core.db, root, true);
  if (levels.some((l) => l.name === input.name && l.id !== input.id)) return { ok: false, reasons: ['已有同名的等级。'], fields: { name: '已有同名的等级' } };
  if (input.id !== null && !levels.some((l) => l.id === input.id)) return refuse('没有这个等级。');
  if (!input.active && levels.filter((l) => l.active && l.id !== input.id).length === 0) return refuse('至少要保留一个启用的等级。');
  await core.db.transaction(async (tx) => {
    const before = levels.find((l) => l.id === input.id) ?? null;
    let id = input.id;
    if (id === null) id = (await tx.insert(opinionLevels).values({ rootUnitId: root, name: input.name, major: input.major, sortOrder: input.sortOrder, active: input.active }).returning({ id: opinionLevels.id }))[0]!.id;
    else await tx.update(opinionLevels).set({ name: input.name, major: input.major, sortOrder: input.sortOrder, active: input.active }).where(eq(opinionLevels.id, id));
    await writeAudit(tx, actor.audit, { action: 'opinion.level-saved', targetType: 'opinion_level', targetId: id!, summary: { before, after: input } }, core.clock.now());
  });
  return { ok: true };
}

export interface RegisterInput {
  title: string;
  source: string;
  link: string;
  firstSeenAt: Date;
  summary: string;
  involved: string;
  levelId: number;
  unitId: number;
  submissionKey: string | null;
  candidateId?: number | null;
}

/** Units of the user's city that may be responsible. */
export async function unitsOfCity(db: DbOrTx, rootUnitId: number): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(sql`(${units.id} = ${rootUnitId} OR ${units.rootId} = ${rootUnitId})`)
    .orderBy(asc(units.sortOrder), asc(units.id));
}

async function nextCode(tx: Tx, rootUnitId: number, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727140, ${rootUnitId}::int)`);
  const prefix = `YQ${year}-`;
  const r = await tx.execute(sql`SELECT count(*)::int AS n FROM opinion_items WHERE root_unit_id = ${rootUnitId} AND code LIKE ${prefix + '%'}`);
  return `${prefix}${String(Number((r.rows[0] as { n: number }).n) + 1).padStart(4, '0')}`;
}

/** 收集: registers an item; its timers start now (registration), whatever the first-seen time. */
export async function registerItem(core: Core, actor: OpinionActor, rootUnitId: number, input: RegisterInput): Promise<Result<{ code: string }>> {
  const now = core.clock.now();
  if (input.submissionKey) {
    const [dup] = await core.db.select({ code: opinionItems.code }).from(opinionItems).where(eq(opinionItems.submissionKey, input.submissionKey));
    if (dup) return { ok: true, code: dup.code };
  }
  const fields: Record<string, string> = {};
  const level = (await levelsOf(core.db, rootUnitId)).find((l) => l.id === input.levelId);
  if (!level) fields.levelId = '请从列表中选择舆情等级';
  if (!(await unitsOfCity(core.db, rootUnitId)).some((u) => u.id === input.unitId)) fields.unitId = '请从列表中选择责任单位';
  if (input.firstSeenAt.getTime() > now.getTime() + 60_000) fields.firstSeenAt = '首次发现时间不能晚于现在';
  if (Object.keys(fields).length) return { ok: false, reasons: Object.values(fields), fields };
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const code = await core.db.transaction(async (tx) => {
    const code = await nextCode(tx, rootUnitId, year);
    const [item] = await tx
      .insert(opinionItems)
      .values({ rootUnitId, code, title: input.title, source: input.source, link: input.link, firstSeenAt: input.firstSeenAt, registeredAt: now, summary: input.summary, involved: input.involved, levelId: level!.id, unitId: input.unitId, submissionKey: input.submissionKey, candidateId: input.candidateId ?? null, createdBy: actor.user?.id ?? null })
      .returning({ id: opinionItems.id });
    await tx.insert(opinionSteps).values({ itemId: item!.id, kind: 'register', at: now, recordedAt: now, actorId: actor.audit.id, actorName: actor.audit.name, levelId: level!.id, major: level!.major, details: { kind: 'register', level: level!.name } });
    await writeAudit(tx, actor.audit, { action: 'opinion.registered', targetType: 'opinion_item', targetId: item!.id, unitId: input.unitId, summary: { after: { code, title: input.title, level: level!.name } } }, now);
    return code;
  });
  return { ok: true, code };
}

export interface ItemView {
  item: ItemRow;
  level: LevelRow;
  unitName: string;
  steps: StepRow[];
  timers: Timer[];
}

/** Whether the user may see and work on the item: the office across the city, a unit its own items. */
export function canSeeItem(user: CurrentUser, item: { rootUnitId: number; unitId: number }): boolean {
  if (item.rootUnitId !== user.rootUnitId) return false;
  return isCityWide(user) || item.unitId === user.unitId;
}

export function canWork(user: CurrentUser, item: { rootUnitId: number; unitId: number }): boolean {
  return canSeeItem(user, item) && (isOffice(user) || (item.unitId === user.unitId && hasRole(user, 'editor', 'reviewer', 'unit_admin')));
}

/** The level history and responses of items, for their timers. */
export function timersOf(steps: StepRow[], now: Date): Timer[] {
  const levels = steps.filter((s) => s.kind === 'register' || s.kind === 'level').map((s) => ({ at: s.kind === 'register' ? s.at : s.recordedAt, major: !!s.major }));
  const responses: ResponseEvent[] = steps.flatMap((s) => (s.details.kind === 'respond' ? [{ at: s.at, form: s.details.form }] : []));
  return timersAt(levels, responses, now);
}

export async function loadItem(core: Core, rootUnitId: number, code: string): Promise<ItemView | null> {
  const [item] = await core.db.select().from(opinionItems).where(and(eq(opinionItems.rootUnitId, rootUnitId), eq(opinionItems.code, code)));
  if (!item) return null;
  const [steps, [level], [unit]] = await Promise.all([
    core.db.select().from(opinionSteps).where(eq(opinionSteps.itemId, item.id)).orderBy(asc(opinionSteps.at), asc(opinionSteps.id)),
    core.db.select().from(opinionLevels).where(eq(opinionLevels.id, item.levelId)),
    core.db.select({ name: units.name }).from(units).where(eq(units.id, item.unitId)),
  ]);
  return { item, level: level!, unitName: unit?.name ?? '', steps, timers: timersOf(steps, core.clock.now()) };
}

/** Views of many items at once (lists, board, reminders). */
export async function loadItems(core: Core, rootUnitId: number, where: { state?: ItemState; unitId?: number } = {}): Promise<ItemView[]> {
  const conds = [eq(opinionItems.rootUnitId, rootUnitId)];
  if (where.state) conds.push(eq(opinionItems.state, where.state));
  if (where.unitId) conds.push(eq(opinionItems.unitId, where.unitId));
  const items = await core.db.select().from(opinionItems).where(and(...conds)).orderBy(sql`${opinionItems.registeredAt} DESC`);
  if (!items.length) return [];
  const ids = items.map((i) => i.id);
  const [steps, levels, us] = await Promise.all([
    core.db.select().from(opinionSteps).where(inArray(opinionSteps.itemId, ids)).orderBy(asc(opinionSteps.at), asc(opinionSteps.id)),
    levelsOf(core.db, rootUnitId, true),
    unitsOfCity(core.db, rootUnitId),
  ]);
  const now = core.clock.now();
  const byItem = new Map<number, StepRow[]>();
  for (const s of steps) byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s]);
  return items.map((item) => {
    const st = byItem.get(item.id) ?? [];
    return { item, level: levels.find((l) => l.id === item.levelId)!, unitName: us.find((u) => u.id === item.unitId)?.name ?? '', steps: st, timers: timersOf(st, now) };
  });
}

async function audited(core: Core, actor: OpinionActor, view: ItemView, kind: StepKind, at: Date, details: StepDetails, change: Partial<Pick<ItemRow, 'levelId' | 'unitId' | 'state'>>, level?: LevelRow): Promise<void> {
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    // One writer per item at a time, so two people closing it at once leave one 评估.
    const [locked] = await tx.select({ state: opinionItems.state }).from(opinionItems).where(eq(opinionItems.id, view.item.id)).for('update');
    if (locked?.state === 'closed') throw new Error('closed');
    await tx.insert(opinionSteps).values({ itemId: view.item.id, kind, at, recordedAt: now, actorId: actor.audit.id, actorName: actor.audit.name, levelId: level?.id ?? null, major: level ? level.major : null, details });
    if (Object.keys(change).length) await tx.update(opinionItems).set(change).where(eq(opinionItems.id, view.item.id));
    await writeAudit(tx, actor.audit, { action: `opinion.${kind}`, targetType: 'opinion_item', targetId: view.item.id, unitId: view.item.unitId, summary: { note: STEP_LABELS[kind], after: details } }, now);
  });
}

async function guarded(fn: () => Promise<void>): Promise<Result> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    if (err instanceof Error && err.message === 'closed') return refuse('该舆情已评估办结，不能再记录。');
    throw err;
  }
}

/** 会商、研判、回应、移交、评估: who (the signed-in person), when (as entered), what (the details). */
export async function recordStep(core: Core, actor: OpinionActor, view: ItemView, kind: WorkStep, at: Date, details: StepDetails): Promise<Result> {
  if (!actor.user || !canWork(actor.user, view.item)) return refuse('您不能办理该舆情：它由其他单位负责。');
  const reasons = checkStep(kind, { state: view.item.state, done: view.steps.map((s) => s.kind), registeredAt: view.item.registeredAt, at, now: core.clock.now() });
  if (reasons.length) return refuse(...reasons);
  return guarded(() => audited(core, actor, view, kind, at, details, kind === 'evaluate' ? { state: 'closed' } : {}));
}

export async function changeLevel(core: Core, actor: OpinionActor, view: ItemView, toLevelId: number, reason: string): Promise<Result> {
  const to = (await levelsOf(core.db, view.item.rootUnitId)).find((l) => l.id === toLevelId);
  if (!to) return { ok: false, reasons: ['请从列表中选择新等级。'], fields: { levelId: '请从列表中选择新等级' } };
  const reasons = checkLevelChange({ state: view.item.state, isOffice: isOffice(actor.user), fromLevelId: view.item.levelId, toLevelId, reason });
  if (reasons.length) return refuse(...reasons);
  return guarded(() => audited(core, actor, view, 'level', core.clock.now(), { kind: 'level', from: view.level.name, to: to.name, reason }, { levelId: to.id }, to));
}

export async function reassign(core: Core, actor: OpinionActor, view: ItemView, toUnitId: number, reason: string): Promise<Result> {
  const to = (await unitsOfCity(core.db, view.item.rootUnitId)).find((u) => u.id === toUnitId);
  if (!to) return { ok: false, reasons: ['请从列表中选择责任单位。'], fields: { unitId: '请从列表中选择责任单位' } };
  const reasons = checkReassign({ state: view.item.state, isOffice: isOffice(actor.user), fromUnitId: view.item.unitId, toUnitId, reason });
  if (reasons.length) return refuse(...reasons);
  return guarded(() => audited(core, actor, view, 'reassign', core.clock.now(), { kind: 'reassign', fromUnit: view.unitName, toUnit: to.name, reason }, { unitId: to.id }));
}
