// 新闻发布会 and 在线访谈 through HTTP: announced, asked (public form, idempotent, input kept on error),
// moderated, answered and published; script in questions never reaches a page as markup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

let t: TestApp;
let office: TestClient;
let staffUrl = '';
let publicUrl = '';
before(async () => {
  t = await createTestApp({ now: '2026-12-01T02:00:00Z' });
  office = await t.signIn('gkb');
});
after(async () => t.dispose());
const unitId = async (slug: string) => String((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);

describe('新闻发布会 and 在线访谈', () => {
  it('refuses a bad announcement at the field, keeps the input, then announces an 在线访谈', async () => {
    const bad = await office.submit('/staff/opinion/events/new', '/staff/opinion/events', { kind: 'x', topic: '', startsAt: '2026-13-40T25:00', durationMinutes: '0', place: '', speakers: '', intro: '<script>x</script>', unitId: '', transcript: '', media: '图 | javascript:1', publish: 'no' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写主题.*开始时间应为有效的日期和时间.*第1行的地址应以/s);
    assert.match(bad.body, /&lt;script>x&lt;\/script><\/textarea>/);
    const early = await office.submit('/staff/opinion/events/new', '/staff/opinion/events', { kind: 'interview', topic: '城区停车难怎么解', startsAt: '2026-12-10T15:00', durationMinutes: '90', place: '楚雄市人民政府网', speakers: '市住房和城乡建设局局长', intro: '', unitId: await unitId('housing-construction'), transcript: '', media: '', publish: 'yes' });
    assert.equal(early.statusCode, 400);
    assert.match(textOf(early.body), /活动尚未开始，不能发布实录.*发布实录须填写文字实录/s);
    const ok = await office.submit('/staff/opinion/events/new', '/staff/opinion/events', { kind: 'interview', topic: '城区停车难怎么解', startsAt: '2026-12-10T15:00', durationMinutes: '90', place: '楚雄市人民政府网', speakers: '市住房和城乡建设局局长', intro: '欢迎网友提问。', unitId: await unitId('housing-construction'), transcript: '', media: '', publish: 'no' });
    assert.equal(ok.statusCode, 303);
    staffUrl = String(ok.headers.location);
    publicUrl = staffUrl.replace('/staff/opinion/events', '/opinion/events');
    const list = await t.client().get('/opinion/events');
    assert.match(textOf(list.body), /活动预告.*城区停车难怎么解.*在线访谈 · 2026-12-10 15:00/s);
  });

  it('takes a question from the public once, keeps the input on error, and shows it only when approved', async () => {
    const visitor = t.client();
    const empty = await visitor.submit(publicUrl, `${publicUrl}/questions`, { asker: '老楚', question: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /请填写问题/);
    assert.match(empty.body, /value="老楚"/);
    const form = await visitor.get(publicUrl);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const key = /name="submissionKey" value="([^"]+)"/.exec(form.body)![1]!;
    const body = { _csrf: csrf, submissionKey: key, asker: '<b>老楚</b>', question: '<script>alert(1)</script>鹿城南路能否增设夜间临时停车位？' };
    assert.equal((await visitor.post(`${publicUrl}/questions`, body)).statusCode, 303);
    assert.equal((await visitor.post(`${publicUrl}/questions`, body)).statusCode, 303);
    const rows = (await t.core.pool.query('SELECT id FROM opinion_event_questions')).rows;
    assert.equal(rows.length, 1);
    assert.doesNotMatch(textOf((await t.client().get(publicUrl)).body), /夜间临时停车位/);
    const id = rows[0].id;
    const noReason = await office.submit(staffUrl, `${staffUrl}/questions/${id}`, { [`q${id}-decision`]: 'rejected', [`q${id}-answer`]: '', [`q${id}-reason`]: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /请填写不予采用的理由/);
    assert.equal((await office.submit(staffUrl, `${staffUrl}/questions/${id}`, { [`q${id}-decision`]: 'approved', [`q${id}-answer`]: '已在鹿城南路增设夜间停车泊位120个。', [`q${id}-reason`]: '' })).statusCode, 303);
    const pub = await t.client().get(publicUrl);
    assert.match(pub.body, /&lt;b>老楚&lt;\/b>：&lt;script>alert\(1\)&lt;\/script>鹿城南路/);
    assert.match(textOf(pub.body), /答： ?已在鹿城南路增设夜间停车泊位120个。/);
  });

  it('publishes the record after the event; the question form closes', async () => {
    t.clock.set('2026-12-10T09:00:00Z');
    office = await t.signIn('gkb');
    const r = await office.submit(staffUrl, staffUrl, { kind: 'interview', topic: '城区停车难怎么解', startsAt: '2026-12-10T15:00', durationMinutes: '90', place: '楚雄市人民政府网', speakers: '市住房和城乡建设局局长', intro: '', unitId: await unitId('housing-construction'), transcript: '主持人：各位网友好。\n嘉宾：今年新增停车泊位2000个。', media: '访谈视频 | https://video.example.cn/cx/1', publish: 'yes' });
    assert.equal(r.statusCode, 303);
    const pub = await t.client().get(publicUrl);
    assert.match(textOf(pub.body), /已发布实录.*文字实录.*今年新增停车泊位2000个.*访谈视频/s);
    assert.doesNotMatch(pub.body, /我要提问/);
    const late = await t.client().submit(publicUrl.replace(/$/, ''), `${publicUrl}/questions`, { asker: '', question: '还能提问吗' }).catch(() => null);
    assert.ok(late === null || late.statusCode === 409 || late.statusCode === 400);
    assert.equal((await t.client().get('/opinion/events/fh000000000000')).statusCode, 404);
  });
});
