import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../audit/index.ts';
import type { CurrentUser, KioskFrame, NavItem, PageContext, SiteInfo } from '../ui/context.ts';
import type { SitemapSection, StaffNavItem } from '../services.ts';
import { FALLBACK_SITE } from '../site.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    sessionHash: string | null;
    site: SiteInfo;
    /** Set by the kiosk module for a request from a registered query terminal. */
    kiosk?: KioskFrame | null;
  }
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
  }
  interface FastifyContextConfig {
    /** false: this state-changing route does not check a CSRF token (it authenticates otherwise). */
    csrf?: boolean;
  }
}

export const FLASH_COOKIE = 'gk_flash';
export const ELDER_COOKIE = 'gk_elder';

let publicNav: NavItem[] = [];
let staffNav: StaffNavItem[] = [];
let sitemap: SitemapSection[] = [];
let footerLinks: NavItem[] = [];

/** Set once at start-up from the module manifests. */
export function setNavigation(pub: NavItem[], staff: StaffNavItem[], map: SitemapSection[], footer: NavItem[] = []): void {
  publicNav = pub;
  staffNav = staff;
  sitemap = map;
  footerLinks = footer;
}

export function sitemapSections(): SitemapSection[] {
  return sitemap;
}

/** Builds what a page needs; call it only when rendering HTML. */
export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  let flash: string | undefined;
  const raw = req.cookies[FLASH_COOKIE];
  if (raw) {
    const un = req.unsignCookie(raw);
    if (un.valid && un.value) flash = un.value.slice(0, 300);
    reply.clearCookie(FLASH_COOKIE, { path: '/' });
  }
  const user = req.user;
  let token: string | undefined;
  return {
    site: req.site ?? FALLBACK_SITE,
    user,
    // Issued only when a form asks for it, so pages without forms set no cookie and stay cheap.
    get csrfToken() {
      token ??= reply.generateCsrf();
      return token;
    },
    elderMode: req.cookies[ELDER_COOKIE] === '1',
    path: req.url.split('?')[0] ?? '/',
    flash,
    publicNav,
    footerLinks,
    staffNav: user ? staffNav.filter((n) => !n.visible || n.visible(user)) : [],
    requestId: String(req.id),
    kiosk: req.kiosk ?? null,
  };
}

/**
 * What, besides site, host and URL, changes a public page for the same address (长者模式, a query
 * terminal's frame): part of the key of any cache of whole pages.
 */
export function pageVariant(req: FastifyRequest): string {
  return `${req.cookies[ELDER_COOKIE] === '1' ? 'e' : ''}${req.kiosk ? `k:${req.kiosk.terminalName}:${req.kiosk.idleSeconds}` : ''}`;
}

/** Sets a one-time message shown on the next page (after a redirect). */
export function setFlash(reply: FastifyReply, message: string): void {
  reply.setCookie(FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'lax', signed: true });
}

export function actorOf(req: FastifyRequest): Actor {
  return {
    id: req.user?.id ?? null,
    name: req.user ? `${req.user.displayName}（${req.user.username}）` : '公众',
    unitId: req.user?.unitId ?? null,
    ip: req.ip,
    requestId: String(req.id),
  };
}

/** Only same-site relative paths may be redirect targets. */
export function safeBackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500) return fallback;
  return value;
}

export function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}
