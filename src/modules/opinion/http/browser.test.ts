// The 回应关切 column in Chromium at 1280 and 360 px (axe, no sideways scroll, screenshots to
// test-results/screenshots/opinion-*.png), the 发布会/访谈 pages likewise, and the office's board, an item
// page, the monitoring candidates (also at 360 px), its settings and an event's moderation checked by axe.
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
    const events = (await t.core.pool.query('SELECT code, kind, state FROM opinion_events ORDER BY starts_at')).rows as { code: string; kind: string; state: string }[];
    const press = events.find((e) => e.kind === 'press' && e.state === 'published')!.code;
    const interview = events.find((e) => e.kind === 'interview')!.code;
    await checkPublicPages(browser, base, [
      ['opinion-concerns', '/opinion'],
      ['opinion-concern', `/opinion/concerns/${code}`],
      ['opinion-events', '/opinion/events'],
      ['opinion-press', `/opinion/events/${press}`],
      ['opinion-interview', `/opinion/events/${interview}`],
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
        ['opinion-monitor', '/staff/opinion/monitor'],
        ['opinion-monitor-settings', '/staff/opinion/monitor/settings'],
        ['opinion-event-staff', `/staff/opinion/events/${interview}`],
      ]) {
        const res = await page.goto(base + url!);
        assert.equal(res?.status(), 200, url);
        await assertAccessible(page, url!);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-desktop.png`, fullPage: true });
      }
      // The candidates page at 360 px: no sideways scroll.
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(`${base}/staff/opinion/monitor`);
      const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
      assert.ok(m.sw <= m.w, `the candidates page scrolls sideways at 360 px (${m.sw} > ${m.w})`);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/opinion-monitor-phone.png`, fullPage: true });
    } finally {
      await ctx.close();
    }
  });
});
