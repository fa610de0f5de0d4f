import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { runMessageReminders } from '../jobs.ts';
import { seedMessages } from '../seed.ts';
import { MESSAGE_STATES } from '../domain/states.ts';
import { unitId } from '../testing/actors.ts';

const FORM = {
  kind: 'report',
  title: '超市销售过期食品',
  content: '北浦路某超市货架上的酸奶已过保质期两天仍在销售。我叫王建国，电话13908781234。',
  callerName: '王建国',
  callerPhone: '13908781234',
  callerEmail: '',
  allowPublication: 'yes',
  keepIdentity: 'on',
};

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'a CSRF token');
  return token;
}

async function write(c: TestClient, over: Record<string, string> = {}, channel = 'mayor') {
  const page = await c.get(`/messages/write/${channel}`);
  assert.equal(page.statusCode, 200);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]!;
  const body = { _csrf: csrfOf(page.body), idempotencyKey: key, ...FORM, ...over };
  const res = await c.post(`/messages/write/${channel}`, body);
  return { res, body, itemNo: /id="item-no">([^<]+)</.exec(res.body)?.[1] ?? '', code: /id="lookup-code"[^>]*>([^<]+)</.exec(res.body)?.[1] ?? '' };
}

async function doAction(c: TestClient, itemNo: string, action: string, fields: Record<string, string | string[]> = {}) {
  const page = await c.get(`/staff/messages/${itemNo}`);
  assert.equal(page.statusCode, 200);
  const body: Record<string, string | string[]> = { _csrf: csrfOf(page.body) };
  for (const [k, v] of Object.entries(fields)) body[`${action}-${k}`] = v;
  return c.post(`/staff/messages/${itemNo}/do/${action}`, body);
}

describe('互动交流 pages, end to end through HTTP and the database', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-09-29T02:00:00Z' });
  });
  after(async () => t.dispose());

  it('refuses a bad message with a Chinese message at each field and keeps the input; a good one gets a 编号 and 查询码 once', async () => {
    const c = t.client();
    const bad = await write(c, { kind: '', title: '', content: '太短了', callerPhone: '12', allowPublication: '', callerName: '王建国<b>' });
    assert.equal(bad.res.statusCode, 400);
    const text = textOf(bad.res.body);
    for (const m of ['请选择诉求类型', '请填写标题', '诉求内容至少需要10个字', '电话号码格式不正确', '请选择是否同意公开']) assert.match(text, new RegExp(m));
    assert.match(bad.res.body, /value="王建国&lt;b>"|value="王建国&lt;b&gt;"/);
    assert.match(bad.res.body, />太短了</);
    const good = await write(c);
    assert.equal(good.res.statusCode, 200);
    assert.match(good.itemNo, /^HD-2026-\d{6}$/);
    assert.match(good.code, /^[23456789A-HJKMNP-Z]{10}$/);
    const again = await c.post('/messages/write/mayor', good.body);
    assert.equal(/id="item-no">([^<]+)</.exec(again.body)?.[1], good.itemNo);
    assert.equal(/id="lookup-code"[^>]*>([^<]+)</.exec(again.body)?.[1], good.code);
    assert.equal((await t.client().get('/messages/write/nope')).statusCode, 404);
  });

  it('runs the whole loop: dispatch, the unit cannot see a 举报人, reply, review, caller rates 不满意 → 重办, 办结, publication masked', async () => {
    const caller = t.client();
    const w = await write(caller);
    const gkb = await t.signIn('gkb');
    const czj = await t.signIn('czj_admin');
    const finance = await unitId(t, 'finance');
    let res = await doAction(gkb, w.itemNo, 'dispatch', { unitId: '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请选择主办单位/);
    res = await doAction(gkb, w.itemNo, 'dispatch', { unitId: String(finance) });
    assert.equal(res.statusCode, 303);
    const unitPage = await czj.get(`/staff/messages/${w.itemNo}`);
    assert.doesNotMatch(unitPage.body, /13908781234|王建国，/, 'the 举报人 is kept from the handling unit');
    assert.match(textOf(unitPage.body), /王\*\*（已要求保密）/);
    assert.match(textOf(unitPage.body), /应于 2026-09-30 前签收/);
    assert.match(textOf(gkb.get ? (await gkb.get(`/staff/messages/${w.itemNo}`)).body : ''), /13908781234/);
    assert.equal((await doAction(czj, w.itemNo, 'sign')).statusCode, 303);
    res = await doAction(czj, w.itemNo, 'reply', { note: '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请填写回复内容/);
    assert.equal((await doAction(czj, w.itemNo, 'reply', { note: '经检查，已依法立案查处。' })).statusCode, 303);
    // The unit cannot approve its own reply.
    const refused = await czj.post(`/staff/messages/${w.itemNo}/do/approve_reply`, { _csrf: csrfOf((await czj.get(`/staff/messages/${w.itemNo}`)).body) });
    assert.equal(refused.statusCode, 409);
    assert.match(textOf(refused.body), /只有政务公开办（热线机构）可以审核通过/);
    assert.equal((await doAction(gkb, w.itemNo, 'approve_reply')).statusCode, 303);
    // The caller looks up and rates.
    const look = await caller.get('/messages/lookup');
    const wrong = await caller.post('/messages/lookup', { _csrf: csrfOf(look.body), itemNo: w.itemNo, code: 'AAAAAAAAAA' });
    assert.equal(wrong.statusCode, 400);
    assert.match(textOf(wrong.body), /编号或查询码不正确/);
    const found = await caller.post('/messages/lookup', { _csrf: csrfOf(look.body), itemNo: w.itemNo.toLowerCase(), code: w.code });
    assert.equal(found.statusCode, 200);
    const ft = textOf(found.body);
    assert.match(ft, /待回访/);
    assert.match(ft, /经检查，已依法立案查处。/);
    assert.match(ft, /派单 政务公开办/);
    assert.doesNotMatch(found.body, /gkb|czj_admin/, 'the caller sees units, not staff accounts');
    const noReason = await caller.post('/messages/lookup/rate', { _csrf: csrfOf(found.body), itemNo: w.itemNo, code: w.code, satisfaction: 'unsatisfied', note: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /选择不满意的，请写明理由/);
    const redo = await caller.post('/messages/lookup/rate', { _csrf: csrfOf(found.body), itemNo: w.itemNo, code: w.code, satisfaction: 'unsatisfied', note: '超市仍在销售' });
    assert.equal(redo.statusCode, 200);
    assert.match(textOf(redo.body), /当前状态 办理中/);
    assert.equal((await doAction(czj, w.itemNo, 'reply', { note: '已再次检查并下架全部过期商品。' })).statusCode, 303);
    assert.equal((await doAction(gkb, w.itemNo, 'approve_reply')).statusCode, 303);
    assert.equal((await doAction(gkb, w.itemNo, 'record_visit', { satisfaction: 'basically' })).statusCode, 303);
    assert.equal((await doAction(gkb, w.itemNo, 'publish')).statusCode, 303);
    const column = await t.client().get('/messages?q=' + encodeURIComponent('过期'));
    assert.equal(column.statusCode, 200);
    assert.match(column.body, new RegExp(`/messages/item/${w.itemNo}`));
    const pub = await t.client().get(`/messages/item/${w.itemNo}`);
    assert.equal(pub.statusCode, 200);
    assert.doesNotMatch(pub.body, /13908781234|王建国/);
    assert.match(textOf(pub.body), /我叫王\*\*，电话139\*\*\*\*1234。/);
    assert.match(textOf(pub.body), /答复单位 楚雄市财政局/);
    assert.match(textOf(column.body), /楚雄市财政局 1 1 100\.0% 100\.0% 0/);
  });

  it('shows the dashboard with SVG charts and linked numbers, exports xlsx, refuses bad settings', async () => {
    const gkb = await t.signIn('gkb');
    const d = await gkb.get('/staff/messages/dashboard');
    assert.equal(d.statusCode, 200);
    assert.equal((d.body.match(/<svg role="img"/g) ?? []).length, 3);
    assert.match(d.body, /href="\/staff\/messages\?received=2026-09-29">\d+</);
    const x = await gkb.get('/staff/messages/dashboard.xlsx');
    assert.equal(x.statusCode, 200);
    assert.equal(x.rawPayload.subarray(0, 2).toString(), 'PK');
    const s = await gkb.get('/staff/messages/settings');
    assert.match(textOf(s.body), /四川省2026年/);
    const bad = await gkb.post('/staff/messages/settings', { _csrf: csrfOf(s.body), days_consult: '0', days_help: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /咨询办理时限应在1到60之间/);
    assert.equal((await (await t.signIn('czj_editor')).get('/staff/messages/dashboard')).statusCode, 403);
  });

  it('reminds before the due date and 催办 once the day after it, recorded in the history', async () => {
    const gkb = await t.signIn('gkb');
    const w = await write(t.client(), { kind: 'consult', title: '咨询入学材料', content: '孩子今年入学，需要准备哪些材料？', keepIdentity: '' });
    await doAction(gkb, w.itemNo, 'dispatch', { unitId: String(await unitId(t, 'education-sports')) });
    t.clock.set('2026-10-09T02:00:00Z'); // 咨询 3 from 09-29: 09-30, 10-08, 10-09 → due 10-09
    const first = await runMessageReminders(t.core);
    assert.ok(first.dueSoon >= 1);
    t.clock.set('2026-10-10T02:00:00Z');
    const r1 = await runMessageReminders(t.core);
    const r2 = await runMessageReminders(t.core);
    assert.ok(r1.urged >= 1);
    assert.equal(r2.urged, 0);
    const h = await t.core.pool.query("SELECT count(*)::int AS n FROM msg_history h JOIN msg_items i ON i.id = h.item_id WHERE i.item_no = $1 AND h.action = 'urge'", [w.itemNo]);
    assert.equal(h.rows[0].n, 1);
    t.clock.set('2026-09-29T02:00:00Z');
  });

  it('demo data: a few hundred items over twelve months in every state, loaded once', async () => {
    const n = await seedMessages(t.core, { demo: true, volume: 'full', log: () => {} }, 300);
    assert.equal(n, 0, 'not loaded into a site that already has messages');
    await t.core.pool.query('TRUNCATE msg_history, msg_events, msg_reminders, msg_knowledge, msg_items, msg_sequences, msg_unit_stats');
    assert.equal(await seedMessages(t.core, { demo: true, volume: 'full', log: () => {} }, 300), 300);
    const states = (await t.core.pool.query('SELECT DISTINCT state FROM msg_items')).rows.map((r) => r.state).sort();
    assert.deepEqual(states, [...MESSAGE_STATES].sort());
    const span = (await t.core.pool.query('SELECT min(received_on)::text AS a, max(received_on)::text AS b FROM msg_items')).rows[0];
    assert.ok(span.a <= '2025-11-01' && span.b === '2026-09-29', JSON.stringify(span));
    // The kept per-unit statistics equal a count over the items (the trigger followed every insert).
    const kept = (await t.core.pool.query('SELECT sum(received)::int AS n, sum(closed)::int AS c FROM msg_unit_stats')).rows[0];
    const counted = (await t.core.pool.query("SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'closed')::int AS c FROM msg_items WHERE unit_id IS NOT NULL AND merged_into IS NULL")).rows[0];
    assert.deepEqual(kept, counted);
    assert.equal(Number((await t.core.pool.query('SELECT count(*) FROM msg_knowledge')).rows[0].count), 5);
    const col = await t.client().get('/messages');
    assert.equal(col.statusCode, 200);
    // Search over the published items' bigram index: a word of a published title finds it.
    const one = (await t.core.pool.query('SELECT public_title FROM msg_items WHERE published_at IS NOT NULL ORDER BY id LIMIT 1')).rows[0].public_title as string;
    const found = await t.client().get(`/messages?q=${encodeURIComponent(one.slice(0, 4))}`);
    assert.equal(found.statusCode, 200);
    assert.ok(textOf(found.body).includes(one), `search for ${one.slice(0, 4)} lists ${one}`);
  });
});
