// Backs up a running app (data and uploaded files) with `npm run backup` while it writes, restores the
// archive elsewhere with `npm run restore`, starts an app on the copy and compares every table and file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/core/config/index.ts';
import { createTestDatabase } from '../../src/core/testing/index.ts';
import { fileStorage } from '../../src/core/files/storage.ts';
import { systemActor, verifyAuditChain, writeAudit } from '../../src/core/audit/index.ts';
import { runLapses, runReminders } from '../../src/modules/requests/index.ts';
import { runMessageReminders } from '../../src/modules/messages/index.ts';
import { acquireDataDirLock, resolveClusterDir, startEmbeddedPostgres, type EmbeddedDb } from '../../src/core/db/embedded.ts';
import { freePort } from '../../src/core/testing/net.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: repoRoot, env: childEnv, timeout: 240_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

/** An empty database (no migrations), as an operator creates for a restore. */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `gk_restore_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** Each table's rows as a digest (and count), to compare two databases. */
async function tableDigests(url: string, where: Record<string, string> = {}): Promise<Map<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.t);
    const out = new Map<string, string>();
    for (const t of tables) {
      const r = await c.query<{ n: string; d: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS d FROM "${t}" x ${where[t] ?? ''}`,
      );
      out.set(t, `${r.rows[0]!.n}:${r.rows[0]!.d}`);
    }
    return out;
  } finally {
    await c.end();
  }
}

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

describe('npm run backup / npm run restore (external database)', () => {
  let base: string;
  let source: { url: string; drop(): Promise<void> };
  let target: { url: string; drop(): Promise<void> } | undefined;
  let app: App;
  let restored: App | undefined;
  let srcConfig: Config;
  let archive: string;

  before(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-test-'));
    source = await createTestDatabase();
    srcConfig = { ...loadConfig({ DATA_DIR: path.join(base, 'a'), GONGKAI_DEMO_VOLUME: 'lean' }), logLevel: 'silent' };
    app = await buildApp({ config: srcConfig, databaseUrl: source.url, seed: true, logger: false, poolSize: 4 });
    // The background jobs' work of today, done now: their scheduled pass then finds nothing new to write
    // while the backup runs, so only the audit writer below changes the database during it.
    await runLapses(app.core);
    await runReminders(app.core);
    await runMessageReminders(app.core);
    // Uploaded files, as the publishing and requests modules store them.
    for (let i = 0; i < 5; i++) await fileStorage(srcConfig).put(Buffer.from(`%PDF-1.7\n附件 ${i}\n${'正文'.repeat(1000 * i)}`));
    archive = path.join(base, 'backup.tar.gz');
  });
  after(async () => {
    await restored?.close();
    await app.close();
    await target?.drop();
    await source.drop();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('backs up while the app writes, restores into an empty database, and the copy starts and matches', async () => {
    const env = { DATABASE_URL: source.url, DATA_DIR: srcConfig.dataDir };
    // The app keeps writing audit rows while the backup runs.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await app.core.db.transaction((tx) => writeAudit(tx, systemActor, { action: 'test.during_backup', targetType: 'thing', targetId: written, summary: {} }, new Date()));
        written++;
      }
    })();
    const res = await run('backup', [archive], env);
    writing = false;
    await writer;
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /备份完成：.*backup\.tar\.gz（\d+ 张数据表，\d+ 行，\d+ 个文件）/);
    assert.ok(written > 0);
    assert.equal((fs.statSync(archive).mode & 0o777).toString(8), '600');

    target = await emptyDatabase();
    const dataB = path.join(base, 'b');
    const renv = { DATABASE_URL: target.url, DATA_DIR: dataB };
    const r = await run('restore', [archive], renv);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /恢复完成：\d+ 张数据表，\d+ 行，\d+ 个文件。/);

    // Every table: the same rows, except audit rows the app wrote after the snapshot.
    const restoredMax = Number((await new pg.Pool({ connectionString: target.url, max: 1 }).query('SELECT max(id) AS m FROM audit_log')).rows[0].m);
    const srcTables = await tableDigests(source.url, { audit_log: `WHERE id <= ${restoredMax}` });
    const dstTables = await tableDigests(target.url);
    assert.ok(srcTables.size >= 20, `${srcTables.size} tables`);
    assert.deepEqual(dstTables, srcTables);
    // Every file, byte for byte, and the audit key and checkpoints kept outside the database.
    const srcFiles = filesUnder(path.join(srcConfig.dataDir, 'files'));
    assert.equal(srcFiles.size, 5);
    assert.deepEqual(filesUnder(path.join(dataB, 'files')), srcFiles);
    assert.equal(fs.readFileSync(path.join(dataB, 'secrets', 'audit-hmac.key'), 'utf8'), fs.readFileSync(srcConfig.auditKeyFile, 'utf8'));

    // The copy starts, serves, verifies its audit chain, and goes on numbering after the restored rows.
    // The same demo volume as the source: a larger one would seed its extra demo rows into the copy.
    const dstConfig = { ...loadConfig({ DATA_DIR: dataB, GONGKAI_DEMO_VOLUME: 'lean' }), logLevel: 'silent' };
    restored = await buildApp({ config: dstConfig, databaseUrl: target.url, seed: true, logger: false, poolSize: 2 });
    const home = await restored.app.inject({ method: 'GET', url: '/' });
    assert.equal(home.statusCode, 200);
    assert.deepEqual(await verifyAuditChain(restored.core.db), { ok: true, count: Number((await restored.core.pool.query('SELECT count(*) AS n FROM audit_log')).rows[0].n) });
    await restored.core.db.transaction((tx) => writeAudit(tx, systemActor, { action: 'test.after_restore', targetType: 'thing', targetId: 1, summary: {} }, new Date()));
    const next = Number((await restored.core.pool.query(`SELECT id FROM audit_log WHERE action = 'test.after_restore'`)).rows[0].id);
    const between = (await restored.core.pool.query(`SELECT action, count(*)::int AS n FROM audit_log WHERE id > $1 AND id < $2 GROUP BY 1`, [restoredMax, next])).rows;
    assert.equal(next, restoredMax + 1, JSON.stringify(between));
    assert.equal((await verifyAuditChain(restored.core.db)).ok, true);
    const stored = [...srcFiles.keys()][0]!;
    assert.ok(await fileStorage(dstConfig).exists(path.basename(stored)));
  });

  it('refuses to restore over a database that holds data unless --force is given', async () => {
    const renv = { DATABASE_URL: target!.url, DATA_DIR: path.join(base, 'b') };
    const before = await tableDigests(target!.url);
    const r = await run('restore', [archive], renv);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /恢复失败：目标不是空的（数据库中已有数据表，文件目录 .* 中已有文件），未做任何改动。确认要覆盖时请加 --force。/);
    assert.deepEqual(await tableDigests(target!.url), before);
    await restored?.close();
    restored = undefined;
    const forced = await run('restore', [archive, '--force'], renv);
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    // The row written after the first restore is gone: the database is the backup again.
    const c = new pg.Client({ connectionString: target!.url });
    await c.connect();
    assert.equal((await c.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.after_restore'`)).rows[0].n, 0);
    await c.end();
  });

  it('refuses a damaged archive before touching anything', async () => {
    const damaged = path.join(base, 'damaged.tar.gz');
    const bytes = fs.readFileSync(archive);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    const empty = await emptyDatabase();
    try {
      const r = await run('restore', [damaged], { DATABASE_URL: empty.url, DATA_DIR: path.join(base, 'c') });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /恢复失败：(备份文件 .* 已损坏|备份中.*校验和不符)/);
      const c = new pg.Client({ connectionString: empty.url });
      await c.connect();
      assert.equal((await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n, 0);
      await c.end();
    } finally {
      await empty.drop();
    }
  });
});

describe('npm run backup / npm run restore (embedded database)', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-embedded-'));
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  after(async () => {
    for (const f of cleanup.reverse()) await Promise.resolve(f()).catch(() => {});
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('backs up the running app of a data directory, restores into a fresh one, and the copy starts and matches', async () => {
    // The source: an app on its data directory's embedded server, holding the directory's lock as `npm start` does.
    const dataA = path.join(base, 'a');
    const portA = await freePort();
    const srcConfig = { ...loadConfig({ DATA_DIR: dataA, EMBEDDED_PG_PORT: String(portA), GONGKAI_DEMO_VOLUME: 'lean' }), logLevel: 'silent' as const };
    fs.mkdirSync(dataA, { recursive: true });
    const release = acquireDataDirLock(dataA);
    cleanup.push(release);
    const dbA: EmbeddedDb = await startEmbeddedPostgres({ clusterDir: resolveClusterDir(dataA).clusterDir, port: portA });
    cleanup.push(() => dbA.stop());
    const app = await buildApp({ config: srcConfig, databaseUrl: dbA.url, seed: true, logger: false, poolSize: 4 });
    cleanup.push(() => app.close());
    await runLapses(app.core);
    await runReminders(app.core);
    await runMessageReminders(app.core);
    for (let i = 0; i < 3; i++) await fileStorage(srcConfig).put(Buffer.from(`%PDF-1.7\n内置数据库附件 ${i}\n${'正文'.repeat(500 * i)}`));

    const archive = path.join(base, 'embedded.tar.gz');
    const res = await run('backup', [archive], { DATABASE_URL: '', DATA_DIR: dataA, EMBEDDED_PG_PORT: String(portA) });
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /正在备份运行中的应用（PID \d+）的内置数据库/);
    assert.match(res.stdout, /备份完成：.*embedded\.tar\.gz（\d+ 张数据表，\d+ 行，\d+ 个文件）/);

    // The target: a data directory that does not exist yet; restore creates its embedded cluster.
    const dataB = path.join(base, 'b');
    const portB = await freePort();
    const renv = { DATABASE_URL: '', DATA_DIR: dataB, EMBEDDED_PG_PORT: String(portB) };
    const r = await run('restore', [archive], renv);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /恢复完成：\d+ 张数据表，\d+ 行，\d+ 个文件。/);

    // The copy starts on its own embedded server and holds the same rows and files.
    const dstConfig = { ...loadConfig({ DATA_DIR: dataB, EMBEDDED_PG_PORT: String(portB), GONGKAI_DEMO_VOLUME: 'lean' }), logLevel: 'silent' as const };
    const releaseB = acquireDataDirLock(dataB);
    cleanup.push(releaseB);
    const dbB: EmbeddedDb = await startEmbeddedPostgres({ clusterDir: resolveClusterDir(dataB).clusterDir, port: portB });
    cleanup.push(() => dbB.stop());
    const restoredMax = Number((await new pg.Pool({ connectionString: dbB.url, max: 1 }).query('SELECT max(id) AS m FROM audit_log')).rows[0].m);
    const srcTables = await tableDigests(dbA.url, { audit_log: `WHERE id <= ${restoredMax}` });
    assert.ok(srcTables.size >= 20, `${srcTables.size} tables`);
    assert.deepEqual(await tableDigests(dbB.url), srcTables);
    const srcFiles = filesUnder(path.join(dataA, 'files'));
    assert.equal(srcFiles.size, 3);
    assert.deepEqual(filesUnder(path.join(dataB, 'files')), srcFiles);
    assert.equal(fs.readFileSync(dstConfig.auditKeyFile, 'utf8'), fs.readFileSync(srcConfig.auditKeyFile, 'utf8'));

    const restored = await buildApp({ config: dstConfig, databaseUrl: dbB.url, seed: true, logger: false, poolSize: 2 });
    cleanup.push(() => restored.close());
    assert.equal((await restored.app.inject({ method: 'GET', url: '/' })).statusCode, 200);
    assert.equal((await verifyAuditChain(restored.core.db)).ok, true);
    assert.ok(await fileStorage(dstConfig).exists(path.basename([...srcFiles.keys()][0]!)));
  });
});
