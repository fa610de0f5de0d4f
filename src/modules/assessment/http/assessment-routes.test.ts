// 考核 end to end on the test site: scores computed with progress, a monitor finding charged to 财政局,
// its objection accepted (score recomputed), the indicator table's sum check, the 通报 drafted, edited,
// issued and downloaded, the ranking workbook; a unit sees only its own sheet; bad input never a 500.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { waitForAllImportRuns } from '../../../core/import-runs/run.ts';

function csrf(html: string): string {
  const t = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(t, 'a CSRF token');
  return t;
}

describe('考核, end to end', () => {
  let t: TestApp;
  let gkb: TestClient;
  let czj: TestClient;
  let czjUnit: number;
  let otherUnit: number;
  const P = '/staff/assessment';
  before(async () => {
    t = await createTestApp({ now: '2026-10-09T02:00:00Z' });
    gkb = await t.signIn('gkb');
    czj = await t.signIn('czj_admin');
    const q = (s: string, p: unknown[] = []) => t.core.pool.query(s, p);
    const root = Number((await q('SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1')).rows[0].id);
    czjUnit = Number((await q("SELECT unit_id FROM staff_users WHERE username = 'czj_admin'")).rows[0].unit_id);
    otherUnit = Number((await q('SELECT id FROM units WHERE id <> $1 AND id <> $2 AND (root_id = $1) ORDER BY id LIMIT 1', [root, czjUnit])).rows[0].id);
    // A monitor pass in the quarter with a broken link in a column of 财政局.
    const finding = { rule: 'link_broken', citation: '国办秘函〔2019〕19号 扣分指标“链接可用性”：不可用链接', veto: false, url: '/records/GONE', seenAt: '2026-09-20T02:00:00.000Z', evidence: '链接 /records/GONE 返回 404', unitId: czjUnit };
    await q("INSERT INTO assessment_monitor_runs (root_unit_id, started_at, finished_at, pages, findings) VALUES ($1, '2026-09-20T02:00:00Z', '2026-09-20T02:01:00Z', 10, $2)", [root, JSON.stringify([finding])]);
  });
  after(async () => t.dispose());

  it('computes the quarter with progress and shows the ranking with its charts and tables', async () => {
    const page = await gkb.get(`${P}?period=2026-Q3`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /本期尚未计算成绩/);
    const run = await gkb.post(`${P}/2026-Q3/compute`, { _csrf: csrf(page.body) });
    assert.equal(run.statusCode, 303);
    await waitForAllImportRuns();
    const progress = await gkb.get(run.headers.location as string);
    assert.match(textOf(progress.body), /计算完成：\d+ 个单位的成绩已更新/);
    const ranking = await gkb.get(`${P}?period=2026-Q3`);
    assert.match(ranking.body, /<svg role="img"/);
    assert.match(textOf(ranking.body), /得分排名.*各项指标失分.*各季度得分/s);
  });

  it('a unit sees its own sheet, each number opening to its items, and not another unit\'s', async () => {
    const r = await czj.get(P);
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, `${P}/2026-Q3/units/${czjUnit}`);
    const sheet = await czj.get(`${P}/2026-Q3/units/${czjUnit}`);
    assert.equal(sheet.statusCode, 200);
    const text = textOf(sheet.body);
    // 网站监测 10 − 2 × 1 = 8.
    assert.match(text, /问题 1 项，10 − 2 × 1 = 8 分/);
    assert.match(text, /问题： 链接 \/records\/GONE 返回 404/);
    assert.equal((await czj.get(`${P}/2026-Q3/units/${otherUnit}`)).statusCode, 404);
  });

  it('an objection needs a reason; accepted, the item counts as passed and the score is recomputed', async () => {
    const url = `${P}/2026-Q3/units/${czjUnit}`;
    const sheet = await czj.get(url);
    const key = 'link_broken:/records/GONE';
    const empty = await czj.post(`${url}/objections`, { _csrf: csrf(sheet.body), indicator: 'monitor', item: key, [`reason-monitor-${key}`]: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /请说明异议理由/);
    const ok = await czj.post(`${url}/objections`, { _csrf: csrf(sheet.body), indicator: 'monitor', item: key, [`reason-monitor-${key}`]: '该链接指向的信息已按规定撤回，页面已同步删除链接。' });
    assert.equal(ok.statusCode, 303);
    // Twice is once.
    await czj.post(`${url}/objections`, { _csrf: csrf(sheet.body), indicator: 'monitor', item: key, [`reason-monitor-${key}`]: '再次提交' });
    const list = await gkb.get(`${P}/2026-Q3/objections`);
    assert.match(textOf(list.body), /该链接指向的信息已按规定撤回/);
    assert.doesNotMatch(textOf(list.body), /再次提交/);
    const id = /objections\/(\d+)\/decide/.exec(list.body)![1]!;
    const noReason = await gkb.post(`${P}/objections/${id}/decide`, { _csrf: csrf(list.body), decision: 'accept', [`decisionReason-${id}`]: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /请填写处理理由/);
    const accepted = await gkb.post(`${P}/objections/${id}/decide`, { _csrf: csrf(list.body), decision: 'accept', [`decisionReason-${id}`]: '经核实，撤回信息的链接已处理。' });
    assert.equal(accepted.statusCode, 303);
    const after = textOf((await czj.get(url)).body);
    assert.match(after, /无扣分问题（含异议成立 1 项按合格计），得 10 分/);
    assert.match(after, /异议成立：经核实/);
    const audit = await t.core.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action IN ('assessment.objection', 'assessment.objection-accepted')");
    assert.equal(audit.rows[0].n, 2);
  });

  it('the indicator table must sum to 100, said in Chinese at the field, input kept', async () => {
    const page = await gkb.get(`${P}/indicators?year=2026`);
    assert.equal(page.statusCode, 200);
    const form: Record<string, string> = { _csrf: csrf(page.body) };
    for (const m of page.body.matchAll(/name="((?:code|name|weight|deduct|rule)\.\d+)"[^>]*value="([^"]*)"/g)) form[m[1]!] = m[2]!;
    for (const m of page.body.matchAll(/<textarea[^>]*name="(rule\.\d+)"[^>]*>([^<]*)</g)) form[m[1]!] = m[2]!;
    for (const m of page.body.matchAll(/<select[^>]*name="((?:source|method)\.\d+)"[\s\S]*?<option value="([^"]*)" selected/g)) form[m[1]!] = m[2]!;
    const bad = await gkb.post(`${P}/indicators?year=2026`, { ...form, 'weight.0': '19' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /各项分值合计应为100分，现为99分/);
    assert.match(bad.body, /name="weight.0"[^>]*value="19"/);
    const good = await gkb.post(`${P}/indicators?year=2026`, form);
    assert.equal(good.statusCode, 303);
    const days = await gkb.post(`${P}/settings?year=2026`, { _csrf: form._csrf!, objectionDays: '三天' });
    assert.equal(days.statusCode, 400);
    assert.match(textOf(days.body), /请填写1到30之间的整数/);
  });

  it('drafts, edits, issues and exports the 通报; the ranking workbook', async () => {
    const page = await gkb.get(`${P}/2026-Q3/bulletin`);
    const drafted = await gkb.post(`${P}/2026-Q3/bulletin/draft`, { _csrf: csrf(page.body) });
    assert.equal(drafted.statusCode, 303);
    const edit = await gkb.get(`${P}/2026-Q3/bulletin`);
    const text = textOf(edit.body);
    assert.match(edit.body, /value="关于\S+2026年第三季度政务公开工作考核情况的通报"/);
    assert.match(text, /目录事项覆盖方面/);
    const value = (name: string) => {
      const m = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)<`).exec(edit.body);
      return (m?.[1] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    };
    const title = /name="title"[^>]*value="([^"]*)"/.exec(edit.body)![1]!;
    const base = { _csrf: csrf(edit.body), title, docNo: '', overview: value('overview') + '\n各单位要高度重视。', problems: value('problems'), requirements: value('requirements') };
    const noNo = await gkb.post(`${P}/2026-Q3/bulletin`, { ...base, action: 'issue' });
    assert.equal(noNo.statusCode, 400);
    assert.match(textOf(noNo.body), /请填写发文字号/);
    assert.match(noNo.body, /各单位要高度重视。/);
    const issued = await gkb.post(`${P}/2026-Q3/bulletin`, { ...base, docNo: '楚政办通〔2026〕12号', action: 'issue' });
    assert.equal(issued.statusCode, 303);
    assert.match(textOf((await gkb.get(`${P}/2026-Q3/bulletin`)).body), /已于 2026-10-09 印发，文号 楚政办通〔2026〕12号/);
    const docx = await gkb.get(`${P}/2026-Q3/bulletin.docx`);
    assert.equal(docx.statusCode, 200);
    assert.match(String(docx.headers['content-type']), /wordprocessingml/);
    const again = await gkb.post(`${P}/2026-Q3/bulletin`, { ...base, docNo: 'x', action: 'save' });
    assert.equal(again.statusCode, 400);
    assert.match(textOf(again.body), /通报已印发，不能修改/);
    const xlsx = await gkb.get(`${P}/2026-Q3/ranking.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  });

  it('guards and malformed input: 4xx, never 500', async () => {
    assert.equal((await czj.get(`${P}/2026-Q3/objections`)).statusCode, 403);
    assert.equal((await gkb.get(`${P}/2026-Q9/units/1`)).statusCode, 404);
    assert.equal((await gkb.get(`${P}/2026-Q3/units/abc`)).statusCode, 404);
    assert.equal((await gkb.get(`${P}/objections/99999999999999999999/file`)).statusCode, 404);
    const page = await gkb.get(`${P}?period=2026-Q3`);
    const r = await gkb.post(`${P}/objections/abc/decide`, { _csrf: csrf(page.body), decision: 'x' });
    assert.equal(r.statusCode, 404);
  });
});
