// SQL for the 政府信息公开指南 versions of a unit. No rules here.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../core/db/index.ts';
import { catalogGuides, type GuideSection } from './schema.ts';

export type GuideRow = typeof catalogGuides.$inferSelect;
export type GuideVersionSummary = Pick<GuideRow, 'version' | 'reason' | 'changedByName' | 'changedAt'>;

export async function currentGuide(db: DbOrTx, unitId: number): Promise<GuideRow | undefined> {
  const rows = await db.select().from(catalogGuides).where(eq(catalogGuides.unitId, unitId)).orderBy(desc(catalogGuides.version)).limit(1);
  return rows[0];
}

export async function findGuideVersion(db: DbOrTx, unitId: number, version: number): Promise<GuideRow | undefined> {
  const rows = await db
    .select()
    .from(catalogGuides)
    .where(and(eq(catalogGuides.unitId, unitId), eq(catalogGuides.version, version)))
    .limit(1);
  return rows[0];
}

/** Every version of a unit's 指南, newest first, without the text. */
export async function listGuideVersions(db: DbOrTx, unitId: number): Promise<GuideVersionSummary[]> {
  return db
    .select({ version: catalogGuides.version, reason: catalogGuides.reason, changedByName: catalogGuides.changedByName, changedAt: catalogGuides.changedAt })
    .from(catalogGuides)
    .where(eq(catalogGuides.unitId, unitId))
    .orderBy(desc(catalogGuides.version));
}

/** Serialises saves of one unit's 指南 until the transaction ends, so version numbers never collide. */
export async function lockGuide(tx: Tx, unitId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727110, ${unitId}::int)`);
}

/** Appends the next version; call after lockGuide in the same transaction. */
export async function insertGuideVersion(
  tx: Tx,
  v: { unitId: number; sections: GuideSection[]; reason: string; changedByName: string; changedAt: Date },
): Promise<GuideRow> {
  const [row] = await tx
    .insert(catalogGuides)
    .values({ ...v, version: sql`coalesce((select max(version) from catalog_guides where unit_id = ${v.unitId}), 0) + 1` })
    .returning();
  return row!;
}
