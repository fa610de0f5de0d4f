// The monitor's crawl of a site: from the start pages, every internal link followed breadth-first up to a
// page limit, each page fetched once; what it saw (pages, links with their targets' status) is handed to
// the pure rules (domain/monitor.ts). The fetch is injected: the app's own pages in-process, a fixture
// site in tests.
import { internalLinks, type LinkObservation } from './domain/monitor.ts';

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
}

export async function crawlSite(fetch: PageFetcher, start: readonly string[], limit: number): Promise<CrawlResult> {
  const pages = new Map<string, FetchedPage>();
  const found: { from: string; href: string }[] = [];
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
  return { pages, links, skipped };
}
