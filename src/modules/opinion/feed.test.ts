// Feed reading against a local server of fixture feeds: RSS, Atom, JSON Feed and GBK are read; malformed
// XML, HTML, huge bodies, too many or too long entries, redirect loops, other schemes and silence are
// survived with a Chinese reason; script in titles comes out as plain text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fetchFeed } from './feed-fetch.ts';
import { FEED_LIMITS, declaredCharset, parseFeedText } from './feed-parse.ts';
import { startFeedServer } from './testing/feed-server.ts';

let srv: Awaited<ReturnType<typeof startFeedServer>>;
before(async () => {
  srv = await startFeedServer();
});
after(async () => srv.close());

const ok = async (path: string) => {
  const r = await fetchFeed(srv.base + path, { timeoutMs: 2000 });
  assert.ok(r.ok, `${path}: ${r.ok ? '' : r.error}`);
  return r;
};
const fails = async (path: string, timeoutMs = 2000) => {
  const r = await fetchFeed(srv.base + path, { timeoutMs });
  assert.equal(r.ok, false, path);
  return r.ok ? '' : r.error;
};

describe('fetchFeed and parseFeedText', () => {
  it('reads RSS: script in titles becomes text, links must be http(s), entries without a title are skipped', async () => {
    const r = await ok('/rss.xml');
    assert.deepEqual(
      r.entries.map((e) => [e.key, e.title, e.link, e.summary, e.publishedAt?.toISOString() ?? null]),
      [
        ['vendor-1', '楚雄市某小区停水引发网民关注', 'https://news.example.cn/a/1', '网民反映停水三天', '2026-11-23T01:00:00.000Z'],
        ['vendor-2', '鹿城镇农贸市场改造进度受关注', '', '市民询问改造何时完工。', null],
      ],
    );
    assert.equal(r.skipped, 1);
  });

  it('reads Atom (HTML titles reduced to text), JSON Feed and a GBK feed; follows one redirect', async () => {
    assert.deepEqual((await ok('/atom.xml')).entries.map((e) => [e.key, e.title, e.link]), [['urn:atom:1', '东瓜镇道路积水', 'https://bbs.example.cn/t/9']]);
    const j = await ok('/feed.json');
    assert.deepEqual(j.entries.map((e) => [e.key, e.title, e.publishedAt?.toISOString()]), [['j1', '子午镇学校食堂视频流传', '2026-11-25T00:00:00.000Z']]);
    assert.equal(j.skipped, 1);
    assert.equal((await ok('/gbk.xml')).entries[0]!.title, '楚雄市');
    assert.equal((await ok('/redirect')).entries.length, 2);
  });

  it('caps entries at 100 and cuts long titles and summaries', async () => {
    const many = await ok('/many.xml');
    assert.equal(many.entries.length, FEED_LIMITS.maxEntries);
    assert.equal(many.skipped, 400);
    const long = (await ok('/long-title.xml')).entries[0]!;
    assert.equal([...long.title].length, 200);
    assert.ok(long.title.endsWith('…'));
    assert.equal([...long.summary].length, 2000);
  });

  it('refuses malformed or foreign content, huge bodies, loops, long chains, other schemes and silence, with reasons', async () => {
    assert.equal(await fails('/malformed.xml'), 'XML 格式错误或不是 RSS/Atom 订阅源');
    assert.equal(await fails('/html'), 'XML 格式错误或不是 RSS/Atom 订阅源');
    assert.equal(await fails('/not-json'), 'JSON 格式错误，无法读取');
    assert.equal(await fails('/weird-charset.xml'), '不支持的字符编码“x-klingon”');
    assert.equal(await fails('/huge.xml'), '订阅内容超过2MB，未读取');
    assert.equal(await fails('/loop'), '订阅地址循环跳转');
    assert.equal(await fails('/chain'), '订阅地址跳转超过3次');
    assert.equal(await fails('/to-file'), '订阅地址只能是 http:// 或 https://');
    assert.equal(await fails('/missing'), '订阅地址返回错误（HTTP 404）');
    const t0 = Date.now();
    assert.equal(await fails('/slow', 500), '订阅地址1秒内没有响应');
    assert.ok(Date.now() - t0 < 2000);
    assert.equal((await fetchFeed('http://127.0.0.1:1/x', { timeoutMs: 2000 })).ok, false);
  });

  it('reads the charset from the header, else the XML declaration', () => {
    assert.equal(declaredCharset('text/xml; charset="GB2312"', Buffer.from('')), 'gb2312');
    assert.equal(declaredCharset('text/xml', Buffer.from("<?xml version='1.0' encoding='gb18030'?><rss/>")), 'gb18030');
    assert.equal(declaredCharset('', Buffer.from('<rss/>')), 'utf-8');
    assert.equal(parseFeedText('plain text').ok, false);
    assert.equal(parseFeedText('{"items": "no"}').ok, false);
  });
});
