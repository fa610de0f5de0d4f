// Fetches a monitoring feed defensively: http(s) only, redirects followed by hand (at most three, no
// loops, never to another scheme), one timeout for the whole exchange, and the body read up to a size
// limit. Every failure comes back as a Chinese reason for the feed settings page, never as a throw.
import { FEED_LIMITS, decodeFeed, parseFeedText, type FeedEntry } from './feed-parse.ts';

export type FeedFetch = { ok: true; entries: FeedEntry[]; skipped: number } | { ok: false; error: string };

async function readCapped(res: Response, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

export async function fetchFeed(url: string, limits: { timeoutMs?: number; maxBytes?: number } = {}): Promise<FeedFetch> {
  const timeoutMs = limits.timeoutMs ?? FEED_LIMITS.timeoutMs;
  const maxBytes = limits.maxBytes ?? FEED_LIMITS.maxBytes;
  const signal = AbortSignal.timeout(timeoutMs);
  const visited = new Set<string>();
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const u = new URL(current);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, error: '订阅地址只能是 http:// 或 https://' };
      if (visited.has(u.href)) return { ok: false, error: '订阅地址循环跳转' };
      visited.add(u.href);
      const res = await fetch(u, { redirect: 'manual', signal, headers: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'Gongkai-opinion-monitor/1.0' } });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        const loc = res.headers.get('location');
        if (!loc) return { ok: false, error: `订阅地址返回跳转（${res.status}）但没有目标地址` };
        if (hop >= FEED_LIMITS.maxRedirects) return { ok: false, error: `订阅地址跳转超过${FEED_LIMITS.maxRedirects}次` };
        current = new URL(loc, u).href;
        continue;
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        return { ok: false, error: `订阅地址返回错误（HTTP ${res.status}）` };
      }
      const bytes = await readCapped(res, maxBytes);
      if (!bytes) return { ok: false, error: `订阅内容超过${Math.round(maxBytes / 1024 / 1024)}MB，未读取` };
      const text = decodeFeed(bytes, res.headers.get('content-type') ?? '');
      if (!text.ok) return text;
      return parseFeedText(text.text);
    }
  } catch (err) {
    if (signal.aborted) return { ok: false, error: `订阅地址${Math.round(timeoutMs / 1000)}秒内没有响应` };
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') return { ok: false, error: '找不到订阅地址的服务器' };
    if (cause === 'ECONNREFUSED') return { ok: false, error: '订阅地址的服务器拒绝连接' };
    if (err instanceof TypeError && /Invalid URL/i.test(err.message)) return { ok: false, error: '订阅地址格式不正确' };
    return { ok: false, error: '读取订阅地址失败，请检查地址或稍后再试' };
  }
}
