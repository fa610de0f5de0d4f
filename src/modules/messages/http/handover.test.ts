import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { unitId } from '../testing/actors.ts';

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'a CSRF token');
  return token;
}

async function write(c: TestClient, over: Record<string, string> = {}) {
  const page = await c.get('/messages/write/mayor');
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]!;
  const res = await c.post('/messages/write/mayor', {
    _csrf: csrfOf(page.body),
    idempotencyKey: key,
    kind: 'consult',
    title: '申请公开2025年城区道路维修资金使用情况',
    content: '请公开2025年楚雄市城区道路维修资金的预算和实际支出明细，以及施工单位名单。',
    callerName: '李明',
    callerPhone: '13887801234',
    callerEmail: 'liming@example.cn',
    allowPublication: 'no',
    ...over,
  });
  assert.equal(res.statusCode, 200);
  return { itemNo: /id="item-no">([^<]+)</.exec(res.body)![1]!, code: /id="lookup-code"[^>]*>([^<]+)</.exec(res.body)![1]! };
}

async function count(t: TestApp, q: string, params: unknown[]): Promise<number> {
  return Number((await t.core.pool.query(q, params)).rows[0].n);
}

describe('hand-over between 互动交流 and 依申请公开 (both ways, linked, idempotent)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-09-29T02:00:00Z' });
  });
  after(async () => t.dispose());

  it('转依申请公开: the office turns a message into a request with the caller’s data; the message closes with the link; clicking twice makes one request', async () => {
    const caller = t.client();
    const w = await write(caller);
    const gkb = await t.signIn('gkb');
    const finance = await unitId(t, 'finance');
    const page = await gkb.get(`/staff/messages/${w.itemNo}`);
    assert.match(page.body, /转依申请公开办理/);
    const csrf = csrfOf(page.body);
    // No unit chosen: a message at the field, 400.
    let res = await gkb.post(`/staff/messages/${w.itemNo}/do/transfer_request`, { _csrf: csrf, 'transfer_request-unitId': '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请选择受理申请的单位/);
    res = await gkb.post(`/staff/messages/${w.itemNo}/do/transfer_request`, { _csrf: csrf, 'transfer_request-unitId': String(finance) });
    assert.equal(res.statusCode, 303);
    // The second click (a stale page posting again) creates nothing new.
    const again = await gkb.post(`/staff/messages/${w.itemNo}/do/transfer_request`, { _csrf: csrf, 'transfer_request-unitId': String(finance) });
    assert.equal(again.statusCode, 303);
    assert.equal(await count(t, `SELECT count(*) AS n FROM req_requests WHERE linked_message_no = $1`, [w.itemNo]), 1);

    const item = (await t.core.pool.query(`SELECT state, linked_request_no, closed_on::text FROM msg_items WHERE item_no = $1`, [w.itemNo])).rows[0];
    assert.equal(item.state, 'transferred');
    assert.match(item.linked_request_no, /^YSQ-2026-\d{6}$/);
    assert.equal(item.closed_on, '2026-09-29');
    const reqRow = (await t.core.pool.query(`SELECT applicant_name, phone, email, unit_id, state, channel, received_on, missing_items, info_description FROM req_requests WHERE request_no = $1`, [item.linked_request_no])).rows[0];
    assert.equal(reqRow.applicant_name, '李明');
    assert.equal(reqRow.phone, '13887801234');
    assert.equal(reqRow.email, 'liming@example.cn');
    assert.equal(Number(reqRow.unit_id), finance);
    assert.equal(reqRow.state, 'registered');
    assert.equal(reqRow.received_on, null, 'received when the unit confirms (条例 第三十一条第（三）项)');
    assert.deepEqual(reqRow.missing_items, [1, 3]);
    assert.match(reqRow.info_description, /城区道路维修资金/);

    // Both pages show the link.
    const msgPage = await gkb.get(`/staff/messages/${w.itemNo}`);
    assert.match(textOf(msgPage.body), /已转依申请公开/);
    assert.match(msgPage.body, new RegExp(`href="/staff/requests/${item.linked_request_no}"`));
    const reqPage = await gkb.get(`/staff/requests/${item.linked_request_no}`);
    assert.equal(reqPage.statusCode, 200);
    assert.match(reqPage.body, new RegExp(`href="/staff/messages/${w.itemNo}"`));
    assert.match(textOf(reqPage.body), /本申请由互动交流诉求转来/);

    // The caller sees the 受理编号 and looks the request up with the message's own code.
    const lookup = await caller.get('/messages/lookup');
    const shown = await caller.post('/messages/lookup', { _csrf: csrfOf(lookup.body), itemNo: w.itemNo, code: w.code });
    assert.match(textOf(shown.body), new RegExp(`已转为政府信息公开申请办理，受理编号 ${item.linked_request_no}`));
    const rl = await caller.get('/requests/lookup');
    const reqLookup = await caller.post('/requests/lookup', { _csrf: csrfOf(rl.body), requestNo: item.linked_request_no, lookupCode: w.code });
    assert.equal(reqLookup.statusCode, 303, 'the 受理编号 and the message’s 查询码 open the request');
    assert.equal(reqLookup.headers.location, `/requests/lookup/${item.linked_request_no}`);

    // A unit cannot transfer (only the openness office): the action is not offered and is refused.
    const czj = await t.signIn('czj_admin');
    const w2 = await write(caller, { title: '申请公开本镇2025年低保名单' });
    await doDispatch(gkb, w2.itemNo, finance);
    const unitPage = await czj.get(`/staff/messages/${w2.itemNo}`);
    assert.doesNotMatch(unitPage.body, /do\/transfer_request/);
    const refused = await czj.post(`/staff/messages/${w2.itemNo}/do/transfer_request`, { _csrf: csrfOf(unitPage.body), 'transfer_request-unitId': String(finance) });
    assert.ok(refused.statusCode === 403 || refused.statusCode === 409, `got ${refused.statusCode}`);
    assert.equal(await count(t, `SELECT count(*) AS n FROM req_requests WHERE linked_message_no = $1`, [w2.itemNo]), 0);
  });

  it('依申请公开转来: a request that is really a complaint becomes a message from the request page, once, linked both ways (条例 第三十九条)', async () => {
    const applicant = t.client();
    const form = await applicant.get('/requests/apply');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)?.[1] ?? 'handover-test-key-000001';
    const submitted = await applicant.post('/requests/apply/submit', {
      _csrf: csrfOf(form.body),
      idempotencyKey: key,
      unit: 'finance',
      applicantKind: 'person',
      name: '赵雪',
      idType: 'resident_id',
      idNumber: '532301199001011238',
      phone: '13912345678',
      email: '',
      address: '',
      postcode: '',
      infoDescription: '举报鹿城镇某餐馆长期向下水道倾倒废油，要求查处并公开处理结果',
      infoDocNo: '',
      forms: 'electronic',
      delivery: 'download',
    });
    const requestNo = /id="request-no">([^<]+)</.exec(submitted.body)?.[1];
    assert.ok(requestNo, `a request was submitted: ${textOf(submitted.body).slice(0, 300)}`);

    const czj = await t.signIn('czj_admin');
    const page = await czj.get(`/staff/requests/${requestNo}`);
    assert.match(textOf(page.body), /转互动交流办理/);
    const csrf = csrfOf(page.body);
    // A kind that is not in the list: back to the request page with the reason, nothing created.
    let res = await czj.post(`/staff/messages/from-request/${requestNo}`, { _csrf: csrf, kind: 'nonsense' });
    assert.equal(res.statusCode, 303);
    assert.equal(await count(t, `SELECT count(*) AS n FROM msg_items WHERE linked_request_no = $1`, [requestNo]), 0);
    res = await czj.post(`/staff/messages/from-request/${requestNo}`, { _csrf: csrf, kind: 'report' });
    assert.equal(res.statusCode, 303);
    const itemNo = /\/staff\/messages\/(HD-\d{4}-\d{6})/.exec(res.headers.location as string)?.[1];
    assert.ok(itemNo);
    const twice = await czj.post(`/staff/messages/from-request/${requestNo}`, { _csrf: csrf, kind: 'report' });
    assert.equal(twice.statusCode, 303);
    assert.equal(twice.headers.location, `/staff/messages/${itemNo}`);
    assert.equal(await count(t, `SELECT count(*) AS n FROM msg_items WHERE linked_request_no = $1`, [requestNo]), 1);

    const item = (await t.core.pool.query(`SELECT channel, kind, state, caller_name, caller_phone, content FROM msg_items WHERE item_no = $1`, [itemNo])).rows[0];
    assert.deepEqual([item.channel, item.kind, item.state, item.caller_name, item.caller_phone], ['from_request', 'report', 'received', '赵雪', '13912345678']);
    assert.match(item.content, /倾倒废油/);
    const linked = (await t.core.pool.query(`SELECT linked_message_no, state FROM req_requests WHERE request_no = $1`, [requestNo])).rows[0];
    assert.equal(linked.linked_message_no, itemNo);
    assert.equal(linked.state, 'registered', 'the request stays open: the unit still answers it under 第三十九条');

    const gkb = await t.signIn('gkb');
    const msgPage = await gkb.get(`/staff/messages/${itemNo}`);
    assert.match(textOf(msgPage.body), /依申请公开转来/);
    assert.match(msgPage.body, new RegExp(`href="/staff/requests/${requestNo}"`));
    const reqPage = await czj.get(`/staff/requests/${requestNo}`);
    assert.match(reqPage.body, new RegExp(`href="/staff/messages/${itemNo}"`));
    assert.match(textOf(reqPage.body), /本申请已转互动交流办理/);
    assert.doesNotMatch(reqPage.body, /action="\/staff\/messages\/from-request/);
    // An unknown request number is a 404, never a 500.
    assert.equal((await czj.post('/staff/messages/from-request/YSQ-2026-999999', { _csrf: csrf, kind: 'report' })).statusCode, 404);
    assert.equal((await czj.post('/staff/messages/from-request/nonsense', { _csrf: csrf, kind: 'report' })).statusCode, 404);
  });
});

async function doDispatch(c: TestClient, itemNo: string, unit: number) {
  const page = await c.get(`/staff/messages/${itemNo}`);
  const res = await c.post(`/staff/messages/${itemNo}/do/dispatch`, { _csrf: csrfOf(page.body), 'dispatch-unitId': String(unit) });
  assert.equal(res.statusCode, 303);
}
