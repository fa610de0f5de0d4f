// The QR helper: the same modules as the library's own encoder, an accessible name, escaping, sizes.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { qrSvg } from './qr.ts';

/** The dark modules drawn by the SVG path, as "x,y" (quiet zone removed). */
function drawn(svg: string): Set<string> {
  const out = new Set<string>();
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(m[3]); i++) out.add(`${Number(m[1]) + i - 4},${Number(m[2]) - 4}`);
  return out;
}

it('draws exactly the dark modules of the code, with a quiet zone of four', () => {
  const text = 'https://mp.weixin.example.cn/cxsrmzf';
  const svg = qrSvg(text, '楚雄市人民政府（微信公众号）二维码');
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  assert.equal(size, 29); // version 3: 17 + 4 × 3
  const expected = new Set<string>();
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (qr.modules.data[y * size + x]) expected.add(`${x},${y}`);
  assert.deepEqual(drawn(svg), expected);
  assert.match(svg, /viewBox="0 0 37 37"/);
  // The finder pattern's top row: seven dark modules at the top-left corner.
  assert.match(svg, /^<svg[^>]*><title>[^<]*<\/title><rect width="37" height="37" fill="#fff"\/><path fill="#000" d="M4 4h7v1h-7z/);
});

it('carries the accessible name, escaped', () => {
  const svg = qrSvg('https://example.cn/?a=1&b=2', '扫码关注 <“楚雄发布”>');
  assert.match(svg, /role="img" aria-label="扫码关注 &lt;“楚雄发布”&gt;"/);
  assert.match(svg, /<title>扫码关注 &lt;“楚雄发布”&gt;<\/title>/);
  assert.doesNotMatch(svg, /<“/);
});
