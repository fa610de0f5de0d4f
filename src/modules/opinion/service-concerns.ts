// 回应关切: responses to public concerns (国办发〔2016〕80号 吸收采纳情况要对外公开; regulation-wave2.md §5),
// written by the openness office or the answering unit, published in the public column.
import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { units } from '../../core/db/schema.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { hasRole } from '../../core/auth/roles.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { opinionConcerns, opinionItems, type ConcernLink } from './data/schema.ts';
import { isOffice, unitsOfCity, type OpinionActor, type Result } from './service.ts';

export type ConcernRow = typeof opinionConcerns.$inferSelect & { unitName: string; itemCode: string | null };

export interface ConcernInput {
  question: string;
  answer: string;
  answeredOn: string;
  unitId: number;
  links: ConcernLink[];
  itemCode: string;
  published: boolean;
}

export function canEditConcern(user: CurrentUser, c: { rootUnitId: number; unitId: number }): boolean {
  return c.rootUnitId === user.rootUnitId && (isOffice(user) || (c.unitId === user.unitId && hasRole(user, 'editor', 'unit_admin')));
}

const select = {
  c: opinionConcerns,
  unitName: units.name,
  itemCode: opinionItems.code,
};

function rows(r: { c: typeof opinionConcerns.$inferSelect; unitName: string | null; itemCode: string | null }[]): ConcernRow[] {
  return r.map((x) => ({ ...x.c, unitName: x.unitName ?? '', itemCode: x.itemCode }));
}

export async function listConcerns(db: DbOrTx, rootUnitId: number, opts: { publishedOnly: boolean; page: number; perPage: number }): Promise<{ rows: ConcernRow[]; total: number }> {
  const where = opts.publishedOnly ? and(eq(opinionConcerns.rootUnitId, rootUnitId), eq(opinionConcerns.published, true)) : eq(opinionConcerns.rootUnitId, rootUnitId);
  const [list, [count]] = await Promise.all([
    db
      .select(select)
      .from(opinionConcerns)
      .leftJoin(units, eq(units.id, opinionConcerns.unitId))
      .leftJoin(opinionItems, eq(opinionItems.id, opinionConcerns.itemId))
      .where(where)
      .orderBy(desc(opinionConcerns.answeredOn), desc(opinionConcerns.id))
      .limit(opts.perPage)
      .offset((opts.page - 1) * opts.perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(opinionConcerns).where(where),
  ]);
  return { rows: rows(list), total: count?.n ?? 0 };
}

export async function findConcern(db: DbOrTx, rootUnitId: number, code: string): Promise<ConcernRow | null> {
  if (!/^hy[0-9a-f]{12}$/.test(code)) return null;
  const r = await db
    .select(select)
    .from(opinionConcerns)
    .leftJoin(units, eq(units.id, opinionConcerns.unitId))
    .leftJoin(opinionItems, eq(opinionItems.id, opinionConcerns.itemId))
    .where(and(eq(opinionConcerns.rootUnitId, rootUnitId), eq(opinionConcerns.code, code)));
  return rows(r)[0] ?? null;
}

/** Creates (existing = null) or changes a response; the answering unit must be of the city, the 舆情编号 one of its items. */
export async function saveConcern(core: Core, actor: OpinionActor, existing: ConcernRow | null, input: ConcernInput, today: string): Promise<Result<{ code: string }>> {
  const user = actor.user!;
  const root = user.rootUnitId;
  const fields: Record<string, string> = {};
  if (!(await unitsOfCity(core.db, root)).some((u) => u.id === input.unitId)) fields.unitId = '请从列表中选择答复单位';
  else if (!canEditConcern(user, { rootUnitId: root, unitId: input.unitId })) fields.unitId = '只能以本单位名义答复';
  if (input.answeredOn > today) fields.answeredOn = '答复日期不能晚于今天';
  let itemId: number | null = null;
  if (input.itemCode) {
    const [item] = await core.db.select({ id: opinionItems.id }).from(opinionItems).where(and(eq(opinionItems.rootUnitId, root), eq(opinionItems.code, input.itemCode)));
    if (!item) fields.itemCode = '没有这个舆情编号';
    else itemId = item.id;
  }
  if (existing && !canEditConcern(user, existing)) return { ok: false, reasons: ['您不能修改其他单位的回应。'] };
  if (Object.keys(fields).length) return { ok: false, reasons: Object.values(fields), fields };
  const now = core.clock.now();
  const values = { question: input.question, answer: input.answer, answeredOn: input.answeredOn, unitId: input.unitId, links: input.links, itemId, published: input.published, updatedAt: now };
  const code = await core.db.transaction(async (tx) => {
    if (existing) {
      await tx.update(opinionConcerns).set(values).where(eq(opinionConcerns.id, existing.id));
      await writeAudit(tx, actor.audit, { action: 'opinion.concern-changed', targetType: 'opinion_concern', targetId: existing.id, unitId: input.unitId, summary: { before: { question: existing.question, published: existing.published }, after: { question: input.question, published: input.published } } }, now);
      return existing.code;
    }
    const code = `hy${crypto.randomBytes(6).toString('hex')}`;
    const [row] = await tx.insert(opinionConcerns).values({ ...values, rootUnitId: root, code, createdAt: now }).returning({ id: opinionConcerns.id });
    await writeAudit(tx, actor.audit, { action: 'opinion.concern-created', targetType: 'opinion_concern', targetId: row!.id, unitId: input.unitId, summary: { after: { code, question: input.question, published: input.published } } }, now);
    return code;
  });
  return { ok: true, code };
}
