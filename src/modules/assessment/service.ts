// 内容检查: the office's word tables (created with the national defaults on first use), the compiled
// checker per site, the check publishing calls before publication, and the nightly sweep of public records.
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { listPublicRecordTexts, type ContentCheckInput, type ContentFinding } from '../publishing/index.ts';
import { assessmentSweepFindings, assessmentSweeps, assessmentTermSets, assessmentTerms } from './data/schema.ts';
import { ContentChecker, FINDING_LABELS, type CheckTables, type Finding } from './domain/content-check.ts';
import { MISSPELLINGS, RENAMED_ORGS, SENSITIVE_WORDS, type SensitiveLevel } from './domain/defaults.ts';
import { validateTerm, type TermErrors, type TermInput, type TermKind } from './domain/terms.ts';

export type TermRow = typeof assessmentTerms.$inferSelect;
export type SweepRow = typeof assessmentSweeps.$inferSelect;
export type SweepFindingRow = typeof assessmentSweepFindings.$inferSelect;

/** Creates a site's tables with the national defaults, once (several instances may race: one wins). */
async function ensureTermSet(db: DbOrTx, rootUnitId: number): Promise<number> {
  const existing = await db.select({ version: assessmentTermSets.version }).from(assessmentTermSets).where(eq(assessmentTermSets.rootUnitId, rootUnitId));
  if (existing[0]) return existing[0].version;
  return db.transaction(async (tx) => {
    const claimed = await tx.insert(assessmentTermSets).values({ rootUnitId }).onConflictDoNothing().returning({ version: assessmentTermSets.version });
    if (claimed[0]) {
      const rows = [
        ...RENAMED_ORGS.map((o) => ({ rootUnitId, kind: 'renamed_org', term: o.oldName, value: o.newName, validFrom: o.effectiveOn, note: o.note })),
        ...MISSPELLINGS.map((m) => ({ rootUnitId, kind: 'misspelling', term: m.wrong, value: m.right })),
        ...SENSITIVE_WORDS.map((w) => ({ rootUnitId, kind: 'sensitive', term: w.word, level: w.level, note: w.note })),
      ];
      await tx.insert(assessmentTerms).values(rows).onConflictDoNothing();
      return claimed[0].version;
    }
    const [row] = await tx.select({ version: assessmentTermSets.version }).from(assessmentTermSets).where(eq(assessmentTermSets.rootUnitId, rootUnitId));
    return row!.version;
  });
}

export async function listTerms(db: DbOrTx, rootUnitId: number): Promise<TermRow[]> {
  await ensureTermSet(db, rootUnitId);
  return db.select().from(assessmentTerms).where(eq(assessmentTerms.rootUnitId, rootUnitId)).orderBy(asc(assessmentTerms.kind), asc(assessmentTerms.term), asc(assessmentTerms.validFrom));
}

export function tablesOf(rows: TermRow[]): CheckTables {
  return {
    leaders: rows.filter((r) => r.kind === 'leader').map((r) => ({ name: r.term, title: r.value, validFrom: r.validFrom ?? '0000-01-01', validTo: r.validTo })),
    renamedOrgs: rows.filter((r) => r.kind === 'renamed_org').map((r) => ({ oldName: r.term, newName: r.value, effectiveOn: r.validFrom ?? '0000-01-01' })),
    misspellings: rows.filter((r) => r.kind === 'misspelling').map((r) => ({ wrong: r.term, right: r.value })),
    sensitive: rows.filter((r) => r.kind === 'sensitive').map((r) => ({ word: r.term, level: r.level as SensitiveLevel, note: r.note })),
  };
}

// Compiled checkers per site, rebuilt when the site's tables move to a new version (an edit on any instance).
const compiled = new Map<number, { version: number; checker: ContentChecker }>();

export async function checkerFor(db: DbOrTx, rootUnitId: number): Promise<ContentChecker> {
  const version = await ensureTermSet(db, rootUnitId);
  const hit = compiled.get(rootUnitId);
  if (hit && hit.version === version) return hit.checker;
  const checker = new ContentChecker(tablesOf(await listTerms(db, rootUnitId)));
  compiled.set(rootUnitId, { version, checker });
  return checker;
}

export function toContentFinding(f: Finding): ContentFinding {
  return { label: FINDING_LABELS[f.kind], severity: f.severity, where: f.where, paragraph: f.paragraph, found: f.found, suggestion: f.suggestion, before: f.before, after: f.after, count: f.count, basis: f.basis };
}

/** The check publishing runs before publication (set with setContentCheck at start-up). */
export async function checkForPublishing(db: DbOrTx, input: ContentCheckInput): Promise<ContentFinding[]> {
  const checker = await checkerFor(db, input.rootUnitId);
  return checker.check(input.texts, input.today).map(toContentFinding);
}

export type TermResult = { ok: true; created: boolean } | { ok: false; errors: TermErrors };

/** Adds a row to a table; adding one that exists is not an error (a repeated form post changes nothing). */
export async function addTerm(core: Core, actor: Actor, rootUnitId: number, input: TermInput): Promise<TermResult> {
  const errors = validateTerm(input);
  if (Object.keys(errors).length) return { ok: false, errors };
  await ensureTermSet(core.db, rootUnitId);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const values = {
      rootUnitId,
      kind: input.kind,
      term: input.term.trim(),
      value: input.kind === 'sensitive' ? '' : input.value.trim(),
      level: input.kind === 'sensitive' ? input.level : 'warn',
      validFrom: input.kind === 'leader' || input.kind === 'renamed_org' ? input.validFrom : null,
      validTo: input.kind === 'leader' ? input.validTo || null : null,
      note: input.note.trim(),
    };
    const inserted = await tx.insert(assessmentTerms).values(values).onConflictDoNothing().returning({ id: assessmentTerms.id });
    if (!inserted[0]) return { ok: true, created: false };
    await tx.update(assessmentTermSets).set({ version: sql`${assessmentTermSets.version} + 1` }).where(eq(assessmentTermSets.rootUnitId, rootUnitId));
    await writeAudit(tx, actor, { action: 'assessment.term-added', targetType: 'assessment_term', targetId: inserted[0].id, unitId: rootUnitId, summary: { after: values } }, now);
    return { ok: true, created: true };
  });
}

/** Removes a row (gone already: nothing to do). */
export async function removeTerm(core: Core, actor: Actor, rootUnitId: number, id: number): Promise<boolean> {
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const gone = await tx.delete(assessmentTerms).where(and(eq(assessmentTerms.id, id), eq(assessmentTerms.rootUnitId, rootUnitId))).returning();
    if (!gone[0]) return false;
    await tx.update(assessmentTermSets).set({ version: sql`${assessmentTermSets.version} + 1` }).where(eq(assessmentTermSets.rootUnitId, rootUnitId));
    const { kind, term, value, validFrom, validTo } = gone[0];
    await writeAudit(tx, actor, { action: 'assessment.term-removed', targetType: 'assessment_term', targetId: id, unitId: rootUnitId, summary: { before: { kind, term, value, validFrom, validTo } } }, now);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// The sweep of public records

const SWEEP_BATCH = 500;

export interface SweepResult {
  sweepId: number | null;
  records: number;
  findings: number;
}

/**
 * Checks every public record of a site and keeps what was found. Once per site and day: a second call the
 * same day does nothing unless `again` (the office's "立即检查"), which replaces that day's results.
 */
export async function runSweep(core: Core, rootUnitId: number, opts: { again?: boolean } = {}): Promise<SweepResult> {
  const now = core.clock.now();
  const today = shanghaiToday(now);
  if (opts.again) await core.db.delete(assessmentSweeps).where(and(eq(assessmentSweeps.rootUnitId, rootUnitId), eq(assessmentSweeps.runOn, today)));
  const claimed = await core.db.insert(assessmentSweeps).values({ rootUnitId, runOn: today, startedAt: now }).onConflictDoNothing().returning({ id: assessmentSweeps.id });
  if (!claimed[0]) return { sweepId: null, records: 0, findings: 0 };
  const sweepId = claimed[0].id;
  const checker = await checkerFor(core.db, rootUnitId);
  let afterId = 0;
  let records = 0;
  let findings = 0;
  for (;;) {
    const batch = await listPublicRecordTexts(core.db, rootUnitId, afterId, SWEEP_BATCH);
    if (!batch.length) break;
    const rows: (typeof assessmentSweepFindings.$inferInsert)[] = [];
    for (const r of batch) {
      for (const f of checker.check(r.texts, today)) {
        rows.push({ sweepId, recordCode: r.code, indexNo: r.indexNo, title: r.title, unitName: r.publisherName, kind: f.kind, severity: f.severity, place: f.where, paragraph: f.paragraph, found: f.found, suggestion: f.suggestion, before: f.before, after: f.after, count: f.count, basis: f.basis });
      }
    }
    if (rows.length) await core.db.insert(assessmentSweepFindings).values(rows);
    records += batch.length;
    findings += rows.length;
    afterId = batch[batch.length - 1]!.id;
  }
  await core.db.update(assessmentSweeps).set({ finishedAt: core.clock.now(), records, findings }).where(eq(assessmentSweeps.id, sweepId));
  // Only the newest results are read; older sweeps keep their counts as history.
  const older = await core.db.select({ id: assessmentSweeps.id }).from(assessmentSweeps).where(and(eq(assessmentSweeps.rootUnitId, rootUnitId), lt(assessmentSweeps.runOn, today)));
  for (const o of older) await core.db.delete(assessmentSweepFindings).where(eq(assessmentSweepFindings.sweepId, o.id));
  return { sweepId, records, findings };
}

export async function latestSweep(db: DbOrTx, rootUnitId: number): Promise<{ sweep: SweepRow; findings: SweepFindingRow[] } | null> {
  const [sweep] = await db.select().from(assessmentSweeps).where(eq(assessmentSweeps.rootUnitId, rootUnitId)).orderBy(desc(assessmentSweeps.runOn)).limit(1);
  if (!sweep) return null;
  const findings = await db
    .select()
    .from(assessmentSweepFindings)
    .where(eq(assessmentSweepFindings.sweepId, sweep.id))
    .orderBy(sql`CASE ${assessmentSweepFindings.severity} WHEN 'block' THEN 0 ELSE 1 END`, asc(assessmentSweepFindings.indexNo), asc(assessmentSweepFindings.id))
    .limit(2000);
  return { sweep, findings };
}

export async function recentSweeps(db: DbOrTx, rootUnitId: number): Promise<SweepRow[]> {
  return db.select().from(assessmentSweeps).where(eq(assessmentSweeps.rootUnitId, rootUnitId)).orderBy(desc(assessmentSweeps.runOn)).limit(14);
}

/** The nightly run: each site once a day, from 02:00 Beijing time (or the first tick after start-up later that day). */
export async function nightlySweeps(core: Core): Promise<SweepResult[]> {
  const now = core.clock.now();
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now));
  if (hour < 2) return [];
  const roots = await core.pool.query<{ id: string }>('SELECT id FROM units WHERE parent_id IS NULL ORDER BY id');
  const out: SweepResult[] = [];
  for (const r of roots.rows) out.push(await runSweep(core, Number(r.id)));
  return out;
}

export type { TermKind };
