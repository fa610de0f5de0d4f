import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { all, parseXml } from '../testing/xml.ts';
import { atom, rss, sitemapIndex, sitemapUrlset, w3cDate, xmlEscape, type FeedEntry, type FeedInfo } from './feeds-xml.ts';

const feed: FeedInfo = {
  title: '楚雄市人民政府 - 通知公告',
  description: '最新信息',
  pageUrl: 'https://www.example.gov.cn/columns/notices',
  selfUrl: 'https://www.example.gov.cn/feeds/columns/notices/rss.xml',
  updated: new Date('2026-11-26T02:00:00Z'),
  author: '楚雄市人民政府办公室',
};

const entry: FeedEntry = {
  url: 'https://www.example.gov.cn/records/115323010151200721/2026-00001',
  title: '<script>alert("x")</script> & 关于“预算”的通知\u0001',
  summary: '摘要 <b>粗体</b>',
  published: new Date('2026-03-02T01:30:00Z'),
  updated: new Date('2026-03-05T08:00:00Z'),
  author: '楚雄市财政局',
  categories: ['财政、金融、审计', '通知公告'],
};

describe('xmlEscape', () => {
  const cases: [string, string][] = [
    ['a & b', 'a &amp; b'],
    ['<tag attr="v">', '&lt;tag attr=&quot;v&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['bell\u0007 and NUL\u0000', 'bell and NUL'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['𠀀 kept', '𠀀 kept'],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.equal(xmlEscape(input), want));
});

describe('RSS 2.0', () => {
  it('is well-formed with the channel and items, markup as text', () => {
    const doc = parseXml(rss(feed, [entry]));
    assert.equal(doc.name, 'rss');
    assert.equal(doc.attrs.version, '2.0');
    const channel = all(doc, 'channel')[0]!;
    assert.equal(all(channel, 'title')[0]!.text, '楚雄市人民政府 - 通知公告');
    assert.equal(all(channel, 'atom:link')[0]!.attrs.href, feed.selfUrl);
    const items = all(doc, 'item');
    assert.equal(items.length, 1);
    assert.equal(all(items[0]!, 'title')[0]!.text, '<script>alert("x")</script> & 关于“预算”的通知');
    assert.equal(all(items[0]!, 'guid')[0]!.attrs.isPermaLink, 'true');
    assert.equal(all(items[0]!, 'pubDate')[0]!.text, 'Mon, 02 Mar 2026 01:30:00 GMT');
    assert.deepEqual(
      all(items[0]!, 'category').map((c) => c.text),
      ['财政、金融、审计', '通知公告'],
    );
  });

  it('is well-formed without items', () => {
    assert.equal(all(parseXml(rss(feed, [])), 'item').length, 0);
  });
});

describe('Atom', () => {
  it('is well-formed with id, updated, links and entries', () => {
    const doc = parseXml(atom({ ...feed, selfUrl: feed.selfUrl.replace('rss', 'atom') }, [entry]));
    assert.equal(doc.name, 'feed');
    assert.equal(doc.attrs.xmlns, 'http://www.w3.org/2005/Atom');
    assert.equal(all(doc, 'updated')[0]!.text, '2026-11-26T02:00:00.000Z');
    const e = all(doc, 'entry')[0]!;
    assert.equal(all(e, 'id')[0]!.text, entry.url);
    assert.equal(all(e, 'published')[0]!.text, '2026-03-02T01:30:00.000Z');
    assert.equal(all(e, 'updated')[0]!.text, '2026-03-05T08:00:00.000Z');
    assert.equal(all(e, 'summary')[0]!.text, '摘要 <b>粗体</b>');
    assert.equal(all(e, 'link')[0]!.attrs.href, entry.url);
  });
});

describe('sitemap protocol', () => {
  it('writes a urlset with loc and lastmod', () => {
    const doc = parseXml(sitemapUrlset([{ loc: 'https://x.gov.cn/records?a=1&b=2', lastmod: '2026-03-02' }, { loc: 'https://x.gov.cn/' }]));
    assert.equal(doc.name, 'urlset');
    assert.equal(doc.attrs.xmlns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = all(doc, 'url');
    assert.equal(urls.length, 2);
    assert.equal(all(urls[0]!, 'loc')[0]!.text, 'https://x.gov.cn/records?a=1&b=2');
    assert.equal(all(urls[0]!, 'lastmod')[0]!.text, '2026-03-02');
    assert.equal(all(urls[1]!, 'lastmod').length, 0);
  });

  it('refuses more than 50,000 URLs in one file', () => {
    assert.throws(() => sitemapUrlset(Array.from({ length: 50_001 }, (_, i) => ({ loc: `https://x.gov.cn/${i}` }))), RangeError);
  });

  it('writes a sitemap index', () => {
    const doc = parseXml(sitemapIndex([{ loc: 'https://x.gov.cn/sitemaps/pages.xml' }, { loc: 'https://x.gov.cn/sitemaps/records-1.xml', lastmod: w3cDate(new Date('2026-11-26T02:00:00.123Z')) }]));
    assert.equal(doc.name, 'sitemapindex');
    assert.deepEqual(
      all(doc, 'lastmod').map((n) => n.text),
      ['2026-11-26T02:00:00Z'],
    );
  });
});
