import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when unset an embedded server is started. */
  databaseUrl: string | undefined;
  /** How long start-up waits for an unreachable database, retrying with backoff. */
  databaseWaitSeconds: number;
  dataDir: string;
  embeddedPgPort: number;
  /** Explicit demo mode: seeded accounts need no password change at first sign-in. */
  demo: boolean;
  /**
   * How much demo data the first start loads: `full` (the default: the city's catalog in all 26 domains,
   * adopted by every unit, a 指南 per unit, thousands of records over three years, earlier annual
   * reports) or `lean` (units, accounts and a few dozen records; what tests start from).
   */
  demoVolume: 'full' | 'lean';
  production: boolean;
  trustProxy: boolean;
  logLevel: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  bodyLimitBytes: number;
  /** Seconds browsers and proxies may reuse an anonymous public page (0: ask each time, with ETag). */
  publicCacheSeconds: number;
  /** Largest uploaded file. */
  uploadLimitBytes: number;
  /** The audit log's HMAC key, outside the database. */
  auditKeyFile: string;
  /** Checkpoints of the audit log, outside the database. */
  auditAnchorDir: string;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，实际为「${value}」`);
  return n;
}

function bool(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'yes';
}

function demoVolume(value: string | undefined): 'full' | 'lean' {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'full') return 'full';
  if (v === 'lean') return 'lean';
  throw new Error(`环境变量 GONGKAI_DEMO_VOLUME 应为 full 或 lean，实际为「${value}」`);
}

/** Reads configuration from the environment once, at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseWaitSeconds: int(env.DATABASE_WAIT_SECONDS, 120, 'DATABASE_WAIT_SECONDS'),
    dataDir,
    embeddedPgPort: int(env.EMBEDDED_PG_PORT, 54329, 'EMBEDDED_PG_PORT'),
    demo: bool(env.GONGKAI_DEMO),
    demoVolume: demoVolume(env.GONGKAI_DEMO_VOLUME),
    production: env.NODE_ENV === 'production',
    trustProxy: bool(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'noreply@localhost',
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024, 'BODY_LIMIT_BYTES'),
    publicCacheSeconds: int(env.PUBLIC_CACHE_SECONDS, 30, 'PUBLIC_CACHE_SECONDS'),
    uploadLimitBytes: int(env.UPLOAD_LIMIT_BYTES, 10 * 1024 * 1024, 'UPLOAD_LIMIT_BYTES'),
    auditKeyFile: path.resolve(env.AUDIT_KEY_FILE || path.join(dataDir, 'secrets', 'audit-hmac.key')),
    auditAnchorDir: path.resolve(env.AUDIT_ANCHOR_DIR || path.join(dataDir, 'audit-anchor')),
  };
}
