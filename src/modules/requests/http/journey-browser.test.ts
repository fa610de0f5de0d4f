// The 依申请公开 journey in a real Chromium: the public submits a request (a double click creates
// one), staff accept, assign and reply and send the reply letter, and the applicant looks the
// request up and downloads the letter. Axe scans (WCAG 2.1 AA) of the public pages on the way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible as assertAccessibleCore, launchBrowser, listen } from '../../../core/testing/browser.ts';
import { docxParagraphs } from '../../../core/testing/office.ts';
import { VALID_ID } from './test-helpers.ts';

async function assertAccessible(page: Page, label: string): Promise<void> {
  const results = await assertAccessibleCore(page, label);
  assert.ok(results.passes.length > 0, `${label}: axe ran no checks`);
}

describe('依申请公开 in a browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let requestNo = '';
  let lookupCode = '';

  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    await t.signIn('czj_admin'); // sets the test password
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('takes an application from the public: errors first, then one request for a double-clicked submit', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/requests/apply`);
      await assertAccessible(page, 'application form');
      await page.getByRole('button', { name: '下一步：核对申请' }).click();
      const summary = await page.locator('.error-summary').innerText();
      assert.match(summary, /请选择向哪个单位申请/);
      assert.match(summary, /请填写所需政府信息的名称/);
      await assertAccessible(page, 'application form with errors');

      await page.getByLabel('向哪个单位申请').selectOption({ label: '楚雄市财政局' });
      await page.getByLabel('自然人').check();
      await page.getByLabel('姓名或名称').fill('欧阳明');
      await page.getByLabel('身份证明类型').selectOption({ label: '居民身份证' });
      await page.getByLabel('证件号码').fill(VALID_ID);
      await page.getByLabel('联系电话').fill('13987654321');
      await page.getByLabel('所需信息的名称或特征性描述').fill('楚雄市财政局2025年度部门决算');
      await page.getByLabel('电子数据').check();
      await page.getByLabel('在线下载').check();
      await page.getByRole('button', { name: '下一步：核对申请' }).click();
      await page.getByRole('heading', { name: '核对申请' }).waitFor();
      assert.match(await page.locator('main').innerText(), /申请提交给：楚雄市财政局/);
      await assertAccessible(page, 'confirmation');

      // Two submissions racing each other from the browser (a retry while the first is in flight).
      // (A string, not a function: the test runner's transpiler would add helpers the page lacks.)
      const raced = (await page.evaluate(`(async () => {
        const form = document.querySelector('form.confirm-form');
        const send = () => fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' }).then((r) => r.text());
        const pages = await Promise.all([send(), send()]);
        return pages.map((html) => (/id="request-no">([^<]+)</.exec(html) || [])[1] || '');
      })()`)) as string[];
      assert.match(raced[0]!, /^YSQ-2026-\d{6}$/);
      assert.equal(raced[1], raced[0], 'both submissions answer with the same 受理编号');
      await page.getByRole('button', { name: '确认提交申请' }).dblclick();
      await page.getByRole('heading', { name: '申请已提交' }).waitFor();
      requestNo = (await page.locator('#request-no').innerText()).trim();
      lookupCode = (await page.locator('#lookup-code').innerText()).trim();
      assert.match(requestNo, /^YSQ-2026-\d{6}$/);
      await assertAccessible(page, 'submitted');
      const n = await t.core.pool.query("SELECT count(*)::int AS n FROM req_requests WHERE applicant_name = '欧阳明'");
      assert.equal(requestNo, raced[0]);
      assert.equal(n.rows[0].n, 1, 'the double click created one request');
    } finally {
      await context.close();
    }
  });

  it('lets staff accept, assign and reply, and send the reply letter online', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/staff/login?next=${encodeURIComponent(`/staff/requests/${requestNo}`)}`);
      await page.getByLabel('账号').fill('czj_admin');
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      assert.equal(new URL(page.url()).pathname, `/staff/requests/${requestNo}`);
      assert.doesNotMatch(await page.locator('main').innerText(), /13987654321/);
      await assertAccessible(page, 'staff request page');

      await page.locator('#action-accept').getByRole('button').click();
      await page.locator('.flash').waitFor();
      assert.match(await page.locator('main').innerText(), /答复期限\s+2026-12-24/);

      await page.locator('#action-assign').getByLabel('承办人').selectOption({ label: '王财（财政局管理员）' });
      await page.locator('#action-assign').getByRole('button').click();
      assert.match(await page.locator('.flash').innerText(), /已指定承办人/);

      const reply = page.locator('#action-reply');
      await reply.getByLabel('办理结果（年度报告分类）').selectOption('disclose');
      await reply.getByLabel('法律依据').fill('《中华人民共和国政府信息公开条例》第三十六条第（二）项');
      await reply.getByLabel('答复说明').fill('所需信息见附件，请在查询页面下载。');
      await reply.getByRole('button', { name: '答复' }).click();
      assert.match(await page.locator('.flash').innerText(), /已记录答复/);

      const letters = page.locator('#action-letters');
      await letters.getByLabel('送达方式').selectOption({ label: '网上送达' });
      await letters.getByRole('button', { name: '生成并登记送达' }).click();
      assert.match(await page.locator('.flash').innerText(), /已生成“政府信息公开申请答复告知书”并登记送达/);
      await assertAccessible(page, 'staff request page, replied');
      for (const path of ['/staff/requests', '/staff/requests?scope=unit&due=overdue', '/staff/requests/new', '/staff/requests/templates', '/staff/requests/templates/disclose', '/staff/mail-log']) {
        const res = await page.goto(base + path);
        assert.equal(res?.status(), 200, path);
        await assertAccessible(page, path);
      }
    } finally {
      await context.close();
    }
  });

  it('lets the applicant look the request up and download the reply letter', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/requests/lookup`);
      await assertAccessible(page, 'lookup form');
      await page.getByLabel('受理编号').fill(requestNo);
      await page.getByLabel('查询码').fill(lookupCode);
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('heading', { name: `申请 ${requestNo}` }).waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, /当前状态\s+答复/);
      assert.match(text, /收到申请之日\s+2026-11-26/);
      assert.match(text, /办理结果\s+予以公开/);
      assert.doesNotMatch(text, /欧阳明|13987654321/);
      await assertAccessible(page, 'lookup result');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '政府信息公开申请答复告知书' }).click()]);
      const path = await download.path();
      const paras = docxParagraphs(fs.readFileSync(path)).filter(Boolean);
      assert.equal(paras[1], `受理编号：${requestNo}`);
      assert.equal(paras[2], '欧阳明：');
      assert.ok(paras.includes('所需信息见附件，请在查询页面下载。'));
      assert.deepEqual(paras.slice(-2), ['楚雄市财政局', '2026年11月26日']);
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical axe violations on the other public request pages', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      for (const path of ['/requests', '/requests/guide/finance', '/requests/statistics']) {
        const res = await page.goto(base + path);
        assert.equal(res?.status(), 200, path);
        await assertAccessible(page, path);
      }
    } finally {
      await context.close();
    }
  });
});
