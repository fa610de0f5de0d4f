// The 查询平台: bigram full text over title, 文号, keywords, body and attachment text; relevance tiers
// with recency as tie-break; a 文号 query finds its document first; highlighted snippets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { segmentsToHtml } from '../../../core/search/snippet.ts';
import { withdrawRecord } from '../service.ts';
import { refreshSearchDocument } from '../data/search-index.ts';
import type { RecordRow } from '../data/repository.ts';
import { publishTestRecord, staffActor, unitId } from '../testing/public-fixture.ts';
import { searchPublic } from './public-search.ts';

describe('search (查询平台)', { timeout: 180_000 }, () => {
  let t: TestApp;
  let root = 0;
  const r: Record<string, RecordRow> = {};
  const titles = async (q: string, filters = {}) => (await searchPublic(t.core.db, root, q, filters, 1)).hits.map((h) => h.record.title);

  before(async () => {
    t = await createTestApp();
    root = await unitId(t, 'city-government');
    const base = { unit: 'water', publisherName: '楚雄市水务局', subject: '农业、林业、水利' };
    const day = (d: string) => ({ publishedOn: d, writtenOn: d, formedOn: d });
    // Body-only mention, newest of all.
    r.bodyOnly = await publishTestRecord(t, { ...base, ...day('2026-11-20'), title: '水务局十一月工作简报', bodyHtml: '<p>本月完成青龙河堤防加固工程验收，检查山塘水库二十座。</p>' });
    // Title mentions, older; one twice (title and keywords).
    r.titleOld = await publishTestRecord(t, { ...base, ...day('2025-03-01'), title: '青龙河堤防加固工程开工', bodyHtml: '<p>工程总投资1200万元。</p>' });
    r.titleNew = await publishTestRecord(t, { ...base, ...day('2026-02-01'), title: '青龙河堤防加固工程进展', bodyHtml: '<p>已完成土方六成。</p>' });
    r.titleKw = await publishTestRecord(t, { ...base, ...day('2025-01-10'), title: '青龙河堤防加固工程初步设计批复', keywords: ['青龙河堤防加固工程'], bodyHtml: '<p>同意初步设计。</p>' });
    // 文号: the document itself (older) and an interpretation that names it in its title (newer).
    r.docNo = await publishTestRecord(t, { ...base, ...day('2026-05-01'), title: '楚雄市河道采砂管理办法', docNo: '楚水发〔2026〕7号', genre: '办法', docType: 'normative', generalColumn: 'policy' });
    r.docNoMention = await publishTestRecord(t, {
      ...base,
      ...day('2026-06-01'),
      kind: 'interpretation',
      interpretationForm: 'text',
      title: '楚水发〔2026〕7号《楚雄市河道采砂管理办法》解读',
      genre: '解读',
      generalColumn: 'policy',
      bodyHtml: '<p>楚水发〔2026〕7号明确了采砂许可的条件。</p>',
    });
    // Attachment text only.
    r.attachment = await publishTestRecord(t, { ...base, ...day('2026-07-01'), title: '2026年度水资源公报', bodyHtml: '<p>详见附件。</p>' });
    // A long attachment: the phrase sits far beyond the first chunk of the index.
    r.longAttachment = await publishTestRecord(t, { ...base, ...day('2026-07-02'), title: '楚雄市水利发展规划文本', bodyHtml: '<p>规划文本见附件。</p>' });
    await t.core.pool.query(
      `INSERT INTO pub_attachments (code, record_id, role, storage_key, original_name, file_type, media_type, size_bytes, sha256, extracted_text, uploaded_by_name, uploaded_at)
       VALUES ('att-search-1', $1, 'attachment', $3, '公报.pdf', 'pdf', 'application/pdf', 1, $3, '全市地下水位总体稳定，南部喀斯特泉群流量偏枯。', 't', now()),
              ('att-search-2', $2, 'attachment', $3, '规划.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 1, $3, $4, 't', now())`,
      [r.attachment.id, r.longAttachment.id, 'a'.repeat(64), '规划正文。'.repeat(3000) + '建设紫金山引水隧洞二期工程。' + '结语。'.repeat(100)],
    );
    await t.core.db.transaction(async (tx) => {
      await refreshSearchDocument(tx, r.attachment!.id);
      await refreshSearchDocument(tx, r.longAttachment!.id);
    });
    // Markup in a title and a withdrawn record.
    r.markup = await publishTestRecord(t, { ...base, ...day('2026-08-01'), title: '<em>鱼类增殖放流</em>活动公告', bodyHtml: '<p>放流鱼苗五万尾。</p>' });
    r.withdrawn = await publishTestRecord(t, { ...base, ...day('2026-08-02'), title: '鱼类增殖放流活动延期通知' });
    const gkb = await staffActor(t, 'gkb');
    assert.ok((await withdrawRecord(t.core, gkb, r.withdrawn.code, 'expired', '活动已结束')).ok);
  });
  after(async () => t?.dispose());

  it('ranks title matches above body-only matches, then by weight, then newest first', async () => {
    assert.deepEqual(await titles('青龙河堤防加固工程'), [
      // In title and keywords: highest rank.
      '青龙河堤防加固工程初步设计批复',
      // Title only, same rank: the newer first.
      '青龙河堤防加固工程进展',
      '青龙河堤防加固工程开工',
      // Only in the body, although newest.
      '水务局十一月工作简报',
    ]);
  });

  it('finds the document of a 文号 first, however the brackets are typed', async () => {
    for (const q of ['楚水发〔2026〕7号', '楚水发[2026]7号', '楚水发（2026）7号', ' 楚水发【２０２６】７号 ']) {
      const out = await searchPublic(t.core.db, root, q, {}, 1);
      assert.equal(out.hits[0]?.record.title, '楚雄市河道采砂管理办法', q);
      assert.equal(out.hits[0]?.exactDocNo, true, q);
      assert.equal(out.hits[1]?.record.title, '楚水发〔2026〕7号《楚雄市河道采砂管理办法》解读', q);
    }
  });

  it('matches phrases, not scattered characters, and every term', async () => {
    assert.deepEqual(await titles('堤防加固'), ['青龙河堤防加固工程初步设计批复', '青龙河堤防加固工程进展', '青龙河堤防加固工程开工', '水务局十一月工作简报']);
    // Two words in the other order: both words are there, so the same records (natural queries).
    assert.deepEqual(await titles('加固堤防'), ['青龙河堤防加固工程初步设计批复', '青龙河堤防加固工程进展', '青龙河堤防加固工程开工', '水务局十一月工作简报']);
    // Characters that are no word of the text are not found scattered.
    assert.deepEqual(await titles('防堤'), []);
    assert.deepEqual(await titles('青龙河 验收'), ['水务局十一月工作简报']);
    assert.deepEqual(await titles('ＱＬＨ 验收'), []);
  });

  it('finds text of attachments, also far into a long one', async () => {
    const a = await searchPublic(t.core.db, root, '喀斯特泉群', {}, 1);
    assert.deepEqual(
      a.hits.map((h) => h.record.title),
      ['2026年度水资源公报'],
    );
    assert.equal(a.hits[0]!.inAttachment, true);
    assert.equal(segmentsToHtml(a.hits[0]!.snippet), '全市地下水位总体稳定，南部<mark>喀斯特泉群</mark>流量偏枯。');
    const long = await searchPublic(t.core.db, root, '紫金山引水隧洞', {}, 1);
    assert.deepEqual(
      long.hits.map((h) => h.record.title),
      ['楚雄市水利发展规划文本'],
    );
    const chunks = await t.core.pool.query('SELECT count(*)::int AS n FROM pub_search_chunks WHERE record_id = $1', [r.longAttachment!.id]);
    assert.ok(chunks.rows[0].n >= 3, `long text in ${chunks.rows[0].n} extra chunks`);
    assert.match(segmentsToHtml(long.hits[0]!.snippet), /建设<mark>紫金山引水隧洞<\/mark>二期工程/);
  });

  it('highlights the words in titles and snippets, with markup shown as text', async () => {
    const out = await searchPublic(t.core.db, root, '增殖放流', {}, 1);
    assert.deepEqual(
      out.hits.map((h) => h.record.title),
      ['<em>鱼类增殖放流</em>活动公告'],
      'the withdrawn record is not found',
    );
    assert.equal(segmentsToHtml(out.hits[0]!.title), '&lt;em&gt;鱼类<mark>增殖放流</mark>&lt;/em&gt;活动公告');
    const page = await t.client().get(`/search?q=${encodeURIComponent('增殖放流')}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('&lt;em>鱼类<mark>增殖放流</mark>&lt;/em>活动公告'));
    assert.ok(!page.body.includes('<em>鱼类'));
    assert.match(textOf(page.body), /找到 1 条信息，按相关度排序。/);
  });

  it('filters search results and pages through them', async () => {
    assert.deepEqual(await titles('青龙河', { unitId: await unitId(t, 'finance') }), []);
    assert.equal((await titles('青龙河', { unitId: await unitId(t, 'water') })).length, 4);
    assert.deepEqual(await titles('采砂', { docType: 'normative' }), ['楚雄市河道采砂管理办法']);
    const c = t.client();
    const res = await c.get(`/search?q=${encodeURIComponent('采砂')}&unit=water&type=normative`);
    assert.match(textOf(res.body), /找到 1 条信息/);
    assert.equal((await c.get(`/search?q=${encodeURIComponent('采砂')}&page=2`)).statusCode, 404);
    const filtersOnly = await c.get('/search?unit=water&type=normative');
    assert.match(textOf(filtersOnly.body), /找到 1 条信息，按发布日期排序/);
  });

  it('answers plainly when nothing is asked or nothing is found', async () => {
    const c = t.client();
    assert.match(textOf((await c.get('/search')).body), /请输入关键词，或选择筛选条件/);
    assert.match(textOf((await c.get(`/search?q=${encodeURIComponent('量子纠缠通信')}`)).body), /没有找到符合条件的信息/);
    assert.match(textOf((await c.get(`/search?q=${encodeURIComponent('，。！')}`)).body), /没有找到符合条件的信息/);
    const tooLong = await c.get(`/search?q=${'水'.repeat(101)}`);
    assert.equal(tooLong.statusCode, 400);
    assert.match(textOf(tooLong.body), /关键词不能超过100个字/);
    assert.match(tooLong.body, /<title>错误：政府信息查询 /, 'the refused query is not repeated in the title');
    const long = await c.get(`/search?q=${encodeURIComponent('水'.repeat(40))}`);
    assert.match(long.body, new RegExp(`<title>“${'水'.repeat(30)}…”的检索结果 `));
  });

  it('finds a one-character word at the start, inside and at the end of a run', async () => {
    const hits = await titles('批');
    assert.ok(hits.includes('青龙河堤防加固工程初步设计批复'));
    const end = await titles('告');
    assert.ok(end.includes('<em>鱼类增殖放流</em>活动公告'), 'run-final character');
  });

  it('ranks the issuer’s own document first for its 文号, before a later forwarding or a later duplicate', async () => {
    const day = (d: string) => ({ publishedOn: d, writtenOn: d, formedOn: d });
    await publishTestRecord(t, { unit: 'finance', publisherName: '楚雄市财政局', ...day('2026-08-01'), title: '楚雄市财政局关于转发《楚雄市河道采砂管理办法》的通知', docNo: '楚水发（2026）7号', docNoSharedReason: '转发楚雄市水务局文件' });
    await publishTestRecord(t, { unit: 'water', publisherName: '楚雄市水务局', ...day('2026-09-01'), title: '楚雄市河道采砂许可办理须知', docNo: '楚水发〔2026〕7号' });
    const out = await searchPublic(t.core.db, root, '楚水发[2026]7号', {}, 1);
    assert.deepEqual(
      out.hits.filter((h) => h.exactDocNo).map((h) => h.record.title),
      ['楚雄市河道采砂管理办法', '楚雄市河道采砂许可办理须知', '楚雄市财政局关于转发《楚雄市河道采砂管理办法》的通知'],
    );
  });
});
