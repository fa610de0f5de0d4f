// Composition root: builds the core services, the server, and mounts the modules in order.
import type { FastifyInstance } from 'fastify';
import type { Config } from './core/config/index.ts';
import { createDb, createPool, runMigrations } from './core/db/index.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { AuthService } from './core/auth/service.ts';
import { CalendarService } from './core/calendar/service.ts';
import { SiteService } from './core/site.ts';
import { MailService, startMailSender } from './core/mail.ts';
import { createServer } from './core/http/server.ts';
import { setNavigation } from './core/http/context.ts';
import { setWorkQueues } from './core/work-queue.ts';
import { sharedSecret, withAdvisoryLock } from './core/bootstrap.ts';
import { systemActor, useAuditKey } from './core/audit/index.ts';
import { loadAuditKey, startAuditCheckpoints } from './core/audit/anchor.ts';
import type { Core } from './core/services.ts';
import { modules } from './modules.ts';

export interface BuildOptions {
  config: Config;
  databaseUrl: string;
  clock?: Clock;
  /** Load demo data when the database has none (first start). */
  seed?: boolean;
  logger?: boolean | object;
  log?: (line: string) => void;
  poolSize?: number;
  /** Append audit checkpoints outside the database every minute and at close (the running app). */
  anchorAudit?: boolean;
}

export interface App {
  app: FastifyInstance;
  core: Core;
  /** Delivers the mail outbox when SMTP_URL is set. */
  mailSender?: ReturnType<typeof startMailSender>;
  close(): Promise<void>;
}

export async function buildApp(opts: BuildOptions): Promise<App> {
  await runMigrations(opts.databaseUrl);
  const pool = createPool(opts.databaseUrl, opts.poolSize ?? 10);
  const db = createDb(pool);
  const clock = opts.clock ?? systemClock;
  const core: Core = {
    config: opts.config,
    pool,
    db,
    clock,
    auth: new AuthService(db, clock),
    calendar: new CalendarService(db, clock),
    sites: new SiteService(db),
    mail: new MailService(!!opts.config.smtpUrl),
  };
  const log = opts.log ?? (() => {});
  useAuditKey(await loadAuditKey(db, opts.config).catch(async (err: unknown) => {
    await pool.end();
    throw err;
  }));
  await withAdvisoryLock(db, 727003, async () => {
    await core.calendar.seedOfficialYears(systemActor);
    if (opts.seed) {
      for (const m of modules) await m.seed?.(core, { demo: opts.config.demo, volume: opts.config.demoVolume, log });
    }
  });
  const cookieSecret = await sharedSecret(db, 'cookie');
  const app = await createServer(core, { cookieSecret, logger: opts.logger });
  for (const m of modules) await m.register(app, core);
  setNavigation(
    modules.flatMap((m) => m.publicNav ?? []),
    // The home page leads the staff menu, whatever the modules' mount order (units mount before staff).
    modules.flatMap((m) => m.staffNav ?? []).sort((a, b) => Number(b.href === '/staff') - Number(a.href === '/staff')),
    modules.flatMap((m) => m.sitemap ?? []),
    modules.flatMap((m) => m.footerLinks ?? []),
  );
  setWorkQueues(modules.flatMap((m) => (m.workQueue ? [m.workQueue.bind(m)] : [])));
  await app.ready();
  const mailSender = opts.config.smtpUrl
    ? startMailSender({ pool, smtpUrl: opts.config.smtpUrl, from: opts.config.mailFrom, onError: (err) => app.log.error({ err }, 'mail sender') })
    : undefined;
  const checkpoints = opts.anchorAudit
    ? startAuditCheckpoints(db, opts.config.auditAnchorDir, 60_000, (err) => app.log.error({ err }, 'audit checkpoint'))
    : undefined;
  return {
    app,
    core,
    mailSender,
    close: async () => {
      // Requests in flight finish first (their audit rows then reach the last checkpoint). A keep-alive
      // connection becomes idle only once its response is sent, after the server began closing: close
      // idle ones until the server is closed, or close() would wait for the client to hang up.
      const idle = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(idle);
      }
      await mailSender?.stop();
      await checkpoints?.stop();
      await pool.end();
    },
  };
}
