// What the module benches share: their result line, the 95th percentile, and a database of their own.
import { freePort } from '../src/core/testing/net.ts';
import { startTemporaryPostgres } from '../src/core/db/embedded.ts';
import { createTestApp, type TestApp } from '../src/core/testing/index.ts';

export type Line = [label: string, value: string, goal: string, ok: boolean];

export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}

/**
 * Runs `fn` on a test app (lean demo, clock at `now`) over an embedded PostgreSQL of its own, so one
 * bench's bulk data never slows another's, and removes both afterwards.
 */
export async function withOwnDatabase<T>(now: string, fn: (t: TestApp) => Promise<T>): Promise<T> {
  const pgServer = await startTemporaryPostgres(await freePort());
  process.env.TEST_DATABASE_URL = pgServer.url;
  delete process.env.TEST_TEMPLATE_DB;
  let t: TestApp | undefined;
  try {
    t = await createTestApp({ now });
    return await fn(t);
  } finally {
    await t?.dispose();
    await pgServer.cleanup();
  }
}

/** `node --import tsx bench/<name>.ts` runs one bench alone and prints its lines. */
export function runAlone(moduleUrl: string, bench: () => Promise<Line[]>): void {
  if (!process.argv[1] || !moduleUrl.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) return;
  bench()
    .then((lines) => {
      for (const [label, value, goal, ok] of lines) process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${label.padEnd(44)} ${value.padEnd(24)} goal ${goal}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
