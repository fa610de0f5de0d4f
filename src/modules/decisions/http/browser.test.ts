// The public 决策公开, 执行公开 and 结果公开 pages in Chromium at 1280 and 360 px: no serious axe finding,
// no sideways scrolling on a phone, screenshots saved to test-results/screenshots/decisions-*.png. And
// the staff journey of a key task: the office enters it, its lead unit reports progress, the office
// publishes the report, the public sees it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, checkPublicPages, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';
import { seedDecisionsDemo } from '../demo/seed-demo.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  const root = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
  await seedDecisionsDemo(t.core, Number(root), '2026-11-26');
  await t.signIn('gkb'); // sets the test password
  await t.createStaff('sw_browser', 'water', ['editor']);
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

const code = async (sql: string) => String((await t.core.pool.query(sql)).rows[0].c);

async function signIn(page: Page, username: string, next: string) {
  await page.goto(`${base}/staff/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, next);
}

describe('决策公开 in a browser', { timeout: 400_000 }, () => {
  it('public pages are accessible and reflow at 360 px', async () => {
    const hearing = await code("SELECT public_code AS c FROM decisions_items WHERE title = '楚雄市城市公共交通票价调整方案'");
    const open = await code("SELECT public_code AS c FROM decisions_items WHERE title LIKE '%教育事业发展规划'");
    const task = await code("SELECT public_code AS c FROM decisions_tasks WHERE title = '完成12所农村学校校舍改造'");
    const proposal = await code("SELECT public_code AS c FROM decisions_proposals WHERE number = '0012'");
    const meeting = await code("SELECT public_code AS c FROM decisions_meetings WHERE name = '市人民政府第28次常务会议'");
    const parking = await code("SELECT public_code AS c FROM decisions_items WHERE title = '楚雄市城区停车设施建设和管理办法'");
    const closedSurvey = await code('SELECT public_code AS c FROM decisions_surveys LIMIT 1');
    const openSurvey = 'dcbrowseropen1';
    await t.core.pool.query(
      `INSERT INTO decisions_surveys (public_code, decision_id, title, intro, questions, opens_on, closes_on, created_by_name, created_at)
       SELECT $1, id, '城区公交票价调整实施效果调查', '匿名填写。', $2::jsonb, '2026-11-20', '2026-12-10', '市政务公开办', now() FROM decisions_items WHERE public_code = $3`,
      [openSurvey, JSON.stringify([{ kind: 'single', text: '您对票价调整后的公交服务是否满意？', options: ['满意', '基本满意', '不满意'] }, { kind: 'multiple', text: '您主要在什么时段乘车？', options: ['早高峰', '晚高峰', '平峰'] }, { kind: 'text', text: '您还有什么建议？', options: [] }]), hearing],
    );
    const pages: [string, string][] = [
      ['decisions-home', '/decisions'],
      ['decisions-catalog', '/decisions/catalog/2026'],
      ['decisions-dossier', `/decisions/items/${hearing}`],
      ['decisions-consultation', `/decisions/items/${open}`],
      ['decisions-work', '/decisions/work/2026'],
      ['decisions-task', `/decisions/work/tasks/${task}`],
      ['decisions-results', '/decisions/results/2026'],
      ['decisions-proposals', '/decisions/proposals/2026'],
      ['decisions-proposal', `/decisions/proposals/items/${proposal}`],
      ['decisions-supervision', '/decisions/supervision/2026'],
      ['decisions-meetings', '/decisions/meetings/2026'],
      ['decisions-meeting', `/decisions/meetings/items/${meeting}`],
      ['decisions-search', `/search?q=${encodeURIComponent('校舍改造')}`],
      ['decisions-survey-results', `/decisions/items/${parking}`],
      ['decisions-survey', `/decisions/surveys/${closedSurvey}`],
      ['decisions-survey-form', `/decisions/surveys/${openSurvey}`],
    ];
    await checkPublicPages(browser, base, pages);
  });

  it('a key task from the office’s form to a published progress report', async () => {
    const office = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const unit = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 } });
    try {
      office.setDefaultTimeout(8_000);
      unit.setDefaultTimeout(8_000);
      const page = await office.newPage();
      await signIn(page, 'gkb', '/staff/decisions');
      await page.getByRole('link', { name: '新增重点工作' }).click();
      assert.equal(new URL(page.url()).pathname, '/staff/decisions/tasks/new');
      await assertAccessible(page, 'new task form');
      await page.locator('#f-title').fill('建设城市应急备用水源');
      await page.locator('#f-leadUnitId').selectOption({ label: '楚雄市水务局' });
      await page.locator('#f-reportEveryDays').fill('0');
      await page.locator('#f-startsOn').fill('2026-11-01');
      await page.locator('#f-dueOn').fill('2026-10-31');
      await page.getByRole('button', { name: '保存并公开' }).click();
      const summary = await page.locator('.error-summary').innerText();
      assert.match(summary, /报告周期应为7到366之间的天数/);
      assert.match(summary, /完成时限不能早于开始日期（2026-11-01）/);
      assert.equal(await page.locator('#f-title').inputValue(), '建设城市应急备用水源');
      await assertAccessible(page, 'new task form with errors');
      assert.equal(await page.locator('#f-leadUnitId').inputValue(), await code("SELECT id AS c FROM units WHERE slug = 'water'"));
      await page.locator('#f-reportEveryDays').fill('30');
      await page.locator('#f-dueOn').fill('2026-12-31');
      await page.locator('#f-steps').fill('完成水源地选址\n建成取水泵站');
      await page.getByRole('button', { name: '保存并公开' }).click();
      assert.match(new URL(page.url()).pathname, /^\/staff\/decisions\/tasks\/zd[0-9a-f]{12}$/);
      const taskUrl = new URL(page.url()).pathname;
      await assertAccessible(page, 'staff task page');

      const phone = await unit.newPage();
      await signIn(phone, 'sw_browser', taskUrl);
      await phone.locator('#f-reportedOn').fill('2026-11-25');
      await phone.locator('#f-percent').fill('15');
      await phone.locator('#f-done').fill('完成水源地选址论证。');
      await phone.getByRole('button', { name: '报送，等待政务公开办审核' }).click();
      assert.match(await phone.locator('body').innerText(), /2026-11-25：15%，待审核/);
      const m = await phone.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
      assert.ok(m.sw <= m.w, `staff task page scrolls sideways at 360 px (${m.sw} > ${m.w})`);
      await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'decisions-staff-task-phone.png'), fullPage: true });

      await page.goto(`${base}/staff/decisions`);
      const review = page.locator('article', { hasText: '建设城市应急备用水源' });
      await review.getByLabel('公开', { exact: true }).check();
      await review.getByRole('button', { name: '提交审核结果' }).click();
      assert.match(await page.locator('body').innerText(), /进展报告已公开/);
      await assertAccessible(page, 'staff decisions home');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'decisions-staff-home-desktop.png'), fullPage: true });

      const proposal = await code("SELECT public_code AS c FROM decisions_proposals WHERE number = '0045'");
      const dossier = await code("SELECT public_code AS c FROM decisions_items WHERE title = '楚雄市城市公共交通票价调整方案'");
      const survey = await code('SELECT public_code AS c FROM decisions_surveys ORDER BY id LIMIT 1');
      for (const p of ['/staff/decisions/proposals', `/staff/decisions/proposals/${proposal}`, '/staff/decisions/findings', '/staff/decisions/meetings', `/staff/decisions/items/${dossier}`, `/staff/decisions/surveys/${survey}`]) {
        await page.goto(base + p);
        await assertAccessible(page, p);
      }

      const pub = await office.newPage();
      await pub.goto(`${base}/decisions/work/tasks/${taskUrl.split('/').pop()}`);
      const text = await pub.locator('main').innerText();
      assert.match(text, /2026-11-25：完成15%/);
      assert.match(text, /完成水源地选址\s+建成取水泵站/);
    } finally {
      await office.close();
      await unit.close();
    }
  });
});
