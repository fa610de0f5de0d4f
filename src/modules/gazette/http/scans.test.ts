// The scanned archive end to end: pages of Chinese text rendered to images in the test (a PNG, and a
// PDF holding only images, as a scanner makes), uploaded through the staff form, read by the real OCR
// engine (../ocr/engine.ts: Tesseract chi_sim, Ghostscript) in the background job, found by the public
// gazette search with the page of each hit, corrected by staff; and a server without the engine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Browser } from 'playwright-core';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { launchBrowser } from '../../../core/testing/browser.ts';
import { ocrTools } from '../ocr/engine.ts';
import { characterAccuracy } from '../domain/ocr.ts';

const PAGE_ONE = ['楚雄市人民政府关于印发楚雄市农村最低生活保障实施办法的通知', '各乡镇人民政府，市直各部门：现将《楚雄市农村最低生活保障实施办法》印发给你们，请认真贯彻执行。', '楚雄市人民政府', '二〇一九年三月十五日'];
const PDF_PAGE = ['楚雄市人民政府办公室关于做好森林防火工作的通知', '各乡镇人民政府，市直各部门：当前正值森林防火紧要期，为切实做好森林防火工作，经市人民政府同意，现就有关事项通知如下。'];

/** A page of text as a scanner would see it: black type on white, 3号-sized, A4 at 150 dpi (300 with scale 2). */
async function textImage(browser: Browser, lines: string[], scale = 1): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 1240, height: 1754 }, deviceScaleFactor: scale });
  await page.setContent(`<body style="margin:120px;background:#fff;color:#111;font:32px/1.8 'Noto Serif CJK SC',serif">${lines.map((l) => `<p>${l}</p>`).join('')}</body>`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

/** A two-page PDF of images only, as a scanner at 300 dpi makes: a page of text, then a blurred smudge nothing can read. */
async function scannedPdf(browser: Browser, lines: string[]): Promise<Buffer> {
  const text = (await textImage(browser, lines, 2)).toString('base64');
  const page = await browser.newPage();
  await page.setContent(
    `<style>@page{size:A4;margin:0}body{margin:0}img,div{display:block;width:210mm;height:297mm;break-after:page}</style><img src="data:image/png;base64,${text}"><div style="background:radial-gradient(circle,#777 0,#ddd 40%,#fff 70%);filter:blur(8px)"></div>`,
  );
  const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.close();
  return pdf;
}

function csrf(html: string): string {
  const t = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(t, 'a CSRF token');
  return t;
}

async function upload(t: TestApp, c: TestClient, fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const token = csrf((await c.get('/staff/gazette/scans')).body);
  const boundary = `----gk${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: token, ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: '/staff/gazette/scans',
    headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

/** Waits for the background job to finish reading a scan; its final state. */
async function settled(t: TestApp, id: number): Promise<{ ocr_state: string; ocr_message: string }> {
  for (let i = 0; i < 600; i++) {
    const row = (await t.core.pool.query('SELECT ocr_state, ocr_message FROM gazette_scans WHERE id = $1', [id])).rows[0];
    if (!['queued', 'running'].includes(row.ocr_state)) return row;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('OCR did not finish in 150 s');
}

const pages = async (t: TestApp, id: number) => (await t.core.pool.query('SELECT page, text, readable, corrected_at FROM gazette_scan_pages WHERE scan_id = $1 ORDER BY page', [id])).rows as { page: number; text: string; readable: boolean; corrected_at: Date | null }[];
const idOf = (location: unknown) => Number(/\/staff\/gazette\/scans\/(\d+)$/.exec(String(location))?.[1]);

describe('扫描版往期公报: upload, OCR in the background, search by page, correction', () => {
  let t: TestApp;
  let gkb: TestClient;
  let browser: Browser;
  let png: Buffer;
  before(async () => {
    browser = await launchBrowser();
    png = await textImage(browser, PAGE_ONE);
    t = await createTestApp({ now: '2026-03-20T02:00:00Z' });
    gkb = await t.signIn('gkb');
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('has the engine the archive needs installed (Tesseract with chi_sim, Ghostscript)', async () => {
    assert.deepEqual(await ocrTools(), { tesseract: true, ghostscript: true });
  });

  it('reads an uploaded page image with at least 95 % of its characters right, and the public search finds it with its page', { timeout: 180_000 }, async () => {
    const res = await upload(t, gkb, { year: '2019', number: '3', overall: '15', issuedOn: '2019-03-20' }, { name: '2019年第3期.png', bytes: png });
    assert.equal(res.statusCode, 303, res.body);
    const id = idOf(res.headers.location);
    assert.equal((await settled(t, id)).ocr_state, 'done');
    const [p1] = await pages(t, id);
    const accuracy = characterAccuracy(PAGE_ONE.join(''), p1!.text);
    assert.ok(accuracy >= 0.95, `characters right: ${(accuracy * 100).toFixed(1)} % in «${p1!.text}»`);
    for (const w of ['农村最低生活保障', '市直各部门', '认真贯彻执行']) assert.ok(p1!.text.replace(/\s/g, '').includes(w), w);

    const staff = await gkb.get(`/staff/gazette/scans/${id}`);
    assert.match(textOf(staff.body), /文字识别 已识别/);
    const pub = await t.client().get('/gazette/2019/3');
    assert.equal(pub.statusCode, 200);
    assert.match(textOf(pub.body), /《楚雄市人民政府公报》2019年第3期（总第15期）/);
    assert.match(textOf(pub.body), /第1页.*农村最低生活保障/);
    const image = await t.client().get('/gazette/2019/3/scan/1');
    assert.equal(image.headers['content-type'], 'image/png');
    assert.ok(image.rawPayload.equals(png));
    assert.match(textOf((await t.client().get('/gazette/2019')).body), /2019年第3期（总第15期） 扫描版/);

    const found = await t.client().get(`/gazette/search?q=${encodeURIComponent('农村最低生活保障 实施办法')}`);
    assert.match(textOf(found.body), /往期扫描版（1页含“农村最低生活保障 实施办法”）/);
    assert.match(found.body, /href="\/gazette\/2019\/3#p-1">2019年第3期（总第15期） 第1页</);
    assert.match(textOf((await t.client().get(`/gazette/search?q=${encodeURIComponent('森林防火')}`)).body), /共找到 0 篇/);
  });

  it('reads each page of a scanned PDF, marks the page it cannot read, and keeps a staff correction when read again', { timeout: 240_000 }, async () => {
    const pdf = await scannedPdf(browser, PDF_PAGE);
    const res = await upload(t, gkb, { year: '2019', number: '4', overall: '16', issuedOn: '' }, { name: 'scan.pdf', bytes: pdf });
    assert.equal(res.statusCode, 303, res.body);
    const id = idOf(res.headers.location);
    const done = await settled(t, id);
    assert.equal(done.ocr_state, 'unreadable');
    assert.equal(done.ocr_message, '第2页文字无法识别，请人工录入或核对。');
    const [p1, p2] = await pages(t, id);
    assert.ok(characterAccuracy(PDF_PAGE.join(''), p1!.text) >= 0.95, p1!.text);
    assert.equal(p1!.readable, true);
    assert.equal(p2!.readable, false);
    assert.match(textOf((await t.client().get('/gazette/2019/4')).body), /第2页 此页文字无法可靠识别，以扫描图像为准/);
    const found = await t.client().get(`/gazette/search?q=${encodeURIComponent('森林防火')}`);
    assert.match(found.body, /href="\/gazette\/2019\/4#p-1">2019年第4期（总第16期） 第1页</);

    // Staff type in page 2; search finds it on page 2; reading again keeps what they typed.
    const page = await gkb.get(`/staff/gazette/scans/${id}`);
    const typed = '楚雄市护林防火指挥部办公室　联系电话';
    const saved = await gkb.post(`/staff/gazette/scans/${id}/pages/2`, { _csrf: csrf(page.body), 'text-2': typed });
    assert.equal(saved.statusCode, 303);
    const hit = await t.client().get(`/gazette/search?q=${encodeURIComponent('护林防火指挥部')}`);
    assert.match(hit.body, /href="\/gazette\/2019\/4#p-2">2019年第4期（总第16期） 第2页</);
    const again = await gkb.post(`/staff/gazette/scans/${id}/requeue`, { _csrf: csrf((await gkb.get(`/staff/gazette/scans/${id}`)).body) });
    assert.equal(again.statusCode, 303);
    assert.equal((await settled(t, id)).ocr_state, 'done');
    const [, kept] = await pages(t, id);
    assert.equal(kept!.text, typed);
    assert.ok(kept!.corrected_at);
  });

  it('keeps a scan when the server has no OCR engine and says so; reads it once the engine is there', { timeout: 120_000 }, async () => {
    const before = process.env.TESSERACT_PATH;
    process.env.TESSERACT_PATH = '/nonexistent/tesseract';
    let res;
    try {
      res = await upload(t, gkb, { year: '2018', number: '12', overall: '14', issuedOn: '' }, { name: 'old.png', bytes: png });
    } finally {
      if (before === undefined) delete process.env.TESSERACT_PATH;
      else process.env.TESSERACT_PATH = before;
    }
    assert.equal(res.statusCode, 303);
    const id = idOf(res.headers.location);
    const row = await settled(t, id);
    assert.equal(row.ocr_state, 'no_engine');
    assert.match(row.ocr_message, /tesseract-ocr、tesseract-ocr-chi-sim/);
    assert.match(textOf((await gkb.get(`/staff/gazette/scans/${id}`)).body), /服务器未安装文字识别引擎，未识别/);
    assert.match(textOf((await t.client().get('/gazette/2018/12')).body), /下载扫描件/);
    const again = await gkb.post(`/staff/gazette/scans/${id}/requeue`, { _csrf: csrf((await gkb.get(`/staff/gazette/scans/${id}`)).body) });
    assert.equal(again.statusCode, 303);
    assert.equal((await settled(t, id)).ocr_state, 'done');
  });

  it('refuses a file that is not a scan and a taken number at the field, keeping the input', async () => {
    const docx = await upload(t, gkb, { year: '2017', number: '2', overall: '9', issuedOn: '' }, { name: 'a.txt', bytes: Buffer.from('纯文本') });
    assert.equal(docx.statusCode, 400);
    assert.match(textOf(docx.body), /无法识别的文件类型|扩展名/);
    assert.match(docx.body, /name="overall"[^>]*value="9"|value="9"[^>]*name="overall"/);
    const taken = await upload(t, gkb, { year: '2019', number: '3', overall: '99', issuedOn: '' }, { name: 'x.png', bytes: png });
    assert.equal(taken.statusCode, 400);
    assert.match(textOf(taken.body), /2019年第3期已经存在/);
    // A new issue is numbered after the scans too.
    assert.match((await gkb.get('/staff/gazette')).body, /name="overall"[^>]*value="17"|value="17"[^>]*name="overall"/);
    const dept = await t.signIn('czj_admin');
    const refused = await upload(t, dept, { year: '2017', number: '1', overall: '1', issuedOn: '' }, { name: 'x.png', bytes: png });
    assert.equal(refused.statusCode, 403);
  });

  it('withdraws a wrongly uploaded scan with a reason: audited, 410 with the reason in public, out of search, its number free again', { timeout: 120_000 }, async () => {
    const before = process.env.TESSERACT_PATH;
    process.env.TESSERACT_PATH = '/nonexistent/tesseract'; // no OCR needed here
    try {
      const res = await upload(t, gkb, { year: '2016', number: '7', overall: '5', issuedOn: '' }, { name: 'wrong.png', bytes: png });
      assert.equal(res.statusCode, 303);
      const id = idOf(res.headers.location);
      assert.equal((await t.client().get('/gazette/2016/7')).statusCode, 200);
      const page = `/staff/gazette/scans/${id}`;
      // No reason: refused at the field, nothing changed.
      const bare = await gkb.post(`${page}/withdraw`, { _csrf: csrf((await gkb.get(page)).body), reason: '  ' });
      assert.equal(bare.statusCode, 400);
      assert.match(textOf(bare.body), /请填写撤回原因/);
      assert.equal((await t.client().get('/gazette/2016/7')).statusCode, 200);
      const reason = '误将2016年第8期的扫描件上传为第7期';
      const ok = await gkb.post(`${page}/withdraw`, { _csrf: csrf((await gkb.get(page)).body), reason });
      assert.equal(ok.statusCode, 303);
      // Sent again (a double click): still one withdrawal, the first reason stands.
      assert.equal((await gkb.post(`${page}/withdraw`, { _csrf: csrf((await gkb.get(page)).body), reason: '另一个原因' })).statusCode, 303);
      const audit = (await t.core.pool.query("SELECT summary FROM audit_log WHERE action = 'gazette.scan_withdrawn' AND target_id = $1", [String(id)])).rows;
      assert.equal(audit.length, 1);
      assert.equal(audit[0].summary.reason, reason);
      const gone = await t.client().get('/gazette/2016/7');
      assert.equal(gone.statusCode, 410);
      assert.match(textOf(gone.body), new RegExp(`本期的扫描件已于2026年3月20日撤回，原因：${reason}`));
      assert.equal((await t.client().get('/gazette/2016/7/scan')).statusCode, 404);
      assert.equal((await t.client().get('/gazette/2016/7/scan/1')).statusCode, 404);
      assert.doesNotMatch((await t.client().get('/gazette/2016')).body, /href="\/gazette\/2016\/7"/);
      const staff = await gkb.get(page);
      assert.match(textOf(staff.body), new RegExp(`2026年3月20日撤回，原因：${reason}`));
      assert.doesNotMatch(staff.body, /action="[^"]*\/withdraw"/);
      assert.match(textOf((await gkb.get('/staff/gazette/scans')).body), /2016年第7期（总第5期） — 已撤回|2016年第7期（总第5期）\s+\S*\s*已撤回/);
      // The right scan takes the same numbers and the address.
      const right = await upload(t, gkb, { year: '2016', number: '7', overall: '5', issuedOn: '2016-07-20' }, { name: 'right.png', bytes: png });
      assert.equal(right.statusCode, 303, textOf(right.body));
      assert.equal((await t.client().get('/gazette/2016/7')).statusCode, 200);
    } finally {
      if (before === undefined) delete process.env.TESSERACT_PATH;
      else process.env.TESSERACT_PATH = before;
    }
  });
});
