// State-changing verbs of 依申请公开. Each one: validate → domain (transition table + clock) → one
// transaction holding the request's row lock → writeAudit in that transaction. Refusals come back
// as field errors and readable reasons, never as thrown generic errors.
import { maySendLetter, isNoticeLetter } from './domain/next-steps.ts';
import { requestCalendar } from './calendar.ts';
import crypto from 'node:crypto';
import type { Core } from '../../core/services.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { isUniqueViolation } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { sharedSecret } from '../../core/bootstrap.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { CalendarYearMissingError, isValidIsoDate, type WorkCalendar } from '../../core/calendar/working-days.ts';
import { checkUpload } from '../../core/files/sniff.ts';
import { fileStorage } from '../../core/files/storage.ts';
import { sniffContent } from '../../core/files/sniff.ts';
import { redactOffice, scanFile, type RedactionScan } from '../../core/redaction/office.ts';
import { siteMasks } from '../../core/redaction/masks.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { createRecordFromRequestReply, staffActorOf } from '../publishing/index.ts';
import { findUnitById, unitRemedies } from '../units/index.ts';
import { reqAttachments, reqRequests } from './data/schema.ts';
import {
  checkClockEvent,
  computeClock,
  DEFAULT_CLOCK_OPTIONS,
  type ClockEvent,
  type ClockOptions,
  type ClockResult,
  type ConsultationParty,
} from './domain/clock.ts';
import { checkTransition, OPEN_STATES, type Action, type Party, type RequestState, type TransitionFacts } from './domain/states.ts';
import { isChannel, receiptDate, type ReceiptFacts } from './domain/receipt.ts';
import { validateApplication, type Application, type ApplicationInput } from './domain/applicant.ts';
import { outcome as outcomeDef, remedyNotice, suggestedBasis, validateReply, WITHDRAWN_BASIS, WITHDRAWN_OUTCOME, type OutcomeCode, type ReplyInput } from './domain/outcomes.ts';
import { computeFee, describeFee, type FeeMethod } from './domain/fees.ts';
import { formatRequestNo, lookupCodeFromBytes, normaliseLookupCode } from './domain/numbering.ts';
import { extractDocNo, normaliseDescription } from './domain/similarity.ts';
import {
  answerConsultation,
  appendEvent,
  countApplicantRequestsInMonth,
  decideExtensionRow,
  findAttachment,
  findClarification,
  findFeeNotice,
  findRequestById,
  findRequestByIdempotencyKey,
  findRequestByNo,
  findSettings,
  findStaffBrief,
  findUnitBrief,
  insertAttachment,
  insertClarification,
  insertConsultation,
  insertExtension,
  insertFeeNotice,
  insertLetter,
  insertRequest,
  insertTransition,
  listConsultations,
  listEvents,
  listExtensions,
  listOpenRequestIds,
  lockIdempotencyKey,
  lockRequest,
  invalidateCounts,
  requestsTouchingYear,
  markCorrected,
  nextRequestSeq,
  updateFeeNotice,
  updateRequest,
  upsertSettings,
  type NewRequestRow,
  type RequestRow,
  type SettingsRow,
} from './data/repository.ts';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string>; reasons: string[] };

export type RequestActor =
  | { kind: 'staff'; user: CurrentUser; audit: Actor }
  /** The applicant, after verifyApplicant() (受理编号 + lookup code). */
  | { kind: 'applicant'; audit: Actor }
  | { kind: 'system'; audit: Actor };

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** Attachments: at most this many per upload, each at most this size. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

function fail(errors: Record<string, string>, reasons: string[] = []): { ok: false; errors: Record<string, string>; reasons: string[] } {
  return { ok: false, errors, reasons: reasons.length ? reasons : Object.values(errors) };
}

function refuse(...reasons: string[]): { ok: false; errors: Record<string, string>; reasons: string[] } {
  return { ok: false, errors: {}, reasons };
}

function today(core: Core): string {
  return shanghaiToday(core.clock.now());
}

function actorRef(actor: RequestActor): { id: number | null; name: string } {
  return { id: actor.kind === 'staff' ? actor.user.id : null, name: actor.audit.name };
}

/** Who the actor is for this request (domain/states.ts parties). */
export function partiesOf(actor: RequestActor, row: Pick<RequestRow, 'rootUnitId' | 'unitId' | 'handlerId'>): Set<Party> {
  const p = new Set<Party>();
  if (actor.kind === 'applicant') p.add('applicant');
  if (actor.kind === 'system') p.add('system');
  if (actor.kind !== 'staff') return p;
  const u = actor.user;
  if (u.rootUnitId !== row.rootUnitId) return p;
  if (row.handlerId !== null && row.handlerId === u.id) p.add('handler');
  if (u.unitId === row.unitId && u.roles.some((r) => r === 'editor' || r === 'reviewer' || r === 'unit_admin')) p.add('unit_staff');
  if (u.unitId === row.unitId && u.roles.includes('unit_admin')) p.add('unit_admin');
  if (u.roles.includes('openness_office')) p.add('openness_office');
  if (u.roles.includes('openness_head')) p.add('openness_head');
  return p;
}

/** Staff who may see a request at all (its unit's staff, the handler, the city's openness office). */
export function canViewRequest(user: CurrentUser, row: Pick<RequestRow, 'rootUnitId' | 'unitId' | 'handlerId'>): boolean {
  if (user.rootUnitId !== row.rootUnitId) return false;
  if (user.roles.some((r) => r === 'openness_office' || r === 'openness_head' || r === 'auditor')) return true;
  return user.unitId === row.unitId || row.handlerId === user.id;
}

// ---------------------------------------------------------------------------------------------
// Settings, keys and codes
// ---------------------------------------------------------------------------------------------

export async function clockOptions(db: DbOrTx, rootUnitId: number): Promise<ClockOptions> {
  const s = await findSettings(db, rootUnitId);
  return s ? { feePausesClock: s.feePausesClock } : DEFAULT_CLOCK_OPTIONS;
}

export async function getSettings(core: Core, rootUnitId: number): Promise<Pick<SettingsRow, 'feePausesClock' | 'reviewBody' | 'court'>> {
  const s = await findSettings(core.db, rootUnitId);
  return { feePausesClock: s?.feePausesClock ?? true, reviewBody: s?.reviewBody ?? '', court: s?.court ?? '' };
}

function applicantKey(idType: string, idNumber: string): string {
  return crypto.createHash('sha256').update(`${idType}:${idNumber.trim().toUpperCase()}`).digest('hex');
}

export function lookupHash(requestNo: string, code: string): string {
  return crypto.createHash('sha256').update(`${requestNo}:${normaliseLookupCode(code)}`).digest('hex');
}

/** Online: derived from the submission's idempotency key, so a retried submit shows the same code. */
function derivedLookupCode(secret: string, idempotencyKey: string, requestNo: string): string {
  return lookupCodeFromBytes(crypto.createHmac('sha256', secret).update(`${idempotencyKey}\n${requestNo}`).digest());
}

function lookupSecret(core: Core): Promise<string> {
  return sharedSecret(core.db, 'requests_lookup');
}

function randomLookupCode(): string {
  return lookupCodeFromBytes(crypto.randomBytes(16));
}

function applicationColumns(a: Application): Partial<NewRequestRow> {
  return {
    applicantKind: a.applicantKind,
    orgSubtype: a.orgSubtype,
    applicantName: a.name,
    contactPerson: a.contactPerson,
    idType: a.idType,
    idNumber: a.idNumber,
    phone: a.phone,
    email: a.email,
    address: a.address,
    postcode: a.postcode,
    applicantKey: applicantKey(a.idType, a.idNumber),
    infoDescription: a.infoDescription,
    infoDocNo: a.infoDocNo,
    infoKey: normaliseDescription(a.infoDescription || a.infoDocNo),
    docNoKey: extractDocNo(a.infoDocNo) || extractDocNo(a.infoDescription),
    forms: a.forms,
    delivery: a.delivery,
  };
}

/** The clock cache columns of a request. */
function clockColumns(c: ClockResult): Partial<NewRequestRow> {
  return {
    receivedOn: c.receivedOn,
    dueOn: c.dueOn,
    clockStatus: c.status,
    pausedSince: c.pausedSince,
    repliedOnTime: c.onTime,
    workingDaysTaken: c.workingDaysTaken,
    clarificationLate: !!c.clarification?.late,
  };
}

function computeSafely(events: ClockEvent[], cal: WorkCalendar, opts: ClockOptions): { ok: true; clock: ClockResult } | { ok: false; reason: string } {
  try {
    return { ok: true, clock: computeClock(events, cal, opts) };
  } catch (err) {
    if (err instanceof CalendarYearMissingError || err instanceof RangeError) return { ok: false, reason: err.message };
    throw err;
  }
}

async function storeUploads(core: Core, tx: Tx, requestId: number, kind: 'application' | 'correction' | 'letter' | 'released' | 'other', uploads: Upload[], uploadedBy: number | null): Promise<number[]> {
  const ids: number[] = [];
  const storage = fileStorage(core.config);
  for (const u of uploads) {
    const check = checkUpload(u.fileName, u.bytes, MAX_ATTACHMENT_BYTES);
    if (!check.ok) throw new Error(check.message);
    const stored = await storage.put(u.bytes);
    const row = await insertAttachment(tx, {
      requestId,
      kind,
      fileName: u.fileName.slice(0, 200),
      contentType: check.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedBy,
      activeContent: check.activeContent,
    });
    ids.push(row.id);
  }
  return ids;
}

/** Field errors for uploads (checked before the transaction: content sniffed, size limited). */
function uploadErrors(uploads: Upload[] | undefined, field = 'attachments'): Record<string, string> {
  if (!uploads?.length) return {};
  if (uploads.length > MAX_ATTACHMENTS) return { [field]: `附件最多 ${MAX_ATTACHMENTS} 个` };
  for (const u of uploads) {
    const r = checkUpload(u.fileName, u.bytes, MAX_ATTACHMENT_BYTES);
    if (!r.ok) return { [field]: `附件“${u.fileName}”：${r.message}` };
  }
  return {};
}

/** A unit that may receive requests (第二十七条: governments and their departments) in the site. */
async function checkUnit(core: Core | { db: DbOrTx }, rootUnitId: number, unitId: number): Promise<string | null> {
  if (!Number.isSafeInteger(unitId) || unitId <= 0) return '请选择受理申请的单位';
  const u = await findUnitBrief(core.db, unitId);
  if (!u || u.archived) return '所选单位不存在或已撤销';
  if ((u.rootId ?? u.id) !== rootUnitId) return '所选单位不属于本网站';
  if (u.type === 'other') return '所选单位不受理政府信息公开申请';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Receiving
// ---------------------------------------------------------------------------------------------

export interface SubmitOnlineInput {
  rootUnitId: number;
  unitId: number;
  application: ApplicationInput;
  /** A random key put in the form when it is rendered (≥ 16 characters). */
  idempotencyKey: string;
  attachments?: Upload[];
  audit: Actor;
}

/**
 * The public online form. Idempotent: the same key always gives the same request and lookup code,
 * also for two submissions racing each other.
 */
export async function submitOnline(core: Core, input: SubmitOnlineInput): Promise<Result<{ request: RequestRow; requestNo: string; lookupCode: string; duplicate: boolean }>> {
  const key = (input.idempotencyKey ?? '').trim();
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(key)) return fail({ idempotencyKey: '表单已失效，请刷新页面后重新提交' });
  // Read before any transaction: a transaction must never wait for a second pool connection.
  const secret = await lookupSecret(core);
  const existing = await findRequestByIdempotencyKey(core.db, key);
  if (existing) return { ok: true, request: existing, requestNo: existing.requestNo, lookupCode: derivedLookupCode(secret, key, existing.requestNo), duplicate: true };
  const t = today(core);
  const checked = validateApplication(input.application, t);
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  const unitProblem = await checkUnit(core, input.rootUnitId, Number(input.unitId));
  if (unitProblem) errors.unitId = unitProblem;
  Object.assign(errors, uploadErrors(input.attachments));
  if (Object.keys(errors).length || !checked.ok) return fail(errors);
  const app = checked.value;
  const now = core.clock.now();
  const out = await core.db.transaction(async (tx) => {
    await lockIdempotencyKey(tx, key);
    const again = await findRequestByIdempotencyKey(tx, key);
    if (again) return { request: again, duplicate: true };
    const seq = await nextRequestSeq(tx, input.rootUnitId, Number(t.slice(0, 4)));
    const requestNo = formatRequestNo(Number(t.slice(0, 4)), seq);
    const code = derivedLookupCode(secret, key, requestNo);
    const row = await insertRequest(tx, {
      rootUnitId: input.rootUnitId,
      requestNo,
      lookupHash: lookupHash(requestNo, code),
      idempotencyKey: key,
      unitId: Number(input.unitId),
      state: 'registered',
      channel: 'online',
      // 第三十一条第（三）项: received on the day both sides confirm; the unit confirms when accepting.
      receiptFacts: { submittedOn: t },
      receivedOn: null,
      ...(applicationColumns(app) as Required<Pick<NewRequestRow, 'applicantKind' | 'applicantName' | 'idType' | 'idNumber' | 'applicantKey' | 'infoDescription' | 'forms' | 'delivery'>>),
      clockStatus: 'not_received',
      createdAt: now,
      updatedAt: now,
    });
    if (input.attachments?.length) await storeUploads(core, tx, row.id, 'application', input.attachments, null);
    await insertTransition(tx, { requestId: row.id, action: 'submit_online', fromState: null, toState: 'registered', actorId: null, actorName: input.audit.name, note: '', at: now });
    await writeAudit(tx, input.audit, { action: 'requests.submitted', targetType: 'info_request', targetId: requestNo, unitId: row.unitId, summary: { after: { state: 'registered', channel: 'online', unitId: row.unitId } } }, now);
    return { request: row, duplicate: false };
  });
  invalidateCounts(core.db);
  return { ok: true, request: out.request, requestNo: out.request.requestNo, lookupCode: derivedLookupCode(secret, key, out.request.requestNo), duplicate: out.duplicate };
}

export interface RegisterOfflineInput {
  unitId: number;
  application: ApplicationInput;
  channel: string;
  receiptFacts: ReceiptFacts;
  /**
   * A letter lacking the information description or the form wanted (第二十九条第二款第（二）、（三）项)
   * is registered anyway so that a 补正 notice can be sent (第三十条); the applicant part is required.
   */
  incomplete?: boolean;
  note?: string;
  attachments?: Upload[];
}

/** Staff register a letter, fax, visit or oral request, filling in the application for the applicant (第二十九条). */
export async function registerOffline(core: Core, actor: RequestActor, input: RegisterOfflineInput): Promise<Result<{ request: RequestRow; requestNo: string; lookupCode: string; warnings: string[] }>> {
  if (actor.kind !== 'staff') return refuse('只有工作人员可以登记申请');
  const user = actor.user;
  const t = today(core);
  const errors: Record<string, string> = {};
  const checked = validateApplication(input.application, t);
  let app: Application | null = checked.ok ? checked.value : null;
  let missingItems: number[] = [];
  if (!checked.ok) {
    const itemTwoThreeFields = new Set(['infoDescription', 'forms', 'delivery']);
    const onlyMissing = input.incomplete && checked.missingItems.every((i) => i !== 1) && checked.missingItems.length > 0 && Object.keys(checked.errors).every((k) => itemTwoThreeFields.has(k));
    if (onlyMissing) {
      missingItems = checked.missingItems;
      const partial = validateApplication({ ...input.application, infoDescription: input.application.infoDescription || '（待补正）', forms: input.application.forms?.length ? input.application.forms : ['paper'], delivery: input.application.delivery || 'pickup' }, t);
      if (!partial.ok) Object.assign(errors, partial.errors);
      else app = { ...partial.value, infoDescription: (input.application.infoDescription ?? '').trim(), forms: missingItems.includes(3) ? [] : partial.value.forms, delivery: missingItems.includes(3) && !input.application.delivery ? ('' as never) : partial.value.delivery };
    } else Object.assign(errors, checked.errors);
  }
  if (!isChannel(input.channel) || input.channel === 'online') errors.channel = '请选择申请渠道（当面、口头、邮寄、平常信函或传真）';
  const receipt = isChannel(input.channel) && input.channel !== 'online' ? receiptDate(input.channel, input.receiptFacts ?? {}, t) : null;
  if (receipt && !receipt.ok) Object.assign(errors, receipt.errors);
  const unitId = Number(input.unitId);
  const unitProblem = await checkUnit(core, user.rootUnitId, unitId);
  if (unitProblem) errors.unitId = unitProblem;
  else if (user.unitId !== unitId && !user.roles.includes('openness_office')) errors.unitId = '只能为本单位登记申请';
  Object.assign(errors, uploadErrors(input.attachments));
  if (Object.keys(errors).length || !app || !receipt || !receipt.ok) return fail(errors);
  const cal = await requestCalendar(core);
  const opts = await clockOptions(core.db, user.rootUnitId);
  const received: ClockEvent = { kind: 'received', on: receipt.receivedOn };
  const clockProblems = checkClockEvent([], received, cal, t, opts);
  if (clockProblems.length) return fail({}, clockProblems);
  const computed = computeSafely([received], cal, opts);
  if (!computed.ok) return fail({}, [computed.reason]);
  const now = core.clock.now();
  const code = randomLookupCode();
  const application = app;
  const row = await core.db.transaction(async (tx) => {
    const year = Number(t.slice(0, 4));
    const requestNo = formatRequestNo(year, await nextRequestSeq(tx, user.rootUnitId, year));
    const r = await insertRequest(tx, {
      rootUnitId: user.rootUnitId,
      requestNo,
      lookupHash: lookupHash(requestNo, code),
      unitId,
      state: 'registered',
      channel: input.channel as RequestRow['channel'],
      receiptFacts: input.receiptFacts,
      receiptBasis: receipt.basis,
      registeredBy: user.id,
      ...(applicationColumns(application) as Required<Pick<NewRequestRow, 'applicantKind' | 'applicantName' | 'idType' | 'idNumber' | 'applicantKey' | 'infoDescription' | 'forms' | 'delivery'>>),
      missingItems,
      ...clockColumns(computed.clock),
      createdAt: now,
      updatedAt: now,
    });
    await appendEvent(tx, r.id, received, actorRef(actor), receipt.basis);
    if (input.attachments?.length) await storeUploads(core, tx, r.id, 'application', input.attachments, user.id);
    await insertTransition(tx, { requestId: r.id, action: 'register', fromState: null, toState: 'registered', actorId: user.id, actorName: actor.audit.name, note: input.note?.trim() ?? '', at: now });
    await writeAudit(
      tx,
      actor.audit,
      {
        action: 'requests.registered',
        targetType: 'info_request',
        targetId: requestNo,
        unitId,
        summary: { after: { state: 'registered', channel: input.channel, receivedOn: receipt.receivedOn, dueOn: computed.clock.dueOn, missingItems }, note: input.note?.trim() || undefined },
      },
      now,
    );
    return r;
  });
  invalidateCounts(core.db);
  return { ok: true, request: row, requestNo: row.requestNo, lookupCode: code, warnings: receipt.warnings };
}

/** The applicant proves who they are with 受理编号 + lookup code; null when they do not match. */
export async function verifyApplicant(core: Core, rootUnitId: number, requestNo: string, lookupCode: string): Promise<RequestRow | null> {
  const no = requestNo.trim().toUpperCase();
  if (!/^YSQ-\d{4}-\d{6,}$/.test(no) || !lookupCode) return null;
  const row = await findRequestByNo(core.db, rootUnitId, no);
  if (!row) {
    // Same work either way, so timing does not tell which numbers exist.
    lookupHash(no, lookupCode);
    return null;
  }
  const a = Buffer.from(row.lookupHash, 'hex');
  const b = Buffer.from(lookupHash(no, lookupCode), 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? row : null;
}

// ---------------------------------------------------------------------------------------------
// The action runner: lock → parties → transition table → clock → write → audit
// ---------------------------------------------------------------------------------------------

interface ActionCtx {
  tx: Tx;
  row: RequestRow;
  today: string;
  now: Date;
  cal: WorkCalendar;
  opts: ClockOptions;
  events: ClockEvent[];
  /** The clock after the new event (or the current one when the action adds none). */
  clock: ClockResult;
  parties: Set<Party>;
  to: RequestState;
}

interface ActionSpec<T> {
  /** Facts the action adds (e.g. the chosen handler). */
  facts?: (tx: Tx, row: RequestRow) => Promise<Partial<TransitionFacts>> | Partial<TransitionFacts>;
  /** Field errors found with the row in hand (before any write). */
  validate?: (tx: Tx, row: RequestRow, t: string) => Promise<Record<string, string>> | Record<string, string>;
  /** The clock event the action records, if any. */
  event?: (row: RequestRow, t: string, events: ClockEvent[]) => ClockEvent | null;
  /** Writes (after every check has passed). */
  apply: (ctx: ActionCtx) => Promise<{ set?: Partial<NewRequestRow>; result: T; summary?: Record<string, unknown>; note?: string }>;
  note?: string;
}

async function baseFacts(tx: Tx, row: RequestRow, actor: RequestActor, t: string): Promise<TransitionFacts> {
  // One transaction is one connection: its queries run one after the other (node-postgres queues
  // them anyway, and warns about concurrent queries on one client).
  const clar = await findClarification(tx, row.id);
  const consultations = await listConsultations(tx, row.id);
  const extensions = await listExtensions(tx, row.id);
  const fee = await findFeeNotice(tx, row.id);
  const pending = extensions.find((e) => e.status === 'pending');
  return {
    today: t,
    actorId: actor.kind === 'staff' ? actor.user.id : null,
    receivedOn: row.receivedOn,
    applicationComplete: row.missingItems.length === 0,
    handlerId: row.handlerId,
    clarificationSent: !!clar,
    correctBy: clar?.correctBy ?? null,
    openConsultations: consultations.filter((c) => !c.answeredOn).length,
    feeNoticeSent: !!fee,
    feePayBy: fee?.payBy ?? null,
    feePaid: !!fee && (fee.status === 'paid' || fee.paidOn !== null),
    extensionApproved: extensions.some((e) => e.status === 'approved'),
    extensionRequested: !!pending,
    extensionRequestedBy: pending?.requestedBy ?? null,
  };
}

async function runAction<T extends object>(core: Core, actor: RequestActor, requestId: number, action: Action, spec: ActionSpec<T>): Promise<Result<T & { request: RequestRow; clock: ClockResult }>> {
  if (!Number.isSafeInteger(requestId) || requestId <= 0) return refuse('申请不存在');
  const cal = await requestCalendar(core);
  const t = today(core);
  const now = core.clock.now();
  // Counts on the dashboards change with any transition (cleared before and after: a reader between the two sees the old counts at most 5 s).
  invalidateCounts(core.db);
  const done = await core.db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (!row) return refuse('申请不存在');
    if (actor.kind === 'staff' && !canViewRequest(actor.user, row)) return refuse('申请不存在');
    const parties = partiesOf(actor, row);
    const facts = { ...(await baseFacts(tx, row, actor, t)), ...(spec.facts ? await spec.facts(tx, row) : {}) };
    const check = checkTransition(action, row.state, parties, facts);
    if (!check.ok) return refuse(...check.reasons);
    const errors = spec.validate ? await spec.validate(tx, row, t) : {};
    if (Object.keys(errors).length) return fail(errors);
    const opts = await clockOptions(tx, row.rootUnitId);
    const events = await listEvents(tx, row.id);
    const ev = spec.event ? spec.event(row, t, events) : null;
    let clockResult: ClockResult;
    if (ev) {
      const problems = checkClockEvent(events, ev, cal, t, opts);
      if (problems.length) return refuse(...problems);
      const c = computeSafely([...events, ev], cal, opts);
      if (!c.ok) return refuse(c.reason);
      clockResult = c.clock;
    } else {
      const c = computeSafely(events, cal, opts);
      if (!c.ok) return refuse(c.reason);
      clockResult = c.clock;
    }
    const ctx: ActionCtx = { tx, row, today: t, now, cal, opts, events, clock: clockResult, parties, to: check.to };
    const applied = await spec.apply(ctx);
    if (ev) await appendEvent(tx, row.id, ev, actorRef(actor), applied.note ?? '');
    const updated = await updateRequest(tx, row.id, { ...applied.set, state: check.to, ...clockColumns(clockResult), updatedAt: now });
    const note = applied.note ?? spec.note ?? '';
    await insertTransition(tx, { requestId: row.id, action, fromState: row.state, toState: check.to, actorId: actorRef(actor).id, actorName: actor.audit.name, note, at: now });
    await writeAudit(
      tx,
      actor.audit,
      {
        action: `requests.${action.replaceAll('_', '-')}`,
        targetType: 'info_request',
        targetId: row.requestNo,
        unitId: row.unitId,
        summary: {
          before: { state: row.state, dueOn: row.dueOn },
          after: { state: check.to, dueOn: clockResult.dueOn, clockStatus: clockResult.status },
          ...(ev ? { event: ev } : {}),
          ...(applied.summary ?? {}),
          ...(note ? { note } : {}),
        },
      },
      now,
    );
    return { ok: true as const, ...applied.result, request: updated, clock: clockResult };
  });
  invalidateCounts(core.db);
  return done;
}

function dateInput(v: string | undefined, t: string, field: string, label: string): Record<string, string> {
  if (v === undefined || v === '') return {};
  if (!isValidIsoDate(v)) return { [field]: `${label}格式不正确，应为 YYYY-MM-DD` };
  if (v > t) return { [field]: `${label} ${v} 晚于今天（${t}），不能登记将来的日期` };
  return {};
}

// ---------------------------------------------------------------------------------------------
// 登记 → 审核 → 办理
// ---------------------------------------------------------------------------------------------

/** 登记 → 审核. Online and fax: confirms receipt, which fixes 收到申请之日 (第三十一条第（三）项). */
export async function acceptRequest(core: Core, actor: RequestActor, requestId: number, input: { confirmedOn?: string; note?: string } = {}) {
  let receivedEvent: ClockEvent | null = null;
  let facts: ReceiptFacts | null = null;
  let basis = '';
  return runAction(core, actor, requestId, 'accept', {
    facts: (_tx, row) => {
      if (row.receivedOn) return {};
      // The receipt becomes known now: let the precondition see it.
      const f = { ...row.receiptFacts, confirmedOn: input.confirmedOn || today(core) };
      const r = receiptDate(row.channel, f, today(core));
      if (r.ok) {
        facts = f;
        basis = r.basis;
        receivedEvent = { kind: 'received', on: r.receivedOn };
        return { receivedOn: r.receivedOn };
      }
      // A date was given but does not fix the receipt (in the future, or before the submission): the
      // precondition names a future date, validate() names any other problem at the field.
      // (A malformed date passes the precondition as today's, so that validate() names the format.)
      if (!input.confirmedOn) return { receivedOn: null };
      return { receivedOn: isValidIsoDate(input.confirmedOn) ? input.confirmedOn : today(core) };
    },
    validate: (_tx, row, t) => {
      if (row.receivedOn) return {};
      const r = receiptDate(row.channel, { ...row.receiptFacts, confirmedOn: input.confirmedOn || t }, t);
      return r.ok ? {} : r.errors;
    },
    event: () => receivedEvent,
    apply: async () => ({
      set: facts ? { receiptFacts: facts, receiptBasis: basis } : {},
      result: {},
      note: input.note?.trim() || basis,
    }),
  });
}

/** 审核 → 办理 (assign), or a new handler later (reassign). The handler is staff of the unit. */
export async function assignHandler(core: Core, actor: RequestActor, requestId: number, input: { handlerId: number; note?: string }) {
  const current = await findRequestById(core.db, requestId);
  const action: Action = current && current.state !== 'reviewing' ? 'reassign' : 'assign';
  const handlerId = Number(input.handlerId);
  return runAction(core, actor, requestId, action, {
    facts: async (tx, row) => {
      const s = Number.isSafeInteger(handlerId) && handlerId > 0 ? await findStaffBrief(tx, handlerId) : undefined;
      return { newHandlerId: s ? s.id : null, newHandlerInUnit: !!s && s.unitId === row.unitId && !s.disabled };
    },
    apply: async ({ row }) => ({ set: { handlerId }, result: {}, summary: { handler: { before: row.handlerId, after: handlerId } }, note: input.note?.trim() ?? '' }),
  });
}

// ---------------------------------------------------------------------------------------------
// 补正 (第三十条)
// ---------------------------------------------------------------------------------------------

export async function sendClarification(core: Core, actor: RequestActor, requestId: number, input: { items: string; correctBy: string; sentOn?: string; lateReason?: string }) {
  return runAction(core, actor, requestId, 'send_clarification', {
    validate: (_tx, _row, t) => {
      const e: Record<string, string> = { ...dateInput(input.sentOn, t, 'sentOn', '告知日期') };
      if (!input.items?.trim()) e.items = '请写明需要补正的事项（第三十条）';
      if (!input.correctBy?.trim()) e.correctBy = '请填写合理的补正期限';
      else if (!isValidIsoDate(input.correctBy)) e.correctBy = '补正期限格式不正确，应为 YYYY-MM-DD';
      return e;
    },
    event: (_row, t) => ({ kind: 'clarification_sent', on: input.sentOn || t, correctBy: input.correctBy, ...(input.lateReason?.trim() ? { lateReason: input.lateReason.trim() } : {}) }),
    apply: async ({ tx, row, clock, today: t }) => {
      const c = clock.clarification!;
      await insertClarification(tx, { requestId: row.id, sentOn: c.sentOn, items: input.items.trim(), correctBy: c.correctBy, late: c.late, lateReason: c.lateReason ?? '', sentBy: actor.kind === 'staff' ? actor.user.id : null });
      return {
        result: { late: c.late, noticeBy: c.noticeBy },
        summary: { items: input.items.trim(), correctBy: c.correctBy, late: c.late, lateReason: c.lateReason ?? undefined, sentOn: input.sentOn || t },
        note: c.late ? `逾期告知补正：${c.lateReason}` : '',
      };
    },
  });
}

/**
 * The corrected application arrived (from the applicant online, or registered by staff): the 20
 * working days start again from that day. Missing items of 第二十九条 may be supplied here.
 */
export async function recordCorrection(
  core: Core,
  actor: RequestActor,
  requestId: number,
  input: { text: string; receivedOn?: string; lateReason?: string; application?: Pick<ApplicationInput, 'infoDescription' | 'infoDocNo' | 'forms' | 'delivery'>; attachments?: Upload[] },
) {
  let updatedApp: Partial<NewRequestRow> | null = null;
  return runAction(core, actor, requestId, 'record_correction', {
    validate: (_tx, row, t) => {
      const e: Record<string, string> = { ...dateInput(input.receivedOn, t, 'receivedOn', '收到补正日期'), ...uploadErrors(input.attachments) };
      if (!input.text?.trim() && !input.application && !input.attachments?.length) e.text = '请填写补正的内容';
      if (input.application || row.missingItems.length) {
        const merged = validateApplication(
          {
            applicantKind: row.applicantKind,
            orgSubtype: row.orgSubtype ?? undefined,
            name: row.applicantName,
            contactPerson: row.contactPerson,
            idType: row.idType,
            idNumber: row.idNumber,
            phone: row.phone,
            email: row.email,
            address: row.address,
            postcode: row.postcode,
            infoDescription: input.application?.infoDescription ?? row.infoDescription,
            infoDocNo: input.application?.infoDocNo ?? row.infoDocNo,
            forms: input.application?.forms ?? row.forms,
            delivery: input.application?.delivery ?? row.delivery,
          },
          t,
        );
        if (!merged.ok) Object.assign(e, merged.errors);
        else updatedApp = { ...applicationColumns(merged.value), missingItems: [] };
      }
      return e;
    },
    event: (_row, t) => ({ kind: 'correction_received', on: input.receivedOn || t, ...(input.lateReason?.trim() ? { lateReason: input.lateReason.trim() } : {}) }),
    apply: async ({ tx, row, clock }) => {
      await markCorrected(tx, row.id, clock.clarification!.correctedOn!, input.text?.trim() ?? '');
      if (input.attachments?.length) await storeUploads(core, tx, row.id, 'correction', input.attachments, actor.kind === 'staff' ? actor.user.id : null);
      return { set: updatedApp ?? {}, result: {}, summary: { correctedOn: clock.clarification!.correctedOn, newDueOn: clock.dueOn }, note: input.lateReason?.trim() ? `逾期补正的理由：${input.lateReason.trim()}` : '' };
    },
  });
}

/** 第三十条: 申请人无正当理由逾期不补正的，视为放弃申请 → 其他处理 1. */
export async function endForNoCorrection(core: Core, actor: RequestActor, requestId: number, input: { on?: string } = {}) {
  return runAction(core, actor, requestId, 'end_no_correction', {
    validate: (_tx, _row, t) => dateInput(input.on, t, 'on', '终止日期'),
    event: (_row, t) => ({ kind: 'correction_lapsed', on: input.on || t }),
    apply: async ({ today: t }) => ({
      set: { outcome: 'other_1', legalBasis: suggestedBasis('other_1'), closedOn: input.on || t },
      result: {},
      summary: { outcome: 'other_1' },
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// 征求意见 (第三十二条、第三十四条)
// ---------------------------------------------------------------------------------------------

export async function sendConsultation(core: Core, actor: RequestActor, requestId: number, input: { party: ConsultationParty; partyName: string; question: string; sentOn?: string }) {
  let ref = '';
  return runAction(core, actor, requestId, 'send_consultation', {
    validate: async (tx, row, t) => {
      const e: Record<string, string> = { ...dateInput(input.sentOn, t, 'sentOn', '发出日期') };
      if (input.party !== 'third_party' && input.party !== 'agency') e.party = '请选择征求意见的对象（第三方或其他机关）';
      if (!input.partyName?.trim()) e.partyName = '请填写第三方或机关的名称';
      if (!input.question?.trim()) e.question = '请写明征求意见的事项';
      ref = `C${(await listConsultations(tx, row.id)).length + 1}`;
      return e;
    },
    event: (_row, t) => ({ kind: 'consultation_sent', on: input.sentOn || t, ref, party: input.party, partyName: input.partyName.trim() }),
    apply: async ({ tx, row, clock }) => {
      const c = clock.consultations.find((x) => x.ref === ref)!;
      await insertConsultation(tx, { requestId: row.id, ref, party: input.party, partyName: input.partyName.trim(), question: input.question.trim(), sentOn: c.sentOn, answerBy: c.answerBy, sentBy: actor.kind === 'staff' ? actor.user.id : null });
      return { result: { ref, answerBy: c.answerBy }, summary: { ref, party: input.party, answerBy: c.answerBy } };
    },
  });
}

export async function recordConsultationAnswer(core: Core, actor: RequestActor, requestId: number, input: { ref: string; answer: 'agree' | 'disagree' | 'no_answer' | 'other'; note: string; answeredOn?: string }) {
  return runAction(core, actor, requestId, 'record_consultation_answer', {
    validate: async (tx, row, t) => {
      const e: Record<string, string> = { ...dateInput(input.answeredOn, t, 'answeredOn', '答复日期') };
      if (!['agree', 'disagree', 'no_answer', 'other'].includes(input.answer)) e.answer = '请选择意见（同意、不同意、逾期未提出意见或其他）';
      const c = (await listConsultations(tx, row.id)).find((x) => x.ref === input.ref);
      if (!c) e.ref = '请选择要登记答复的征求意见';
      else if (c.answeredOn) e.ref = `该征求意见已于 ${c.answeredOn} 登记答复`;
      if (input.answer === 'disagree' && !input.note?.trim()) e.note = '第三方不同意公开的，请记录其理由（第三十二条）';
      return e;
    },
    facts: async (tx, row) => {
      // Only consultations still open route the state (the last answer returns to 办理).
      return { openConsultations: (await listConsultations(tx, row.id)).filter((c) => !c.answeredOn).length };
    },
    event: (_row, t) => ({ kind: 'consultation_answered', on: input.answeredOn || t, ref: input.ref, ...(input.answer === 'no_answer' ? { noAnswer: true } : {}) }),
    apply: async ({ tx, row, clock }) => {
      const c = clock.consultations.find((x) => x.ref === input.ref)!;
      await answerConsultation(tx, row.id, input.ref, { answeredOn: c.answeredOn!, answer: input.answer, answerNote: input.note?.trim() ?? '' });
      return { result: {}, summary: { ref: input.ref, answer: input.answer } };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// 延期 (第三十三条第二款)
// ---------------------------------------------------------------------------------------------

export async function requestExtension(core: Core, actor: RequestActor, requestId: number, input: { days: number; reason: string }) {
  const days = Number(input.days);
  return runAction(core, actor, requestId, 'request_extension', {
    validate: (_tx, _row) => {
      const e: Record<string, string> = {};
      if (!Number.isInteger(days) || days < 1) e.days = '延期天数应为 1 至 20 的整数（工作日）';
      else if (days > 20) e.days = `延期最长不得超过20个工作日（第三十三条），申请的是 ${days} 个工作日`;
      if (!input.reason?.trim()) e.reason = '请填写延期理由';
      return e;
    },
    apply: async ({ tx, row, now, clock, today: t }) => {
      if (clock.status === 'running' && clock.dueOn && t > clock.dueOn) throw new RefusedError(`答复期限 ${clock.dueOn} 已届满，不能再申请延期`);
      const ext = await insertExtension(tx, { requestId: row.id, days, reason: input.reason.trim(), status: 'pending', requestedBy: (actor as { user: CurrentUser }).user.id, requestedAt: now });
      return { result: { extensionId: ext.id }, summary: { days, reason: input.reason.trim() }, note: input.reason.trim() };
    },
  }).catch(refusedToResult);
}

/** The head of the openness office approves (or not); never their own request. */
export async function decideExtension(core: Core, actor: RequestActor, requestId: number, input: { approve: boolean; note?: string; decidedOn?: string }) {
  let pendingDays = 0;
  return runAction(core, actor, requestId, input.approve ? 'approve_extension' : 'reject_extension', {
    validate: async (tx, row, t) => {
      const e: Record<string, string> = { ...dateInput(input.decidedOn, t, 'decidedOn', '批准日期') };
      const pending = (await listExtensions(tx, row.id)).find((x) => x.status === 'pending');
      pendingDays = pending?.days ?? 0;
      if (!input.approve && !input.note?.trim()) e.note = '请填写不同意延期的理由';
      return e;
    },
    event: (_row, t) => (input.approve ? { kind: 'extension_approved', on: input.decidedOn || t, days: pendingDays } : null),
    apply: async ({ tx, row, now, today: t, clock }) => {
      const pending = (await listExtensions(tx, row.id)).find((x) => x.status === 'pending')!;
      await decideExtensionRow(tx, pending.id, {
        status: input.approve ? 'approved' : 'rejected',
        decidedBy: (actor as { user: CurrentUser }).user.id,
        decidedAt: now,
        decidedOn: input.decidedOn || t,
        decisionNote: input.note?.trim() ?? '',
      });
      return { result: { days: pending.days, dueOn: clock.dueOn }, summary: { extensionId: pending.id, days: pending.days, approve: input.approve }, note: input.note?.trim() ?? '' };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// 信息处理费 (第四十二条, 国办函〔2020〕109号)
// ---------------------------------------------------------------------------------------------

export async function sendFeeNotice(core: Core, actor: RequestActor, requestId: number, input: { method: FeeMethod; pages?: number; sentOn?: string }) {
  let fee: ReturnType<typeof computeFee> | null = null;
  let earlier = 0;
  return runAction(core, actor, requestId, 'send_fee_notice', {
    validate: async (tx, row, t) => {
      const e: Record<string, string> = { ...dateInput(input.sentOn, t, 'sentOn', '通知日期') };
      if (input.method !== 'per_request' && input.method !== 'per_page') {
        e.method = '请选择计收方式（按件或按量，同一申请只能选择一种）';
        return e;
      }
      if (input.method === 'per_page' && (!Number.isInteger(Number(input.pages)) || Number(input.pages) < 1)) {
        e.pages = '请填写页数（正整数）';
        return e;
      }
      if (input.method === 'per_request') {
        const month = row.receivedOn!.slice(0, 8) + '01';
        earlier = await countApplicantRequestsInMonth(tx, row.applicantKey, row.unitId, month, row.receivedOn!, row.id);
      }
      fee = computeFee({ method: input.method, pages: Number(input.pages ?? 0), earlierThisMonth: earlier });
      if (fee.amountYuan <= 0) {
        e.method =
          input.method === 'per_page'
            ? `按量计收：${Number(input.pages)} 页未超过30页，不收费，无需发出收费通知`
            : `按件计收：该申请人本月向本机关提出的第 ${earlier + 1} 件申请，未超过10件，不收费，无需发出收费通知`;
      }
      return e;
    },
    event: (_row, t) => ({ kind: 'fee_notice_sent', on: input.sentOn || t, amountYuan: fee!.amountYuan }),
    apply: async ({ tx, row, clock }) => {
      const f = fee!;
      await insertFeeNotice(tx, {
        requestId: row.id,
        method: f.method,
        pages: input.method === 'per_page' ? Number(input.pages) : null,
        earlierThisMonth: input.method === 'per_request' ? earlier : null,
        amountYuan: f.amountYuan,
        basis: `${f.basis}。${describeFee(f).join('；')}`,
        sentOn: clock.fee!.sentOn,
        payBy: clock.fee!.payBy,
        status: 'pending',
        sentBy: actor.kind === 'staff' ? actor.user.id : null,
      });
      return { result: { amountYuan: f.amountYuan, payBy: clock.fee!.payBy, lines: describeFee(f) }, summary: { method: f.method, amountYuan: f.amountYuan, payBy: clock.fee!.payBy } };
    },
  });
}

export async function recordPayment(core: Core, actor: RequestActor, requestId: number, input: { paidOn?: string } = {}) {
  return runAction(core, actor, requestId, 'record_payment', {
    validate: (_tx, _row, t) => dateInput(input.paidOn, t, 'paidOn', '缴费日期'),
    event: (_row, t) => ({ kind: 'fee_paid', on: input.paidOn || t }),
    apply: async ({ tx, row, clock }) => {
      await updateFeeNotice(tx, row.id, { status: 'paid', paidOn: clock.fee!.paidOn });
      return { result: {}, summary: { paidOn: clock.fee!.paidOn } };
    },
  });
}

/** 逾期未缴纳的视为放弃申请 → 其他处理 2. */
export async function endForNoPayment(core: Core, actor: RequestActor, requestId: number, input: { on?: string } = {}) {
  return runAction(core, actor, requestId, 'end_no_payment', {
    validate: (_tx, _row, t) => dateInput(input.on, t, 'on', '终止日期'),
    event: (_row, t) => ({ kind: 'fee_lapsed', on: input.on || t }),
    apply: async ({ tx, row, today: t }) => {
      await updateFeeNotice(tx, row.id, { status: 'lapsed' });
      return { set: { outcome: 'other_2', legalBasis: suggestedBasis('other_2'), closedOn: input.on || t }, result: {}, summary: { outcome: 'other_2' } };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Withdraw, reply, archive
// ---------------------------------------------------------------------------------------------

export async function withdrawRequest(core: Core, actor: RequestActor, requestId: number, input: { note: string; on?: string }) {
  return runAction(core, actor, requestId, 'withdraw', {
    validate: (_tx, row, t) => {
      const e: Record<string, string> = { ...dateInput(input.on, t, 'on', '撤回日期') };
      if (actor.kind === 'staff' && !input.note?.trim()) e.note = '代申请人撤回的，请记录申请人撤回的方式和日期';
      return e;
    },
    // An online request never confirmed has no receipt: it is withdrawn without a clock event.
    event: (row, t) => (row.receivedOn ? { kind: 'withdrawn', on: input.on || t } : null),
    apply: async ({ today: t }) => ({
      set: { outcome: WITHDRAWN_OUTCOME, legalBasis: WITHDRAWN_BASIS, closedOn: input.on || t },
      result: {},
      summary: { outcome: WITHDRAWN_OUTCOME },
      note: input.note?.trim() ?? '',
    }),
  });
}

export interface ReplyRequestInput extends ReplyInput {
  replyText?: string;
  repliedOn?: string;
}

/**
 * The 行政复议机关 and 人民法院 of the unit's remedy notices: the unit's own setting, else the default of its
 * kind (行政复议法 2023 第二十四条、第二十七条; units module), else the city-wide value of the request settings.
 */
export async function remedyBodiesFor(core: Core | { db: DbOrTx }, row: Pick<RequestRow, 'rootUnitId' | 'unitId'>): Promise<{ reviewBody: string; court: string }> {
  const [s, unit] = await Promise.all([findSettings(core.db, row.rootUnitId), findUnitById(core.db, row.unitId)]);
  if (!unit) return { reviewBody: s?.reviewBody?.trim() || '上一级人民政府', court: s?.court ?? '' };
  const r = await unitRemedies(core.db, unit, { reviewBody: s?.reviewBody, court: s?.court });
  return { reviewBody: r.reviewBody, court: r.court };
}

/** The remedy notice of a unit's replies (条例 第五十一条). */
export async function remedyFor(core: Core | { db: DbOrTx }, row: Pick<RequestRow, 'rootUnitId' | 'unitId'>): Promise<string> {
  return remedyNotice(await remedyBodiesFor(core, row));
}

/** 答复: outcome in the annual report's categories + legal basis + remedy notice (第三十六条–第三十九条). */
export async function replyToRequest(core: Core, actor: RequestActor, requestId: number, input: ReplyRequestInput) {
  return runAction(core, actor, requestId, 'reply', {
    validate: async (tx, row, t) => {
      const clar = await findClarification(tx, row.id);
      const e: Record<string, string> = { ...validateReply(input, { correctionReceived: !!clar?.correctedOn }), ...dateInput(input.repliedOn, t, 'repliedOn', '答复日期') };
      if (row.missingItems.length && !e.outcome) e.outcome = '申请缺少第二十九条规定的内容，请先告知补正';
      return e;
    },
    event: (_row, t) => ({ kind: 'replied', on: input.repliedOn || t }),
    apply: async ({ tx, row, today: t }) => {
      const code = input.outcome as OutcomeCode;
      const remedy = await remedyFor({ db: tx }, row);
      return {
        set: {
          outcome: code,
          legalBasis: input.legalBasis.trim(),
          withheldParts: code === 'partial' ? (input.withheldParts ?? '').trim() : '',
          withheldReason: code === 'partial' ? (input.withheldReason ?? '').trim() : '',
          redirectChannel: (input.redirectChannel ?? '').trim(),
          responsibleAgency: (input.responsibleAgency ?? '').trim(),
          earlierRequestNo: (input.earlierRequestNo ?? '').trim(),
          replyText: (input.replyText ?? '').trim(),
          remedyText: remedy,
          repliedOn: input.repliedOn || t,
          closedOn: input.repliedOn || t,
        },
        result: { remedyText: remedy },
        summary: { outcome: code, outcomeLabel: outcomeDef(code).label, legalBasis: input.legalBasis.trim() },
      };
    },
  });
}

export async function archiveRequest(core: Core, actor: RequestActor, requestId: number, input: { note?: string } = {}) {
  return runAction(core, actor, requestId, 'archive', { apply: async () => ({ result: {}, note: input.note?.trim() ?? '' }) });
}

// ---------------------------------------------------------------------------------------------
// Personal data, files, letters, settings
// ---------------------------------------------------------------------------------------------

export interface PersonalData {
  applicantName: string;
  contactPerson: string;
  idType: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
}

/**
 * The unmasked applicant data, for the handler and the unit admin only; each call writes an audit
 * row (ARCHITECTURE §3: every read of an unmasked record by staff is audited).
 */
export async function revealPersonalData(core: Core, actor: RequestActor, requestId: number): Promise<Result<{ data: PersonalData }>> {
  if (actor.kind !== 'staff') return refuse('无权查看');
  const row = await findRequestById(core.db, requestId);
  if (!row || !canViewRequest(actor.user, row)) return refuse('申请不存在');
  const parties = partiesOf(actor, row);
  if (!parties.has('handler') && !parties.has('unit_admin')) return refuse('只有承办人和本单位管理员可以查看完整的个人信息');
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await writeAudit(tx, actor.audit, { action: 'requests.personal-data-viewed', targetType: 'info_request', targetId: row.requestNo, unitId: row.unitId, summary: { fields: ['idNumber', 'phone', 'email', 'address'] } }, now);
  });
  return {
    ok: true,
    data: {
      applicantName: row.applicantName,
      contactPerson: row.contactPerson,
      idType: row.idType,
      idNumber: row.idNumber,
      phone: row.phone,
      email: row.email,
      address: row.address,
      postcode: row.postcode,
    },
  };
}

/** Staff of the request (handler, unit, openness office) attach a file (e.g. the released information). */
export async function addAttachment(core: Core, actor: RequestActor, requestId: number, input: { kind: 'application' | 'correction' | 'letter' | 'released' | 'other'; fileName: string; bytes: Buffer }): Promise<Result<{ attachmentId: number }>> {
  if (actor.kind !== 'staff') return refuse('无权上传');
  const errs = uploadErrors([{ fileName: input.fileName, bytes: input.bytes }], 'file');
  if (Object.keys(errs).length) return fail(errs);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (!row || !canViewRequest(actor.user, row)) return refuse('申请不存在');
    const p = partiesOf(actor, row);
    if (!p.has('handler') && !p.has('unit_staff') && !p.has('openness_office')) return refuse('只有承办人、本单位工作人员和政务公开办可以上传附件');
    const [id] = await storeUploads(core, tx, row.id, input.kind, [{ fileName: input.fileName, bytes: input.bytes }], actor.user.id);
    await writeAudit(tx, actor.audit, { action: 'requests.attachment-added', targetType: 'info_request', targetId: row.requestNo, unitId: row.unitId, summary: { kind: input.kind, fileName: input.fileName, attachmentId: id } }, now);
    return { ok: true as const, attachmentId: id! };
  });
}

export async function readAttachment(core: Core, requestId: number, attachmentId: number): Promise<{ fileName: string; contentType: string; bytes: Buffer; kind: string } | null> {
  if (!Number.isSafeInteger(requestId) || !Number.isSafeInteger(attachmentId)) return null;
  const a = await findAttachment(core.db, requestId, attachmentId);
  if (!a) return null;
  return { fileName: a.fileName, contentType: a.contentType, bytes: await fileStorage(core.config).get(a.storageKey), kind: a.kind };
}

/** The personal data in a file to be released (条例 第十五条; 个人信息保护法 第三十四–三十七条), with its places. */
export async function scanReleasedFile(core: Core, requestId: number, attachmentId: number): Promise<{ fileName: string; kind: string; scan: RedactionScan } | null> {
  const file = await readAttachment(core, requestId, attachmentId);
  if (!file) return null;
  const type = sniffContent(file.bytes);
  if (type !== 'docx' && type !== 'xlsx' && type !== 'pdf') return { fileName: file.fileName, kind: file.kind, scan: { hits: [], canRedact: false, refusal: '只能检查 .docx、.xlsx 和 .pdf 文件中的文字。' } };
  return { fileName: file.fileName, kind: file.kind, scan: await scanFile(type, file.bytes, shanghaiToday(core.clock.now())) };
}

/**
 * Makes the redacted copy of a file to be released: the confirmed hits masked by the site's formats. The
 * copy becomes the released file; the original stays with the request for staff only (kind 'other').
 * The audit row holds kinds and counts, never the numbers.
 */
export async function redactReleasedFile(core: Core, actor: RequestActor, requestId: number, attachmentId: number, confirmed: ReadonlySet<string>): Promise<Result<{ attachmentId: number }>> {
  if (actor.kind !== 'staff') return refuse('无权操作');
  const file = await readAttachment(core, requestId, attachmentId);
  if (!file) return refuse('文件不存在');
  if (file.kind !== 'released') return fail({ hit: '只有“提供给申请人的信息”需要在提供前检查' });
  const type = sniffContent(file.bytes);
  if (type !== 'docx' && type !== 'xlsx') return fail({ hit: type === 'pdf' ? '不能自动处理 PDF 文件：请在原始文档中处理后重新生成 PDF。' : '这个文件不能自动处理' });
  const today = shanghaiToday(core.clock.now());
  const scan = await scanFile(type, file.bytes, today);
  const chosen = new Set(scan.hits.filter((h) => confirmed.has(h.id)).map((h) => h.id));
  if (!chosen.size) return fail({ hit: '没有勾选要隐去的个人信息；全部无需处理时，不必生成副本。' });
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (!row || !canViewRequest(actor.user, row)) return refuse('申请不存在');
    const p = partiesOf(actor, row);
    if (!p.has('handler') && !p.has('unit_staff') && !p.has('openness_office')) return refuse('只有承办人、本单位工作人员和政务公开办可以处理提供的信息');
    const { bytes, counts } = redactOffice(type, file.bytes, chosen, await siteMasks(core.db, row.rootUnitId), today);
    const [id] = await storeUploads(core, tx, row.id, 'released', [{ fileName: file.fileName, bytes }], actor.user.id);
    await tx.update(reqAttachments).set({ redactedFromId: attachmentId }).where(eq(reqAttachments.id, id!));
    await tx.update(reqAttachments).set({ kind: 'other' }).where(eq(reqAttachments.id, attachmentId));
    await writeAudit(tx, actor.audit, { action: 'requests.file-redacted', targetType: 'info_request', targetId: row.requestNo, unitId: row.unitId, summary: { fileName: file.fileName, original: attachmentId, copy: id, redacted: counts, dismissed: scan.hits.length - chosen.size } }, now);
    return { ok: true as const, attachmentId: id! };
  });
}

export const LETTER_METHODS = ['email', 'post', 'in_person', 'online'] as const;
export const LETTER_METHOD_LABELS: Record<(typeof LETTER_METHODS)[number], string> = { email: '电子邮件', post: '邮寄', in_person: '当面送达', online: '网上送达' };

/** Records a letter sent to the applicant (the .docx stored as an attachment of kind letter). */
export async function recordLetter(
  core: Core,
  actor: RequestActor,
  requestId: number,
  input: { kind: string; title: string; file?: Upload; method: string; sentTo: string; sentOn?: string },
): Promise<Result<{ letterId: number; attachmentId: number | null }>> {
  if (actor.kind !== 'staff') return refuse('无权操作');
  const t = today(core);
  const e: Record<string, string> = { ...dateInput(input.sentOn, t, 'sentOn', '送达日期') };
  if (!input.kind?.trim()) e.kind = '请选择文书类型';
  if (!input.title?.trim()) e.title = '请填写文书标题';
  if (input.method && !(LETTER_METHODS as readonly string[]).includes(input.method)) e.method = '请选择送达方式';
  if (input.file) Object.assign(e, uploadErrors([input.file], 'file'));
  if (Object.keys(e).length) return fail(e);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (!row || !canViewRequest(actor.user, row)) return refuse('申请不存在');
    const p = partiesOf(actor, row);
    // A notice's letter may be recorded by whoever may send that notice; other letters by the handling staff.
    const kind = input.kind.trim();
    const allowed = isNoticeLetter(kind) ? maySendLetter(kind, [...p]) : p.has('handler') || p.has('unit_admin') || p.has('openness_office');
    if (!allowed) return refuse('只有可以发出该通知的人员（承办人、本单位管理员和政务公开办）可以登记文书');
    const [attachmentId] = input.file ? await storeUploads(core, tx, row.id, 'letter', [input.file], actor.user.id) : [null];
    const letter = await insertLetter(tx, {
      requestId: row.id,
      kind: input.kind.trim(),
      title: input.title.trim(),
      attachmentId: attachmentId ?? null,
      method: input.method ?? '',
      sentTo: input.sentTo?.trim() ?? '',
      sentOn: input.method ? input.sentOn || t : null,
      createdBy: actor.user.id,
      createdAt: now,
    });
    await writeAudit(tx, actor.audit, { action: 'requests.letter-recorded', targetType: 'info_request', targetId: row.requestNo, unitId: row.unitId, summary: { kind: letter.kind, title: letter.title, method: letter.method, sentOn: letter.sentOn } }, now);
    return { ok: true as const, letterId: letter.id, attachmentId: attachmentId ?? null };
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Release to all (条例 第四十四条): a reply of 予以公开 or 部分公开 becomes a draft 主动公开 record of the
 * unit in the publishing module, for an editor to complete, review and publish. Once per request.
 */
export async function releaseToAll(core: Core, actor: RequestActor, requestId: number, input: { title?: string; bodyHtml?: string } = {}): Promise<Result<{ recordCode: string }>> {
  if (actor.kind !== 'staff') return refuse('无权操作');
  const row = await findRequestById(core.db, requestId);
  if (!row || !canViewRequest(actor.user, row)) return refuse('申请不存在');
  const p = partiesOf(actor, row);
  if (!p.has('handler') && !p.has('unit_admin') && !p.has('openness_office')) return refuse('只有承办人、本单位管理员和政务公开办可以转为主动公开');
  if (row.state !== 'replied' && row.state !== 'archived') return refuse('只有已答复的申请可以转为主动公开');
  if (row.outcome !== 'disclose' && row.outcome !== 'partial') return refuse('只有“予以公开”或“部分公开”的答复可以转为主动公开');
  if (row.publishedRecordRef) return refuse(`该答复已转为主动公开信息（${row.publishedRecordRef}）`);
  // Claim first, so two clicks make one record; released again below if publishing refuses.
  const claimed = await core.db
    .update(reqRequests)
    .set({ publishedRecordRef: 'pending' })
    .where(and(eq(reqRequests.id, row.id), isNull(reqRequests.publishedRecordRef)))
    .returning({ id: reqRequests.id });
  if (!claimed.length) return refuse('该答复正在或已经转为主动公开信息');
  const unit = await findUnitBrief(core.db, row.unitId);
  const title = input.title?.trim() || row.infoDescription || row.infoDocNo;
  const bodyHtml =
    input.bodyHtml?.trim() ||
    [`<p>${escapeHtml(row.infoDescription || row.infoDocNo)}</p>`, row.replyText ? `<p>${escapeHtml(row.replyText)}</p>` : '', row.outcome === 'partial' ? `<p>（部分公开：${escapeHtml(row.withheldParts)}不予公开。）</p>` : ''].join('');
  let r: Awaited<ReturnType<typeof createRecordFromRequestReply>>;
  try {
    r = await createRecordFromRequestReply(core, staffActorOf(actor.audit, actor.user), { requestNo: row.requestNo, title, bodyHtml, unitId: row.unitId, publisherName: unit?.name });
  } catch (err) {
    await core.db.update(reqRequests).set({ publishedRecordRef: null }).where(eq(reqRequests.id, row.id));
    throw err;
  }
  if (!r.ok) {
    await core.db.update(reqRequests).set({ publishedRecordRef: null }).where(eq(reqRequests.id, row.id));
    if (r.kind === 'invalid') return fail(r.errors);
    if (r.kind === 'refused') return refuse(...r.reasons);
    return refuse('转为主动公开失败，请稍后再试');
  }
  const code = r.record.code;
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await updateRequest(tx, row.id, { publishedRecordRef: code, updatedAt: now });
    await writeAudit(tx, actor.audit, { action: 'requests.released-to-all', targetType: 'info_request', targetId: row.requestNo, unitId: row.unitId, summary: { recordCode: code, outcome: row.outcome } }, now);
  });
  return { ok: true, recordCode: code };
}

/** Per-site settings (openness office). Changing the fee setting recomputes every open request's clock. */
export async function updateSettings(core: Core, actor: RequestActor, rootUnitId: number, input: { feePausesClock: boolean; reviewBody: string; court: string }): Promise<Result<{ recomputed: number }>> {
  if (actor.kind !== 'staff' || actor.user.rootUnitId !== rootUnitId || !actor.user.roles.some((r) => r === 'openness_office' || r === 'openness_head')) return refuse('只有政务公开办可以修改依申请公开设置');
  const e: Record<string, string> = {};
  if ((input.reviewBody ?? '').length > 100) e.reviewBody = '复议机关名称不能超过100个字';
  if ((input.court ?? '').length > 100) e.court = '人民法院名称不能超过100个字';
  if (Object.keys(e).length) return fail(e);
  const cal = await requestCalendar(core);
  const now = core.clock.now();
  invalidateCounts(core.db);
  return core.db.transaction(async (tx) => {
    const before = await findSettings(tx, rootUnitId);
    await upsertSettings(tx, { rootUnitId, feePausesClock: !!input.feePausesClock, reviewBody: (input.reviewBody ?? '').trim(), court: (input.court ?? '').trim(), updatedAt: now });
    let recomputed = 0;
    if ((before?.feePausesClock ?? true) !== !!input.feePausesClock) {
      for (const id of await listOpenRequestIds(tx, rootUnitId, OPEN_STATES)) {
        await lockRequest(tx, id);
        const c = computeSafely(await listEvents(tx, id), cal, { feePausesClock: !!input.feePausesClock });
        if (c.ok) {
          await updateRequest(tx, id, clockColumns(c.clock));
          recomputed++;
        }
      }
    }
    await writeAudit(
      tx,
      actor.audit,
      {
        action: 'requests.settings-updated',
        targetType: 'req_settings',
        targetId: rootUnitId,
        unitId: rootUnitId,
        summary: { before: before ? { feePausesClock: before.feePausesClock, reviewBody: before.reviewBody, court: before.court } : null, after: { feePausesClock: !!input.feePausesClock, reviewBody: input.reviewBody, court: input.court }, recomputed },
      },
      now,
    );
    return { ok: true as const, recomputed };
  });
}

/** Recomputes one request's clock cache from its ledger (after a calendar correction, for example). */
export async function recomputeClock(core: Core, requestId: number): Promise<ClockResult | null> {
  const cal = await requestCalendar(core);
  invalidateCounts(core.db);
  return core.db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (!row) return null;
    const c = computeSafely(await listEvents(tx, row.id), cal, await clockOptions(tx, row.rootUnitId));
    if (!c.ok) return null;
    await updateRequest(tx, row.id, clockColumns(c.clock));
    return c.clock;
  });
}

/**
 * After a calendar year is entered or corrected: recomputes every request whose clock may count days
 * of that year (still open, or closed or due within or after it), so 暂定 due dates become final.
 */
export async function recomputeClocksForYear(core: Core, year: number): Promise<number> {
  const ids = await requestsTouchingYear(core.db, `${year}-01-01`, `${year}-12-31`);
  let n = 0;
  for (const id of ids) if (await recomputeClock(core, id)) n++;
  invalidateCounts(core.db);
  return n;
}

class RefusedError extends Error {}

function refusedToResult(err: unknown): { ok: false; errors: Record<string, string>; reasons: string[] } {
  if (err instanceof RefusedError) return refuse(err.message);
  if (isUniqueViolation(err, 'req_extensions_one_key')) return refuse('已有待批准或已批准的延期申请；依照第三十三条，延期只能一次');
  throw err;
}
