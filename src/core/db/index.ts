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
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'gongkai' });
  pool.on('error', () => {
    /* idle client errors (e.g. server restart) surface on the next query */
  });
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool);
}

/** Applies pending migrations under an advisory lock, so two instances starting together do it once. */
export async function runMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
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
