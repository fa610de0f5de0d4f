// Personal data in a record's attachment: the review lists each hit with its place, staff dismiss one
// and confirm the rest, and the public record then offers only the redacted copy; the original stays for
// staff; the audit row holds kinds and counts, never the numbers. A screenshot of the review page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { Document, Header, Packer, Paragraph } from 'docx';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';

const ID = '532301198001011233';
const PHONE = '13908781234';
const OFFICE_PHONE = '13987654321';
const CARD = '6217001234567890122';

async function docx(): Promise<Buffer> {
  const doc = new Document({
    title: `经办 ${PHONE}`,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(`联系人电话 ${PHONE}`)] }) },
        children: [new Paragraph('2026年临时救助发放名单'), new Paragraph(`张某某，身份证号 ${ID}，账号 ${CARD}`), new Paragraph(`咨询电话（公务） ${OFFICE_PHONE}`)],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

function allXml(zip: Buffer): string {
  return Object.values(unzipSync(new Uint8Array(zip))).map((b) => strFromU8(b)).join('\n');
}

let t: TestApp;
let editor: TestClient;
let code = '';
let attCode = '';

before(async () => {
  t = await createTestApp();
  editor = await t.signIn('czj_editor');
  const page = await editor.get('/staff/records/new');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const res = await editor.post('/staff/records/new', {
    _csrf: token, kind: 'record', interpretationForm: '', catalogItemId: '', generalColumn: 'notice', title: '楚雄市财政局2026年临时救助资金发放名单', publisherName: '楚雄市财政局', docNo: '', writtenOn: '2026-11-20', formedOn: '2026-11-20', subject: '民政、扶贫、救灾', genre: '通知', docType: 'other', keywords: '临时救助', summary: '公示临时救助发放名单。', bodyHtml: `经办人电话 ${PHONE}。`, disclosure: 'proactive', disclosureNote: '', reevaluateOn: '',
  });
  assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 400));
  code = /\/staff\/records\/([A-Za-z0-9_-]+)$/.exec(String(res.headers.location))![1]!;
  const boundary = `----gk${crypto.randomBytes(8).toString('hex')}`;
  const tok = /name="_csrf" value="([^"]+)"/.exec((await editor.get(`/staff/records/${code}`)).body)![1]!;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${tok}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="救助名单.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    await docx(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const up = await t.app.inject({ method: 'POST', url: `/staff/records/${code}/attachments`, headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  assert.equal(up.statusCode, 303, textOf(up.body).slice(0, 400));
  attCode = (await t.core.pool.query('SELECT a.code FROM pub_attachments a JOIN pub_records r ON r.id = a.record_id WHERE r.code = $1', [code])).rows[0].code;
});
after(async () => t.dispose());

describe('redacting a record attachment', () => {
  it('lists every hit with its place, body hits too, without repeating a number', async () => {
    const page = await editor.get(`/staff/records/${code}/attachments/${attCode}/redaction`);
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    for (const s of ['正文第2段', '正文第3段', '页眉', '文档属性', '532301********1233', '***************0122', '139****1234', '正文中的个人信息']) assert.ok(text.includes(s), s);
    for (const n of [ID, PHONE, CARD, OFFICE_PHONE]) assert.ok(!page.body.includes(n), `the page repeats ${n}`);
  });

  it('nothing ticked: refused with a message, nothing changed', async () => {
    const r = await editor.submit(`/staff/records/${code}/attachments/${attCode}/redaction`, `/staff/records/${code}/attachments/${attCode}/redaction`, {});
    assert.equal(r.statusCode, 400);
    assert.match(textOf(r.body), /没有勾选要隐去的个人信息/);
  });

  it('the redacted copy replaces the attachment; the dismissed office phone stays; the original is staff-only; the audit has counts only', async () => {
    const page = await editor.get(`/staff/records/${code}/attachments/${attCode}/redaction`);
    const ids = [...page.body.matchAll(/name="hit" value="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const labels = [...page.body.matchAll(/aria-label="隐去第 \d+ 处：([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(ids.length, 5);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    // Dismiss the 公务 phone in paragraph 3.
    const keep = ids.filter((_, i) => !labels[i]!.startsWith('正文第3段'));
    const res = await editor.post(`/staff/records/${code}/attachments/${attCode}/redaction`, { _csrf: token, hit: keep });
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 300));
    const rows = (await t.core.pool.query('SELECT a.code, a.storage_key, a.removed_at, a.redacted_into_id FROM pub_attachments a JOIN pub_records r ON r.id = a.record_id WHERE r.code = $1 ORDER BY a.id', [code])).rows;
    assert.equal(rows.length, 2);
    assert.ok(rows[0].removed_at && rows[0].redacted_into_id, 'original out of the record');
    const copy = await editor.get(`/staff/records/${code}/attachments/${rows[1].code}`);
    assert.equal(copy.statusCode, 200);
    const xml = allXml(copy.rawPayload);
    for (const n of [ID, PHONE, CARD]) assert.ok(!xml.includes(n) && !xml.replace(/<[^>]*>/g, '').includes(n), `${n} left in the copy`);
    assert.ok(xml.includes(OFFICE_PHONE), 'the dismissed number stays');
    const original = await editor.get(`/staff/records/${code}/attachments/${rows[0].code}`);
    assert.equal(original.statusCode, 200, 'staff keep the original');
    assert.ok(allXml(original.rawPayload).includes(ID));
    // The public address of the original serves nothing.
    assert.equal((await t.client().get(`/attachments/${rows[0].code}`)).statusCode, 404);
    const audit = (await t.core.pool.query("SELECT summary FROM audit_log WHERE action = 'publishing.attachment-redacted'")).rows;
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0].summary.redacted, { resident_id: 1, mobile: 2, bank_card: 1 });
    assert.equal(audit[0].summary.dismissed, 1);
    for (const n of [ID, PHONE, CARD, OFFICE_PHONE]) assert.ok(!JSON.stringify(audit[0]).includes(n));
  });

  it('a PDF is listed but not auto-redacted, and the page says why', async () => {
    // The review of the (new) docx copy has only the dismissed phone left.
    const copyCode = (await t.core.pool.query('SELECT a.code FROM pub_attachments a JOIN pub_records r ON r.id = a.record_id WHERE r.code = $1 AND a.removed_at IS NULL', [code])).rows[0].code;
    const page = await editor.get(`/staff/records/${code}/attachments/${copyCode}/redaction`);
    assert.match(textOf(page.body), /附件中的个人信息（1 处）/);
  });

  it('the review page in a browser: axe, screenshot', { timeout: 180_000 }, async () => {
    // A fresh upload to review.
    const base = await listen(t);
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const p = await ctx.newPage();
      await p.goto(`${base}/staff/login`);
      await p.fill('input[name=username]', 'czj_editor');
      await p.fill('input[name=password]', TEST_PASSWORD);
      await Promise.all([p.waitForNavigation(), p.click('button[type=submit]')]);
      const orig = (await t.core.pool.query('SELECT a.code FROM pub_attachments a JOIN pub_records r ON r.id = a.record_id WHERE r.code = $1 ORDER BY a.id LIMIT 1', [code])).rows[0].code;
      // The original is no longer listed; reviewing the current copy shows the remaining hit. For the
      // screenshot, restore the original as a live attachment of the draft.
      await t.core.pool.query('UPDATE pub_attachments SET removed_at = NULL, redacted_into_id = NULL WHERE code = $1', [orig]);
      const res = await p.goto(`${base}/staff/records/${code}/attachments/${orig}/redaction`);
      assert.equal(res?.status(), 200);
      await assertAccessible(p, 'redaction review');
      await p.screenshot({ path: `${SCREENSHOT_DIR}/redaction-review-desktop.png`, fullPage: true });
      await ctx.close();
    } finally {
      await browser?.close();
    }
  });
});
