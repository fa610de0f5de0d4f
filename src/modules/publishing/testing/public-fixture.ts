// Test support for the public side: load published records (as an old site's import would) with the
// service's loader, so they get a 索引号, a public version and a search document.
import { eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../../core/testing/index.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { units } from '../../../core/db/schema.ts';
import type { RecordInput } from '../domain/types.ts';
import { emptyRecordInput, loadPublishedRecord, type StaffActor } from '../service.ts';
import { refreshSearchDocument } from '../data/search-index.ts';
import { insertLink, type RecordRow } from '../data/repository.ts';
import { publicRecordsChanged } from '../public-cache.ts';

export interface TestRecord extends Partial<RecordInput> {
  unit?: string;
  title: string;
  publishedOn: string;
  publishedAt?: Date;
}

export async function unitId(t: TestApp, slug: string): Promise<number> {
  const [u] = await t.core.db.select({ id: units.id }).from(units).where(eq(units.slug, slug));
  if (!u) throw new Error(`no unit ${slug}`);
  return u.id;
}

/** Publishes a 主动公开 record dated publishedOn (default: 通知公告 of the finance bureau). */
export async function publishTestRecord(t: TestApp, r: TestRecord): Promise<RecordRow> {
  const id = await unitId(t, r.unit ?? 'finance');
  const base = emptyRecordInput('楚雄市财政局', r.publishedOn);
  const input: RecordInput = {
    ...base,
    generalColumn: r.catalogItemId ? null : 'notice',
    subject: '财政、金融、审计',
    genre: '通知',
    bodyHtml: '<p>正文。</p>',
    ...r,
  };
  const calendar = await t.core.calendar.calendar();
  const row = await t.core.db.transaction((tx) => loadPublishedRecord(tx, t.core, systemActor, calendar, { unitId: id, input, publishedOn: r.publishedOn, publishedAt: r.publishedAt }));
  publicRecordsChanged();
  return row;
}

/** Changes columns of a record directly (state, validity …) and rebuilds its search row. */
export async function patchRecord(t: TestApp, id: number, set: Record<string, unknown>): Promise<void> {
  const cols = Object.entries(set).map(([k, v]) => sql`${sql.identifier(k)} = ${v}`);
  await t.core.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE pub_records SET ${sql.join(cols, sql`, `)} WHERE id = ${id}`);
    await refreshSearchDocument(tx, id);
  });
}

/** A staff actor for the service verbs, from a seeded account. */
export async function staffActor(t: TestApp, username: string): Promise<StaffActor> {
  const res = await t.core.pool.query(
    'SELECT s.id, s.unit_id, s.roles, coalesce(u.root_id, u.id) AS root FROM staff_users s JOIN units u ON u.id = s.unit_id WHERE s.username = $1',
    [username],
  );
  const u = res.rows[0];
  if (!u) throw new Error(`no staff user ${username}`);
  return { ...systemActor, id: Number(u.id), name: username, unitId: Number(u.unit_id), rootUnitId: Number(u.root), roles: u.roles };
}

/** Links a policy and its interpretation (both ways on the public pages). */
export async function linkForTest(t: TestApp, policyId: number, interpretationId: number): Promise<void> {
  await t.core.db.transaction((tx) => insertLink(tx, policyId, interpretationId, t.clock.now()));
  publicRecordsChanged();
}
