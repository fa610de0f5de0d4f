// Anchors of the audit log outside the database. A database superuser can delete the newest rows or
// rewrite one and recompute its hash; neither shows in a chain checked only against itself. So:
// - rows are hashed with HMAC-SHA256 under a key kept in a file (owner-only), not in the database;
//   the database keeps only the key's fingerprint, so a lost or swapped key is noticed at start;
// - checkpoints (row count, newest id and its hash) are appended to a file outside the table, and
//   `npm run audit:verify` checks that every checkpoint still holds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/index.ts';
import { appSecrets } from '../db/schema.ts';

export interface AuditAnchorConfig {
  /** The HMAC key file (created with mode 0600 on the first start). */
  auditKeyFile: string;
  /** Where checkpoint files are appended, one per database. */
  auditAnchorDir: string;
}

const FINGERPRINT = 'audit-key-fingerprint';
const DATABASE_ID = 'database-id';

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

export function keyFingerprint(key: Buffer): string {
  return crypto.createHash('sha256').update('gongkai-audit-key:').update(key).digest('hex').slice(0, 32);
}

/** Reads the key file; null when it does not exist. */
export function readAuditKey(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AuditKeyError(`无法读取审计日志密钥文件 ${file}：${(err as Error).message}`);
  }
  if (!/^[0-9a-f]{64}$/.test(text)) throw new AuditKeyError(`审计日志密钥文件 ${file} 的内容无效（应为 64 位十六进制）`);
  return Buffer.from(text, 'hex');
}

/** Creates the key file once (owner-only); two processes creating it together agree on one key. */
function createAuditKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file); // fails when another process made it first
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return readAuditKey(file)!;
}

/**
 * The key for this database: read (or, for a database that never had one, created) and checked
 * against the fingerprint the database keeps. Throws AuditKeyError with a Chinese message when the
 * key is missing or is not the one the log was written with.
 */
export async function loadAuditKey(db: Db, config: AuditAnchorConfig): Promise<Buffer>;
/** With create false (a checking tool): null when neither the database nor the file has a key yet. */
export async function loadAuditKey(db: Db, config: AuditAnchorConfig, create: false): Promise<Buffer | null>;
export async function loadAuditKey(db: Db, config: AuditAnchorConfig, create = true): Promise<Buffer | null> {
  const rows = await db.select().from(appSecrets).where(sql`${appSecrets.name} = ${FINGERPRINT}`);
  const stored = rows[0]?.value;
  let key = readAuditKey(config.auditKeyFile);
  if (!key) {
    if (stored) {
      throw new AuditKeyError(
        `审计日志密钥文件 ${config.auditKeyFile} 不存在，而数据库中的审计日志是用密钥（指纹 ${stored}）签名的。请从备份中恢复该文件，或用 AUDIT_KEY_FILE 指向它。`,
      );
    }
    if (!create) return null;
    key = createAuditKey(config.auditKeyFile);
  }
  const fp = keyFingerprint(key);
  if (!stored) {
    if (!create) return key;
    await db.insert(appSecrets).values({ name: FINGERPRINT, value: fp }).onConflictDoNothing();
    const again = await db.select().from(appSecrets).where(sql`${appSecrets.name} = ${FINGERPRINT}`);
    if (again[0]!.value !== fp) throw new AuditKeyError(`审计日志密钥文件 ${config.auditKeyFile} 与其他实例使用的密钥不同：多个实例须共用同一密钥文件（AUDIT_KEY_FILE）。`);
  } else if (stored !== fp) {
    throw new AuditKeyError(
      `审计日志密钥文件 ${config.auditKeyFile} 的密钥（指纹 ${fp}）不是数据库审计日志所用的密钥（指纹 ${stored}）。请使用原密钥文件（AUDIT_KEY_FILE）。`,
    );
  }
  return key;
}

/** A stable random identity of the database (kept in app_secrets, so a restored copy keeps it). */
export async function databaseId(db: Db): Promise<string> {
  await db.insert(appSecrets).values({ name: DATABASE_ID, value: crypto.randomBytes(12).toString('hex') }).onConflictDoNothing();
  const rows = await db.select().from(appSecrets).where(sql`${appSecrets.name} = ${DATABASE_ID}`);
  return rows[0]!.value;
}

export interface Checkpoint {
  at: string;
  /** Rows with id <= lastId. */
  count: number;
  lastId: number;
  head: string;
}

export function checkpointFile(dir: string, dbId: string): string {
  return path.join(dir, `${dbId}.jsonl`);
}

export function readCheckpoints(file: string): Checkpoint[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: Checkpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as Checkpoint;
      if (Number.isInteger(c.count) && Number.isInteger(c.lastId) && typeof c.head === 'string') out.push(c);
    } catch {
      /* a line cut by a crash is skipped */
    }
  }
  return out;
}

/** The log's present (count, newest id, its hash), read in one snapshot. */
async function currentHead(db: DbOrTx): Promise<{ count: number; lastId: number; head: string } | null> {
  const r = await db.execute<{ n: string; id: string | null; hash: string | null }>(
    sql`SELECT (SELECT count(*) FROM audit_log) AS n, l.id, l.hash FROM (SELECT 1) x LEFT JOIN LATERAL (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) l ON true`,
  );
  const row = r.rows[0]!;
  if (row.id === null) return null;
  return { count: Number(row.n), lastId: Number(row.id), head: row.hash! };
}

/** Appends a checkpoint when the log grew since the last one; returns it (or null when nothing to add). */
export async function writeAuditCheckpoint(db: Db, dir: string, now: Date = new Date()): Promise<Checkpoint | null> {
  const id = await databaseId(db);
  const head = await db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    return currentHead(tx);
  });
  if (!head) return null;
  const file = checkpointFile(dir, id);
  const last = readCheckpoints(file).at(-1);
  if (last && last.lastId === head.lastId && last.head === head.head) return null;
  const cp: Checkpoint = { at: now.toISOString(), ...head };
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(cp) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return cp;
}

export type CheckpointResult = { ok: true; checked: number } | { ok: false; checked: number; problems: string[] };

/**
 * Checks every checkpoint against the table: its newest row is still there with the same hash, and
 * as many rows up to it as there were. Names the rows that were deleted or rewritten.
 */
export async function verifyAuditCheckpoints(db: Db, dir: string): Promise<CheckpointResult> {
  const file = checkpointFile(dir, await databaseId(db));
  const cps = readCheckpoints(file);
  const problems: string[] = [];
  const newest = await currentHead(db);
  const reported = new Set<string>();
  // The newest checkpoint first: it names the most rows.
  for (const cp of [...cps].reverse()) {
    const row = (await db.execute<{ hash: string }>(sql`SELECT hash FROM audit_log WHERE id = ${cp.lastId}`)).rows[0];
    const count = Number((await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_log WHERE id <= ${cp.lastId}`)).rows[0]!.n);
    let msg: string | null = null;
    if (!row) {
      const maxNow = newest?.lastId ?? 0;
      msg =
        maxNow < cp.lastId
          ? `检查点（${cp.at}）记录的最新记录为第 ${cp.lastId} 条，现表中最新只到第 ${maxNow} 条：第 ${Math.max(maxNow + 1, 1)}–${cp.lastId} 条中有记录被删除（缺少 ${cp.count - count} 条）`
          : `检查点（${cp.at}）记录的第 ${cp.lastId} 条记录已被删除`;
    } else if (row.hash !== cp.head) {
      msg = `第 ${cp.lastId} 条记录与检查点（${cp.at}）不符：其哈希已被改写（该记录被改动后重新计算了哈希）`;
    } else if (count !== cp.count) {
      msg = `检查点（${cp.at}）时第 ${cp.lastId} 条及之前共有 ${cp.count} 条记录，现有 ${count} 条：有 ${cp.count - count} 条被删除`;
    }
    if (msg && !reported.has(msg)) {
      reported.add(msg);
      problems.push(msg);
    }
    if (problems.length >= 5) break;
  }
  return problems.length ? { ok: false, checked: cps.length, problems } : { ok: true, checked: cps.length };
}

/** Writes a checkpoint every `intervalMs` (and once when stopped). */
export function startAuditCheckpoints(db: Db, dir: string, intervalMs: number, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => writeAuditCheckpoint(db, dir)).catch(onError);
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await tick();
    },
  };
}
