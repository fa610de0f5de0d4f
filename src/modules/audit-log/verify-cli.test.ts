// Runs `scripts/audit-verify.ts` as a child process, as an operator would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { freePort } from '../../core/testing/net.ts';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { createDb, createPool, runMigrations } from '../../core/db/index.ts';
import { resolveClusterDir, startEmbeddedPostgres, type EmbeddedDb } from '../../core/db/embedded.ts';
import { currentAuditKey, systemActor, useAuditKey, writeAudit } from '../../core/audit/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(env: Record<string, string>): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { cwd: repoRoot, env: childEnv, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}


describe('npm run audit:verify against DATABASE_URL', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  async function ids(): Promise<number[]> {
    const { rows } = await t.core.pool.query('SELECT id FROM audit_log ORDER BY id');
    return rows.map((r: { id: string | number }) => Number(r.id));
  }

  async function tamper(statement: string, params: unknown[]): Promise<void> {
    await t.core.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      await t.core.pool.query(statement, params);
    } finally {
      await t.core.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
  }

  it('reports an intact chain with its row count and exits 0', async () => {
    const n = (await ids()).length;
    assert.ok(n >= 4);
    const res = await runCli({ DATABASE_URL: t.url });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), `审计日志哈希链完整：共 ${n} 条记录`);
  });

  it('names an edited row and exits 1', async () => {
    const all = await ids();
    const target = all[2]!;
    const { rows } = await t.core.pool.query('SELECT summary FROM audit_log WHERE id = $1', [target]);
    const original = JSON.stringify(rows[0].summary);
    await tamper('UPDATE audit_log SET summary = $2::jsonb WHERE id = $1', [target, JSON.stringify({ note: '事后改动' })]);
    const res = await runCli({ DATABASE_URL: t.url });
    assert.equal(res.code, 1);
    assert.equal(res.stdout.trim(), `审计日志哈希链在第 ${target} 条记录处断裂：第 ${target} 条记录的内容与其哈希不符（该记录被改动）`);
    // Putting the content back restores the chain: the hash covers content, not storage.
    await tamper('UPDATE audit_log SET summary = $2::jsonb WHERE id = $1', [target, original]);
    assert.equal((await runCli({ DATABASE_URL: t.url })).code, 0);
  });

  it('names the row after a deleted middle row', async () => {
    const all = await ids();
    const gone = all[1]!;
    const next = all[2]!;
    await tamper('DELETE FROM audit_log WHERE id = $1', [gone]);
    const res = await runCli({ DATABASE_URL: t.url });
    assert.equal(res.code, 1);
    assert.match(res.stdout, new RegExp(`^审计日志哈希链在第 ${next} 条记录处断裂：第 ${next} 条记录的前序哈希与上一条不符`));
  });

  it('exits 2 with a message when the database cannot be reached', async () => {
    const res = await runCli({ DATABASE_URL: 'postgres://postgres:wrong@127.0.0.1:1/none' });
    assert.equal(res.code, 2);
    assert.match(res.stderr, /无法读取审计日志/);
  });
});

describe('npm run audit:verify against the embedded PostgreSQL of DATA_DIR', () => {
  let base: string;
  let dataDir: string;
  let clusterDir: string;
  let port: number;
  let server: EmbeddedDb | undefined;
  let env: Record<string, string>;
  let savedKey: Buffer | null = null;

  before(async () => {
    savedKey = currentAuditKey();
    // Rows written before the audit key existed carry plain SHA-256 and still verify.
    useAuditKey(null);
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-auditcli-'));
    fs.chmodSync(base, 0o755); // as root, the postgres user must reach the cluster
    dataDir = path.join(base, 'data');
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o755);
    clusterDir = resolveClusterDir(dataDir).clusterDir;
    port = await freePort();
    server = await startEmbeddedPostgres({ clusterDir, port });
    await runMigrations(server.url);
    const pool = createPool(server.url, 1);
    const db = createDb(pool);
    for (let i = 1; i <= 3; i++) {
      await db.transaction((tx) => writeAudit(tx, systemActor, { action: 'test.cli', targetType: 'thing', targetId: i, summary: {} }, new Date('2026-11-26T02:00:00Z')));
    }
    await pool.end();
    env = { DATABASE_URL: '', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) };
  });

  after(async () => {
    useAuditKey(savedKey);
    await server?.stop().catch(() => {});
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('connects to the running app’s database when the app holds the lock', async () => {
    const lock = path.join(dataDir, 'gongkai.lock');
    fs.writeFileSync(lock, String(process.pid)); // this test process plays the running app
    try {
      const res = await runCli(env);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(res.stdout.trim(), '审计日志哈希链完整：共 3 条记录');
      assert.equal(fs.readFileSync(lock, 'utf8'), String(process.pid), 'the app’s lock is left alone');
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });

  it('starts the stopped cluster itself, checks it, and stops it again', async () => {
    await server!.stop();
    server = undefined;
    const res = await runCli(env);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), '审计日志哈希链完整：共 3 条记录');
    assert.equal(fs.existsSync(path.join(dataDir, 'gongkai.lock')), false, 'lock released');
    assert.equal(fs.existsSync(path.join(clusterDir, 'postmaster.pid')), false, 'cluster stopped');
  });

  it('refuses to create a database where there is none', async () => {
    const empty = path.join(base, 'empty');
    fs.mkdirSync(empty);
    fs.chmodSync(empty, 0o755);
    const res = await runCli({ ...env, DATA_DIR: empty });
    assert.equal(res.code, 2);
    assert.match(res.stderr, /还没有数据库/);
    assert.equal(fs.existsSync(path.join(empty, 'pg')), false);
    assert.equal(fs.existsSync(path.join(empty, 'gongkai.lock')), false);
  });
});
