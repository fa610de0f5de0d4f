import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { systemActor, verifyAuditChain } from '../../../core/audit/index.ts';
import { findUnitBySlug } from '../../units/index.ts';
import { generatedGuide, saveGuide } from '../service-guide.ts';
import { missingGuideElements } from '../domain/guide-elements.ts';
import { listUnitsOfRoot } from '../../units/index.ts';
import { listGuideVersions } from '../data/guide-queries.ts';
import { GUIDE_SECTION_KEYS, type GuideSectionKey } from '../domain/guide.ts';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');

/** The fields of the editor form as a browser would send them. */
async function editorForm(c: TestClient, url: string): Promise<Record<string, string>> {
  const page = await c.get(url);
  assert.equal(page.statusCode, 200);
  const fields: Record<string, string> = {};
  for (const m of page.body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[m[1]!] = unescape(m[2]!);
  fields.baseVersion = /name="baseVersion" value="(\d+)"/.exec(page.body)![1]!;
  return fields;
}

describe('政府信息公开指南 pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  });
  after(async () => t.dispose());

  const staffUrl = '/staff/catalog/finance/guide';

  it('shows a default generated from the unit data when none was saved', async () => {
    const res = await t.client().get('/openness/finance/guide');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /楚雄市财政局政府信息公开指南/);
    assert.match(text, /根据本单位登记的名称、地址、办公时间和联系方式自动生成/);
    assert.match(text, /版本 根据单位信息自动生成（未发布） 生成日期 2026-11-26/);
    assert.match(text, /联系电话：0878-3121141/);
    assert.match(text, /20个工作日/);
    assert.match(text, /五、政府信息公开工作机构/);
    assert.equal((await t.client().get('/openness/no-such-unit/guide')).statusCode, 404);
  });

  it('lets only the unit admin and the city-wide office open the editor', async () => {
    const admin = await t.signIn('czj_admin');
    const form = await editorForm(admin, staffUrl);
    assert.match(form.section_office!, /联系电话：0878-3121141/);
    assert.equal(form.baseVersion, '0');
    assert.equal((await (await t.signIn('czj_editor')).get(staffUrl)).statusCode, 403);
    assert.equal((await (await t.signIn('dgz_editor')).get(staffUrl)).statusCode, 403, 'a unit admin of another unit');
    assert.equal((await (await t.signIn('gkb')).get(staffUrl)).statusCode, 200);
    assert.equal((await t.client().get(staffUrl)).statusCode, 303, 'anonymous: sent to sign in');
  });

  it('refuses a save without 变更说明 and keeps the edited text', async () => {
    const c = await t.signIn('czj_admin');
    const form = await editorForm(c, staffUrl);
    const res = await c.submit(staffUrl, staffUrl, { ...form, section_office: form.section_office + '\n邮政编码：675000', reason: '', action: 'save' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请填写变更说明/);
    assert.match(res.body, /邮政编码：675000/);
    assert.equal((await listGuideVersions(t.core.db, (await findUnitBySlug(t.core.db, 'finance'))!.id)).length, 0);
  });

  it('saves version 1, then version 2, and the public page shows version 2 with a link to version 1', async () => {
    const c = await t.signIn('czj_admin');
    const first = await c.submit(staffUrl, staffUrl, { ...(await editorForm(c, staffUrl)), reason: '首次发布', action: 'save' });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, staffUrl);
    const form = await editorForm(c, staffUrl);
    assert.equal(form.baseVersion, '1');
    const second = await c.submit(staffUrl, staffUrl, {
      ...form,
      section_office: form.section_office!.replace('办公时间：', '邮政编码：675000\n办公时间：'),
      reason: '补充邮政编码',
      action: 'save',
    });
    assert.equal(second.statusCode, 303);
    assert.match(textOf((await c.get(staffUrl)).body), /已保存并发布第2版政府信息公开指南/);

    const pub = textOf((await t.client().get('/openness/finance/guide')).body);
    assert.match(pub, /版本 第2版 发布日期 2026-11-26 变更说明 补充邮政编码/);
    assert.match(pub, /邮政编码：675000/);
    assert.doesNotMatch(pub, /自动生成/);
    const html = (await t.client().get('/openness/finance/guide')).body;
    assert.match(html, /href="\/openness\/finance\/guide\/versions\/1"/);

    const v1 = await t.client().get('/openness/finance/guide/versions/1');
    assert.equal(v1.statusCode, 200);
    assert.match(textOf(v1.body), /这是第1版，已被新版本替代/);
    assert.doesNotMatch(textOf(v1.body), /邮政编码：675000/);
    assert.equal((await t.client().get('/openness/finance/guide/versions/3')).statusCode, 404);
    assert.equal((await t.client().get('/openness/finance/guide/versions/abc')).statusCode, 404);

    const audit = await t.core.pool.query("SELECT summary FROM audit_log WHERE action = 'catalog.guide-saved' ORDER BY id");
    assert.equal(audit.rows.length, 2);
    assert.deepEqual(audit.rows[1].summary, { before: { version: 1 }, after: { version: 2 }, changedSections: ['office'], note: '补充邮政编码' });
  });

  it('refuses a save over a version saved meanwhile, and an unchanged save', async () => {
    const a = await t.signIn('czj_admin');
    const b = await t.signIn('gkb');
    const formA = await editorForm(a, staffUrl);
    const formB = await editorForm(b, staffUrl);
    const ok = await b.submit(staffUrl, staffUrl, { ...formB, section_overview: formB.section_overview + '\n本指南由政务公开办审核。', reason: '补充说明', action: 'save' });
    assert.equal(ok.statusCode, 303);
    const stale = await a.submit(staffUrl, staffUrl, { ...formA, section_supervision: formA.section_supervision + '\n监督电话：0878-3121012', reason: '补充监督电话', action: 'save' });
    assert.equal(stale.statusCode, 409);
    assert.match(textOf(stale.body), /在您编辑期间，李政务（政务公开办）（gkb）于2026-11-26 10:00保存了第3版/);
    assert.match(stale.body, /监督电话：0878-3121012/, 'the input is kept');
    const same = await a.submit(staffUrl, staffUrl, { ...(await editorForm(a, staffUrl)), reason: '再次保存', action: 'save' });
    assert.equal(same.statusCode, 409);
    assert.match(textOf(same.body), /内容与当前第3版相同，无需保存新版本/);
  });

  it('refills the form from the unit data without saving', async () => {
    const c = await t.signIn('czj_admin');
    await t.core.pool.query("UPDATE units SET phone = '0878-3121888' WHERE slug = 'finance'");
    const form = await editorForm(c, staffUrl);
    assert.doesNotMatch(form.section_office!, /0878-3121888/, 'the editor shows the saved version');
    const res = await c.submit(staffUrl, staffUrl, { ...form, reason: '电话变更', action: 'regenerate' });
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /已根据单位当前的信息重新生成下方内容，尚未保存/);
    assert.match(res.body, /联系电话：0878-3121888/);
    assert.match(res.body, />电话变更<\/textarea>/, 'the reason typed so far is kept');
    const unit = (await findUnitBySlug(t.core.db, 'finance'))!;
    assert.equal((await listGuideVersions(t.core.db, unit.id)).length, 3);
    await t.core.pool.query("UPDATE units SET phone = '0878-3121141' WHERE slug = 'finance'");
  });

  it('refuses to publish a 指南 lacking an element of 第十二条, naming it at its section, and keeps the text', async () => {
    const c = await t.signIn('czj_admin');
    const form = await editorForm(c, staffUrl);
    const unit = (await findUnitBySlug(t.core.db, 'finance'))!;
    const before = (await listGuideVersions(t.core.db, unit.id)).length;
    const res = await c.submit(staffUrl, staffUrl, {
      ...form,
      section_office: '楚雄市财政局办公室',
      section_on_request: '可以申请。',
      section_supervision: '可以投诉。',
      reason: '简化指南',
      action: 'save',
    });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /“政府信息公开工作机构”部分缺少《条例》第十二条要求写明的内容：受理机构名称；办公地址；办公时间；联系电话；传真号码（没有传真的写“无”）；电子邮箱或互联网联系方式/);
    assert.match(text, /“依申请公开”部分缺少《条例》第十二条要求写明的内容：申请的程序（提出申请的方式和答复期限）；信息处理费的收取规定/);
    assert.match(text, /“监督方式及程序”部分缺少《条例》第十二条要求写明的内容：受理投诉、举报的机关；行政复议机关；受理行政诉讼的人民法院/);
    assert.match(res.body, />可以投诉。<\/textarea>/, 'the text typed is kept');
    assert.equal((await listGuideVersions(t.core.db, unit.id)).length, before, 'nothing published');
  });

  it('the generated 指南 of every demo unit states every element 第十二条 requires', async () => {
    const units = await listUnitsOfRoot(t.core.db, (await findUnitBySlug(t.core.db, 'city-government'))!.id);
    assert.ok(units.length >= 30);
    for (const unit of units) {
      const sections = Object.fromEntries((await generatedGuide(t.core, unit)).map((s) => [s.key, s.body]));
      assert.deepEqual(missingGuideElements(sections).map((e) => e.label), [], unit.name);
    }
  });

  it('numbers concurrent saves one after another', async () => {
    const unit = (await findUnitBySlug(t.core.db, 'donggua'))!;
    const generated = await generatedGuide(t.core, unit);
    const saves = Array.from({ length: 5 }, (_, i) => {
      const sections = Object.fromEntries(GUIDE_SECTION_KEYS.map((k) => [k, `${generated.find((g) => g.key === k)!.body}\n第${i}次`])) as Record<GuideSectionKey, string>;
      return saveGuide(t.core, systemActor, unit, { sections, reason: `并发保存${i}` });
    });
    const results = await Promise.all(saves);
    assert.deepEqual(results.map((r) => (r.ok ? r.version : 0)).sort(), [1, 2, 3, 4, 5]);
  });

  it('keeps the audit chain intact', async () => {
    assert.equal((await verifyAuditChain(t.core.db)).ok, true);
  });
});
