import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const here = path.dirname(fileURLToPath(import.meta.url));
export const migrationsFolder = path.resolve(here, '../../../migrations');

// Dates stay 'YYYY-MM-DD' strings: never convert a legal date through a local-time Date.
pg.types.setTypeParser(1082, (v: string) => v);

export function createPool(url: string, max = 10): pg.Pool {
  // A connection that cannot be made in 15 s counts as a database outage (503), not a hang.
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'gongkai', connectionTimeoutMillis: 15_000 });
  pool.on('error', () => {
    /* idle client errors (e.g. server restart) surface on the next query */
  });
  // A client in use (e.g. inside a transaction) whose connection drops emits 'error' too: without a
  // listener that would end the process. The failed query rejects, and the pool discards the client.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  '53300', // too_many_connections
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end|not queryable/i;

/** True when err (or what it wraps) means the database cannot be reached now, not that a query is wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

/** Where a connection URL points, without its password, for messages. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '（无效的 DATABASE_URL）';
  }
}

/**
 * Waits until the database answers, retrying with backoff (1 s, 2 s, 4 s … at most 15 s apart) for up to
 * `seconds`, saying what it waits for; errors other than "cannot be reached" (a wrong password) fail at once.
 */
export async function waitForDatabase(url: string, seconds: number, say: (line: string) => void): Promise<void> {
  const t0 = Date.now();
  for (let attempt = 1, delay = 1000; ; attempt++, delay = Math.min(delay * 2, 15_000)) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      if (attempt > 1) say(`数据库 ${describeDatabase(url)} 已可以连接。`);
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if (!isDatabaseUnavailable(err)) throw err;
      const waited = (Date.now() - t0) / 1000;
      const reason = err instanceof Error && err.message ? err.message : String((err as { code?: string }).code ?? err);
      if (waited + delay / 1000 > seconds) {
        throw new Error(`无法连接数据库 ${describeDatabase(url)}（${reason}），已等待 ${Math.round(waited)} 秒。请确认数据库已启动、DATABASE_URL 正确。`);
      }
      say(`正在等待数据库 ${describeDatabase(url)}（${reason}），${delay / 1000} 秒后第 ${attempt + 1} 次尝试……`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool);
}

/** Applies pending migrations under an advisory lock, so two instances starting together do it once. */
export async function runMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // a dropped connection rejects the migration's query instead
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727001)');
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
    await client.end();
  }
}

/** Maps a PostgreSQL unique violation to a boolean for "already exists" handling in data/. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: string })?.code;
  if (code !== '23505') return false;
  return constraint === undefined || (e as { constraint?: string }).constraint === constraint;
}
