// Outgoing mail is queued in mail_outbox in the caller's transaction. With SMTP_URL set, a sender in
// every app instance delivers it: each message is claimed with FOR UPDATE SKIP LOCKED, so two
// instances never send one message twice; a refused or failed delivery is retried with backoff and
// finally marked failed with the server's answer. Without SMTP the mail stays here and staff read it
// on the mail log page.
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type pg from 'pg';
import type { DbOrTx } from './db/index.ts';
import { mailOutbox } from './db/schema.ts';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  unitId?: number | null;
}

export class MailService {
  constructor(readonly smtpConfigured: boolean) {}

  async queue(tx: DbOrTx, mail: Mail): Promise<void> {
    await tx.insert(mailOutbox).values({ toAddress: mail.to, subject: mail.subject, body: mail.body, unitId: mail.unitId ?? null });
  }
}

/** Delivery attempts before a message is given up. */
export const MAIL_MAX_ATTEMPTS = 6;

/** Seconds to wait after the n-th failed attempt (1-based): 1 min, 5 min, 30 min, 2 h, 6 h. */
export function mailRetryDelaySeconds(attempt: number): number {
  const steps = [60, 300, 1800, 7200, 21600];
  return steps[Math.min(Math.max(attempt, 1), steps.length) - 1]!;
}

/** A permanent refusal (SMTP 5xx) is not retried; a 4xx, a timeout or a dropped connection is. */
export function isPermanentMailError(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function mailErrorText(err: unknown): string {
  const e = err as { response?: string; message?: string; code?: string };
  return (e.response || e.message || e.code || String(err)).slice(0, 500);
}

export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** A nodemailer SMTP transport for SMTP_URL (smtp:// or smtps://user:pass@host:port). */
export function smtpTransport(smtpUrl: string): MailTransport {
  const options: SMTPTransport.Options = {
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as SMTPTransport.Options;
  const t = nodemailer.createTransport(options);
  return {
    async send(m) {
      await t.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => t.close(),
  };
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends every message that is due, one claimed row at a time. The row stays locked while it is sent,
 * so another instance skips it; the outcome is written in the same transaction.
 */
export async function sendDueMail(pool: pg.Pool, transport: MailTransport, from: string, limit = 100): Promise<SendResult> {
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const client = await pool.connect();
    let done = false;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; to_address: string; subject: string; body: string; attempts: number }>(
        `SELECT id, to_address, subject, body, attempts FROM mail_outbox
          WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      const m = rows[0];
      if (!m) {
        await client.query('COMMIT');
        done = true;
      } else {
        try {
          await transport.send({ from, to: m.to_address, subject: m.subject, text: m.body });
          await client.query('UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, error = NULL WHERE id = $1', [m.id]);
          result.sent++;
        } catch (err) {
          const attempts = m.attempts + 1;
          const giveUp = isPermanentMailError(err) || attempts >= MAIL_MAX_ATTEMPTS;
          await client.query(
            `UPDATE mail_outbox SET attempts = $2, error = $3,
                    failed_at = CASE WHEN $4::boolean THEN now() END,
                    next_attempt_at = now() + make_interval(secs => $5::int)
              WHERE id = $1`,
            [m.id, attempts, mailErrorText(err), giveUp, mailRetryDelaySeconds(attempts)],
          );
          if (giveUp) result.failed++;
          else result.retried++;
        }
        await client.query('COMMIT');
      }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    if (done) break;
  }
  return result;
}

/** Runs sendDueMail every `intervalMs` until stopped; errors (e.g. the database restarting) wait for the next round. */
export function startMailSender(opts: {
  pool: pg.Pool;
  smtpUrl: string;
  from: string;
  intervalMs?: number;
  onError?: (err: unknown) => void;
}): { stop(): Promise<void>; runOnce(): Promise<SendResult> } {
  const transport = smtpTransport(opts.smtpUrl);
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const runOnce = () => {
    const p = running.then(() => sendDueMail(opts.pool, transport, opts.from));
    running = p.catch((err: unknown) => opts.onError?.(err));
    return p;
  };
  const timer = setInterval(() => {
    if (!stopped) void runOnce().catch(() => {});
  }, opts.intervalMs ?? 10_000);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
