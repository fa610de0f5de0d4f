// The public pages' queries at scale: with 200,000 published records (cloned with generate_series)
// every list, home section, sitemap and year-filter query is answered from an index — no sequential
// scan over the records, no sort of all of them — so a page costs the same at any size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type SQL } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import type { DbOrTx } from '../../../core/db/index.ts';
import { publishTestRecord, unitId } from '../testing/public-fixture.ts';
import { findPublicRecord, latestByDomain, listPublicRecords, listSitemapRecords, publishedYears, sitemapRecordFiles, LIST_COUNT_CAP } from './public-queries.ts';

const BULK = 200_000;
const BIG_TABLES = ['pub_records', 'pub_search_documents'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

function nodes(p: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(p);
  for (const c of p.Plans ?? []) nodes(c, out);
  return out;
}

/** Runs `fn` with a db that records the statements it executes. */
async function captured(db: DbOrTx, fn: (db: DbOrTx) => Promise<unknown>): Promise<{ statements: SQL[]; ms: number }> {
  const statements: SQL[] = [];
  const spy = new Proxy(db, {
    get(target, prop, recv) {
      if (prop === 'execute') return (q: SQL) => (statements.push(q), target.execute(q));
      return Reflect.get(target, prop, recv);
    },
  });
  const t0 = performance.now();
  await fn(spy);
  return { statements, ms: performance.now() - t0 };
}

describe('public queries at scale (EXPLAIN)', { timeout: 600_000 }, () => {
  let t: TestApp;
  let root = 0;
  let indexNo = '';

  before(async () => {
    t = await createTestApp();
    root = await unitId(t, 'city-government');
    const day = (d: string) => ({ publishedOn: d, writtenOn: d, formedOn: d });
    const r = await publishTestRecord(t, { ...day('2026-03-01'), title: '楚雄市2026年市级预算公开', bodyHtml: '<p>预算。</p>' });
    indexNo = r.indexNo!;
    // Clone it 200,000 times: other 索引号, dates spread over six years, all four 栏目 homes kept.
    const cols = (await t.core.pool.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'pub_records' AND column_name <> 'id' ORDER BY ordinal_position`)).rows.map((c) => String(c.column_name));
    const override: Record<string, string> = {
      code: `'bulk' || g`,
      index_no: `'BULK-' || g`,
      index_seq: `100000 + g`,
      title: `title || g`,
      published_on: `date '2020-01-01' + (g % 2190)`,
      published_at: `timestamptz '2020-01-01' + (g % 2190) * interval '1 day' + g * interval '1 second'`,
      general_column: `(ARRAY['news','notice','policy'])[1 + g % 3]`,
    };
    const list = cols.map((c) => `"${c}"`).join(', ');
    const values = cols.map((c) => override[c] ?? `"${c}"`).join(', ');
    await t.core.pool.query(`INSERT INTO pub_records (${list}) SELECT ${values} FROM pub_records, generate_series(1, ${BULK}) g WHERE id = $1`, [r.id]);
    await t.core.pool.query('ANALYZE pub_records');
    await t.core.pool.query('ANALYZE pub_search_documents');
  });
  after(async () => t?.dispose());

  it('reads every public list, section and sitemap from an index', async () => {
    const financeId = await unitId(t, 'finance');
    const cases: [string, (db: DbOrTx) => Promise<unknown>][] = [
      ['/records page 1', (db) => listPublicRecords(db, root, {}, 20, 0)],
      ['/records last page', (db) => listPublicRecords(db, root, {}, 20, LIST_COUNT_CAP - 20)],
      ['栏目 list', (db) => listPublicRecords(db, root, { column: 'notice' }, 20, 0)],
      ['unit list', (db) => listPublicRecords(db, root, { unitId: financeId }, 20, 200)],
      ['home 栏目 section', (db) => listPublicRecords(db, root, { column: 'news' }, 8, 0, { count: false })],
      ['home domain sections', (db) => latestByDomain(db, root, 3)],
      ['year filter', (db) => publishedYears(db, root)],
      ['sitemap index', (db) => sitemapRecordFiles(db, root, 40_000, 1000)],
      ['sitemap file', (db) => listSitemapRecords(db, root, 40_000, 2)],
      ['record page', (db) => findPublicRecord(db, root, indexNo)],
    ];
    const report: string[] = [];
    for (const [name, fn] of cases) {
      const { statements, ms } = await captured(t.core.db, fn);
      assert.ok(statements.length > 0, name);
      for (const q of statements) {
        const res = await t.core.db.execute(sql`EXPLAIN (FORMAT JSON) ${q}`);
        const plan = (res.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
        for (const n of nodes(plan)) {
          assert.ok(!(n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(n['Relation Name'] ?? '')), `${name}: sequential scan of ${n['Relation Name']}\n${JSON.stringify(plan)}`);
          assert.ok(!(n['Node Type'] === 'Sort' && n['Plan Rows'] > LIST_COUNT_CAP), `${name}: sorts ${n['Plan Rows']} rows\n${JSON.stringify(plan)}`);
        }
      }
      report.push(`${name}: ${ms.toFixed(1)} ms`);
    }
    const first = await listPublicRecords(t.core.db, root, {}, 20, 0);
    assert.equal(first.capped, true);
    assert.equal(first.total, LIST_COUNT_CAP);
    console.log(`at ${BULK + 1} records (uncached, first run):\n  ${report.join('\n  ')}`);
  });
});
