// The 内容检查 and 网站监测 staff pages in Chromium: at 1280 px axe finds nothing serious, at 360 px nothing
// scrolls sideways; screenshots saved to test-results/screenshots/assessment-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  await t.signIn('gkb');
  // Something to show: a public record with an outdated name and a broken link.
  await t.core.pool.query(
    "UPDATE pub_records SET body_html = '<p>请到市国土资源局咨询，详见<a href=\"/records/NO-SUCH\">原文</a>。</p>' WHERE id = (SELECT id FROM pub_records WHERE state = 'published' AND disclosure = 'proactive' AND general_column = 'news' ORDER BY published_on DESC, id DESC LIMIT 1)",
  );
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('内容检查 and 网站监测 pages in a browser', () => {
  it('are accessible at 1280 px and reflow at 360 px', { timeout: 600_000 }, async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const [width, tag] of [
      [1280, 'desktop'],
      [360, 'phone'],
    ] as const) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      // A monitor pass crawls 400 pages: on a loaded machine that takes longer than playwright's 30 s default.
      page.setDefaultTimeout(180_000);
      page.setDefaultNavigationTimeout(180_000);
      await page.goto(`${base}/staff/login?next=${encodeURIComponent('/staff/content-check')}`);
      await page.getByLabel('账号').fill('gkb');
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/\/staff\/content-check/);
      if (tag === 'desktop') {
        // Results to show on the sweep, trial and monitor pages.
        await page.goto(`${base}/staff/content-check/sweep`);
        await page.getByRole('button', { name: '立即检查' }).click();
        await page.goto(`${base}/staff/monitor`);
        await page.getByRole('button', { name: '立即监测' }).click();
      }
      const pages: [string, () => Promise<unknown>][] = [
        ['assessment-leaders', () => page.goto(`${base}/staff/content-check?kind=leader`)],
        ['assessment-renamed', () => page.goto(`${base}/staff/content-check?kind=renamed_org`)],
        [
          'assessment-try',
          async () => {
            await page.goto(`${base}/staff/content-check/try`);
            await page.getByLabel(/待检查的文字/).fill('要求工作人员佩带工作证，到市国土資源局办理。联系电话13908781234。');
            await page.getByRole('button', { name: '检查' }).click();
          },
        ],
        ['assessment-sweep', () => page.goto(`${base}/staff/content-check/sweep`)],
        ['assessment-monitor', () => page.goto(`${base}/staff/monitor`)],
      ];
      for (const [name, open] of pages) {
        await open();
        if (tag === 'desktop') await assertAccessible(page, name);
        else {
          const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
          assert.ok(m.sw <= m.w, `${name} scrolls sideways at 360 px (${m.sw} > ${m.w})`);
        }
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${tag}.png`), fullPage: true });
      }
      assert.match(await page.content(), /过期机构名称|链接 \/records\/NO-SUCH/);
      await ctx.close();
    }
  });
});
