// The 互动交流 part of `npm run bench`, on an app of its own (TRUST_PROXY, so each simulated caller has
// an address of its own and the public form's rate limit applies per person, as behind a proxy):
//   - 100,000 items generated over the last year (a tenth open, a third of the closed ones published
//     with their search documents; per-unit statistics kept by the table's trigger);
//   - the public column (list, and search over varied queries) and the openness office's dashboard
//     under load at 10 connections, p95 from every response;
//   - submissions per second through the public web form (GET the form, POST it), 10 at a time.
// Every number is printed with the load average of the machine at that moment.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import autocannon from 'autocannon';
import { freePort } from '../src/core/testing/net.ts';
import { embeddedUrl } from '../src/core/db/embedded.ts';
import { hashPassword } from '../src/core/auth/password.ts';
import { shanghaiToday } from '../src/core/clock.ts';
import { buildCalendar } from '../src/core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../src/core/calendar/official-holidays.ts';
import { workdayIndex } from '../src/modules/requests/domain/workdays.ts';
import { clientAddress } from '../src/modules/requests/testing/public-submitter.ts';
import { messageSearchDocument } from '../src/modules/messages/search-document.ts';
import { formatItemNo } from '../src/modules/messages/domain/intake.ts';
import { prng } from './record-generator.ts';
import { signIn, type Line } from './requests.ts';

export const ITEMS = Number(process.env.BENCH_MESSAGES || 100_000);
const BATCH = 5_000;
const PASSWORD = 'Bench-password-2026';

const PLACES = ['鹿城镇', '东瓜镇', '吕合镇', '紫溪镇', '东华镇', '子午镇', '苍岭镇', '三街镇', '八角镇', '中山镇', '新村镇', '西舍路镇', '树苴乡', '大过口乡', '大地基乡'];
const STREETS = ['北浦路', '鹿城南路', '团结路', '阳光大道', '彝海路', '龙川路', '永安路', '兴雄路'];
const TOPICS: [kind: string, title: string, body: string][] = [
  ['complaint', '夜间施工噪音扰民', '工地连续多日夜间十一点后仍在施工，噪音很大，影响居民休息，请有关部门查处。'],
  ['help', '路灯不亮', '小区门口道路的路灯已经坏了半个多月，晚上出行很不安全，希望尽快修复。'],
  ['consult', '医保报销比例咨询', '想了解城乡居民医保在州外住院的报销比例和需要准备的材料。'],
  ['consult', '学区划分咨询', '孩子明年上小学，想咨询我们小区属于哪个学校的学区，什么时候公布招生方案。'],
  ['complaint', '占道经营', '菜市场周边摊贩长期占道经营，车辆无法通行，早晚高峰拥堵严重。'],
  ['help', '停水没有提前通知', '今天上午突然停水，事先没有任何通知，请问什么时候恢复供水。'],
  ['complaint', '物业收费不合理', '物业公司上调物业费没有召开业主大会，也没有公示收费依据。'],
  ['suggestion', '建议增加公交线路', '开发区到高铁站没有直达公交，建议增加一条公交线路方便群众出行。'],
  ['consult', '养老保险缴费咨询', '灵活就业人员养老保险今年的缴费基数是多少，可以在网上缴费吗。'],
  ['report', '违规排放污水', '一家养殖场夜间向河道排放污水，河水发黑发臭，请环保部门调查。'],
  ['help', '农村道路损坏', '村里通组道路被大车压坏，雨天泥泞无法通行，希望列入修复计划。'],
  ['suggestion', '建议公园延长开放时间', '夏季晚上散步的人很多，建议公园延长开放时间到晚上十点。'],
  ['consult', '不动产登记办理时限', '二手房过户办理不动产登记需要多少个工作日，能否网上预约。'],
  ['complaint', '出租车拒载', '晚上在火车站打车，出租车司机以路程太近为由拒载。'],
  ['help', '低保申请进度', '去年十二月提交了低保申请，到现在还没有结果，想了解办理进度。'],
  ['consult', '新能源汽车充电桩安装', '小区车位想安装充电桩，需要向哪个部门申请，物业不同意怎么办。'],
];
/** Queries of the search measurement: common and rare words, two-word queries, a phrase, a one-character word. */
export const MESSAGE_QUERIES = ['噪音', '路灯', '医保报销', '学区', '占道经营', '停水', '物业费', '公交线路', '养老保险', '污水', '紫溪镇 道路', '东瓜镇 停水', '鹿城南路', '充电桩', '出租车拒载', '不动产登记', '低保', '公园', '税', '楚雄'];

const STATES_OPEN = ['received', 'dispatched', 'handling', 'handling', 'replied', 'visiting'];

interface Row {
  no: string;
  channel: string;
  kind: string;
  title: string;
  content: string;
  name: string;
  phone: string;
  state: string;
  recv: string;
  at: string;
  unit: number | null;
  due: string;
  limit: number;
  replied: string | null;
  ontime: boolean | null;
  taken: number | null;
  closed: string | null;
  sat: string | null;
  reply: string;
  pubAt: string | null;
  doc: string | null;
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** Loads `count` items over the last year for the first site, then VACUUM ANALYZE. */
export async function generateMessages(client: pg.Client, count: number, today: string): Promise<{ ms: number; published: number; open: number }> {
  const t0 = performance.now();
  const idx = workdayIndex(buildCalendar(OFFICIAL_YEARS));
  const root = (await client.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`)).rows[0].id as string;
  const units = (await client.query(`SELECT id FROM units WHERE (root_id = $1 OR id = $1) AND type <> 'other' AND archived_at IS NULL ORDER BY id`, [root])).rows.map((r) => Number(r.id));
  await client.query(`UPDATE staff_users SET password_hash = $1, must_change_password = false WHERE username = 'gkb'`, [await hashPassword(PASSWORD)]);
  const days: string[] = [];
  for (let d = idx.add(shanghaiDayMinus(today, 370), 0); d < today; d = idx.add(d, 1)) days.push(d);
  const recent = days.slice(-20);
  const rnd = prng(20261207);
  const seqs = new Map<number, number>();
  let published = 0;
  let open = 0;
  let rows: Row[] = [];
  await client.query('DROP INDEX IF EXISTS msg_items_search_gin');
  const flush = async () => {
    if (!rows.length) return;
    const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
    await client.query(
      `INSERT INTO msg_items (root_unit_id, item_no, lookup_hash, channel, kind, title, content, caller_name, caller_phone, allow_publication, state,
         received_on, received_at, unit_id, dispatched_on, signed_on, due_on, limit_days, replied_on, reply_unit_id, replied_on_time, working_days_taken, closed_on,
         satisfaction, reply_text, published_at, public_title, public_content, public_reply, search_document)
       SELECT $1::bigint, t.no, 'bench', t.channel, t.kind, t.title, t.content, t.name, t.phone, true, t.state,
         t.recv::date, t.at::timestamptz, t.unit, CASE WHEN t.unit IS NULL THEN NULL ELSE t.recv::date END, CASE WHEN t.state IN ('received', 'dispatched') THEN NULL ELSE t.recv::date END,
         t.due::date, t.lim, t.replied::date, CASE WHEN t.replied IS NULL THEN NULL ELSE t.unit END, t.ontime, t.taken, t.closed::date,
         t.sat, t.reply, t.pubat::timestamptz, CASE WHEN t.pubat IS NULL THEN '' ELSE t.title END, CASE WHEN t.pubat IS NULL THEN '' ELSE t.content END,
         CASE WHEN t.pubat IS NULL THEN '' ELSE t.reply END, t.doc::tsvector
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[], $14::int[],
         $15::text[], $16::boolean[], $17::int[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[])
         AS t(no, channel, kind, title, content, name, phone, state, recv, at, unit, due, lim, replied, ontime, taken, closed, sat, reply, pubat, doc)`,
      [root, col('no'), col('channel'), col('kind'), col('title'), col('content'), col('name'), col('phone'), col('state'), col('recv'), col('at'), col('unit'), col('due'), col('limit'),
        col('replied'), col('ontime'), col('taken'), col('closed'), col('sat'), col('reply'), col('pubAt'), col('doc')],
    );
    rows = [];
  };
  const channels = ['mayor_mailbox', 'mayor_mailbox', 'secretary_mailbox', 'unit_mailbox', 'consult', 'hotline', 'hotline', 'hotline'];
  for (let i = 0; i < count; i++) {
    const [kind, topic, body] = TOPICS[Math.floor(rnd() * TOPICS.length)]!;
    const place = PLACES[Math.floor(rnd() * PLACES.length)]!;
    const street = STREETS[Math.floor(rnd() * STREETS.length)]!;
    const isOpen = i % 10 === 0;
    const recv = isOpen ? recent[Math.floor(rnd() * recent.length)]! : days[Math.floor(rnd() * (days.length - 15))]!;
    const year = Number(recv.slice(0, 4));
    const seq = (seqs.get(year) ?? 100_000) + 1;
    seqs.set(year, seq);
    const limit = kind === 'consult' ? 3 : kind === 'complaint' || kind === 'report' ? 15 : 7;
    const due = idx.add(recv, limit);
    const title = `${place}${street}${topic}`;
    const content = `${place}${street}附近：${body}（第${i % 97}次反映）`;
    const base = { no: formatItemNo(year, seq), channel: channels[i % channels.length]!, kind, title, content, name: `压测来电人${i}`, phone: `139${String(10_000_000 + i).slice(-8)}`, recv, at: `${recv}T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+08:00`, due, limit };
    if (isOpen) {
      open++;
      const state = STATES_OPEN[i % STATES_OPEN.length]!;
      const unit = state === 'received' ? null : units[i % units.length]!;
      const replied = state === 'replied' || state === 'visiting' ? idx.add(recv, 1) : null;
      rows.push({ ...base, state, unit, replied, ontime: replied ? replied <= due : null, taken: replied ? 1 : null, closed: null, sat: null, reply: replied ? `经核实，${topic}问题已安排处理。` : '', pubAt: null, doc: null });
    } else if (i % 20 === 1) {
      rows.push({ ...base, state: 'refused', unit: null, replied: null, ontime: null, taken: null, closed: recv, sat: null, reply: '不予受理：已进入诉讼程序', pubAt: null, doc: null });
    } else {
      const taken = 1 + Math.floor(rnd() * (limit + 3));
      const replied = idx.add(recv, taken);
      const closed = idx.add(replied, 1);
      const r = rnd();
      const sat = r < 0.8 ? 'satisfied' : r < 0.93 ? 'basically' : 'unsatisfied';
      const reply = `您反映的${place}${street}${topic}问题，我单位已于${replied}前往现场核实并处理，结果已电话告知。感谢您的监督。`;
      const pub = rnd() < 0.33;
      if (pub) published++;
      rows.push({ ...base, state: 'closed', unit: units[i % units.length]!, replied, ontime: replied <= due, taken, closed, sat, reply, pubAt: pub ? `${closed}T17:00:00+08:00` : null, doc: pub ? messageSearchDocument(title, content, reply) : null });
    }
    if (rows.length >= BATCH) await flush();
  }
  await flush();
  for (const [year, last] of seqs)
    await client.query(`INSERT INTO msg_sequences (root_unit_id, year, last_seq) VALUES ($1, $2, $3) ON CONFLICT (root_unit_id, year) DO UPDATE SET last_seq = greatest(msg_sequences.last_seq, EXCLUDED.last_seq)`, [root, year, last]);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`CREATE INDEX IF NOT EXISTS "msg_items_search_gin" ON "msg_items" USING gin ("search_document") WHERE published_at IS NOT NULL`);
  // As autovacuum would after a bulk load: statistics, and the visibility map for index-only counts.
  await client.query('VACUUM ANALYZE msg_items');
  await client.query('VACUUM ANALYZE msg_unit_stats');
  return { ms: performance.now() - t0, published, open };
}

function shanghaiDayMinus(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

interface Measured {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  load: string;
}

/** Loads the paths in turn (each connection cycles through them) and measures every response. */
async function measure(base: string, paths: string[], cookie: string, connections: number, seconds: number): Promise<Measured> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      { url: base, connections, duration: seconds, headers: cookie ? { cookie } : {}, requests: paths.map((p) => ({ method: 'GET', path: p })) },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_c, status, _b, ms) => {
      if (status !== 200) errors++;
      times.push(ms);
    });
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! : Number.NaN);
  return { rps: result.requests.average, p50: pct(50), p95: pct(95), errors: errors + result.errors, load: load() };
}

/** Public web-form submissions: `workers` people at a time, each opening the form and sending it. */
async function submissions(base: string, workers: number, seconds: number): Promise<{ perSecond: number; ok: number; errors: number; load: string }> {
  let ok = 0;
  let errors = 0;
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const worker = async () => {
    while (performance.now() < end) {
      const ip = clientAddress(100_000 + n++);
      try {
        const form = await fetch(`${base}/messages/write/mayor`, { headers: { 'x-forwarded-for': ip } });
        const html = await form.text();
        const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
        const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? crypto.randomBytes(18).toString('base64url');
        const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        const body = new URLSearchParams({ _csrf: csrf, idempotencyKey: key, kind: 'complaint', title: '小区夜间施工噪音扰民', content: '鹿城镇北浦路工地连续一周夜间十一点后仍在施工，噪音很大，影响休息。', callerName: '张三丰', callerPhone: '13912345678', callerEmail: '', allowPublication: 'no' });
        const res = await fetch(`${base}/messages/write/mayor`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': ip }, body });
        const text = await res.text();
        if (res.status === 200 && /HD-\d{4}-\d{6}/.test(text)) ok++;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { perSecond: ok / ((performance.now() - t0) / 1000), ok, errors, load: load() };
}

/** The whole messages part on an app of its own; returns the result lines for run.ts. */
export async function benchMessages(seconds: number): Promise<Line[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-messages-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', NODE_ENV: 'production', TRUST_PROXY: '1', GONGKAI_DEMO_VOLUME: 'lean', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    const t0 = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`app exited during start:\n${output}`);
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
      if (performance.now() - t0 > 180_000) throw new Error(`app did not start in 180 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const client = new pg.Client({ connectionString: embeddedUrl(path.join(dataDir, 'pg'), pgPort) });
    await client.connect();
    try {
      const gen = await generateMessages(client, ITEMS, shanghaiToday(new Date()));
      const all = (await client.query('SELECT count(*)::int AS n FROM msg_items')).rows[0].n;
      process.stdout.write(`\n互动交流: ${all} items in the database (${ITEMS} generated in ${(gen.ms / 1000).toFixed(1)} s; ${gen.published} published, ${gen.open} open); load ${load()}\n`);
    } finally {
      await client.end();
    }
    const office = await signIn(base, 'gkb');
    const list = ['/messages', '/messages?page=2', '/messages?page=50'];
    const search = MESSAGE_QUERIES.map((q) => `/messages?q=${encodeURIComponent(q)}`);
    const dash = ['/staff/messages/dashboard'];
    // Warm up, then measure one after the other.
    await measure(base, [...list, ...search.slice(0, 3)], '', 5, 2);
    await measure(base, dash, office, 5, 2);
    const r: [string, Measured, number][] = [
      ['public column list', await measure(base, list, '', 10, seconds), 50],
      ['public column search', await measure(base, search, '', 10, seconds), 50],
      ['staff dashboard', await measure(base, dash, office, 10, seconds), 100],
    ];
    for (const [label, m] of r) process.stdout.write(`${label.padEnd(22)} 10 conn: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, errors ${m.errors}; load ${m.load}\n`);
    const sub = await submissions(base, 10, seconds);
    process.stdout.write(`public form submissions: ${sub.perSecond.toFixed(1)}/s (${sub.ok} accepted, ${sub.errors} errors, 10 at a time, each GET + POST); load ${sub.load}\n`);
    return [
      ...r.map(([label, m, goal]): Line => [`messages: ${label} p95, 10 conn.`, `${m.p95} ms (load ${m.load.split(' ')[0]})`, `≤ ${goal} ms`, m.p95 <= goal && m.errors === 0]),
      ['messages: public form submissions per second', `${sub.perSecond.toFixed(1)}/s (load ${sub.load.split(' ')[0]})`, '≥ 50/s, no errors', sub.perSecond >= 50 && sub.errors === 0],
    ];
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Standalone: `node --import tsx bench/messages.ts` runs the messages part only (BENCH_SECONDS, default 10).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  try {
    const lines = await benchMessages(Number(process.env.BENCH_SECONDS || 10));
    for (const [label, value, goal, ok] of lines) process.stdout.write(`${ok === null ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${label.padEnd(44)} ${value.padEnd(24)} ${ok === null ? '' : 'goal '}${goal}\n`);
  } catch (err) {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  }
}
