// 内容检查 through HTTP and the database: the office edits its tables (defaults present, bad input kept at
// the field, a repeated post changes nothing), the edit reaches the check publishing runs, the trial
// check, the sweep of public records, and malformed input never gives a 500.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

function csrf(html: string): string {
  const t = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(t, 'a CSRF token');
  return t;
}

async function post(c: TestClient, page: string, action: string, form: Record<string, string | string[]>) {
  const p = await c.get(page);
  return c.post(action, { _csrf: csrf(p.body), ...form });
}

describe('内容检查 pages, end to end', () => {
  let t: TestApp;
  let gkb: TestClient;
  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    gkb = await t.signIn('gkb');
  });
  after(async () => t.dispose());

  it('starts a site with the national defaults', async () => {
    const orgs = textOf((await gkb.get('/staff/content-check?kind=renamed_org')).body);
    assert.match(orgs, /国土资源局 自然资源局 2019-03-31/);
    assert.match(textOf((await gkb.get('/staff/content-check?kind=misspelling')).body), /佩带 佩戴/);
    assert.match(textOf((await gkb.get('/staff/content-check?kind=sensitive')).body), /秘密★ 不得公开/);
  });

  it('adds a leader with dates, refuses bad input at the field with the input kept, and ignores a repeated post', async () => {
    const page = '/staff/content-check?kind=leader';
    const bad = await post(gkb, page, '/staff/content-check/terms', { kind: 'leader', term: '杨明华', value: '', validFrom: '2026-02-30', validTo: '', note: '' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    assert.match(text, /请填写职务/);
    assert.match(text, /任职起始日期应为有效日期/);
    assert.match(bad.body, /value="杨明华"/);
    const form = { kind: 'leader', term: '杨明华', value: '市长', validFrom: '2021-09-01', validTo: '', note: '' };
    const ok = await post(gkb, page, '/staff/content-check/terms', form);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, page);
    const again = await post(gkb, page, '/staff/content-check/terms', form);
    assert.equal(again.statusCode, 303);
    const r = await t.core.pool.query("SELECT count(*)::int AS n FROM assessment_terms WHERE kind = 'leader' AND term = '杨明华'");
    assert.equal(r.rows[0].n, 1);
    assert.match(textOf((await gkb.get(page)).body), /杨明华 市长 2021-09-01 现任/);
  });

  it('uses the edited table at once: the trial check flags a wrong title for the leader just added', async () => {
    const res = await post(gkb, '/staff/content-check/try', '/staff/content-check/try', { text: '副市长杨明华到市国土资源局调研，要求工作人员佩带工作证。' });
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /检查结果：3处提示/);
    assert.match(text, /严重：\s*领导人职务错误/);
    assert.match(text, /杨明华现任市长/);
    assert.match(text, /过期机构名称/);
    assert.match(text, /应为“佩戴”/);
    const empty = await post(gkb, '/staff/content-check/try', '/staff/content-check/try', { text: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /请粘贴待检查的文字/);
  });

  it('removes a row; removing it again is harmless', async () => {
    const r = await t.core.pool.query("SELECT id FROM assessment_terms WHERE kind = 'misspelling' AND term = '按装'");
    const id = r.rows[0].id as string;
    const page = '/staff/content-check?kind=misspelling';
    assert.equal((await post(gkb, page, `/staff/content-check/terms/${id}/delete`, { kind: 'misspelling' })).statusCode, 303);
    assert.equal((await post(gkb, page, `/staff/content-check/terms/${id}/delete`, { kind: 'misspelling' })).statusCode, 303);
    assert.doesNotMatch(textOf((await gkb.get(page)).body), /按装/);
    const audit = await t.core.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'assessment.term-removed'");
    assert.equal(audit.rows[0].n, 1);
  });

  it('sweeps the public records and lists what it found with the record', async () => {
    const rec = await t.core.pool.query(
      "UPDATE pub_records SET body_html = '<p>请到市国土资源局咨询。</p>' WHERE id = (SELECT min(id) FROM pub_records WHERE state = 'published' AND disclosure = 'proactive' AND root_unit_id = (SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1)) RETURNING code, title",
    );
    assert.equal(rec.rowCount, 1);
    const res = await post(gkb, '/staff/content-check/sweep', '/staff/content-check/sweep', {});
    assert.equal(res.statusCode, 303);
    const page = textOf((await gkb.get('/staff/content-check/sweep')).body);
    assert.match(page, /巡检发现的问题/);
    assert.match(page, new RegExp(`${rec.rows[0].title} .*过期机构名称 正文第1段 请到市 国土资源局 咨询。`));
    // Once a day unless asked again: the nightly run the same day does nothing.
    const n = await t.core.pool.query('SELECT count(*)::int AS n FROM assessment_sweeps');
    assert.equal(n.rows[0].n, 1);
  });

  it('keeps other staff out and never answers malformed input with a 500', async () => {
    const editor = await t.signIn('czj_editor');
    assert.equal((await editor.get('/staff/content-check')).statusCode, 403);
    assert.equal((await t.client().get('/staff/content-check')).statusCode, 303);
    const page = await gkb.get('/staff/content-check');
    const token = csrf(page.body);
    const cases: Record<string, unknown>[] = [
      { kind: 'nonsense', term: 'x'.repeat(5000) },
      { kind: ['leader', 'sensitive'], term: ['a', 'b'], validFrom: ['x'] },
      { kind: 'leader', term: '张三', value: '市长', validFrom: '2026-01-01', validTo: '2025-01-01' },
      { kind: 'sensitive', term: '', level: 'drop table' },
    ];
    for (const c of cases) {
      const res = await gkb.post('/staff/content-check/terms', { _csrf: token, ...c } as Record<string, string>);
      assert.ok(res.statusCode < 500 && res.statusCode >= 300, `${res.statusCode} for ${JSON.stringify(c).slice(0, 60)}`);
    }
    assert.equal((await gkb.post('/staff/content-check/terms/abc/delete', { _csrf: token })).statusCode, 303);
    assert.equal((await gkb.post('/staff/content-check/terms/99999999999999999999/delete', { _csrf: token })).statusCode, 303);
    assert.equal((await gkb.post('/staff/content-check/try', { _csrf: token, text: '测'.repeat(60_000) })).statusCode, 400);
    assert.equal((await gkb.get('/staff/content-check?kind[]=x')).statusCode, 200);
  });
});
