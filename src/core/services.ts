import type pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/index.ts';
import type { Db } from './db/index.ts';
import type { Clock } from './clock.ts';
import type { AuthService } from './auth/service.ts';
import type { CalendarService } from './calendar/service.ts';
import type { SiteService } from './site.ts';
import type { MailService } from './mail.ts';
import type { CurrentUser, NavItem } from './ui/context.ts';

/** The core services every module receives. */
export interface Core {
  config: Config;
  pool: pg.Pool;
  db: Db;
  clock: Clock;
  auth: AuthService;
  calendar: CalendarService;
  sites: SiteService;
  mail: MailService;
}

export interface StaffNavItem extends NavItem {
  /** Shown only to users for whom this returns true. */
  visible?: (user: CurrentUser) => boolean;
}

export interface SitemapSection {
  title: string;
  links: NavItem[];
}

/** A module's manifest: its routes and where it appears in navigation. */
export interface ModuleManifest {
  name: string;
  publicNav?: NavItem[];
  staffNav?: StaffNavItem[];
  sitemap?: SitemapSection[];
  /** Links in every public page's footer (e.g. 我为政府网站找错). */
  footerLinks?: NavItem[];
  register(app: FastifyInstance, core: Core): Promise<void> | void;
}

export interface SeedOptions {
  /** Explicit demo mode: seeded accounts need no password change. */
  demo: boolean;
  /** Config `demoVolume`: `lean` loads only what tests need; `full` the whole demo city. */
  volume: 'full' | 'lean';
  /** Where to tell the operator how to sign in. */
  log: (line: string) => void;
}

declare module './services.ts' {
  interface ModuleManifest {
    /** What waits for this person in the module, for the staff home page (see work-queue.ts). */
    workQueue?(core: Core, user: CurrentUser): Promise<import('./work-queue.ts').WorkItem[]>;
    /** Loads the module's demo data on the first start; must be idempotent. */
    seed?(core: Core, opts: SeedOptions): Promise<void>;
  }
}
