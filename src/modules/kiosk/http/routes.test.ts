// Query terminals end to end: the office registers a terminal, the terminal opens its start address and
// gets the kiosk frame on every public page (QR code, idle return, no staff links), use is counted per
// terminal per day, and the office sees the counts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, tableRows, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

let t: TestApp;
let office: TestClient;
let code = '';

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  office = await t.signIn('gkb');
});
after(async () => t.dispose());

describe('query terminals', () => {
  it('the office registers a terminal; bad input is answered at the field and kept', async () => {
    const bad = await office.submit('/staff/kiosk', '/staff/kiosk/terminals', { name: '', place: '大厅'.repeat(60) });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写终端名称/);
    assert.match(textOf(bad.body), /放置地点不能超过100个字/);
    const ok = await office.submit('/staff/kiosk', '/staff/kiosk/terminals', { name: '测试大厅1号机', place: '楚雄市为民服务中心二楼' });
    assert.equal(ok.statusCode, 303);
    const page = await office.get('/staff/kiosk');
    code = /\/kiosk\?terminal=(K[0-9A-Z]{8})<\/code><\/td><td><a href="\/staff\/kiosk\/terminals\/\1">修改<span class="visually-hidden">“测试大厅1号机”/.exec(page.body)?.[1] ?? '';
    assert.ok(code, 'the start address is shown');
    const same = await office.submit('/staff/kiosk', '/staff/kiosk/terminals', { name: '测试大厅1号机', place: '别处' });
    assert.equal(same.statusCode, 400);
    assert.match(textOf(same.body), /已有同名的终端/);
  });

  it('settings: idle time within bounds, common searches one per line', async () => {
    const bad = await office.submit('/staff/kiosk', '/staff/kiosk/settings', { idleSeconds: '5', commonSearches: '补贴' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /自动回到首页的时间不能小于30/);
    assert.match(bad.body, /value="5"/);
    const ok = await office.submit('/staff/kiosk', '/staff/kiosk/settings', { idleSeconds: '90', commonSearches: '惠民惠农补贴\n政府信息公开指南' });
    assert.equal(ok.statusCode, 303);
  });

  it('a terminal opens its start address: the kiosk frame with QR, idle return and no staff links; pages are counted', async () => {
    const kiosk = t.client();
    const unknown = await kiosk.get('/kiosk?terminal=K22222222');
    assert.equal(unknown.statusCode, 404);
    assert.equal((await kiosk.get('/kiosk?terminal=%00')).statusCode, 400);
    assert.equal((await kiosk.get('/kiosk?terminal=x&terminal=y')).statusCode, 400);
    const open = await kiosk.get(`/kiosk?terminal=${code}`);
    assert.equal(open.statusCode, 303);
    assert.equal(open.headers.location, '/kiosk');
    const start = await kiosk.get('/kiosk');
    assert.equal(start.statusCode, 200);
    assert.equal(start.headers['cache-control'], 'no-store');
    const text = textOf(start.body);
    assert.match(text, /自助查询终端 · 测试大厅1号机/);
    for (const s of ['按主题浏览', '按单位浏览', '按栏目浏览', '惠民惠农补贴', '政府信息公开指南', '综合政务']) assert.match(text, new RegExp(s));
    assert.match(start.body, /<noscript><meta http-equiv="refresh" content="90;url=\/kiosk"\/?><\/noscript>/);
    assert.match(start.body, /<svg[^>]*role="img"[^>]*aria-label="本页地址的二维码"/);
    assert.doesNotMatch(start.body, /href="\/staff/);
    assert.doesNotMatch(text, /工作人员登录/);
    // Any public page gets the same frame; the back office is out of reach.
    const records = await kiosk.get('/records');
    assert.equal(records.statusCode, 200);
    assert.match(records.body, /class="kiosk"/);
    assert.doesNotMatch(records.body, /href="\/staff/);
    assert.equal((await kiosk.get('/staff/login')).headers.location, '/kiosk');
    // An ordinary visitor sees the ordinary page (and no cached kiosk page).
    const visitor = await t.client().get('/records');
    assert.doesNotMatch(visitor.body, /class="kiosk"/);
    assert.match(visitor.body, /工作人员登录/);
    await kiosk.get('/kiosk');
    const n = (await t.core.pool.query('SELECT day::text, pages, starts FROM kiosk_use_daily u JOIN kiosk_terminals k ON k.id = u.terminal_id WHERE k.code = $1', [code])).rows;
    assert.deepEqual(n, [{ day: '2026-11-26', pages: 3, starts: 2 }]);
    const report = await office.get('/staff/kiosk');
    const row = tableRows(report.body, '按终端统计').find((r) => r[0] === '测试大厅1号机');
    assert.deepEqual(row, ['测试大厅1号机', '楚雄市为民服务中心二楼', '3', '2']);
  });

  it('a terminal taken out of use shows ordinary pages again', async () => {
    const off = await office.submit(`/staff/kiosk/terminals/${code}`, `/staff/kiosk/terminals/${code}`, { name: '测试大厅1号机', place: '楚雄市为民服务中心二楼' });
    assert.equal(off.statusCode, 303);
    const kiosk = t.client();
    kiosk.cookies.set('gk_kiosk', code);
    const page = await kiosk.get('/records');
    assert.doesNotMatch(page.body, /class="kiosk"/);
  });

  it('the site map lists the start page', async () => {
    assert.match((await t.client().get('/sitemap')).body, /<a href="\/kiosk">自助查询终端<\/a>/);
  });
});
