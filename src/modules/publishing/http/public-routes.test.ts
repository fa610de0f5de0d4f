// The public pages of records: record page (metadata, links both ways, history, withdrawal, print),
// lists with filters and pagination, the policy library, attachments, feeds, the sitemap, the
// catalog's item page and the home page sections.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { fileStorage } from '../../../core/files/storage.ts';
import { withdrawRecord } from '../service.ts';
import type { RecordRow } from '../data/repository.ts';
import { linkForTest, patchRecord, publishTestRecord, staffActor } from '../testing/public-fixture.ts';
import { all, parseXml } from '../testing/xml.ts';
import { indexNoOf } from './public-routes.tsx';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const path = (r: RecordRow) => `/records/${r.indexNo}`;

describe('public record pages', { timeout: 180_000 }, () => {
  let t: TestApp;
  let notice: RecordRow;
  let news: RecordRow;
  let policy: RecordRow;
  let interp: RecordRow;
  let repealed: RecordRow;
  let onRequest: RecordRow;
  let wrong: RecordRow;
  let replacedNotice: RecordRow;
  let markup: RecordRow;
  let itemCode = '';

  before(async () => {
    t = await createTestApp();
    const base = { unit: 'zixi', publisherName: '楚雄市紫溪镇人民政府', subject: '农业、林业、水利' };
    const item = await t.core.pool.query(`SELECT i.id, i.code FROM catalog_items i JOIN catalog_domains d ON d.id = i.domain_id WHERE d.slug = 'ecology-environment' ORDER BY i.id LIMIT 1`);
    itemCode = String(item.rows[0].code);
    notice = await publishTestRecord(t, {
      ...base,
      title: '紫溪镇关于彩云鲟鱼养殖补贴申报的通知',
      docNo: '紫政通〔2026〕5号',
      writtenOn: '2026-11-20',
      formedOn: '2026-11-20',
      publishedOn: '2026-11-25',
      keywords: ['鲟鱼', '养殖补贴'],
      summary: '全镇彩云鲟鱼养殖农户申报2026年养殖补贴的对象、标准和时间。',
      bodyHtml: '<h2>一、申报对象</h2><p>全镇从事彩云鲟鱼养殖的农户。</p><p>联系电话：0878-3123456。</p>',
      catalogItemId: Number(item.rows[0].id),
      generalColumn: null,
    });
    news = await publishTestRecord(t, { ...base, title: '紫溪镇召开鲟鱼产业发展推进会', genre: '新闻', generalColumn: 'news', publishedOn: '2025-12-01', writtenOn: '2025-12-01', formedOn: '2025-12-01' });
    repealed = await publishTestRecord(t, { ...base, title: '紫溪镇鲟鱼养殖暂行办法', genre: '办法', docType: 'normative', docNo: '紫政发〔2024〕9号', generalColumn: 'policy', publishedOn: '2025-06-02', writtenOn: '2025-05-30', formedOn: '2025-05-30' });
    policy = await publishTestRecord(t, { ...base, title: '紫溪镇鲟鱼养殖管理办法', genre: '办法', docType: 'normative', docNo: '紫政发〔2026〕2号', generalColumn: 'policy', publishedOn: '2026-11-24', writtenOn: '2026-11-20', formedOn: '2026-11-20' });
    interp = await publishTestRecord(t, { ...base, kind: 'interpretation', interpretationForm: 'qa', title: '《紫溪镇鲟鱼养殖管理办法》政策问答', genre: '解读', generalColumn: 'policy', publishedOn: '2026-11-24', writtenOn: '2026-11-20', formedOn: '2026-11-20' });
    await linkForTest(t, policy.id, interp.id);
    await patchRecord(t, repealed.id, { validity: 'repealed', validity_changed_on: '2026-11-24', replaced_by_id: policy.id });
    onRequest = await publishTestRecord(t, {
      ...base,
      title: '紫溪镇鲟鱼养殖户名单（依申请公开）',
      disclosure: 'on_request',
      disclosureGrounds: ['art15-privacy'],
      reevaluateOn: '2027-06-30',
      publishedOn: '2026-05-06',
      writtenOn: '2026-05-06',
      formedOn: '2026-05-06',
    });
    wrong = await publishTestRecord(t, { ...base, title: '紫溪镇鲟鱼苗发放公告', bodyHtml: '<p>错误的发放名单。</p>', publishedOn: '2026-05-08', writtenOn: '2026-05-08', formedOn: '2026-05-08' });
    replacedNotice = await publishTestRecord(t, { ...base, title: '紫溪镇鲟鱼技术培训通知', bodyHtml: '<p>培训时间另行通知。</p>', publishedOn: '2026-05-09', writtenOn: '2026-05-09', formedOn: '2026-05-09' });
    markup = await publishTestRecord(t, { ...base, title: '<script>alert(1)</script>紫溪镇<b>公告</b>', bodyHtml: '<p onclick="x()">正文<script>alert(2)</script></p>', publishedOn: '2026-05-10', writtenOn: '2026-05-10', formedOn: '2026-05-10' });
    // 22 more 政务动态 of the township for pagination: 23 in all with `news`.
    for (let i = 1; i <= 22; i++) {
      const d = `2026-11-${String(i).padStart(2, '0')}`;
      await publishTestRecord(t, { ...base, title: `紫溪镇政务动态第${i}期`, genre: '新闻', generalColumn: 'news', publishedOn: d, writtenOn: d, formedOn: d });
    }
    const gkb = await staffActor(t, 'gkb');
    const w1 = await withdrawRecord(t.core, gkb, wrong.code, 'error', '名单有误，已另行发布更正');
    const w2 = await withdrawRecord(t.core, gkb, replacedNotice.code, 'other', '培训已取消');
    assert.ok(w1.ok && w2.ok, JSON.stringify([w1, w2]));
  });
  after(async () => t?.dispose());

  it('shows the metadata table above the body', async () => {
    const res = await t.client().get(path(notice));
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    for (const [label, value] of [
      ['索引号', notice.indexNo!],
      ['主题分类', '农业、林业、水利'],
      ['发布机构', '楚雄市紫溪镇人民政府'],
      ['成文日期', '2026-11-20'],
      ['文号', '紫政通〔2026〕5号'],
      ['发布日期', '2026-11-25'],
      ['有效性', '有效'],
      // 条例 第十二条: 内容概述 is one of the catalog's fields.
      ['内容概述', '全镇彩云鲟鱼养殖农户申报2026年养殖补贴的对象、标准和时间。'],
    ]) {
      assert.ok(text.includes(`${label} ${value}`), `${label} ${value}`);
    }
    assert.ok(res.body.indexOf('class="record-meta"') < res.body.indexOf('一、申报对象'), 'metadata before the body');
    assert.match(res.body, /<h2>一、申报对象<\/h2>/);
    // The record is filed under a catalog item: the breadcrumbs lead there.
    assert.match(res.body, new RegExp(`href="/openness/items/${itemCode}"`));
    assert.match(text, /变更记录 .* 发布/);
    assert.match(res.body, new RegExp(`href="${path(notice)}/print"`));
  });

  it('links a policy and its interpretation both ways', async () => {
    const p = await t.client().get(path(policy));
    assert.match(textOf(p.body), /政策解读 《紫溪镇鲟鱼养殖管理办法》政策问答 ?（问答）/);
    assert.ok(p.body.includes(`href="${path(interp)}"`));
    const i = await t.client().get(path(interp));
    assert.match(textOf(i.body), /解读的政策文件 紫溪镇鲟鱼养殖管理办法/);
    assert.ok(i.body.includes(`href="${path(policy)}"`));
    assert.match(textOf(i.body), /体裁 政策解读·问答/);
    // The replacing policy lists what it replaced; the repealed one says so and links forward.
    assert.match(textOf(p.body), /本文件替代的文件 紫溪镇鲟鱼养殖暂行办法/);
    const r = await t.client().get(path(repealed));
    assert.match(textOf(r.body), /本文件废止（2026-11-24起）。 已被 紫溪镇鲟鱼养殖管理办法 替代。/);
  });

  it('keeps a withdrawn record with its notice; content withdrawn as wrong is no longer offered', async () => {
    const w = await t.client().get(path(wrong));
    assert.equal(w.statusCode, 200);
    const text = textOf(w.body);
    assert.match(text, /本信息已撤回 撤回时间：2026-11-26；撤回原因：内容有误。说明：名单有误，已另行发布更正/);
    assert.match(text, /因内容有误，原文及附件不再提供。/);
    assert.doesNotMatch(text, /错误的发放名单/);
    assert.match(text, /撤回 撤回（内容有误）：名单有误，已另行发布更正/);
    const o = await t.client().get(path(replacedNotice));
    assert.match(textOf(o.body), /撤回原因：其他。说明：培训已取消/);
    assert.match(textOf(o.body), /培训时间另行通知/);
    // Withdrawn records leave the lists.
    const list = await t.client().get('/records?unit=zixi&page=2');
    assert.doesNotMatch(textOf(list.body), /鲟鱼苗发放公告|鲟鱼技术培训通知/);
  });

  it('answers 404 for records that are not public or do not exist', async () => {
    const c = t.client();
    assert.equal((await c.get(path(onRequest))).statusCode, 404);
    assert.match(textOf((await c.get(path(onRequest))).body), /该信息不存在或未主动公开/);
    const [uscc] = notice.indexNo!.split('/');
    for (const url of [`/records/${uscc}/2026-99999`, '/records/not-a-code/2026-00001', `/records/${uscc}/x`, `/records/${uscc}/2026-00001x`]) {
      assert.equal((await c.get(url)).statusCode, 404, url);
    }
    assert.equal((await c.get(`${path(onRequest)}/print`)).statusCode, 404);
    assert.deepEqual(indexNoOf({ uscc: 'a', serial: 'b' }), null);
  });

  it('shows HTML in a title as text and drops script from the body', async () => {
    const res = await t.client().get(path(markup));
    assert.equal(res.statusCode, 200);
    // Escaped: the page shows the characters, no element is made from them.
    assert.ok(res.body.includes('<h1>&lt;script>alert(1)&lt;/script>紫溪镇&lt;b>公告&lt;/b></h1>'));
    assert.ok(!res.body.includes('<script>alert'));
    assert.ok(!res.body.includes('<b>公告'));
    assert.ok(!res.body.includes('onclick'));
    const list = await t.client().get('/records?unit=zixi');
    assert.ok(!list.body.includes('<script>alert'));
  });

  it('gives a print view without navigation', async () => {
    const res = await t.client().get(`${path(notice)}/print`);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /class="site-nav"/);
    assert.match(textOf(res.body), /紫溪镇关于彩云鲟鱼养殖补贴申报的通知 .*索引号/);
    assert.match(textOf(res.body), new RegExp(`本页网址：http://localhost:80${path(notice)}|本页网址：http://localhost${path(notice)}`));
  });

  it('lists with filters and pagination', async () => {
    const c = t.client();
    const p1 = await c.get('/records?unit=zixi');
    assert.equal(p1.statusCode, 200);
    // 28 listed: notice, news, repealed, policy, interpretation, markup and 22 news items (the withdrawn
    // two and the 依申请公开 one are not).
    assert.match(textOf(p1.body), /符合条件的信息 28 条，第 1 \/ 2 页/);
    assert.match(p1.body, /href="\/records\?unit=zixi&amp;page=2"/);
    const p2 = await c.get('/records?unit=zixi&page=2');
    assert.equal((p2.body.match(/<tr>/g) ?? []).length - 1, 8);
    assert.equal((await c.get('/records?unit=zixi&page=3')).statusCode, 404);
    const news2025 = await c.get('/records?unit=zixi&column=news&year=2025');
    assert.match(textOf(news2025.body), /符合条件的信息 1 条/);
    assert.match(textOf(news2025.body), /紫溪镇召开鲟鱼产业发展推进会/);
    const normative = await c.get('/records?unit=zixi&type=normative');
    assert.match(textOf(normative.body), /符合条件的信息 2 条/);
    const repealedOnly = await c.get('/records?unit=zixi&validity=repealed');
    assert.match(textOf(repealedOnly.body), /符合条件的信息 1 条/);
    const byItem = await c.get(`/records?item=${itemCode}`);
    assert.match(textOf(byItem.body), /紫溪镇关于彩云鲟鱼养殖补贴申报的通知/);
    const bySubject = await c.get(`/records?unit=zixi&subject=${encodeURIComponent('财政、金融、审计')}`);
    assert.match(textOf(bySubject.body), /没有符合条件的信息/);
    const byDomain = await c.get('/records?unit=zixi&domain=ecology-environment');
    assert.match(textOf(byDomain.body), /符合条件的信息 1 条/);
  });

  it('refuses bad filters with a message at the field', async () => {
    const c = t.client();
    for (const [q, message] of <[string, string][]>[
      ['unit=no-such-unit', '请从列表中选择发布单位'],
      ['year=2199', '年份不能大于2100'],
      ['page=abc', '页码应为整数'],
      ['type=law', '请从列表中选择文件类型'],
      ['item=zz-none', '目录事项不存在'],
    ]) {
      const res = await c.get(`/records?${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.match(textOf(res.body), new RegExp(message), q);
    }
  });

  it('has the policy library of 规章 and 行政规范性文件 with validity', async () => {
    const res = await t.client().get('/policy-library?unit=zixi');
    const text = textOf(res.body);
    assert.match(text, /符合条件的信息 2 条/);
    assert.match(text, /紫溪镇鲟鱼养殖管理办法 紫政发〔2026〕2号 楚雄市紫溪镇人民政府 2026-11-24 有效/);
    assert.match(text, /紫溪镇鲟鱼养殖暂行办法 紫政发〔2024〕9号 楚雄市紫溪镇人民政府 2025-06-02 废止（2026-11-24起）/);
    assert.doesNotMatch(text, /政策问答/);
    const column = await t.client().get('/columns/policies?unit=zixi');
    assert.match(textOf(column.body), /符合条件的信息 3 条/);
  });

  it('serves attachments with their type and a download name', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const stored = await fileStorage(t.config).put(pdf);
    await t.core.pool.query(
      `INSERT INTO pub_attachments (code, record_id, role, storage_key, original_name, file_type, media_type, size_bytes, sha256, extracted_text, uploaded_by_name, uploaded_at)
       VALUES ('att-notice-1', $1, 'attachment', $2, '申报表（2026年）.pdf', 'pdf', 'application/pdf', $3, $2, '', 'test', now()),
              ('att-plan-1', $1, 'interpretation_plan', $2, '解读方案.pdf', 'pdf', 'application/pdf', $3, $2, '', 'test', now()),
              ('att-wrong-1', $4, 'attachment', $2, '名单.pdf', 'pdf', 'application/pdf', $3, $2, '', 'test', now())`,
      [notice.id, stored.key, pdf.length, wrong.id],
    );
    const { publicRecordsChanged } = await import('../public-cache.ts');
    publicRecordsChanged();
    const page = await t.client().get(path(notice));
    assert.match(page.body, /href="\/attachments\/att-notice-1"/);
    assert.doesNotMatch(page.body, /解读方案\.pdf/);
    const res = await t.client().get('/attachments/att-notice-1');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['content-disposition'], contentDisposition('申报表（2026年）.pdf'));
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="_+_2026_+\.pdf"; filename\*=UTF-8''%E7%94%B3/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(res.rawPayload, pdf);
    assert.equal((await t.client().get('/attachments/att-plan-1')).statusCode, 404);
    assert.equal((await t.client().get('/attachments/att-wrong-1')).statusCode, 404);
    assert.equal((await t.client().get('/attachments/..%2F..%2Fetc')).statusCode, 404);
  });

  it('publishes RSS and Atom feeds per column and per unit', async () => {
    const rss = await t.client().get('/feeds/units/zixi/rss.xml');
    assert.equal(rss.statusCode, 200);
    assert.match(String(rss.headers['content-type']), /^application\/rss\+xml/);
    const doc = parseXml(rss.body);
    const titles = all(doc, 'item').map((i) => all(i, 'title')[0]!.text);
    // Newest first; the policy and its interpretation share a day, the later record first.
    assert.deepEqual(titles.slice(0, 3), ['紫溪镇关于彩云鲟鱼养殖补贴申报的通知', '《紫溪镇鲟鱼养殖管理办法》政策问答', '紫溪镇鲟鱼养殖管理办法']);
    assert.ok(titles.includes('<script>alert(1)</script>紫溪镇<b>公告</b>'));
    assert.ok(!titles.includes('紫溪镇鲟鱼养殖户名单（依申请公开）'));
    const atom = parseXml((await t.client().get('/feeds/columns/policies/atom.xml')).body);
    assert.equal(atom.name, 'feed');
    const entries = all(atom, 'entry').map((e) => all(e, 'title')[0]!.text);
    assert.ok(entries.includes('紫溪镇鲟鱼养殖管理办法'));
    assert.ok(!entries.includes('紫溪镇召开鲟鱼产业发展推进会'));
    assert.equal((await t.client().get('/feeds/columns/nothing/rss.xml')).statusCode, 404);
    assert.equal((await t.client().get('/feeds/units/no-such-unit/atom.xml')).statusCode, 404);
  });

  it('lists every public page in a valid sitemap', async () => {
    const index = parseXml((await t.client().get('/sitemap.xml')).body);
    assert.equal(index.name, 'sitemapindex');
    assert.equal(index.attrs.xmlns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const files = all(index, 'loc').map((l) => new URL(l.text).pathname);
    assert.deepEqual(files, ['/sitemaps/pages.xml', '/sitemaps/records-1.xml']);
    const pages = parseXml((await t.client().get('/sitemaps/pages.xml')).body);
    const pagePaths = all(pages, 'loc').map((l) => new URL(l.text).pathname);
    for (const p of ['/', '/search', '/policy-library', '/columns/news', '/units/zixi', '/openness/zixi/catalog', `/openness/items/${itemCode}`]) assert.ok(pagePaths.includes(p), p);
    const records = parseXml((await t.client().get('/sitemaps/records-1.xml')).body);
    const recordPaths = all(records, 'loc').map((l) => new URL(l.text).pathname);
    assert.ok(recordPaths.includes(path(notice)));
    assert.ok(recordPaths.includes(path(wrong)), 'withdrawn pages stay');
    assert.ok(!recordPaths.includes(path(onRequest)));
    for (const l of all(records, 'lastmod')) assert.match(l.text, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal((await t.client().get('/sitemaps/records-2.xml')).statusCode, 404);
  });

  it("shows the item's records on the catalog's item page", async () => {
    const res = await t.client().get(`/openness/items/${itemCode}`);
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /已公开的信息 .*紫溪镇关于彩云鲟鱼养殖补贴申报的通知 紫政通〔2026〕5号 楚雄市紫溪镇人民政府 2026-11-25 有效/);
  });

  it('shows the latest records on the home page, each policy with its interpretation', async () => {
    const res = await t.client().get('/');
    const text = textOf(res.body);
    assert.match(text, /政务动态 紫溪镇政务动态第22期 2026-11-22/);
    assert.match(text, /政策文件 (《紫溪镇鲟鱼养殖管理办法》政策问答 2026-11-24 )?紫溪镇鲟鱼养殖管理办法 2026-11-24 解读（问答）/);
    assert.ok(res.body.includes(`aria-label="紫溪镇鲟鱼养殖管理办法的政策解读：《紫溪镇鲟鱼养殖管理办法》政策问答"`));
    assert.match(text, /各领域最新公开信息 .*生态环境 紫溪镇关于彩云鲟鱼养殖补贴申报的通知 2026-11-25/);
  });

  it('shows a new publication at once (the cache is cleared)', async () => {
    const before = await t.client().get('/columns/news?unit=zixi');
    assert.doesNotMatch(textOf(before.body), /紫溪镇政务动态第23期/);
    await publishTestRecord(t, { unit: 'zixi', title: '紫溪镇政务动态第23期', genre: '新闻', generalColumn: 'news', publishedOn: '2026-11-23', writtenOn: '2026-11-23', formedOn: '2026-11-23' });
    const afterPage = await t.client().get('/columns/news?unit=zixi');
    assert.match(textOf(afterPage.body), /紫溪镇政务动态第23期/);
  });
});
