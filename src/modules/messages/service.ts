// Every state-changing verb of 互动交流: validate → domain → one transaction → history row + audit row.
import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { sharedSecret } from '../../core/bootstrap.ts';
import { shanghaiToday } from '../../core/clock.ts';
import type { WorkCalendar } from '../../core/calendar/working-days.ts';
import { provisionalOnce } from '../../core/calendar/provisional.ts';
import { listUnitsOfRoot } from '../units/index.ts';
import { lookupCodeFromBytes, normaliseLookupCode } from '../requests/index.ts';
import { msgEvents, msgHistory, msgItems, msgSequences, msgSettings } from './data/schema.ts';
import { DEFAULT_LIMITS, limitKeyOf, validateLimits, type Channel, type TimeLimits } from './domain/kinds.ts';
import { computeClock, repliedOnTime, workingDaysTaken, type ClockEvent } from './domain/clock.ts';
import { formatItemNo, validateIntake, type IntakeInput } from './domain/intake.ts';
import { REFUSAL_REASONS, refusalNotice, type RefusalReason } from './domain/refusals.ts';
import { maskForPublication } from './domain/masking.ts';
import { messageSearchDocument } from './search-document.ts';
import { subjectChoices } from './domain/subjects.ts';
import { listSubjects } from './service-subjects.ts';
import { checkTransition, type Action, type MessageState, type Party, type Satisfaction, type TransitionFacts } from './domain/states.ts';

export type ItemRow = typeof msgItems.$inferSelect;
export type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string>; reasons: string[] };

export type MessageActor =
  | { kind: 'staff'; user: CurrentUser; audit: Actor }
  /** The caller, after verifyCaller() (编号 + 查询码). */
  | { kind: 'caller'; audit: Actor }
  | { kind: 'system'; audit: Actor };

function fail(errors: Record<string, string>, reasons: string[] = []): { ok: false; errors: Record<string, string>; reasons: string[] } {
  return { ok: false, errors, reasons: reasons.length ? reasons : Object.values(errors) };
}

export function today(core: Pick<Core, 'clock'>): string {
  return shanghaiToday(core.clock.now());
}

// The entered years plus the next one provisionally (as for 依申请公开), one object per cached calendar.
export async function messageCalendar(core: Pick<Core, 'calendar'>): Promise<WorkCalendar> {
  return provisionalOnce(await core.calendar.calendar());
}

// ---------------------------------------------------------------------------------------------
// Who may do what

const UNIT_ROLES = new Set(['editor', 'reviewer', 'unit_admin']);

export function isDispatcher(user: CurrentUser): boolean {
  return user.roles.includes('openness_office') || user.roles.includes('openness_head');
}

/** Who the actor is for this item (domain/states.ts parties). */
export function partiesOf(actor: MessageActor, row: Pick<ItemRow, 'rootUnitId' | 'unitId' | 'assistUnitIds'>): Set<Party> {
  const p = new Set<Party>();
  if (actor.kind === 'caller') p.add('caller');
  if (actor.kind === 'system') p.add('system');
  if (actor.kind !== 'staff') return p;
  const u = actor.user;
  if (u.rootUnitId !== row.rootUnitId) return p;
  if (isDispatcher(u)) p.add('dispatcher');
  const unitStaff = u.roles.some((r) => UNIT_ROLES.has(r));
  if (unitStaff && row.unitId === u.unitId) p.add('main_unit');
  if (unitStaff && row.assistUnitIds.includes(u.unitId)) p.add('assist_unit');
  return p;
}

/** Staff who may see an item: the openness office and auditors of the city, the 主办/协办 units, the mailbox unit. */
export function canViewItem(user: CurrentUser, row: Pick<ItemRow, 'rootUnitId' | 'unitId' | 'assistUnitIds' | 'mailboxUnitId'>): boolean {
  if (user.rootUnitId !== row.rootUnitId) return false;
  if (isDispatcher(user) || user.roles.includes('auditor')) return true;
  return row.unitId === user.unitId || row.assistUnitIds.includes(user.unitId) || row.mailboxUnitId === user.unitId;
}

/** Whether the viewer sees the caller's name and number: not a handling unit when a 举报人 asked for secrecy. */
export function seesCallerIdentity(user: CurrentUser, row: Pick<ItemRow, 'keepIdentity'>): boolean {
  return !row.keepIdentity || isDispatcher(user);
}

// ---------------------------------------------------------------------------------------------
// Settings

export async function getLimits(db: DbOrTx, rootUnitId: number): Promise<TimeLimits> {
  const rows = await db.select({ limits: msgSettings.limits }).from(msgSettings).where(eq(msgSettings.rootUnitId, rootUnitId)).limit(1);
  const l = rows[0]?.limits;
  return l ? { ...DEFAULT_LIMITS, ...l, days: { ...DEFAULT_LIMITS.days, ...l.days } } : DEFAULT_LIMITS;
}

export async function updateLimits(core: Core, actor: MessageActor, rootUnitId: number, input: Record<string, number | undefined>): Promise<Result> {
  if (actor.kind !== 'staff' || !isDispatcher(actor.user) || actor.user.rootUnitId !== rootUnitId) return fail({}, ['只有政务公开办可以修改办理时限']);
  const v = validateLimits(input);
  if (!v.ok) return fail(v.errors);
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const before = await getLimits(tx, rootUnitId);
    await tx
      .insert(msgSettings)
      .values({ rootUnitId, limits: v.value, updatedBy: actor.user.id, updatedAt: now })
      .onConflictDoUpdate({ target: msgSettings.rootUnitId, set: { limits: v.value, updatedBy: actor.user.id, updatedAt: now } });
    await writeAudit(tx, actor.audit, { action: 'messages.limits_updated', targetType: 'msg_settings', targetId: rootUnitId, summary: { before, after: v.value } }, now);
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Intake

export function lookupHash(itemNo: string, code: string): string {
  return crypto.createHash('sha256').update(`${itemNo}:${normaliseLookupCode(code)}`).digest('hex');
}

/** Derived from the submission's idempotency key, so a retried submit shows the same code. */
function derivedLookupCode(secret: string, key: string, itemNo: string): string {
  return lookupCodeFromBytes(crypto.createHmac('sha256', secret).update(`${key}\n${itemNo}`).digest());
}

export interface SubmitInput {
  rootUnitId: number;
  channel: Channel;
  fields: IntakeInput;
  keepIdentity: boolean;
  /** null: not answered (web forms must ask). */
  allowPublication: boolean | null;
  idempotencyKey: string;
  audit: Actor;
  /** A call-taker registering a 96128 call, or staff handing a request over. */
  staff?: CurrentUser;
  /** 依申请公开转来: the request's 受理编号. */
  linkedRequestNo?: string;
  /** 主题分类 chosen on the form ('' or absent: none); must be one the form offers. */
  subjectId?: string;
}

async function nextSeq(tx: Tx, rootUnitId: number, year: number): Promise<number> {
  const rows = await tx
    .insert(msgSequences)
    .values({ rootUnitId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [msgSequences.rootUnitId, msgSequences.year], set: { lastSeq: sql`${msgSequences.lastSeq} + 1` } })
    .returning({ seq: msgSequences.lastSeq });
  return rows[0]!.seq;
}

/**
 * One intake for every channel. Idempotent: the same key always gives the same item and lookup code,
 * also for two submissions racing each other (advisory lock on the key, then a second look).
 */
export async function submitMessage(core: Core, input: SubmitInput): Promise<Result<{ item: ItemRow; itemNo: string; lookupCode: string; duplicate: boolean }>> {
  const key = input.idempotencyKey.trim();
  const keyOk = /^[A-Za-z0-9_-]{16,100}$/.test(key);
  const secret = await sharedSecret(core.db, 'messages_lookup');
  const found = async (db: DbOrTx) => (await db.select().from(msgItems).where(eq(msgItems.idempotencyKey, key)).limit(1))[0];
  const existing = keyOk ? await found(core.db) : undefined;
  if (existing) return { ok: true, item: existing, itemNo: existing.itemNo, lookupCode: derivedLookupCode(secret, key, existing.itemNo), duplicate: true };
  const checked = validateIntake(input.channel, input.fields);
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  let mailboxUnitId: number | null = null;
  if (input.channel === 'unit_mailbox' && input.fields.mailboxUnit) {
    const unit = (await listUnitsOfRoot(core.db, input.rootUnitId)).find((u) => u.slug === input.fields.mailboxUnit && u.type !== 'other');
    if (!unit) errors.mailboxUnit = '请从列表中选择部门或乡镇';
    else mailboxUnitId = unit.id;
  }
  if (input.allowPublication === null) errors.allowPublication = '请选择是否同意公开';
  let subjectId: number | null = null;
  if (input.subjectId) {
    const choice = subjectChoices(await listSubjects(core.db, input.rootUnitId)).find((c) => String(c.id) === input.subjectId);
    if (!choice) errors.subjectId = '请从列表中选择主题分类';
    else subjectId = choice.id;
  }
  if (!keyOk) errors.idempotencyKey = '表单已失效，请刷新页面后重新提交';
  if (!checked.ok || Object.keys(errors).length) return fail(errors);
  const v = checked.value;
  const t = today(core);
  const limits = await getLimits(core.db, input.rootUnitId);
  const limit = limits.days[limitKeyOf(input.channel, v.kind)];
  const cal = await messageCalendar(core);
  const received: ClockEvent = { kind: 'received', on: t };
  const clock = computeClock([received], limit, limits.signDays, cal);
  const now = core.clock.now();
  const out = await core.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727519, hashtext(${key}))`);
    const again = await found(tx);
    if (again) return { item: again, duplicate: true };
    // From here to commit every submission of the site waits on the year's 编号 counter (gap-free: a
    // rolled-back submission gives its number back) and then on the audit chain, so the statements in
    // between are few: the item, then its clock event and history row together.
    const year = Number(t.slice(0, 4));
    const itemNo = formatItemNo(year, await nextSeq(tx, input.rootUnitId, year));
    const [row] = await tx
      .insert(msgItems)
      .values({
        rootUnitId: input.rootUnitId,
        itemNo,
        lookupHash: lookupHash(itemNo, derivedLookupCode(secret, key, itemNo)),
        idempotencyKey: key,
        channel: input.channel,
        kind: v.kind,
        mailboxUnitId,
        title: v.title,
        content: v.content,
        callerName: v.callerName,
        callerPhone: v.callerPhone,
        callerEmail: v.callerEmail,
        keepIdentity: input.keepIdentity,
        allowPublication: input.allowPublication ?? false,
        state: 'received',
        receivedOn: t,
        receivedAt: now,
        dueOn: clock.dueOn,
        limitDays: limit,
        createdBy: input.staff?.id ?? null,
        linkedRequestNo: input.linkedRequestNo ?? '',
        subjectId,
      })
      .returning();
    const note = input.channel === 'hotline' ? '96128热线来电登记' : input.linkedRequestNo ? `由依申请公开 ${input.linkedRequestNo} 转来（条例第三十九条）` : '网上提交';
    await tx.execute(sql`WITH e AS (INSERT INTO msg_events (item_id, event, at) VALUES (${row!.id}, ${JSON.stringify(received)}::jsonb, ${now}))
      INSERT INTO msg_history (item_id, action, from_state, to_state, actor_id, actor_name, unit_name, note, at)
      VALUES (${row!.id}, 'receive', NULL, 'received', ${input.staff?.id ?? null}, ${input.audit.name}, '', ${note}, ${now})`);
    await writeAudit(tx, input.audit, { action: 'messages.received', targetType: 'message', targetId: itemNo, summary: { after: { state: 'received', channel: input.channel, kind: v.kind } } }, now);
    return { item: row!, duplicate: false };
  });
  return { ok: true, item: out.item, itemNo: out.item.itemNo, lookupCode: derivedLookupCode(secret, key, out.item.itemNo), duplicate: out.duplicate };
}

/** The caller proves who they are with 编号 + 查询码; null when they do not match. */
export async function verifyCaller(core: Core, rootUnitId: number, itemNo: string, code: string): Promise<ItemRow | null> {
  const rows = await core.db
    .select()
    .from(msgItems)
    .where(and(eq(msgItems.rootUnitId, rootUnitId), eq(msgItems.itemNo, itemNo)))
    .limit(1);
  const row = rows[0];
  const b = Buffer.from(lookupHash(itemNo, code || '-'), 'hex');
  if (!row) {
    crypto.timingSafeEqual(b, b);
    return null;
  }
  return crypto.timingSafeEqual(Buffer.from(row.lookupHash, 'hex'), b) ? row : null;
}

// ---------------------------------------------------------------------------------------------
// Actions

export interface ActInput {
  note?: string;
  /** dispatch / approve_return: the 主办单位 and 协办单位. */
  unitId?: number;
  assistUnitIds?: number[];
  /** request_extension: working days asked. */
  days?: number;
  satisfaction?: Satisfaction;
  refusalReason?: RefusalReason;
  /** supervise: 挂牌督办. */
  flag?: boolean;
  /** answer_now: the 知识库 entry the answer comes from. */
  knowledgeId?: number;
  /** transfer_request: the request made from the item (service-handover.ts). */
  linkedRequestNo?: string;
}

/** Labels for history rows shown to the caller: the unit, never a staff member's name. */
async function unitNames(db: DbOrTx, rootUnitId: number): Promise<Map<number, string>> {
  return new Map((await listUnitsOfRoot(db, rootUnitId)).map((u) => [u.id, u.name]));
}

/**
 * One verb for every action of the transition table: the table decides whether it may happen, this
 * function what it changes. One transaction, with the history row and the audit row.
 */
export async function act(core: Core, actor: MessageActor, itemId: number, action: Action, input: ActInput = {}): Promise<Result<{ state: MessageState }>> {
  const t = today(core);
  const now = core.clock.now();
  const cal = await messageCalendar(core);
  const note = (input.note ?? '').trim();
  const errors: Record<string, string> = {};
  if ([...note].length > 3000) errors.note = '内容不能超过3000个字';
  if (action === 'refuse' && (!input.refusalReason || !REFUSAL_REASONS.includes(input.refusalReason))) errors.refusalReason = '请选择不予受理的理由';
  if (action === 'request_extension') {
    if (input.days === undefined || !Number.isInteger(input.days) || input.days < 1) errors.days = '请填写延期的工作日数（正整数）';
  }
  if (Object.keys(errors).length) return fail(errors);
  const result = await core.db.transaction(async (tx): Promise<Result<{ state: MessageState }>> => {
    const row = (await tx.select().from(msgItems).where(eq(msgItems.id, itemId)).for('update').limit(1))[0];
    if (!row) return fail({}, ['没有找到该诉求']);
    // 并单: a merged item is handled, answered and visited through its main item.
    if (row.mergedInto !== null) {
      const main = (await tx.select({ itemNo: msgItems.itemNo }).from(msgItems).where(eq(msgItems.id, row.mergedInto)).limit(1))[0];
      return fail({}, [`该诉求已并入 ${main?.itemNo ?? '其他诉求'}，请在主件上办理`]);
    }
    const names = await unitNames(tx, row.rootUnitId);
    const limits = await getLimits(tx, row.rootUnitId);
    const parties = partiesOf(actor, row);
    const newUnitId = input.unitId && names.has(input.unitId) ? input.unitId : null;
    if (input.unitId && !newUnitId) return fail({ unitId: '请从列表中选择单位' });
    if (action === 'request_extension' && input.days! > limits.maxExtensionDays) return fail({ days: `单次延期不能超过${limits.maxExtensionDays}个工作日` });
    const facts: TransitionFacts = {
      today: t,
      actorId: actor.kind === 'staff' ? actor.user.id : null,
      dueOn: row.dueOn,
      newUnitId,
      currentUnitId: row.unitId,
      designated: row.designated,
      signed: row.signedOn !== null,
      extensionPending: row.extensionPendingDays !== null,
      extensionRequestedBy: row.extensionRequestedBy,
      redone: row.redone,
      hasText: note.length > 0,
      satisfaction: input.satisfaction ?? null,
      publicationAllowed: row.allowPublication,
      published: row.publishedAt !== null,
    };
    const check = checkTransition(action, row.state, parties, facts);
    if (!check.ok) return fail({}, check.reasons);
    const set: Partial<typeof msgItems.$inferInsert> = { state: check.to };
    const events: ClockEvent[] = [];
    let historyNote = note;
    switch (action) {
      case 'answer_now':
        Object.assign(set, { replyText: note, repliedOn: t, repliedOnTime: true, workingDaysTaken: 0, closedOn: t, knowledgeId: input.knowledgeId ?? null });
        if (input.knowledgeId) historyNote = `即时答复（知识库）：${note}`;
        break;
      case 'refuse':
        historyNote = refusalNotice(input.refusalReason!, note);
        Object.assign(set, { refusalReason: input.refusalReason, replyText: historyNote, closedOn: t });
        break;
      case 'transfer_request':
        if (!input.linkedRequestNo) return fail({}, ['请从诉求页面转依申请公开']);
        Object.assign(set, { linkedRequestNo: input.linkedRequestNo, replyText: note, closedOn: t });
        break;
      case 'dispatch':
      case 'approve_return': {
        const assist = [...new Set((input.assistUnitIds ?? []).filter((id) => names.has(id) && id !== newUnitId))];
        Object.assign(set, { unitId: newUnitId, assistUnitIds: assist, dispatchedOn: t, signedOn: null, designated: action === 'approve_return' ? true : row.designated });
        events.push({ kind: 'dispatched', on: t });
        historyNote = [`主办单位：${names.get(newUnitId!)}`, assist.length ? `协办单位：${assist.map((id) => names.get(id)).join('、')}` : '', action === 'approve_return' ? '（政务公开办指定，不得再退回）' : '', note].filter(Boolean).join('；');
        break;
      }
      case 'sign':
        set.signedOn = t;
        break;
      case 'request_extension':
        Object.assign(set, { extensionPendingDays: input.days, extensionRequestedBy: facts.actorId, extensionReason: note });
        historyNote = `申请延期${input.days}个工作日：${note}`;
        break;
      case 'approve_extension':
        events.push({ kind: 'extended', on: t, days: row.extensionPendingDays! });
        Object.assign(set, { extensionPendingDays: null, extensionRequestedBy: null });
        historyNote = [`同意延期${row.extensionPendingDays}个工作日`, note].filter(Boolean).join('；');
        break;
      case 'reject_extension':
        Object.assign(set, { extensionPendingDays: null, extensionRequestedBy: null });
        break;
      case 'reply':
        Object.assign(set, { replyText: note, replyUnitId: row.unitId, repliedOn: t, repliedOnTime: repliedOnTime(t, row.dueOn), workingDaysTaken: workingDaysTaken(row.receivedOn, t, cal) });
        break;
      case 'return_reply':
        Object.assign(set, { repliedOn: null, repliedOnTime: null, workingDaysTaken: null });
        break;
      case 'record_visit':
        Object.assign(set, { satisfaction: input.satisfaction, closedOn: t });
        historyNote = [`回访评价：${{ satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' }[input.satisfaction!]}`, note].filter(Boolean).join('；');
        break;
      case 'redo':
        events.push({ kind: 'redo', on: t });
        Object.assign(set, { redone: true, satisfaction: 'unsatisfied', repliedOn: null, repliedOnTime: null, workingDaysTaken: null, signedOn: row.signedOn ?? t });
        historyNote = `不满意，退回重办：${note}`;
        break;
      case 'approve_termination':
        set.closedOn = t;
        break;
      case 'supervise':
        Object.assign(set, { supervised: true, flagged: row.flagged || !!input.flag });
        historyNote = `${input.flag ? '挂牌督办' : '督办'}：${note}`;
        break;
      case 'publish': {
        const pub = { publicTitle: maskForPublication(row.title, [row.callerName]), publicContent: maskForPublication(row.content, [row.callerName]), publicReply: maskForPublication(row.replyText, [row.callerName]) };
        Object.assign(set, pub, { publishedAt: now, searchDocument: messageSearchDocument(pub.publicTitle, pub.publicContent, pub.publicReply) });
        break;
      }
      default:
        break;
    }
    if (events.length) {
      await tx.insert(msgEvents).values(events.map((event) => ({ itemId: row.id, event, at: now })));
      const all = (await tx.select({ event: msgEvents.event }).from(msgEvents).where(eq(msgEvents.itemId, row.id)).orderBy(asc(msgEvents.id))).map((e) => e.event);
      const clock = computeClock(all, row.limitDays, limits.signDays, cal);
      Object.assign(set, { dueOn: clock.dueOn, signBy: clock.signBy });
    }
    await tx.update(msgItems).set(set).where(eq(msgItems.id, row.id));
    const actingUnit = actor.kind === 'staff' ? (isDispatcher(actor.user) && !parties.has('main_unit') ? '政务公开办' : actor.user.unitName) : actor.kind === 'caller' ? '诉求人' : '系统';
    await tx.insert(msgHistory).values({ itemId: row.id, action, fromState: row.state, toState: check.to, actorId: facts.actorId, actorName: actor.audit.name, unitName: actingUnit, note: historyNote, at: now });
    await writeAudit(tx, actor.audit, { action: `messages.${action}`, targetType: 'message', targetId: row.itemNo, unitId: row.unitId, summary: { before: { state: row.state }, after: { state: check.to }, note: historyNote.slice(0, 500) } }, now);
    return { ok: true, state: check.to };
  });
  return result;
}

export async function findItemByNo(db: DbOrTx, rootUnitId: number, itemNo: string): Promise<ItemRow | undefined> {
  return (await db.select().from(msgItems).where(and(eq(msgItems.rootUnitId, rootUnitId), eq(msgItems.itemNo, itemNo))).limit(1))[0];
}

/** The clock explanation of an item (for its page). */
export async function clockSteps(core: Core, row: ItemRow): Promise<string[]> {
  const events = (await core.db.select({ event: msgEvents.event }).from(msgEvents).where(eq(msgEvents.itemId, row.id)).orderBy(asc(msgEvents.id))).map((e) => e.event);
  const limits = await getLimits(core.db, row.rootUnitId);
  return computeClock(events, row.limitDays, limits.signDays, await messageCalendar(core)).steps;
}

/**
 * Builds the search document of published items that have none (items published before the search
 * index existed). Run at start-up; a no-op once done. Returns how many were indexed.
 */
export async function indexPublishedMessages(core: Pick<Core, 'db'>): Promise<number> {
  let n = 0;
  for (;;) {
    const rows = await core.db
      .select({ id: msgItems.id, t: msgItems.publicTitle, c: msgItems.publicContent, r: msgItems.publicReply })
      .from(msgItems)
      .where(sql`published_at IS NOT NULL AND search_document IS NULL`)
      .limit(500);
    if (!rows.length) return n;
    for (const x of rows) await core.db.update(msgItems).set({ searchDocument: messageSearchDocument(x.t, x.c, x.r) }).where(eq(msgItems.id, x.id));
    n += rows.length;
  }
}
