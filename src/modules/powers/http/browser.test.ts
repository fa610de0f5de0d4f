// The public pages in Chromium at 1280 and 360 px: no serious axe finding, no sideways scrolling on a
// phone, screenshots saved to test-results/screenshots/powers-*.png for people to look at.
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { checkPublicPages, launchBrowser, listen } from '../../../core/testing/browser.ts';
import { seedPowersDemo } from '../demo/seed-demo.ts';

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
});
