// The embedded PostgreSQL as the app starts it: a password of its own per cluster (0600), an older
// cluster's fixed password replaced, a server left running by a killed app stopped first, and a failed
// start explained instead of "undefined".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { freePort } from '../testing/net.ts';
import { LEGACY_PASSWORD, passwordFile, readPostmasterPid, startEmbeddedPostgres, type EmbeddedDb } from './embedded.ts';

async function canConnect(port: number, password: string): Promise<boolean | string> {
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.end();
    return true;
  } catch (err) {
    return (err as { code?: string }).code === '28P01' ? false : String(err);
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

describe('embedded PostgreSQL', () => {
  let base: string;
  let clusterDir: string;
  let port: number;
  let server: EmbeddedDb | undefined;
  before(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-embedded-'));
    fs.chmodSync(base, 0o755);
    clusterDir = path.join(base, 'pg');
    port = await freePort();
  });
  after(async () => {
    await server?.stop().catch(() => {});
    const left = readPostmasterPid(clusterDir);
    if (left && alive(left.pid)) process.kill(left.pid, 'SIGQUIT');
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('gives a new cluster a generated password kept in an owner-only file; the old fixed one is refused', async () => {
    server = await startEmbeddedPostgres({ clusterDir, port });
    const file = passwordFile(clusterDir);
    // eslint-disable-next-line no-bitwise
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const password = fs.readFileSync(file, 'utf8').trim();
    assert.match(password, /^[0-9a-f]{48}$/);
    assert.equal(server.url, `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
    assert.equal(await canConnect(port, password), true);
    assert.equal(await canConnect(port, LEGACY_PASSWORD), false);
    await server.stop();
    server = undefined;
  });

  it('explains a start that fails (the port taken) instead of printing undefined', async () => {
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await assert.rejects(startEmbeddedPostgres({ clusterDir, port }), (err: Error) => {
        assert.match(err.message, new RegExp(`端口 ${port} 已被其他程序占用`));
        assert.doesNotMatch(err.message, /undefined/);
        return true;
      });
    } finally {
      blocker.close();
    }
  });

  it('stops a server left running by a killed app, says so, and starts', async () => {
    // A process that starts the server and is then killed with SIGKILL, as kill -9 of the app does.
    const script = `import { startEmbeddedPostgres } from './src/core/db/embedded.ts';
      await startEmbeddedPostgres({ clusterDir: ${JSON.stringify(clusterDir)}, port: ${port} });
      process.stdout.write('ready\\n'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`helper exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = readPostmasterPid(clusterDir)!;
    assert.ok(left && alive(left.pid), 'the server outlives the killed app');
    assert.equal(left.port, port);

    const said: string[] = [];
    server = await startEmbeddedPostgres({ clusterDir, port, say: (l) => said.push(l) });
    assert.match(said.join('\n'), new RegExp(`遗留的内置 PostgreSQL 仍在运行（PID ${left.pid}，端口 ${port}`));
    assert.match(said.join('\n'), /已停止/);
    assert.equal(alive(left.pid), false);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    assert.equal((await client.query('SELECT 1 AS one')).rows[0].one, 1);
    await client.end();
    await server.stop();
    server = undefined;
  });

  it('replaces the fixed password of a cluster created before passwords were generated', async () => {
    // Put the cluster back as older versions left it: the fixed password and no password file.
    server = await startEmbeddedPostgres({ clusterDir, port });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`ALTER ROLE postgres PASSWORD '${LEGACY_PASSWORD}'`);
    await admin.end();
    await server.stop();
    fs.rmSync(passwordFile(clusterDir));

    server = await startEmbeddedPostgres({ clusterDir, port });
    const password = fs.readFileSync(passwordFile(clusterDir), 'utf8').trim();
    assert.notEqual(password, LEGACY_PASSWORD);
    assert.equal(await canConnect(port, password), true);
    assert.equal(await canConnect(port, LEGACY_PASSWORD), false, 'the fixed password no longer opens it');
    await server.stop();
    server = undefined;
  });
});
