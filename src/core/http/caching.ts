// HTTP caching and compression. Anonymous public pages may be kept by browsers and a front proxy for a
// short while (and served stale while they refresh); anything personal, any page carrying a form token
// and every staff page is never stored by a shared cache. Responses are compressed by Accept-Encoding;
// pages from the page cache are compressed once and kept that way (see CompressedBody).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import etag from '@fastify/etag';

export interface CachePolicy {
  /** Seconds a browser or proxy may use an anonymous public page without asking again. */
  maxAgeSeconds: number;
  /** Seconds after that during which a cache may serve the old page while it fetches a new one. */
  staleSeconds: number;
}

export interface ResponseFacts {
  method: string;
  status: number;
  path: string;
  signedIn: boolean;
  setsCookie: boolean;
  contentType: string;
  /** The body holds a CSRF token (a form), so it belongs to one visitor. */
  hasFormToken: boolean;
  /** A route already chose its own Cache-Control. */
  alreadySet: boolean;
}

const CACHEABLE_TYPES = /^(text\/html|application\/(rss\+xml|atom\+xml|xml|json)|text\/xml|text\/plain)/;

/**
 * The Cache-Control header for a response, or undefined to leave it as the route set it. Public means
 * the same bytes for every anonymous visitor of this URL (varying only by cookie and encoding).
 */
export function cacheControlFor(f: ResponseFacts, policy: CachePolicy): string | undefined {
  if (f.alreadySet) return undefined;
  if (f.signedIn || f.path.startsWith('/staff') || f.path.startsWith('/api/staff')) return 'private, no-store';
  if (f.method !== 'GET' && f.method !== 'HEAD') return undefined;
  if (f.setsCookie || f.hasFormToken) return 'private, no-cache';
  if ((f.status !== 200 && f.status !== 304) || !CACHEABLE_TYPES.test(f.contentType)) return undefined;
  if (policy.maxAgeSeconds === 0) return 'public, no-cache';
  return `public, max-age=${policy.maxAgeSeconds}, stale-while-revalidate=${policy.staleSeconds}`;
}

const FORM_TOKEN = 'name="_csrf"';

export async function registerHttpCaching(app: FastifyInstance, policy: CachePolicy): Promise<void> {
  // ETag on every text response; a matching If-None-Match answers 304 without a body.
  await app.register(etag, { weak: true, algorithm: 'sha1' });
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 304) reply.removeHeader('content-encoding');
    const preEncoded = Boolean(reply.getHeader('content-encoding'));
    const value = cacheControlFor(
      {
        method: req.method,
        status: reply.statusCode,
        path: req.url,
        signedIn: Boolean(req.user),
        setsCookie: reply.getHeader('set-cookie') !== undefined,
        contentType: String(reply.getHeader('content-type') ?? ''),
        // Pre-encoded bodies come from the public page cache, which never holds a form token.
        hasFormToken: !preEncoded && typeof payload === 'string' && payload.includes(FORM_TOKEN),
        alreadySet: reply.getHeader('cache-control') !== undefined,
      },
      policy,
    );
    if (value) reply.header('cache-control', value);
    if (value?.startsWith('public')) appendVary(reply, 'Cookie');
    return payload;
  });
  // Must come before @fastify/static so static files are compressed too.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
}

function appendVary(reply: FastifyReply, field: string): void {
  const current = String(reply.getHeader('vary') ?? '');
  const fields = current ? current.split(/\s*,\s*/) : [];
  if (!fields.some((f) => f.toLowerCase() === field.toLowerCase())) fields.push(field);
  reply.header('vary', fields.join(', '));
}

/** The encoding to send for an Accept-Encoding header: brotli first, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/**
 * A body kept in a cache together with its compressed forms, made on first demand and then reused,
 * so a popular page is compressed once rather than on every request. Brotli at quality 9 is affordable
 * here because it happens once per cached page.
 */
export class CompressedBody {
  readonly etag: string;
  private brBody?: Buffer;
  private gzipBody?: Buffer;

  constructor(readonly text: string) {
    this.etag = `W/"${crypto.createHash('sha1').update(text).digest('base64')}"`;
  }

  get size(): number {
    return Buffer.byteLength(this.text) + (this.brBody?.length ?? 0) + (this.gzipBody?.length ?? 0);
  }

  encoded(encoding: 'br' | 'gzip'): Buffer {
    if (encoding === 'br') {
      this.brBody ??= zlib.brotliCompressSync(this.text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } });
      return this.brBody;
    }
    this.gzipBody ??= zlib.gzipSync(this.text, { level: 9 });
    return this.gzipBody;
  }

  /** Sends the body in the best encoding the client accepts (small bodies as they are). */
  send(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    reply.header('etag', this.etag);
    appendVary(reply, 'Accept-Encoding');
    const encoding = this.text.length >= 512 ? chooseEncoding(req.headers['accept-encoding']) : undefined;
    if (!encoding) return reply.send(this.text);
    return reply.header('content-encoding', encoding).send(this.encoded(encoding));
  }
}
