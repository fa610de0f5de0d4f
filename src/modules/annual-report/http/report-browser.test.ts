// The annual-report pages in a real Chromium: axe scans (WCAG 2.1 AA) of the public report and the
// staff pages, and hand entry and publication with JavaScript off.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen } from '../../../core/testing/browser.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { findUnitBySlug } from '../../units/index.ts';
import { useReportSources } from '../data/sources.ts';
import { createManualReport, generateReport, publishReport, saveEntry, saveTexts } from '../service.ts';
import { emptyEntered } from '../domain/assemble.ts';
import { zeroS3, zeroS4 } from '../domain/tables.ts';

describe('annual-report pages in a browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await createTestApp();
    await t.signIn('czj_editor'); // sets the test password
    await t.signIn('czj_reviewer');
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const donggua = (await findUnitBySlug(t.core.db, 'donggua'))!;
    useReportSources(t.core, {
      requests: async (_db, q) => ({
        available: true,
        facts: [
          { requestNo: 'YSQ-2025-000001', unitId: finance.id, applicantType: 'person' as const, receivedOn: '2025-03-01', closedOn: '2025-03-20', outcome: 'granted' as const },
          { requestNo: 'YSQ-2025-000002', unitId: donggua.id, applicantType: 'business' as const, receivedOn: '2024-12-01', closedOn: null, outcome: null },
        ].filter((f) => q.unitIds.includes(f.unitId)),
      }),
      fees: async () => ({ available: true, facts: [] }),
      records: async () => ({ available: true, facts: [] }),
    });
    const gen = await generateReport(t.core, systemActor, { unit: finance, year: 2025 });
    assert.ok(gen.ok);
    const entered = emptyEntered();
    entered.s2.decisions = { licensing: 120, penalty: 4, enforcement: 0 };
    entered.s2.feesWanYuan = '3.5';
    const saved = await saveEntry(t.core, systemActor, gen.report, finance, gen.report.version, entered);
    assert.ok(saved.ok);
    const texts = await saveTexts(t.core, systemActor, saved.report, finance, saved.report.version, {
      overview: '（一）主动公开\n本年度主动公开政府信息326条。',
      problems: '（一）存在的主要问题\n政策解读不够通俗。\n（二）改进情况\n增加图解。',
      other: '（一）收取信息处理费情况\n本年度未收取信息处理费。',
    });
    assert.ok(texts.ok);
    const pub = await publishReport(t.core, systemActor, texts.report, finance, texts.report.version);
    assert.ok(pub.ok, JSON.stringify(!pub.ok && pub.reasons));
    // A hand-entered draft with failing checks, for the flagged cells.
    const manual = await createManualReport(t.core, systemActor, finance, 2023);
    assert.ok(manual.ok);
    const unbalanced = emptyEntered();
    unbalanced.s3 = zeroS3();
    unbalanced.s3.new.person = 3;
    unbalanced.s3.new.total = 3;
    unbalanced.s4 = zeroS4();
    unbalanced.s4.review.total = 1;
    assert.ok((await saveEntry(t.core, systemActor, manual.report, finance, manual.report.version, unbalanced)).ok);
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
      for (const path of ['/openness/finance/annual-reports', '/openness/finance/annual-reports/2025', '/openness/finance']) {
        const res = await page.goto(base + path);
        assert.equal(res?.status(), 200, path);
        await assertAccessible(page, path);
      }
      await page.goto(`${base}/staff/login?next=${encodeURIComponent('/staff/annual-reports/finance/2025')}`);
      await page.getByLabel('账号').fill('czj_editor');
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      assert.equal(new URL(page.url()).pathname, '/staff/annual-reports/finance/2025');
      await assertAccessible(page, 'published report (staff)');
      for (const path of [
        '/staff/annual-reports/finance',
        '/staff/annual-reports/finance/2025/cells/s3.granted.person',
        '/staff/annual-reports/finance/2023',
        '/staff/annual-reports/finance/2023/entry',
        '/staff/annual-reports/finance/2023/text',
        '/staff/annual-reports/finance/cases',
        '/staff/annual-reports/finance/cases/new',
      ]) {
        await page.goto(base + path);
        await assertAccessible(page, path);
      }
      await page.getByRole('button', { name: '保存' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /请选择案件类型/);
      await assertAccessible(page, 'case form with errors');
    } finally {
      await context.close();
    }
  });

  it('enters a past year by hand and shows failing checks, with JavaScript off (no axe: it needs JavaScript)', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/staff/login?next=${encodeURIComponent('/staff/annual-reports/finance')}`);
      await page.getByLabel('账号').fill('czj_editor');
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByLabel('补录年度').selectOption('2024');
      await page.getByRole('button', { name: '开始补录' }).click();
      assert.equal(new URL(page.url()).pathname, '/staff/annual-reports/finance/2024/entry');
      await page.getByLabel('表二「行政许可·本年处理决定数量」').fill('abc');
      await page.getByLabel('表三「一、本年新收政府信息公开申请数量」行「自然人」列').fill('5');
      await page.getByRole('button', { name: '保存' }).click();
      assert.match(await page.locator('.error-summary').innerText(), /表二「行政许可·本年处理决定数量」应为不小于0的整数/);
      assert.equal(await page.getByLabel('表三「一、本年新收政府信息公开申请数量」行「自然人」列').inputValue(), '5', 'input kept');
      await page.getByLabel('表二「行政许可·本年处理决定数量」').fill('98');
      await page.getByRole('button', { name: '保存' }).click();
      assert.equal(new URL(page.url()).pathname, '/staff/annual-reports/finance/2024');
      const checks = await page.locator('.check-list').innerText();
      assert.match(checks, /表三「自然人」列：/);
      assert.match(checks, /表三「一、本年新收政府信息公开申请数量」行「总计」列为0，但各类申请人之和为5/);
      assert.match(await page.locator('#cell-s3\\.new\\.person').getAttribute('class') ?? '', /cell-flagged/);
    } finally {
      await context.close();
    }
  });
});
