// 舆情监测 through HTTP and the database, with a local server of fixture feeds: the office adds a feed
// (bad input answered at the field), the scheduled poll brings in candidates once (dedupe by guid),
// script in titles reaches the page escaped, a candidate is accepted (a 舆情 item with source, link,
// first-seen time and summary) or dismissed with a reason; a hostile feed leaves a reason on the
// settings page. 互动交流: five similar messages on one subject within 24 h raise one candidate.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { runOpinionMonitor } from '../jobs.ts';
import { findAlerts } from '../domain/alerts.ts';
import { messageSimilarity } from '../../messages/index.ts';
import { startFeedServer } from '../testing/feed-server.ts';

let t: TestApp;
let office: TestClient;
let srv: Awaited<ReturnType<typeof startFeedServer>>;
const one = async (q: string, p: unknown[] = []) => (await t.core.pool.query(q, p)).rows[0];
const SETTINGS = '/staff/opinion/monitor/settings';

before(async () => {
  srv = await startFeedServer();
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  office = await t.signIn('gkb');
});
after(async () => {
  await t.dispose();
  await srv.close();
});

describe('舆情监测 feeds', () => {
  it('refuses a bad feed at the field with the input kept', async () => {
    const bad = await office.submit(SETTINGS, '/staff/opinion/monitor/feeds', { name: '', url: 'ftp://x<script>', intervalMinutes: '2', active: 'yes' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写名称.*订阅地址应以 http:\/\/ 或 https:\/\/ 开头.*读取间隔/s);
    assert.match(bad.body, /value="ftp:\/\/x&lt;script>"/);
    const alerts = await office.submit(SETTINGS, '/staff/opinion/monitor/alerts', { alertThreshold: 'abc', alertsEnabled: 'yes' });
    assert.equal(alerts.statusCode, 400);
    assert.match(alerts.body, /value="abc"/);
  });

  it('polls on schedule, dedupes by guid, shows titles as text, and a hostile feed leaves a reason', async () => {
    for (const [name, path] of [
      ['某舆情监测服务商', '/rss.xml'],
      ['坏订阅源', '/malformed.xml'],
      ['超大订阅源', '/huge.xml'],
    ]) assert.equal((await office.submit(SETTINGS, '/staff/opinion/monitor/feeds', { name: name!, url: srv.base + path, intervalMinutes: '30', active: 'yes' })).statusCode, 303);
    const dup = await office.submit(SETTINGS, '/staff/opinion/monitor/feeds', { name: '重复', url: `${srv.base}/rss.xml`, intervalMinutes: '30', active: 'yes' });
    assert.match(textOf(dup.body), /已添加过这个订阅地址/);
    const run = await runOpinionMonitor(t.core);
    assert.deepEqual(run.feeds, { polled: 3, added: 2, failed: 2 });
    // Not due again within its interval; when due, the same entries are not added twice.
    assert.deepEqual((await runOpinionMonitor(t.core)).feeds, { polled: 0, added: 0, failed: 0 });
    t.clock.advance(31 * 60_000);
    assert.deepEqual((await runOpinionMonitor(t.core)).feeds, { polled: 3, added: 0, failed: 2 });
    assert.equal((await one("SELECT count(*)::int AS n FROM opinion_candidates WHERE origin = 'feed'")).n, 2);
    office = await t.signIn('gkb'); // the session idled out while the clock moved on
    const settings = textOf((await office.get(SETTINGS)).body);
    assert.match(settings, /XML 格式错误或不是 RSS\/Atom 订阅源/);
    assert.match(settings, /订阅内容超过2MB，未读取/);
    const page = await office.get('/staff/opinion/monitor');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>alert|onclick|javascript:/);
    assert.match(textOf(page.body), /楚雄市某小区停水引发网民关注.*网民反映停水三天/s);
  });

  it('accepts a candidate as a 舆情 item, dismisses another with a reason; bad choices are answered at the field', async () => {
    const c1 = Number((await one("SELECT id FROM opinion_candidates WHERE key = 'vendor-1'")).id);
    const c2 = Number((await one("SELECT id FROM opinion_candidates WHERE key = 'vendor-2'")).id);
    const bad = await office.submit('/staff/opinion/monitor', `/staff/opinion/monitor/candidates/${c1}/accept`, { [`cand-${c1}-levelId`]: '', [`cand-${c1}-unitId`]: '999999' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请选择舆情等级/);
    const level = String((await one("SELECT id FROM opinion_levels WHERE name = '较大'")).id);
    const unit = String((await one("SELECT id FROM units WHERE slug = 'donggua'")).id);
    const ok = await office.submit('/staff/opinion/monitor', `/staff/opinion/monitor/candidates/${c1}/accept`, { [`cand-${c1}-levelId`]: level, [`cand-${c1}-unitId`]: unit });
    assert.equal(ok.statusCode, 303);
    const item = await one('SELECT code, source, link, first_seen_at, summary FROM opinion_items WHERE candidate_id = $1', [c1]);
    assert.equal(ok.headers.location, `/staff/opinion/items/${item.code}`);
    assert.deepEqual([item.source, item.link, new Date(item.first_seen_at).toISOString()], ['监测服务商', 'https://news.example.cn/a/1', '2026-11-23T01:00:00.000Z']);
    assert.match(item.summary, /网民反映停水三天/);
    // Accepting again (a resubmitted form) makes no second item.
    await office.post(`/staff/opinion/monitor/candidates/${c1}/accept`, { _csrf: /name="_csrf" value="([^"]+)"/.exec((await office.get('/staff/opinion/monitor')).body)![1]!, [`cand-${c1}-levelId`]: level, [`cand-${c1}-unitId`]: unit });
    assert.equal((await one('SELECT count(*)::int AS n FROM opinion_items WHERE candidate_id = $1', [c1])).n, 1);
    const noReason = await office.submit('/staff/opinion/monitor', `/staff/opinion/monitor/candidates/${c2}/dismiss`, { [`cand-${c2}-reason`]: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /请填写忽略理由/);
    assert.equal((await office.submit('/staff/opinion/monitor', `/staff/opinion/monitor/candidates/${c2}/dismiss`, { [`cand-${c2}-reason`]: '与本市无关' })).statusCode, 303);
    assert.match(textOf((await office.get('/staff/opinion/monitor?state=dismissed')).body), /理由：与本市无关/);
    assert.match(textOf((await office.get('/staff/opinion/monitor?state=accepted')).body), new RegExp(`接收登记为 ${item.code}`));
    const unitStaff = await t.signIn('dgz_editor');
    assert.equal((await unitStaff.get('/staff/opinion/monitor')).statusCode, 403);
  });
});

describe('互动交流 alerts', () => {
  const at = (h: number) => new Date(Date.parse('2026-11-26T02:00:00Z') + h * 3_600_000);
  const msg = (n: number, title: string, subjectId: number | null, h: number) => ({ itemNo: `HD${n}`, title, content: '', subjectId, subjectLabel: subjectId ? '城乡建设 › 供水' : '', receivedAt: at(h) });
  it('finds a cluster of similar messages on one subject within 24 h at the threshold, not below, not older', () => {
    const water = ['鹿城镇阳光小区停水三天', '阳光小区停水三天没人管', '鹿城镇阳光小区又停水了', '阳光小区停水什么时候恢复', '阳光小区停水三天了'];
    const list = [...water.map((w, i) => msg(i + 1, w, 7, -i)), msg(9, '道路照明路灯不亮', 7, -1), msg(10, '阳光小区停水', 7, -30)];
    const alerts = findAlerts(list, at(0), 5, messageSimilarity);
    assert.deepEqual(alerts.map((a) => [a.subjectId, a.itemNos]), [[7, ['HD5', 'HD4', 'HD3', 'HD2', 'HD1']]]);
    assert.deepEqual(findAlerts(list, at(0), 6, messageSimilarity), []);
    assert.deepEqual(findAlerts(list.map((m) => ({ ...m, subjectId: m.itemNo === 'HD1' ? 8 : m.subjectId })), at(0), 5, messageSimilarity), []);
  });

  it('raises one candidate from 互动交流 and not again within 24 h', async () => {
    const root = Number((await one("SELECT id FROM units WHERE slug = 'city-government'")).id);
    const insert = (n: number, title: string, minutesAgo: number) =>
      t.core.pool.query(
        "INSERT INTO msg_items (root_unit_id, item_no, lookup_hash, channel, kind, title, content, state, received_on, received_at, due_on, limit_days) VALUES ($1, $2, 'x', 'consult', 'complaint', $3, $3, 'received', '2026-11-26', $4, '2026-12-10', 10)",
        [root, `HDT${n}`, title, new Date(t.clock.now().getTime() - minutesAgo * 60_000)],
      );
    const titles = ['子午镇中学门口道路积水严重', '子午镇中学门口积水学生上学难', '中学门口道路积水严重请处理', '子午镇中学门口道路积水', '子午中学门口积水严重'];
    for (const [i, title] of titles.slice(0, 4).entries()) await insert(i, title, 60 * i);
    assert.equal((await runOpinionMonitor(t.core)).alerts, 0);
    await insert(9, titles[4]!, 5);
    assert.equal((await runOpinionMonitor(t.core)).alerts, 1);
    assert.equal((await runOpinionMonitor(t.core)).alerts, 0);
    const c = await one("SELECT title, source, summary FROM opinion_candidates WHERE origin = 'messages'");
    assert.equal(c.source, '互动交流');
    assert.match(c.title, /24小时内收到5件相似留言/);
    assert.match(c.summary, /HDT0/);
  });
});
