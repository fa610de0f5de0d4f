// The staff home's work queue in a real Chromium at 1280 and 360 px: axe finds nothing serious, the
// late items lead, and nothing is wider than the screen. Screenshots go to GONGKAI_SCREENSHOTS when set.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen } from '../../../core/testing/browser.ts';

describe('staff home in a browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
    for (const u of ['gkb_head', 'czj_admin']) await t.signIn(u); // sets the test password
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t.dispose();
  });

  for (const username of ['gkb_head', 'czj_admin']) {
    it(`${username}: the work queue at 1280 and 360 px`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/staff/login`);
        await page.getByLabel('账号').fill(username);
        await page.getByLabel('密码').fill(TEST_PASSWORD);
        await page.getByRole('button', { name: '登录', exact: true }).click();
        assert.equal(new URL(page.url()).pathname, '/staff');
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 900 });
          await page.reload();
          await assertAccessible(page, `staff home ${username} ${width}px`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${width}px: page wider than the screen by ${overflow}px`);
          const first = await page.locator('.work-queue li').first().innerText();
          assert.match(first, /已超期|未发布|\d/);
          if (process.env.GONGKAI_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.GONGKAI_SCREENSHOTS, `staff-home-${username}-${width}.png`), fullPage: true });
        }
      } finally {
        await context.close();
      }
    });
  }
});
