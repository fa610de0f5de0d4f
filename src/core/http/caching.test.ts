// HTTP caching and compression: which responses a shared cache may keep, ETag and 304, and compressed
// bodies that decode to the same page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { cacheControlFor, chooseEncoding, CompressedBody, type ResponseFacts } from './caching.ts';
import { createTestApp, type TestApp } from '../testing/index.ts';

const policy = { maxAgeSeconds: 30, staleSeconds: 300 };
const page: ResponseFacts = { method: 'GET', status: 200, path: '/records', signedIn: false, setsCookie: false, contentType: 'text/html; charset=utf-8', hasFormToken: false, alreadySet: false };
const PUBLIC = 'public, max-age=30, stale-while-revalidate=300';

describe('cacheControlFor', () => {
  const cases: [string, Partial<ResponseFacts>, string | undefined][] = [
    ['an anonymous public page', {}, PUBLIC],
    ['a feed', { path: '/records/feed.xml', contentType: 'application/rss+xml' }, PUBLIC],
    ['a public JSON API answer', { path: '/api/v1/records', contentType: 'application/json; charset=utf-8' }, PUBLIC],
    ['a page seen by a signed-in person', { signedIn: true }, 'private, no-store'],
    ['a staff page (e.g. the sign-in form)', { path: '/staff/login', hasFormToken: true }, 'private, no-store'],
    ['a public form page with a token', { path: '/requests/new', hasFormToken: true }, 'private, no-cache'],
    ['a page that sets a cookie', { setsCookie: true }, 'private, no-cache'],
    ['a route that chose its own header', { alreadySet: true }, undefined],
    ['an error page', { status: 404 }, undefined],
    ['a redirect', { status: 303 }, undefined],
    ['a POST answer', { method: 'POST' }, undefined],
    ['a file download', { contentType: 'application/pdf' }, undefined],
  ];
  for (const [name, over, expected] of cases) {
    it(name, () => assert.equal(cacheControlFor({ ...page, ...over }, policy), expected));
  }
  it('max-age 0: caches must ask each time (ETag makes that cheap)', () => {
    assert.equal(cacheControlFor(page, { maxAgeSeconds: 0, staleSeconds: 300 }), 'public, no-cache');
  });
});

describe('chooseEncoding', () => {
  const cases: [string | undefined, string | undefined][] = [
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [header, expected] of cases) it(`${String(header)} → ${String(expected)}`, () => assert.equal(chooseEncoding(header), expected));
});

describe('CompressedBody', () => {
  it('compresses once and decodes to the same text', () => {
    const body = new CompressedBody('<p>楚雄市2026年市级预算公开</p>'.repeat(200));
    const br = body.encoded('br');
    assert.equal(body.encoded('br'), br, 'made once and kept');
    assert.equal(zlib.brotliDecompressSync(br).toString(), body.text);
    assert.equal(zlib.gunzipSync(body.encoded('gzip')).toString(), body.text);
    assert.ok(br.length < Buffer.byteLength(body.text) / 10);
  });
});

describe('HTTP caching on the running app', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.dispose());

  it('a public list: Cache-Control, Vary and an ETag that answers 304', async () => {
    const c = t.client();
    const first = await c.get('/records');
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], `public, max-age=${t.config.publicCacheSeconds}, stale-while-revalidate=300`);
    assert.match(String(first.headers.vary), /Cookie/);
    const tag = String(first.headers.etag);
    assert.match(tag, /^W\/"/);
    const again = await c.get('/records', { 'if-none-match': tag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers['content-encoding'], undefined);
  });

  it('brotli and gzip by Accept-Encoding, decoding to the page', async () => {
    const c = t.client();
    const plain = await c.get('/records');
    for (const [accept, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync]] as const) {
      const res = await c.get('/records', { 'accept-encoding': accept });
      assert.equal(res.headers['content-encoding'], accept);
      assert.equal(decode(res.rawPayload).toString(), plain.body);
      assert.match(String(res.headers.vary), /Accept-Encoding/);
    }
  });

  it('a form page with a token is never kept by a shared cache', async () => {
    const res = await t.client().get('/requests/apply');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['cache-control']), /^(private|no-store)/);
  });

  it('staff pages are not stored at all', async () => {
    const c = await t.signIn('admin');
    const res = await c.get('/staff');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const pub = await c.get('/records');
    assert.equal(pub.headers['cache-control'], 'private, no-store', 'a signed-in person may see staff links on public pages');
  });
});
