// A query terminal in Chromium: 1080×1920 portrait and 1920×1080 landscape (axe, touch targets of at
// least 48 px, no sideways scroll, screenshots test-results/screenshots/kiosk-*.png), the on-screen
// keyboard, the idle return to the start page, the A4 print view, and the terminal without JavaScript.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';

let t: TestApp;
let browser: Browser;
let base: string;
let recordPath = '';
const TERMINAL = 'K3WMFZH2A'; // seeded: 为民服务中心1号机

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  base = await listen(t);
  browser = await launchBrowser();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const r = (await t.core.pool.query("SELECT index_no FROM pub_records WHERE state = 'published' AND index_no IS NOT NULL ORDER BY id LIMIT 1")).rows[0];
  if (r) {
    recordPath = `/records/${String(r.index_no).split('/').map(encodeURIComponent).join('/')}`;
  }
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

/** Visible links and buttons smaller than 48 px in either direction (WCAG 2.5.5 asks 44 px). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('header a, header button, main a, main button, main input:not([type=hidden]), .kiosk-phone a'))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 48 || r.height < 48)
      .map(({ el, r }) => `${el.tagName} “${(el.textContent ?? '').trim().slice(0, 20)}” ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

describe('a query terminal in a browser', () => {
  for (const [tag, width, height] of [
    ['portrait', 1080, 1920],
    ['landscape', 1920, 1080],
  ] as const) {
    it(`${tag} ${width}×${height}: start page, keyboard, a record, print view, idle return`, { timeout: 300_000 }, async () => {
      const ctx = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      try {
        const page = await ctx.newPage();
        await page.clock.install();
        await page.goto(`${base}/kiosk?terminal=${TERMINAL}`);
        assert.equal(new URL(page.url()).pathname, '/kiosk');
        assert.match((await page.textContent('header')) ?? '', /为民服务中心1号机/);
        await assertAccessible(page, `kiosk start ${tag}`);
        assert.deepEqual(await smallTargets(page), [], 'touch targets');
        const sw = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(sw <= width, `scrolls sideways (${sw})`);
        assert.equal(await page.locator('a[href^="/staff"]').count(), 0, 'no staff links');
        // The on-screen keyboard types into the search box only.
        await page.click('[data-key="补贴"]');
        await page.click('[data-key="2"]');
        await page.click('[data-key-back]');
        await page.click('[data-key="公示"]');
        assert.equal(await page.inputValue('#kiosk-q'), '补贴公示');
        await page.screenshot({ path: `${SCREENSHOT_DIR}/kiosk-start-${tag}.png` });
        if (recordPath) {
          await page.goto(base + recordPath);
          assert.ok(await page.locator('.kiosk-qr svg').isVisible(), 'QR code on a record');
          assert.ok(await page.locator('[data-kiosk-print]').isVisible(), 'print button');
          await assertAccessible(page, `kiosk record ${tag}`);
          assert.deepEqual(await smallTargets(page), [], 'touch targets on a record');
          await page.screenshot({ path: `${SCREENSHOT_DIR}/kiosk-record-${tag}.png` });
          await page.emulateMedia({ media: 'print' });
          assert.equal(await page.locator('.kiosk-actions').isVisible(), false, 'no buttons on paper');
          assert.equal(await page.locator('header').isVisible(), false, 'no header on paper');
          await page.emulateMedia({ media: 'screen' });
        }
        // Idle: back to the start page, input cleared.
        await page.goto(`${base}/kiosk`);
        await page.fill('#kiosk-q', '个人的查询');
        await page.clock.fastForward(60_000);
        assert.equal(await page.inputValue('#kiosk-q'), '个人的查询', 'not before the idle time');
        await Promise.all([page.waitForURL(`${base}/kiosk`, { waitUntil: 'load' }), page.clock.fastForward(61_000)]);
        await page.waitForLoadState('load');
        assert.equal(await page.inputValue('#kiosk-q'), '', 'input cleared');
      } finally {
        await ctx.close();
      }
    });
  }

  it('without JavaScript: common searches and the search box work, the keyboard stays hidden, a refresh returns to the start page', { timeout: 120_000 }, async () => {
    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/kiosk?terminal=${TERMINAL}`);
      assert.equal(await page.locator('[data-kiosk-keyboard]').isVisible(), false);
      assert.equal(await page.locator('[data-kiosk-print]').isVisible(), false);
      assert.equal(await page.locator('noscript meta[http-equiv=refresh]').count(), 1);
      await page.click('text=政府信息公开指南');
      assert.match(page.url(), /\/search\?q=/);
      assert.ok(await page.locator('.kiosk-qr svg').isVisible());
      await page.goto(`${base}/kiosk`);
      await page.fill('#kiosk-q', '预算');
      await Promise.all([page.waitForNavigation(), page.press('#kiosk-q', 'Enter')]);
      assert.match(decodeURIComponent(page.url()), /\/search\?q=预算/);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/kiosk-search-nojs-portrait.png` });
    } finally {
      await ctx.close();
    }
  });
});
