// XML builders for RSS 2.0 (https://www.rssboard.org/rss-specification), Atom (RFC 4287) and the
// sitemap protocol (https://www.sitemaps.org/protocol.html). Pure: strings in, a document out.

/** Escapes text for XML and drops the characters XML 1.0 does not allow (control characters, lone surrogates). */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface FeedEntry {
  /** Absolute URL of the page (also the id). */
  url: string;
  title: string;
  summary: string;
  published: Date;
  updated: Date;
  author: string;
  categories: string[];
}

export interface FeedInfo {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Newest entry's update, or when the feed was built if empty. */
  updated: Date;
  author: string;
}

export function rss(feed: FeedInfo, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `    <item>
      <title>${xmlEscape(e.title)}</title>
      <link>${xmlEscape(e.url)}</link>
      <guid isPermaLink="true">${xmlEscape(e.url)}</guid>
      <pubDate>${e.published.toUTCString()}</pubDate>
      <description>${xmlEscape(e.summary)}</description>
${e.categories.map((c) => `      <category>${xmlEscape(c)}</category>\n`).join('')}    </item>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xmlEscape(feed.title)}</title>
    <link>${xmlEscape(feed.pageUrl)}</link>
    <description>${xmlEscape(feed.description)}</description>
    <language>zh-CN</language>
    <lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
    <atom:link href="${xmlEscape(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${items}  </channel>
</rss>
`;
}

export function atom(feed: FeedInfo, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `  <entry>
    <id>${xmlEscape(e.url)}</id>
    <title>${xmlEscape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
    <author><name>${xmlEscape(e.author)}</name></author>
    <summary>${xmlEscape(e.summary)}</summary>
${e.categories.map((c) => `    <category term="${xmlEscape(c)}"/>\n`).join('')}  </entry>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlEscape(feed.selfUrl)}</id>
  <title>${xmlEscape(feed.title)}</title>
  <subtitle>${xmlEscape(feed.description)}</subtitle>
  <updated>${feed.updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>
  <author><name>${xmlEscape(feed.author)}</name></author>
${items}</feed>
`;
}

export interface SitemapUrl {
  loc: string;
  /** W3C date (YYYY-MM-DD) or datetime. */
  lastmod?: string;
}

/** The sitemap protocol's limits: 50,000 URLs and 50 MB per file. */
export const SITEMAP_MAX_URLS = 50_000;

export function sitemapUrlset(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new RangeError(`a sitemap holds at most ${SITEMAP_MAX_URLS} URLs`);
  const body = urls.map((u) => `  <url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}</urlset>
`;
}

export function sitemapIndex(sitemaps: SitemapUrl[]): string {
  const body = sitemaps.map((u) => `  <sitemap><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}</sitemapindex>
`;
}

/** The W3C datetime of an instant, to the second, in UTC. */
export function w3cDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
