// Screenshots on a 舆情 item: an image is kept (once, however often it is sent), shown to staff of the
// item, never to the public or another unit; a non-image or a mislabelled file is refused at the field.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

let t: TestApp;
let office: TestClient;
let page: string;
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  office = await t.signIn('gkb');
  await office.get('/staff/opinion/new'); // writes the default levels
  const q = async (s: string) => String((await t.core.pool.query(s)).rows[0].id);
  const r = await office.submit('/staff/opinion/new', '/staff/opinion', { title: '网传子午镇河道死鱼', source: '微博', link: '', firstSeenAt: '2026-11-26T09:00', summary: '网民发布河道死鱼照片。', involved: '', levelId: await q("SELECT id FROM opinion_levels WHERE name = '一般'"), unitId: await q("SELECT id FROM units WHERE slug = 'donggua'") });
  page = String(r.headers.location);
});
after(async () => t.dispose());

/** A 1×1 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])) >>> 0);
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

async function upload(c: TestClient, name: string, bytes: Buffer, caption = '') {
  const token = /name="_csrf" value="([^"]+)"/.exec((await c.get(page)).body)![1]!;
  const b = `----gk${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${b}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`)];
  parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`));
  return t.app.inject({ method: 'POST', url: `${page}/screenshots`, headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${b}` }, payload: Buffer.concat(parts) });
}

describe('screenshots on a 舆情 item', () => {
  it('keeps an image once and shows it to staff only', async () => {
    assert.equal((await upload(office, '微博截图.png', png(), '<b>原帖</b>截图')).statusCode, 303);
    assert.equal((await upload(office, 'again.png', png(), '再次上传')).statusCode, 303);
    const rows = (await t.core.pool.query('SELECT id, caption FROM opinion_screenshots')).rows;
    assert.equal(rows.length, 1);
    const view = await office.get(page);
    assert.match(view.body, /alt="&lt;b>原帖&lt;\/b>截图"/);
    const img = await office.get(`${page}/screenshots/${rows[0].id}`);
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/png');
    assert.equal(img.headers['x-content-type-options'], 'nosniff');
    const visitor = await t.client().get(`${page}/screenshots/${rows[0].id}`);
    assert.ok([302, 303, 401, 403].includes(visitor.statusCode), String(visitor.statusCode));
    const other = await t.signIn('czj_admin');
    assert.equal((await other.get(`${page}/screenshots/${rows[0].id}`)).statusCode, 403);
    assert.equal((await office.get(`${page}/screenshots/999999`)).statusCode, 404);
  });

  it('refuses a non-image and a mislabelled file at the field, and an empty choice', async () => {
    const pdf = await upload(office, 'x.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    assert.equal(pdf.statusCode, 400);
    assert.match(textOf(pdf.body), /截图只能是 PNG、JPEG 或 GIF 图片/);
    const fake = await upload(office, 'x.png', Buffer.from('<script>alert(1)</script>'));
    assert.equal(fake.statusCode, 400);
    assert.match(textOf(fake.body), /无法识别的文件类型/);
    const none = await office.submit(page, `${page}/screenshots`, { caption: '说明保留' });
    assert.equal(none.statusCode, 400);
    assert.match(textOf(none.body), /请选择截图文件/);
    assert.match(none.body, /value="说明保留"/);
  });
});
