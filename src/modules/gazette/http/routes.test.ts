// The 政府公报 through HTTP and the database: making an issue from published records and a gazette-only
// text, the workflow, the fixed released issue, the public column, search, and a 勘误 linked both ways.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { extractText } from '../../../core/files/extract-text.ts';
import { ocrTools } from '../ocr/engine.ts';
import { closePrintBrowser } from '../pdf/print.ts';

// The PDF/A copy needs Ghostscript (Debian ghostscript), which `npm test` installs; without it the route answers 503.
const noGhostscript = (await ocrTools()).ghostscript ? false : 'Ghostscript (Debian package ghostscript) is not installed';

function csrf(html: string): string {
  const t = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(t, 'a CSRF token');
  return t;
}

async function post(c: TestClient, page: string, action: string, form: Record<string, string | string[]>) {
  const p = await c.get(page);
  return c.post(action, { _csrf: csrf(p.body), ...form });
}

/** The page's own content, without the site navigation (which always links 政府公报). */
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

const sectionId = (html: string, name: string) => new RegExp(`<option value="(\\d+)"[^>]*>${name}</option>`).exec(html)![1]!;

describe('政府公报 pages, end to end', () => {
  let t: TestApp;
  let gkb: TestClient;
  before(async () => {
    t = await createTestApp({ now: '2026-03-20T02:00:00Z' });
    gkb = await t.signIn('gkb');
  });
  after(async () => {
    await closePrintBrowser();
    await t.dispose();
  });

  it('refuses a department and a township with the reason (国办发〔2018〕22号)', async () => {
    // No issue yet: the 政府信息公开 column does not list a gazette.
    assert.doesNotMatch(mainOf((await t.client().get('/openness')).body), /href="\/gazette"/);
    const dept = await t.signIn('czj_admin');
    const page = await dept.get('/staff/gazette');
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /政府所属部门不办政府公报（国办发〔2018〕22号）/);
    const res = await dept.post('/staff/gazette', { _csrf: csrf(page.body), year: '2026', number: '1', overall: '1' });
    assert.equal(res.statusCode, 403);
    assert.match(textOf(res.body), /政府所属部门不办政府公报/);
    const town = await t.signIn('dgz_editor');
    assert.match(textOf((await town.get('/staff/gazette')).body), /乡镇人民政府、街道办事处不办政府公报/);
  });

  it('numbers a new issue, refuses a taken number at the field and keeps the input', async () => {
    const list = await gkb.get('/staff/gazette');
    assert.match(list.body, /name="year"[^>]*value="2026"|value="2026"[^>]*name="year"/);
    const created = await gkb.post('/staff/gazette', { _csrf: csrf(list.body), year: '2026', number: '1', overall: '1', issuedOn: '' });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/staff/gazette/2026/1');
    const again = await post(gkb, '/staff/gazette', '/staff/gazette', { year: '2026', number: '1', overall: '7', issuedOn: '' });
    assert.equal(again.statusCode, 400);
    assert.match(textOf(again.body), /2026年第1期已经存在/);
    assert.match(again.body, /value="7"/);
    const bad = await post(gkb, '/staff/gazette', '/staff/gazette', { year: '二〇二六', number: '', overall: '2', issuedOn: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /年份应为整数.*请填写期号/);
  });

  it('puts published records and a 人事任免 text in order, then proofreads, approves and releases; released is fixed', async () => {
    const editor = await gkb.get('/staff/gazette/2026/1');
    assert.equal(editor.statusCode, 200);
    const text = textOf(editor.body);
    for (const s of ['政府文件', '政府办公室文件', '部门文件', '人事任免', '其他']) assert.match(text, new RegExp(s));
    const ids = [...editor.body.matchAll(/name="recordIds" value="(\d+)"/g)].map((m) => m[1]!).slice(0, 3);
    assert.equal(ids.length, 3, 'published records to pick from');
    const gov = sectionId(editor.body, '政府文件');
    const added = await gkb.post('/staff/gazette/2026/1/records', { _csrf: csrf(editor.body), recordIds: ids, 'rec-sectionId': gov });
    assert.equal(added.statusCode, 303);
    // The same records again: nothing added twice.
    await gkb.post('/staff/gazette/2026/1/records', { _csrf: csrf(editor.body), recordIds: ids, 'rec-sectionId': gov });
    const noBody = await gkb.post('/staff/gazette/2026/1/texts', { _csrf: csrf(editor.body), 'text-sectionId': sectionId(editor.body, '人事任免'), 'text-title': '楚雄市人民政府关于张丽华等同志职务任免的通知', 'text-body': '' });
    assert.equal(noBody.statusCode, 400);
    assert.match(textOf(noBody.body), /请填写正文/);
    assert.match(noBody.body, /value="楚雄市人民政府关于张丽华等同志职务任免的通知"/);
    const form = { _csrf: csrf(editor.body), 'text-sectionId': sectionId(editor.body, '人事任免'), 'text-title': '楚雄市人民政府关于张丽华等同志职务任免的通知', 'text-issuer': '楚雄市人民政府', 'text-writtenOn': '2026-02-10', 'text-body': '经市人民政府研究决定：\n任命张丽华为楚雄市教育体育局副局长。' };
    assert.equal((await gkb.post('/staff/gazette/2026/1/texts', form)).statusCode, 303);
    assert.equal((await gkb.post('/staff/gazette/2026/1/texts', form)).statusCode, 303, 'posted twice, added once');
    const count = await t.core.pool.query("SELECT kind, count(*)::int AS n FROM gazette_articles GROUP BY kind ORDER BY kind");
    assert.deepEqual(count.rows, [{ kind: 'record', n: 3 }, { kind: 'text', n: 1 }]);

    // Move the second record up: it becomes the first.
    const page = await gkb.get('/staff/gazette/2026/1');
    const second = [...page.body.matchAll(/action="\/staff\/gazette\/2026\/1\/articles\/(\d+)"/g)][1]![1]!;
    const secondTitle = (await t.core.pool.query('SELECT title FROM gazette_articles WHERE id = $1', [second])).rows[0].title;
    assert.equal((await gkb.post(`/staff/gazette/2026/1/articles/${second}`, { _csrf: csrf(page.body), op: 'up' })).statusCode, 303);

    const early = await post(gkb, '/staff/gazette/2026/1', '/staff/gazette/2026/1/do', { action: 'release' });
    assert.equal(early.statusCode, 400);
    assert.match(textOf(early.body), /当前状态为“编辑中”，不能发行/);
    for (const action of ['proofread', 'approve', 'release']) assert.equal((await post(gkb, '/staff/gazette/2026/1', '/staff/gazette/2026/1/do', { action })).statusCode, 303, action);
    const locked = await gkb.post('/staff/gazette/2026/1/texts', { ...form, 'text-title': '又一篇' });
    assert.equal(locked.statusCode, 400);
    assert.match(textOf(locked.body), /本期已发行，内容不能再改动；如有错误，请在以后一期刊登勘误/);

    // The public edition: contents in order, article pages numbered 1…n, PDF link.
    const issue = await t.client().get('/gazette/2026/1');
    assert.equal(issue.statusCode, 200);
    assert.match(textOf(issue.body), /《楚雄市人民政府公报》2026年第1期（总第1期）/);
    const first = /href="\/gazette\/2026\/1\/1">([^<]+)</.exec(issue.body)![1]!;
    assert.equal(first, secondTitle);
    assert.match(issue.body, /href="\/gazette\/2026\/1\/pdf"/);
    const art = await t.client().get('/gazette/2026/1/1');
    assert.equal(art.statusCode, 200);
    assert.match(art.body, /href="\/records\/[^"]+"/, 'links to its record');
    const appointment = await t.client().get('/gazette/2026/1/4');
    assert.match(textOf(appointment.body), /任命张丽华为楚雄市教育体育局副局长/);
  });

  it('shows the column by year and finds articles by title, 文号 and text; drafts stay hidden', async () => {
    const home = await t.client().get('/gazette');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /href="\/gazette\/2026"/);
    assert.equal((await t.client().get('/gazette/2026')).statusCode, 200);
    const feed = await t.client().get('/gazette/atom.xml');
    assert.equal(feed.statusCode, 200);
    assert.match(feed.body, /<title>《楚雄市人民政府公报》2026年第1期（总第1期）<\/title>/);
    assert.match((await t.client().get('/gazette/rss.xml')).headers['content-type'] as string, /rss\+xml/);
    const byText = await t.client().get(`/gazette/search?q=${encodeURIComponent('教育体育局副局长')}`);
    assert.match(textOf(byText.body), /共找到 1 篇/);
    assert.match(byText.body, /<mark>/);
    const [rec] = (await t.core.pool.query("SELECT title, doc_no FROM gazette_articles WHERE kind = 'record' AND doc_no <> '' LIMIT 1")).rows;
    if (rec) {
      const byNo = await t.client().get(`/gazette/search?q=${encodeURIComponent(rec.doc_no)}`);
      assert.match(textOf(byNo.body), new RegExp(rec.title.slice(0, 8)));
    }
    const none = await t.client().get(`/gazette/search?q=${encodeURIComponent('没有这样的词语组合')}&year=2025`);
    assert.match(textOf(none.body), /2025年共找到 0 篇/);
    await post(gkb, '/staff/gazette', '/staff/gazette', { year: '2026', number: '2', overall: '2', issuedOn: '' });
    assert.equal((await t.client().get('/gazette/2026/2')).statusCode, 404);
    assert.equal((await t.client().get('/gazette/2026/99')).statusCode, 404);
    assert.equal((await t.client().get('/gazette/abc/1')).statusCode, 404);
  });

  it('links a reprinted record and its gazette article both ways, and shows the latest issue on the home page and in the platform search', async () => {
    const art = await t.client().get('/gazette/2026/1/1');
    const recordHref = /href="(\/records\/[^"]+)"/.exec(art.body)![1]!;
    const title = (await t.core.pool.query("SELECT a.title FROM gazette_articles a JOIN gazette_issues i ON i.id = a.issue_id WHERE i.number = 1 AND i.year = 2026 AND a.seq = 1")).rows[0].title as string;
    const record = await t.client().get(recordHref);
    assert.equal(record.statusCode, 200);
    assert.match(textOf(record.body), /刊登本文件的政府公报 《楚雄市人民政府公报》2026年第1期（总第1期）/);
    assert.match(record.body, /<a href="\/gazette\/2026\/1\/1">《楚雄市人民政府公报》2026年第1期（总第1期）<\/a>/);
    const home = await t.client().get('/');
    assert.match(textOf(home.body), /政府公报 《楚雄市人民政府公报》2026年第1期（总第1期）/);
    assert.match(home.body, new RegExp(`<a href="/gazette/2026/1/1">${title.replace(/[()（）]/g, '.')}</a>`));
    assert.match(home.body, /href="\/gazette\/rss.xml"/);
    const search = await t.client().get(`/search?q=${encodeURIComponent('教育体育局副局长')}`);
    assert.match(textOf(search.body), /政府公报/);
    assert.match(search.body, /href="\/gazette\/2026\/1\/4"/);
  });

  it('serves the released issue as a PDF/A-2b download; an unreleased or unknown issue has none', { skip: noGhostscript, timeout: 240_000 }, async () => {
    const res = await t.client().get('/gazette/2026/1/pdfa');
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.headers['content-type'], 'application/pdf');
    const disposition = String(res.headers['content-disposition']);
    assert.match(disposition, /^attachment; filename="gazette-2026-1-pdfa\.pdf"/);
    assert.match(decodeURIComponent(disposition), /filename\*=UTF-8''楚雄市人民政府公报2026年第1期（总第1期）（PDF-A存档版）\.pdf$/);
    const bytes = res.rawPayload;
    const raw = bytes.toString('latin1');
    assert.match(raw, /^%PDF-/);
    assert.match(raw, /pdfaid:part='2'/);
    assert.match(raw, /pdfaid:conformance='B'/);
    const text = (await extractText('pdf', bytes)).replace(/\s+/g, '');
    const titles = (await t.core.pool.query("SELECT a.title FROM gazette_articles a JOIN gazette_issues i ON i.id = a.issue_id WHERE i.year = 2026 AND i.number = 1 ORDER BY a.seq")).rows.map((r) => r.title as string);
    assert.ok(titles.length >= 2);
    for (const title of titles) assert.ok(text.includes(title.replace(/\s+/g, '')), `title reads back: ${title}`);
    assert.equal((await t.client().get('/gazette/2026/2/pdfa')).statusCode, 404, 'a draft has no archival copy');
    assert.equal((await t.client().get('/gazette/2026/99/pdfa')).statusCode, 404);
  });

  it('lists the gazette under 政府信息公开 of the site that publishes it, not of a department or another site', async () => {
    const index = await t.client().get('/openness');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<h2 id="part-gazette">政府公报<\/h2>/);
    assert.match(index.body, /<a href="\/gazette">《楚雄市人民政府公报》（按年份浏览）<\/a>/);
    assert.match(index.body, /<a href="\/gazette\/2026\/1">最新一期：2026年第1期（总第1期）<\/a>/);
    assert.match(index.body, /<a href="\/gazette\/search">政府公报检索<\/a>/);
    const [root] = (await t.core.pool.query('SELECT slug FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1')).rows;
    const own = await t.client().get(`/openness/${root.slug}`);
    assert.match(own.body, /<nav aria-label="本栏目内容"[\s\S]*<a href="#gazette">政府公报<\/a>[\s\S]*<\/nav>/);
    assert.match(own.body, /<h2 id="gazette">政府公报<\/h2>/);
    const [dept] = (await t.core.pool.query("SELECT slug FROM units WHERE type = 'department' ORDER BY id LIMIT 1")).rows;
    const deptColumn = await t.client().get(`/openness/${dept.slug}`);
    assert.equal(deptColumn.statusCode, 200);
    assert.doesNotMatch(mainOf(deptColumn.body), /href="\/gazette"|href="#gazette"/);
    // A second site (another county) without a gazette lists none.
    const { rows } = await t.core.pool.query(
      `INSERT INTO units (slug, name, short_name, type, uscc, sort_order) VALUES ('mouding', '牟定县人民政府', '县政府', 'government', $1, 1000) RETURNING id`,
      ['115323230151200728'],
    );
    await t.core.pool.query('UPDATE units SET root_id = $1 WHERE id = $1', [rows[0].id]);
    await t.core.pool.query(`INSERT INTO site_settings (root_unit_id, site_name, host_name, host_unit_name) VALUES ($1, '牟定县人民政府网', 'www.mouding.example.cn', '牟定县人民政府办公室')`, [rows[0].id]);
    t.core.sites.invalidate();
    try {
      const other = await t.app.inject({ method: 'GET', url: '/openness', headers: { host: 'www.mouding.example.cn' } });
      assert.equal(other.statusCode, 200);
      assert.match(other.body, /牟定县人民政府/);
      assert.doesNotMatch(mainOf(other.body), /href="\/gazette"/);
    } finally {
      await t.core.pool.query('DELETE FROM site_settings WHERE root_unit_id = $1', [rows[0].id]);
      await t.core.pool.query('DELETE FROM units WHERE id = $1', [rows[0].id]);
      t.core.sites.invalidate();
    }
  });

  it('corrects a released article by a 勘误 in a later issue, linked both ways once released', async () => {
    const editor = await gkb.get('/staff/gazette/2026/2');
    const target = (await t.core.pool.query("SELECT a.id FROM gazette_articles a JOIN gazette_issues i ON i.id = a.issue_id WHERE i.number = 1 AND a.seq = 4")).rows[0].id;
    const missing = await gkb.post('/staff/gazette/2026/2/errata', { _csrf: csrf(editor.body), 'err-sectionId': sectionId(editor.body, '其他'), 'err-correctsArticleId': '', 'err-body': '“副局长”应为“局长”。' });
    assert.equal(missing.statusCode, 400);
    assert.match(textOf(missing.body), /请选择所更正的往期文章/);
    assert.match(missing.body, /“副局长”应为“局长”。/);
    const ok = await gkb.post('/staff/gazette/2026/2/errata', { _csrf: csrf(editor.body), 'err-sectionId': sectionId(editor.body, '其他'), 'err-correctsArticleId': String(target), 'err-body': '本刊2026年第1期《楚雄市人民政府关于张丽华等同志职务任免的通知》中“副局长”应为“局长”。' });
    assert.equal(ok.statusCode, 303);
    for (const action of ['proofread', 'approve', 'release']) assert.equal((await post(gkb, '/staff/gazette/2026/2', '/staff/gazette/2026/2/do', { action })).statusCode, 303, action);
    const erratum = await t.client().get('/gazette/2026/2/1');
    assert.match(erratum.body, /更正：<a href="\/gazette\/2026\/1\/4">2026年第1期《楚雄市人民政府关于张丽华等同志职务任免的通知》<\/a>/);
    const original = await t.client().get('/gazette/2026/1/4');
    assert.match(textOf(original.body), /本文已在以后一期刊登勘误/);
    assert.match(original.body, /href="\/gazette\/2026\/2\/1"/);
    const audit = await t.core.pool.query("SELECT action FROM audit_log WHERE action LIKE 'gazette.%' ORDER BY id");
    assert.ok(audit.rows.some((r) => r.action === 'gazette.release') && audit.rows.some((r) => r.action === 'gazette.erratum_added'));
  });
});
