// Rendered public pages (record pages, lists, feeds, sitemap, home sections) kept briefly per
// instance. A change to a public record clears this instance's cache at once (and again a moment
// later, after the changing transaction has committed); other instances see it within the TTL.
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

/** Call whenever a public record changes (publish, revise, withdraw, validity, links, attachments). */
export function publicRecordsChanged(): void {
  publicPages.clear();
  publicData.clear();
  // The change is visible to readers only after its transaction commits: clear once more then.
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    publicPages.clear();
    publicData.clear();
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
