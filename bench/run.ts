// `npm run bench`: measures the foundation's performance goals in one run and prints ratios.
// Starts the real app (src/main.ts) on a fresh embedded database, twice (first start with initdb,
// then a later start), loads it with autocannon on 127.0.0.1 only, and reads the app's RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/core/testing/net.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;


interface Running {
  child: ChildProcess;
  startMs: number;
  base: string;
}

async function startApp(dataDir: string, port: number, pgPort: number): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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

function line(label: string, value: string, goal: string, ok: boolean): void {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${label.padEnd(44)} ${value.padEnd(24)} goal ${goal}\n`);
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
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
