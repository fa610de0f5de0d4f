// End to end through the real database and HTTP server: a department applies to open an account, the
// openness office approves it, it appears in the public matrix with its QR code; a post goes through the
// three review steps (own post refused, one person per step, a return with reason); it is released; two
// weeks of silence flag the account on the registry, the staff home and the website monitor.
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { silentAccounts } from '../index.ts';

let t: TestApp;
let gkb: TestClient;
let editor: TestClient;
let reviewer: TestClient;
let accountUrl = '';
let postUrl = '';
// 2026-11-26 10:00 Beijing time.
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  gkb = await t.signIn('gkb');
  editor = await t.signIn('czj_editor');
  reviewer = await t.signIn('czj_reviewer');
});
after(async () => t.dispose());

const one = async (q: string, params: unknown[] = []) => (await t.core.pool.query(q, params)).rows[0];
const financeId = async () => String((await one("SELECT id FROM units WHERE slug = 'finance'")).id);
const review = (c: TestClient, decision: string, reason = '', step?: string) => c.submit(postUrl, `${postUrl}/review`, { decision, reason, step: step ?? '' });

describe('an account from application to the public matrix', () => {
  it('refuses bad input at the field in Chinese, keeping it', async () => {
    const bad = await editor.submit('/staff/newmedia/accounts/new', '/staff/newmedia/accounts', { name: '<b>楚雄财政</b>', platform: '飞信', handle: '', url: 'javascript:alert(1)', manager: '', hostUnitId: 'x' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    for (const m of ['请从列表中选择平台', '请填写账号/ID', '链接应以 http:// 或 https:// 开头', '请填写负责人', '请选择主办单位']) assert.match(text, new RegExp(m));
    assert.match(bad.body, /value="&lt;b>楚雄财政&lt;\/b>"/);
  });

  it('files a 开设 request once however often the form is sent; only the office approves', async () => {
    const form = await editor.get('/staff/newmedia/accounts/new');
    const key = /name="submissionKey" value="([^"]+)"/.exec(form.body)![1]!;
    const good = { submissionKey: key, name: '楚雄财政', platform: '微信公众号', handle: 'cxczj', url: 'https://mp.weixin.example.cn/cxczj', operator: '', manager: '黄海涛', hostUnitId: await financeId() };
    const ok = await editor.submit('/staff/newmedia/accounts/new', '/staff/newmedia/accounts', good);
    assert.equal(ok.statusCode, 303);
    accountUrl = String(ok.headers.location);
    assert.equal((await editor.submit('/staff/newmedia/accounts/new', '/staff/newmedia/accounts', good)).headers.location, accountUrl);
    assert.equal((await one('SELECT count(*)::int AS n FROM newmedia_accounts')).n, 1);
    const page = textOf((await editor.get(accountUrl)).body);
    assert.match(page, /拟开设（待审核）/);
    assert.match(page, /等待市政务公开办审核/);
    const reqId = (await one('SELECT id FROM newmedia_requests')).id;
    // A unit's editor posting the decision form is refused with the reason.
    const refused = await editor.submit(accountUrl, `/staff/newmedia/requests/${reqId}/decide`, { decision: 'approve', reason: '' });
    assert.equal(refused.statusCode, 403);
    assert.match(textOf(refused.body), /只有政务公开办可以审核政务新媒体的开设、变更、关停和注销/);
    assert.equal((await editor.get('/staff/newmedia/requests')).statusCode, 403);
    // The office: a return needs a reason.
    const noReason = await gkb.submit(accountUrl, `/staff/newmedia/requests/${reqId}/decide`, { decision: 'reject', reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /退回申请须说明理由/);
    assert.equal((await gkb.submit(accountUrl, `/staff/newmedia/requests/${reqId}/decide`, { decision: 'approve', reason: '同意开设' })).statusCode, 303);
    assert.deepEqual(await one('SELECT state, opened_on FROM newmedia_accounts'), { state: 'active', opened_on: '2026-11-26' });
    const audit = (await t.core.pool.query("SELECT action FROM audit_log WHERE action LIKE 'newmedia.%' ORDER BY id")).rows.map((r) => r.action);
    assert.deepEqual(audit, ['newmedia.request-open', 'newmedia.request-approved']);
  });

  it('shows the account in the public matrix with a generated QR code, and not its 负责人', async () => {
    const res = await t.client().get('/newmedia');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<svg[^>]*role="img" aria-label="楚雄财政（微信公众号）二维码"/);
    assert.match(res.body, /<title>楚雄财政（微信公众号）二维码<\/title>/);
    assert.match(textOf(res.body), /微信公众号（1）/);
    assert.doesNotMatch(res.body, /黄海涛/);
    assert.match(textOf((await t.client().get('/newmedia?by=unit')).body), /楚雄市财政局（1）/);
  });
});

describe('a post through 初审 → 复审 → 终审', () => {
  it('writes a draft with the body sanitised and shows the content check to reviewers', async () => {
    const accountId = accountUrl.split('/').pop()!;
    const bad = await editor.submit(`/staff/newmedia/posts/new?account=${accountId}`, '/staff/newmedia/posts', { accountId, title: '', body: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写标题.*请填写正文/);
    const ok = await editor.submit(`/staff/newmedia/posts/new?account=${accountId}`, '/staff/newmedia/posts', { accountId, title: '2027年惠民惠农补贴发放公告', body: '<p>请各位领取人佩带身份证到村委会核对。</p><script>alert(1)</script><p onclick="x()">发放时间另行通知。</p>' });
    assert.equal(ok.statusCode, 303);
    postUrl = String(ok.headers.location);
    const body = (await one('SELECT body_html FROM newmedia_posts')).body_html;
    assert.doesNotMatch(body, /script|onclick/);
    assert.match(body, /发放时间另行通知/);
    const page = await reviewer.get(postUrl);
    assert.match(textOf(page.body), /内容检查.*佩带.*佩戴/);
  });

  it('refuses the author as reviewer, one person on two steps, a return without reason', async () => {
    assert.equal((await editor.submit(postUrl, `${postUrl}/submit`, {})).statusCode, 303);
    assert.match(textOf((await editor.get(postUrl)).body), /待初审/);
    const own = await review(editor, 'approve', '', '0');
    assert.equal(own.statusCode, 403); // an editor is not a reviewer of the unit
    const gkbOwn = await t.signIn('gkb_head');
    assert.equal((await review(reviewer, 'approve', '', '0')).statusCode, 303);
    const twice = await review(reviewer, 'approve', '', '1');
    assert.equal(twice.statusCode, 409);
    assert.match(textOf(twice.body), /同一人不能审核同一稿件的两个环节/);
    const noReason = await review(gkb, 'return', '', '1');
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /退回稿件须说明理由/);
    assert.equal((await review(gkb, 'return', '“佩带”应为“佩戴”，请写明发放时间。', '1')).statusCode, 303);
    const back = textOf((await editor.get(postUrl)).body);
    assert.match(back, /已退回/);
    assert.match(back, /“佩带”应为“佩戴”，请写明发放时间。/);
    // Fixed and sent again: a new round from 初审.
    assert.equal((await editor.submit(`${postUrl}/edit`, `${postUrl}/edit`, { title: '2027年惠民惠农补贴发放公告', body: '请各位领取人佩戴身份证到村委会核对。\n\n发放时间：2027年1月10日至1月20日。' })).statusCode, 303);
    assert.equal((await editor.submit(postUrl, `${postUrl}/submit`, {})).statusCode, 303);
    assert.equal((await review(reviewer, 'approve', '', '0')).statusCode, 303);
    assert.equal((await review(gkb, 'approve', '', '1')).statusCode, 303);
    // A stale form for a step already decided.
    assert.equal((await review(gkbOwn, 'approve', '', '1')).statusCode, 409);
    assert.equal((await review(gkbOwn, 'approve', '同意发布', '2')).statusCode, 303);
    assert.match(textOf((await editor.get(postUrl)).body), /可发布/);
  });

  it('the office writes a post of its own and cannot review it', async () => {
    const accountId = accountUrl.split('/').pop()!;
    const ok = await gkb.submit(`/staff/newmedia/posts/new?account=${accountId}`, '/staff/newmedia/posts', { accountId, title: '测试稿件', body: '正文' });
    const url = String(ok.headers.location);
    await gkb.submit(url, `${url}/submit`, {});
    assert.doesNotMatch((await gkb.get(url)).body, /name="decision"/);
    const own = await gkb.post(`${url}/review`, { _csrf: /name="_csrf" value="([^"]+)"/.exec((await gkb.get(url)).body)![1]!, decision: 'approve', reason: '', step: '0' });
    assert.equal(own.statusCode, 409);
    assert.match(textOf(own.body), /不能审核自己撰写的稿件/);
  });

  it('records the release, not in the future, with the time kept', async () => {
    const future = await editor.submit(postUrl, `${postUrl}/release`, { releasedAt: '2026-11-26T12:00', url: '' });
    assert.equal(future.statusCode, 409);
    assert.match(textOf(future.body), /发布时间不能晚于现在/);
    const badUrl = await editor.submit(postUrl, `${postUrl}/release`, { releasedAt: '2026-02-30T09:00', url: 'ftp://x' });
    assert.equal(badUrl.statusCode, 400);
    assert.match(textOf(badUrl.body), /发布时间应为有效的日期和时间.*链接应以 http/);
    assert.equal((await editor.submit(postUrl, `${postUrl}/release`, { releasedAt: '2026-11-26T10:00', url: 'https://mp.weixin.example.cn/cxczj/1' })).statusCode, 303);
    assert.equal((await one('SELECT released_at FROM newmedia_posts WHERE state = $1', ['released'])).released_at.toISOString(), '2026-11-26T02:00:00.000Z');
    const actions = (await t.core.pool.query("SELECT action FROM newmedia_post_events WHERE post_id = (SELECT id FROM newmedia_posts WHERE state = 'released') ORDER BY id")).rows.map((r) => r.action);
    assert.deepEqual(actions, ['create', 'submit', 'approve', 'return', 'edit', 'submit', 'approve', 'approve', 'approve', 'release']);
    assert.equal((await one("SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'newmedia_post'")).n, 12);
  });
});

describe('14 days without an update', () => {
  it('flags the account on the registry, the staff home and the website monitor; a recorded update clears it', async () => {
    const root = Number((await one("SELECT id FROM units WHERE slug = 'city-government'")).id);
    // Released on 2026-11-26; on 12-10 (14 days later) that day is outside the two weeks.
    t.clock.set('2026-12-09T02:00:00Z');
    assert.deepEqual(await silentAccounts(t.core.db, root, '2026-12-09'), []);
    t.clock.set('2026-12-10T02:00:00Z');
    gkb = await t.signIn('gkb');
    editor = await t.signIn('czj_editor');
    const silent = await silentAccounts(t.core.db, root, '2026-12-10');
    assert.deepEqual(silent.map((s) => [s.name, s.lastOn, s.days, s.threshold]), [['楚雄财政', '2026-11-26', 14, 14]]);
    assert.match(textOf((await gkb.get('/staff/newmedia')).body), /1个账号超过14天未更新.*楚雄财政/);
    assert.match(textOf((await gkb.get('/staff')).body), /政务新媒体：超过14天未更新的账号 1/);
    const page = await gkb.get('/staff/monitor');
    await gkb.post('/staff/monitor/run', { _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! });
    assert.match(textOf((await gkb.get('/staff/monitor')).body), /政务新媒体“楚雄财政”（微信公众号）最近更新于 2026-11-26，已14天未更新/);
    // 最近更新 recorded for a post made directly on the platform.
    const future = await editor.submit(accountUrl, `${accountUrl}/updated`, { on: '2026-12-11' });
    assert.equal(future.statusCode, 409);
    assert.match(textOf(future.body), /最近更新日期不能晚于今天/);
    assert.equal((await editor.submit(accountUrl, `${accountUrl}/updated`, { on: '2026-12-09' })).statusCode, 303);
    assert.deepEqual(await silentAccounts(t.core.db, root, '2026-12-10'), []);
  });
});

describe('settings and the rest of the registry', () => {
  it('lets the office set the chain and the period; refuses bad values and other roles', async () => {
    assert.equal((await editor.get('/staff/newmedia/settings')).statusCode, 403);
    const bad = await gkb.submit('/staff/newmedia/settings', '/staff/newmedia/settings', { reviewSteps: '初审\n初审', silenceDays: '0' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /审核环节的名称不能重复.*未更新提醒天数不能小于1/);
    assert.equal((await gkb.submit('/staff/newmedia/settings', '/staff/newmedia/settings', { reviewSteps: '科室审核\n分管领导审核', silenceDays: '7' })).statusCode, 303);
    assert.deepEqual(await one('SELECT review_steps, silence_days FROM newmedia_settings'), { review_steps: ['科室审核', '分管领导审核'], silence_days: 7 });
  });

  it('关停 needs its notice; approved, the account leaves the matrix; 注销 follows', async () => {
    const noNotice = await editor.submit(accountUrl, `${accountUrl}/requests`, { kind: 'close', notice: '' });
    assert.equal(noNotice.statusCode, 400);
    assert.match(textOf(noNotice.body), /请填写关停公告/);
    assert.equal((await editor.submit(accountUrl, `${accountUrl}/requests`, { kind: 'close', notice: '本账号自2026年12月31日起停止更新。' })).statusCode, 303);
    const again = await editor.submit(accountUrl, `${accountUrl}/requests`, { kind: 'cancel', notice: '注销' });
    assert.equal(again.statusCode, 409);
    assert.match(textOf(again.body), /该账号已有待审核的申请/);
    const reqId = (await one("SELECT id FROM newmedia_requests WHERE kind = 'close'")).id;
    assert.equal((await gkb.submit(accountUrl, `/staff/newmedia/requests/${reqId}/decide`, { decision: 'approve', reason: '' })).statusCode, 303);
    assert.equal((await one('SELECT state FROM newmedia_accounts')).state, 'closed');
    assert.match(textOf((await t.client().get('/newmedia')).body), /暂无正在运营的政务新媒体账号/);
    assert.equal((await editor.submit(accountUrl, `${accountUrl}/requests`, { kind: 'cancel', notice: '已停止维护，履行注销程序。' })).statusCode, 303);
  });
});
