// Crashes, outages and process managers, with `npm start` as an operator runs it: kill -9 of the app
// and of its database, a database stopped under load (fast and immediate shutdown), a database not yet
// up at start, SIGTERM to the npm process, and a read-only or full data directory.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../../src/core/testing/net.ts';
import { embeddedUrl, readPostmasterPid, startEmbeddedPostgres, type EmbeddedDb } from '../../src/core/db/embedded.ts';
import { clientAddress, openApplyForm, submitOnce, type Attempt } from '../../src/modules/requests/testing/public-submitter.ts';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` with this environment (as a process manager would run it). */
function npmStart(env: Record<string, string>): Started {
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', TRUST_PROXY: '1', GONGKAI_DEMO: '1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // 'exit' can come before the last output is read: wait for the pipes to close too (at most 2 s more,
  // in case a process the app started still holds them).
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      const timer = setTimeout(() => resolve(code), 2_000);
      child.once('close', () => {
        clearTimeout(timer);
        resolve(code);
      });
    }),
  );
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string, output: () => string): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The node process under `npm start` (npm execs it, so it is npm's only child). */
function nodeUnder(npm: ChildProcess): number {
  const pids = execFileSync('pgrep', ['-P', String(npm.pid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
  assert.equal(pids.length, 1, 'npm start runs node directly (exec), with no shell between');
  return pids[0]!;
}

const status = (url: string) => fetch(url, { headers: { accept: 'text/html' } }).then((r) => r.status, () => 0);

describe('recovery and shutdown', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-recovery-'));
  fs.chmodSync(base, 0o755);
  const running: ChildProcess[] = [];
  const servers: EmbeddedDb[] = [];
  after(async () => {
    for (const c of running) {
      if (c.exitCode !== null) continue;
      const children = spawnSync('pgrep', ['-P', String(c.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
      for (const pid of children) process.kill(Number(pid), 'SIGKILL'); // node under npm
      c.kill('SIGKILL');
    }
    for (const s of servers) await s.stop().catch(() => {});
    for (const dir of fs.readdirSync(base)) {
      const left = readPostmasterPid(path.join(base, dir, 'pg'));
      if (left && alive(left.pid)) process.kill(left.pid, 'SIGQUIT');
    }
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('embedded: survives kill -9 of the app and of its database, and stops everything on SIGTERM to npm', async () => {
    const dataDir = path.join(base, 'embedded');
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) };
    const first = npmStart(env);
    running.push(first.child);
    await waitFor(() => /已启动/.test(first.output()), 180_000, 'first start', first.output);
    const clusterDir = path.join(dataDir, 'pg');
    const server1 = readPostmasterPid(clusterDir)!;

    // kill -9 of the app: its PostgreSQL keeps running alone.
    process.kill(nodeUnder(first.child), 'SIGKILL');
    await first.exited;
    assert.ok(alive(server1.pid), 'the server outlived the app');

    const second = npmStart(env);
    running.push(second.child);
    await waitFor(() => /已启动|启动失败/.test(second.output()), 120_000, 'second start', second.output);
    assert.match(second.output(), new RegExp(`遗留的内置 PostgreSQL 仍在运行（PID ${server1.pid}，端口 ${env.EMBEDDED_PG_PORT}`));
    assert.doesNotMatch(second.output(), /undefined|启动失败/);
    assert.equal(alive(server1.pid), false);
    assert.equal(await status(`http://127.0.0.1:${port}/`), 200);

    // kill -9 of the database under the running app: pages answer 503 meanwhile, then the app starts it again.
    const server2 = readPostmasterPid(clusterDir)!;
    process.kill(server2.pid, 'SIGKILL');
    await waitFor(() => /内置 PostgreSQL 已重新启动/.test(second.output()), 90_000, 'database restarted by the app', second.output);
    await waitFor(async () => (await status(`http://127.0.0.1:${port}/`)) === 200, 30_000, 'pages again', second.output);
    const server3 = readPostmasterPid(clusterDir)!;
    assert.notEqual(server3.pid, server2.pid);

    // SIGTERM to npm (what a process manager sends): node and PostgreSQL stop, the lock is released.
    const node = nodeUnder(second.child);
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.output());
    await waitFor(() => !alive(node) && !alive(server3.pid), 30_000, 'node and PostgreSQL to stop', second.output);
    assert.match(second.output(), /收到 SIGTERM[\s\S]*已停止/);
    assert.equal(fs.existsSync(path.join(dataDir, 'gongkai.lock')), false);
    assert.equal(fs.existsSync(path.join(clusterDir, 'postmaster.pid')), false, 'PostgreSQL shut down cleanly');
  });

  let stopLoad = () => {};
  after(() => stopLoad());

  it('external database: waits for it at start, answers 503 while it is stopped under load, recovers, and stops cleanly on SIGTERM', async () => {
    const clusterDir = path.join(base, 'external', 'pg');
    const pgPort = await freePort();
    const port = await freePort();
    const app = `http://127.0.0.1:${port}`;
    const url = embeddedUrl(clusterDir, pgPort);
    // Create the cluster first: a new cluster answers with a one-time initdb password until its own is set,
    // which an app already waiting for it would meet as a wrong password. An external server is set up.
    await (await startEmbeddedPostgres({ clusterDir, port: pgPort })).stop();
    // The app starts before its database is up: it waits, saying for what.
    const started = npmStart({ DATABASE_URL: url, PORT: String(port) });
    running.push(started.child);
    await waitFor(() => /正在等待数据库 127\.0\.0\.1:\d+\/postgres（[^）]+），\d+ 秒后第 2 次尝试/.test(started.output()), 60_000, 'the waiting message', started.output);
    let db = await startEmbeddedPostgres({ clusterDir, port: pgPort });
    servers.push(db);
    await waitFor(() => /已启动/.test(started.output()), 180_000, 'start once the database is up', started.output);
    assert.match(started.output(), /已可以连接/);

    // Load: people submitting and reading while the database goes away (fast, then immediate shutdown).
    let n = 0;
    const seen: Attempt['kind'][] = [];
    let loading = true;
    stopLoad = () => (loading = false);
    const load = (async () => {
      while (loading) {
        const ip = clientAddress(++n);
        try {
          const form = await openApplyForm(app, ip);
          seen.push((await submitOnce(app, form, ip)).kind);
        } catch {
          seen.push('unavailable');
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    })();
    for (const signal of ['SIGINT', 'SIGQUIT'] as const) {
      // pg_ctl stop -m fast sends SIGINT to the postmaster, -m immediate SIGQUIT (pg_ctl refuses to run as root).
      await new Promise((r) => setTimeout(r, 1500));
      const probeIp = clientAddress(300_000 + n);
      const probe = await openApplyForm(app, probeIp);
      const pid = readPostmasterPid(clusterDir)!.pid;
      process.kill(pid, signal);
      await waitFor(() => !alive(pid), 30_000, 'the database to stop', started.output);
      // A page that needs the database (public pages may come from the page cache meanwhile).
      const page = await submitOnce(app, probe, probeIp);
      assert.equal(page.kind, 'unavailable', JSON.stringify(page).slice(0, 500));
      assert.ok(page.kind === 'unavailable');
      assert.equal(page.retryAfter, '10');
      assert.match(page.body, /服务暂时不可用，请稍后再试/);
      const api = await fetch(`${app}/api/v1/requests/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress(200_000 + n) },
        body: JSON.stringify({ requestNo: 'YSQ-2026-000001', lookupCode: 'ABCDEFGHJK' }),
      });
      assert.equal(api.status, 503);
      assert.deepEqual(((await api.json()) as { error: { code: string } }).error.code, 'service_unavailable');
      servers.splice(servers.indexOf(db), 1);
      await db.stop().catch(() => {});
      db = await startEmbeddedPostgres({ clusterDir, port: pgPort });
      servers.push(db);
      await waitFor(async () => (await status(`${app}/`)) === 200, 30_000, 'recovery', started.output);
    }
    loading = false;
    await load;
    assert.equal(started.child.exitCode, null, `the app is still running:\n${started.output()}`);
    assert.ok(seen.includes('acknowledged'), seen.join(','));
    assert.doesNotMatch(started.output(), /Unhandled 'error' event|uncaughtException/);

    // SIGTERM to npm: node runs its own stop to the end (no dependency's signal hook exits it first).
    const node = nodeUnder(started.child);
    started.child.kill('SIGTERM');
    assert.equal(await started.exited, 0, started.output());
    await waitFor(() => !alive(node), 30_000, 'node to stop', started.output);
    // Nothing between the two lines (a background job cut short by the pool closing would log there).
    const tail = started.output().slice(started.output().lastIndexOf('收到 SIGTERM') - 1);
    assert.match(tail, /^\n?收到 SIGTERM，正在停止（等待处理中的请求完成）……\n已停止。\n$/);
  });

  describe('a data directory that cannot be written', () => {
    const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
    const mounts: string[] = [];
    after(() => {
      for (const m of mounts) spawnSync('umount', [m]);
    });
    const mount = (opts: string) => {
      const dir = fs.mkdtempSync(path.join(base, 'mnt-'));
      const r = spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]);
      if (r.status !== 0) return undefined;
      mounts.push(dir);
      return dir;
    };
    const startOn = async (dataDir: string) => {
      const s = npmStart({ DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) });
      running.push(s.child);
      return { code: await s.exited, out: s.output() };
    };

    it('read-only: says so in Chinese, naming the place, without a stack trace', { skip: !canMount && 'needs root to mount a read-only file system' }, async (t) => {
      const ro = mount('size=1m,ro');
      if (!ro) return t.skip('mount failed');
      const { code, out } = await startOn(path.join(ro, 'data'));
      assert.equal(code, 1);
      assert.match(out, new RegExp(`启动失败：「${ro}」 位于只读文件系统上，无法写入`));
      assert.doesNotMatch(out, /\n\s+at |Error:|undefined/);
    });

    it('full: says the disk is full and where, without a stack trace', { skip: !canMount && 'needs root to mount a small file system' }, async (t) => {
      const small = mount('size=3m,mode=755');
      if (!small) return t.skip('mount failed');
      const { code, out } = await startOn(path.join(small, 'data'));
      assert.equal(code, 1);
      assert.match(out, new RegExp(`启动失败：磁盘空间已满：无法写入内置数据库目录 ${small}/data/pg`));
      assert.doesNotMatch(out, /\n\s+at |Error:|undefined/);
    });
  });
});
