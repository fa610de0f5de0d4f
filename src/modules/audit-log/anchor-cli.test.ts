// The audit log's anchors outside the database: a keyed hash and checkpoints. Rows are deleted and
// rewritten as a database superuser would (the append-only trigger disabled), and
// `npm run audit:verify` must name them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestApp, createTestDatabase, type TestApp } from '../../core/testing/index.ts';
import { createDb, createPool } from '../../core/db/index.ts';
import { auditHash, currentAuditKey, systemActor, useAuditKey, verifyAuditChain, writeAudit, type HashedFields } from '../../core/audit/index.ts';
import { AuditKeyError, loadAuditKey } from '../../core/audit/anchor.ts';
import { buildApp } from '../../app.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function runCli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { cwd: repoRoot, env: childEnv, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

const at = new Date('2026-11-26T02:00:00Z');

describe('audit log anchored outside the database', () => {
  let t: TestApp;
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    t = await createTestApp({ seed: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-anchor-'));
    env = { DATABASE_URL: t.url, AUDIT_KEY_FILE: t.config.auditKeyFile, AUDIT_ANCHOR_DIR: path.join(dir, 'anchor') };
    for (let i = 1; i <= 5; i++) {
      await t.core.db.transaction((tx) => writeAudit(tx, systemActor, { action: 'test.anchor', targetType: 'thing', targetId: i, summary: { n: i } }, at));
    }
  });
  after(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function ids(): Promise<number[]> {
    return (await t.core.pool.query('SELECT id FROM audit_log ORDER BY id')).rows.map((r: { id: string }) => Number(r.id));
  }

  /** As a superuser: the append-only trigger switched off for one statement. */
  async function tamper(statement: string, params: unknown[]): Promise<void> {
    await t.core.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      await t.core.pool.query(statement, params);
    } finally {
      await t.core.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
  }

  it('keeps the key in an owner-only file and only its fingerprint in the database', async () => {
    const mode = fs.statSync(t.config.auditKeyFile).mode & 0o777;
    assert.equal(mode, 0o600);
    const key = fs.readFileSync(t.config.auditKeyFile, 'utf8').trim();
    const secrets = (await t.core.pool.query('SELECT value FROM app_secrets')).rows.map((r: { value: string }) => r.value);
    assert.ok(!secrets.some((v) => v.includes(key)));
  });

  it('verifies, then appends a checkpoint of (count, newest id, hash) outside the table', async () => {
    const n = (await ids()).length;
    const res = await runCli(env);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.equal(res.stdout.trim(), `审计日志哈希链完整：共 ${n} 条记录`);
    const files = fs.readdirSync(env.AUDIT_ANCHOR_DIR!);
    assert.equal(files.length, 1);
    const lines = fs.readFileSync(path.join(env.AUDIT_ANCHOR_DIR!, files[0]!), 'utf8').trim().split('\n');
    const cp = JSON.parse(lines.at(-1)!);
    const all = await ids();
    const head = (await t.core.pool.query('SELECT hash FROM audit_log WHERE id = $1', [all.at(-1)])).rows[0].hash;
    assert.deepEqual({ count: cp.count, lastId: cp.lastId, head: cp.head }, { count: n, lastId: all.at(-1), head });
  });

  it('names the newest row rewritten with its hash recomputed (without the key)', async () => {
    const all = await ids();
    const newest = all.at(-1)!;
    const r = (await t.core.pool.query('SELECT * FROM audit_log WHERE id = $1', [newest])).rows[0];
    const forged: HashedFields = {
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      unitId: r.unit_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      summary: { n: 999 },
      ip: r.ip,
      requestId: r.request_id,
    };
    // Plain SHA-256, as the chain used before: what someone holding only the database can compute.
    await tamper('UPDATE audit_log SET summary = $2::jsonb, hash = $3 WHERE id = $1', [newest, JSON.stringify({ n: 999 }), auditHash(r.prev_hash, forged, null)]);
    const res = await runCli(env);
    assert.equal(res.code, 1);
    const lines = res.stdout.trim().split('\n');
    assert.equal(lines[0], `审计日志哈希链在第 ${newest} 条记录处断裂：第 ${newest} 条记录的内容与其哈希不符（该记录被改动）`);
    assert.match(lines[1]!, new RegExp(`^审计日志与库外检查点不符：第 ${newest} 条记录与检查点（.*）不符：其哈希已被改写`));
    // Put back as it was: intact again.
    await tamper('UPDATE audit_log SET summary = $2::jsonb, hash = $3 WHERE id = $1', [newest, JSON.stringify(r.summary), r.hash]);
    assert.equal((await runCli(env)).code, 0);
  });

  it('names the newest rows deleted, which the chain alone cannot see', async () => {
    const all = await ids();
    const [a, b] = all.slice(-2) as [number, number];
    await tamper('DELETE FROM audit_log WHERE id >= $1', [a]);
    // The chain of what remains is intact ...
    assert.equal((await verifyAuditChain(t.core.db)).ok, true);
    // ... but the checkpoint remembers the rows.
    const res = await runCli(env);
    assert.equal(res.code, 1);
    assert.equal(res.stdout.trim().split('\n')[0], `审计日志哈希链完整：共 ${all.length - 2} 条记录`);
    assert.match(res.stdout, new RegExp(`审计日志与库外检查点不符：检查点（.*）记录的最新记录为第 ${b} 条，现表中最新只到第 ${a - 1} 条：第 ${a}–${b} 条中有记录被删除（缺少 2 条）`));
  });

  it('refuses to start with another key than the one the log was signed with', async () => {
    const other = path.join(dir, 'other.key');
    fs.writeFileSync(other, 'ab'.repeat(32) + '\n', { mode: 0o600 });
    await assert.rejects(
      buildApp({ config: { ...t.config, auditKeyFile: other }, databaseUrl: t.url, logger: false, poolSize: 1 }),
      (err: Error) => err instanceof AuditKeyError && /不是数据库审计日志所用的密钥/.test(err.message),
    );
    await assert.rejects(
      buildApp({ config: { ...t.config, auditKeyFile: path.join(dir, 'missing.key') }, databaseUrl: t.url, logger: false, poolSize: 1 }),
      (err: Error) => err instanceof AuditKeyError && /审计日志密钥文件 .*missing\.key 不存在/.test(err.message),
    );
    // The failed starts did not replace the key in use.
    assert.deepEqual(await loadAuditKey(t.core.db, t.config), currentAuditKey());
  });
});

describe('switching an existing chain from SHA-256 to the keyed hash', () => {
  it('verifies old rows with SHA-256 up to the first keyed row, and refuses an unkeyed row after it', async () => {
    const database = await createTestDatabase();
    const pool = createPool(database.url, 1);
    const db = createDb(pool);
    const saved = currentAuditKey();
    try {
      const write = (i: number) => db.transaction((tx) => writeAudit(tx, systemActor, { action: 'test.switch', targetType: 'thing', targetId: i, summary: {} }, at));
      useAuditKey(null);
      await write(1);
      await write(2);
      useAuditKey(Buffer.alloc(32, 7));
      await write(3);
      await write(4);
      assert.deepEqual(await verifyAuditChain(db), { ok: true, count: 4 });
      // Without the key the keyed rows cannot be verified.
      assert.equal((await verifyAuditChain(db, 5000, null)).ok, false);
      // An unkeyed row after the switch (someone without the key appending) breaks the chain.
      useAuditKey(null);
      await write(5);
      const r = await verifyAuditChain(db, 5000, Buffer.alloc(32, 7));
      assert.equal(r.ok, false);
      assert.equal(r.ok ? 0 : r.count, 5);
    } finally {
      useAuditKey(saved);
      await pool.end();
      await database.drop();
    }
  });
});
