import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, checkAvailability, checkColumns, checkExternalLinks, checkGuides, externalLinks, checkHome, checkLinks, checkMessages, DEFAULT_THRESHOLDS as T, internalLinks, type ColumnObservation } from './monitor.ts';
import { crawlSite } from '../crawl.ts';

const TODAY = '2026-11-26';
const SEEN = '2026-11-26T02:00:00.000Z';

test('addMonths clamps to the end of the month', () => {
  assert.equal(addMonths('2026-08-31', -6), '2026-02-28');
  assert.equal(addMonths('2026-11-26', -6), '2026-05-26');
  assert.equal(addMonths('2026-11-26', -12), '2025-11-26');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
});

test('首页不更新: 2 weeks (14 days before 2026-11-26 is 2026-11-12; the 12th itself is too old)', () => {
  assert.deepEqual(checkHome('/', '2026-11-13', TODAY, SEEN, T), []);
  const [f] = checkHome('/', '2026-11-12', TODAY, SEEN, T);
  assert.equal(f!.rule, 'home_stale');
  assert.equal(f!.veto, true);
  assert.equal(f!.evidence, '首页最新信息发布于 2026-11-12，14天内（2026-11-12 之后）无更新');
  assert.equal(checkHome('/', null, TODAY, SEEN, T).length, 1);
});

// A site fixture: news columns stale after 2026-11-12, notice/policy columns after 2026-05-26.
const COLUMNS: ColumnObservation[] = [
  { name: '政务动态', url: '/columns/news', kind: 'news', items: 40, latest: '2026-11-20' }, // fresh
  { name: '部门动态', url: '/columns/dept', kind: 'news', items: 12, latest: '2026-11-01' }, // stale
  { name: '乡镇动态', url: '/columns/town', kind: 'news', items: 3, latest: null }, // no dates → stale
  { name: '通知公告', url: '/columns/notices', kind: 'notice', items: 20, latest: '2026-05-27' }, // fresh (within 6 months)
  { name: '政策文件', url: '/columns/policies', kind: 'notice', items: 9, latest: '2026-05-26' }, // stale (on the boundary)
  { name: '专题专栏', url: '/columns/topics', kind: 'other', items: 2, latest: '2020-01-01' }, // not checked for age
  { name: '人事信息', url: '/columns/people', kind: 'notice', items: 0, latest: null }, // blank
];

test('栏目不更新 and 空白栏目 against a fixture: 3 stale, 1 blank, below the single-veto counts', () => {
  const fs = checkColumns('/', COLUMNS, TODAY, SEEN, T);
  assert.deepEqual(
    fs.map((f) => `${f.rule} ${f.url}`),
    ['column_stale /columns/dept', 'column_stale /columns/town', 'column_stale /columns/policies', 'column_blank /columns/people'],
  );
  assert.ok(fs.every((f) => !f.veto));
  assert.equal(fs[2]!.evidence, '栏目“政策文件”最新信息发布于 2026-05-26，6个月内（2026-05-26 之后）未更新');
  // With a threshold of 3 (the office's table) the stale columns become a single veto.
  const strict = checkColumns('/', COLUMNS, TODAY, SEEN, { ...T, staleColumnsVeto: 3, blankColumnsVeto: 1 });
  assert.deepEqual(
    strict.filter((f) => f.veto).map((f) => f.evidence),
    ['未更新栏目3个（标准：3个及以上即单项否决）', '空白栏目1个（标准：1个及以上即单项否决）'],
  );
});

test('站点无法访问: 1 of 20 probes failing is 5% — a single veto; 1 of 21 is not', () => {
  const ok = (i: number) => ({ at: `2026-11-2${i % 7}T0${i % 10}:00:00Z`, status: 200, ms: 300 });
  const twenty = [...Array.from({ length: 19 }, (_, i) => ok(i)), { at: '2026-11-25T03:00:00Z', status: 200, ms: 15_000 }];
  const [f] = checkAvailability('/', twenty, SEEN, T);
  assert.equal(f!.veto, true);
  assert.equal(f!.evidence, '访问20次，1次超过15秒未打开或出错（5.0%），首次失败于 2026-11-25T03:00:00Z');
  assert.deepEqual(checkAvailability('/', [...twenty, ok(3)], SEEN, T), []);
  assert.equal(checkAvailability('/', [{ at: 'x', status: 503, ms: 10 }], SEEN, T).length, 1);
});

test('互动回应差: valid messages of the last year unanswered for more than 3 months', () => {
  const fs = checkMessages(
    [
      { itemNo: 'A1', url: '/messages/A1', receivedOn: '2026-08-25', repliedOn: null }, // limit 2026-11-25 passed
      { itemNo: 'A2', url: '/messages/A2', receivedOn: '2026-08-26', repliedOn: null }, // limit 2026-11-26: not yet
      { itemNo: 'A3', url: '/messages/A3', receivedOn: '2026-01-10', repliedOn: '2026-05-01' }, // answered late
      { itemNo: 'A4', url: '/messages/A4', receivedOn: '2026-01-10', repliedOn: '2026-03-01' }, // in time
      { itemNo: 'A5', url: '/messages/A5', receivedOn: '2025-10-01', repliedOn: null }, // older than a year: out of scope
    ],
    TODAY,
    SEEN,
    T,
  );
  assert.deepEqual(fs.map((f) => f.url), ['/messages/A1', '/messages/A3']);
  assert.equal(fs[0]!.evidence, '留言 A1 于 2026-08-25 收到，至今未回复，已超过3个月（应于 2026-11-25 前）');
  assert.ok(fs.every((f) => f.veto));
});

test('服务不实用: 办事指南 missing key elements', () => {
  const fs = checkGuides(
    [
      { name: '完整的指南', url: '/g/1', missing: [] },
      { name: '缺项的指南', url: '/g/2', unitId: 7, missing: ['设定依据', '咨询电话'] },
    ],
    SEEN,
  );
  assert.deepEqual(fs.map((f) => f.evidence), ['办事指南“缺项的指南”缺少：设定依据、咨询电话']);
  assert.equal(fs[0]!.unitId, 7, 'charged to the unit in 考核');
});

test('internal links: same-site paths only, fragments and mailto left out', () => {
  const html = '<a href="/records/1#top">a</a><a href="https://other.example/x">b</a><a href="mailto:a@b.c">c</a><a href="../columns/news?page=2&amp;x=1">d</a><a href="#main">e</a>';
  assert.deepEqual(internalLinks(html, '/records/1'), ['/records/1', '/columns/news?page=2&x=1']);
});

test('the crawl of a fixture site finds the broken link and only that', async () => {
  const site: Record<string, string> = {
    '/': '<a href="/columns/news">动态</a><a href="/records/A">A</a>',
    '/columns/news': '<a href="/records/A">A</a><a href="/records/missing">已删除的信息</a><a href="/">首页</a>',
    '/records/A': '<a href="/">首页</a>',
  };
  const fetch = async (p: string) => (site[p] !== undefined ? { status: 200, html: site[p]!, ms: 5 } : { status: 404, html: '', ms: 5 });
  const crawl = await crawlSite(fetch, ['/'], 100);
  assert.equal(crawl.pages.size, 4);
  const fs = checkLinks(crawl.links, SEEN);
  assert.deepEqual(fs.map((f) => `${f.url} → ${f.evidence}`), ['/columns/news → 链接 /records/missing 返回 404']);
  // The page limit stops the crawl; links to pages not fetched are not judged.
  const small = await crawlSite(fetch, ['/'], 2);
  assert.equal(small.pages.size, 2);
  assert.equal(checkLinks(small.links, SEEN).length, 0);
});

test('external links: a 4xx/5xx is broken, no answer is recorded as unchecked and is not a problem', () => {
  const fs = checkExternalLinks(
    [
      { from: '/records/1', href: 'https://a.example/ok', status: 200 },
      { from: '/records/1', href: 'https://a.example/gone', status: 404 },
      { from: '/records/2', href: 'https://a.example/gone', status: 404 },
      { from: '/records/1', href: 'https://b.example/', status: 'unchecked' },
      { from: '/records/3', href: 'https://b.example/', status: 'unchecked' },
    ],
    SEEN,
  );
  assert.deepEqual(
    fs.map((f) => [f.rule, f.url, f.evidence, Boolean(f.info)]),
    [
      ['link_broken', '/records/1', '外部链接 https://a.example/gone 返回 404', false],
      ['link_broken', '/records/2', '外部链接 https://a.example/gone 返回 404', false],
      ['link_unchecked', '/', '1个外部链接未能检查：https://b.example/', true],
    ],
  );
  assert.deepEqual(externalLinks('<a href="https://a.example/x#top">a</a><a href="/local">b</a><a href="mailto:x@y.z">c</a>'), ['https://a.example/x']);
});
