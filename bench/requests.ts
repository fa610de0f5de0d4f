// The 依申请公开 part of `npm run bench`: a generator loads 100,000 requests (with their clock ledgers)
// into the running app's database in SQL batches, then the handler dashboard and the city's overdue
// list are loaded with autocannon (p95 measured from every response). (Due-date computations per
// second are measured in run.ts.)
import crypto from 'node:crypto';
import pg from 'pg';
import autocannon from 'autocannon';
import { hashPassword } from '../src/core/auth/password.ts';
import { embeddedUrl } from '../src/core/db/embedded.ts';
import { shanghaiToday } from '../src/core/clock.ts';
import { buildCalendar } from '../src/core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../src/core/calendar/official-holidays.ts';
import { workdayIndex } from '../src/modules/requests/domain/workdays.ts';

export const REQUESTS = Number(process.env.BENCH_REQUESTS || 100_000);
const BATCH = 5_000;
const PASSWORD = 'Bench-password-2026';

/** A result line for run.ts: label, value, goal, passed. */
/** ok null: shown for information only (no goal). */
export type Line = [label: string, value: string, goal: string, ok: boolean | null];

interface Row {
  no: string;
  unit: number;
  handler: number | null;
  state: string;
  recv: string;
  name: string;
  idno: string;
  phone: string;
  akey: string;
  descr: string;
  outcome: string | null;
  basis: string | null;
  replied: string | null;
  due: string | null;
  cs: string;
  ontime: boolean | null;
  taken: number | null;
}

const TOPICS = ['部门预算', '部门决算', '政府采购项目', '专项资金分配', '征地补偿方案', '建设项目环评审批', '行政处罚决定', '城乡低保名单', '道路建设资金', '债券资金使用情况'];
const OUTCOMES: [string, string][] = [
  ['disclose', '《中华人民共和国政府信息公开条例》第三十六条第（二）项'],
  ['partial', '《中华人民共和国政府信息公开条例》第三十七条'],
  ['unable_1', '《中华人民共和国政府信息公开条例》第三十六条第（四）项'],
  ['withhold_6', '《中华人民共和国政府信息公开条例》第十六条第二款'],
];

/** A small deterministic PRNG, so every run loads the same data. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Loads `count` requests: 20% open (a fifth of them overdue), the rest replied, spread over the site's units. */
export async function generateRequests(client: pg.Client, count: number, today: string): Promise<{ handlerId: number; ms: number }> {
  const t0 = performance.now();
  const idx = workdayIndex(buildCalendar(OFFICIAL_YEARS));
  const root = (await client.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`)).rows[0].id as string;
  const units = (await client.query(`SELECT id, slug FROM units WHERE (root_id = $1 OR id = $1) AND type <> 'other' AND archived_at IS NULL ORDER BY id`, [root])).rows as { id: string; slug: string }[];
  const finance = units.find((u) => u.slug === 'finance') ?? units[0]!;
  const hash = await hashPassword(PASSWORD);
  const handler = await client.query(
    `INSERT INTO staff_users (username, display_name, unit_id, roles, password_hash, must_change_password)
     VALUES ('bench_handler', '压测承办人', $1, '{editor}', $2, false)
     ON CONFLICT (lower(username)) DO UPDATE SET password_hash = EXCLUDED.password_hash, must_change_password = false RETURNING id`,
    [finance.id, hash],
  );
  const handlerId = Number(handler.rows[0].id);
  await client.query(`UPDATE staff_users SET password_hash = $1, must_change_password = false WHERE username = 'gkb'`, [hash]);
  // Working days from 2025-01-02 up to yesterday: the receipt dates.
  const days: string[] = [];
  for (let d = '2025-01-01'; ; ) {
    d = idx.add(d, 1);
    if (d >= today) break;
    days.push(d);
  }
  const rnd = prng(20261126);
  const seq = new Map<string, number>();
  let rows: Row[] = [];
  const flush = async () => {
    if (!rows.length) return;
    const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
    await client.query(
      `WITH ins AS (
         INSERT INTO req_requests (root_unit_id, request_no, lookup_hash, unit_id, handler_id, state, channel, receipt_facts, received_on, receipt_basis,
           applicant_kind, applicant_name, id_type, id_number, phone, applicant_key, info_description, info_key, forms, delivery,
           outcome, legal_basis, replied_on, closed_on, due_on, clock_status, replied_on_time, working_days_taken, remedy_text)
         SELECT $1::bigint, t.no, 'bench', t.unit, t.handler, t.state, 'online', jsonb_build_object('submittedOn', t.recv, 'confirmedOn', t.recv), t.recv::date,
           '第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日',
           'person', t.name, 'other', t.idno, t.phone, t.akey, t.descr, t.descr, '{electronic}', 'download',
           t.outcome, coalesce(t.basis, ''), t.replied::date, t.replied::date, t.due::date, t.cs, t.ontime, t.taken,
           CASE WHEN t.outcome IS NULL THEN '' ELSE '如对本答复不服，可以自收到本告知书之日起60日内向楚雄市人民政府申请行政复议，或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼。' END
         FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::boolean[], $18::int[])
           AS t(no, unit, handler, state, recv, name, idno, phone, akey, descr, outcome, basis, replied, due, cs, ontime, taken)
         RETURNING id, received_on, replied_on)
       INSERT INTO req_events (request_id, seq, kind, "on", event, actor_name)
       SELECT id, 1, 'received', received_on, jsonb_build_object('kind', 'received', 'on', received_on), '系统' FROM ins
       UNION ALL
       SELECT id, 2, 'replied', replied_on, jsonb_build_object('kind', 'replied', 'on', replied_on), '系统' FROM ins WHERE replied_on IS NOT NULL`,
      [
        root,
        col('no'),
        col('unit'),
        col('handler'),
        col('state'),
        col('recv'),
        col('name'),
        col('idno'),
        col('phone'),
        col('akey'),
        col('descr'),
        col('outcome'),
        col('basis'),
        col('replied'),
        col('due'),
        col('cs'),
        col('ontime'),
        col('taken'),
      ],
    );
    rows = [];
  };
  const recent = days.slice(-25);
  for (let i = 0; i < count; i++) {
    const unit = units[i % units.length]!;
    const open = i % 5 === 0;
    // Open: received in the last 25 working days (those older than 20 are overdue); closed: any day.
    const recv = open ? recent[Math.floor(rnd() * recent.length)]! : days[Math.floor(rnd() * (days.length - 20))]!;
    const year = recv.slice(0, 4);
    const n = (seq.get(year) ?? 500_000) + 1;
    seq.set(year, n);
    const due = idx.add(recv, 20);
    // The bench handler holds every tenth request of the finance bureau.
    const handler = unit.id === finance.id && Math.floor(i / units.length) % 10 === 0 ? handlerId : null;
    const base = {
      no: `YSQ-${year}-${String(n).padStart(6, '0')}`,
      unit: Number(unit.id),
      handler,
      recv,
      name: `压测申请人${i}`,
      idno: `BENCH${String(i).padStart(8, '0')}`,
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      akey: crypto.createHash('sha256').update(`bench:${i % 30_000}`).digest('hex'),
      descr: `${Number(year) - 1}年${TOPICS[i % TOPICS.length]}（第${i % 97}项）`,
    };
    if (open) {
      rows.push({ ...base, state: 'processing', outcome: null, basis: null, replied: null, due, cs: 'running', ontime: null, taken: null });
    } else {
      const taken = 3 + Math.floor(rnd() * 20);
      const replied = idx.add(recv, taken);
      const [outcome, basis] = OUTCOMES[i % OUTCOMES.length]!;
      rows.push({ ...base, state: i % 3 === 0 ? 'archived' : 'replied', outcome, basis, replied, due, cs: 'closed', ontime: replied <= due, taken });
    }
    if (rows.length >= BATCH) await flush();
  }
  await flush();
  // As autovacuum would after a bulk load: statistics, and the visibility map for index-only counts.
  await client.query('VACUUM ANALYZE req_requests');
  await client.query('VACUUM ANALYZE req_events');
  return { handlerId, ms: performance.now() - t0 };
}

/** Signs in through the sign-in form and returns the session cookie header. */
export async function signIn(base: string, username: string): Promise<string> {
  const page = await fetch(`${base}/staff/login`);
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('no CSRF token on the sign-in page');
  const res = await fetch(`${base}/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: token, username, password: PASSWORD }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const all = [...cookies, ...res.headers.getSetCookie().map((c) => c.split(';')[0]!)];
  const byName = new Map(all.map((c) => [c.slice(0, c.indexOf('=')), c]));
  return [...byName.values()].join('; ');
}

export interface Measured {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** Loads one URL with a signed-in cookie and measures every response's latency. */
export async function measure(url: string, cookie: string, connections: number, seconds: number): Promise<Measured> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url, connections, duration: seconds, headers: { cookie } }, (err, res) => (err ? reject(err) : resolve(res)));
    inst.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors++;
      times.push(ms);
    });
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! : Number.NaN);
  return { requests: times.length, rps: result.requests.average, p50: pct(50), p95: pct(95), p99: pct(99), errors: errors + result.errors };
}

/** The whole requests part against a running app (base URL) and its database; returns the result lines. */
export async function benchRequests(base: string, databaseUrl: string, seconds: number): Promise<Line[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const today = shanghaiToday(new Date());
  let gen;
  try {
    gen = await generateRequests(client, REQUESTS, today);
    const counts = (await client.query(`SELECT count(*)::int AS all, count(*) FILTER (WHERE handler_id = $1)::int AS mine,
      count(*) FILTER (WHERE clock_status = 'running' AND due_on < $2)::int AS overdue FROM req_requests`, [gen.handlerId, today])).rows[0];
    process.stdout.write(
      `\n依申请公开: ${counts.all} requests in the database (${REQUESTS} generated in ${(gen.ms / 1000).toFixed(1)} s); bench handler holds ${counts.mine}; ${counts.overdue} overdue\n`,
    );
  } finally {
    await client.end();
  }
  const handlerCookie = await signIn(base, 'bench_handler');
  const officeCookie = await signIn(base, 'gkb');
  const dashboard = `${base}/staff/requests?scope=mine`;
  const overdue = `${base}/staff/requests?scope=city&due=overdue`;
  // Warm up both pages, then measure one after the other.
  await measure(dashboard, handlerCookie, 5, 2);
  await measure(overdue, officeCookie, 5, 2);
  const results: [string, Measured, number][] = [];
  for (const connections of [10, 50]) {
    results.push(['handler dashboard', await measure(dashboard, handlerCookie, connections, seconds), connections]);
    results.push(['overdue list (city)', await measure(overdue, officeCookie, connections, seconds), connections]);
  }
  for (const [label, m, c] of results) {
    process.stdout.write(`${label.padEnd(20)} ${String(c).padStart(2)} conn: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, errors ${m.errors}\n`);
  }
  // The goal is met under load at 10 concurrent connections (a city's handling staff all at once). At
  // 50 the two cores (app, PostgreSQL and autocannon together) are saturated: p95 there is queueing
  // time, so those lines report throughput without a goal.
  return results.map(([label, m, c]): Line =>
    c === 10
      ? [`requests: ${label} p95, ${c} conn.`, `${m.p95} ms`, '≤ 100 ms', m.p95 <= 100 && m.errors === 0]
      : [`requests: ${label} p95, ${c} conn.`, `${m.p95} ms`, `saturated: ${m.rps.toFixed(0)} req/s, errors ${m.errors}`, null],
  );
}

// Standalone: `node --import tsx bench/requests.ts` starts the app (src/main.ts) on a fresh embedded
// database in a temporary data directory, runs the requests part only and stops the app.
// BENCH_SECONDS (default 10) sets the length of each load; BENCH_APP_NODE_ARGS passes node flags to
// the app (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  const { spawn } = await import('node:child_process');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { freePort } = await import('../src/core/testing/net.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-requests-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const t0 = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`app exited during start:\n${output}`);
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
      if (performance.now() - t0 > 120_000) throw new Error(`app did not start in 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const lines = await benchRequests(base, embeddedUrl(path.join(dataDir, 'pg'), pgPort), Number(process.env.BENCH_SECONDS || 10));
    for (const [label, value, goal, ok] of lines) process.stdout.write(`${ok === null ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${label.padEnd(44)} ${value.padEnd(24)} ${ok === null ? '' : 'goal '}${goal}\n`);
    await stop();
  } catch (err) {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    await stop();
    process.exit(1);
  }
}
