// axe-core scans (WCAG 2.1 A/AA) of the public pages and the sign-in page in a real Chromium.
// GB/T 37668-2019 and the 适老化 requirements for government sites build on WCAG 2.1 AA.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/core/testing/index.ts';
import { launchBrowser, listen } from '../../src/core/testing/browser.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp();
  base = await listen(t);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await t?.dispose();
});

/** Runs axe and fails with a readable list of serious/critical violations. */
async function assertNoSeriousViolations(page: Page, label: string): Promise<void> {
  // Legacy mode runs axe in the page itself (no extra blank page per scan): our pages have no iframes,
  // and it keeps the file well under 30 s.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  assert.ok(results.passes.length > 0, `${label}: axe ran no checks`);
  const minor = results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  for (const v of minor) console.log(`# ${label}: [${v.impact}] ${v.id} (${v.nodes.length}): ${v.help}`);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  assert.equal(bad.length, 0, `${label}: ${bad.length} serious/critical axe violation(s)\n${report}`);
}

async function fresh(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  return { context, page: await context.newPage() };
}

describe('axe scan (wcag2a, wcag2aa, wcag21a, wcag21aa)', () => {
  const pages: [string, number[]][] = [
    ['/', [200]],
    ['/units', [200]],
    ['/units/finance', [200]],
    ['/units/donggua', [200]],
    ['/sitemap', [200]],
    // Still being built elsewhere: scan whatever is served (the page or the 404 page).
    ['/calendar', [200]],
    ['/no-such-page', [404]],
    ['/staff/login', [200]],
  ];

  // One page for these scans: they set no cookies that matter, and a new context per page costs time.
  let shared: { context: BrowserContext; page: Page };
  before(async () => {
    shared = await fresh();
  });
  after(async () => {
    await shared?.context.close();
  });

  for (const [path, statuses] of pages) {
    test(`${path} has no serious or critical violations`, async (tc) => {
      const { page } = shared;
      const res = await page.goto(base + path);
      assert.ok(res && statuses.includes(res.status()), `${path} answered ${res?.status()}`);
      if (res.status() !== statuses[0]) tc.diagnostic(`${path} answered ${res.status()}`);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      await assertNoSeriousViolations(page, path);
    });
  }

  test('/staff/login with validation errors has no serious or critical violations', async () => {
    const { context, page } = await fresh();
    try {
      await page.goto(base + '/staff/login');
      const [res] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录', exact: true }).click()]);
      assert.equal(res?.status(), 400);
      assert.ok(await page.locator('.error-summary').isVisible());
      assert.match(await page.locator('.error-summary').innerText(), /请填写账号/);
      await assertNoSeriousViolations(page, '/staff/login (errors)');
    } finally {
      await context.close();
    }
  });

  test('/ in 长者模式 has no serious or critical violations, and the mode persists', async () => {
    const { context, page } = await fresh();
    try {
      await page.goto(base + '/');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), false);
      await page.getByRole('button', { name: '长者模式', exact: true }).click();
      await page.getByRole('button', { name: '退出长者模式' }).waitFor();
      assert.equal(page.url(), base + '/');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true);
      assert.equal(await page.getByRole('button', { name: '退出长者模式' }).getAttribute('aria-pressed'), 'true');
      const cookie = (await context.cookies()).find((c) => c.name === 'gk_elder');
      assert.equal(cookie?.value, '1');
      // Larger text: 21px root size.
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '21px');
      await assertNoSeriousViolations(page, '/ (长者模式)');

      await page.goto(base + '/units');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true, 'elder mode kept on the next page');
      await assertNoSeriousViolations(page, '/units (长者模式)');
    } finally {
      await context.close();
    }
  });
});
