// Sends a batch of malformed requests to every route, as a visitor and as signed-in staff, and
// asserts that none of them causes a 500: bad input always gets a clear 4xx answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../../src/core/testing/index.ts';

const HUGE = '政'.repeat(60_000);
const PARAM_VALUES = ['x'.repeat(300), '%00', '..%2F..%2Fetc', '-1', '99999999999999999999', 'abc', '%E4%B8', '2025-02-30'];
const QUERIES = [
  '?start=2025-02-30&days=abc&from=x&to=&page=-1&year=99999&q=%E0%A4%A&unit=%00',
  `?q=${encodeURIComponent(HUGE.slice(0, 2000))}&page=1e9&days=1.5&start=20250922`,
  '?page[]=1&page[]=2&from[a]=b&days=-1&start=',
  '?%=%&&==&a=%ZZ',
];
const BODIES: { type: string; body: string }[] = [
  { type: 'application/x-www-form-urlencoded', body: '' },
  { type: 'application/x-www-form-urlencoded', body: 'a=%ZZ&b=%E4%B8&c=\u0000\u0001&name[]=1&name[]=2&days=abc&start=2025-13-45&year=-5' },
  { type: 'application/x-www-form-urlencoded', body: `name=${encodeURIComponent(HUGE)}&username=${encodeURIComponent(HUGE)}&q=${encodeURIComponent(HUGE)}` },
  { type: 'application/json', body: '{"broken json' },
  { type: 'application/json', body: '[1,2,3]' },
  { type: 'application/json', body: '{"days":"abc","start":{"$gt":""},"name":null,"roles":"system_admin"}' },
  { type: 'text/plain', body: 'hello' },
  { type: 'application/octet-stream', body: '\u00ff\u00fe\u0000garbage' },
  { type: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--zzz--\r\n' },
];

function fill(url: string, value: string): string {
  return url.replace(/:[A-Za-z_]+/g, value).replace(/\*$/, value);
}

describe('malformed input never causes a 500', () => {
  let t: TestApp;
  let clients: { who: string; c: TestClient; csrf: string }[];
  before(async () => {
    t = await createTestApp();
    clients = [];
    for (const who of ['visitor', 'admin', 'auditor', 'czj_admin']) {
      const c = who === 'visitor' ? t.client() : await t.signIn(who);
      const page = await c.get(who === 'visitor' ? '/staff/login' : '/staff');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      assert.ok(csrf, `a CSRF token for ${who}`);
      clients.push({ who, c, csrf });
    }
  });
  after(async () => t.dispose());

  it('covers every registered route', async () => {
    const routes = t.app.routeList.filter((r) => !r.url.startsWith('/assets/'));
    assert.ok(routes.length >= 10, `found ${routes.length} routes`);
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const urls = route.url.includes(':') ? PARAM_VALUES.map((v) => fill(route.url, v)) : [route.url];
      for (const { who, c, csrf } of clients) {
        for (const url of urls) {
          if (route.method === 'GET') {
            for (const q of QUERIES) {
              requests++;
              const res = await t.app.inject({ method: 'GET', url: url + q, headers: { cookie: cookieOf(c) } });
              if (res.statusCode >= 500) failures.push(`${who} GET ${url + q.slice(0, 60)} → ${res.statusCode}`);
            }
          } else {
            for (const b of BODIES) {
              for (const withToken of [true, false]) {
                requests++;
                const body = withToken && b.type.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(csrf)}&${b.body}` : b.body;
                const res = await t.app.inject({
                  method: route.method as 'POST',
                  url,
                  headers: { cookie: cookieOf(c), 'content-type': b.type, ...(withToken ? { 'x-csrf-token': csrf } : {}) },
                  payload: body,
                });
                if (res.statusCode >= 500) failures.push(`${who} ${route.method} ${url} [${b.type}] ${b.body.slice(0, 40)} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
              }
            }
          }
        }
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${requests} requests failed`);
  });

  it('互动交流 forms: malformed input to every form and action as the openness office gets a 4xx, a message at the field and the input kept', async () => {
    const gkb = await t.signIn('gkb');
    const page = await gkb.get('/staff/messages/hotline');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const actions = ['dispatch', 'sign', 'reply', 'request_extension', 'record_visit', 'redo', 'refuse', 'supervise', 'publish', 'nope'];
    const urls = ['/messages/write/mayor', '/messages/write/unit', '/messages/write/site-error', '/messages/lookup', '/messages/lookup/rate', '/staff/messages/hotline', '/staff/messages/settings', ...actions.map((a) => `/staff/messages/HD-2026-000001/do/${a}`)];
    const failures: string[] = [];
    for (const url of urls) {
      for (const b of BODIES) {
        const body = b.type.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(csrf)}&${b.body}` : b.body;
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieOf(gkb), 'content-type': b.type, 'x-csrf-token': csrf }, payload: body });
        if (res.statusCode >= 500 || res.statusCode < 300) failures.push(`POST ${url} [${b.type}] ${b.body.slice(0, 30)} → ${res.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
    const bad = await gkb.post('/staff/messages/hotline', { _csrf: csrf, idempotencyKey: 'k'.repeat(24), callerPhone: '110abc', kind: 'gossip', title: '<script>x</script>', content: '短' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /电话号码格式不正确/);
    assert.match(bad.body, /请从列表中选择诉求类型/);
    assert.match(bad.body, /诉求内容至少需要10个字/);
    assert.match(bad.body, /value="&lt;script>x&lt;\/script>"|value="&lt;script&gt;x&lt;\/script&gt;"/);
  });

  it('answers an oversized body with 413', async () => {
    const { c, csrf } = clients[1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/preferences/elder-mode',
      headers: { cookie: cookieOf(c), 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
      payload: `_csrf=${csrf}&back=${'a'.repeat(2 * 1024 * 1024)}`,
    });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /提交的内容过大/);
  });

  it('answers an unknown page with the Chinese 404 page and an unknown API path with JSON', async () => {
    const page = await t.client().get('/no/such/page');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /页面不存在/);
    const api = await t.client().get('/api/v1/no-such-thing');
    assert.equal(api.statusCode, 404);
    assert.deepEqual(JSON.parse(api.body), { error: { code: 'not_found', message: '接口不存在', fields: {} } });
  });
});

function cookieOf(c: TestClient): string {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
