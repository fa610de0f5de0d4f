// The 指南 and 意见征集 pages in a real Chromium: axe scans (WCAG 2.1 AA) and a comment sent with JavaScript off.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen } from '../../../core/testing/browser.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { findUnitBySlug } from '../../units/index.ts';
import { answerComment, closeConsultation, createConsultation, submitComment } from '../../consultations/index.ts';

describe('指南 and 意见征集 pages in a browser', { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let open = '';
  let closed = '';

  before(async () => {
    t = await createTestApp();
    await t.signIn('gkb'); // sets the test password
    const city = (await findUnitBySlug(t.core.db, 'city-government'))!;
    const a = await createConsultation(t.core, systemActor, city, { title: '财政预决算领域目录征求意见', description: '征求意见稿说明。', startsOn: '2026-11-26', endsOn: '2026-12-02' });
    const b = await createConsultation(t.core, systemActor, city, { title: '生态环境领域目录征求意见', description: '说明。', startsOn: '2026-11-26', endsOn: '2026-12-02' });
    assert.ok(a.ok && b.ok);
    open = a.consultation.code;
    closed = b.consultation.code;
    const c = await submitComment(t.core, systemActor, closed, { name: '李四', contact: '13812345678', body: '建议写明监测数据的公开时限。', submissionKey: 'k'.repeat(24) });
    const d = await submitComment(t.core, systemActor, open, { name: '', contact: '0878-3121001', body: '建议补充部门预算。', submissionKey: 'm'.repeat(24) });
    assert.ok(c.ok && d.ok);
    await answerComment(t.core, systemActor, b.consultation, c.comment.id, { answer: 'partly_adopted', reason: '已在生态环境监测事项中写明。' });
    t.clock.set('2026-12-03T02:00:00Z');
    assert.ok((await closeConsultation(t.core, systemActor, b.consultation)).ok);
    t.clock.set('2026-11-26T02:00:00Z');
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('has no serious or critical axe violations on the public and staff pages', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      for (const path of ['/openness/finance/guide', '/openness/city-government/consultations', `/openness/consultations/${closed}`, `/openness/consultations/${open}`]) {
        const res = await page.goto(base + path);
        assert.equal(res?.status(), 200, path);
        await assertAccessible(page, path);
      }
      await page.getByLabel('联系方式').fill('12345');
      await page.getByLabel('意见内容').fill('建议');
      await page.getByRole('button', { name: '提交意见' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /联系电话格式不正确/);
      await assertAccessible(page, 'comment form with errors');

      await page.goto(`${base}/staff/login?next=${encodeURIComponent('/staff/catalog/finance/guide')}`);
      await page.getByLabel('账号').fill('gkb');
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      assert.equal(new URL(page.url()).pathname, '/staff/catalog/finance/guide');
      await assertAccessible(page, 'guide editor');
      await page.getByRole('button', { name: '从单位信息重新生成' }).click();
      await assertAccessible(page, 'guide editor, regenerated');
      for (const path of ['/staff/catalog/city-government/consultations', '/staff/catalog/city-government/consultations/new', `/staff/catalog/city-government/consultations/${open}`]) {
        await page.goto(base + path);
        await assertAccessible(page, path);
      }
      await page.getByRole('button', { name: '保存答复' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /请选择处理结果/);
      await assertAccessible(page, 'answer form with errors');
    } finally {
      await context.close();
    }
  });

  it('takes a comment with JavaScript off', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/openness/consultations/${open}`);
      await page.getByLabel('联系方式').fill('someone@example.com');
      await page.getByLabel('意见内容').fill('建议把“三公”经费单列为二级事项。');
      await page.getByRole('button', { name: '提交意见' }).click();
      assert.match(await page.locator('.flash').innerText(), /您的意见已收到/);
      const n = await t.core.pool.query("SELECT count(*)::int AS n FROM consultation_comments WHERE contact = 'someone@example.com'");
      assert.equal(n.rows[0].n, 1);
    } finally {
      await context.close();
    }
  });
});
