import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { buildApp, type App } from '../app.ts';
import { createTestApp, type TestApp } from './testing/index.ts';
import { freePort } from './testing/net.ts';
import { isPermanentMailError, mailRetryDelaySeconds, MAIL_MAX_ATTEMPTS } from './mail.ts';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server: accepts mail, except a 550 for refused@… and a 451 for busy@…. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('refused@')) {
        const err = Object.assign(new Error('5.1.1 邮箱不存在'), { responseCode: 550 });
        return cb(err);
      }
      if (address.address.startsWith('busy@')) {
        const err = Object.assign(new Error('4.7.1 稍后再试'), { responseCode: 451 });
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('mail retry rules', () => {
  it('backs off 1 min, 5 min, 30 min, 2 h, then 6 h', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(mailRetryDelaySeconds), [60, 300, 1800, 7200, 21600, 21600]);
    assert.equal(MAIL_MAX_ATTEMPTS, 6);
  });
  it('gives up at once only on a 5xx answer', () => {
    assert.equal(isPermanentMailError({ responseCode: 550 }), true);
    assert.equal(isPermanentMailError({ responseCode: 451 }), false);
    assert.equal(isPermanentMailError(new Error('connect ECONNREFUSED')), false);
  });
});

describe('mail outbox sender against a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: App;
  let b: App;

  before(async () => {
    t = await createTestApp({ seed: false });
    smtp = await startSmtp();
    const config = { ...t.config, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'gongkai@example.cn' };
    // Two app instances on one database, as behind a load balancer.
    a = await buildApp({ config, databaseUrl: t.url, logger: false, poolSize: 4 });
    b = await buildApp({ config, databaseUrl: t.url, logger: false, poolSize: 4 });
  });
  after(async () => {
    await a.close();
    await b.close();
    await smtp.close();
    await t.dispose();
  });

  it('sends each queued message exactly once with two instances sending at the same time', async () => {
    for (let i = 0; i < 30; i++) {
      await t.core.mail.queue(t.core.db, { to: `user${i}@example.cn`, subject: `催办提醒 ${i}`, body: `第 ${i} 封：请在期限内答复。` });
    }
    const [ra, rb] = await Promise.all([a.mailSender!.runOnce(), b.mailSender!.runOnce()]);
    assert.equal(ra.sent + rb.sent, 30);
    assert.equal(smtp.received.length, 30);
    const to = smtp.received.flatMap((r) => r.to).sort();
    assert.deepEqual(to, [...Array(30).keys()].map((i) => `user${i}@example.cn`).sort());
    assert.match(smtp.received[0]!.raw, /From: gongkai@example.cn/);
    const rows = (await t.core.pool.query('SELECT sent_at, attempts, error, failed_at FROM mail_outbox')).rows;
    assert.equal(rows.length, 30);
    for (const r of rows) {
      assert.ok(r.sent_at instanceof Date);
      assert.equal(r.attempts, 1);
      assert.equal(r.error, null);
      assert.equal(r.failed_at, null);
    }
    // Nothing left: a second round sends nothing more.
    const again = await a.mailSender!.runOnce();
    assert.deepEqual(again, { sent: 0, retried: 0, failed: 0 });
    assert.equal(smtp.received.length, 30);
  });

  it('marks a message refused with 550 as failed with the server answer, and retries a 451 later', async () => {
    await t.core.pool.query('DELETE FROM mail_outbox');
    await t.core.mail.queue(t.core.db, { to: 'refused@example.cn', subject: '告知书', body: '正文' });
    await t.core.mail.queue(t.core.db, { to: 'busy@example.cn', subject: '补正通知', body: '正文' });
    const r = await a.mailSender!.runOnce();
    assert.deepEqual(r, { sent: 0, retried: 1, failed: 1 });
    const rows = (
      await t.core.pool.query(
        `SELECT to_address, sent_at, attempts, error, failed_at IS NOT NULL AS failed,
                extract(epoch FROM next_attempt_at - now())::int AS wait FROM mail_outbox ORDER BY id`,
      )
    ).rows;
    assert.equal(rows[0].to_address, 'refused@example.cn');
    assert.equal(rows[0].failed, true);
    assert.equal(rows[0].sent_at, null);
    assert.match(rows[0].error, /550/);
    assert.equal(rows[1].failed, false);
    assert.equal(rows[1].attempts, 1);
    assert.match(rows[1].error, /451/);
    assert.ok(rows[1].wait >= 55 && rows[1].wait <= 60, `retry in about a minute, got ${rows[1].wait}s`);
    // Not due yet: nothing is sent again.
    assert.deepEqual(await b.mailSender!.runOnce(), { sent: 0, retried: 0, failed: 0 });
    // Due again after the wait: the sixth failure gives up.
    for (let attempt = 2; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      await t.core.pool.query(`UPDATE mail_outbox SET next_attempt_at = now() WHERE to_address = 'busy@example.cn'`);
      await a.mailSender!.runOnce();
    }
    const busy = (await t.core.pool.query(`SELECT attempts, failed_at IS NOT NULL AS failed FROM mail_outbox WHERE to_address = 'busy@example.cn'`)).rows[0];
    assert.deepEqual(busy, { attempts: MAIL_MAX_ATTEMPTS, failed: true });
    assert.equal(smtp.received.length, 30);
  });

  it('keeps mail queued for a retry while the SMTP server is unreachable', async () => {
    await t.core.pool.query('DELETE FROM mail_outbox');
    const config = { ...t.config, smtpUrl: `smtp://127.0.0.1:${await freePort()}` };
    const down = await buildApp({ config, databaseUrl: t.url, logger: false, poolSize: 2 });
    try {
      await t.core.mail.queue(t.core.db, { to: 'user@example.cn', subject: '提醒', body: '正文' });
      assert.deepEqual(await down.mailSender!.runOnce(), { sent: 0, retried: 1, failed: 0 });
      const row = (await t.core.pool.query('SELECT attempts, error, failed_at FROM mail_outbox')).rows[0];
      assert.equal(row.attempts, 1);
      assert.equal(row.failed_at, null);
      assert.match(row.error, /ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });
});
