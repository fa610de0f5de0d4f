import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'a CSRF token');
  return token;
}
const keyOf = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;

const ENTRY = {
  question: '灵活就业人员怎样缴纳养老保险',
  answer: '灵活就业人员可在“云南人社”小程序或楚雄市社保中心窗口办理参保登记，按年度缴费基数自选档次缴费。',
  subject: '社会保障',
  basis: '《云南省灵活就业人员参加基本养老保险办法》',
  validUntil: '2027-06-30',
};

describe('知识库 and 即时答复 through HTTP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-09-29T02:00:00Z' });
  });
  after(async () => t.dispose());

  it('refuses a bad entry at its fields and keeps the input; saves a good one, audited', async () => {
    const gkb = await t.signIn('gkb');
    const page = await gkb.get('/staff/messages/knowledge');
    assert.equal(page.statusCode, 200);
    const bad = await gkb.post('/staff/messages/knowledge', { _csrf: csrfOf(page.body), ...ENTRY, answer: '', validUntil: '2026-02-30' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    assert.match(text, /请填写答复内容/);
    assert.match(text, /日期格式不正确/);
    assert.match(bad.body, /value="灵活就业人员怎样缴纳养老保险"/);
    const past = await gkb.post('/staff/messages/knowledge', { _csrf: csrfOf(page.body), ...ENTRY, validUntil: '2026-09-28' });
    assert.match(textOf(past.body), /有效期不能早于今天/);
    const good = await gkb.post('/staff/messages/knowledge', { _csrf: csrfOf(page.body), ...ENTRY });
    assert.equal(good.statusCode, 303);
    const list = await gkb.get('/staff/messages/knowledge?q=养老保险');
    assert.match(textOf(list.body), /灵活就业人员怎样缴纳养老保险/);
    assert.equal(Number((await t.core.pool.query("SELECT count(*) FROM audit_log WHERE action = 'messages.knowledge_saved'")).rows[0].count), 1);
  });

  it('shows the public 「先查看常见问题」 step once, then sends the message when the caller still wants to', async () => {
    const c = t.client();
    const page = await c.get('/messages/write/consult');
    const body = { _csrf: csrfOf(page.body), idempotencyKey: keyOf(page.body), kind: 'consult', title: '灵活就业养老保险怎么缴纳', content: '我是个体户，想咨询灵活就业人员养老保险怎么缴费。', callerName: '李四', callerPhone: '13908780000', callerEmail: '', allowPublication: 'no' };
    const step = await c.post('/messages/write/consult', body);
    assert.equal(step.statusCode, 200);
    assert.match(textOf(step.body), /先查看常见问题/);
    assert.match(textOf(step.body), /按年度缴费基数自选档次缴费/);
    assert.match(step.body, /name="faqSeen" value="1"/);
    assert.doesNotMatch(step.body, /id="item-no"/);
    const sent = await c.post('/messages/write/consult', { ...body, _csrf: csrfOf(step.body), faqSeen: '1' });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /id="item-no">HD-2026-\d{6}</);
  });

  it('lets a call-taker find the entry and close the call at once as 即时答复, answered in time', async () => {
    const gkb = await t.signIn('gkb');
    const page = await gkb.get('/staff/messages/hotline');
    const body = { _csrf: csrfOf(page.body), idempotencyKey: keyOf(page.body), callerPhone: '13908781111', callerName: '', kind: 'consult', title: '灵活就业人员养老保险怎么缴', content: '来电咨询灵活就业人员养老保险缴费办法。', allowPublication: 'no' };
    const found = await gkb.post('/staff/messages/hotline', { ...body, intent: 'find' });
    assert.equal(found.statusCode, 200);
    const id = /name="knowledgeId" value="(\d+)"/.exec(found.body)?.[1];
    assert.ok(id, 'the entry is offered');
    const missing = await gkb.post('/staff/messages/hotline', { ...body, _csrf: csrfOf(found.body), intent: 'answer' });
    assert.equal(missing.statusCode, 400);
    assert.match(textOf(missing.body), /请选择用于即时答复的知识库条目/);
    const done = await gkb.post('/staff/messages/hotline', { ...body, _csrf: csrfOf(found.body), intent: 'answer', knowledgeId: id });
    assert.equal(done.statusCode, 200);
    assert.match(textOf(done.body), /来电已登记并即时答复/);
    const no = /id="item-no">([^<]+)</.exec(done.body)![1]!;
    const row = (await t.core.pool.query('SELECT state, replied_on::text, replied_on_time, closed_on::text, knowledge_id, reply_text FROM msg_items WHERE item_no = $1', [no])).rows[0];
    assert.deepEqual(
      { state: row.state, replied: row.replied_on, onTime: row.replied_on_time, closed: row.closed_on, kb: String(row.knowledge_id), reply: row.reply_text },
      { state: 'closed', replied: '2026-09-29', onTime: true, closed: '2026-09-29', kb: id, reply: ENTRY.answer },
    );
    const history = (await t.core.pool.query("SELECT h.action, h.note FROM msg_history h JOIN msg_items i ON i.id = h.item_id WHERE i.item_no = $1 ORDER BY h.id", [no])).rows;
    assert.deepEqual(history.map((h) => h.action), ['receive', 'answer_now']);
    assert.match(history[1].note, /^即时答复（知识库）/);
  });
});
