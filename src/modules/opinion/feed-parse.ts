// A monitoring vendor's feed read into candidate entries (国办发〔2016〕61号: 加强政务舆情监测, 及时收集
// 舆情). RSS 2.0 / RSS 1.0 / Atom through htmlparser2's feed reader, JSON Feed 1.x by hand. The feed is
// untrusted: its bytes are decoded by the declared charset (GBK feeds exist), titles and summaries are
// reduced to plain text and cut to size, links must be http(s), and only the first entries count.
import { parseFeed, Parser } from 'htmlparser2';
import { htmlToPlainText } from '../../core/html/sanitize.ts';

export const FEED_LIMITS = {
  /** Bytes read from the server; more is refused, not truncated (a cut XML is malformed anyway). */
  maxBytes: 2 * 1024 * 1024,
  /** Entries taken from one poll, newest first as the feed lists them. */
  maxEntries: 100,
  titleChars: 200,
  summaryChars: 2000,
  linkChars: 500,
  keyChars: 500,
  timeoutMs: 10_000,
  maxRedirects: 3,
} as const;

export interface FeedEntry {
  /** guid / id, else the link: what makes an entry the same one on the next poll. */
  key: string;
  title: string;
  link: string;
  summary: string;
  publishedAt: Date | null;
}

export type FeedParse = { ok: true; entries: FeedEntry[]; skipped: number } | { ok: false; error: string };

/** The charset a response declares in its Content-Type, else in the XML declaration, else UTF-8. */
export function declaredCharset(contentType: string, head: Buffer): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head.subarray(0, 200).toString('latin1'))?.[1];
  return (decl ?? 'utf-8').toLowerCase();
}

/** The bytes as text in their declared charset; an unknown charset is an error a person can read. */
export function decodeFeed(bytes: Buffer, contentType: string): { ok: true; text: string } | { ok: false; error: string } {
  const charset = declaredCharset(contentType, bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset === 'gb2312' ? 'gbk' : charset);
  } catch {
    return { ok: false, error: `不支持的字符编码“${charset.slice(0, 30)}”` };
  }
  return { ok: true, text: decoder.decode(bytes) };
}

const cut = (s: string, n: number) => {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
};

/** Plain text of a title or summary that may carry HTML (Atom type="html", RSS descriptions). */
export function plain(s: unknown, max: number): string {
  if (typeof s !== 'string' || !s) return '';
  // eslint-disable-next-line no-control-regex
  const text = htmlToPlainText(s.length > max * 20 ? s.slice(0, max * 20) : s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return cut(text.replace(/\s*\n\s*/g, ' ').trim(), max);
}

/** A link that can be shown and followed: http(s) only, no spaces or quotes, not too long. */
export function safeLink(s: unknown): string {
  if (typeof s !== 'string') return '';
  const v = s.trim();
  return /^https?:\/\/[^\s<>"']+$/i.test(v) && v.length <= FEED_LIMITS.linkChars ? v : '';
}

function entryOf(raw: { id?: unknown; title?: unknown; link?: unknown; summary?: unknown; published?: unknown }): FeedEntry | null {
  const link = safeLink(raw.link);
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id).trim() : '';
  const key = cut(id || link, FEED_LIMITS.keyChars);
  const title = plain(raw.title, FEED_LIMITS.titleChars);
  if (!key || !title) return null;
  const d = raw.published instanceof Date ? raw.published : typeof raw.published === 'string' ? new Date(raw.published) : null;
  return { key, title, link, summary: plain(raw.summary, FEED_LIMITS.summaryChars), publishedAt: d && !Number.isNaN(d.getTime()) ? d : null };
}

function finish(raws: Parameters<typeof entryOf>[0][]): FeedParse {
  const entries: FeedEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const r of raws.slice(0, FEED_LIMITS.maxEntries)) {
    const e = entryOf(r);
    if (!e || seen.has(e.key)) {
      skipped++;
      continue;
    }
    seen.add(e.key);
    entries.push(e);
  }
  return { ok: true, entries, skipped: skipped + Math.max(0, raws.length - FEED_LIMITS.maxEntries) };
}

/** Whether every element is closed: the feed parser is lenient, a cut or broken document is refused here. */
export function allClosed(xml: string): boolean {
  let ended = false;
  let unclosed = false;
  const p = new Parser(
    {
      onclosetag() {
        if (ended) unclosed = true;
      },
    },
    { xmlMode: true },
  );
  p.write(xml);
  ended = true;
  p.end();
  return !unclosed;
}

/** Entries of an RSS, Atom or JSON Feed document; anything else is refused with the reason. */
export function parseFeedText(text: string): FeedParse {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(t);
    } catch {
      return { ok: false, error: 'JSON 格式错误，无法读取' };
    }
    const items = (doc as { items?: unknown }).items;
    if (!Array.isArray(items)) return { ok: false, error: '不是 JSON Feed：缺少 items 列表' };
    return finish(
      items.map((x) => {
        const o = (x && typeof x === 'object' ? x : {}) as Record<string, unknown>;
        return { id: o.id, title: o.title, link: o.url ?? o.external_url, summary: o.summary ?? o.content_text ?? o.content_html, published: o.date_published ?? o.date_modified };
      }),
    );
  }
  if (!t.startsWith('<')) return { ok: false, error: '不是 RSS、Atom 或 JSON 格式的订阅源' };
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = allClosed(t) ? parseFeed(t, { xmlMode: true }) : null;
  } catch {
    feed = null;
  }
  if (!feed) return { ok: false, error: 'XML 格式错误或不是 RSS/Atom 订阅源' };
  return finish(feed.items.map((i) => ({ id: i.id, title: i.title, link: i.link, summary: i.description, published: i.pubDate })));
}
