// The 互动交流 pages in a real browser at 1280 and 360 px: the public form filled in and submitted, the
// lookup page, a staff item page and the dashboard; screenshots saved for people to look at, axe finds
// nothing serious, and nothing scrolls sideways on a phone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen } from '../../../core/testing/browser.ts';
import { seedMessages } from '../seed.ts';

const OUT = path.resolve('test-results/screenshots');
const WIDTHS = [1280, 360];

describe('互动交流 in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    await seedMessages(t.core, { demo: true, volume: 'full', log: () => {} }, 300);
    await t.signIn('gkb'); // sets the test password
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  async function check(page: Page, name: string, width: number) {
    await assertAccessible(page, `${name} at ${width}px`);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(sw <= width, `${name} at ${width}px scrolls sideways (${sw})`);
    await page.screenshot({ path: path.join(OUT, `messages-${name}-${width}.png`), fullPage: true });
  }

  for (const width of WIDTHS) {
    it(`public form, lookup, staff item page and dashboard at ${width}px`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      await page.goto(`${base}/messages/write/mayor`);
      // Submitted empty first: errors at the fields.
      await page.click('button[type=submit]:has-text("提交")');
      assert.match(await page.locator('.error-summary').innerText(), /请填写标题/);
      await page.check('input[name=kind][value=complaint]');
      await page.fill('#f-title', '小区门口道路积水严重');
      await page.fill('#f-content', '鹿城镇阳光小区门口道路每逢下雨积水严重，行人车辆通行困难，请尽快修复排水设施。');
      await page.fill('#f-callerName', '李秀英');
      await page.fill('#f-callerPhone', '13908785678');
      await page.check('input[name=allowPublication][value=yes]');
      await check(page, 'form', width);
      await page.click('button[type=submit]:has-text("提交")');
      const itemNo = (await page.locator('#item-no').innerText()).trim();
      const code = (await page.locator('#lookup-code').innerText()).trim();
      assert.match(itemNo, /^HD-2026-\d{6}$/);
      await page.goto(`${base}/messages/lookup`);
      await page.fill('#f-itemNo', itemNo);
      await page.fill('#f-code', code);
      await page.click('button[type=submit]:has-text("查询")');
      assert.match(await page.locator('main').innerText(), /已受理/);
      await check(page, 'lookup', width);
      await page.goto(`${base}/messages`);
      await check(page, 'column', width);
      // Staff: sign in, the item page, the dashboard.
      await page.goto(`${base}/staff/login?next=${encodeURIComponent(`/staff/messages/${itemNo}`)}`);
      await page.fill('input[name=username]', 'gkb');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(`**/staff/messages/${itemNo}`);
      assert.match(await page.locator('main').innerText(), /派单/);
      await check(page, 'staff-item', width);
      await page.goto(`${base}/staff/messages/dashboard`);
      assert.equal(await page.locator('svg[role=img]').count(), 3);
      await check(page, 'dashboard', width);
      await ctx.close();
    });
  }
});
