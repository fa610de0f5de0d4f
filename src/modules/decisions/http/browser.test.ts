// The public 决策公开, 执行公开 and 结果公开 pages in Chromium at 1280 and 360 px: no serious axe finding,
// no sideways scrolling on a phone, screenshots saved to test-results/screenshots/decisions-*.png.
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { checkPublicPages, launchBrowser, listen } from '../../../core/testing/browser.ts';
import { seedDecisionsDemo } from '../demo/seed-demo.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  const root = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
  await seedDecisionsDemo(t.core, Number(root), '2026-11-26');
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('public 决策公开 pages in a browser', () => {
  it('are accessible and reflow at 360 px', async () => {
    const code = async (sql: string) => String((await t.core.pool.query(sql)).rows[0].c);
    const hearing = await code("SELECT public_code AS c FROM decisions_items WHERE title = '楚雄市城市公共交通票价调整方案'");
    const open = await code("SELECT public_code AS c FROM decisions_items WHERE title LIKE '%教育事业发展规划'");
    const task = await code("SELECT public_code AS c FROM decisions_tasks WHERE title = '龙川江水质稳定达到Ⅲ类'");
    const pages: [string, string][] = [
      ['decisions-home', '/decisions'],
      ['decisions-catalog', '/decisions/catalog/2026'],
      ['decisions-dossier', `/decisions/items/${hearing}`],
      ['decisions-consultation', `/decisions/items/${open}`],
      ['decisions-work', '/decisions/work/2026'],
      ['decisions-task', `/decisions/work/tasks/${task}`],
      ['decisions-results', '/decisions/results/2026'],
    ];
    await checkPublicPages(browser, base, pages);
  });
});
