// The 回应关切 column in Chromium at 1280 and 360 px (axe, no sideways scroll, screenshots to
// test-results/screenshots/opinion-*.png), and the office's board and an item page checked by axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, checkPublicPages, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';
import { seedOpinionDemo } from '../demo/seed-demo.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  const root = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
  await seedOpinionDemo(t.core, Number(root), () => {});
  await t.signIn('gkb'); // sets the known password
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('解读回应 pages in a browser', () => {
  it('the public column is accessible and reflows at 360 px; the board and an item page pass axe', { timeout: 300_000 }, async () => {
    const code = (await t.core.pool.query('SELECT code FROM opinion_concerns ORDER BY answered_on DESC LIMIT 1')).rows[0].code;
    await checkPublicPages(browser, base, [
      ['opinion-concerns', '/opinion'],
      ['opinion-concern', `/opinion/concerns/${code}`],
    ]);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/staff/login`);
      await page.fill('input[name=username]', 'gkb');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      for (const [name, url] of [
        ['opinion-board', '/staff/opinion/board'],
        ['opinion-item', '/staff/opinion/items/YQ2026-0011'],
      ]) {
        const res = await page.goto(base + url!);
        assert.equal(res?.status(), 200, url);
        await assertAccessible(page, url!);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-desktop.png`, fullPage: true });
      }
    } finally {
      await ctx.close();
    }
  });
});
