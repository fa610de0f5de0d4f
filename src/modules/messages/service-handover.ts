// Hand-over with 依申请公开, both ways, each side keeping a link to the other:
// - 转依申请公开: a message that is really an information request (潍坊 12345 办法 第十九条: 依法应当
//   通过政府信息公开程序解决的) becomes a request with the caller's data; the message closes as
//   「已转依申请公开」 with the request's 受理编号, and the caller looks the request up with the same 查询码;
// - 依申请公开转来: a request that is really a complaint, report or consultation (条例 第三十九条第一款)
//   becomes a message of the channel `from_request`.
// Each is idempotent: the request and the message made from each other have keys derived from the
// other's number, and each side's link is written once.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { sharedSecret } from '../../core/bootstrap.ts';
import { linkRequestToMessage, lookupCodeFromBytes, mayHandOverRequest, registerFromMessage, requestForHandOver } from '../requests/index.ts';
import { msgItems } from './data/schema.ts';
import { KINDS, type Kind } from './domain/kinds.ts';
import { act, isDispatcher, submitMessage, type MessageActor, type Result } from './service.ts';

function staffOf(actor: MessageActor) {
  return actor.kind === 'staff' ? { user: actor.user, audit: actor.audit } : null;
}

/** The caller's lookup code of an item submitted with an idempotency key (derived as in submitMessage). */
async function callerCode(core: Core, key: string | null, itemNo: string): Promise<string | null> {
  if (!key) return null;
  const secret = await sharedSecret(core.db, 'messages_lookup');
  return lookupCodeFromBytes(crypto.createHmac('sha256', secret).update(`${key}\n${itemNo}`).digest());
}

/**
 * 转依申请公开 (the openness office, one click): creates the request for `unitId` and closes the item
 * with the link. Repeating it returns the same request. `newLookupCode` is set when the item had no
 * code of its own to share (registered before codes were derived): staff tell it to the caller.
 */
export async function transferToRequest(core: Core, actor: MessageActor, itemId: number, input: { unitId: number; note?: string }): Promise<Result<{ requestNo: string; newLookupCode: string | null }>> {
  const staff = staffOf(actor);
  if (!staff || !isDispatcher(staff.user)) return { ok: false, errors: {}, reasons: ['只有政务公开办可以转依申请公开'] };
  const row = (await core.db.select().from(msgItems).where(eq(msgItems.id, itemId)).limit(1))[0];
  if (!row || row.rootUnitId !== staff.user.rootUnitId) return { ok: false, errors: {}, reasons: ['没有找到该诉求'] };
  if (row.state === 'transferred' && row.linkedRequestNo) return { ok: true, requestNo: row.linkedRequestNo, newLookupCode: null };
  if (row.mergedInto !== null) return { ok: false, errors: {}, reasons: ['该诉求已并入其他诉求，请在主件上办理'] };
  if (!['received', 'dispatched', 'handling'].includes(row.state)) return { ok: false, errors: {}, reasons: ['该诉求已办结或正在审核，不能再转依申请公开'] };
  const derived = await callerCode(core, row.idempotencyKey, row.itemNo);
  const newLookupCode = derived ? null : lookupCodeFromBytes(crypto.randomBytes(16));
  const made = await registerFromMessage(core, staff, {
    rootUnitId: row.rootUnitId,
    unitId: input.unitId,
    messageNo: row.itemNo,
    submittedOn: row.receivedOn,
    callerName: row.callerName,
    callerPhone: row.callerPhone,
    callerEmail: row.callerEmail,
    title: row.title,
    content: row.content,
    lookupCode: derived ?? newLookupCode!,
  });
  if (!made.ok) return made;
  const notice = [
    `您的诉求属于政府信息公开申请，已转为政府信息公开申请办理，受理编号 ${made.requestNo}。`,
    derived ? '请凭该受理编号和本诉求的查询码在“依申请公开—查询办理进度”查询。' : '查询码由工作人员另行告知。',
    '受理机关将告知需要补充的身份证明和获取信息的方式。',
    input.note?.trim() ?? '',
  ].join('');
  const r = await act(core, actor, row.id, 'transfer_request', { note: notice, linkedRequestNo: made.requestNo });
  if (!r.ok) {
    // Another click got there first: the item already carries this link.
    const now = (await core.db.select({ state: msgItems.state, linked: msgItems.linkedRequestNo }).from(msgItems).where(eq(msgItems.id, row.id)).limit(1))[0];
    if (now?.state === 'transferred' && now.linked === made.requestNo) return { ok: true, requestNo: made.requestNo, newLookupCode: null };
    return r;
  }
  return { ok: true, requestNo: made.requestNo, newLookupCode: made.duplicate ? null : newLookupCode };
}

/**
 * 依申请公开转来 (条例 第三十九条第一款): the request becomes a message of kind `kind` with the applicant's
 * data, linked both ways. Repeating it returns the same message.
 */
export async function messageFromRequest(core: Core, actor: MessageActor, requestNo: string, input: { kind: string }): Promise<Result<{ itemNo: string; lookupCode: string; duplicate: boolean }>> {
  const staff = staffOf(actor);
  if (!staff) return { ok: false, errors: {}, reasons: ['只有工作人员可以转互动交流'] };
  const req = await requestForHandOver(core.db, staff.user, requestNo);
  if (!req || !mayHandOverRequest(staff.user)) return { ok: false, errors: {}, reasons: ['没有找到该申请'] };
  if (!(KINDS as readonly string[]).includes(input.kind)) return { ok: false, errors: { kind: '请选择诉求类型' }, reasons: [] };
  const key = `request-${staff.user.rootUnitId}-${req.requestNo}`;
  if (req.linkedMessageNo) {
    const existing = (await core.db.select({ itemNo: msgItems.itemNo, key: msgItems.idempotencyKey }).from(msgItems).where(eq(msgItems.linkedRequestNo, req.requestNo)).limit(1))[0];
    if (existing?.itemNo === req.linkedMessageNo) return { ok: true, itemNo: existing.itemNo, lookupCode: (await callerCode(core, existing.key, existing.itemNo)) ?? '', duplicate: true };
    return { ok: false, errors: {}, reasons: [`该申请已与互动交流 ${req.linkedMessageNo} 关联`] };
  }
  if (['archived', 'withdrawn', 'terminated'].includes(req.state)) return { ok: false, errors: {}, reasons: [`申请已${req.stateLabel}，不能再转互动交流`] };
  const description = req.infoDescription.trim();
  const title = [...description.replace(/\s+/g, ' ')].slice(0, 30).join('') || '依申请公开转来的诉求';
  const r = await submitMessage(core, {
    rootUnitId: staff.user.rootUnitId,
    channel: 'from_request',
    fields: { kind: input.kind as Kind, title, content: `（依申请公开 ${req.requestNo} 转来）${description}`, callerName: req.applicantName, callerPhone: req.phone.replace(/\s/g, ''), callerEmail: req.email, mailboxUnit: '' },
    keepIdentity: false,
    allowPublication: false,
    idempotencyKey: key,
    audit: staff.audit,
    staff: staff.user,
    linkedRequestNo: req.requestNo,
  });
  if (!r.ok) return r;
  const linked = await linkRequestToMessage(core, staff, req.id, r.itemNo);
  if (!linked.ok) return linked;
  return { ok: true, itemNo: r.itemNo, lookupCode: r.lookupCode, duplicate: r.duplicate };
}
