// Hand-over between 依申请公开 and 互动交流, both ways, each keeping a link to the other:
// - a message that is really an information request becomes a request (条例 第二十九条), created with
//   the caller's data by the openness office; received when the unit confirms (第三十一条第（三）项);
// - a request that is really a 信访/投诉/举报 or consultation (第三十九条第一款) is recorded as handed over
//   to 互动交流 (the messages module creates the message and calls `linkRequestToMessage`).
// Both are idempotent: the request from a message has a key derived from the message's 编号.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { reqRequests } from './data/schema.ts';
import { findRequestByIdempotencyKey, findRequestByNo, findUnitBrief, insertRequest, insertTransition, invalidateCounts, lockIdempotencyKey, lockRequest, nextRequestSeq, type RequestRow } from './data/repository.ts';
import { formatRequestNo } from './domain/numbering.ts';
import { extractDocNo, normaliseDescription } from './domain/similarity.ts';
import { STATE_LABELS } from './domain/states.ts';
import { canViewRequest, lookupHash, type Result } from './service.ts';

export interface FromMessageInput {
  rootUnitId: number;
  /** The unit that handles the request (第二十七条: a government or one of its departments). */
  unitId: number;
  messageNo: string;
  /** The day the message came in: the request's 提交之日. */
  submittedOn: string;
  callerName: string;
  callerPhone: string;
  callerEmail: string;
  title: string;
  content: string;
  /** The caller's lookup code: the request is looked up with its 受理编号 and this code. */
  lookupCode: string;
}

/** Who may hand a message over (the openness office of the site). */
function isOffice(user: CurrentUser): boolean {
  return user.roles.includes('openness_office') || user.roles.includes('openness_head');
}

/** The idempotency key of the request made from a message: one per site and 编号. */
export function fromMessageKey(rootUnitId: number, messageNo: string): string {
  return `message-${rootUnitId}-${messageNo}`;
}

/**
 * Creates the request from a message, once: a second call returns the same request. The caller gave
 * no identity document and no form of the information (第二十九条第二款第（一）、（三）项), so the
 * request is marked incomplete for those items: the unit asks for them with a 补正 notice (第三十条).
 */
export async function registerFromMessage(core: Core, actor: { user: CurrentUser; audit: Actor }, input: FromMessageInput): Promise<Result<{ request: RequestRow; requestNo: string; duplicate: boolean }>> {
  const key = fromMessageKey(input.rootUnitId, input.messageNo);
  const existing = await findRequestByIdempotencyKey(core.db, key);
  if (existing) return { ok: true, request: existing, requestNo: existing.requestNo, duplicate: true };
  if (!isOffice(actor.user) || actor.user.rootUnitId !== input.rootUnitId) return { ok: false, errors: {}, reasons: ['只有政务公开办可以转为政府信息公开申请'] };
  const unit = Number.isSafeInteger(input.unitId) && input.unitId > 0 ? await findUnitBrief(core.db, input.unitId) : undefined;
  if (!unit || unit.archived || (unit.rootId ?? unit.id) !== input.rootUnitId || unit.type === 'other') return { ok: false, errors: { unitId: '请选择受理申请的单位' }, reasons: [] };
  const t = shanghaiToday(core.clock.now());
  const now = core.clock.now();
  const description = `${input.title}\n${input.content}`.trim();
  const contact = input.callerPhone || input.callerEmail;
  const out = await core.db.transaction(async (tx) => {
    await lockIdempotencyKey(tx, key);
    const again = await findRequestByIdempotencyKey(tx, key);
    if (again) return { request: again, duplicate: true };
    const year = Number(t.slice(0, 4));
    const requestNo = formatRequestNo(year, await nextRequestSeq(tx, input.rootUnitId, year));
    const row = await insertRequest(tx, {
      rootUnitId: input.rootUnitId,
      requestNo,
      lookupHash: lookupHash(requestNo, input.lookupCode),
      idempotencyKey: key,
      unitId: unit.id,
      state: 'registered',
      channel: 'online',
      receiptFacts: { submittedOn: input.submittedOn },
      receivedOn: null,
      applicantKind: 'person',
      applicantName: input.callerName,
      idType: 'other',
      idNumber: '',
      // Same person, same key: the request list's "same applicant" check works by contact.
      applicantKey: crypto.createHash('sha256').update(`contact:${contact}`).digest('hex'),
      phone: input.callerPhone,
      email: input.callerEmail,
      infoDescription: description,
      infoKey: normaliseDescription(description),
      docNoKey: extractDocNo(description),
      forms: [],
      delivery: '' as never,
      missingItems: [1, 3],
      clockStatus: 'not_received',
      linkedMessageNo: input.messageNo,
      createdAt: now,
      updatedAt: now,
    });
    await insertTransition(tx, { requestId: row.id, action: 'from_message', fromState: null, toState: 'registered', actorId: actor.user.id, actorName: actor.audit.name, note: `由互动交流 ${input.messageNo} 转来`, at: now });
    await writeAudit(tx, actor.audit, { action: 'requests.from_message', targetType: 'info_request', targetId: requestNo, unitId: unit.id, summary: { after: { state: 'registered', channel: 'online', messageNo: input.messageNo } } }, now);
    return { request: row, duplicate: false };
  });
  invalidateCounts(core.db);
  return { ok: true, request: out.request, requestNo: out.request.requestNo, duplicate: out.duplicate };
}

/** What the messages module needs of a request to turn it into a message. */
export interface RequestForHandOver {
  id: number;
  requestNo: string;
  state: string;
  stateLabel: string;
  applicantName: string;
  phone: string;
  email: string;
  infoDescription: string;
  linkedMessageNo: string;
}

/** A request the user may see (undefined otherwise), with the fields a hand-over uses. */
export async function requestForHandOver(db: DbOrTx, user: CurrentUser, requestNo: string): Promise<RequestForHandOver | undefined> {
  const row = await findRequestByNo(db, user.rootUnitId, requestNo);
  if (!row || !canViewRequest(user, row)) return undefined;
  return {
    id: row.id,
    requestNo: row.requestNo,
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    applicantName: row.applicantName,
    phone: row.phone,
    email: row.email,
    infoDescription: row.infoDescription,
    linkedMessageNo: row.linkedMessageNo,
  };
}

/** Whether the user may hand this request over to 互动交流: its unit's staff, its handler or the openness office. */
export function mayHandOverRequest(user: CurrentUser): boolean {
  return user.roles.some((r) => r !== 'auditor' && r !== 'security_admin');
}

/**
 * Records that a request was handed over to 互动交流 as message `messageNo` (条例 第三十九条第一款). The
 * request stays open: the unit still tells the applicant it is not handled as a request (不予处理) and
 * names the channel. Repeating with the same message is a no-op; another message is refused.
 */
export async function linkRequestToMessage(core: Core, actor: { user: CurrentUser; audit: Actor }, requestId: number, messageNo: string): Promise<Result> {
  const now = core.clock.now();
  return core.db.transaction(async (tx): Promise<Result> => {
    const row = await lockRequest(tx, requestId);
    if (!row || !canViewRequest(actor.user, row) || !mayHandOverRequest(actor.user)) return { ok: false, errors: {}, reasons: ['没有找到该申请'] };
    if (row.linkedMessageNo === messageNo) return { ok: true };
    if (row.linkedMessageNo) return { ok: false, errors: {}, reasons: [`该申请已转互动交流办理（${row.linkedMessageNo}）`] };
    await tx.update(reqRequests).set({ linkedMessageNo: messageNo, updatedAt: now }).where(eq(reqRequests.id, row.id));
    await insertTransition(tx, { requestId: row.id, action: 'to_message', fromState: row.state, toState: row.state, actorId: actor.user.id, actorName: actor.audit.name, note: `转互动交流办理（条例第三十九条）：${messageNo}`, at: now });
    await writeAudit(tx, actor.audit, { action: 'requests.to_message', targetType: 'info_request', targetId: row.requestNo, unitId: row.unitId, summary: { messageNo } }, now);
    return { ok: true };
  });
}
