// Test helpers: a fresh database per test file (cloned from a migrated template), an app on it, and
// an HTTP client that keeps cookies and CSRF tokens like a browser.
import crypto from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config/index.ts';
import { fixedClock } from '../clock.ts';
import { buildApp, type App } from '../../app.ts';
import { hashPassword } from '../auth/password.ts';
import { staffUsers, type Role } from '../db/schema.ts';
import { eq } from 'drizzle-orm';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run tests with `npm test`, which starts a database.');
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a fresh database for one test file; the template already holds every migration. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = process.env.TEST_TEMPLATE_DB;
  const name = `gk_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl(), name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export const TEST_PASSWORD = 'Test-password-2026';

export interface TestApp extends App {
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  url: string;
  /** A browser-like client: keeps cookies, fills in CSRF tokens. */
  client(): TestClient;
  /** Signs in a seeded demo account (its password set to TEST_PASSWORD, no forced change). */
  signIn(username: string): Promise<TestClient>;
  /** Creates a staff account in the given unit (by slug) and returns its id. */
  createStaff(username: string, unitSlug: string, roles: Role[]): Promise<number>;
  dispose(): Promise<void>;
}

/** Test apps start from the lean demo seed unless `demoVolume: 'full'` asks for the whole demo city. */
export async function createTestApp(opts: { now?: string; seed?: boolean; demo?: boolean; demoVolume?: 'full' | 'lean' } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = fixedClock(opts.now ?? '2026-11-26T02:00:00Z');
  const config = { ...loadConfig({}), demo: opts.demo ?? false, demoVolume: opts.demoVolume ?? 'lean', logLevel: 'silent' };
  const built = await buildApp({ config, databaseUrl: db.url, clock, seed: opts.seed ?? true, logger: false, poolSize: 4 });
  const testPasswordHash = await hashPassword(TEST_PASSWORD);
  const t: TestApp = {
    ...built,
    clock,
    config,
    url: db.url,
    client: () => new TestClient(built.app),
    async signIn(username) {
      await built.core.db.update(staffUsers).set({ passwordHash: testPasswordHash, mustChangePassword: false }).where(eq(staffUsers.username, username));
      const c = new TestClient(built.app);
      const res = await c.submit('/staff/login', '/staff/login', { username, password: TEST_PASSWORD });
      if (res.statusCode !== 303) throw new Error(`sign-in as ${username} failed: ${res.statusCode}`);
      return c;
    },
    async createStaff(username, unitSlug, roles) {
      const r = await built.core.pool.query('SELECT id FROM units WHERE slug = $1', [unitSlug]);
      const [row] = await built.core.db
        .insert(staffUsers)
        .values({ username, displayName: username, unitId: r.rows[0].id, roles, passwordHash: testPasswordHash, mustChangePassword: false })
        .returning({ id: staffUsers.id });
      return row!.id;
    },
    async dispose() {
      await built.close();
      await db.drop();
    },
  };
  return t;
}

export class TestClient {
  readonly cookies = new Map<string, string>();

  /** `remoteAddress` makes the requests come from another address (default 127.0.0.1). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress?: string,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, remoteAddress: this.remoteAddress, headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** Posts raw form fields without a CSRF token unless one is given. */
  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: body.toString(),
    });
    this.remember(res);
    return res;
  }

  /** Loads the page with the form first (as a browser would), then posts with its CSRF token. */
  async submit(pageUrl: string, actionUrl: string, form: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${pageUrl} (status ${page.statusCode})`);
    return this.post(actionUrl, { _csrf: token, ...form });
  }

  async json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookieHeader(), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    this.remember(res);
    return res;
  }
}

/** The visible text of an HTML fragment, for assertions on messages. */
export function textOf(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');
}

/**
 * The body rows of the first table whose opening tag contains `marker` (e.g. `class="city-timeliness"`),
 * each row as the trimmed text of its cells: what a person reads in the table.
 */
export function tableRows(html: string, marker: string, part: 'tbody' | 'tfoot' = 'tbody'): string[][] {
  const start = html.indexOf(marker);
  if (start < 0) throw new Error(`no table with ${marker}`);
  const table = html.slice(html.lastIndexOf('<table', start), html.indexOf('</table>', start));
  const section = new RegExp(`<${part}>([\\s\\S]*?)</${part}>`).exec(table)?.[1] ?? '';
  return [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!).trim()));
}

/**
 * The server-rendered charts of a page: each `<svg role="img">` with the heading that labels it and the
 * text of its key (drawn as HTML right after the chart) when it has one.
 */
export function chartsOf(html: string): { label: string; svg: string; legend: string }[] {
  return [...html.matchAll(/<svg role="img" aria-labelledby="([^"]+)"[\s\S]*?<\/svg>/g)].map((m) => {
    const heading = new RegExp(`id="${m[1]}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '';
    const after = html.slice(m.index! + m[0].length);
    const legend = /^\s*(?:<\/div>)?\s*<ul class="chart-legend"[^>]*>([\s\S]*?)<\/ul>/.exec(after)?.[1] ?? '';
    return { label: heading, svg: m[0], legend: textOf(legend).trim() };
  });
}
