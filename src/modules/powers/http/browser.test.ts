// The public pages in Chromium at 1280 and 360 px: no serious axe finding, no sideways scrolling on a
// phone, screenshots saved to test-results/screenshots/powers-*.png for people to look at.
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import assert from 'node:assert/strict';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { waitForImportRun } from '../../../core/import-runs/run.ts';
import { writeListWorkbook } from '../import/write-list.ts';
import { postMultipart } from '../testing/multipart.ts';
import { assertAccessible, checkPublicPages, launchBrowser, listen } from '../../../core/testing/browser.ts';
import { departmentRows, seedPowersDemo } from '../demo/seed-demo.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  const root = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
  await seedPowersDemo(t.core, Number(root), () => {});
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('public 权责清单, 执法公示 and 办事服务 pages in a browser', () => {
  it('are accessible and reflow at 360 px', async () => {
    const one = async (sql: string) => String((await t.core.pool.query(sql)).rows[0].c);
    const decision = await one("SELECT public_code AS c FROM powers_decisions WHERE published_on IS NOT NULL AND withdrawn_on IS NULL AND kind = '行政处罚' LIMIT 1");
    const guide = await one("SELECT public_code AS c FROM powers_guides WHERE name = '食品经营许可'");
    const item = await one("SELECT i.public_code AS c FROM powers_items i JOIN units u ON u.id = i.unit_id WHERE u.slug = 'donggua' ORDER BY i.sort_order LIMIT 1");
    const pages: [string, string][] = [
      ['powers-home', '/powers'],
      ['powers-edition', '/powers/donggua'],
      ['powers-item', `/powers/items/${item}`],
      ['powers-changes', '/powers/donggua/changes'],
      ['powers-diff', '/powers/market-regulation/diff'],
      ['enforcement', '/enforcement'],
      ['enforcement-unit', '/enforcement/market-regulation'],
      ['enforcement-decision', `/enforcement/decisions/${decision}`],
      ['services', '/services'],
      ['services-guide', `/services/${guide}`],
      ['enforcement-statistics', '/enforcement/market-regulation/statistics/2025'],
      ['search-guide', `/search?q=${encodeURIComponent('食品经营许可')}`],
    ];
    await checkPublicPages(browser, base, pages, { fullPage: (name) => name !== 'powers-edition' });
  });

  it('staff 年度执法数据 form (with errors) and an import progress page are accessible at 1280 and 360 px', async () => {
    // A finished import run of the 市场监管局 to look at.
    const c = await t.signIn('gkb');
    const res = await postMultipart(t, c, '/staff/powers/market-regulation/import', '/staff/powers/market-regulation/import', { label: '2027年版', publishedOn: '2026-11-20', docNo: '' }, { name: '清单.xlsx', bytes: await writeListWorkbook('市场监管局权责清单', departmentRows()) });
    const code = /name="code" value="([^"]+)"/.exec(res.body)![1]!;
    const confirm = await c.submit('/staff/powers/market-regulation', '/staff/powers/market-regulation/import/confirm', { code });
    const runUrl = String(confirm.headers.location);
    await waitForImportRun(runUrl.split('/').pop()!);
    for (const [width, tag] of [
      [1280, 'desktop'],
      [360, 'phone'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/staff/login?next=${encodeURIComponent('/staff/powers/market-regulation/statistics/2025')}`);
        await page.getByLabel('账号').fill('gkb');
        await page.getByLabel('密码').fill(TEST_PASSWORD);
        await page.getByRole('button', { name: '登录', exact: true }).click();
        assert.equal(new URL(page.url()).pathname, '/staff/powers/market-regulation/statistics/2025');
        await page.getByLabel('开展行政检查次数（次）').fill('十二');
        await page.getByRole('button', { name: '保存' }).click();
        assert.match(await page.locator('.error-summary').innerText(), /开展行政检查次数应为不小于0的整数/);
        for (const [name, url] of [
          ['statistics-form-errors', null],
          ['import-run', runUrl],
        ] as const) {
          if (url) await page.goto(base + url);
          await assertAccessible(page, `${name} at ${width} px`);
          const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
          assert.ok(m.sw <= m.w, `${name} scrolls sideways at ${width} px (${m.sw} > ${m.w})`);
          await page.screenshot({ path: `test-results/screenshots/powers-${name}-${tag}.png`, fullPage: true });
        }
      } finally {
        await context.close();
      }
    }
  });
});
