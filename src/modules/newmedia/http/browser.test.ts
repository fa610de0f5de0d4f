// The public 政务新媒体矩阵 in Chromium at 1280 and 360 px (axe, no sideways scroll, screenshots to
// test-results/screenshots/newmedia-*.png), and the staff registry and a post under review checked by axe.
// The demo data it runs on is checked first: every review state, one 关停, one silent account.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, checkPublicPages, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';
import { seedNewmediaDemo } from '../demo/seed-demo.ts';
import { silentAccounts } from '../index.ts';

let t: TestApp;
let browser: Browser;
let base: string;
let root = 0;

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  root = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
  await seedNewmediaDemo(t.core, root, () => {});
  await seedNewmediaDemo(t.core, root, () => {}); // loaded once
  await t.signIn('gkb'); // sets the known password
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('政务新媒体 pages in a browser', () => {
  it('the demo holds every state and one silent account', async () => {
    const states = (await t.core.pool.query('SELECT state, count(*)::int AS n FROM newmedia_posts GROUP BY state ORDER BY state')).rows.map((r) => `${r.state}:${r.n}`);
    assert.deepEqual(states, ['draft:1', 'in_review:3', 'ready:1', 'released:2', 'returned:1']);
    const accounts = (await t.core.pool.query('SELECT state, count(*)::int AS n FROM newmedia_accounts GROUP BY state ORDER BY state')).rows.map((r) => `${r.state}:${r.n}`);
    assert.deepEqual(accounts, ['active:9', 'closed:1', 'proposed:1']);
    assert.deepEqual((await silentAccounts(t.core.db, root, '2026-11-26')).map((s) => [s.name, s.days]), [['健康楚雄', 21]]);
  });

  it('the matrix is accessible, reflows at 360 px and prints; staff pages pass axe', { timeout: 300_000 }, async () => {
    await checkPublicPages(browser, base, [
      ['newmedia-matrix', '/newmedia'],
      ['newmedia-matrix-units', '/newmedia?by=unit'],
    ]);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/newmedia`);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/newmedia-matrix-print.png`, fullPage: true });
      assert.equal(await page.locator('.nm-url').first().isVisible(), true);
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${base}/staff/login`);
      await page.fill('input[name=username]', 'gkb');
      await page.fill('input[name=password]', TEST_PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      const post = (await t.core.pool.query("SELECT id FROM newmedia_posts WHERE state = 'in_review' AND step = 2")).rows[0].id;
      const account = (await t.core.pool.query("SELECT id FROM newmedia_accounts WHERE name = '健康楚雄'")).rows[0].id;
      for (const [name, url] of [
        ['newmedia-registry', '/staff/newmedia'],
        ['newmedia-post', `/staff/newmedia/posts/${post}`],
        ['newmedia-account', `/staff/newmedia/accounts/${account}`],
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
