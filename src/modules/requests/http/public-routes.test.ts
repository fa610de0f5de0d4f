import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chartsOf, createTestApp, tableRows, textOf, type TestApp } from '../../../core/testing/index.ts';
import { APPLICATION, VALID_ID, applyOnline, csrfOf, hiddenFields } from './test-helpers.ts';

describe('public pages of 依申请公开', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  });
  after(async () => t.dispose());

  const count = async (where = 'true') => Number((await t.core.pool.query(`SELECT count(*)::int AS n FROM req_requests WHERE ${where}`)).rows[0].n);

  it('shows the entry page with links to apply, look up, the statistics and each unit\'s guide', async () => {
    const res = await t.client().get('/requests');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /在线提交申请/);
    assert.match(res.body, /href="\/requests\/guide\/finance"/);
    assert.match(text, /自收到申请之日起20个工作日内予以答复/);
  });

  it('refuses an application missing items of 第二十九条, with a message at each field and the input kept', async () => {
    const c = t.client();
    const before = await count();
    const form = await c.get('/requests/apply');
    const res = await c.post('/requests/apply', {
      _csrf: csrfOf(form.body),
      idempotencyKey: 'k'.repeat(24),
      ...APPLICATION,
      idNumber: '532301199001011234',
      infoDescription: '',
      forms: [],
      delivery: 'email',
      email: '',
      name: '李四<script>',
    });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /提交的内容有\d+处问题/);
    assert.match(text, /居民身份证号校验位错误/);
    assert.match(text, /请填写所需政府信息的名称、文号或者便于查询的其他特征性描述/);
    assert.match(text, /请选择所需信息的形式/);
    assert.match(text, /选择电子邮件的，请填写电子邮箱/);
    assert.match(res.body, /value="李四&lt;script>"|value="李四&lt;script&gt;"/, 'the name is kept, escaped');
    assert.match(res.body, /value="kkkkkkkkkkkkkkkkkkkkkkkk"/, 'the idempotency key is kept');
    assert.equal(await count(), before);
  });

  it('confirms, submits once even when the submit is repeated, and shows the 受理编号 and lookup code', async () => {
    const c = t.client();
    const before = await count();
    const r = await applyOnline(c);
    assert.equal(r.done.statusCode, 200);
    assert.match(r.requestNo, /^YSQ-2026-\d{6}$/);
    assert.match(r.lookupCode, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    assert.match(textOf(r.confirm.body), /申请提交给： 楚雄市财政局/);
    // The attachments come before the 返回修改 button (which leaves the page without them).
    const body = r.confirm.body;
    assert.ok(body.indexOf('id="f-attachments"') > 0 && body.indexOf('id="f-attachments"') < body.indexOf('返回修改'), 'attachments above 返回修改');
    // The same confirmation posted again (a double click, a retry): the same request and code.
    const again = await c.post('/requests/apply/submit', r.hidden);
    assert.equal(again.statusCode, 200);
    assert.match(again.body, new RegExp(`id="request-no">${r.requestNo}<`));
    assert.match(again.body, new RegExp(`id="lookup-code">${r.lookupCode}<`));
    assert.equal(await count(), before + 1);
    const row = (await t.core.pool.query('SELECT state, channel, unit_id, id_number, received_on FROM req_requests WHERE request_no = $1', [r.requestNo])).rows[0];
    assert.equal(row.state, 'registered');
    assert.equal(row.channel, 'online');
    assert.equal(row.id_number, VALID_ID);
    assert.equal(row.received_on, null, '第三十一条第（三）项: received when both sides confirm');
  });

  it('goes back from the confirmation to the form with the input kept', async () => {
    const c = t.client();
    const r = await applyOnline(c, { infoDescription: '楚雄市2026年政府采购目录' });
    assert.ok(r.requestNo);
    const form = await c.get('/requests/apply');
    const confirm = await c.post('/requests/apply', { _csrf: csrfOf(form.body), idempotencyKey: 'b'.repeat(30), ...APPLICATION });
    const back = await c.post('/requests/apply', { ...hiddenFields(confirm.body, '/requests/apply'), _csrf: csrfOf(confirm.body) });
    assert.equal(back.statusCode, 200);
    assert.match(back.body, /2025年楚雄市财政局部门决算及说明/);
    assert.match(back.body, /value="bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"/);
  });

  it('looks a request up with 受理编号 + lookup code, shows the ledger without personal data, and refuses a wrong code', async () => {
    const r = await applyOnline(t.client(), { name: '王小明', infoDescription: '东瓜镇2026年道路修缮资金安排' });
    const c = t.client();
    const page = await c.get(`/requests/lookup?requestNo=${r.requestNo}`);
    assert.match(page.body, new RegExp(`value="${r.requestNo}"`));
    const wrong = await c.post('/requests/lookup', { _csrf: csrfOf(page.body), requestNo: r.requestNo, lookupCode: 'ABCDEFGHJK' });
    assert.equal(wrong.statusCode, 404);
    assert.match(textOf(wrong.body), /受理编号或查询码不正确/);
    const direct = await c.get(`/requests/lookup/${r.requestNo}`);
    assert.equal(direct.statusCode, 303, 'not without the code');
    const ok = await c.post('/requests/lookup', { _csrf: csrfOf(page.body), requestNo: r.requestNo.toLowerCase(), lookupCode: r.lookupCode.toLowerCase() });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/requests/lookup/${r.requestNo}`);
    const view = await c.get(ok.headers.location as string);
    assert.equal(view.statusCode, 200);
    const text = textOf(view.body);
    assert.match(text, /当前状态 登记/);
    assert.match(text, /收到申请之日 待受理单位确认/);
    assert.doesNotMatch(view.body, /王小明|13912345678|532301199001011238|zhangsan@example\.cn/);
  });

  it('answers the JSON lookup, and 400 for malformed input', async () => {
    const r = await applyOnline(t.client(), { infoDescription: '楚雄市2026年财政预算公开表' });
    const c = t.client();
    const ok = await c.json('POST', '/api/v1/requests/lookup', { requestNo: r.requestNo, lookupCode: r.lookupCode });
    assert.equal(ok.statusCode, 200);
    const body = JSON.parse(ok.body);
    assert.equal(body.requestNo, r.requestNo);
    assert.equal(body.stateLabel, '登记');
    assert.equal(body.unitName, '楚雄市财政局');
    assert.doesNotMatch(ok.body, /张三丰|13912345678/);
    const bad = await c.json('POST', '/api/v1/requests/lookup', { requestNo: 42 });
    assert.equal(bad.statusCode, 400);
    assert.equal(JSON.parse(bad.body).error.code, 'validation_error');
    const badNo = await c.json('POST', '/api/v1/requests/lookup', { requestNo: 'ABC', lookupCode: 'X' });
    assert.equal(badNo.statusCode, 400);
    assert.ok(JSON.parse(badNo.body).error.fields.requestNo);
    const notFound = await c.json('POST', '/api/v1/requests/lookup', { requestNo: r.requestNo, lookupCode: 'ZZZZZZZZZZ' });
    assert.equal(notFound.statusCode, 404);
  });

  it('shows how to apply to a unit from its 指南', async () => {
    const res = await t.client().get('/requests/guide/finance');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /向楚雄市财政局申请政府信息公开/);
    assert.match(text, /依申请公开/);
    assert.match(text, /0878-3121141/);
    assert.match(res.body, /href="\/requests\/apply\?unit=finance"/);
    assert.equal((await t.client().get('/requests/guide/no-such-unit')).statusCode, 404);
    const pre = await t.client().get('/requests/apply?unit=finance');
    assert.match(pre.body, /<option value="finance" selected/);
  });

  it('counts requests in the statistics page and API without personal data', async () => {
    const page = await t.client().get('/requests/statistics');
    assert.equal(page.statusCode, 200);
    const api = await t.client().get('/api/v1/requests/statistics');
    assert.equal(api.statusCode, 200);
    assert.doesNotMatch(api.body + page.body, /张三丰|532301199001011238|13912345678/);
    const stats = JSON.parse(api.body);
    const finance = stats.units.find((u: { unitSlug: string }) => u.unitSlug === 'finance');
    assert.ok(finance.received >= 1);
    assert.equal(stats.total.received, stats.units.reduce((s: number, u: { received: number }) => s + u.received, 0));
    assert.match(textOf(page.body), /合计/);
    // The on-time chart, and its table's numbers are the API's.
    const charts = chartsOf(page.body);
    assert.equal(charts.length, 1);
    assert.match(charts[0]!.label, /^\d{4}年各单位按时答复率$/);
    for (const row of tableRows(page.body, '各单位依申请公开办理情况')) {
      const u = stats.units.find((x: { unit: string }) => x.unit === row[0]);
      assert.ok(u, row[0]);
      assert.deepEqual(row.slice(1, 4).map(Number), [u.received, u.answered, u.answeredOnTime], row[0]);
    }
    assert.equal((await t.client().get('/api/v1/requests/statistics?year=abc')).statusCode, 400);
  });
});
