// State-changing verbs of 政务新媒体: validate → domain rule → one transaction with its audit row. A
// refusal comes back as reasons a person can read, never as a thrown error.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { units } from '../../core/db/schema.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { hasRole, isCityWide } from '../../core/auth/roles.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { plainTextToHtml, sanitizeRichText } from '../../core/html/sanitize.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { newmediaAccounts, newmediaPostEvents, newmediaPosts, newmediaRequests, newmediaSettings, type AccountFields, type PostAction } from './data/schema.ts';
import { checkDecision, checkRequest, REQUEST_KIND_LABELS, stateAfter, type RequestKind } from './domain/accounts.ts';
import { afterReview, checkEdit, checkRelease, checkReview, checkSubmit, DEFAULT_REVIEW_STEPS, type PostFacts } from './domain/posts.ts';
import { DEFAULT_SILENCE_DAYS, daysSince, isSilent, lastActivity } from './domain/silence.ts';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; reasons: string[] };
const refuse = (reasons: string[]): { ok: false; reasons: string[] } => ({ ok: false, reasons });

export interface NmActor {
  user: CurrentUser;
  audit: Actor;
}

export type AccountRow = typeof newmediaAccounts.$inferSelect;
export type RequestRow = typeof newmediaRequests.$inferSelect;
export type PostRow = typeof newmediaPosts.$inferSelect;
export type PostEventRow = typeof newmediaPostEvents.$inferSelect;

/** The openness office (and system admins) review registry requests and set the site's rules. */
export function isOffice(user: CurrentUser | null): boolean {
  return hasRole(user, 'openness_office', 'openness_head', 'system_admin');
}

export function canSeeAccount(user: CurrentUser, a: { rootUnitId: number; hostUnitId: number }): boolean {
  return a.rootUnitId === user.rootUnitId && (isCityWide(user) || a.hostUnitId === user.unitId);
}

/** 主办单位's staff (or the office) file requests, write posts and record releases. */
export function mayWrite(user: CurrentUser, a: { rootUnitId: number; hostUnitId: number }): boolean {
  return a.rootUnitId === user.rootUnitId && (isOffice(user) || (a.hostUnitId === user.unitId && hasRole(user, 'editor', 'reviewer', 'unit_admin')));
}

/** 主办单位's reviewers (or the office) review posts. */
export function mayReview(user: CurrentUser, a: { rootUnitId: number; hostUnitId: number }): boolean {
  return a.rootUnitId === user.rootUnitId && (isOffice(user) || (a.hostUnitId === user.unitId && hasRole(user, 'reviewer', 'unit_admin')));
}

// ---- settings ----

export interface Settings {
  reviewSteps: string[];
  silenceDays: number;
}

export async function settingsOf(db: DbOrTx, rootUnitId: number): Promise<Settings> {
  const [r] = await db.select().from(newmediaSettings).where(eq(newmediaSettings.rootUnitId, rootUnitId));
  return r ? { reviewSteps: r.reviewSteps, silenceDays: r.silenceDays } : { reviewSteps: [...DEFAULT_REVIEW_STEPS], silenceDays: DEFAULT_SILENCE_DAYS };
}

export async function saveSettings(core: Core, actor: NmActor, s: Settings): Promise<Result> {
  if (!isOffice(actor.user)) return refuse(['只有政务公开办可以设置审核环节和更新期限。']);
  const root = actor.user.rootUnitId;
  const now = core.clock.now();
  const before = await settingsOf(core.db, root);
  await core.db.transaction(async (tx) => {
    await tx.insert(newmediaSettings).values({ rootUnitId: root, ...s, updatedAt: now }).onConflictDoUpdate({ target: newmediaSettings.rootUnitId, set: { ...s, updatedAt: now } });
    await writeAudit(tx, actor.audit, { action: 'newmedia.settings', targetType: 'newmedia_settings', targetId: root, unitId: root, summary: { before, after: s } }, now);
  });
  return { ok: true };
}

// ---- registry ----

export async function unitsOfCity(db: DbOrTx, rootUnitId: number): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(sql`(${units.id} = ${rootUnitId} OR ${units.rootId} = ${rootUnitId})`)
    .orderBy(asc(units.sortOrder), asc(units.id));
}

export interface AccountView {
  account: AccountRow;
  unitName: string;
  pending: RequestRow | null;
  lastOn: string;
  lastKnown: boolean;
  days: number;
  silent: boolean;
}

/** Accounts of a site with their last activity and silence flag (active accounts only can be silent). */
export async function loadAccounts(db: DbOrTx, rootUnitId: number, today: string, ids?: number[]): Promise<AccountView[]> {
  const rows = await db
    .select({ a: newmediaAccounts, unitName: units.name })
    .from(newmediaAccounts)
    .innerJoin(units, eq(units.id, newmediaAccounts.hostUnitId))
    .where(and(eq(newmediaAccounts.rootUnitId, rootUnitId), ids ? inArray(newmediaAccounts.id, ids.length ? ids : [0]) : undefined))
    .orderBy(asc(units.sortOrder), asc(newmediaAccounts.platform), asc(newmediaAccounts.id));
  if (!rows.length) return [];
  const accIds = rows.map((r) => r.a.id);
  const released = (await db.execute(sql`SELECT account_id, ((max(released_at) AT TIME ZONE 'Asia/Shanghai')::date)::text AS on FROM newmedia_posts WHERE account_id IN (${sql.join(accIds.map((i) => sql`${i}`), sql`, `)}) AND released_at IS NOT NULL GROUP BY account_id`)).rows as { account_id: string; on: string }[];
  const relBy = new Map(released.map((r) => [Number(r.account_id), r.on]));
  const pending = await db.select().from(newmediaRequests).where(and(inArray(newmediaRequests.accountId, accIds), eq(newmediaRequests.state, 'pending')));
  const pendBy = new Map(pending.map((p) => [p.accountId, p]));
  const { silenceDays } = await settingsOf(db, rootUnitId);
  return rows.map(({ a, unitName }) => {
    const act = { id: a.id, openedOn: a.openedOn, lastReleasedOn: relBy.get(a.id) ?? null, lastRecordedOn: a.lastRecordedOn };
    const last = lastActivity(act);
    return { account: a, unitName, pending: pendBy.get(a.id) ?? null, lastOn: last.on, lastKnown: last.known, days: daysSince(last.on, today), silent: a.state === 'active' && isSilent(act, today, silenceDays) };
  });
}

export type RegistryFilter = 'current' | 'all' | 'silent';

/** The registry as a user sees it: in operation and proposed, everything, or the silent ones only. */
export async function registryFor(db: DbOrTx, user: CurrentUser, today: string, show: RegistryFilter): Promise<AccountView[]> {
  return (await loadAccounts(db, user.rootUnitId, today)).filter((v) => canSeeAccount(user, v.account) && (show === 'all' || (show === 'silent' ? v.silent : v.account.state === 'active' || v.account.state === 'proposed')));
}

export interface SilentAccount {
  id: number;
  name: string;
  platform: string;
  unitName: string;
  url: string;
  /** Last known update (or the opening date when none is known). */
  lastOn: string;
  lastKnown: boolean;
  days: number;
  /** The site's threshold in days. */
  threshold: number;
}

/** Accounts in operation with no update within the site's period before `today` (19号 内容不更新). */
export async function silentAccounts(db: DbOrTx, rootUnitId: number, today: string): Promise<SilentAccount[]> {
  const { silenceDays } = await settingsOf(db, rootUnitId);
  return (await loadAccounts(db, rootUnitId, today))
    .filter((v) => v.silent)
    .map((v) => ({ id: v.account.id, name: v.account.name, platform: v.account.platform, unitName: v.unitName, url: v.account.url, lastOn: v.lastOn, lastKnown: v.lastKnown, days: v.days, threshold: silenceDays }));
}

export async function requestsOf(db: DbOrTx, accountId: number): Promise<RequestRow[]> {
  return db.select().from(newmediaRequests).where(eq(newmediaRequests.accountId, accountId)).orderBy(desc(newmediaRequests.requestedAt), desc(newmediaRequests.id));
}

/** Pending requests of the site, oldest first: the office's queue. */
export async function pendingRequests(db: DbOrTx, rootUnitId: number): Promise<(RequestRow & { accountName: string; platform: string })[]> {
  const rows = await db
    .select({ r: newmediaRequests, accountName: newmediaAccounts.name, platform: newmediaAccounts.platform })
    .from(newmediaRequests)
    .innerJoin(newmediaAccounts, eq(newmediaAccounts.id, newmediaRequests.accountId))
    .where(and(eq(newmediaAccounts.rootUnitId, rootUnitId), eq(newmediaRequests.state, 'pending')))
    .orderBy(asc(newmediaRequests.requestedAt));
  return rows.map((x) => ({ ...x.r, accountName: x.accountName, platform: x.platform }));
}

async function byKey(db: DbOrTx, key: string | null): Promise<RequestRow | null> {
  if (!key) return null;
  const [r] = await db.select().from(newmediaRequests).where(eq(newmediaRequests.submissionKey, key));
  return r ?? null;
}

/** 开设: a proposed account and its request, reviewed by the office. */
export async function requestOpening(core: Core, actor: NmActor, input: AccountFields & { hostUnitId: number; submissionKey: string | null }): Promise<Result<{ accountId: number }>> {
  const dup = await byKey(core.db, input.submissionKey);
  if (dup) return { ok: true, accountId: dup.accountId };
  const root = actor.user.rootUnitId;
  if (!mayWrite(actor.user, { rootUnitId: root, hostUnitId: input.hostUnitId })) return refuse(['只能为本单位申请开设政务新媒体账号。']);
  const now = core.clock.now();
  const { hostUnitId, submissionKey, ...fields } = input;
  const accountId = await core.db.transaction(async (tx) => {
    const [a] = await tx.insert(newmediaAccounts).values({ rootUnitId: root, ...fields, hostUnitId, openedOn: shanghaiToday(now), state: 'proposed' }).returning({ id: newmediaAccounts.id });
    await tx.insert(newmediaRequests).values({ accountId: a!.id, kind: 'open', fields, requestedBy: actor.audit.id, requestedByName: actor.audit.name, requestedAt: now, submissionKey });
    await writeAudit(tx, actor.audit, { action: 'newmedia.request-open', targetType: 'newmedia_account', targetId: a!.id, unitId: hostUnitId, summary: { after: fields } }, now);
    return a!.id;
  });
  return { ok: true, accountId };
}

/** 变更 / 关停 / 注销 of an existing account. */
export async function fileRequest(core: Core, actor: NmActor, accountId: number, kind: Exclude<RequestKind, 'open'>, input: { fields: AccountFields | null; notice: string; submissionKey: string | null }): Promise<Result> {
  if (await byKey(core.db, input.submissionKey)) return { ok: true };
  const [a] = await core.db.select().from(newmediaAccounts).where(eq(newmediaAccounts.id, accountId));
  if (!a) return refuse(['没有这个账号。']);
  const pending = (await core.db.select({ id: newmediaRequests.id }).from(newmediaRequests).where(and(eq(newmediaRequests.accountId, accountId), eq(newmediaRequests.state, 'pending')))).length > 0;
  const reasons = checkRequest(kind, { state: a.state, pending, mayRequest: mayWrite(actor.user, a), notice: kind === 'close' ? input.notice : 'n/a' });
  if (reasons.length) return refuse(reasons);
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.insert(newmediaRequests).values({ accountId, kind, fields: input.fields, notice: input.notice, requestedBy: actor.audit.id, requestedByName: actor.audit.name, requestedAt: now, submissionKey: input.submissionKey });
    await writeAudit(tx, actor.audit, { action: `newmedia.request-${kind}`, targetType: 'newmedia_account', targetId: accountId, unitId: a.hostUnitId, summary: { after: input.fields ?? undefined, note: input.notice || undefined } }, now);
  });
  return { ok: true };
}

/** The office approves (the account changes) or returns the request with a reason. */
export async function decideRequest(core: Core, actor: NmActor, requestId: number, approve: boolean, reason: string): Promise<Result<{ accountId: number }>> {
  const [r] = await core.db.select().from(newmediaRequests).where(eq(newmediaRequests.id, requestId));
  if (!r) return refuse(['没有这项申请。']);
  const [a] = await core.db.select().from(newmediaAccounts).where(eq(newmediaAccounts.id, r.accountId));
  if (!a || a.rootUnitId !== actor.user.rootUnitId) return refuse(['没有这项申请。']);
  // A repeated form post after the decision changes nothing.
  if (r.state !== 'pending' && r.decidedByName === actor.audit.name && (r.state === 'approved') === approve) return { ok: true, accountId: a.id };
  const reasons = checkDecision({ isOffice: isOffice(actor.user), requestState: r.state, accountState: a.state, kind: r.kind, approve, reason });
  if (reasons.length) return refuse(reasons);
  const now = core.clock.now();
  const today = shanghaiToday(now);
  const next = stateAfter(r.kind, a.state, approve);
  await core.db.transaction(async (tx) => {
    const claimed = await tx
      .update(newmediaRequests)
      .set({ state: approve ? 'approved' : 'rejected', decidedByName: actor.audit.name, decidedAt: now, reason })
      .where(and(eq(newmediaRequests.id, r.id), eq(newmediaRequests.state, 'pending')))
      .returning({ id: newmediaRequests.id });
    if (!claimed.length) return;
    const set: Partial<typeof newmediaAccounts.$inferInsert> = { state: next };
    if (approve && (r.kind === 'open' || r.kind === 'change') && r.fields) Object.assign(set, r.fields);
    if (approve && r.kind === 'open') set.openedOn = today;
    if (approve && (r.kind === 'close' || r.kind === 'cancel') && !a.closedOn) set.closedOn = today;
    await tx.update(newmediaAccounts).set(set).where(eq(newmediaAccounts.id, a.id));
    await writeAudit(tx, actor.audit, { action: `newmedia.request-${approve ? 'approved' : 'rejected'}`, targetType: 'newmedia_account', targetId: a.id, unitId: a.hostUnitId, summary: { before: { state: a.state }, after: { state: next, ...(set as object) }, note: `${REQUEST_KIND_LABELS[r.kind]}${reason ? `：${reason}` : ''}` } }, now);
  });
  return { ok: true, accountId: a.id };
}

/** 最近更新: staff record an update made directly on the platform (a date, not in the future). */
export async function recordUpdate(core: Core, actor: NmActor, accountId: number, on: string): Promise<Result> {
  const [a] = await core.db.select().from(newmediaAccounts).where(eq(newmediaAccounts.id, accountId));
  if (!a) return refuse(['没有这个账号。']);
  const reasons: string[] = [];
  if (!mayWrite(actor.user, a)) reasons.push('只有主办单位的工作人员或政务公开办可以登记更新。');
  if (a.state !== 'active') reasons.push('账号不在运营状态。');
  if (on > shanghaiToday(core.clock.now())) reasons.push('最近更新日期不能晚于今天。');
  if (on < a.openedOn) reasons.push('最近更新日期不能早于开设时间。');
  if (reasons.length) return refuse(reasons);
  if (a.lastRecordedOn && a.lastRecordedOn >= on) return { ok: true };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.update(newmediaAccounts).set({ lastRecordedOn: on }).where(eq(newmediaAccounts.id, accountId));
    await writeAudit(tx, actor.audit, { action: 'newmedia.update-recorded', targetType: 'newmedia_account', targetId: accountId, unitId: a.hostUnitId, summary: { before: { lastRecordedOn: a.lastRecordedOn }, after: { lastRecordedOn: on } } }, now);
  });
  return { ok: true };
}

// ---- posts ----

export interface PostView {
  post: PostRow;
  account: AccountRow;
  unitName: string;
  events: PostEventRow[];
}

export function factsOf(p: PostRow, events: PostEventRow[]): PostFacts {
  return { state: p.state, authorId: p.authorId, chain: p.chain, step: p.step, approvals: events.filter((e) => e.action === 'approve' && e.round === p.round).map((e) => ({ step: e.step ?? 0, reviewerId: e.actorId ?? 0 })) };
}

export async function loadPost(db: DbOrTx, rootUnitId: number, id: number): Promise<PostView | null> {
  const [r] = await db
    .select({ post: newmediaPosts, account: newmediaAccounts, unitName: units.name })
    .from(newmediaPosts)
    .innerJoin(newmediaAccounts, eq(newmediaAccounts.id, newmediaPosts.accountId))
    .innerJoin(units, eq(units.id, newmediaAccounts.hostUnitId))
    .where(and(eq(newmediaPosts.id, id), eq(newmediaAccounts.rootUnitId, rootUnitId)));
  if (!r) return null;
  const events = await db.select().from(newmediaPostEvents).where(eq(newmediaPostEvents.postId, id)).orderBy(asc(newmediaPostEvents.at), asc(newmediaPostEvents.id));
  return { ...r, events };
}

export type PostListRow = PostRow & { accountName: string; platform: string; unitName: string; hostUnitId: number };

/** Posts the user may see, newest first; `state` filters. */
export async function listPosts(db: DbOrTx, user: CurrentUser, state?: PostRow['state']): Promise<PostListRow[]> {
  const rows = await db
    .select({ post: newmediaPosts, accountName: newmediaAccounts.name, platform: newmediaAccounts.platform, unitName: units.name, hostUnitId: newmediaAccounts.hostUnitId, rootUnitId: newmediaAccounts.rootUnitId })
    .from(newmediaPosts)
    .innerJoin(newmediaAccounts, eq(newmediaAccounts.id, newmediaPosts.accountId))
    .innerJoin(units, eq(units.id, newmediaAccounts.hostUnitId))
    .where(and(eq(newmediaAccounts.rootUnitId, user.rootUnitId), state ? eq(newmediaPosts.state, state) : undefined, isCityWide(user) ? undefined : eq(newmediaAccounts.hostUnitId, user.unitId)))
    .orderBy(desc(newmediaPosts.updatedAt), desc(newmediaPosts.id));
  return rows.map((r) => ({ ...r.post, accountName: r.accountName, platform: r.platform, unitName: r.unitName, hostUnitId: r.hostUnitId }));
}

/** Posts waiting for this person's review: in review, not their own, a step they have not signed. */
export async function waitingForMe(db: DbOrTx, user: CurrentUser): Promise<PostListRow[]> {
  const rows = await listPosts(db, user, 'in_review');
  if (!rows.length) return [];
  const signed = await db
    .select({ postId: newmediaPostEvents.postId, round: newmediaPostEvents.round })
    .from(newmediaPostEvents)
    .where(and(inArray(newmediaPostEvents.postId, rows.map((r) => r.id)), eq(newmediaPostEvents.action, 'approve'), eq(newmediaPostEvents.actorId, user.id)));
  return rows.filter((r) => r.authorId !== user.id && mayReview(user, { rootUnitId: user.rootUnitId, hostUnitId: r.hostUnitId }) && !signed.some((s) => s.postId === r.id && s.round === r.round));
}

export function cleanBody(text: string): string {
  return sanitizeRichText(plainTextToHtml(text));
}

async function event(tx: DbOrTx, postId: number, action: PostAction, actor: Actor, at: Date, extra: { step?: number; stepName?: string; round?: number; reason?: string } = {}) {
  await tx.insert(newmediaPostEvents).values({ postId, action, actorId: actor.id, actorName: actor.name, at, step: extra.step ?? null, stepName: extra.stepName ?? '', round: extra.round ?? 0, reason: extra.reason ?? '' });
}

export async function createPost(core: Core, actor: NmActor, input: { accountId: number; title: string; body: string; submissionKey: string | null }): Promise<Result<{ id: number }>> {
  if (input.submissionKey) {
    const [dup] = await core.db.select({ id: newmediaPosts.id }).from(newmediaPosts).where(eq(newmediaPosts.submissionKey, input.submissionKey));
    if (dup) return { ok: true, id: dup.id };
  }
  const [a] = await core.db.select().from(newmediaAccounts).where(eq(newmediaAccounts.id, input.accountId));
  if (!a || !mayWrite(actor.user, a)) return refuse(['只能为本单位运营的账号撰写稿件。']);
  if (a.state !== 'active') return refuse(['账号不在运营状态，不能撰写稿件。']);
  const now = core.clock.now();
  const id = await core.db.transaction(async (tx) => {
    const [p] = await tx.insert(newmediaPosts).values({ accountId: a.id, title: input.title, bodyHtml: cleanBody(input.body), authorId: actor.user.id, authorName: actor.audit.name, createdAt: now, updatedAt: now, submissionKey: input.submissionKey }).returning({ id: newmediaPosts.id });
    await event(tx, p!.id, 'create', actor.audit, now);
    await writeAudit(tx, actor.audit, { action: 'newmedia.post-created', targetType: 'newmedia_post', targetId: p!.id, unitId: a.hostUnitId, summary: { after: { account: a.name, title: input.title } } }, now);
    return p!.id;
  });
  return { ok: true, id };
}

export async function editPost(core: Core, actor: NmActor, view: PostView, input: { title: string; body: string }): Promise<Result> {
  const reasons = checkEdit(factsOf(view.post, view.events), { mayWrite: mayWrite(actor.user, view.account) });
  if (reasons.length) return refuse(reasons);
  const now = core.clock.now();
  const bodyHtml = cleanBody(input.body);
  await core.db.transaction(async (tx) => {
    await tx.update(newmediaPosts).set({ title: input.title, bodyHtml, updatedAt: now }).where(eq(newmediaPosts.id, view.post.id));
    await event(tx, view.post.id, 'edit', actor.audit, now);
    await writeAudit(tx, actor.audit, { action: 'newmedia.post-edited', targetType: 'newmedia_post', targetId: view.post.id, unitId: view.account.hostUnitId, summary: { before: { title: view.post.title, bodyHtml: view.post.bodyHtml }, after: { title: input.title, bodyHtml } } }, now);
  });
  return { ok: true };
}

/** 提交审核: the site's chain is fixed on the post; a new round starts at the first step. */
export async function submitPost(core: Core, actor: NmActor, view: PostView): Promise<Result> {
  if (view.post.state === 'in_review' && view.events.at(-1)?.action === 'submit' && view.events.at(-1)?.actorId === actor.audit.id) return { ok: true };
  const reasons = checkSubmit(factsOf(view.post, view.events), { mayWrite: mayWrite(actor.user, view.account), accountActive: view.account.state === 'active' });
  if (reasons.length) return refuse(reasons);
  const { reviewSteps } = await settingsOf(core.db, view.account.rootUnitId);
  const now = core.clock.now();
  const round = view.post.round + 1;
  await core.db.transaction(async (tx) => {
    await tx.update(newmediaPosts).set({ state: 'in_review', chain: reviewSteps, step: 0, round, updatedAt: now }).where(eq(newmediaPosts.id, view.post.id));
    await event(tx, view.post.id, 'submit', actor.audit, now, { round });
    await writeAudit(tx, actor.audit, { action: 'newmedia.post-submitted', targetType: 'newmedia_post', targetId: view.post.id, unitId: view.account.hostUnitId, summary: { after: { state: 'in_review', chain: reviewSteps, round } } }, now);
  });
  return { ok: true };
}

export async function reviewPost(core: Core, actor: NmActor, view: PostView, input: { step: number; approve: boolean; reason: string }): Promise<Result> {
  const facts = factsOf(view.post, view.events);
  const reasons = checkReview(facts, { reviewerId: actor.user.id, mayReview: mayReview(actor.user, view.account), ...input });
  if (reasons.length) return refuse(reasons);
  const next = afterReview(facts, input.approve);
  const now = core.clock.now();
  const stepName = view.post.chain[view.post.step] ?? '';
  let moved = false;
  await core.db.transaction(async (tx) => {
    const upd = await tx
      .update(newmediaPosts)
      .set({ state: next.state, step: next.step, returnReason: input.approve ? view.post.returnReason : input.reason, approvedAt: next.state === 'ready' ? now : view.post.approvedAt, updatedAt: now })
      .where(and(eq(newmediaPosts.id, view.post.id), eq(newmediaPosts.state, 'in_review'), eq(newmediaPosts.step, view.post.step), eq(newmediaPosts.round, view.post.round)))
      .returning({ id: newmediaPosts.id });
    if (!upd.length) return;
    moved = true;
    await event(tx, view.post.id, input.approve ? 'approve' : 'return', actor.audit, now, { step: view.post.step, stepName, round: view.post.round, reason: input.reason });
    await writeAudit(tx, actor.audit, { action: input.approve ? 'newmedia.post-approved' : 'newmedia.post-returned', targetType: 'newmedia_post', targetId: view.post.id, unitId: view.account.hostUnitId, summary: { before: { state: view.post.state, step: stepName }, after: next, note: input.reason || undefined } }, now);
  });
  return moved ? { ok: true } : refuse(['该审核环节已由他人处理，请刷新页面。']);
}

/** 登记发布: the post was released on the platform by staff at this time (and address). */
export async function releasePost(core: Core, actor: NmActor, view: PostView, input: { releasedAt: Date; url: string }): Promise<Result> {
  if (view.post.state === 'released') return { ok: true };
  const reasons = checkRelease(factsOf(view.post, view.events), { mayWrite: mayWrite(actor.user, view.account), releasedAt: input.releasedAt, now: core.clock.now(), approvedAt: view.post.approvedAt });
  if (reasons.length) return refuse(reasons);
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.update(newmediaPosts).set({ state: 'released', releasedAt: input.releasedAt, releasedUrl: input.url, updatedAt: now }).where(and(eq(newmediaPosts.id, view.post.id), eq(newmediaPosts.state, 'ready')));
    await event(tx, view.post.id, 'release', actor.audit, now);
    await writeAudit(tx, actor.audit, { action: 'newmedia.post-released', targetType: 'newmedia_post', targetId: view.post.id, unitId: view.account.hostUnitId, summary: { after: { state: 'released', releasedAt: input.releasedAt.toISOString(), url: input.url } } }, now);
  });
  return { ok: true };
}
