// The calculator and the admin flow in a real Chromium: axe scans of each page, and the flow with JavaScript off.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen } from '../../../core/testing/browser.ts';

async function signIn(page: Page, base: string, next: string): Promise<void> {
  await page.goto(`${base}/staff/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('账号').fill('admin');
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, next);
}

describe('calendar pages in a browser', { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await createTestApp();
    await t.signIn('admin'); // sets the test password
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  // axe needs JavaScript, so the scans run with it on.
  it('has no serious or critical axe violations on the calculator and the admin pages', async () => {
    const context: BrowserContext = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(base + '/calendar');
      await assertAccessible(page, '/calendar');
      await page.goto(base + '/calendar?start=2025-09-22&days=20');
      await assertAccessible(page, '/calendar (result)');
      await page.goto(base + '/calendar?start=2025-02-30&days=-1');
      await assertAccessible(page, '/calendar (errors)');

      await signIn(page, base, '/staff/calendar');
      await assertAccessible(page, '/staff/calendar');
      await page.getByRole('link', { name: '录入新年度' }).click();
      await page.getByLabel('依据（发文字号或通知名称）').fill('国办发明电〔2026〕9号');
      await page.getByLabel('放假和调休上班安排').fill('2027-01-01~2027-01-03 放假 元旦\n2027-02-30 放假 春节\n2027-02-08 上班 春节');
      await page.getByRole('button', { name: '预览变更' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /放假和调休上班安排有2处问题/);
      await assertAccessible(page, '/staff/calendar/new (errors)');
      await page.getByLabel('放假和调休上班安排').fill('2027-01-01~2027-01-03 放假 元旦');
      await page.getByRole('button', { name: '预览变更' }).click();
      await assertAccessible(page, '/staff/calendar/new/preview');
      await page.goto(base + '/staff/calendar/2026/edit');
      await assertAccessible(page, '/staff/calendar/2026/edit');
    } finally {
      await context.close();
    }
  });

  it('computes a due date and saves a new year with JavaScript off', async () => {
    const context: BrowserContext = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(base + '/calendar');
      await page.getByLabel('起算日期').fill('2025-09-22');
      await page.getByLabel('工作日天数').fill('20');
      await page.getByRole('button', { name: '计算' }).click();
      assert.equal(new URL(page.url()).search, '?start=2025-09-22&days=20');
      assert.match(await page.locator('main').innerText(), /期限届满日\s+2025-10-24（星期五）/);
      await page.getByLabel('工作日天数').fill('-1');
      await page.getByRole('button', { name: '计算' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /工作日天数不能小于0/);
      assert.equal(await page.getByLabel('工作日天数').inputValue(), '-1');

      await signIn(page, base, '/staff/calendar');
      await page.getByRole('link', { name: '录入新年度' }).click();
      await page.getByLabel('依据（发文字号或通知名称）').fill('国办发明电〔2026〕9号');
      await page.getByLabel('放假和调休上班安排').fill('2027-01-01~2027-01-03 放假 元旦\n2027-02-20 上班 春节');
      await page.getByRole('button', { name: '预览变更' }).click();
      assert.match(await page.locator('main').innerText(), /新增的日期（4天）/);
      await page.getByRole('button', { name: '确认保存' }).click();
      assert.equal(new URL(page.url()).pathname, '/staff/calendar');
      assert.match(await page.locator('.flash').innerText(), /已保存2027年工作日历：放假3天，调休上班1天/);
      const stored = (await t.core.calendar.years()).find((y) => y.year === 2027);
      assert.equal(stored?.holidays.length, 3);
      assert.deepEqual(stored?.workdays, [{ date: '2027-02-20', name: '春节' }], 'the hidden field kept its line breaks');
    } finally {
      await context.close();
    }
  });
});
