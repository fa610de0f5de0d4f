// State-changing verbs of the powers module: validate → domain rule → one transaction with its audit row.
import crypto from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { isUniqueViolation } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { provisionalOnce } from '../../core/calendar/provisional.ts';
import { checkUpload } from '../../core/files/sniff.ts';
import { fileStorage } from '../../core/files/storage.ts';
import { startImportRun } from '../../core/import-runs/run.ts';
import type { UnitRow } from '../units/index.ts';
import {
  applyChangeAction,
  changeProblems,
  DEFAULT_POWER_TYPES,
  rowAfterChange,
  rowKey,
  rowProblems,
  type ChangeAction,
  type ChangeKind,
  type PowerRow,
} from './domain/power-list.ts';
import { sameEntry, type EnteredFigures, personalDataProblems, publicationDue, withdrawalDue, withholdReason, type DecisionKind, type PartyType, type WithdrawGround } from './domain/enforcement.ts';
import { formFileName, materialNameProblem, publishProblems, type GuideData } from './domain/guide.ts';
import { refreshGuideSearch } from './data/guide-search.ts';
import { publicPagesChanged } from '../publishing/index.ts';
import {
  powersCatalogLinks,
  powersChanges,
  powersDecisions,
  powersEditions,
  powersEnforcementProfiles,
  powersGuides,
  powersImportPreviews,
  powersInspectionItems,
  powersItems,
  powersOfficers,
  powersStatisticsEntries,
  powersTypes,
  type StoredMaterial,
} from './data/schema.ts';
import { findChange, findDecision, findGuide, findItemById, listItems, listTypes, publicDecisionsChanged, rowOf, type GuideRow } from './data/repository.ts';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

export function newCode(prefix: string): string {
  return prefix + crypto.randomBytes(6).toString('hex');
}

function today(core: Core): string {
  return shanghaiToday(core.clock.now());
}

// ------------------------------------------------------------------ 职权类型

/** The seed list of 职权类型 for a city, once (the list is editable afterwards). */
export async function seedTypes(tx: DbOrTx, rootUnitId: number): Promise<void> {
  await tx
    .insert(powersTypes)
    .values(DEFAULT_POWER_TYPES.map((t, i) => ({ rootUnitId, code: t.code, label: t.label, stages: t.stages, sortOrder: i + 1 })))
    .onConflictDoNothing();
}

export async function addType(core: Core, actor: Actor, rootUnitId: number, input: { label: string; stages: string[] }): Promise<Result> {
  const label = input.label.trim();
  if (!label) return { ok: false, errors: { label: '请填写职权类型名称' } };
  if ([...label].length > 20) return { ok: false, errors: { label: '职权类型名称不能超过20个字' } };
  const existing = await listTypes(core.db, rootUnitId);
  if (existing.some((t) => t.label === label)) return { ok: false, errors: { label: `职权类型“${label}”已在列表中` } };
  await core.db.transaction(async (tx) => {
    await tx.insert(powersTypes).values({ rootUnitId, code: `L${existing.length + 1}`, label, stages: input.stages, sortOrder: existing.length + 1 }).onConflictDoNothing();
    await writeAudit(tx, actor, { action: 'powers.type-added', targetType: 'powers_type', targetId: label, unitId: rootUnitId, summary: { after: input } }, core.clock.now());
  });
  return { ok: true };
}

// ------------------------------------------------------------------ 权责清单: editions by import

const CHUNK = 1000;

/** Writes rows as the unit's current list: same key → updated, new key → inserted, missing → cancelled. */
async function replaceList(tx: Tx, unitId: number, rows: readonly PowerRow[], now: Date, onProgress?: (saved: number) => void): Promise<{ created: number; updated: number; cancelled: number }> {
  const current = await listItems(tx, unitId);
  const byKey = new Map(current.map((i) => [rowKey(rowOf(i)), i]));
  const seen = new Set<string>();
  const records = rows.map((r, i) => {
    const k = rowKey(r);
    seen.add(k);
    const old = byKey.get(k);
    return { id: old?.id ?? null, public_code: old?.publicCode ?? newCode('p'), sort_order: i + 1, ...r };
  });
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = JSON.stringify(records.slice(i, i + CHUNK).map((r) => ({ ...r, sub_item: r.subItem, entrusted_by: r.entrustedBy, accountability_basis: r.accountabilityBasis })));
    await tx.execute(sql`
      INSERT INTO powers_items AS p (public_code, unit_id, code, name, sub_item, type, basis, subject, entrusted_by, target, duties, accountability, accountability_basis, supervision, remedy, source, note, sort_order, created_at, updated_at)
      SELECT x.public_code, ${unitId}, x.code, x.name, x.sub_item, x.type, ARRAY(SELECT jsonb_array_elements_text(x.basis)), x.subject, x.entrusted_by, x.target, x.duties,
             x.accountability, x.accountability_basis, x.supervision, x.remedy, x.source, x.note, x.sort_order, ${now}, ${now}
      FROM jsonb_to_recordset(${chunk}::jsonb) AS x(public_code text, code text, name text, sub_item text, type text, basis jsonb, subject text, entrusted_by text, target text,
             duties jsonb, accountability text, accountability_basis text, supervision text, remedy text, source text, note text, sort_order int)
      ON CONFLICT (public_code) DO UPDATE SET code = excluded.code, name = excluded.name, sub_item = excluded.sub_item, type = excluded.type, basis = excluded.basis,
             subject = excluded.subject, entrusted_by = excluded.entrusted_by, target = excluded.target, duties = excluded.duties, accountability = excluded.accountability,
             accountability_basis = excluded.accountability_basis, supervision = excluded.supervision, remedy = excluded.remedy, source = excluded.source, note = excluded.note,
             sort_order = excluded.sort_order, updated_at = excluded.updated_at, cancelled_at = NULL`);
    onProgress?.(Math.min(i + CHUNK, records.length));
  }
  const gone = current.filter((i) => !seen.has(rowKey(rowOf(i)))).map((i) => i.id);
  if (gone.length) await tx.update(powersItems).set({ cancelledAt: now }).where(inArray(powersItems.id, gone));
  const updated = records.filter((r) => r.id !== null).length;
  return { created: records.length - updated, updated, cancelled: gone.length };
}

export interface EditionInput {
  label: string;
  publishedOn: string;
  docNo: string;
}

/** Keeps a checked import until it is confirmed (preview → confirm); returns its code. */
export async function savePreview(core: Core, unit: UnitRow, userId: number, fileName: string, edition: EditionInput, rows: PowerRow[]): Promise<string> {
  const code = newCode('i');
  await core.db.insert(powersImportPreviews).values({ code, unitId: unit.id, staffUserId: userId, fileName, label: edition.label, publishedOn: edition.publishedOn, docNo: edition.docNo, rows });
  return code;
}

export type ConfirmOutcome = Result<{ label: string; created: number; updated: number; cancelled: number; already: boolean }>;

/** Why a preview cannot be confirmed (not this user's, too old), or null. */
function previewRefusal(p: typeof powersImportPreviews.$inferSelect | undefined, unit: UnitRow, userId: number, now: Date): Record<string, string> | null {
  if (!p || p.unitId !== unit.id || p.staffUserId !== userId) return { file: '该导入预览不存在或不是由您生成的，请重新上传文件' };
  if (!p.usedAt && !p.runCode && now.getTime() - p.createdAt.getTime() > 2 * 3600_000) return { file: '导入预览已超过2小时，请重新上传文件' };
  return null;
}

/**
 * Saves a previewed import as the unit's list and a published edition, all or nothing. Confirming the
 * same preview twice saves it once (the preview row is locked and marked used). `onProgress` hears the
 * rows written so far (they become visible only at the commit).
 */
export async function confirmImport(core: Core, actor: Actor, unit: UnitRow, userId: number, code: string, onProgress?: (saved: number) => void): Promise<ConfirmOutcome> {
  const now = core.clock.now();
  try {
    return await core.db.transaction(async (tx) => {
      const [p] = await tx.select().from(powersImportPreviews).where(eq(powersImportPreviews.code, code)).for('update');
      const refusal = previewRefusal(p, unit, userId, now);
      if (refusal || !p) return { ok: false as const, errors: refusal ?? {} };
      if (p.usedAt) return { ok: true as const, label: p.label, created: 0, updated: 0, cancelled: 0, already: true };
      const counts = await replaceList(tx, unit.id, p.rows, now, onProgress);
      await tx.insert(powersEditions).values({ unitId: unit.id, label: p.label, publishedOn: p.publishedOn, docNo: p.docNo, rowCount: p.rows.length, rows: p.rows, createdBy: userId, note: `导入 ${p.fileName}` });
      await tx.update(powersImportPreviews).set({ usedAt: now, rows: [] }).where(eq(powersImportPreviews.id, p.id));
      await writeAudit(tx, actor, { action: 'powers.list-imported', targetType: 'unit', targetId: unit.id, unitId: unit.id, summary: { note: p.label, file: p.fileName, rows: p.rows.length, ...counts } }, now);
      return { ok: true as const, label: p.label, ...counts, already: false };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'powers_editions_label_key')) return { ok: false, errors: { label: '本单位已有同名版本，请换一个版本名称' } };
    throw err;
  }
}

export const IMPORT_RUN_KIND = 'powers';

export interface PowersRunResult {
  label: string;
  created: number;
  updated: number;
  cancelled: number;
}

/**
 * Starts saving a previewed import in the background (core import run) and returns the run's code; a
 * repeated confirm of the same preview returns the run the first one started. The preview row is locked
 * while the run is recorded, so two confirms at once start one run.
 */
export async function startConfirmedImport(core: Core, actor: Actor, unit: UnitRow, userId: number, code: string, log?: { info(o: object, m: string): void; error(o: object, m: string): void }): Promise<Result<{ runCode: string | null; label: string }>> {
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const [p] = await tx.select().from(powersImportPreviews).where(eq(powersImportPreviews.code, code)).for('update');
    const refusal = previewRefusal(p, unit, userId, now);
    if (refusal || !p) return { ok: false as const, errors: refusal ?? {} };
    if (p.runCode || p.usedAt) return { ok: true as const, runCode: p.runCode, label: p.label };
    const total = p.rows.length;
    const runCode = await startImportRun(
      core,
      { kind: IMPORT_RUN_KIND, unitId: unit.id, staffUserId: userId, fileName: p.fileName, totalRows: total, readRows: total, checkedRows: total },
      async (progress) => {
        const r = await confirmImport(core, actor, unit, userId, code, (saved) => progress.saved(saved));
        if (!r.ok) return { ok: false, errors: Object.values(r.errors) };
        const result: PowersRunResult = { label: r.label, created: r.created, updated: r.updated, cancelled: r.cancelled };
        return { ok: true, result: { ...result } };
      },
      log,
    );
    await tx.update(powersImportPreviews).set({ runCode }).where(eq(powersImportPreviews.id, p.id));
    return { ok: true as const, runCode, label: p.label };
  });
}

/** Publishes the current list (after adjustments) as a new edition: a snapshot of every row. */
export async function publishEdition(core: Core, actor: Actor, unit: UnitRow, userId: number, input: EditionInput & { note: string }): Promise<Result> {
  const now = core.clock.now();
  try {
    return await core.db.transaction(async (tx) => {
      const rows = (await listItems(tx, unit.id)).map(rowOf);
      if (!rows.length) return { ok: false as const, errors: { label: '本单位的权责清单还没有事项，不能发布版本' } };
      await tx.insert(powersEditions).values({ unitId: unit.id, label: input.label, publishedOn: input.publishedOn, docNo: input.docNo, note: input.note, rowCount: rows.length, rows, createdBy: userId });
      await writeAudit(tx, actor, { action: 'powers.edition-published', targetType: 'unit', targetId: unit.id, unitId: unit.id, summary: { note: input.label, rows: rows.length, docNo: input.docNo } }, now);
      return { ok: true as const };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'powers_editions_label_key')) return { ok: false, errors: { label: '本单位已有同名版本，请换一个版本名称' } };
    throw err;
  }
}

// ------------------------------------------------------------------ 动态调整

export async function proposeChange(
  core: Core,
  actor: Actor,
  unit: UnitRow,
  userId: number,
  input: { kind: ChangeKind; itemId: number | null; row: PowerRow; reason: string; proposedOn: string },
): Promise<Result<{ code: string }>> {
  const item = input.itemId ? await findItemById(core.db, input.itemId) : undefined;
  const errors: Record<string, string> = { ...changeProblems(input.kind, !!item && item.unitId === unit.id && !item.cancelledAt, input.reason) };
  if (input.proposedOn > today(core)) errors.proposedOn = '提出日期不能晚于今天';
  const row = input.kind === '取消' && item ? rowOf(item) : input.row;
  if (input.kind !== '取消') {
    const types = (await listTypes(core.db, unit.rootId ?? unit.id)).map((t) => t.label);
    for (const [k, m] of Object.entries(rowProblems(rowAfterChange(input.kind, row) ?? row, types))) errors[`row.${k}`] = m;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const code = newCode('c');
  await core.db.transaction(async (tx) => {
    await tx.insert(powersChanges).values({ publicCode: code, unitId: unit.id, kind: input.kind, itemId: item?.id ?? null, row, reason: input.reason, proposedOn: input.proposedOn, createdBy: userId });
    await writeAudit(tx, actor, { action: 'powers.change-proposed', targetType: 'powers_change', targetId: code, unitId: unit.id, summary: { note: `${input.kind}：${row.name}`, reason: input.reason } }, core.clock.now());
  });
  return { ok: true, code };
}

/** One step of a change; publishing applies it to the unit's list in the same transaction. */
export async function actOnChange(core: Core, actor: Actor, code: string, action: ChangeAction, input: { on: string; docNo?: string; reason?: string }): Promise<Result> {
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const [c] = await tx.select().from(powersChanges).where(eq(powersChanges.publicCode, code)).for('update');
    if (!c) return { ok: false as const, errors: { action: '该调整不存在' } };
    const lastOn = c.publishedOn ?? c.approvedOn ?? c.legalityOn ?? c.reviewedOn ?? c.proposedOn;
    const step = applyChangeAction({ state: c.state as never, lastOn }, action, input, shanghaiToday(now));
    if (!step.ok) return step;
    const set: Partial<typeof powersChanges.$inferInsert> = { state: step.state };
    if (action === 'review') set.reviewedOn = input.on;
    if (action === 'check_legality') set.legalityOn = input.on;
    if (action === 'approve') Object.assign(set, { approvedOn: input.on, docNo: input.docNo!.trim() });
    if (action === 'reject') Object.assign(set, { rejectedOn: input.on, rejectReason: input.reason!.trim() });
    if (action === 'publish') {
      set.publishedOn = input.on;
      const after = rowAfterChange(c.kind as ChangeKind, c.row);
      if (!c.itemId) {
        const [max] = await tx.select({ n: sql<number>`coalesce(max(sort_order), 0)::int` }).from(powersItems).where(eq(powersItems.unitId, c.unitId));
        const [ins] = await tx
          .insert(powersItems)
          .values({ ...after!, publicCode: newCode('p'), unitId: c.unitId, sortOrder: (max?.n ?? 0) + 1 })
          .returning({ id: powersItems.id });
        set.itemId = ins!.id;
      } else if (!after) {
        await tx.update(powersItems).set({ cancelledAt: now, updatedAt: now }).where(eq(powersItems.id, c.itemId));
      } else {
        await tx.update(powersItems).set({ ...after, updatedAt: now }).where(eq(powersItems.id, c.itemId));
      }
    }
    await tx.update(powersChanges).set(set).where(eq(powersChanges.id, c.id));
    await writeAudit(tx, actor, { action: `powers.change-${action.replace('_', '-')}`, targetType: 'powers_change', targetId: code, unitId: c.unitId, summary: { note: `${c.kind}：${c.row.name}`, ...input } }, now);
    return { ok: true as const };
  });
}

export { findChange };

// ------------------------------------------------------------------ 执法公示: 事前

export async function saveProfile(core: Core, actor: Actor, unit: UnitRow, p: { bodyName: string; duties: string; authority: string; basis: string; procedure: string; remedy: string }): Promise<void> {
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx
      .insert(powersEnforcementProfiles)
      .values({ unitId: unit.id, ...p, updatedAt: now })
      .onConflictDoUpdate({ target: powersEnforcementProfiles.unitId, set: { ...p, updatedAt: now } });
    await writeAudit(tx, actor, { action: 'powers.profile-saved', targetType: 'unit', targetId: unit.id, unitId: unit.id, summary: { after: p } }, now);
  });
}

/** 执法人员: 姓名、执法证号、执法类别 only (regulation-wave2 §2.1); a certificate number once per unit. */
export async function addOfficer(core: Core, actor: Actor, unit: UnitRow, o: { name: string; certNo: string; category: string }): Promise<Result> {
  try {
    await core.db.transaction(async (tx) => {
      await tx.insert(powersOfficers).values({ unitId: unit.id, ...o });
      await writeAudit(tx, actor, { action: 'powers.officer-added', targetType: 'unit', targetId: unit.id, unitId: unit.id, summary: { after: o } }, core.clock.now());
    });
    return { ok: true };
  } catch (err) {
    if (isUniqueViolation(err, 'powers_officers_cert_key')) return { ok: false, errors: { certNo: `执法证号“${o.certNo}”已登记` } };
    throw err;
  }
}

export async function retireOfficer(core: Core, actor: Actor, unit: UnitRow, id: number): Promise<void> {
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.update(powersOfficers).set({ retiredAt: now }).where(and(eq(powersOfficers.id, id), eq(powersOfficers.unitId, unit.id), isNull(powersOfficers.retiredAt)));
    await writeAudit(tx, actor, { action: 'powers.officer-retired', targetType: 'powers_officer', targetId: id, unitId: unit.id, summary: {} }, now);
  });
}

export async function addInspectionItem(core: Core, actor: Actor, unit: UnitRow, i: { item: string; subItem: string; inspector: string; basis: string; method: string; content: string; note: string }): Promise<void> {
  await core.db.transaction(async (tx) => {
    const [max] = await tx.select({ n: sql<number>`coalesce(max(seq), 0)::int` }).from(powersInspectionItems).where(eq(powersInspectionItems.unitId, unit.id));
    await tx.insert(powersInspectionItems).values({ unitId: unit.id, seq: (max?.n ?? 0) + 1, ...i });
    await writeAudit(tx, actor, { action: 'powers.inspection-item-added', targetType: 'unit', targetId: unit.id, unitId: unit.id, summary: { after: i } }, core.clock.now());
  });
}

/**
 * Saves the 年度执法数据 figures a unit entered for a year, with its 情况说明. Saving the same again
 * changes nothing and writes no audit entry (returns changed: false).
 */
export async function saveStatisticsEntry(core: Core, actor: Actor, unit: UnitRow, userId: number | null, year: number, entry: { figures: EnteredFigures; explanation: string }): Promise<{ changed: boolean }> {
  const now = core.clock.now();
  const explanation = entry.explanation.trim();
  return core.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(powersStatisticsEntries)
      .where(and(eq(powersStatisticsEntries.unitId, unit.id), eq(powersStatisticsEntries.year, year)))
      .for('update');
    if (before && sameEntry(before, { figures: entry.figures, explanation })) return { changed: false };
    await tx
      .insert(powersStatisticsEntries)
      .values({ unitId: unit.id, year, figures: entry.figures, explanation, updatedAt: now, updatedBy: userId })
      .onConflictDoUpdate({ target: [powersStatisticsEntries.unitId, powersStatisticsEntries.year], set: { figures: entry.figures, explanation, updatedAt: now, updatedBy: userId } });
    await writeAudit(
      tx,
      actor,
      {
        action: 'powers.statistics-entered',
        targetType: 'unit',
        targetId: unit.id,
        unitId: unit.id,
        summary: { note: `${year}年度执法数据`, before: before ? { figures: before.figures, explanation: before.explanation } : null, after: { figures: entry.figures, explanation } },
      },
      now,
    );
    return { changed: true };
  });
}

// ------------------------------------------------------------------ 执法公示: 事后

export interface DecisionInput {
  kind: DecisionKind;
  docNo: string;
  partyName: string;
  partyType: PartyType;
  uscc: string;
  legalRep: string;
  facts: string;
  basis: string;
  content: string;
  fineYuan: string | null;
  decidedOn: string;
  partyMinor: boolean;
  secret: boolean;
}

export const DECISION_FIELD_LABELS = { partyName: '当事人名称', uscc: '统一社会信用代码', legalRep: '法定代表人', facts: '违法事实（主要事实）', basis: '处理依据', content: '决定内容' } as const;

/** Registers a decision with its due date; personal data that must not be public is refused at its field. */
export async function recordDecision(core: Core, actor: Actor, unit: UnitRow, d: DecisionInput): Promise<Result<{ code: string }>> {
  const errors: Record<string, string> = {};
  const t = today(core);
  if (d.decidedOn > t) errors.decidedOn = '决定日期不能晚于今天';
  const fields = Object.fromEntries(Object.entries(DECISION_FIELD_LABELS).filter(([k]) => k !== 'partyName').map(([k, label]) => [k, { label, value: d[k as keyof DecisionInput] as string }]));
  Object.assign(errors, personalDataProblems(fields, d.partyType));
  if (Object.keys(errors).length) return { ok: false, errors };
  const cal = provisionalOnce(await core.calendar.calendar());
  let due;
  try {
    due = publicationDue(d.kind, d.decidedOn, cal);
  } catch (err) {
    return { ok: false, errors: { decidedOn: err instanceof Error ? err.message : '无法计算公开期限' } };
  }
  const code = newCode('d');
  const withheld = withholdReason({ partyIsMinor: d.partyMinor, secret: d.secret }) ?? null;
  try {
    await core.db.transaction(async (tx) => {
      await tx.insert(powersDecisions).values({
        publicCode: code,
        rootUnitId: unit.rootId ?? unit.id,
        unitId: unit.id,
        kind: d.kind,
        docNo: d.docNo,
        partyName: d.partyName,
        partyType: d.partyType,
        uscc: d.uscc,
        legalRep: d.legalRep,
        facts: d.facts,
        basis: d.basis,
        content: d.content,
        fineYuan: d.fineYuan,
        decidedOn: d.decidedOn,
        dueOn: due.due,
        dueProvisional: due.provisional,
        partyMinor: d.partyMinor,
        withheldReason: withheld,
      });
      await writeAudit(tx, actor, { action: 'powers.decision-recorded', targetType: 'powers_decision', targetId: code, unitId: unit.id, summary: { note: d.docNo, kind: d.kind, dueOn: due.due } }, core.clock.now());
    });
  } catch (err) {
    if (isUniqueViolation(err, 'powers_decisions_doc_no_key')) return { ok: false, errors: { docNo: `决定书文号“${d.docNo}”已登记` } };
    throw err;
  }
  return { ok: true, code };
}

export async function publishDecision(core: Core, actor: Actor, unit: UnitRow, code: string, on: string): Promise<Result> {
  const d = await findDecision(core.db, code);
  if (!d || d.unitId !== unit.id) return { ok: false, errors: { publishedOn: '该决定不存在' } };
  if (d.withheldReason) return { ok: false, errors: { publishedOn: `该决定依法不公开：${d.withheldReason}` } };
  if (d.publishedOn) return { ok: true };
  if (on < d.decidedOn) return { ok: false, errors: { publishedOn: '公开日期不能早于决定日期' } };
  if (on > today(core)) return { ok: false, errors: { publishedOn: '公开日期不能晚于今天' } };
  await core.db.transaction(async (tx) => {
    await tx.update(powersDecisions).set({ publishedOn: on, updatedAt: core.clock.now() }).where(and(eq(powersDecisions.id, d.id), isNull(powersDecisions.publishedOn)));
    await writeAudit(tx, actor, { action: 'powers.decision-published', targetType: 'powers_decision', targetId: code, unitId: unit.id, summary: { note: d.docNo, on, late: on > d.dueOn } }, core.clock.now());
  });
  publicDecisionsChanged();
  return { ok: true };
}

/** 《行政处罚法》第四十八条第二款: a changed, revoked or unlawful decision is withdrawn, its reason public. */
export async function withdrawDecision(core: Core, actor: Actor, unit: UnitRow, code: string, w: { ground: WithdrawGround; eventOn: string; withdrawnOn: string; reason: string }): Promise<Result> {
  const d = await findDecision(core.db, code);
  if (!d || d.unitId !== unit.id) return { ok: false, errors: { reason: '该决定不存在' } };
  if (!d.publishedOn) return { ok: false, errors: { reason: '该决定尚未公开，无需撤回' } };
  if (d.withdrawnOn) return { ok: true };
  const errors: Record<string, string> = {};
  if (w.eventOn < d.decidedOn) errors.eventOn = '变更、撤销或确认的日期不能早于原决定日期';
  if (w.withdrawnOn < w.eventOn) errors.withdrawnOn = '撤回日期不能早于变更、撤销或确认的日期';
  if (w.withdrawnOn > today(core)) errors.withdrawnOn = '撤回日期不能晚于今天';
  if (!w.reason.trim()) errors.reason = '请填写公开说明的撤回理由';
  if (Object.keys(errors).length) return { ok: false, errors };
  const due = withdrawalDue(w.eventOn, provisionalOnce(await core.calendar.calendar()));
  await core.db.transaction(async (tx) => {
    await tx
      .update(powersDecisions)
      .set({ withdrawEventOn: w.eventOn, withdrawGround: w.ground, withdrawDueOn: due.due, withdrawnOn: w.withdrawnOn, withdrawReason: w.reason, updatedAt: core.clock.now() })
      .where(and(eq(powersDecisions.id, d.id), isNull(powersDecisions.withdrawnOn)));
    await writeAudit(tx, actor, { action: 'powers.decision-withdrawn', targetType: 'powers_decision', targetId: code, unitId: unit.id, summary: { note: d.docNo, ...w, dueOn: due.due } }, core.clock.now());
  });
  return { ok: true };
}

// ------------------------------------------------------------------ 办事指南

export type GuideInput = Omit<GuideData, 'materials'> & { materials: { name: string; required: boolean; form: string; copies: number; note: string }[]; powerItemId: number | null };

export function guideData(g: GuideRow): GuideData {
  return {
    name: g.name,
    itemType: g.itemType,
    basis: g.basis,
    conditions: g.conditions,
    process: g.process,
    place: g.place,
    hours: g.hours,
    legalLimitDays: g.legalLimitDays,
    promisedLimitDays: g.promisedLimitDays,
    fee: g.fee,
    consultPhone: g.consultPhone,
    complaintPhone: g.complaintPhone,
    delivery: g.delivery,
    remedy: g.remedy,
    audience: g.audience,
    theme: g.theme,
    materials: g.materials,
  };
}

/** Saves a guide (new when code is undefined). Materials keep their uploaded forms by position and name. */
export async function saveGuide(core: Core, actor: Actor, unit: UnitRow, input: GuideInput, code?: string): Promise<Result<{ code: string }>> {
  const errors: Record<string, string> = {};
  input.materials.forEach((m, i) => {
    const p = materialNameProblem(m.name);
    if (p) errors[`material-${i}`] = p;
  });
  if (input.legalLimitDays !== null && input.promisedLimitDays !== null && input.promisedLimitDays > input.legalLimitDays) {
    errors.promisedLimit = `承诺办结时限（${input.promisedLimitDays}个工作日）不能超过法定办结时限（${input.legalLimitDays}个工作日）`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = core.clock.now();
  const old = code ? await findGuide(core.db, code) : undefined;
  if (code && (!old || old.unitId !== unit.id)) return { ok: false, errors: { name: '该办事指南不存在' } };
  const materials: StoredMaterial[] = input.materials.map((m) => {
    const prev = old?.materials.find((x) => x.name === m.name);
    return { ...m, ...(prev?.blank ? { blank: prev.blank } : {}), ...(prev?.sample ? { sample: prev.sample } : {}) };
  });
  const { materials: _m, ...fields } = input;
  const values = { ...fields, materials, updatedAt: now };
  const out = code ?? newCode('g');
  await core.db.transaction(async (tx) => {
    if (old) {
      // A published guide stays published only while it still has every key element.
      const stillOk = Object.keys(publishProblems({ ...input, materials })).length === 0;
      await tx.update(powersGuides).set({ ...values, publishedAt: stillOk ? old.publishedAt : null }).where(eq(powersGuides.id, old.id));
      await refreshGuideSearch(tx, old.id);
    } else {
      await tx.insert(powersGuides).values({ ...values, publicCode: out, unitId: unit.id });
    }
    await writeAudit(tx, actor, { action: 'powers.guide-saved', targetType: 'powers_guide', targetId: out, unitId: unit.id, summary: { note: input.name } }, now);
  });
  if (old?.publishedAt) publicPagesChanged();
  return { ok: true, code: out };
}

export async function publishGuide(core: Core, actor: Actor, unit: UnitRow, code: string): Promise<Result> {
  const g = await findGuide(core.db, code);
  if (!g || g.unitId !== unit.id) return { ok: false, errors: { name: '该办事指南不存在' } };
  const problems = publishProblems(guideData(g));
  if (Object.keys(problems).length) return { ok: false, errors: problems };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.update(powersGuides).set({ publishedAt: g.publishedAt ?? now }).where(eq(powersGuides.id, g.id));
    await refreshGuideSearch(tx, g.id);
    await writeAudit(tx, actor, { action: 'powers.guide-published', targetType: 'powers_guide', targetId: code, unitId: unit.id, summary: { note: g.name } }, now);
  });
  publicPagesChanged();
  return { ok: true };
}

export async function unpublishGuide(core: Core, actor: Actor, unit: UnitRow, code: string): Promise<void> {
  const g = await findGuide(core.db, code);
  if (!g || g.unitId !== unit.id) return;
  await core.db.transaction(async (tx) => {
    await tx.update(powersGuides).set({ publishedAt: null }).where(eq(powersGuides.id, g.id));
    // Withdrawn from the 办事服务 column: out of the search too.
    await refreshGuideSearch(tx, g.id);
    await writeAudit(tx, actor, { action: 'powers.guide-unpublished', targetType: 'powers_guide', targetId: code, unitId: unit.id, summary: { note: g.name } }, core.clock.now());
  });
  publicPagesChanged();
}

/** Attaches a 空白表格 or 示例样表 to a material: checked by content (core/files), named after the guide. */
export async function uploadForm(core: Core, actor: Actor, unit: UnitRow, code: string, index: number, kind: 'blank' | 'sample', file: { filename: string; bytes: Buffer }): Promise<Result> {
  const g = await findGuide(core.db, code);
  if (!g || g.unitId !== unit.id) return { ok: false, errors: { file: '该办事指南不存在' } };
  const m = g.materials[index];
  if (!m) return { ok: false, errors: { file: '请选择要上传表格的材料' } };
  const sniff = checkUpload(file.filename, file.bytes, core.config.uploadLimitBytes);
  if (!sniff.ok) return { ok: false, errors: { file: sniff.message } };
  const stored = await fileStorage(core.config).put(file.bytes);
  const form = { key: stored.key, fileName: formFileName(g.name, m.name, kind, sniff.type === 'jpeg' ? 'jpg' : sniff.type), mediaType: sniff.mediaType, size: stored.size };
  const materials = g.materials.map((x, i) => (i === index ? { ...x, [kind]: form } : x));
  await core.db.transaction(async (tx) => {
    await tx.update(powersGuides).set({ materials, updatedAt: core.clock.now() }).where(eq(powersGuides.id, g.id));
    await writeAudit(tx, actor, { action: 'powers.form-uploaded', targetType: 'powers_guide', targetId: code, unitId: unit.id, summary: { note: form.fileName, sha256: stored.sha256 } }, core.clock.now());
  });
  return { ok: true };
}

// ------------------------------------------------------------------ catalog links

/** A catalog item names the 权责事项 or 服务事项 it comes from (replacing any earlier source). */
export async function linkCatalogItem(core: Core, actor: Actor, catalogItemId: number, source: { powerItemId: number } | { guideId: number }, unitId: number): Promise<void> {
  const values = { catalogItemId, powerItemId: 'powerItemId' in source ? source.powerItemId : null, guideId: 'guideId' in source ? source.guideId : null };
  await core.db.transaction(async (tx) => {
    await tx.insert(powersCatalogLinks).values(values).onConflictDoUpdate({ target: powersCatalogLinks.catalogItemId, set: { powerItemId: values.powerItemId, guideId: values.guideId } });
    await writeAudit(tx, actor, { action: 'powers.catalog-linked', targetType: 'catalog_item', targetId: catalogItemId, unitId, summary: { after: values } }, core.clock.now());
  });
}

export async function unlinkCatalogItem(core: Core, actor: Actor, catalogItemId: number, unitId: number): Promise<void> {
  await core.db.transaction(async (tx) => {
    await tx.delete(powersCatalogLinks).where(eq(powersCatalogLinks.catalogItemId, catalogItemId));
    await writeAudit(tx, actor, { action: 'powers.catalog-unlinked', targetType: 'catalog_item', targetId: catalogItemId, unitId, summary: {} }, core.clock.now());
  });
}

/** Values and messages of a form to render again. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}
