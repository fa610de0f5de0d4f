// Search and record pages in a real Chromium: a search from the home page to a record, with axe scans
// (WCAG 2.1 AA) of every public page of records, and the same journey with JavaScript off.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, launchBrowser, listen } from '../../../core/testing/browser.ts';
import type { RecordRow } from '../data/repository.ts';
import { linkForTest, publishTestRecord } from '../testing/public-fixture.ts';

describe('search and record pages in a browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base = '';
  let policy: RecordRow;

  before(async () => {
    t = await createTestApp();
    const common = { unit: 'cangling', publisherName: '楚雄市苍岭镇人民政府', subject: '城乡建设、环境保护' };
    const day = (d: string) => ({ publishedOn: d, writtenOn: d, formedOn: d });
    policy = await publishTestRecord(t, {
      ...common,
      ...day('2026-11-24'),
      title: '苍岭镇农村生活污水治理设施运行管理办法',
      docNo: '苍政发〔2026〕3号',
      docType: 'normative',
      genre: '办法',
      generalColumn: 'policy',
      keywords: ['污水治理', '运行管理'],
      bodyHtml: '<h2>第一章 总则</h2><p>第一条 为加强农村生活污水治理设施运行管理，制定本办法。</p><table><caption>管护责任</caption><tr><th scope="col">设施</th><th scope="col">责任单位</th></tr><tr><td>村级污水处理站</td><td>村委会</td></tr></table>',
    });
    const interp = await publishTestRecord(t, { ...common, ...day('2026-11-24'), kind: 'interpretation', interpretationForm: 'graphic', title: '图解：苍岭镇农村生活污水治理设施运行管理办法', genre: '解读', generalColumn: 'policy' });
    await linkForTest(t, policy.id, interp.id);
    await publishTestRecord(t, { ...common, ...day('2026-11-20'), title: '苍岭镇召开污水治理设施运维培训会', genre: '新闻', generalColumn: 'news', bodyHtml: '<p>培训农村生活污水治理设施运维人员40名。</p>' });
    base = await listen(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('searches from the home page and opens a record; every page passes axe', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(base + '/');
      await assertAccessible(page, 'home with record sections');
      await page.getByLabel('检索政府信息').fill('污水治理');
      await page.getByRole('button', { name: '检索', exact: true }).first().click();
      assert.equal(new URL(page.url()).pathname, '/search');
      const first = page.locator('.search-results li').first();
      assert.equal(await first.locator('mark').first().innerText(), '污水治理');
      assert.match(await page.locator('[role="status"]').innerText(), /找到 3 条信息/);
      await assertAccessible(page, 'search results');
      await first.locator('h2 a').click();
      assert.equal(new URL(page.url()).pathname, `/records/${policy.indexNo}`);
      assert.equal(await page.locator('h1').innerText(), '苍岭镇农村生活污水治理设施运行管理办法');
      assert.equal(await page.locator('.record-meta td.index-no').innerText(), policy.indexNo);
      await assertAccessible(page, 'record page');
      await page.getByRole('link', { name: '图解：苍岭镇农村生活污水治理设施运行管理办法' }).click();
      await page.getByRole('link', { name: '苍岭镇农村生活污水治理设施运行管理办法' }).last().click();
      assert.equal(new URL(page.url()).pathname, `/records/${policy.indexNo}`);
      await page.getByRole('link', { name: '打印版' }).click();
      await assertAccessible(page, 'print view');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.no-print').first().isVisible(), false);
      await page.emulateMedia({ media: 'screen' });
      for (const path of ['/policy-library', '/columns/policies', '/records?unit=cangling', '/search?q=%E6%B1%A1%E6%B0%B4&year=2199', '/api/docs', `/openness/cangling`]) {
        const res = await page.goto(base + path);
        assert.ok(res && [200, 400].includes(res.status()), `${path}: ${res?.status()}`);
        await assertAccessible(page, path);
      }
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px phone: wide tables scroll in a named, focusable region, the page never sideways', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      const item = await t.core.pool.query(`SELECT code FROM catalog_items ORDER BY id LIMIT 1`);
      for (const path of [`/records/${policy.indexNo}`, '/openness/cangling/catalog', `/openness/items/${String(item.rows[0].code)}`]) {
        await page.goto(base + path);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path}: the page scrolls sideways`);
        for (const wrap of await page.locator('.table-wrap').all()) {
          assert.equal(await wrap.getAttribute('role'), 'region', path);
          assert.equal(await wrap.getAttribute('tabindex'), '0', path);
          assert.ok(await wrap.getAttribute('aria-label'), `${path}: a table region without a name`);
        }
        await assertAccessible(page, `${path} at 360 px`);
      }
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(base + '/search');
      await page.getByLabel('关键词或文号').fill('苍政发[2026]3号');
      await page.getByRole('button', { name: '检索', exact: true }).click();
      const first = page.locator('.search-results li').first();
      assert.match(await first.innerText(), /苍岭镇农村生活污水治理设施运行管理办法[\s\S]*文号匹配/);
      await page.getByLabel('发布单位').selectOption('cangling');
      await page.getByLabel('文件类型').selectOption('normative');
      await page.getByRole('button', { name: '检索', exact: true }).click();
      assert.match(await page.locator('[role="status"]').innerText(), /找到 1 条信息/);
    } finally {
      await context.close();
    }
  });
});
