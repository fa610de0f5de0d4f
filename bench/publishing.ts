// The 主动公开 part of `npm run bench`, against the running app and its database:
//   - 100,000 published records loaded by the generator (bench/record-generator.ts) with their
//     search rows (GIN indexes built once at the end);
//   - a record page and a list page under load (autocannon), served from the page cache, against
//     the 20 KB static file in the same run; the same pages uncached (200 distinct URLs, one by one);
//   - search p50/p95 over 500 varied queries through the API (never cached; natural queries are cut into words);
//   - records published per second through the service (publishRecord on approved drafts).
import pg from 'pg';
import autocannon from 'autocannon';
import { loadConfig } from '../src/core/config/index.ts';
import { systemActor } from '../src/core/audit/index.ts';
import { shanghaiToday } from '../src/core/clock.ts';
import { buildApp } from '../src/app.ts';
import { approveRecord, createDraft, emptyRecordInput, publishRecord, submitRecord, type StaffActor } from '../src/modules/publishing/service.ts';
import { benchQueries, loadRecords } from './record-generator.ts';

export const RECORDS = Number(process.env.BENCH_RECORDS || 100_000);
const PUBLISH_COUNT = Number(process.env.BENCH_PUBLISH || 200);

/** A result line for run.ts: label, value, goal, passed. */
export type Line = [label: string, value: string, goal: string, ok: boolean];

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;
}

async function timed(url: string): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, body };
}

const GIN_INDEXES = [
  `CREATE INDEX IF NOT EXISTS "pub_search_documents_gin" ON "pub_search_documents" USING gin ("document")`,
  `CREATE INDEX IF NOT EXISTS "pub_search_documents_head_gin" ON "pub_search_documents" USING gin ("head")`,
];

/** Loads the records: the GIN indexes are dropped first and built once at the end (much faster than row by row). */
async function generate(pool: pg.Pool, rootUnitId: number): Promise<{ loadMs: number; indexMs: number }> {
  await pool.query('DROP INDEX IF EXISTS pub_search_documents_gin, pub_search_documents_head_gin');
  const { ms } = await loadRecords(pool, rootUnitId, RECORDS);
  const t0 = performance.now();
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const ddl of GIN_INDEXES) await client.query(ddl);
    await client.query('ANALYZE pub_search_documents');
  } finally {
    client.release();
  }
  return { loadMs: ms, indexMs: performance.now() - t0 };
}

async function actorOf(pool: pg.Pool, username: string): Promise<StaffActor> {
  const u = (await pool.query('SELECT s.id, s.unit_id, s.roles, coalesce(un.root_id, un.id) AS root FROM staff_users s JOIN units un ON un.id = s.unit_id WHERE s.username = $1', [username])).rows[0];
  if (!u) throw new Error(`no staff user ${username}`);
  return { ...systemActor, id: Number(u.id), name: username, unitId: Number(u.unit_id), rootUnitId: Number(u.root), roles: u.roles };
}

/** Approved drafts published one after the other and four at a time, through the service. */
async function publishRate(databaseUrl: string): Promise<{ sequential: number; parallel: number; workflow: number }> {
  const app = await buildApp({ config: { ...loadConfig({}), logLevel: 'silent' }, databaseUrl, seed: false, logger: false, poolSize: 6 });
  try {
    const core = app.core;
    const editor = await actorOf(core.pool, 'czj_editor');
    const reviewer = await actorOf(core.pool, 'czj_reviewer');
    const today = shanghaiToday(core.clock.now());
    const codes: string[] = [];
    const w0 = performance.now();
    for (let i = 0; i < PUBLISH_COUNT; i++) {
      const input = {
        ...emptyRecordInput('楚雄市财政局', today),
        generalColumn: 'notice' as const,
        title: `楚雄市财政局关于基准测试第${i + 1}号通知`,
        subject: '财政、金融、审计',
        genre: '通知',
        bodyHtml: `<p>基准测试通知正文，第${i + 1}号。为规范财政资金管理，现就有关事项通知如下。</p>`,
      };
      const d = await createDraft(core, editor, input);
      if (!d.ok) throw new Error(`draft: ${JSON.stringify(d)}`);
      const s = await submitRecord(core, editor, d.record.code);
      if (!s.ok) throw new Error(`submit: ${JSON.stringify(s)}`);
      const a = await approveRecord(core, reviewer, d.record.code);
      if (!a.ok) throw new Error(`approve: ${JSON.stringify(a)}`);
      codes.push(d.record.code);
    }
    const workflowMs = performance.now() - w0;
    const half = Math.floor(codes.length / 2);
    const s0 = performance.now();
    for (const code of codes.slice(0, half)) {
      const r = await publishRecord(core, reviewer, code);
      if (!r.ok) throw new Error(`publish: ${JSON.stringify(r)}`);
    }
    const seqMs = performance.now() - s0;
    const rest = codes.slice(half);
    const p0 = performance.now();
    await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        for (let i = k; i < rest.length; i += 4) {
          const r = await publishRecord(core, reviewer, rest[i]!);
          if (!r.ok) throw new Error(`publish: ${JSON.stringify(r)}`);
        }
      }),
    );
    const parMs = performance.now() - p0;
    return { sequential: half / (seqMs / 1000), parallel: rest.length / (parMs / 1000), workflow: codes.length / (workflowMs / 1000) };
  } finally {
    await app.close();
  }
}

export async function benchPublishing(base: string, databaseUrl: string, seconds: number): Promise<Line[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const lines: Line[] = [];
  try {
    const root = Number((await pool.query(`SELECT id FROM units WHERE slug = 'city-government'`)).rows[0].id);
    const gen = await generate(pool, root);
    const count = Number((await pool.query(`SELECT count(*)::int AS n FROM pub_search_documents WHERE root_unit_id = $1`, [root])).rows[0].n);
    process.stdout.write(
      `\n主动公开: ${count} searchable records (${RECORDS} generated and inserted in ${(gen.loadMs / 1000).toFixed(1)} s, GIN indexes built in ${(gen.indexMs / 1000).toFixed(1)} s)\n`,
    );

    // Pages under load, from the cache, against the static file.
    const sample = (await pool.query(`SELECT index_no FROM pub_records WHERE root_unit_id = $1 AND state = 'published' AND disclosure = 'proactive' ORDER BY id LIMIT 1 OFFSET 50000`, [root])).rows[0];
    const recordUrl = `${base}/records/${sample.index_no}`;
    const listUrl = `${base}/records?page=3`;
    const staticUrl = `${base}/assets/bench/static-20k.html`;
    for (const u of [recordUrl, listUrl, staticUrl]) {
      const r = await timed(u);
      if (r.status !== 200) throw new Error(`${u}: ${r.status}`);
      await autocannon({ url: u, connections: 10, duration: 2 });
    }
    const stat = await autocannon({ url: staticUrl, connections: 50, duration: seconds });
    const rec = await autocannon({ url: recordUrl, connections: 50, duration: seconds });
    const list = await autocannon({ url: listUrl, connections: 50, duration: seconds });
    for (const [label, r] of [['static 20 KB file', stat], ['record page (cached)', rec], ['list page (cached)', list]] as const) {
      process.stdout.write(`${label.padEnd(22)} ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}\n`);
    }
    const recRatio = rec.requests.average / stat.requests.average;
    const listRatio = list.requests.average / stat.requests.average;

    // Uncached: 200 distinct record pages and 50 distinct list pages (filters × pages), one by one.
    const pages = (await pool.query(`SELECT index_no FROM pub_records WHERE root_unit_id = $1 AND state = 'published' AND disclosure = 'proactive' ORDER BY random() LIMIT 200`, [root])).rows;
    const recTimes = (await sequentialTimes(pages.map((p) => `${base}/records/${p.index_no}`))).sort((a, b) => a - b);
    const units = (await pool.query(`SELECT slug FROM units WHERE coalesce(root_id, id) = $1 ORDER BY id LIMIT 25`, [root])).rows.map((u) => String(u.slug));
    const listUrls = units.flatMap((u, i) => [`${base}/records?unit=${u}&page=${1 + (i % 5)}`, `${base}/columns/notices?unit=${u}&year=${2018 + (i % 9)}`]);
    const listTimes = (await sequentialTimes(listUrls)).sort((a, b) => a - b);
    process.stdout.write(`record page uncached   p50 ${pct(recTimes, 50).toFixed(1)} ms, p95 ${pct(recTimes, 95).toFixed(1)} ms (200 pages)\n`);
    process.stdout.write(`list page uncached     p50 ${pct(listTimes, 50).toFixed(1)} ms, p95 ${pct(listTimes, 95).toFixed(1)} ms (${listUrls.length} pages)\n`);

    // Search: 200 varied queries through the API (no cache), with real 文号 among them.
    const docNos = (await pool.query(`SELECT doc_no FROM pub_records WHERE root_unit_id = $1 AND doc_no <> '' ORDER BY random() LIMIT 20`, [root])).rows.map((r) => String(r.doc_no));
    const queries = benchQueries(500).map((q, i) => (i % 10 === 3 && docNos.length ? docNos[Math.floor(i / 10) % docNos.length]! : q));
    await timed(`${base}/api/v1/records/search?q=${encodeURIComponent('预算')}`);
    const searchTimes: number[] = [];
    let docNoFirst = 0;
    let docNoQueries = 0;
    for (const [i, q] of queries.entries()) {
      const r = await timed(`${base}/api/v1/records/search?q=${encodeURIComponent(q)}`);
      if (r.status !== 200) throw new Error(`search ${q}: ${r.status} ${r.body.slice(0, 200)}`);
      searchTimes.push(r.ms);
      if (i % 10 === 3) {
        docNoQueries++;
        if ((JSON.parse(r.body) as { items: { exactDocNo: boolean }[] }).items[0]?.exactDocNo) docNoFirst++;
      }
    }
    searchTimes.sort((a, b) => a - b);
    process.stdout.write(`search (API, ${queries.length} queries) p50 ${pct(searchTimes, 50).toFixed(1)} ms, p95 ${pct(searchTimes, 95).toFixed(1)} ms, max ${searchTimes.at(-1)!.toFixed(0)} ms; 文号 first in ${docNoFirst}/${docNoQueries}\n`);

    const rate = await publishRate(databaseUrl);
    process.stdout.write(
      `publishing via the service: ${rate.sequential.toFixed(1)} records/s one at a time, ${rate.parallel.toFixed(1)} records/s four at a time (draft → submit → approve: ${rate.workflow.toFixed(1)} records/s)\n`,
    );

    lines.push(
      ['records: record page / static req/s (cached)', `${recRatio.toFixed(2)}×`, '≥ 0.50×', recRatio >= 0.5],
      ['records: record page p99 (cached)', `${rec.latency.p99} ms`, '≤ 50 ms', rec.latency.p99 <= 50 && rec.errors + rec.non2xx === 0],
      ['records: list page / static req/s (cached)', `${listRatio.toFixed(2)}×`, '≥ 0.50×', listRatio >= 0.5],
      ['records: list page p99 (cached)', `${list.latency.p99} ms`, '≤ 50 ms', list.latency.p99 <= 50 && list.errors + list.non2xx === 0],
      [`records: search p95 at ${Math.round(count / 1000)}k records`, `${pct(searchTimes, 95).toFixed(0)} ms (p50 ${pct(searchTimes, 50).toFixed(0)})`, '≤ 100 ms', pct(searchTimes, 95) <= 100],
      ['records: 文号 query finds its document first', `${docNoFirst}/${docNoQueries}`, 'all', docNoFirst === docNoQueries],
      ['records: published per second (service)', `${rate.sequential.toFixed(1)}/s (4 at once ${rate.parallel.toFixed(1)}/s)`, 'reported', true],
    );
  } finally {
    await pool.end();
  }
  return lines;
}

async function sequentialTimes(urls: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const u of urls) {
    const r = await timed(u);
    if (r.status !== 200) throw new Error(`${u}: ${r.status}`);
    out.push(r.ms);
  }
  return out;
}
