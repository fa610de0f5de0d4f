// Natural queries on the 查询平台: the query is cut into words, a record must contain every word
// (each as a phrase), the query as typed ranks first, a 文号 stays exact, and when nothing is found
// the words that found nothing are named with a search to try without them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { publishTestRecord, unitId } from '../testing/public-fixture.ts';
import { searchPublic } from './public-search.ts';

describe('natural search queries', { timeout: 180_000 }, () => {
  let t: TestApp;
  let root = 0;
  const titles = async (q: string) => (await searchPublic(t.core.db, root, q, {}, 1)).hits.map((h) => h.record.title);
  /** The order of this test's records among the results (the demo city's records are there too). */
  const ours = async (q: string) => (await titles(q)).filter((x) => OURS.includes(x));

  const B2026 = '楚雄市2026年市级预算公开说明';
  const B2024 = '楚雄市2024年市级预算公开说明';
  const EXEC = '2026年上半年财政预算执行情况';
  const FINAL = '楚雄市2026年部门决算公开';
  const DIBAO = '关于提高城乡低保标准的通知';
  const DIBAO_FUND = '2026年低保资金发放情况';
  const DOC = '楚雄市财政局关于做好2026年预算编制工作的通知';
  const DOC_NEAR = '楚雄市财政局关于印发政府采购目录的通知';
  const OURS = [B2026, B2024, EXEC, FINAL, DIBAO, DIBAO_FUND, DOC, DOC_NEAR];

  before(async () => {
    t = await createTestApp();
    root = await unitId(t, 'city-government');
    const day = (d: string) => ({ publishedOn: d, writtenOn: d, formedOn: d });
    await publishTestRecord(t, { ...day('2026-02-01'), title: B2026, bodyHtml: '<p>经市人民代表大会批准，现将2026年市级财政预算公开如下。</p>' });
    await publishTestRecord(t, { ...day('2024-02-01'), title: B2024, bodyHtml: '<p>现将2024年市级财政预算公开如下。</p>' });
    await publishTestRecord(t, { ...day('2026-07-20'), title: EXEC, bodyHtml: '<p>上半年一般公共预算收入完成全年的52%。</p>' });
    await publishTestRecord(t, { ...day('2026-09-01'), title: FINAL, bodyHtml: '<p>部门决算报表见附件。</p>' });
    await publishTestRecord(t, { unit: 'civil-affairs', publisherName: '楚雄市民政局', ...day('2026-03-01'), title: DIBAO, bodyHtml: '<p>城市低保标准提高到每人每月800元。</p>' });
    await publishTestRecord(t, { unit: 'civil-affairs', publisherName: '楚雄市民政局', ...day('2026-04-01'), title: DIBAO_FUND, bodyHtml: '<p>按时足额发放低保资金。</p>' });
    await publishTestRecord(t, { ...day('2025-10-01'), title: DOC, docNo: '楚财预〔2025〕3号', docType: 'normative', genre: '通知', generalColumn: 'policy' });
    await publishTestRecord(t, { ...day('2025-11-01'), title: DOC_NEAR, docNo: '楚财采〔2025〕31号', docType: 'normative', genre: '通知', generalColumn: 'policy' });
  });
  after(async () => t?.dispose());

  it('finds the records that contain every word, and not the others', async () => {
    const table: { q: string; find: string[]; not: string[] }[] = [
      { q: '2026年预算', find: [B2026, EXEC, DOC], not: [B2024, FINAL, DIBAO_FUND] },
      { q: '2024年预算', find: [B2024], not: [B2026, EXEC, DOC] },
      // 财政 is in the body of the budget pages, not in their titles.
      { q: '楚雄市财政预算公开', find: [B2026, B2024], not: [FINAL, EXEC, DOC] },
      { q: '低保标准', find: [DIBAO], not: [DIBAO_FUND] },
      { q: '2026年决算', find: [FINAL], not: [B2026] },
      // A 文号 is exact: its document only, not one whose 文号 merely starts the same.
      { q: '楚财预[2025]3号', find: [DOC], not: [DOC_NEAR, B2026] },
    ];
    for (const row of table) {
      const got = await titles(row.q);
      for (const f of row.find) assert.ok(got.includes(f), `${row.q} finds ${f} (got ${got.join(' / ')})`);
      for (const n of row.not) assert.ok(!got.includes(n), `${row.q} does not find ${n}`);
    }
    assert.equal((await searchPublic(t.core.db, root, '楚财预〔2025〕3号', {}, 1)).hits[0]?.exactDocNo, true);
  });

  it('ranks the query as typed first, then title matches by closeness, then body-only matches', async () => {
    // 市级预算公开: exact in both budget titles (the newer first); 财政预算 … 公开 only in the bodies of none.
    assert.deepEqual(await ours('市级预算公开'), [B2026, B2024]);
    // Typed with a space: each term is its own phrase; 预算 and 公开 stand closest in the budget titles.
    assert.deepEqual((await ours('预算 公开')).slice(0, 2), [B2026, B2024]);
    const words = await ours('2026年预算');
    // The title with 2026年预算 as typed is DOC (…2026年预算编制…); then the titles with both words apart.
    assert.equal(words[0], DOC);
    assert.deepEqual(words.slice(1).sort(), [B2026, EXEC].sort());
  });

  it('names the word that found nothing and offers the search without it', async () => {
    const out = await searchPublic(t.core.db, root, '2026年低保量子', {}, 1);
    assert.equal(out.total, 0);
    assert.deepEqual(out.missing, ['量子']);
    assert.deepEqual(out.suggestions, [{ drop: '量子', q: '2026年 低保' }]);
    const page = await t.client().get(`/search?q=${encodeURIComponent('2026年低保量子')}`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /“量子”没有找到任何信息/);
    assert.ok(page.body.includes(`href="/search?q=${encodeURIComponent('2026年 低保').replace(/%20/g, '+')}"`), 'link without the word');
    // Every word exists, but never together: each may be left out.
    const apart = await searchPublic(t.core.db, root, '决算 低保', {}, 1);
    assert.deepEqual(apart.missing, []);
    assert.deepEqual(apart.suggestions.map((s) => s.drop), ['决算', '低保']);
  });
});
