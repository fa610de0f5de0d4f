// The 考核 pages in Chromium: the ranking with its charts, a score sheet with its items open, and the 通报
// editor; at 1280 px axe finds nothing serious, at 360 px nothing scrolls sideways; screenshots saved to
// test-results/screenshots/assessment-scores-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { computeScores, draftBulletinFor } from '../service-scoring.ts';

let t: TestApp;
let browser: Browser;
let base: string;
let czjUnit: number;

before(async () => {
  t = await createTestApp({ now: '2026-10-09T02:00:00Z' });
  await t.signIn('gkb');
  const root = Number((await t.core.pool.query('SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1')).rows[0].id);
  czjUnit = Number((await t.core.pool.query("SELECT unit_id FROM staff_users WHERE username = 'czj_admin'")).rows[0].unit_id);
  await computeScores(t.core, root, '2026-Q2');
  await computeScores(t.core, root, '2026-Q3');
  await draftBulletinFor(t.core, systemActor, root, '2026-Q3', '楚雄市');
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('考核 pages in a browser', () => {
  it('are accessible at 1280 px and reflow at 360 px', { timeout: 600_000 }, async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const [width, tag] of [
      [1280, 'desktop'],
      [360, 'phone'],
    ] as const) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      page.setDefaultTimeout(120_000);
      await page.goto(`${base}/staff/login?next=${encodeURIComponent('/staff/assessment')}`);
      await page.getByLabel('账号').fill('gkb');
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/\/staff\/assessment/);
      const pages: [string, () => Promise<unknown>][] = [
        ['assessment-scores-ranking', () => page.goto(`${base}/staff/assessment?period=2026-Q3`)],
        [
          'assessment-scores-sheet',
          async () => {
            await page.goto(`${base}/staff/assessment/2026-Q3/units/${czjUnit}`);
            for (const d of await page.locator('td > details > summary').all()) await d.click();
          },
        ],
        ['assessment-scores-bulletin', () => page.goto(`${base}/staff/assessment/2026-Q3/bulletin`)],
        ['assessment-scores-indicators', () => page.goto(`${base}/staff/assessment/indicators?year=2026`)],
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
      await ctx.close();
    }
  });
});
