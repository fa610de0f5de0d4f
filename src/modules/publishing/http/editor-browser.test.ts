// The record body's rich-text editor in a real Chromium: Word output (mso styles, fonts, a heading, a
// Word list, a table) pasted into the editor is saved as headings, lists and tables only, and the
// public page shows that body. Without JavaScript the textarea is still the editor. Screenshots of
// the editor with the pasted content go to SCREENSHOT_DIR at 1280 and 360 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';

const WORD_HTML = fs.readFileSync(path.resolve('src/core/html/fixtures/word-paste.html'), 'utf8');

async function signIn(page: Page, base: string, username: string, next: string): Promise<void> {
  await page.goto(`${base}/staff/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, next);
}

/** Pastes `html` into the focused editor as a browser does (a paste event carrying text/html). */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.locator('.rte-content').click();
  await page.keyboard.press('Control+A');
  await page.locator('.rte-content').evaluate((el, h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', '');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
}

describe('record body editor, in a browser', { timeout: 240_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let code: string;
  let publicUrl: string;

  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
    await t.signIn('czj_reviewer'); // sets the test password (a 审核人 revises published records)
    base = await listen(t);
    browser = await launchBrowser();
    const published = await t.core.pool.query(
      `SELECT r.code, r.index_no FROM pub_records r JOIN units u ON u.id = r.unit_id WHERE u.slug = 'finance' AND r.state = 'published' ORDER BY r.id LIMIT 1`,
    );
    code = published.rows[0]?.code;
    assert.ok(code, 'a published record of 财政局 in the demo data');
    publicUrl = `/records/${(published.rows[0].index_no as string).split('/').map(encodeURIComponent).join('/')}`;
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('keeps headings, lists and tables of a Word paste and drops styles and fonts', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page, base, 'czj_reviewer', `/staff/records/${code}/revise`);
      await page.locator('.rte[data-ready]').waitFor();
      assert.equal(await page.locator('textarea[name="bodyHtml"]').isHidden(), true, 'the textarea gives way to the editor');
      await pasteHtml(page, WORD_HTML);
      const inEditor = await page.locator('.rte-content').innerHTML();
      assert.match(inEditor, /<h2>楚雄市财政局关于2026年部门预算公开的说明<\/h2>/);
      assert.match(inEditor, /<ol>/);
      assert.match(inEditor, /<table/);
      assert.doesNotMatch(inEditor, /mso-|font-family|仿宋_GB2312|class="Mso|<o:p|<span/);
      await assertAccessible(page, 'record form with the editor');
      await page.locator('.rte').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'record-editor-word-paste-desktop.png'), fullPage: false });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.locator('.rte').scrollIntoViewIfNeeded();
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(over <= 0, `the form at 360 px is wider than the screen by ${over}px`);
      await assertAccessible(page, 'record form with the editor at 360 px');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'record-editor-word-paste-phone.png'), fullPage: false });
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByLabel('修订说明').fill('按原文重新排版正文。');
      await page.getByRole('button', { name: '保存修订并更新发布' }).click();
      assert.equal(await page.locator('.error-summary').count(), 0, 'saved without errors');
      const stored = (await t.core.pool.query(`SELECT body_html FROM pub_records WHERE code = $1`, [code])).rows[0].body_html as string;
      assert.match(stored, /<h2>楚雄市财政局关于2026年部门预算公开的说明<\/h2>/);
      assert.match(stored, /<h2>一、主要职责<\/h2>/);
      assert.match(stored, /<ol><li>/);
      assert.match(stored, /<table>[\s\S]*<td>/);
      assert.doesNotMatch(stored, /style=|class=|font|mso|<span|<colgroup|<o:p/i);
      // The public page shows the same body.
      await page.goto(base + publicUrl);
      const shown = await page.locator('main').innerHTML();
      assert.match(shown, /<h2>一、主要职责<\/h2>/);
      assert.match(shown, /<ol><li>/);
      assert.match(shown, /<table>/);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript the textarea is the editor', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, base, 'czj_reviewer', `/staff/records/${code}/revise`);
      const area = page.getByLabel(/^正文( \*)?$/);
      assert.equal(await area.evaluate((el) => el.tagName), 'TEXTAREA');
      await area.fill('<h2>一、说明</h2><p style="font-family:仿宋">第一段。</p><ul><li>甲</li></ul>');
      await page.getByLabel('修订说明').fill('按原文重新排版正文。');
      await page.getByRole('button', { name: '保存修订并更新发布' }).click();
      assert.equal(await page.locator('.error-summary').count(), 0, 'saved without errors');
      const stored = (await t.core.pool.query(`SELECT body_html FROM pub_records WHERE code = $1`, [code])).rows[0].body_html as string;
      assert.equal(stored, '<h2>一、说明</h2><p>第一段。</p><ul><li>甲</li></ul>');
    } finally {
      await context.close();
    }
  });
});
