// A local HTTP server serving fixture feeds, friendly and hostile, for the monitoring tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const GBK_TITLE = Buffer.from([0xb3, 0xfe, 0xd0, 0xdb, 0xca, 0xd0]); // 楚雄市 in GBK

export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>舆情监测日报</title>
<item><title>&lt;script&gt;alert(1)&lt;/script&gt;楚雄市某小区停水引发网民关注</title><link>https://news.example.cn/a/1</link><guid>vendor-1</guid>
<description><![CDATA[<p onclick="x()">网民反映<b>停水</b>三天</p><script>alert(2)</script>]]></description><pubDate>Mon, 23 Nov 2026 09:00:00 +0800</pubDate></item>
<item><title>鹿城镇农贸市场改造进度受关注</title><link>javascript:alert(3)</link><guid>vendor-2</guid><description>市民询问改造何时完工。</description></item>
<item><title></title><guid>vendor-empty</guid></item>
</channel></rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>监测</title>
<entry><id>urn:atom:1</id><title type="html">&lt;img src=x onerror=alert(1)&gt;东瓜镇道路积水</title><link href="https://bbs.example.cn/t/9"/><summary>雨后道路积水。</summary><updated>2026-11-24T01:00:00Z</updated></entry></feed>`;

export const JSON_FEED = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: 'j1', url: 'https://v.example.cn/1', title: '子午镇学校食堂视频流传', content_text: '短视频称食堂卫生差。', date_published: '2026-11-25T08:00:00+08:00' }, { id: 'j2', title: 42 }] });

export async function startFeedServer(): Promise<{ base: string; close: () => Promise<void>; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = (type: string, body: string | Buffer) => res.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/rss.xml') return send('application/rss+xml; charset=utf-8', RSS);
    if (path === '/atom.xml') return send('application/atom+xml', ATOM);
    if (path === '/feed.json') return send('application/feed+json', JSON_FEED);
    if (path === '/gbk.xml') return send('application/xml', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GBK"?><rss><channel><item><guid>g1</guid><title>'), GBK_TITLE, Buffer.from('</title></item></channel></rss>')]));
    if (path === '/malformed.xml') return send('application/xml', '<rss><channel><item><title>未闭合');
    if (path === '/html') return send('text/html', '<!doctype html><html><body>not a feed</body></html>');
    if (path === '/not-json') return send('application/json', '{"items": [');
    if (path === '/weird-charset.xml') return send('application/xml; charset=x-klingon', RSS);
    if (path === '/many.xml') return send('application/xml', `<rss><channel>${Array.from({ length: 500 }, (_, i) => `<item><guid>m${i}</guid><title>条目${i}</title></item>`).join('')}</channel></rss>`);
    if (path === '/long-title.xml') return send('application/xml', `<rss><channel><item><guid>l1</guid><title>${'长'.repeat(5000)}</title><description>${'述'.repeat(50_000)}</description></item></channel></rss>`);
    if (path === '/huge.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let n = 0;
      const pump = () => {
        while (n < 64) {
          n++;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === '/redirect') return res.writeHead(302, { location: '/rss.xml' }).end();
    if (path === '/loop') return res.writeHead(302, { location: '/loop2' }).end();
    if (path === '/loop2') return res.writeHead(301, { location: '/loop' }).end();
    if (path === '/chain') return res.writeHead(302, { location: '/chain1' }).end();
    if (path.startsWith('/chain') && Number(path.slice(6)) < 9) return res.writeHead(302, { location: `/chain${Number(path.slice(6)) + 1}` }).end();
    if (path === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/slow') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
