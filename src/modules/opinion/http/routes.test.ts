// End to end through the real database and HTTP server: a 舆情 registered at 23:30 on the eve of
// National Day, its timers and reminders, a level raised mid-way, reassignment, steps to evaluation,
// the board; bad input answered in Chinese at the field, never a 500.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { runOpinionReminders } from '../index.ts';

let t: TestApp;
let office: TestClient;
let page = '';
// 2026-09-30 23:30 Beijing time.
before(async () => {
  t = await createTestApp({ now: '2026-09-30T15:30:00Z' });
  office = await t.signIn('gkb');
  await t.core.pool.query("UPDATE staff_users SET email = username || '@example.cn' WHERE username IN ('gkb', 'czj_admin', 'dgz_editor')");
});
after(async () => t.dispose());
// The clock moves hours ahead between steps: sign in again so the session never idles out.
beforeEach(async () => {
  if (t) office = await t.signIn('gkb');
});

const one = async (sql: string, params: unknown[] = []) => (await t.core.pool.query(sql, params)).rows[0];
const levelId = async (name: string) => String((await one('SELECT id FROM opinion_levels WHERE name = $1', [name])).id);
const unitId = async (slug: string) => String((await one('SELECT id FROM units WHERE slug = $1', [slug])).id);
const hours = async (h: number) => {
  t.clock.advance(h * 3_600_000);
  office = await t.signIn('gkb');
};

describe('a 舆情 from registration to evaluation', () => {
  it('refuses bad input at the field, keeping it; registers once however often the form is sent', async () => {
    const form = await office.get('/staff/opinion/new');
    assert.equal(form.statusCode, 200);
    const key = /name="submissionKey" value="([^"]+)"/.exec(form.body)![1]!;
    const bad = await office.submit('/staff/opinion/new', '/staff/opinion', { submissionKey: key, title: '<script>alert(1)</script>网传东瓜镇自来水污染', source: '外星', link: 'javascript:alert(1)', firstSeenAt: '2026-02-30T10:00', summary: '', levelId: 'x', unitId: '' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    for (const m of ['请从列表中选择来源', '链接应以 http:// 或 https:// 开头', '首次发现时间应为有效的日期和时间', '请填写舆情摘要', '请选择舆情等级', '请选择责任单位']) assert.match(text, new RegExp(m));
    assert.match(bad.body, /value="&lt;script>alert\(1\)&lt;\/script>网传东瓜镇自来水污染"/);
    assert.doesNotMatch(bad.body, /<script>alert/);
    const good = { submissionKey: key, title: '网传东瓜镇自来水污染', source: '微博', link: 'https://weibo.example/123', firstSeenAt: '2026-09-30T22:50', summary: '有网民发帖称东瓜镇自来水发黄有异味，转发较多。', involved: '市水务局、东瓜镇', levelId: await levelId('一般'), unitId: await unitId('donggua') };
    const ok = await office.submit('/staff/opinion/new', '/staff/opinion', good);
    assert.equal(ok.statusCode, 303);
    page = String(ok.headers.location);
    assert.equal(page, '/staff/opinion/items/YQ2026-0001');
    assert.equal((await office.submit('/staff/opinion/new', '/staff/opinion', good)).headers.location, page);
    assert.equal((await one('SELECT count(*)::int AS n FROM opinion_items')).n, 1);
    const view = textOf((await office.get(page)).body);
    assert.match(view, /予以回应（48小时）：2026-10-02 23:30前，还剩48小时/);
  });

  it('the responsible unit sees it; another unit does not', async () => {
    const dgz = await t.signIn('dgz_editor');
    assert.equal((await dgz.get(page)).statusCode, 200);
    const czj = await t.signIn('czj_editor');
    assert.equal((await czj.get(page)).statusCode, 403);
    assert.doesNotMatch((await czj.get('/staff/opinion')).body, /YQ2026-0001/);
  });

  // The app's own job may run these reminders too (its clock is the same fixed one): the checks are on
  // the mail queued, which must be the same whoever ran it, and never twice.
  const mails = async () => (await t.core.pool.query("SELECT to_address, subject FROM mail_outbox WHERE subject LIKE '%政务舆情%' ORDER BY id, to_address")).rows;
  it('reminds 8 hours before the 48 h deadline, once, by mail to the unit admin and the office', async () => {
    await hours(39); // 2026-10-02 14:30
    await runOpinionReminders(t.core);
    assert.deepEqual(await mails(), []);
    await hours(1); // 15:30: 8 hours left
    await runOpinionReminders(t.core);
    await runOpinionReminders(t.core);
    assert.deepEqual(
      (await mails()).sort((a, b) => a.to_address.localeCompare(b.to_address)),
      [
        { to_address: 'dgz_editor@example.cn', subject: '【政务舆情】YQ2026-0001 即将到达予以回应时限' },
        { to_address: 'gkb@example.cn', subject: '【政务舆情】YQ2026-0001 即将到达予以回应时限' },
      ],
    );
  });

  it('raising the level to 重大 starts the 5 h and 24 h timers from the raise; a unit cannot raise it', async () => {
    const dgz = await t.signIn('dgz_editor');
    const refused = await dgz.submit(page, `${page}/level`, { levelId: await levelId('重大'), 'level-reason': '扩散' });
    assert.equal(refused.statusCode, 403);
    const noReason = await office.submit(page, `${page}/level`, { levelId: await levelId('重大'), 'level-reason': '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /请填写调整理由/);
    const ok = await office.submit(page, `${page}/level`, { levelId: await levelId('重大'), 'level-reason': '央视报道，转发量过万' });
    assert.equal(ok.statusCode, 303);
    const view = textOf((await office.get(page)).body);
    assert.match(view, /发布权威信息（5小时）：2026-10-02 20:30前，还剩5小时/);
    assert.match(view, /举行新闻发布会（24小时）：2026-10-03 15:30前，还剩24小时/);
    assert.doesNotMatch(view, /予以回应（48小时）/);
  });

  it('reassigning to 市水务局 keeps the timers and needs a reason', async () => {
    await hours(1); // 16:30
    const noReason = await office.submit(page, `${page}/reassign`, { unitId: await unitId('finance'), 'reassign-reason': '' });
    assert.equal(noReason.statusCode, 400);
    const ok = await office.submit(page, `${page}/reassign`, { unitId: await unitId('finance'), 'reassign-reason': '供水由财政局代管（演示）' });
    assert.equal(ok.statusCode, 303);
    const view = textOf((await office.get(page)).body);
    assert.match(view, /发布权威信息（5小时）：2026-10-02 20:30前，还剩4小时/);
    assert.match(view, /改派责任单位 · 2026-10-02 16:30 · 李政务（政务公开办）（gkb） 责任单位由“楚雄市东瓜镇人民政府”改派为“楚雄市财政局”。理由：供水由财政局代管（演示）/);
    assert.equal((await one("SELECT count(*)::int AS n FROM audit_log WHERE action = 'opinion.reassign'")).n, 1);
  });

  it('the 5 h timer goes red once past; the office board shows it with charts and tables', async () => {
    await hours(4.5); // 21:00
    // The 5 h timer (due 20:30) is late; the 24 h one (due tomorrow 15:30) is not yet within 4 hours.
    await runOpinionReminders(t.core);
    assert.deepEqual(
      (await mails()).slice(2).map((m) => `${m.to_address} ${m.subject}`).sort(),
      ['czj_admin@example.cn 【政务舆情】YQ2026-0001 已超过发布权威信息时限', 'gkb@example.cn 【政务舆情】YQ2026-0001 已超过发布权威信息时限'],
    );
    const board = await office.get('/staff/opinion/board');
    assert.equal(board.statusCode, 200);
    assert.match(board.body, /<svg role="img"/);
    assert.match(board.body, /<tr class="overdue">[^]*YQ2026-0001/);
    assert.match(textOf(board.body), /已超时30分/);
    const home = textOf((await office.get('/staff')).body);
    assert.match(home, /政务舆情：已超时未回应 1/);
  });

  it('records steps with who, when and what; evaluation needs a response first and closes the item', async () => {
    const czj = await t.signIn('czj_admin');
    const step = (form: Record<string, string>) => czj.submit(page, `${page}/steps`, form);
    const early = await step({ step: 'evaluate', 'evaluate-at': '2026-10-02T21:00', 'evaluate-effect': '平息', 'evaluate-lessons': '无' });
    assert.equal(early.statusCode, 409);
    assert.match(textOf(early.body), /请先记录回应或移交，再进行评估。/);
    const future = await step({ step: 'consult', 'consult-at': '2026-10-03T09:00', 'consult-participants': '市水务局、东瓜镇', 'consult-judgement': '谣言可能性大', 'consult-measures': '取样检测' });
    assert.match(textOf(future.body), /办理时间不能晚于现在。/);
    assert.match(future.body, /value="市水务局、东瓜镇"/);
    assert.equal((await step({ step: 'consult', 'consult-at': '2026-10-02T17:00', 'consult-participants': '市水务局、东瓜镇、市网信办', 'consult-judgement': '水质异常系管网冲洗所致，网传“污染”不实', 'consult-measures': '取样检测，发布检测结果' })).statusCode, 303);
    assert.equal((await step({ step: 'assess', 'assess-at': '2026-10-02T17:30', 'assess-risk': 'medium', 'assess-respond': 'yes', 'assess-how': '发布权威信息并召开新闻发布会' })).statusCode, 303);
    const badForm = await step({ step: 'respond', 'respond-at': '2026-10-02T20:00', 'respond-form': 'fax', 'respond-text': '' });
    assert.equal(badForm.statusCode, 400);
    assert.match(textOf(badForm.body), /请从列表中选择回应形式.*请填写回应内容/s);
    assert.equal((await step({ step: 'respond', 'respond-at': '2026-10-02T20:00', 'respond-form': 'statement', 'respond-text': '经检测，东瓜镇供水水质符合国家标准。', 'respond-link': 'https://www.example.gov.cn/news/1' })).statusCode, 303);
    const view = textOf((await czj.get(page)).body);
    assert.match(view, /发布权威信息（5小时）：2026-10-02 20:30前，已按时完成于2026-10-02 20:00/);
    assert.match(view, /会商 · 2026-10-02 17:00 · 王财（财政局管理员）（czj_admin）/);
    assert.equal((await step({ step: 'evaluate', 'evaluate-at': '2026-10-02T21:00', 'evaluate-effect': '舆情平息', 'evaluate-lessons': '管网冲洗应提前公告' })).statusCode, 303);
    assert.equal((await one("SELECT state FROM opinion_items WHERE code = 'YQ2026-0001'")).state, 'closed');
    const closed = await step({ step: 'consult', 'consult-at': '2026-10-02T21:00', 'consult-participants': 'a', 'consult-judgement': 'b', 'consult-measures': 'c' });
    assert.equal(closed.statusCode, 409);
    assert.match(textOf(closed.body), /已评估办结/);
  });

  it('levels are editable; a new major level starts the 5 h / 24 h timers', async () => {
    const bad = await office.submit('/staff/opinion/levels', '/staff/opinion/levels', { id: '', name: '', major: '', sortOrder: 'abc', active: 'yes' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写等级名称.*请选择时限类别.*排序应为整数/s);
    const dup = await office.submit('/staff/opinion/levels', '/staff/opinion/levels', { id: '', name: '重大', major: 'yes', sortOrder: '50', active: 'yes' });
    assert.match(textOf(dup.body), /已有同名的等级/);
    assert.equal((await office.submit('/staff/opinion/levels', '/staff/opinion/levels', { id: '', name: '敏感', major: 'yes', sortOrder: '25', active: 'yes' })).statusCode, 303);
    const form = await office.get('/staff/opinion/new');
    const key = /name="submissionKey" value="([^"]+)"/.exec(form.body)![1]!;
    const r = await office.submit('/staff/opinion/new', '/staff/opinion', { submissionKey: key, title: '某小区业主维权', source: '短视频平台', link: '', firstSeenAt: '2026-10-02T20:00', summary: '业主聚集。', involved: '', levelId: await levelId('敏感'), unitId: await unitId('donggua') });
    assert.equal(r.headers.location, '/staff/opinion/items/YQ2026-0002');
    assert.match(textOf((await office.get(String(r.headers.location))).body), /发布权威信息（5小时）：2026-10-03 02:00前/);
  });

  it('answers malformed requests with 4xx, never 500', async () => {
    const urls = ['/staff/opinion/items/../../etc', '/staff/opinion/items/YQ2026-9999', '/staff/opinion/items/%E0%A4%A'];
    for (const u of urls) assert.ok([400, 404].includes((await office.get(u)).statusCode), u);
    assert.equal((await office.get('/staff/opinion?state[]=x&state=closed')).statusCode, 200);
    const token = /name="_csrf" value="([^"]+)"/.exec((await office.get(page)).body)![1]!;
    for (const body of [{ _csrf: token }, { _csrf: token, step: ['a', 'b'] }, { _csrf: token, step: 'respond', 'respond-at': '9999-99-99T99:99' }]) {
      const r = await office.post(`${page}/steps`, body as Record<string, string>);
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, String(r.statusCode));
    }
    const nocsrf = await office.post('/staff/opinion', { title: 'x' });
    assert.equal(nocsrf.statusCode, 403);
  });
});
