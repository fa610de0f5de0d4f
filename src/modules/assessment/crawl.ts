// The monitor's crawl of a site: from the start pages, every internal link followed breadth-first up to a
// page limit, each page fetched once; what it saw (pages, links with their targets' status) is handed to
// the pure rules (domain/monitor.ts). The fetch is injected: the app's own pages in-process, a fixture
// site in tests.
import { externalLinks, internalLinks, type ExternalLinkObservation, type LinkObservation } from './domain/monitor.ts';

export interface FetchedPage {
  status: number;
  html: string;
  ms: number;
}

export type PageFetcher = (path: string) => Promise<FetchedPage>;

export interface CrawlResult {
  pages: Map<string, FetchedPage>;
  links: LinkObservation[];
  /** Pages not fetched because the limit was reached. */
  skipped: number;
  /** External links found on the crawled pages (page, address), not fetched by the crawl. */
  external: { from: string; href: string }[];
}

/** Answers an external address with its HTTP status, or 'unchecked' when the network gives no answer. */
export type ExternalChecker = (url: string) => Promise<number | 'unchecked'>;

/** HEAD (GET when HEAD is refused) with a short timeout, no body read; redirects followed. */
export const networkChecker =
  (timeoutMs = 5_000): ExternalChecker =>
  async (url) => {
    try {
      let res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      if (res.status === 405 || res.status === 501) {
        res = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
        await res.body?.cancel();
      }
      return res.status;
    } catch {
      return 'unchecked';
    }
  };

/** Checks up to `limit` distinct external addresses, `parallel` at a time. */
export async function checkExternal(found: readonly { from: string; href: string }[], check: ExternalChecker, limit = 50, parallel = 5): Promise<ExternalLinkObservation[]> {
  const targets = [...new Set(found.map((f) => f.href))].slice(0, limit);
  const status = new Map<string, number | 'unchecked'>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, targets.length) }, async () => {
      while (next < targets.length) {
        const url = targets[next++]!;
        status.set(url, await check(url));
      }
    }),
  );
  return found.filter((f) => status.has(f.href)).map((f) => ({ ...f, status: status.get(f.href)! }));
}

export async function crawlSite(fetch: PageFetcher, start: readonly string[], limit: number): Promise<CrawlResult> {
  const pages = new Map<string, FetchedPage>();
  const found: { from: string; href: string }[] = [];
  const external: { from: string; href: string }[] = [];
  const queue = [...start];
  const queued = new Set(queue);
  let skipped = 0;
  while (queue.length) {
    const path = queue.shift()!;
    if (pages.size >= limit) {
      skipped++;
      continue;
    }
    let page: FetchedPage;
    try {
      page = await fetch(path);
    } catch {
      page = { status: 0, html: '', ms: 0 };
    }
    pages.set(path, page);
    if (page.status !== 200) continue;
    for (const href of externalLinks(page.html)) external.push({ from: path, href });
    for (const href of internalLinks(page.html, path)) {
      found.push({ from: path, href });
      if (!queued.has(href)) {
        queued.add(href);
        queue.push(href);
      }
    }
  }
  // A link whose target was not fetched (over the limit) is not judged.
  const links = found.filter((l) => pages.has(l.href)).map((l) => ({ ...l, status: pages.get(l.href)!.status }));
  return { pages, links, skipped, external };
}
