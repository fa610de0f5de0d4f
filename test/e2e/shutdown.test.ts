// A stop signal while requests are in flight: `npm start` (external database) receives SIGTERM while
// several submissions wait on a lock held by another database session; each of them still gets its
// complete acknowledgement, its row exists, and the process exits 0.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { createTestDatabase } from '../../src/core/testing/index.ts';
import { freePort } from '../../src/core/testing/net.ts';
import { clientAddress, openApplyForm, submitOnce, type Attempt } from '../../src/modules/requests/testing/public-submitter.ts';

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string, output: () => string): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('stopping with requests in flight', () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  after(async () => {
    for (const f of cleanup.reverse()) await f();
  });

  it('SIGTERM while submissions wait on the database: each finishes with its acknowledgement, then the process exits 0', async () => {
    const db = await createTestDatabase();
    cleanup.push(() => db.drop());
    const port = await freePort();
    const app = `http://127.0.0.1:${port}`;
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', TRUST_PROXY: '1', GONGKAI_DEMO: '1', DATABASE_URL: db.url, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanup.push(() => child.exitCode === null && child.kill('SIGKILL'));
    const output = () => out;
    await waitFor(() => /已启动|启动失败/.test(out), 180_000, 'the start', output);
    assert.match(out, /已启动/);

    const forms = await Promise.all([1, 2, 3].map(async (n) => ({ ip: clientAddress(n), form: await openApplyForm(app, clientAddress(n)) })));

    // Another session holds the 受理编号 counters: each submission's insert waits in its transaction.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    cleanup.push(() => holder.end().catch(() => {}));
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE req_sequences IN EXCLUSIVE MODE');
    const inFlight: Promise<Attempt>[] = forms.map(({ ip, form }) => submitOnce(app, form, ip));
    const waiting = async () => {
      const r = await holder.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      return r.rows[0]!.n === forms.length;
    };
    await waitFor(waiting, 30_000, 'the submissions to wait on the lock', output);

    child.kill('SIGTERM');
    await waitFor(() => /收到 SIGTERM/.test(out), 10_000, 'the stop to begin', output);
    // The stop waits for them: nothing new is accepted meanwhile, the process is still there.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(child.exitCode, null, 'the process waits for the requests in flight');
    await holder.query('COMMIT');

    const results = await Promise.all(inFlight);
    for (const r of results) assert.equal(r.kind, 'acknowledged', JSON.stringify(r).slice(0, 400));
    assert.equal(await exited, 0, out);
    assert.match(out, /收到 SIGTERM，正在停止（等待处理中的请求完成）……\n已停止。/);

    const numbers = results.map((r) => (r.kind === 'acknowledged' ? r.requestNo : ''));
    const rows = await holder.query<{ request_no: string }>('SELECT request_no FROM req_requests WHERE request_no = ANY($1)', [numbers]);
    assert.deepEqual(rows.rows.map((r) => r.request_no).sort(), [...numbers].sort());
    assert.equal(new Set(numbers).size, forms.length);
  });
});
