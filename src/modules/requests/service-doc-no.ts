// 答复告知书的文号: each unit's pattern (set by the openness office on the settings page) and the
// number of a request's reply letter, allocated once — on the first generation of the letter — from a
// counter per unit and year, and kept on every later generation.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { Tx } from '../../core/db/index.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { lockRequest } from './data/repository.ts';
import { reqDocNoPatterns, reqDocNoSequences, reqRequests } from './data/schema.ts';
import { docNoPatternError, formatDocNo, normaliseDocNoPattern } from './domain/reply-doc-no.ts';
import type { RequestActor } from './service.ts';

export async function docNoPatterns(core: Core, unitIds: number[]): Promise<Map<number, string>> {
  if (!unitIds.length) return new Map();
  const rows = await core.db.select().from(reqDocNoPatterns).where(inArray(reqDocNoPatterns.unitId, unitIds));
  return new Map(rows.map((r) => [r.unitId, r.pattern]));
}

export type PatternSaveResult = { ok: true; changed: number } | { ok: false; errors: Record<string, string>; values: Record<number, string> };

/**
 * Saves the patterns of the given units (the site's units; '' removes a pattern). Every pattern is
 * checked first; nothing is saved when one is wrong. Field names of errors: docNo-<unitId>.
 */
export async function saveDocNoPatterns(core: Core, actor: RequestActor, unitIds: number[], input: Record<number, string>): Promise<PatternSaveResult> {
  if (actor.kind !== 'staff' || !actor.user.roles.some((r) => r === 'openness_office' || r === 'openness_head')) throw new Error('only the openness office sets 文号 patterns');
  const values: Record<number, string> = {};
  const errors: Record<string, string> = {};
  for (const id of unitIds) {
    const v = normaliseDocNoPattern(input[id] ?? '');
    values[id] = v;
    const e = docNoPatternError(v);
    if (e) errors[`docNo-${id}`] = e;
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const before = new Map((await tx.select().from(reqDocNoPatterns).where(inArray(reqDocNoPatterns.unitId, unitIds))).map((r) => [r.unitId, r.pattern]));
    let changed = 0;
    for (const id of unitIds) {
      const v = values[id] ?? '';
      if ((before.get(id) ?? '') === v) continue;
      changed++;
      if (!v) await tx.delete(reqDocNoPatterns).where(eq(reqDocNoPatterns.unitId, id));
      else await tx.insert(reqDocNoPatterns).values({ unitId: id, pattern: v, updatedAt: now }).onConflictDoUpdate({ target: reqDocNoPatterns.unitId, set: { pattern: v, updatedAt: now } });
      await writeAudit(tx, actor.audit, { action: 'requests.doc-no-pattern-set', targetType: 'unit', targetId: id, unitId: id, summary: { before: before.get(id) ?? '', after: v } }, now);
    }
    return { ok: true as const, changed };
  });
}

/** The next number of the unit's counter for the year: one statement, so concurrent callers never share a number. */
async function nextSeq(tx: Tx, unitId: number, year: number): Promise<number> {
  const rows = await tx
    .insert(reqDocNoSequences)
    .values({ unitId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [reqDocNoSequences.unitId, reqDocNoSequences.year], set: { lastSeq: sql`${reqDocNoSequences.lastSeq} + 1` } })
    .returning({ seq: reqDocNoSequences.lastSeq });
  return rows[0]!.seq;
}

/**
 * The 文号 of the request's reply letter: the one already given, or a new one from the unit's pattern
 * and counter for the year of `issuedOn` (YYYY-MM-DD). null when the unit has no pattern (and none was
 * given before).
 */
export async function replyDocNo(core: Core, requestId: number, issuedOn: string): Promise<string | null> {
  return core.db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (!row) return null;
    if (row.replyDocNo) return row.replyDocNo;
    const [p] = await tx.select().from(reqDocNoPatterns).where(eq(reqDocNoPatterns.unitId, row.unitId)).limit(1);
    if (!p) return null;
    const year = Number(issuedOn.slice(0, 4));
    const seq = await nextSeq(tx, row.unitId, year);
    const docNo = formatDocNo(p.pattern, year, seq);
    await tx
      .update(reqRequests)
      .set({ replyDocNo: docNo, replyDocUnitId: row.unitId, replyDocYear: year, replyDocSeq: seq })
      .where(and(eq(reqRequests.id, row.id)));
    return docNo;
  });
}
