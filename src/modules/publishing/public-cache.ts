// Rendered public pages (record pages, lists, feeds, sitemap, home sections) kept briefly per
// instance. A change to a public record drops at once (and again a moment later, after the changing
// transaction has committed) the pages that may show it: its own page, the pages of the records that
// show it (links, replacement), and every list-like page (lists, search, feeds, sitemap, home);
// the other record pages — most of the cache — stay. Other instances see a change within
// TTL_MS + STALE_MS (one minute).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TtlCache } from '../../core/cache.ts';
import { CompressedBody } from '../../core/http/caching.ts';

export interface CachedPage {
  status: number;
  type: string;
  body: string;
  /** Extra headers (Content-Disposition etc.). */
  headers?: Record<string, string>;
  /** The body with its compressed forms, made when the page is first sent from the cache. */
  compressed?: CompressedBody;
  /**
   * A record page: the 索引号 of the records it shows (its own and the linked ones). It is dropped
   * only when one of these changes; a page without it (a list) is dropped on any change.
   */
  shows?: string[];
}

const TTL_MS = 30_000;
/** After the TTL a page is served once more while it reloads, so a popular page never stampedes. */
const STALE_MS = 30_000;
/** Distinct pages kept at most (search URLs are unbounded); the least recently used go first. */
const MAX_ENTRIES = 20_000;
/** Memory for cached pages: text plus its brotli and gzip forms (about a third of the text more). */
const MAX_BYTES = 64 * 1024 * 1024;

export const publicPages = new TtlCache<CachedPage>(TTL_MS, MAX_ENTRIES, {
  maxBytes: MAX_BYTES,
  sizeOf: (page) => Math.ceil(Buffer.byteLength(page.body) * 1.35) + 200,
  staleMs: STALE_MS,
});

/** Data shown on other modules' pages (home sections, item pages), cached the same way. */
export const publicData = new TtlCache<unknown>(TTL_MS);

let pending: ReturnType<typeof setTimeout> | undefined;
/** 索引号 changed since the pending second pass; null: everything. */
let pendingChanged: Set<string> | null = new Set();

function drop(changed: Set<string> | null): void {
  if (changed === null) publicPages.clear();
  else publicPages.deleteWhere((page) => !page.shows || page.shows.some((n) => changed.has(n)));
  publicData.clear();
}

/**
 * Call whenever a public record changes (publish, revise, withdraw, validity, links, attachments),
 * with the 索引号 of the records whose pages show the change; without them every page is dropped.
 */
export function publicRecordsChanged(indexNos?: readonly string[]): void {
  const changed = indexNos ? new Set(indexNos) : null;
  drop(changed);
  // The change is visible to readers only after its transaction commits: drop once more then.
  if (pendingChanged !== null) {
    if (changed === null) pendingChanged = null;
    else for (const n of changed) pendingChanged.add(n);
  }
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    const again = pendingChanged;
    pendingChanged = new Set();
    drop(again);
  }, 1_000);
  pending.unref?.();
}

/** Sends a page; one from the cache goes out in its kept compressed form. */
export function sendPage(reply: FastifyReply, page: CachedPage, cachedFor?: FastifyRequest): FastifyReply {
  reply.code(page.status).type(page.type);
  for (const [k, v] of Object.entries(page.headers ?? {})) reply.header(k, v);
  if (!cachedFor) return reply.send(page.body);
  page.compressed ??= new CompressedBody(page.body);
  return page.compressed.send(cachedFor, reply);
}
