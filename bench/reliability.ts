// `npm run bench:reliability`: 1,000 public 依申请公开 submissions (each with its form's idempotency
// key, retried by the client until acknowledged) while the app and its database are killed with
// kill -9; then every acknowledged submission must exist exactly once, with the 受理编号 it was given.
// The app runs as an operator runs it: `npm start` (embedded PostgreSQL), restarted when it dies, as a
// process manager would; the app itself restarts a killed database. Prints the numbers and PASS/FAIL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { freePort } from '../src/core/testing/net.ts';
import { embeddedUrl, readPostmasterPid } from '../src/core/db/embedded.ts';
import { clientAddress, openApplyForm, submitOnce, type ApplyForm } from '../src/modules/requests/testing/public-submitter.ts';

const SUBMISSIONS = Number(process.env.RELIABILITY_SUBMISSIONS || 1000);
const CONCURRENCY = Number(process.env.RELIABILITY_CONCURRENCY || 8);
/** Kills at these shares of acknowledged submissions: what is killed each time. */
const KILLS: [number, 'app' | 'database' | 'both'][] = [
  [0.1, 'app'],
  [0.25, 'database'],
  [0.4, 'app'],
  [0.55, 'database'],
  [0.7, 'both'],
  [0.85, 'app'],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-reliability-'));
  fs.chmodSync(dataDir, 0o755);
  const clusterDir = path.join(dataDir, 'pg');
  const port = await freePort();
  const pgPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(pgPort),
    DATABASE_URL: '',
    TRUST_PROXY: '1', // each simulated person has an address of their own (X-Forwarded-For)
    GONGKAI_DEMO: '1',
    LOG_LEVEL: 'fatal',
    NODE_ENV: 'production',
  };
  const say = (line: string) => process.stdout.write(line + '\n');

  // The process manager: `npm start`, started again whenever it exits, until the run is over.
  let npm: ChildProcess | undefined;
  let finished = false;
  let appStarts = 0;
  let log = '';
  const startApp = () => {
    appStarts++;
    npm = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    npm.stdout!.on('data', (d) => (log += d));
    npm.stderr!.on('data', (d) => (log += d));
    npm.once('exit', () => {
      if (!finished) setTimeout(startApp, 200);
    });
  };
  const nodePid = (): number | undefined => {
    try {
      return Number(execFileSync('pgrep', ['-P', String(npm?.pid)], { encoding: 'utf8' }).trim().split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  };
  const up = () => fetch(`${base}/healthz`).then((r) => r.ok, () => false);

  say(`Gongkai reliability — ${SUBMISSIONS} submissions, ${CONCURRENCY} at a time, kill -9 of the app and of the database during the run`);
  const t0 = Date.now();
  startApp();
  while (!(await up())) {
    if (Date.now() - t0 > 300_000) throw new Error(`the app did not start:\n${log}`);
    await sleep(200);
  }
  say(`app up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const firstSubmission = Date.now();

  const stats = { attempts: 0, unavailable: 0, network: 0, refused: 0, formRetries: 0 };
  const acknowledged = new Map<string, string>(); // idempotency key → 受理编号
  const refusals: string[] = [];
  let next = 0;
  const person = async () => {
    for (let i = next++; i < SUBMISSIONS; i = next++) {
      const ip = clientAddress(i + 1);
      let form: ApplyForm | undefined;
      while (!form) {
        try {
          form = await openApplyForm(base, ip, AbortSignal.timeout(30_000));
        } catch {
          stats.formRetries++;
          await sleep(250);
        }
      }
      for (;;) {
        stats.attempts++;
        const a = await submitOnce(base, form, ip, { name: `申请人${i + 1}` }, AbortSignal.timeout(30_000));
        if (a.kind === 'acknowledged') {
          acknowledged.set(form.idempotencyKey, a.requestNo);
          break;
        }
        stats[a.kind]++;
        if (a.kind === 'refused' && refusals.length < 5) refusals.push(`${a.status}: ${a.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 200)}`);
        await sleep(a.kind === 'unavailable' ? 500 : 250);
      }
    }
  };

  // The chaos: kill -9 at set points of progress, then wait until the app answers again.
  const kills = { app: 0, database: 0 };
  const recoveries: number[] = [];
  const chaos = (async () => {
    for (const [share, what] of KILLS) {
      while (acknowledged.size < share * SUBMISSIONS) await sleep(50);
      const killedAt = Date.now();
      if (what !== 'app') {
        const server = readPostmasterPid(clusterDir);
        if (server && alive(server.pid)) {
          process.kill(server.pid, 'SIGKILL');
          kills.database++;
        }
      }
      if (what !== 'database') {
        const pid = nodePid();
        if (pid) {
          process.kill(pid, 'SIGKILL');
          kills.app++;
        }
      }
      say(`  kill -9 of the ${what === 'both' ? 'app and the database' : what} at ${acknowledged.size} acknowledged`);
      await sleep(500);
      while (!(await up())) await sleep(200);
      recoveries.push(Date.now() - killedAt);
    }
  })();

  await Promise.all(Array.from({ length: CONCURRENCY }, person));
  await chaos;
  const seconds = (Date.now() - t0) / 1000;

  // The check, in the database the app is still running on.
  const db = new pg.Client({ connectionString: embeddedUrl(clusterDir, pgPort) });
  await db.connect();
  const keys = [...acknowledged.keys()];
  const rows = (await db.query('SELECT idempotency_key, request_no FROM req_requests WHERE idempotency_key = ANY($1)', [keys])).rows as { idempotency_key: string; request_no: string }[];
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.idempotency_key, [...(byKey.get(r.idempotency_key) ?? []), r.request_no]);
  const missing = keys.filter((k) => !byKey.has(k)).length;
  const duplicated = [...byKey.values()].filter((v) => v.length > 1).length;
  const wrongNumber = keys.filter((k) => byKey.get(k)?.length === 1 && byKey.get(k)![0] !== acknowledged.get(k)).length;
  const online = Number((await db.query(`SELECT count(*)::int AS n FROM req_requests WHERE channel = 'online' AND created_at >= $1`, [new Date(firstSubmission)])).rows[0].n);
  await db.end();

  finished = true;
  const n = npm!;
  if (n.exitCode === null) {
    n.kill('SIGTERM');
    await new Promise((r) => n.once('exit', r));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });

  const ok = acknowledged.size === SUBMISSIONS && missing === 0 && duplicated === 0 && wrongNumber === 0 && online === SUBMISSIONS;
  say('');
  say(`submissions acknowledged        ${acknowledged.size} / ${SUBMISSIONS} in ${seconds.toFixed(0)} s`);
  say(`attempts                        ${stats.attempts} (503 answers ${stats.unavailable}, connection errors ${stats.network}, other refusals ${stats.refused}, form reloads ${stats.formRetries})`);
  say(`kill -9                         app ${kills.app}, database ${kills.database}; app started ${appStarts} times`);
  say(`time to answer again after kill ${recoveries.map((ms) => (ms / 1000).toFixed(1) + ' s').join(', ')}`);
  say(`in the database                 ${rows.length} rows for the acknowledged keys, ${online} online requests made during the run`);
  say(`missing / duplicated / other 受理编号   ${missing} / ${duplicated} / ${wrongNumber}`);
  for (const r of refusals) say(`  refusal: ${r}`);
  say(`${ok ? 'PASS' : 'FAIL'}  every acknowledged submission exists exactly once`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`reliability run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
