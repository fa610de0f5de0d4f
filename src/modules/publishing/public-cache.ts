// Rendered public pages (record pages, lists, feeds, sitemap, home sections) kept briefly per
// instance. A change to a public record clears this instance's cache at once (and again a moment
// later, after the changing transaction has committed); other instances see it within the TTL.
import { TtlCache } from '../../core/cache.ts';

export interface CachedPage {
  status: number;
  type: string;
  body: string;
  /** Extra headers (Content-Disposition etc.). */
  headers?: Record<string, string>;
}

const TTL_MS = 30_000;
/** Distinct pages kept at most (search URLs are unbounded); the least recently used go first. */
const MAX_ENTRIES = 5_000;

export const publicPages = new TtlCache<CachedPage>(TTL_MS, MAX_ENTRIES);

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
