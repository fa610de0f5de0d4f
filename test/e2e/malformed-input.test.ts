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
    for (const who of ['visitor', 'admin', 'auditor', 'czj_admin', 'secadmin']) {
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
        // The security officer reaches only account and security pages; elsewhere it meets the same 403 as others.
        if (who === 'secadmin' && !/^\/staff\/(users|security)/.test(route.url)) continue;
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
    const actions = ['dispatch', 'sign', 'reply', 'request_extension', 'record_visit', 'redo', 'refuse', 'transfer_request', 'supervise', 'publish', 'nope'];
    const urls = ['/messages/write/mayor', '/messages/write/unit', '/messages/write/site-error', '/messages/lookup', '/messages/lookup/rate', '/staff/messages/hotline', '/staff/messages/settings', '/staff/messages/subjects', '/staff/messages/HD-2026-000001/merged-visit', '/staff/messages/from-request/YSQ-2026-000001', ...actions.map((a) => `/staff/messages/HD-2026-000001/do/${a}`), '/staff/messages/HD-2026-000001/subject'];
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

  it('权责清单、执法公示、办事指南 forms: malformed input to every form and action gets a 4xx with a Chinese message, never a silent 400', async () => {
    const gkb = await t.signIn('gkb');
    const page = await gkb.get('/staff/powers/donggua/decisions');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const decision = { kind: '行政处罚', partyType: '法人', partyName: '楚雄某某商贸有限公司', uscc: '91532301MA6K12345X', legalRep: '李某', facts: '销售过期食品', basis: '《中华人民共和国食品安全法》第一百二十四条', content: '罚款500元', fineYuan: '500' };
    const d = await gkb.submit('/staff/powers/donggua/decisions', '/staff/powers/donggua/decisions', { ...decision, docNo: '东瓜罚〔2026〕90号', decidedOn: '2026-01-05' });
    assert.equal(d.statusCode, 303);
    const dUrl = String(d.headers.location);
    const minor = await gkb.submit('/staff/powers/donggua/decisions', '/staff/powers/donggua/decisions', { ...decision, partyType: '自然人', uscc: '', legalRep: '', partyName: '王某', docNo: '东瓜罚〔2026〕91号', decidedOn: '2026-01-05', flags: 'minor' });
    const minorUrl = String(minor.headers.location);
    const g = await gkb.submit('/staff/powers/donggua/guides/new', '/staff/powers/donggua/guides', { name: '农村宅基地建房审批', itemType: '行政许可', audience: '个人', theme: '农业农村', slots: '1' });
    assert.equal(g.statusCode, 303);
    const gUrl = String(g.headers.location);
    const urls = [
      '/staff/powers/donggua/editions',
      '/staff/powers/donggua/import',
      '/staff/powers/donggua/import/confirm',
      '/staff/powers/donggua/changes',
      '/staff/powers/donggua/enforcement/profile',
      '/staff/powers/donggua/enforcement/officers',
      '/staff/powers/donggua/enforcement/inspections',
      '/staff/powers/donggua/statistics/2025',
      '/staff/powers/donggua/decisions',
      `${dUrl}/publish`,
      `${dUrl}/withdraw`,
      `${minorUrl}/publish`,
      '/staff/powers/donggua/guides',
      gUrl,
      `${gUrl}/publish`,
      `${gUrl}/forms`,
    ];
    const failures: string[] = [];
    for (const url of urls) {
      for (const b of BODIES) {
        const body = b.type.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(csrf)}&${b.body}` : b.body;
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieOf(gkb), 'content-type': b.type, 'x-csrf-token': csrf }, payload: body });
        if (res.statusCode >= 500 || res.statusCode < 300) failures.push(`POST ${url} [${b.type}] ${b.body.slice(0, 30)} → ${res.statusCode}`);
        // Every 400 says why: at the field (error summary), or the platform's page for an unreadable request.
        else if (res.statusCode === 400 && String(res.headers['content-type']).startsWith('text/html') && !/class="error-summary"[\s\S]*?<li>(?:<a [^>]*>)?[^<]*[\u4e00-\u9fff]|<title>请求有误 - /.test(res.body)) failures.push(`POST ${url} [${b.type}] ${b.body.slice(0, 30)} → 400 without a message`);
      }
    }
    assert.deepEqual(failures, []);
    // A malformed date: the message at the field, the input kept.
    const bad = await gkb.submit(dUrl, `${dUrl}/publish`, { publishedOn: '2026-02-30' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /公开日期/);
    assert.match(bad.body, /value="2026-02-30"/);
    // Publishing twice: the second 公开 changes nothing and says so.
    assert.equal((await gkb.submit(dUrl, `${dUrl}/publish`, { publishedOn: '2026-01-06' })).statusCode, 303);
    const again = await gkb.submit(dUrl, `${dUrl}/publish`, { publishedOn: '2026-01-07' });
    assert.equal(again.statusCode, 303);
    assert.match((await gkb.get(dUrl)).body, /该决定已于 2026-01-06 公开，无需重复公开/);
    // A minor's case: refused with the reason, though the page has no 公开 form.
    const withheld = await gkb.submit(minorUrl, `${minorUrl}/publish`, { publishedOn: '2026-01-06' });
    assert.equal(withheld.statusCode, 400);
    assert.match(withheld.body, /该决定依法不公开：当事人是未成年人/);
  });

  // 政务新媒体: every form and action with real ids, as the openness office.
  it('政务新媒体 forms: malformed input to every form and action gets a 4xx with a Chinese message, never a 500', async () => {
    const gkb = await t.signIn('gkb');
    const finance = String((await t.core.pool.query("SELECT id FROM units WHERE slug = 'finance'")).rows[0].id);
    const acc = await gkb.submit('/staff/newmedia/accounts/new', '/staff/newmedia/accounts', { name: '楚雄财政', platform: '微博', handle: 'cxcz', url: 'https://weibo.example.cn/cxcz', manager: '黄海涛', hostUnitId: finance });
    const aUrl = String(acc.headers.location);
    const reqId = String((await t.core.pool.query("SELECT id FROM newmedia_requests WHERE kind = 'open' ORDER BY id DESC LIMIT 1")).rows[0].id);
    await gkb.submit(aUrl, `/staff/newmedia/requests/${reqId}/decide`, { decision: 'approve', reason: '' });
    const accountId = aUrl.split('/').pop()!;
    const p = await gkb.submit('/staff/newmedia/posts/new', '/staff/newmedia/posts', { accountId, title: '测试', body: '正文' });
    const pUrl = String(p.headers.location);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await gkb.get('/staff/newmedia')).body)![1]!;
    const urls = ['/staff/newmedia/accounts', `${aUrl}/requests`, `${aUrl}/updated`, `/staff/newmedia/requests/${reqId}/decide`, '/staff/newmedia/settings', '/staff/newmedia/posts', `${pUrl}/edit`, `${pUrl}/submit`, `${pUrl}/review`, `${pUrl}/release`];
    const failures: string[] = [];
    for (const url of urls) {
      for (const b of BODIES) {
        const body = b.type.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(csrf)}&${b.body}` : b.body;
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieOf(gkb), 'content-type': b.type, 'x-csrf-token': csrf }, payload: body });
        if (res.statusCode >= 500 || (res.statusCode < 300 && res.statusCode !== 200)) failures.push(`POST ${url} [${b.type}] ${b.body.slice(0, 30)} → ${res.statusCode}`);
        else if (res.statusCode === 400 && String(res.headers['content-type']).startsWith('text/html') && !/class="error-summary"[\s\S]*?<li>(?:<a [^>]*>)?[^<]*[\u4e00-\u9fff]|<title>请求有误 - /.test(res.body)) failures.push(`POST ${url} [${b.type}] ${b.body.slice(0, 30)} → ${res.statusCode} without a message`);
      }
    }
    assert.deepEqual(failures, []);
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

  it('解读回应 forms (舆情监测, screenshots, 发布会/访谈): malformed input gets a 4xx, a Chinese message at the field and the input kept', async () => {
    const gkb = await t.signIn('gkb');
    const page = await gkb.get('/staff/opinion/events/new');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const unit = String((await t.core.pool.query("SELECT id FROM units WHERE slug = 'housing-construction'")).rows[0].id);
    const ev = await gkb.post('/staff/opinion/events', { _csrf: csrf, kind: 'interview', topic: '在线访谈（测试）', startsAt: '2030-01-01T10:00', durationMinutes: '60', place: '', speakers: '局长', intro: '', unitId: unit, transcript: '', media: '', publish: 'no' });
    assert.equal(ev.statusCode, 303);
    const staffEvent = String(ev.headers.location);
    const code = staffEvent.split('/').pop()!;
    const root = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
    const cand = (await t.core.pool.query("INSERT INTO opinion_candidates (root_unit_id, origin, key, title, source, first_seen_at) VALUES ($1, 'feed', 'malformed-1', '线索', '监测', now()) RETURNING id", [root])).rows[0].id;
    const reg = await gkb.get('/staff/opinion/new');
    const key = /name="submissionKey" value="([^"]+)"/.exec(reg.body)![1]!;
    const level = String((await t.core.pool.query("SELECT id FROM opinion_levels WHERE name = '一般'")).rows[0].id);
    const item = await gkb.post('/staff/opinion', { _csrf: csrf, submissionKey: key, title: '测试舆情', source: '微博', link: '', firstSeenAt: '2026-11-26T08:00', summary: '摘要', involved: '', levelId: level, unitId: unit });
    const itemUrl = String(item.headers.location);
    const urls = ['/staff/opinion/monitor/feeds', '/staff/opinion/monitor/alerts', `/staff/opinion/monitor/candidates/${cand}/accept`, `/staff/opinion/monitor/candidates/${cand}/dismiss`, '/staff/opinion/monitor/feeds/999999/poll', `${itemUrl}/screenshots`, '/staff/opinion/events', staffEvent, `${staffEvent}/questions`, `${staffEvent}/questions/999999`, `/opinion/events/${code}/questions`];
    const failures: string[] = [];
    for (const url of urls) {
      for (const b of BODIES) {
        const body = b.type.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(csrf)}&${b.body}` : b.body;
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieOf(gkb), 'content-type': b.type, 'x-csrf-token': csrf }, payload: body });
        if (res.statusCode >= 500 || res.statusCode < 300) failures.push(`POST ${url} [${b.type}] ${b.body.slice(0, 30)} → ${res.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
    const feed = await gkb.post('/staff/opinion/monitor/feeds', { _csrf: csrf, name: '<script>x</script>', url: 'http://exa mple', intervalMinutes: '1', active: 'maybe' });
    assert.equal(feed.statusCode, 400);
    assert.match(feed.body, /订阅地址应以 http:\/\/ 或 https:\/\/ 开头/);
    assert.match(feed.body, /value="&lt;script>x&lt;\/script>"/);
    const q = await gkb.post(staffEvent, { _csrf: csrf, kind: 'interview', topic: '在线访谈（测试）', startsAt: '2030-02-30T10:00', durationMinutes: '9999', place: '', speakers: '局长', intro: '', unitId: unit, transcript: '', media: '', publish: 'no' });
    assert.equal(q.statusCode, 400);
    assert.match(q.body, /开始时间应为有效的日期和时间/);
    assert.match(q.body, /value="2030-02-30T10:00"/);
  });

  // 考核 (assessment): every form as the openness office, with every malformed body.
  it('考核 forms: malformed input as the openness office gets a 4xx, never a 500', async () => {
    const gkb = await t.signIn('gkb');
    const page = await gkb.get('/staff/assessment/indicators?year=2026');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const urls = ['/staff/assessment/indicators?year=2026', '/staff/assessment/indicators?year=x', '/staff/assessment/settings', '/staff/assessment/2026-Q3/compute', '/staff/assessment/2026-Q3/bulletin', '/staff/assessment/2026-Q3/bulletin/draft', '/staff/assessment/2026-Q3/units/1/manual', '/staff/assessment/2026-Q3/units/1/objections', '/staff/assessment/objections/1/decide'];
    const failures: string[] = [];
    for (const url of urls) {
      for (const b of BODIES) {
        const body = b.type.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(csrf)}&${b.body}` : b.body;
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieOf(gkb), 'content-type': b.type, 'x-csrf-token': csrf }, payload: body });
        if (res.statusCode >= 500) failures.push(`POST ${url} [${b.type}] ${b.body.slice(0, 30)} → ${res.statusCode}: ${res.body.slice(0, 120)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

describe('malformed input on a query terminal never causes a 500', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('the kiosk start page, public pages in the kiosk frame and the office kiosk forms answer 4xx or 2xx/3xx', async () => {
    const failures: string[] = [];
    const terminal = 'K3WMFZH2A'; // seeded
    for (const cookie of [`gk_kiosk=${terminal}`, 'gk_kiosk=%00', `gk_kiosk=${'K'.repeat(300)}`, 'gk_kiosk=K22222222']) {
      for (const url of ['/kiosk', '/kiosk/exit', '/records', '/search', '/staff/kiosk', '/sitemap']) {
        for (const q of [...QUERIES, '?terminal=%00', `?terminal=${terminal}&terminal=${terminal}`, `?terminal=${'x'.repeat(500)}`, '?terminal[a]=1', `?terminal=${terminal.toLowerCase()}`]) {
          const res = await t.app.inject({ method: 'GET', url: url + q, headers: { cookie } });
          if (res.statusCode >= 500) failures.push(`GET ${url + q.slice(0, 60)} [${cookie.slice(0, 30)}] → ${res.statusCode}`);
        }
      }
    }
    const office = await t.signIn('gkb');
    const page = await office.get('/staff/kiosk');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    for (const url of ['/staff/kiosk/settings', '/staff/kiosk/terminals', `/staff/kiosk/terminals/${terminal}`, '/staff/kiosk/terminals/%00']) {
      for (const b of BODIES) {
        const body = b.type.startsWith('application/x-www-form-urlencoded') ? `_csrf=${encodeURIComponent(csrf)}&${b.body}&idleSeconds=1e99&commonSearches=${encodeURIComponent('一\n'.repeat(500))}&place=${encodeURIComponent(HUGE.slice(0, 500))}` : b.body;
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieOf(office), 'content-type': b.type, 'x-csrf-token': csrf }, payload: body });
        if (res.statusCode >= 500) failures.push(`POST ${url} [${b.type}] → ${res.statusCode}: ${res.body.slice(0, 200)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

function cookieOf(c: TestClient): string {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
