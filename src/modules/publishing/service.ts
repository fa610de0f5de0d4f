// State-changing verbs of proactive publishing. Each one validates its input, asks the domain whether
// the step is allowed (reasons when not), changes the data in one transaction and writes the audit row
// in that same transaction.
import crypto from 'node:crypto';
import type { Core } from '../../core/services.ts';
import type { Tx } from '../../core/db/index.ts';
import type { Role } from '../../core/db/schema.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { formatInstant, shanghaiToday } from '../../core/clock.ts';
import { isValidIsoDate, type WorkCalendar } from '../../core/calendar/working-days.ts';
import { sanitizeRichText } from '../../core/html/sanitize.ts';
import { checkUpload } from '../../core/files/sniff.ts';
import { fileStorage } from '../../core/files/storage.ts';
import { extractText } from '../../core/files/extract-text.ts';
import { redactOffice, scanFile, type RedactionScan } from '../../core/redaction/office.ts';
import { siteMasks } from '../../core/redaction/masks.ts';
import { pubAttachments } from './data/schema.ts';
import { eq } from 'drizzle-orm';
import type { RecordInput, RecordSnapshot } from './domain/types.ts';
import { validateRecordInput, checkLegalDate } from './domain/metadata.ts';
import { checkAction, canEditRecord, type WorkflowAction, type WorkflowRecord, type WorkflowUser } from './domain/workflow.ts';
import { checkInterpretationAtPublication, checkInterpretationMaterial } from './domain/interpretation.ts';
import { formatIndexNo } from './domain/index-no.ts';
import { sameDocNoCheck } from './domain/doc-no.ts';
import { assessTimeliness } from './domain/timeliness.ts';
import {
  ATTACHMENT_ROLES,
  FIELD_LABELS,
  VALIDITIES,
  VALIDITY_LABELS,
  WITHDRAW_REASONS,
  WITHDRAW_REASON_LABELS,
  type AttachmentRole,
  type RecordState,
  type Validity,
  type WithdrawReason,
} from './domain/vocab.ts';
import {
  allocateIndexSeq,
  deleteLink,
  findAttachmentByCode,
  findRecordByCode,
  findRecordById,
  findRecordByIndexNo,
  insertAttachment,
  insertLink,
  insertRecord,
  insertReviewLog,
  insertVersion,
  lastForcedBy,
  latestVersion,
  listAttachments,
  listLinkedInterpretations,
  listLinkedPolicies,
  listRecordsWithDocNo,
  markAttachmentRemoved,
  unitForIndex,
  updateRecord,
  type AttachmentRow,
  type NewRecordRow,
  type RecordRow,
} from './data/repository.ts';
import { findUnitCatalogItem } from './data/catalog-items.ts';
import type { TimeLimitRule } from '../catalog/index.ts';
import { refreshSearchDocument } from './data/search-index.ts';
import { checkContent, contentFingerprint, hasContentCheck, recordTexts, type ContentFinding } from './content-check.ts';
import type { DbOrTx } from '../../core/db/index.ts';

// ---------------------------------------------------------------------------------------------
// Results and actors

export interface SaveConflict {
  /** The version now stored (someone else saved after the editor loaded the form). */
  currentVersion: number;
  current: RecordSnapshot;
  changedByName: string;
  changedAt: Date;
  /** What this editor tried to save (normalised), so nothing typed is lost. */
  submitted: RecordInput;
}

export type PubFailure =
  | { ok: false; kind: 'invalid'; errors: Record<string, string> }
  | { ok: false; kind: 'refused'; reasons: string[] }
  | { ok: false; kind: 'conflict'; conflict: SaveConflict }
  | { ok: false; kind: 'not_found' };

export type PubResult<T = object> = ({ ok: true } & T) | PubFailure;

/** A signed-in staff member acting: the audit actor plus what permission checks need. */
export interface StaffActor extends Actor {
  id: number;
  unitId: number;
  rootUnitId: number;
  roles: Role[];
}

export function staffActorOf(actor: Actor, user: CurrentUser): StaffActor {
  return { ...actor, id: user.id, unitId: user.unitId, rootUnitId: user.rootUnitId, roles: user.roles };
}

const invalid = (errors: Record<string, string>): PubFailure => ({ ok: false, kind: 'invalid', errors });
const refused = (reasons: string[]): PubFailure => ({ ok: false, kind: 'refused', reasons });
const notFound: PubFailure = { ok: false, kind: 'not_found' };

/** Thrown inside a transaction to roll it back and answer with reasons. */
class Refusal extends Error {
  constructor(readonly failure: PubFailure) {
    super('refused');
  }
}

async function inTransaction<T extends object>(core: Core, fn: (tx: Tx) => Promise<PubResult<T>>): Promise<PubResult<T>> {
  try {
    return await core.db.transaction(async (tx) => {
      const r = await fn(tx);
      if (!r.ok) throw new Refusal(r);
      return r;
    });
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    throw err;
  }
}

function newCode(): string {
  return crypto.randomBytes(9).toString('base64url');
}

function todayOf(core: Core): string {
  return shanghaiToday(core.clock.now());
}

function errorsAsReasons(errors: Record<string, string>): string[] {
  return Object.entries(errors).map(([k, m]) => `${FIELD_LABELS[k] ?? k}：${m}`);
}

// ---------------------------------------------------------------------------------------------
// Row ↔ input, snapshots, workflow view

export function recordInputOf(r: RecordRow): RecordInput {
  return {
    kind: r.kind,
    interpretationForm: r.interpretationForm,
    catalogItemId: r.catalogItemId,
    generalColumn: r.generalColumn,
    title: r.title,
    publisherName: r.publisherName,
    docNo: r.docNo,
    writtenOn: r.writtenOn,
    formedOn: r.formedOn,
    subject: r.subject,
    genre: r.genre,
    docType: r.docType,
    needsInterpretation: r.needsInterpretation,
    interpretationWaiver: r.interpretationWaiver,
    docNoSharedReason: r.docNoSharedReason,
    keywords: r.keywords,
    summary: r.summary,
    bodyHtml: r.bodyHtml,
    disclosure: r.disclosure,
    disclosureGrounds: r.disclosureGrounds,
    disclosureNote: r.disclosureNote,
    reevaluateOn: r.reevaluateOn,
  };
}

/** A blank form for a new record of the user's unit. */
export function emptyRecordInput(unitName: string, today: string): RecordInput {
  return {
    kind: 'record',
    interpretationForm: null,
    catalogItemId: null,
    generalColumn: null,
    title: '',
    publisherName: unitName,
    docNo: '',
    writtenOn: today,
    formedOn: today,
    subject: '',
    genre: '',
    docType: 'other',
    needsInterpretation: false,
    interpretationWaiver: '',
    docNoSharedReason: '',
    keywords: [],
    summary: '',
    bodyHtml: '',
    disclosure: 'proactive',
    disclosureGrounds: [],
    disclosureNote: '',
    reevaluateOn: null,
  };
}

function columnsOf(v: RecordInput): Partial<NewRecordRow> {
  return {
    kind: v.kind,
    interpretationForm: v.interpretationForm,
    catalogItemId: v.catalogItemId,
    generalColumn: v.generalColumn,
    title: v.title,
    publisherName: v.publisherName,
    docNo: v.docNo,
    writtenOn: v.writtenOn,
    formedOn: v.formedOn,
    subject: v.subject,
    genre: v.genre,
    docType: v.docType,
    needsInterpretation: v.needsInterpretation,
    interpretationWaiver: v.interpretationWaiver ?? '',
    docNoSharedReason: v.docNoSharedReason ?? '',
    keywords: v.keywords,
    summary: v.summary,
    bodyHtml: v.bodyHtml,
    disclosure: v.disclosure,
    disclosureGrounds: v.disclosureGrounds,
    disclosureNote: v.disclosureNote,
    reevaluateOn: v.reevaluateOn,
  };
}

async function snapshotOf(tx: Tx, r: RecordRow): Promise<RecordSnapshot> {
  const attachments = await listAttachments(tx, r.id);
  const replacedBy = r.replacedById ? await findRecordById(tx, r.replacedById) : undefined;
  return {
    ...recordInputOf(r),
    state: r.state,
    indexNo: r.indexNo,
    publishedOn: r.publishedOn,
    validity: r.validity,
    validityChangedOn: r.validityChangedOn,
    replacedByIndexNo: replacedBy?.indexNo ?? null,
    attachments: attachments.map((a) => ({ code: a.code, originalName: a.originalName, sha256: a.sha256, role: a.role })),
  };
}

async function addVersion(tx: Tx, r: RecordRow, event: string, isPublic: boolean, note: string, actor: Actor, at: Date): Promise<void> {
  await insertVersion(tx, {
    recordId: r.id,
    lockVersion: r.lockVersion,
    event,
    isPublic,
    snapshot: await snapshotOf(tx, r),
    changeNote: note,
    changedById: actor.id,
    changedByName: actor.name,
    changedAt: at,
  });
}

/** Whether an interpretation still moves with a policy that is not yet published. */
async function movesWithPolicy(tx: Tx, r: RecordRow): Promise<boolean> {
  if (r.kind !== 'interpretation') return false;
  const policies = await listLinkedPolicies(tx, r.id);
  return policies.some((p) => p.state === 'draft' || p.state === 'submitted' || p.state === 'approved' || p.state === 'scheduled');
}

async function workflowView(tx: Tx, r: RecordRow): Promise<WorkflowRecord> {
  return {
    unitId: r.unitId,
    rootUnitId: r.rootUnitId,
    state: r.state,
    kind: r.kind,
    disclosure: r.disclosure,
    submittedById: r.submittedById,
    reviewOwed: r.reviewOwed,
    forcedById: r.reviewOwed ? await lastForcedBy(tx, r.id) : null,
    movesWithPolicy: await movesWithPolicy(tx, r),
  };
}

function userOf(a: StaffActor): WorkflowUser {
  return { id: a.id, unitId: a.unitId, rootUnitId: a.rootUnitId, roles: a.roles };
}

/** Loads and locks a record and checks the step; the failure when it may not be taken. */
async function begin(tx: Tx, actor: StaffActor, code: string, action: WorkflowAction, opts: { scheduleAt?: boolean } = {}): Promise<{ row: RecordRow; to: RecordState } | PubFailure> {
  const row = await findRecordByCode(tx, code, true);
  if (!row) return notFound;
  const wf = await workflowView(tx, row);
  // Someone outside the record's city learns nothing about it.
  if (wf.rootUnitId !== actor.rootUnitId) return notFound;
  const check = checkAction(action, wf, userOf(actor), opts);
  if (!check.ok) return refused(check.reasons);
  return { row, to: check.to };
}

function isFailure<T extends object>(x: T | PubFailure): x is PubFailure {
  return (x as PubFailure).ok === false;
}

// ---------------------------------------------------------------------------------------------
// Input checks shared by create, save and revise

interface CheckedInput {
  value: RecordInput;
  notes: string[];
}

/** Sanitises the body, checks metadata and that the catalog item belongs to the unit's catalog. */
async function checkInput(core: Core, input: RecordInput, unitId: number, opts: { publishedOn?: string | null } = {}): Promise<CheckedInput | PubFailure> {
  const bodyHtml = sanitizeRichText(typeof input.bodyHtml === 'string' ? input.bodyHtml : '');
  const { errors, value, notes } = validateRecordInput({ ...input, bodyHtml }, { today: todayOf(core), publishedOn: opts.publishedOn ?? null });
  if (value.catalogItemId !== null && !errors.catalogItemId) {
    const item = Number.isSafeInteger(value.catalogItemId) ? await findUnitCatalogItem(core.db, unitId, value.catalogItemId) : undefined;
    if (!item) errors.catalogItemId = '所选公开事项不在本单位的公开目录中';
  }
  if (Object.keys(errors).length) return invalid(errors);
  return { value, notes };
}

// ---------------------------------------------------------------------------------------------
// Drafts

export interface CreateOptions {
  /** The unit the record belongs to; default the actor's unit (政务公开办 may draft for any unit of the city). */
  unitId?: number;
  /** 依申请公开 "release to all": the 受理编号 of the request the record comes from. */
  sourceRequestNo?: string;
}

export async function createDraft(core: Core, actor: StaffActor, input: RecordInput, opts: CreateOptions = {}): Promise<PubResult<{ record: RecordRow; notes: string[] }>> {
  const unitId = opts.unitId ?? actor.unitId;
  const unit = await unitForIndex(core.db, unitId);
  if (!unit || unit.rootId !== actor.rootUnitId) return invalid({ unitId: '所选单位不存在' });
  const target: WorkflowRecord = { unitId, rootUnitId: unit.rootId, state: 'draft', kind: input.kind, disclosure: input.disclosure, submittedById: null, reviewOwed: false };
  if (!canEditRecord(userOf(actor), target)) return refused(['只有本单位的信息员、审核人、单位管理员或政务公开办可以为本单位起草信息']);
  const checked = await checkInput(core, input, unitId);
  if (isFailure(checked)) return checked;
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const record = await insertRecord(tx, {
      ...columnsOf(checked.value),
      code: newCode(),
      rootUnitId: unit.rootId,
      unitId,
      title: checked.value.title,
      publisherName: checked.value.publisherName,
      writtenOn: checked.value.writtenOn,
      formedOn: checked.value.formedOn,
      subject: checked.value.subject,
      genre: checked.value.genre,
      sourceRequestNo: opts.sourceRequestNo ?? null,
      createdById: actor.id,
      createdByName: actor.name,
      updatedByName: actor.name,
      createdAt: now,
      updatedAt: now,
    });
    await addVersion(tx, record, 'created', false, '新建草稿', actor, now);
    const dup = await sameDocNoProblem(tx, record);
    await writeAudit(tx, actor, { action: 'publishing.draft-created', targetType: 'pub_record', targetId: record.code, unitId, summary: { after: { title: record.title, kind: record.kind, docType: record.docType, disclosure: record.disclosure } } }, now);
    return { ok: true, record, notes: dup.warning ? [...checked.notes, dup.warning] : checked.notes };
  });
}

/** Other records of the city with the record's 文号: the warning (draft) and the refusal (publication). */
async function sameDocNoProblem(tx: Tx, r: RecordRow): Promise<{ warning: string | null; refusal: string | null }> {
  if (!r.docNo) return { warning: null, refusal: null };
  return sameDocNoCheck(r.docNo, await listRecordsWithDocNo(tx, r.rootUnitId, r.docNo, r.id), r.docNoSharedReason);
}

/**
 * Saves a draft. `expectedVersion` is the lock_version the editor loaded: when someone saved since,
 * nothing is written and the conflict carries both versions.
 */
export async function saveDraft(core: Core, actor: StaffActor, code: string, expectedVersion: number, input: RecordInput): Promise<PubResult<{ record: RecordRow; notes: string[] }>> {
  const pre = await findRecordByCode(core.db, code);
  if (!pre || pre.rootUnitId !== actor.rootUnitId) return notFound;
  const checked = await checkInput(core, input, pre.unitId);
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'edit');
    if (isFailure(b)) return b;
    const { row } = b;
    if (row.lockVersion !== expectedVersion) return conflictOf(tx, row, isFailure(checked) ? { ...input } : checked.value);
    if (isFailure(checked)) return checked;
    const record = await updateRecord(tx, row.id, { ...columnsOf(checked.value), lockVersion: row.lockVersion + 1, updatedByName: actor.name, updatedAt: now });
    await addVersion(tx, record, 'saved', false, '保存草稿', actor, now);
    const dup = await sameDocNoProblem(tx, record);
    await writeAudit(tx, actor, { action: 'publishing.draft-saved', targetType: 'pub_record', targetId: record.code, unitId: record.unitId, summary: { before: { version: row.lockVersion }, after: { version: record.lockVersion, title: record.title } } }, now);
    return { ok: true, record, notes: dup.warning ? [...checked.notes, dup.warning] : checked.notes };
  });
}

async function conflictOf(tx: Tx, row: RecordRow, submitted: RecordInput): Promise<PubFailure> {
  const last = await latestVersion(tx, row.id);
  return {
    ok: false,
    kind: 'conflict',
    conflict: {
      currentVersion: row.lockVersion,
      current: await snapshotOf(tx, row),
      changedByName: last?.changedByName ?? row.updatedByName,
      changedAt: last?.changedAt ?? row.updatedAt,
      submitted,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Review

/** The metadata of a stored record, checked again before it moves on (and before publication, with its date). */
function storedRecordProblems(row: RecordRow, today: string, publishedOn?: string): string[] {
  const { errors } = validateRecordInput(recordInputOf(row), { today, publishedOn: publishedOn ?? null });
  return errorsAsReasons(errors);
}

async function interpretationProblem(tx: Tx, row: RecordRow): Promise<string | null> {
  return checkInterpretationMaterial(row, await listLinkedInterpretations(tx, row.id));
}

/**
 * The content check (content-check.ts) of a record and of its 政策解读 not yet published, which go out
 * with it: the same list on the record page and at 审核通过 / 紧急发布, so one confirmation matches the other.
 */
export async function contentFindingsOf(db: DbOrTx, row: RecordRow, today: string): Promise<ContentFinding[]> {
  if (!hasContentCheck()) return [];
  const texts = recordTexts(row, await listAttachments(db, row.id));
  if (row.kind === 'record') {
    for (const c of await listLinkedInterpretations(db, row.id)) {
      if (c.state === 'published' || c.state === 'withdrawn') continue;
      texts.push(...recordTexts(c, await listAttachments(db, c.id), `政策解读“${c.title}”的`));
    }
  }
  return checkContent(db, { rootUnitId: row.rootUnitId, today, texts });
}

/** A reviewer goes on only after confirming exactly the findings shown (or after the text was fixed). */
function contentRefusal(findings: ContentFinding[], confirmed: string | undefined): PubFailure | null {
  if (!findings.length || confirmed === contentFingerprint(findings)) return null;
  const blocking = findings.filter((f) => f.severity === 'block').length;
  return refused([
    `内容检查发现${findings.length}处提示${blocking ? `（其中${blocking}处为严重问题）` : ''}，请逐条核对：需要修改的请退回修改；确认无误的，请勾选“已逐条核对内容检查提示”后再办理。`,
  ]);
}

/**
 * Submits a record for review. A 规章 / 行政规范性文件 / 需解读 record needs its interpretation (a linked
 * 政策解读 or an attached 解读方案), else "无解读材料，不予受理"; linked interpretations still in draft are
 * submitted with it (同步审签).
 */
export async function submitRecord(core: Core, actor: StaffActor, code: string): Promise<PubResult<{ record: RecordRow; submitted: string[] }>> {
  const now = core.clock.now();
  const today = todayOf(core);
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'submit');
    if (isFailure(b)) return b;
    const { row } = b;
    const reasons = storedRecordProblems(row, today);
    const interp = await interpretationProblem(tx, row);
    if (interp) reasons.unshift(interp);
    const companions = (await listLinkedInterpretations(tx, row.id)).filter((i) => i.state === 'draft');
    for (const c of companions) {
      for (const p of storedRecordProblems(c, today)) reasons.push(`政策解读“${c.title}”的${p}`);
    }
    if (reasons.length) return refused(reasons);
    const codes: string[] = [];
    for (const r of [row, ...companions]) {
      const updated = await updateRecord(tx, r.id, { state: 'submitted', submittedById: actor.id, submittedAt: now, sendBackReasons: [], lockVersion: r.lockVersion + 1, updatedByName: actor.name, updatedAt: now });
      await addVersion(tx, updated, 'submitted', false, r === row ? '提交审核' : `随政策文件“${row.title}”一并提交审核`, actor, now);
      await insertReviewLog(tx, { recordId: r.id, action: 'submitted', actorId: actor.id, actorName: actor.name, at: now });
      await writeAudit(tx, actor, { action: 'publishing.submitted', targetType: 'pub_record', targetId: r.code, unitId: r.unitId, summary: { after: { state: 'submitted' }, note: r === row ? '' : `随${row.code}一并提交` } }, now);
      codes.push(r.code);
    }
    const record = (await findRecordById(tx, row.id))!;
    return { ok: true, record, submitted: codes };
  });
}

/** 审核通过 (条例 第十七条 保密审查): by a reviewer of the unit or of the 政务公开办, never the submitter. */
export async function approveRecord(core: Core, actor: StaffActor, code: string, note = '', opts: { contentConfirmed?: string } = {}): Promise<PubResult<{ record: RecordRow }>> {
  const now = core.clock.now();
  if (typeof note !== 'string' || note.length > 1000) return invalid({ note: '审核意见不能超过1000个字' });
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'approve');
    if (isFailure(b)) return b;
    const { row } = b;
    const findings = await contentFindingsOf(tx, row, todayOf(core));
    const content = contentRefusal(findings, opts.contentConfirmed);
    if (content) return content;
    if (findings.length) note = [note, `已逐条核对内容检查提示${findings.length}处`].filter(Boolean).join('；');
    const companions = (await listLinkedInterpretations(tx, row.id)).filter((i) => i.state === 'submitted');
    const reasons: string[] = [];
    for (const c of companions) if (c.submittedById === actor.id) reasons.push(`不能审核自己提交的政策解读“${c.title}”`);
    if (reasons.length) return refused(reasons);
    for (const r of [row, ...companions]) {
      const updated = await updateRecord(tx, r.id, { state: 'approved', approvedById: actor.id, approvedByName: actor.name, approvedAt: now, lockVersion: r.lockVersion + 1, updatedAt: now });
      await addVersion(tx, updated, 'approved', false, note || '审核通过', actor, now);
      await insertReviewLog(tx, { recordId: r.id, action: 'approved', actorId: actor.id, actorName: actor.name, note, at: now });
      await writeAudit(tx, actor, { action: 'publishing.approved', targetType: 'pub_record', targetId: r.code, unitId: r.unitId, summary: { after: { state: 'approved' }, note } }, now);
    }
    return { ok: true, record: (await findRecordById(tx, row.id))! };
  });
}

/** 退回修改 with the reasons the editor will read; linked interpretations go back with the policy. */
export async function sendBackRecord(core: Core, actor: StaffActor, code: string, reasons: string[]): Promise<PubResult<{ record: RecordRow }>> {
  const list = (Array.isArray(reasons) ? reasons : [])
    .filter((r) => typeof r === 'string')
    .map((r) => r.trim())
    .filter(Boolean);
  if (!list.length) return invalid({ reasons: '请填写退回理由' });
  if (list.some((r) => r.length > 1000)) return invalid({ reasons: '每条退回理由不能超过1000个字' });
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'send_back');
    if (isFailure(b)) return b;
    const { row } = b;
    const companions = (await listLinkedInterpretations(tx, row.id)).filter((i) => ['submitted', 'approved', 'scheduled'].includes(i.state));
    for (const r of [row, ...companions]) {
      const updated = await updateRecord(tx, r.id, { state: 'draft', sendBackReasons: list, scheduledAt: null, approvedById: null, approvedByName: null, approvedAt: null, lockVersion: r.lockVersion + 1, updatedAt: now });
      await addVersion(tx, updated, 'sent_back', false, list.join('；'), actor, now);
      await insertReviewLog(tx, { recordId: r.id, action: 'sent_back', actorId: actor.id, actorName: actor.name, reasons: list, at: now });
      await writeAudit(tx, actor, { action: 'publishing.sent-back', targetType: 'pub_record', targetId: r.code, unitId: r.unitId, summary: { before: { state: r.state }, after: { state: 'draft' }, reasons: list } }, now);
    }
    return { ok: true, record: (await findRecordById(tx, row.id))! };
  });
}

// ---------------------------------------------------------------------------------------------
// Publication

interface PublishContext {
  core: Core;
  actor: Actor;
  now: Date;
  calendar: WorkCalendar;
  /** Force-published: review owed. */
  forced: boolean;
  note: string;
}

/** The 公开时限 of the record's catalog item (null for a general column): it replaces the 20 working days. */
async function itemRuleOf(tx: Tx, r: RecordRow): Promise<TimeLimitRule | null> {
  if (r.catalogItemId === null) return null;
  const item = await findUnitCatalogItem(tx, r.unitId, r.catalogItemId, { includeRemoved: true });
  return item?.timeLimitRule ?? null;
}

/**
 * Publishes one record inside the caller's transaction: 索引号 from the unit's sequence (row-locked,
 * so no gaps or duplicates), 发布日期 = today in Asia/Shanghai, timeliness against 条例 第二十六条 or the
 * item's 公开时限, a public version, the search document, and the review log and audit rows.
 * Linked interpretations waiting with the policy are published with it (同步发布).
 */
async function publishInTx(tx: Tx, ctx: PublishContext, row: RecordRow, withCompanions = true): Promise<RecordRow> {
  const today = shanghaiToday(ctx.now);
  const problems = storedRecordProblems(row, today, today);
  if (problems.length) throw new Refusal(refused(problems));
  // 同步发布: a public 解读 already published or published now with the document (the companions below).
  const companionStates: RecordState[] = ctx.forced ? ['draft', 'submitted', 'approved', 'scheduled'] : ['approved', 'scheduled'];
  if (row.kind === 'record') {
    const interp = checkInterpretationAtPublication(row, await listLinkedInterpretations(tx, row.id), companionStates);
    if (interp) throw new Refusal(refused([interp]));
  }
  const dup = await sameDocNoProblem(tx, row);
  if (dup.refusal) throw new Refusal(refused([dup.refusal]));
  const unit = await unitForIndex(tx, row.unitId);
  if (!unit) throw new Refusal(refused(['所属单位不存在']));
  const year = Number(today.slice(0, 4));
  const seq = await allocateIndexSeq(tx, row.unitId, year);
  const indexNo = formatIndexNo(unit.uscc, year, seq);
  const timeliness = assessTimeliness({ formedOn: row.formedOn, publishedOn: today, itemRule: await itemRuleOf(tx, row) }, ctx.calendar);
  const published = await updateRecord(tx, row.id, {
    state: 'published',
    publishedOn: today,
    publishedAt: ctx.now,
    indexNo,
    indexYear: year,
    indexSeq: seq,
    revision: 1,
    scheduledAt: null,
    reviewOwed: ctx.forced,
    dueOn: timeliness.dueOn,
    publishedLate: row.disclosure === 'proactive' ? timeliness.late : null,
    timelinessNote: row.disclosure === 'proactive' ? timeliness.note : '',
    lockVersion: row.lockVersion + 1,
    updatedAt: ctx.now,
  });
  const label = row.disclosure === 'proactive' ? '发布' : '登记（不在网站公开）';
  await addVersion(tx, published, 'published', true, ctx.forced ? `紧急发布：${ctx.note}` : label, ctx.actor, ctx.now);
  await insertReviewLog(tx, { recordId: row.id, action: ctx.forced ? 'force_published' : 'published', actorId: ctx.actor.id, actorName: ctx.actor.name, note: ctx.note, at: ctx.now });
  await refreshSearchDocument(tx, row.id);
  await writeAudit(
    tx,
    ctx.actor,
    {
      action: ctx.forced ? 'publishing.force-published' : 'publishing.published',
      targetType: 'pub_record',
      targetId: row.code,
      unitId: row.unitId,
      summary: { after: { state: 'published', indexNo, publishedOn: today, late: published.publishedLate }, note: ctx.note },
    },
    ctx.now,
  );
  if (withCompanions && row.kind === 'record') {
    for (const c of await listLinkedInterpretations(tx, row.id)) {
      if (!companionStates.includes(c.state)) continue;
      const locked = (await findRecordById(tx, c.id, true))!;
      await publishInTx(tx, { ...ctx, note: ctx.note || `随政策文件 ${indexNo} 一并发布` }, locked, false);
    }
  }
  return published;
}

const MAX_SCHEDULE_MS = 366 * 24 * 3600 * 1000;

/**
 * Publishes an approved record now, or at `at` (state 'scheduled'; jobs.ts publishes it when due, once,
 * even with several instances).
 */
export async function publishRecord(core: Core, actor: StaffActor, code: string, opts: { at?: Date } = {}): Promise<PubResult<{ record: RecordRow }>> {
  const now = core.clock.now();
  const at = opts.at;
  if (at !== undefined && (!(at instanceof Date) || Number.isNaN(at.getTime()))) return invalid({ scheduledAt: '定时发布时间不正确' });
  if (at && at.getTime() - now.getTime() > MAX_SCHEDULE_MS) return invalid({ scheduledAt: '定时发布时间不能晚于一年之后' });
  const schedule = !!at && at.getTime() > now.getTime();
  const calendar = await core.calendar.calendar();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'publish', { scheduleAt: schedule });
    if (isFailure(b)) return b;
    const { row } = b;
    if (schedule) {
      const problems = storedRecordProblems(row, todayOf(core), shanghaiToday(at!));
      if (problems.length) return refused(problems);
      const record = await updateRecord(tx, row.id, { state: 'scheduled', scheduledAt: at!, lockVersion: row.lockVersion + 1, updatedAt: now });
      // Notes are read by people: the time in Beijing time, as every other time on the staff pages.
      const when = `${formatInstant(at!)}（北京时间）`;
      await addVersion(tx, record, 'scheduled', false, `定时发布：${when}`, actor, now);
      await insertReviewLog(tx, { recordId: row.id, action: 'scheduled', actorId: actor.id, actorName: actor.name, note: when, at: now });
      await writeAudit(tx, actor, { action: 'publishing.scheduled', targetType: 'pub_record', targetId: row.code, unitId: row.unitId, summary: { after: { state: 'scheduled', scheduledAt: at!.toISOString() } } }, now);
      return { ok: true, record };
    }
    const record = await publishInTx(tx, { core, actor, now, calendar, forced: false, note: '' }, row);
    return { ok: true, record };
  });
}

export async function cancelSchedule(core: Core, actor: StaffActor, code: string): Promise<PubResult<{ record: RecordRow }>> {
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'cancel_schedule');
    if (isFailure(b)) return b;
    const record = await updateRecord(tx, b.row.id, { state: 'approved', scheduledAt: null, lockVersion: b.row.lockVersion + 1, updatedAt: now });
    await addVersion(tx, record, 'schedule_cancelled', false, '取消定时发布', actor, now);
    await insertReviewLog(tx, { recordId: record.id, action: 'schedule_cancelled', actorId: actor.id, actorName: actor.name, at: now });
    await writeAudit(tx, actor, { action: 'publishing.schedule-cancelled', targetType: 'pub_record', targetId: record.code, unitId: record.unitId, summary: { before: { scheduledAt: b.row.scheduledAt?.toISOString() ?? null } } }, now);
    return { ok: true, record };
  });
}

/**
 * Publishes a scheduled record whose time has come; called by jobs.ts inside the transaction that
 * claimed the row (FOR UPDATE SKIP LOCKED). Returns false when it could not be published (the row
 * goes back to 'approved' with the reason in the review log).
 */
export async function publishScheduledInTx(core: Core, tx: Tx, row: RecordRow, calendar: WorkCalendar, actor: Actor): Promise<boolean> {
  const now = core.clock.now();
  try {
    // A savepoint: a refusal rolls back this record's publication only, the claim stays.
    await tx.transaction((sp) => publishInTx(sp, { core, actor, now, calendar, forced: false, note: '定时发布' }, row));
    return true;
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    const reasons = err.failure.ok === false && err.failure.kind === 'refused' ? err.failure.reasons : ['定时发布失败'];
    const record = await updateRecord(tx, row.id, { state: 'approved', scheduledAt: null, lockVersion: row.lockVersion + 1, updatedAt: now });
    await addVersion(tx, record, 'schedule_failed', false, reasons.join('；'), actor, now);
    await insertReviewLog(tx, { recordId: row.id, action: 'schedule_failed', actorId: null, actorName: actor.name, reasons, at: now });
    await writeAudit(tx, actor, { action: 'publishing.schedule-failed', targetType: 'pub_record', targetId: row.code, unitId: row.unitId, summary: { reasons } }, now);
    return false;
  }
}

/**
 * 紧急发布 by the unit admin: skips review, is logged with the reason, and stays on the "review owed"
 * list until a reviewer has reviewed it (条例 第十七条: 审查 still happens, afterwards).
 */
export async function forcePublish(core: Core, actor: StaffActor, code: string, urgentReason: string, opts: { contentConfirmed?: string } = {}): Promise<PubResult<{ record: RecordRow }>> {
  const reason = typeof urgentReason === 'string' ? urgentReason.trim() : '';
  if (!reason) return invalid({ urgentReason: '请说明紧急发布的理由' });
  if (reason.length > 1000) return invalid({ urgentReason: '理由不能超过1000个字' });
  const now = core.clock.now();
  const calendar = await core.calendar.calendar();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'force_publish');
    if (isFailure(b)) return b;
    const content = contentRefusal(await contentFindingsOf(tx, b.row, todayOf(core)), opts.contentConfirmed);
    if (content) return content;
    const record = await publishInTx(tx, { core, actor, now, calendar, forced: true, note: reason }, b.row);
    return { ok: true, record };
  });
}

/** A reviewer reviews a force-published record afterwards; it leaves the "review owed" list. */
export async function reviewForced(core: Core, actor: StaffActor, code: string, note = ''): Promise<PubResult<{ record: RecordRow }>> {
  if (typeof note !== 'string' || note.length > 1000) return invalid({ note: '审核意见不能超过1000个字' });
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'review_forced');
    if (isFailure(b)) return b;
    const record = await updateRecord(tx, b.row.id, { reviewOwed: false, approvedById: actor.id, approvedByName: actor.name, approvedAt: now, lockVersion: b.row.lockVersion + 1, updatedAt: now });
    await addVersion(tx, record, 'reviewed', false, note || '补充审核', actor, now);
    await insertReviewLog(tx, { recordId: record.id, action: 'reviewed', actorId: actor.id, actorName: actor.name, note, at: now });
    await writeAudit(tx, actor, { action: 'publishing.reviewed', targetType: 'pub_record', targetId: record.code, unitId: record.unitId, summary: { note } }, now);
    return { ok: true, record };
  });
}

// ---------------------------------------------------------------------------------------------
// After publication

/** 修订: a new public version with a change note; the 索引号 and 发布日期 stay. */
export async function reviseRecord(core: Core, actor: StaffActor, code: string, expectedVersion: number, input: RecordInput, changeNote: string): Promise<PubResult<{ record: RecordRow; notes: string[] }>> {
  const pre = await findRecordByCode(core.db, code);
  if (!pre || pre.rootUnitId !== actor.rootUnitId) return notFound;
  const note = typeof changeNote === 'string' ? changeNote.trim() : '';
  const checked = await checkInput(core, input, pre.unitId, { publishedOn: todayOf(core) });
  const extra: Record<string, string> = {};
  if (!note) extra.changeNote = '请填写修订说明';
  else if (note.length > 1000) extra.changeNote = '修订说明不能超过1000个字';
  const now = core.clock.now();
  const calendar = await core.calendar.calendar();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'revise');
    if (isFailure(b)) return b;
    const { row } = b;
    if (row.lockVersion !== expectedVersion) return conflictOf(tx, row, isFailure(checked) ? { ...input } : checked.value);
    if (isFailure(checked)) return checked.kind === 'invalid' ? invalid({ ...checked.errors, ...extra }) : checked;
    const v = checked.value;
    if (v.disclosure !== row.disclosure) extra.disclosure = '已发布信息的公开属性不能在修订中更改，请撤回后重新办理';
    if (v.kind !== row.kind) extra.kind = '信息类别不能在修订中更改';
    if (row.publishedOn && v.writtenOn > row.publishedOn) extra.writtenOn = `成文日期（${v.writtenOn}）不能晚于发布日期（${row.publishedOn}）`;
    if (Object.keys(extra).length) return invalid(extra);
    const changes: Partial<NewRecordRow> = { ...columnsOf(v), revision: row.revision + 1, lockVersion: row.lockVersion + 1, updatedByName: actor.name, updatedAt: now };
    if (v.formedOn !== row.formedOn && row.disclosure === 'proactive') {
      // The information changed (条例 第二十六条 counts from the change): timeliness of this publication.
      const t = assessTimeliness({ formedOn: v.formedOn, publishedOn: todayOf(core), itemRule: await itemRuleOf(tx, row) }, calendar);
      Object.assign(changes, { dueOn: t.dueOn, publishedLate: t.late, timelinessNote: t.note });
    }
    const record = await updateRecord(tx, row.id, changes);
    await addVersion(tx, record, 'revised', true, note, actor, now);
    await refreshSearchDocument(tx, record.id);
    await writeAudit(tx, actor, { action: 'publishing.revised', targetType: 'pub_record', targetId: record.code, unitId: record.unitId, summary: { before: { revision: row.revision, title: row.title }, after: { revision: record.revision, title: record.title }, note } }, now);
    return { ok: true, record, notes: checked.notes };
  });
}

/** 撤回 with a typed reason; the page stays with a withdrawal notice, the 索引号 is never reused. */
export async function withdrawRecord(core: Core, actor: StaffActor, code: string, reason: WithdrawReason, note: string): Promise<PubResult<{ record: RecordRow }>> {
  const errors: Record<string, string> = {};
  if (!WITHDRAW_REASONS.includes(reason)) errors.reason = '请选择撤回原因';
  const text = typeof note === 'string' ? note.trim() : '';
  if (!text) errors.note = '请填写撤回说明';
  else if (text.length > 1000) errors.note = '撤回说明不能超过1000个字';
  if (Object.keys(errors).length) return invalid(errors);
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'withdraw');
    if (isFailure(b)) return b;
    const record = await updateRecord(tx, b.row.id, { state: 'withdrawn', withdrawReason: reason, withdrawNote: text, withdrawnAt: now, lockVersion: b.row.lockVersion + 1, updatedByName: actor.name, updatedAt: now });
    await addVersion(tx, record, 'withdrawn', true, `撤回（${WITHDRAW_REASON_LABELS[reason]}）：${text}`, actor, now);
    await insertReviewLog(tx, { recordId: record.id, action: 'withdrawn', actorId: actor.id, actorName: actor.name, reasons: [WITHDRAW_REASON_LABELS[reason]], note: text, at: now });
    await refreshSearchDocument(tx, record.id);
    await writeAudit(tx, actor, { action: 'publishing.withdrawn', targetType: 'pub_record', targetId: record.code, unitId: record.unitId, summary: { before: { state: 'published' }, after: { state: 'withdrawn' }, reason, note: text } }, now);
    return { ok: true, record };
  });
}

export interface ValidityInput {
  validity: Validity;
  /** The day it expired or was repealed ('' / null for 有效). */
  changedOn?: string | null;
  /** 索引号 of the record that replaces it (optional). */
  replacedByIndexNo?: string | null;
}

/** 有效性: 失效 / 废止 with the date and the replacing document (国办发〔2017〕47号: 在原文件上明确标注). */
export async function setValidity(core: Core, actor: StaffActor, code: string, input: ValidityInput): Promise<PubResult<{ record: RecordRow }>> {
  const errors: Record<string, string> = {};
  const today = todayOf(core);
  if (!VALIDITIES.includes(input.validity)) errors.validity = '请选择有效性';
  const changedOn = input.changedOn ? String(input.changedOn).trim() : '';
  const replacedIdx = input.replacedByIndexNo ? String(input.replacedByIndexNo).trim() : '';
  if (input.validity !== 'in_force') {
    const e = checkLegalDate(changedOn, input.validity === 'expired' ? '失效日期' : '废止日期', today);
    if (e) errors.changedOn = e;
  }
  if (Object.keys(errors).length) return invalid(errors);
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, 'set_validity');
    if (isFailure(b)) return b;
    const { row } = b;
    let replacedById: number | null = null;
    if (input.validity !== 'in_force') {
      if (changedOn < row.writtenOn) return invalid({ changedOn: `日期不能早于成文日期（${row.writtenOn}）` });
      if (replacedIdx) {
        const other = await findRecordByIndexNo(tx, replacedIdx);
        if (!other || other.rootUnitId !== row.rootUnitId || other.state !== 'published') return invalid({ replacedByIndexNo: '未找到该索引号对应的已发布信息' });
        if (other.id === row.id) return invalid({ replacedByIndexNo: '不能由自身替代' });
        replacedById = other.id;
      }
    }
    const record = await updateRecord(tx, row.id, {
      validity: input.validity,
      validityChangedOn: input.validity === 'in_force' ? null : changedOn,
      replacedById,
      lockVersion: row.lockVersion + 1,
      updatedByName: actor.name,
      updatedAt: now,
    });
    const label = VALIDITY_LABELS[input.validity];
    const note = input.validity === 'in_force' ? '标注为有效' : `于 ${changedOn} ${label}${replacedIdx ? `，由 ${replacedIdx} 替代` : ''}`;
    await addVersion(tx, record, 'validity', true, note, actor, now);
    await refreshSearchDocument(tx, record.id);
    await writeAudit(tx, actor, { action: 'publishing.validity-changed', targetType: 'pub_record', targetId: record.code, unitId: record.unitId, summary: { before: { validity: row.validity }, after: { validity: record.validity, changedOn: record.validityChangedOn, replacedBy: replacedIdx || null } } }, now);
    return { ok: true, record };
  });
}

// ---------------------------------------------------------------------------------------------
// Policy ↔ interpretation

async function linkCheck(tx: Tx, actor: StaffActor, policyCode: string, interpretationCode: string): Promise<{ policy: RecordRow; interp: RecordRow } | PubFailure> {
  const policy = await findRecordByCode(tx, policyCode, true);
  const interp = await findRecordByCode(tx, interpretationCode, true);
  if (!policy || !interp || policy.rootUnitId !== actor.rootUnitId || interp.rootUnitId !== actor.rootUnitId) return notFound;
  const reasons: string[] = [];
  if (policy.kind !== 'record') reasons.push('只能为政策文件关联解读');
  if (interp.kind !== 'interpretation') reasons.push('所选信息不是政策解读');
  if (!canEditRecord(userOf(actor), await workflowView(tx, policy))) reasons.push('只有本单位的信息员、审核人、单位管理员或政务公开办可以关联解读');
  if (!['draft', 'published'].includes(policy.state)) reasons.push('政策文件正在审核或待发布，请退回后再更改解读关联');
  if (policy.state === 'published' && !['draft', 'published'].includes(interp.state)) reasons.push('该政策解读正在审核中，请待其发布后再关联');
  if (interp.state === 'withdrawn' || policy.state === 'withdrawn') reasons.push('已撤回的信息不能关联');
  return reasons.length ? refused(reasons) : { policy, interp };
}

export async function linkInterpretation(core: Core, actor: StaffActor, policyCode: string, interpretationCode: string): Promise<PubResult> {
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const c = await linkCheck(tx, actor, policyCode, interpretationCode);
    if (isFailure(c)) return c;
    await insertLink(tx, c.policy.id, c.interp.id, now);
    await writeAudit(tx, actor, { action: 'publishing.interpretation-linked', targetType: 'pub_record', targetId: c.policy.code, unitId: c.policy.unitId, summary: { after: { interpretation: c.interp.code } } }, now);
    return { ok: true };
  });
}

export async function unlinkInterpretation(core: Core, actor: StaffActor, policyCode: string, interpretationCode: string): Promise<PubResult> {
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const c = await linkCheck(tx, actor, policyCode, interpretationCode);
    if (isFailure(c)) return c;
    if (c.policy.state === 'published') return refused(['已发布政策文件与其解读的关联不能解除']);
    const n = await deleteLink(tx, c.policy.id, c.interp.id);
    if (!n) return notFound;
    await writeAudit(tx, actor, { action: 'publishing.interpretation-unlinked', targetType: 'pub_record', targetId: c.policy.code, unitId: c.policy.unitId, summary: { before: { interpretation: c.interp.code } } }, now);
    return { ok: true };
  });
}

/** Drafts a 政策解读 for a policy and links the two (谁起草、谁解读: in the policy's unit). */
export async function createInterpretationDraft(core: Core, actor: StaffActor, policyCode: string, input: RecordInput): Promise<PubResult<{ record: RecordRow; notes: string[] }>> {
  const policy = await findRecordByCode(core.db, policyCode);
  if (!policy || policy.rootUnitId !== actor.rootUnitId) return notFound;
  if (policy.kind !== 'record') return refused(['只能为政策文件起草解读']);
  if (policy.state !== 'draft' && policy.state !== 'published') return refused(['政策文件正在审核或待发布，请退回后再添加解读']);
  const created = await createDraft(core, actor, { ...input, kind: 'interpretation' }, { unitId: policy.unitId });
  if (!created.ok) return created;
  const linked = await linkInterpretation(core, actor, policy.code, created.record.code);
  if (!linked.ok) return linked;
  return created;
}

// ---------------------------------------------------------------------------------------------
// Attachments

function cleanFilename(name: string): string {
  const base = String(name ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return base.length > 200 ? base.slice(base.length - 200) : base;
}

export interface AttachmentUpload {
  filename: string;
  data: Buffer;
  role?: AttachmentRole;
  /** Required when the record is already published (the change is a revision). */
  changeNote?: string;
}

/**
 * Adds a file after checking it by content (magic bytes) and size (`core.config.uploadLimitBytes`);
 * stores the bytes content-addressed and its text for search. A draft takes attachments freely; a
 * published record only as a revision with a change note.
 */
export async function addAttachment(core: Core, actor: StaffActor, code: string, upload: AttachmentUpload): Promise<PubResult<{ attachment: AttachmentRow; activeContent: string | null }>> {
  const role = upload.role ?? 'attachment';
  if (!ATTACHMENT_ROLES.includes(role)) return invalid({ role: '附件类别不正确' });
  const filename = cleanFilename(upload.filename);
  if (!filename) return invalid({ file: '请选择要上传的文件' });
  if (!Buffer.isBuffer(upload.data)) return invalid({ file: '请选择要上传的文件' });
  const sniff = checkUpload(filename, upload.data, core.config.uploadLimitBytes);
  if (!sniff.ok) return invalid({ file: sniff.message });
  const pre = await findRecordByCode(core.db, code);
  if (!pre || pre.rootUnitId !== actor.rootUnitId) return notFound;
  if (role === 'interpretation_plan' && pre.kind !== 'record') return invalid({ role: '解读方案只能附在政策文件上' });
  const published = pre.state === 'published';
  const note = (upload.changeNote ?? '').trim();
  if (published && !note) return invalid({ changeNote: '已发布的信息增加附件属于修订，请填写修订说明' });
  const stored = await fileStorage(core.config).put(upload.data);
  const text = await extractText(sniff.type, upload.data);
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const b = await begin(tx, actor, code, published ? 'revise' : 'edit');
    if (isFailure(b)) return b;
    const { row } = b;
    const count = (await listAttachments(tx, row.id)).length;
    if (count >= 50) return invalid({ file: '每条信息最多50个附件' });
    const attachment = await insertAttachment(tx, {
      code: newCode(),
      recordId: row.id,
      role,
      storageKey: stored.key,
      originalName: filename,
      fileType: sniff.type,
      mediaType: sniff.mediaType,
      sizeBytes: stored.size,
      sha256: stored.sha256,
      extractedText: text,
      sortOrder: count + 1,
      uploadedByName: actor.name,
      uploadedAt: now,
    });
    const record = await updateRecord(tx, row.id, { lockVersion: row.lockVersion + 1, revision: published ? row.revision + 1 : row.revision, updatedByName: actor.name, updatedAt: now });
    await addVersion(tx, record, published ? 'revised' : 'attachment_added', published, published ? note : `上传附件：${filename}`, actor, now);
    if (published) await refreshSearchDocument(tx, row.id);
    await writeAudit(tx, actor, { action: 'publishing.attachment-added', targetType: 'pub_record', targetId: row.code, unitId: row.unitId, summary: { after: { file: filename, type: sniff.type, size: stored.size, sha256: stored.sha256, role, ...(sniff.activeContent ? { activeContent: sniff.activeContent } : {}) } } }, now);
    return { ok: true, attachment, activeContent: sniff.activeContent };
  });
}

export async function removeAttachment(core: Core, actor: StaffActor, code: string, attachmentCode: string, changeNote = ''): Promise<PubResult> {
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const pre = await findRecordByCode(tx, code);
    if (!pre) return notFound;
    const published = pre.state === 'published';
    const note = (changeNote ?? '').trim();
    if (published && !note) return invalid({ changeNote: '已发布的信息删除附件属于修订，请填写修订说明' });
    const b = await begin(tx, actor, code, published ? 'revise' : 'edit');
    if (isFailure(b)) return b;
    const { row } = b;
    const att = await findAttachmentByCode(tx, attachmentCode);
    if (!att || att.recordId !== row.id || att.removedAt) return notFound;
    await markAttachmentRemoved(tx, att.id, now);
    const record = await updateRecord(tx, row.id, { lockVersion: row.lockVersion + 1, revision: published ? row.revision + 1 : row.revision, updatedByName: actor.name, updatedAt: now });
    await addVersion(tx, record, published ? 'revised' : 'attachment_removed', published, published ? note : `删除附件：${att.originalName}`, actor, now);
    if (published) await refreshSearchDocument(tx, row.id);
    await writeAudit(tx, actor, { action: 'publishing.attachment-removed', targetType: 'pub_record', targetId: row.code, unitId: row.unitId, summary: { before: { file: att.originalName, sha256: att.sha256 } } }, now);
    return { ok: true };
  });
}

/** The personal data found in an attachment (条例 第十五条; 个人信息保护法 第三十四–三十七条), for the review page. */
export async function scanAttachment(core: Core, actor: StaffActor, code: string, attachmentCode: string): Promise<PubResult<{ attachment: AttachmentRow; scan: RedactionScan }>> {
  const pre = await findRecordByCode(core.db, code);
  if (!pre || pre.rootUnitId !== actor.rootUnitId) return notFound;
  const att = await findAttachmentByCode(core.db, attachmentCode);
  if (!att || att.recordId !== pre.id || att.removedAt) return notFound;
  if (att.fileType !== 'docx' && att.fileType !== 'xlsx' && att.fileType !== 'pdf') return { ok: true, attachment: att, scan: { hits: [], canRedact: false, refusal: '只能检查 .docx、.xlsx 和 .pdf 文件中的文字。' } };
  const bytes = await fileStorage(core.config).get(att.storageKey);
  return { ok: true, attachment: att, scan: await scanFile(att.fileType, bytes, shanghaiToday(core.clock.now())) };
}

/**
 * Replaces an attachment by its redacted copy: the confirmed hits masked by the site's formats; the
 * original leaves the public record and stays for staff only. The audit row holds kinds and counts.
 */
export async function redactAttachment(core: Core, actor: StaffActor, code: string, attachmentCode: string, confirmed: ReadonlySet<string>): Promise<PubResult<{ attachment: AttachmentRow }>> {
  const scanned = await scanAttachment(core, actor, code, attachmentCode);
  if (!scanned.ok) return scanned;
  const { attachment: att, scan } = scanned;
  if (!scan.canRedact || (att.fileType !== 'docx' && att.fileType !== 'xlsx')) return invalid({ hit: scan.refusal ?? '这个文件不能自动处理' });
  const chosen = new Set(scan.hits.filter((h) => confirmed.has(h.id)).map((h) => h.id));
  if (!chosen.size) return invalid({ hit: '没有勾选要隐去的个人信息；全部无需处理时，不必生成副本。' });
  const today = shanghaiToday(core.clock.now());
  const original = await fileStorage(core.config).get(att.storageKey);
  const { bytes, counts } = redactOffice(att.fileType, original, chosen, await siteMasks(core.db, actor.rootUnitId), today);
  const stored = await fileStorage(core.config).put(bytes);
  const text = await extractText(att.fileType, bytes);
  const now = core.clock.now();
  return inTransaction(core, async (tx) => {
    const pre = await findRecordByCode(tx, code);
    if (!pre) return notFound;
    const published = pre.state === 'published';
    const b = await begin(tx, actor, code, published ? 'revise' : 'edit');
    if (isFailure(b)) return b;
    const { row } = b;
    const current = await findAttachmentByCode(tx, attachmentCode);
    if (!current || current.recordId !== row.id || current.removedAt) return notFound;
    const copy = await insertAttachment(tx, {
      code: newCode(),
      recordId: row.id,
      role: current.role,
      storageKey: stored.key,
      originalName: current.originalName,
      fileType: current.fileType,
      mediaType: current.mediaType,
      sizeBytes: stored.size,
      sha256: stored.sha256,
      extractedText: text,
      sortOrder: current.sortOrder,
      uploadedByName: actor.name,
      uploadedAt: now,
    });
    await tx.update(pubAttachments).set({ removedAt: now, redactedIntoId: copy.id }).where(eq(pubAttachments.id, current.id));
    const note = `附件“${current.originalName}”隐去个人信息`;
    const record = await updateRecord(tx, row.id, { lockVersion: row.lockVersion + 1, revision: published ? row.revision + 1 : row.revision, updatedByName: actor.name, updatedAt: now });
    await addVersion(tx, record, published ? 'revised' : 'attachment_added', published, note, actor, now);
    if (published) await refreshSearchDocument(tx, row.id);
    await writeAudit(tx, actor, { action: 'publishing.attachment-redacted', targetType: 'pub_record', targetId: row.code, unitId: row.unitId, summary: { file: current.originalName, original: current.code, copy: copy.code, redacted: counts, dismissed: scan.hits.length - chosen.size } }, now);
    return { ok: true, attachment: copy };
  });
}

/** Date input helper for forms and API: 'YYYY-MM-DD' or null. */
export function dateOrNull(s: unknown): string | null {
  return typeof s === 'string' && isValidIsoDate(s.trim()) ? s.trim() : null;
}

// ---------------------------------------------------------------------------------------------
// Loading records published elsewhere (demo data, migrations from an old site, benchmarks)

export interface HistoricRecord {
  unitId: number;
  input: RecordInput;
  /** 发布日期 on the old site. */
  publishedOn: string;
  publishedAt?: Date;
}

/**
 * Inserts a record that was already published (state 'published'), numbered from the unit's sequence
 * of its publication year, with its timeliness, a public version and a search document. Inside the
 * caller's transaction; the caller writes one audit row for the whole load. Throws on invalid data
 * (the caller's data is wrong, not a user's input).
 */
export async function loadPublishedRecord(tx: Tx, core: Core, actor: Actor, calendar: WorkCalendar, h: HistoricRecord, opts: { refreshSearch?: boolean } = {}): Promise<RecordRow> {
  const body = sanitizeRichText(h.input.bodyHtml);
  const { errors, value } = validateRecordInput({ ...h.input, bodyHtml: body }, { today: h.publishedOn, publishedOn: h.publishedOn });
  if (Object.keys(errors).length) throw new Error(`invalid record “${h.input.title}”: ${errorsAsReasons(errors).join('; ')}`);
  const unit = await unitForIndex(tx, h.unitId);
  if (!unit) throw new Error(`unit ${h.unitId} does not exist`);
  const year = Number(h.publishedOn.slice(0, 4));
  const seq = await allocateIndexSeq(tx, h.unitId, year);
  const at = h.publishedAt ?? new Date(`${h.publishedOn}T01:30:00Z`);
  const draft = await insertRecord(tx, {
    ...columnsOf(value),
    code: newCode(),
    rootUnitId: unit.rootId,
    unitId: h.unitId,
    title: value.title,
    publisherName: value.publisherName,
    writtenOn: value.writtenOn,
    formedOn: value.formedOn,
    subject: value.subject,
    genre: value.genre,
    createdByName: actor.name,
    updatedByName: actor.name,
    createdAt: at,
    updatedAt: at,
  });
  const itemRule = await itemRuleOf(tx, draft);
  const t = assessTimeliness({ formedOn: value.formedOn, publishedOn: h.publishedOn, itemRule }, calendar);
  const record = await updateRecord(tx, draft.id, {
    state: 'published',
    publishedOn: h.publishedOn,
    publishedAt: at,
    indexNo: formatIndexNo(unit.uscc, year, seq),
    indexYear: year,
    indexSeq: seq,
    revision: 1,
    dueOn: t.dueOn,
    publishedLate: value.disclosure === 'proactive' ? t.late : null,
    timelinessNote: value.disclosure === 'proactive' ? t.note : '',
    lockVersion: 2,
  });
  await addVersion(tx, record, 'published', true, value.disclosure === 'proactive' ? '发布' : '登记（不在网站公开）', actor, at);
  await insertReviewLog(tx, { recordId: record.id, action: 'published', actorId: actor.id, actorName: actor.name, note: '导入已发布的信息', at });
  if (opts.refreshSearch !== false) await refreshSearchDocument(tx, record.id);
  return record;
}

/** Appends a version row for a change made by a loader (demo data). */
export async function addRecordVersion(tx: Tx, r: RecordRow, event: string, isPublic: boolean, note: string, actor: Actor, at: Date): Promise<void> {
  await addVersion(tx, r, event, isPublic, note, actor, at);
}

/**
 * The timeliness the record would have if published today (条例 第二十六条 or the item's 公开时限), so the
 * reviewer learns before approving a back-dated record that it will be 超期公开. null for records that
 * are not proactive.
 */
export async function timelinessIfPublishedToday(core: Core, row: RecordRow): Promise<{ late: boolean | null; note: string; today: string } | null> {
  if (row.disclosure !== 'proactive') return null;
  const today = shanghaiToday(core.clock.now());
  const itemRule = await itemRuleOf(core.db as unknown as Tx, row);
  const t = assessTimeliness({ formedOn: row.formedOn, publishedOn: today, itemRule }, await core.calendar.calendar());
  return { late: t.late, note: t.note, today };
}
