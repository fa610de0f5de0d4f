// `npm start` as a user runs it: embedded PostgreSQL in DATA_DIR, demo data, the sign-in hint, a
// refused second start on the same data directory, and a clean stop on Ctrl-C.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/core/testing/net.ts';
import { spawn, type ChildProcess } from 'node:child_process';


function start(dataDir: string, port: number, pgPort: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // The lean demo: this journey is about the data directory, the lock and stopping; the full demo
    // city that a plain `npm start` loads is checked in test/demo-city.test.ts.
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', DATABASE_URL: '', GONGKAI_DEMO_VOLUME: 'lean' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean, ms: number, what: string, output: () => string): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-start-'));
  fs.chmodSync(dataDir, 0o755);
  const running: ChildProcess[] = [];
  after(() => {
    for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh data directory, refuses a second start, and stops cleanly', async () => {
    const port = await freePort();
    const pgPort = await freePort();
    const first = start(dataDir, port, pgPort);
    running.push(first.child);
    await waitFor(() => /初始密码/.test(first.output()), 60_000, 'start', first.output);
    const out = first.output();
    assert.match(out, new RegExp(`http://127\\.0\\.0\\.1:${port}/`));
    assert.match(out, /演示账号：admin/);
    assert.match(out, /初始密码（各演示账号相同）：[A-Za-z0-9]{16}/);
    assert.ok(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION')), 'the database lives under DATA_DIR/pg');
    const home = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /楚雄市财政局|市财政局/);

    const second = start(dataDir, await freePort(), await freePort());
    running.push(second.child);
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /数据目录 .* 正由另一个 Gongkai 进程（PID \d+）使用/);

    first.child.kill('SIGINT');
    assert.equal(await first.exited, 0);
    assert.match(first.output(), /已停止/);
    assert.equal(fs.existsSync(path.join(dataDir, 'gongkai.lock')), false, 'lock released');

    // A later start reuses the data: the same initial password, no second seeding.
    const again = start(dataDir, port, pgPort);
    running.push(again.child);
    await waitFor(() => /初始密码/.test(again.output()), 30_000, 'restart', again.output);
    const pw = (o: string) => /初始密码（各演示账号相同）：(\S+)/.exec(o)?.[1];
    assert.equal(pw(again.output()), pw(out));
    again.child.kill('SIGINT');
    assert.equal(await again.exited, 0);
  });
});
