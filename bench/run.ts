// `npm run bench`: measures the foundation's performance goals in one run and prints ratios.
// Starts the real app (src/main.ts) on a fresh embedded database, twice (first start with initdb,
// then a later start), loads it with autocannon on 127.0.0.1 only, and reads the app's RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/core/testing/net.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { benchRequests } from './requests.ts';
import { benchAnnualReport } from './annual-report.ts';
import { benchPublishing } from './publishing.ts';
import { benchPowers } from './powers.ts';
import { benchMessages } from './messages.ts';
import { benchDecisions } from './decisions.ts';
import { benchGazette } from './gazette.ts';
import { benchAssessment, benchMonitor } from './assessment.ts';
import { embeddedUrl, startTemporaryPostgres } from '../src/core/db/embedded.ts';
import { createTestApp, type TestApp, type TestClient } from '../src/core/testing/index.ts';
import { buildLargeCatalogWorkbook } from '../src/modules/catalog/testing/fixture.ts';
import { waitForImportRun } from '../src/modules/catalog/service-import-run.ts';
import { buildCalendar } from '../src/core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../src/core/calendar/official-holidays.ts';
import { computeClock, type ClockEvent } from '../src/modules/requests/domain/clock.ts';
import { workdayIndex } from '../src/modules/requests/domain/workdays.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;
const CATALOG_ROWS = 5000;


interface Running {
  child: ChildProcess;
  startMs: number;
  base: string;
}

/** The node flags of the `start` script in package.json. */
function startNodeFlags(): string[] {
  const start: string = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start;
  return start.split(/\s+/).filter((a) => a.startsWith('--') && a !== '--import');
}

async function startApp(dataDir: string, port: number, pgPort: number): Promise<Running> {
  const t0 = performance.now();
  // The same node flags as `npm start` (package.json): a small young generation keeps RSS low under load.
  const child = spawn(process.execPath, [...startNodeFlags(), '--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited during start:\n${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 120_000) throw new Error(`app did not start in 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, startMs: performance.now() - t0, base };
}

async function stopApp(r: Running): Promise<number> {
  const t0 = performance.now();
  r.child.kill('SIGINT');
  await new Promise((resolve) => r.child.once('exit', resolve));
  return performance.now() - t0;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function load(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1 });
}

interface CatalogImportTimes {
  fileKb: number;
  previewMs: number;
  saveMs: number;
  created: number;
}

/**
 * A 5,000-row catalog .xlsx imported the way staff do it, through the routes of an app on its own
 * embedded PostgreSQL: upload (read, parse, plan, sign the preview), then confirm (check, save all
 * or nothing). Signed in as the openness office (gkb).
 */
async function catalogImport(): Promise<CatalogImportTimes> {
  const pg = await startTemporaryPostgres(await freePort());
  process.env.TEST_DATABASE_URL = pg.url;
  delete process.env.TEST_TEMPLATE_DB;
  let t: TestApp | undefined;
  try {
    t = await createTestApp();
    const gkb = await t.signIn('gkb');
    const bytes = await buildLargeCatalogWorkbook(CATALOG_ROWS);
    const cookie = (c: TestClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const form = await gkb.get('/staff/catalog/city-government/import');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const boundary = `----gk${crypto.randomBytes(8).toString('hex')}`;
    const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    const payload = Buffer.concat([
      field('_csrf', csrf),
      field('reason', '基准测试：导入5000项'),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    let t0 = performance.now();
    const preview = await t.app.inject({
      method: 'POST',
      url: '/staff/catalog/city-government/import',
      headers: { cookie: cookie(gkb), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    const previewMs = performance.now() - t0;
    const sealed = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(preview.body)?.[1];
    const data = sealed('payload');
    const sig = sealed('signature');
    if (preview.statusCode !== 200 || !data || !sig) throw new Error(`catalog import preview failed: ${preview.statusCode}`);
    const before = Number((await t.core.pool.query('SELECT count(*) FROM catalog_items')).rows[0].count);
    t0 = performance.now();
    const confirm = await gkb.post('/staff/catalog/city-government/import/confirm', { _csrf: sealed('_csrf') ?? csrf, payload: data, signature: sig });
    if (confirm.statusCode !== 303) throw new Error(`catalog import confirm failed: ${confirm.statusCode}`);
    // Confirm starts the save and redirects to the progress page; the time runs until the save is done.
    const runCode = /\/import\/runs\/([A-Za-z0-9_-]+)$/.exec(String(confirm.headers.location))?.[1];
    if (!runCode) throw new Error(`catalog import confirm went to ${String(confirm.headers.location)}`);
    await waitForImportRun(runCode);
    const saveMs = performance.now() - t0;
    const created = Number((await t.core.pool.query('SELECT count(*) FROM catalog_items')).rows[0].count) - before;
    return { fileKb: bytes.length / 1024, previewMs, saveMs, created };
  } finally {
    await t?.dispose();
    await pg.cleanup();
  }
}

/**
 * 依申请公开 due dates computed in-process from their ledgers: 1,000 ledgers (receipt across 2025–2026,
 * a third with a consultation pause, a fifth with an extension), folded again and again for 2 s.
 */
function dueDatesPerSecond(explain: boolean): number {
  const cal = buildCalendar(OFFICIAL_YEARS);
  const idx = workdayIndex(cal);
  const ledgers: ClockEvent[][] = [];
  for (let i = 0; i < 1000; i++) {
    const received = idx.add('2025-01-02', i % 400);
    const l: ClockEvent[] = [{ kind: 'received', on: received }];
    if (i % 3 === 0) l.push({ kind: 'consultation_sent', on: idx.add(received, 3), ref: 'C1', party: 'third_party' }, { kind: 'consultation_answered', on: idx.add(received, 9), ref: 'C1' });
    if (i % 5 === 0) l.push({ kind: 'extension_approved', on: idx.add(received, 15), days: 10 });
    ledgers.push(l);
  }
  for (const l of ledgers) computeClock(l, cal, undefined, explain); // warm-up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 2000) {
    for (const l of ledgers) computeClock(l, cal, undefined, explain);
    n += ledgers.length;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** ok null: a measurement shown for information, with no goal of its own. */
function line(label: string, value: string, goal: string, ok: boolean | null): void {
  process.stdout.write(`${ok === null ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${label.padEnd(44)} ${value.padEnd(24)} ${ok === null ? '' : 'goal '}${goal}\n`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  fs.chmodSync(dataDir, 0o755);
  fs.mkdirSync('public/bench', { recursive: true });
  // A 20 KB static file served by the same process, as the baseline for the home page.
  const staticBody = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>静态</title><p>' + '政务公开'.repeat(1700) + '</p></html>';
  fs.writeFileSync('public/bench/static-20k.html', staticBody.slice(0, 20 * 1024));
  const port = await freePort();
  const pgPort = await freePort();
  process.stdout.write(`Gongkai bench — ${os.cpus().length} cores, node ${process.version}, ${DURATION_S} s × ${CONNECTIONS} connections per run\n\n`);
  try {
    const first = await startApp(dataDir, port, pgPort);
    await stopApp(first);
    const later = await startApp(dataDir, port, pgPort);
    // Warm up both paths, then measure one after the other in the same run.
    await autocannon({ url: `${later.base}/`, connections: 10, duration: 2 });
    await autocannon({ url: `${later.base}/assets/bench/static-20k.html`, connections: 10, duration: 2 });
    const stat = await load(`${later.base}/assets/bench/static-20k.html`);
    const home = await load(`${later.base}/`);
    const rss = rssMb(later.child.pid!);
    // 依申请公开 (bench/requests.ts): 100,000 requests generated, then the handler dashboard and the
    // city's overdue list under load; its PASS/FAIL lines are printed with the others below.
    const requestLines = await benchRequests(later.base, embeddedUrl(path.join(dataDir, 'pg'), pgPort), DURATION_S);
    // 主动公开 (bench/publishing.ts): 100,000 records generated, record and list pages under load,
    // search over 200 queries, publications per second.
    const publishingLines = await benchPublishing(later.base, embeddedUrl(path.join(dataDir, 'pg'), pgPort), DURATION_S);
    const stopMs = await stopApp(later);

    const ratio = home.requests.average / stat.requests.average;
    process.stdout.write(`static 20 KB file: ${stat.requests.average.toFixed(0)} req/s, p99 ${stat.latency.p99} ms, errors ${stat.errors + stat.non2xx}\n`);
    process.stdout.write(`home page:         ${home.requests.average.toFixed(0)} req/s, p99 ${home.latency.p99} ms, errors ${home.errors + home.non2xx}\n\n`);
    line('home / static requests per second', ratio.toFixed(2) + '×', '≥ 0.50×', ratio >= 0.5);
    line('home page p99 latency', `${home.latency.p99} ms`, '≤ 50 ms', home.latency.p99 <= 50);
    line('first start (incl. database initialisation)', `${(first.startMs / 1000).toFixed(1)} s`, '≤ 15 s', first.startMs <= 15_000);
    line('later start', `${(later.startMs / 1000).toFixed(1)} s`, '≤ 3 s', later.startMs <= 3_000);
    line('app RSS after load (database not counted)', `${rss.toFixed(0)} MB`, '≤ 250 MB', rss <= 250);
    line('clean stop after Ctrl-C', `${(stopMs / 1000).toFixed(1)} s`, 'exits', true);
    if (home.errors + home.non2xx + stat.errors + stat.non2xx > 0) process.stdout.write('WARN  some requests failed during the load\n');

    const cat = await catalogImport();
    const totalMs = cat.previewMs + cat.saveMs;
    process.stdout.write(
      `\ncatalog import: ${CATALOG_ROWS} rows (${cat.fileKb.toFixed(0)} KB .xlsx): upload + preview ${cat.previewMs.toFixed(0)} ms, confirm + save ${cat.saveMs.toFixed(0)} ms, ${cat.created} items created\n`,
    );
    line(`catalog import of ${CATALOG_ROWS} rows (parse + save)`, `${(totalMs / 1000).toFixed(2)} s`, '< 5 s', totalMs < 5_000 && cat.created === CATALOG_ROWS);

    const bare = dueDatesPerSecond(false);
    const explained = dueDatesPerSecond(true);
    process.stdout.write(`\nrequest due dates in-process: ${bare.toFixed(0)}/s (due date only), ${explained.toFixed(0)}/s (with the explained ledger)\n`);
    line('due-date computations per second', `${Math.round(bare / 1000)}k/s`, '≥ 100k/s', bare >= 100_000);
    for (const l of requestLines) line(...l);
    for (const l of publishingLines) line(...l);
    // 年度报告 (bench/annual-report.ts): the 2025 report of one unit with 100,000 requests, on its own database.
    for (const l of await benchAnnualReport()) line(...l);
    // 权责清单 import and the 执法决定 register (bench/powers.ts), on its own database.
    for (const l of await benchPowers()) line(...l);
    // 互动交流 (bench/messages.ts): 100,000 items, the public column, the dashboard and the public form, on an app of its own.
    for (const l of await benchMessages(DURATION_S)) line(...l);
    // 决策公开: a dossier and the results page with 1,000 decisions and 10,000 progress reports (bench/decisions.ts).
    for (const l of await benchDecisions()) line(...l);
    // 政府公报: a 40-page issue to PDF and the gazette search over 20 years (bench/gazette.ts), on its own database.
    for (const l of await benchGazette()) line(...l);
    for (const l of await benchAssessment()) line(...l);
    for (const l of await benchMonitor()) line(...l);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
