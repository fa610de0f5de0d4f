// 长者模式 on a 360 px phone and the back office's tables at 1280 px, in a real Chromium: axe finds
// nothing serious, nothing scrolls sideways, and the sizes people complained about are measured.
// Screenshots of the dashboards go to SCREENSHOT_DIR.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../src/core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../src/core/testing/browser.ts';

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 0, `${label}: wider than the screen by ${over}px`);
}

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, '/staff');
}

/** Heights in px of every element matching `selector`. */
const heights = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));

describe('长者模式 at 360 px and staff tables at 1280 px', { timeout: 300_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let staffRecord: string;
  let richPublicRecord: string;

  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
    await t.signIn('gkb'); // sets the test password
    base = await listen(t);
    browser = await launchBrowser();
    // The record with the most on its page (attachments, 解读 links, versions): the most landmarks to tell apart.
    const rich = await t.core.pool.query(
      `SELECT r.code, r.index_no FROM pub_records r WHERE r.state = 'published'
        ORDER BY (SELECT count(*) FROM pub_attachments a WHERE a.record_id = r.id)
               + (SELECT count(*) FROM pub_interpretation_links l WHERE l.policy_id = r.id OR l.interpretation_id = r.id) * 2
               + (SELECT count(*) FROM pub_record_versions v WHERE v.record_id = r.id) DESC, r.id LIMIT 1`,
    );
    staffRecord = rich.rows[0].code;
    richPublicRecord = `/records/${(rich.rows[0].index_no as string).split('/').map(encodeURIComponent).join('/')}`;
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t.dispose();
  });

  async function elderPhone(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    return context;
  }

  it('a record, the home page and a form in 长者模式 at 360 px', async () => {
    const context = await elderPhone();
    try {
      const page = await context.newPage();
      await page.goto(`${base}/records`);
      const href = await page.locator('main a[href^="/records/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!).find((h) => /^\/records\/[^/]+\/[^/?]+$/.test(h)));
      assert.ok(href, 'a record on the list');
      for (const url of ['/', href, richPublicRecord, '/messages/write/site-error', '/requests/apply']) {
        await page.goto(base + url);
        assert.equal(await page.locator('html.elder').count(), 1, `${url} is in 长者模式`);
        await assertAccessible(page, `${url} elder 360px`);
        await noSidewaysScroll(page, url);
        // The menu is one row, not half the screen.
        const nav = (await heights(page, '.site-nav'))[0]!;
        assert.ok(nav < 800 / 8, `${url}: the menu is ${nav}px high`);
        // Breadcrumb and footer links are at least 24 px high.
        for (const h of await heights(page, '.breadcrumbs a, .site-footer a')) assert.ok(h >= 24, `${url}: a link ${h}px high`);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `elder-${url === '/' ? 'home' : url === richPublicRecord ? 'record-rich' : url.split('/')[1]}-phone.png`), fullPage: true });
      }
      // The 索引号 keeps to at most two lines, and no metadata cell is cut off.
      await page.goto(base + href);
      const indexNo = page.locator('.record-meta td.index-no');
      const lineHeight = await indexNo.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      const h = (await indexNo.boundingBox())!.height;
      assert.ok(h <= lineHeight * 2 + 16, `索引号 is ${h}px high (${(h / lineHeight).toFixed(1)} lines)`);
      const clipped = await page.locator('.record-meta td, .record-meta th').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
      assert.equal(clipped, 0, 'metadata cells cut off');
      // Check boxes grow in 长者模式.
      await page.goto(`${base}/requests/apply`);
      const boxes = await page.locator('input[type=checkbox], input[type=radio]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
      assert.ok(boxes.length > 0, 'the form has check boxes or radio buttons');
      for (const b of boxes) assert.ok(b >= 24, `a check box ${b}px`);
    } finally {
      await context.close();
    }
  });

  it('the back office at 360 px in 长者模式: dashboards, lists and a record page', async () => {
    const context = await elderPhone();
    try {
      const page = await context.newPage();
      await signIn(page, base, 'gkb');
      for (const [name, url] of [
        ['requests', '/staff/requests?scope=city'],
        ['timeliness-city', '/staff/records/timeliness/city?year=2026'],
        ['annual-reports', '/staff/annual-reports?year=2025'],
        ['records', '/staff/records'],
        ['record', `/staff/records/${staffRecord}`],
        ['statistics', '/requests/statistics'],
        ['catalog', '/staff/catalog'],
        ['messages', '/staff/messages/dashboard'],
        ['home', '/staff'],
      ] as const) {
        const res = await page.goto(base + url);
        assert.equal(res?.status(), 200, url);
        await assertAccessible(page, `${url} elder 360px`);
        await noSidewaysScroll(page, url);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `staff-${name}-elder-phone.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  });

  it('the request list at 1280 px: full width, 状态 and 承办人 on one line, a sticky header, foldable columns', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page, base, 'gkb');
      await page.goto(`${base}/staff/requests?scope=city`);
      await assertAccessible(page, 'request list 1280px');
      const mainWidth = (await page.locator('main').boundingBox())!.width;
      assert.ok(mainWidth >= 1200, `main is ${mainWidth}px wide`);
      // The text in each 状态 and 承办人 cell is one line high (the cell itself is as high as its row).
      for (const sel of ['.request-list td.col-state', '.request-list td.col-handler']) {
        const lines = await page.locator(sel).evaluateAll((els) =>
          els.map((e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            return range.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight);
          }),
        );
        assert.ok(lines.length > 0 && lines.every((n) => n < 1.5), `${sel}: lines ${lines.map((n) => n.toFixed(1)).join(',')}`);
      }
      assert.equal(await page.locator('.request-list thead th').first().evaluate((e) => getComputedStyle(e).position), 'sticky');
      // Every column fits: the list does not scroll sideways at 1280 px.
      const wrap = await page.locator('.sticky-head').evaluate((e) => e.scrollWidth - e.clientWidth);
      assert.ok(wrap <= 0, `the request list is ${wrap}px wider than its box`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'staff-requests-desktop.png'), fullPage: true });
      // Fold 联系电话 and 申请人 away; the choice is remembered on the next visit.
      assert.equal(await page.locator('.request-list thead th', { hasText: '联系电话' }).count(), 1);
      await page.locator('.column-chooser summary').click();
      await page.getByLabel('联系电话').uncheck();
      await page.getByLabel('申请人', { exact: true }).uncheck();
      await page.getByRole('button', { name: '应用并记住' }).click();
      assert.equal(await page.locator('.request-list thead th', { hasText: '联系电话' }).count(), 0);
      await page.goto(`${base}/staff/requests?scope=city`);
      assert.equal(await page.locator('.request-list thead th', { hasText: '联系电话' }).count(), 0);
      assert.equal(await page.locator('.request-list thead th', { hasText: '承办人' }).count(), 1);
      for (const [name, url] of [
        ['timeliness-city', '/staff/records/timeliness/city?year=2026'],
        ['annual-reports', '/staff/annual-reports?year=2025'],
        ['statistics', '/requests/statistics'],
      ] as const) {
        await page.goto(base + url);
        await assertAccessible(page, `${url} 1280px`);
        assert.equal(await page.locator('svg[role="img"]').count(), 1, `${url}: one chart`);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `staff-${name}-desktop.png`), fullPage: true });
      }
      // Record pages, staff and public: every landmark has its own name.
      for (const url of [`/staff/records/${staffRecord}`, richPublicRecord]) {
        await page.goto(base + url);
        await assertAccessible(page, `${url} 1280px`);
      }
    } finally {
      await context.close();
    }
  });
});
