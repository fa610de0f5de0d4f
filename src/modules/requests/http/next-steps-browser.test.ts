// The request page in a real Chromium at 1280 and 360 px, after 确认受理 and before a 承办人 is named:
// the editor sees who must act and no open forms; the unit admin sees the 指定承办人 form first and
// the other actions folded. Axe (WCAG 2.1 AA) at both widths, no sideways scroll, screenshots.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';
import { applyOnline } from './test-helpers.ts';

describe('request page next steps, in a browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let no = '';

  before(async () => {
    t = await createTestApp({ now: '2026-11-02T02:00:00Z' });
    const editor = await t.signIn('czj_editor');
    await t.signIn('czj_admin');
    no = (await applyOnline(t.client(), { infoDescription: '楚雄市财政局2025年度部门决算' })).requestNo;
    const accepted = await editor.submit(`/staff/requests/${no}`, `/staff/requests/${no}/do/accept`, { confirmedOn: '2026-11-02' });
    assert.equal(accepted.statusCode, 303);
    base = await listen(t);
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  for (const [username, label] of [
    ['czj_editor', 'editor'],
    ['czj_admin', 'unit-admin'],
  ] as const) {
    it(`${username}: the next step first, other actions folded, at 1280 and 360 px`, async () => {
      for (const width of [1280, 360]) {
        const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
        try {
          const page = await ctx.newPage();
          await page.goto(`${base}/staff/login?next=${encodeURIComponent(`/staff/requests/${no}`)}`);
          await page.getByLabel('账号').fill(username);
          await page.getByLabel('密码').fill(TEST_PASSWORD);
          await page.getByRole('button', { name: '登录', exact: true }).click();
          await page.getByRole('heading', { name: '下一步' }).waitFor();
          const next = page.locator('#next-steps');
          if (username === 'czj_editor') {
            assert.match(await next.innerText(), /等待单位管理员指定承办人/);
            assert.equal(await next.locator('form').count(), 0);
          } else {
            assert.equal(await next.getByRole('button', { name: '指定承办人（进入办理）' }).isVisible(), true);
            assert.doesNotMatch(await next.innerText(), /等待单位管理员/);
          }
          // Folded: the 撤回 form is there but not shown until opened.
          const withdraw = page.getByRole('button', { name: '登记申请人撤回申请' });
          assert.equal(await withdraw.isVisible(), false);
          await page.locator('details.more-actions > summary').click();
          assert.equal(await withdraw.isVisible(), true);
          await assertAccessible(page, `request page (${username}, ${width} px)`);
          const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
          assert.ok(m.sw <= m.w, `scrolls sideways at ${width} px (${m.sw} > ${m.w})`);
          await page.locator('details.more-actions > summary').click();
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `request-reviewing-${label}-${width}.png`), fullPage: true });
        } finally {
          await ctx.close();
        }
      }
    });
  }
});
