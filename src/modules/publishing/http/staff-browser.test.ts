// The staff journey of a 行政规范性文件 in a real Chromium: drafted by the editor, refused at submission
// without interpretation ("无解读材料，不予受理"), given its 政策解读, submitted, approved and published
// by the reviewer, then visible on the public record page. Axe (WCAG 2.1 AA) checks the staff pages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen } from '../../../core/testing/browser.ts';

async function signIn(page: Page, base: string, username: string, next: string): Promise<void> {
  await page.goto(`${base}/staff/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, next);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
}

describe('a 行政规范性文件 from draft to public page, in a browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await createTestApp();
    await t.signIn('czj_editor'); // sets the test password
    await t.signIn('czj_reviewer');
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('drafts, is refused without interpretation, adds it, and is approved and published', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await signIn(page, base, 'czj_editor', '/staff/records');
      await page.getByRole('link', { name: '新建信息' }).click();
      assert.equal(new URL(page.url()).pathname, '/staff/records/new');
      await assertAccessible(page, 'new record form');

      // A first try with a malformed 文号 and no title: errors at the fields, input kept.
      await page.getByLabel('文号').fill('楚市财规2026-1');
      await page.getByRole('button', { name: '保存草稿' }).click();
      const summary = await page.locator('.error-summary').innerText();
      assert.match(summary, /请填写标题/);
      assert.match(summary, /文号/);
      assert.equal(await page.getByLabel('文号').inputValue(), '楚市财规2026-1');
      await assertAccessible(page, 'record form with errors');

      await page.getByLabel(/^标题( \*)?$/).fill('楚雄市财政局关于印发《楚雄市市级财政专项资金管理办法》的通知');
      await page.getByLabel('栏目').selectOption('policy');
      await page.getByLabel('文号').fill('楚市财规〔2026〕1号');
      await page.getByLabel('成文日期').fill('2026-11-20');
      await page.getByLabel('信息形成（变更）日期').fill('2026-11-20');
      await page.getByLabel('主题分类').selectOption('财政、金融、审计');
      await page.getByLabel('体裁').selectOption('办法');
      await page.getByLabel('行政规范性文件').check();
      await page.getByLabel('关键词').fill('专项资金、管理办法');
      await page.getByLabel('内容概述').fill('规范市级财政专项资金的设立、分配、使用和监督。');
      await page.getByLabel(/^正文( \*)?$/).fill('第一条 为规范市级财政专项资金管理，制定本办法。\n\n第二条 本办法自2027年1月1日起施行。');
      await page.getByRole('button', { name: '保存草稿' }).click();
      assert.match(await page.locator('.flash').innerText(), /已保存草稿/);
      const policyUrl = new URL(page.url()).pathname;
      assert.match(policyUrl, /^\/staff\/records\/[A-Za-z0-9_-]+$/);
      await assertAccessible(page, 'record page (draft)');

      await page.getByRole('button', { name: '提交审核' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /无解读材料，不予受理/);

      await page.getByRole('link', { name: '新建政策解读' }).click();
      assert.match(await page.locator('main').innerText(), /本解读将关联到政策文件/);
      assert.equal(await page.getByLabel('政策解读', { exact: true }).isChecked(), true);
      await page.getByLabel('解读形式（政策解读必填）').selectOption('qa');
      await page.getByLabel(/^正文( \*)?$/).fill('一、为什么要制定本办法？\n\n为进一步规范市级财政专项资金管理，提高资金使用效益。');
      await page.getByRole('button', { name: '保存草稿' }).click();
      assert.match(await page.locator('h1').innerText(), /政策解读/);
      assert.match(await page.locator('main').innerText(), /所解读的政策文件/);

      await page.goto(base + policyUrl);
      await page.getByRole('button', { name: '提交审核' }).click();
      assert.match(await page.locator('.flash').innerText(), /已提交审核/);
      assert.match(await page.locator('main p').first().innerText(), /待审核/);
      await signOut(page);

      await signIn(page, base, 'czj_reviewer', '/staff/records');
      await assertAccessible(page, 'records list with review queue');
      await page.locator('section', { has: page.getByRole('heading', { name: /待我审核/ }) }).getByRole('link', { name: '楚雄市财政局关于印发《楚雄市市级财政专项资金管理办法》的通知', exact: true }).click();
      assert.equal(new URL(page.url()).pathname, policyUrl);
      await assertAccessible(page, 'record page (reviewer)');
      await page.getByLabel('审核意见（选填）').fill('经保密审查，可以公开。');
      await page.getByRole('button', { name: '审核通过' }).click();
      assert.match(await page.locator('.flash').innerText(), /已审核通过/);
      await page.getByLabel('立即发布').check();
      await page.getByRole('button', { name: '发布', exact: true }).click();
      assert.match(await page.locator('.flash').innerText(), /已办理发布/);
      const head = await page.locator('main p').first().innerText();
      assert.match(head, /已发布/);
      const indexNo = /索引号 (\S+\/2026-\d{5})/.exec(head)?.[1];
      assert.ok(indexNo, head);

      await page.goto(`${base}/staff/records/timeliness`);
      await assertAccessible(page, 'timeliness dashboard');
      await page.goto(base + policyUrl);
      await page.getByRole('link', { name: '查看公开页面' }).click();
      assert.equal(new URL(page.url()).pathname, `/records/${indexNo}`);
      const text = await page.locator('main').innerText();
      assert.match(text, /楚雄市财政局关于印发《楚雄市市级财政专项资金管理办法》的通知/);
      assert.match(text, /楚市财规〔2026〕1号/);
      assert.match(text, /政策解读|解读/);
    } finally {
      await context.close();
    }
  });
});
