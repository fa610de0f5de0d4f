// The website monitor over the test site: known stale columns (通知公告 and 政策文件 moved back in time),
// a broken internal link in a public record and a message left unanswered for four months; thresholds
// edited by the office with errors at the field; malformed input never a 500.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

function csrf(html: string): string {
  const t = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(t, 'a CSRF token');
  return t;
}

describe('网站监测, end to end', () => {
  let t: TestApp;
  let gkb: TestClient;
  let root: number;
  // An outside site: /ok answers 200, anything else 404. Port 1 on 127.0.0.1 refuses connections (the
  // monitor cannot tell a dead site from a closed network there, so it records the link as unchecked).
  const outside = http.createServer((req, res) => {
    res.writeHead(req.url === '/ok' ? 200 : 404);
    res.end();
  });
  before(async () => {
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
    const ext = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    gkb = await t.signIn('gkb');
    root = Number((await t.core.pool.query('SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1')).rows[0].id);
    const q = (s: string, p: unknown[] = []) => t.core.pool.query(s, p);
    // Stale: every public 通知公告 and 政策文件 published more than 6 months before 2026-11-26.
    await q("UPDATE pub_records SET published_on = '2026-04-30' WHERE root_unit_id = $1 AND general_column IN ('notice', 'policy') AND state = 'published'", [root]);
    // A broken link in a public record of 政务动态.
    const rec = await q("UPDATE pub_records SET body_html = $2 WHERE id = (SELECT id FROM pub_records WHERE root_unit_id = $1 AND general_column = 'news' AND state = 'published' AND disclosure = 'proactive' ORDER BY published_on DESC, id DESC LIMIT 1) RETURNING index_no", [
      root,
      `<p>详见<a href="/records/NO-SUCH-RECORD">原文</a>，另见<a href="${ext}/ok">有效外链</a>、<a href="${ext}/gone">失效外链</a>和<a href="http://127.0.0.1:1/x">不可达外链</a>。</p>`,
    ]);
    assert.equal(rec.rowCount, 1, 'a public 政务动态 record to carry the broken link');
    // A valid message received on 2026-07-20 and never answered.
    const msg = await q(
      "INSERT INTO msg_items (root_unit_id, item_no, lookup_hash, channel, kind, title, content, state, received_on, received_at, due_on, limit_days) VALUES ($1, 'X20260720001', 'x', 'consult', 'consult', '咨询', '咨询内容', 'handling', '2026-07-20', '2026-07-20T02:00:00Z', '2026-08-03', 10) RETURNING item_no",
      [root],
    );
    assert.equal(msg.rowCount, 1, 'a message to leave unanswered');
    // A published 办事指南 without 设定依据 and 咨询电话 (loaded straight into the table, past the publishing check).
    await q(
      "INSERT INTO powers_guides (public_code, unit_id, name, item_type, audience, theme, conditions, process, place, hours, materials, published_at) SELECT 'GAPGUIDE1', id, '缺项的测试指南', '行政许可', '个人', '其他', '条件', '流程', '政务服务中心', '工作日', '[{\"name\":\"身份证\",\"required\":true,\"form\":\"\",\"copies\":1,\"note\":\"\"}]'::jsonb, now() FROM units WHERE slug = 'finance'",
    );
  });
  after(async () => {
    outside.close();
    await t.dispose();
  });

  it('finds the stale columns, the broken link and the unanswered message, each with rule, URL, time and evidence', async () => {
    const page = await gkb.get('/staff/monitor');
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /尚未监测/);
    const run = await gkb.post('/staff/monitor/run', { _csrf: csrf(page.body) });
    assert.equal(run.statusCode, 303);
    const text = textOf((await gkb.get('/staff/monitor')).body);
    assert.match(text, /栏目“通知公告”最新信息发布于 2026-04-30，6个月内（2026-05-26 之后）未更新/);
    assert.match(text, /栏目“政策文件”最新信息发布于 2026-04-30/);
    assert.match(text, /链接 \/records\/NO-SUCH-RECORD 返回 404/);
    assert.match(text, /单项否决： 留言 \S+ 于 2026-07-20 收到，至今未回复，已超过3个月（应于 2026-10-20 前）/);
    assert.match(text, /2026-11-26 10:00/);
    assert.match(text, /国办秘函〔2019〕19号 单项否决指标“互动回应差”/);
    assert.match(text, /办事指南“缺项的测试指南”缺少：设定依据、咨询电话/);
    assert.match(text, /外部链接 http:\/\/127\.0\.0\.1:\d+\/gone 返回 404/);
    assert.doesNotMatch(text, /\/ok 返回/);
    assert.match(text, /说明：\d+个外部链接未能检查：.*http:\/\/127\.0\.0\.1:1\/x/);
    // Two stale columns are below the national count of 5: no single veto for columns.
    assert.doesNotMatch(text, /未更新栏目\d+个/);
  });

  it('applies the office\'s thresholds: with 2 stale columns as the limit the columns become a single veto', async () => {
    const page = await gkb.get('/staff/monitor');
    const form: Record<string, string> = { homeDays: '14', newsDays: '14', noticeMonths: '6', staleColumnsVeto: '2', blankColumnsVeto: '5', probeTimeoutMs: '15000', probeFailPercent: '5', unansweredMonths: '3' };
    const bad = await gkb.post('/staff/monitor/thresholds', { _csrf: csrf(page.body), ...form, newsDays: '两周', probeTimeoutMs: '99' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写1到90之间的整数.*请填写1000到60000之间的整数/);
    assert.match(bad.body, /value="两周"/);
    assert.equal((await gkb.post('/staff/monitor/thresholds', { _csrf: csrf(page.body), ...form })).statusCode, 303);
    await gkb.post('/staff/monitor/run', { _csrf: csrf(page.body) });
    assert.match(textOf((await gkb.get('/staff/monitor')).body), /单项否决： 未更新栏目2个（标准：2个及以上即单项否决）/);
  });

  it('keeps other staff out and answers malformed input without a 500', async () => {
    const editor = await t.signIn('czj_editor');
    assert.equal((await editor.get('/staff/monitor')).statusCode, 403);
    const token = csrf((await gkb.get('/staff/monitor')).body);
    for (const body of [{ homeDays: ['1', '2'] }, { homeDays: 'x'.repeat(5000) }, {}]) {
      const res = await gkb.post('/staff/monitor/thresholds', { _csrf: token, ...body } as Record<string, string>);
      assert.equal(res.statusCode, 400);
    }
  });
});
