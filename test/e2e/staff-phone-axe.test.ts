// The back office at 360 px and 1280 px in a real Chromium: axe finds nothing serious on the staff
// pages people use daily (lists, dashboards, a request and a record), nothing scrolls sideways at
// 360 px, and screenshots of the record's staff page (with its 下一步) go to SCREENSHOT_DIR.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../src/core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../src/core/testing/browser.ts';

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, '/staff');
}

describe('staff pages at 360 and 1280 px', { timeout: 600_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let pages: string[];
  let recordPage: string;

  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
    await t.signIn('gkb'); // sets the test password
    base = await listen(t);
    browser = await launchBrowser();
    const rec = await t.core.pool.query(
      `SELECT r.code FROM pub_records r WHERE r.state = 'published'
        ORDER BY (SELECT count(*) FROM pub_attachments a WHERE a.record_id = r.id) + (SELECT count(*) FROM pub_record_versions v WHERE v.record_id = r.id) DESC, r.id LIMIT 1`,
    );
    const req = await t.core.pool.query(`SELECT request_no FROM req_requests ORDER BY id LIMIT 1`);
    recordPage = `/staff/records/${rec.rows[0].code}`;
    pages = [
      '/staff',
      '/staff/requests',
      `/staff/requests/${req.rows[0].request_no}`,
      '/staff/requests/settings',
      '/staff/records',
      recordPage,
      '/staff/records/timeliness',
      '/staff/records/timeliness/city',
      '/staff/annual-reports',
      '/staff/catalog',
      '/staff/messages',
      '/staff/account',
    ];
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  for (const [width, tag] of [
    [360, 'phone'],
    [1280, 'desktop'],
  ] as const) {
    it(`has no serious axe violation at ${width} px`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await signIn(page, base, 'gkb');
        const problems: string[] = [];
        for (const url of pages) {
          const res = await page.goto(base + url);
          assert.equal(res?.status(), 200, url);
          try {
            await assertAccessible(page, `${url} at ${width}px`);
          } catch (err) {
            problems.push((err as Error).message.split('\n').slice(0, 6).join(' '));
          }
          if (width === 360) {
            const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            if (over > 0) problems.push(`${url}: wider than the screen by ${over}px`);
          }
        }
        await page.goto(base + recordPage);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `staff-record-page-${tag}.png`), fullPage: false });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
