// Start-up steps shared by main.ts, tests and the benchmark: migrations, shared secrets, seed data.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from './db/index.ts';
import { appSecrets } from './db/schema.ts';

/** Returns the named secret, creating it once for all instances. */
export async function sharedSecret(db: Db, name: string): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ name, value: crypto.randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const rows = await db.select().from(appSecrets).where(eq(appSecrets.name, name));
  return rows[0]!.value;
}

/** Runs fn while holding a cluster-wide advisory lock (e.g. seeding once with several instances). */
export async function withAdvisoryLock<T>(db: Db, key: number, fn: () => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${key})`);
    return fn();
  });
}
