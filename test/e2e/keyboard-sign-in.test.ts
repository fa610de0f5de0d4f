// Signing in with the keyboard only (WCAG 2.1.1 keyboard, 2.4.1 bypass blocks, 2.4.7 focus visible).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../src/core/testing/index.ts';
import { launchBrowser, listen } from '../../src/core/testing/browser.ts';
import { hashPassword } from '../../src/core/auth/password.ts';
import { staffUsers } from '../../src/core/db/schema.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp();
  // Like TestApp.signIn: a known password and no forced change, so sign-in lands on the back office.
  await t.core.db
    .update(staffUsers)
    .set({ passwordHash: await hashPassword(TEST_PASSWORD), mustChangePassword: false })
    .where(eq(staffUsers.username, 'czj_editor'));
  base = await listen(t);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await t?.dispose();
});

interface Focused {
  tag: string;
  id: string;
  text: string;
  className: string;
  outlineStyle: string;
  boxShadow: string;
  rect: { left: number; top: number; right: number; bottom: number };
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim(),
      className: el.className,
      outlineStyle: cs.outlineStyle,
      boxShadow: cs.boxShadow,
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    };
  });
}

/** Presses Tab until the element with this id has focus; returns what was passed on the way. */
async function tabTo(page: Page, id: string, max = 15): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(f);
    if (f.id === id) return seen;
  }
  assert.fail(`#${id} not reached after ${max} Tabs: ${seen.map((f) => `${f.tag}#${f.id}「${f.text}」`).join(' → ')}`);
}

function hasFocusIndicator(f: Focused): boolean {
  return f.outlineStyle !== 'none' || f.boxShadow !== 'none';
}

test('signs in with the keyboard only and lands on the back office', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(base + '/staff/login');

    // First Tab: the skip link, shown on screen while focused.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    assert.equal(skip.tag, 'a');
    assert.equal(skip.text, '跳到主要内容');
    assert.ok(skip.rect.left >= 0 && skip.rect.top >= 0 && skip.rect.right <= 1280 && skip.rect.bottom <= 800, `skip link off screen: ${JSON.stringify(skip.rect)}`);
    assert.ok(skip.rect.right - skip.rect.left > 20, 'skip link has a visible size');
    assert.ok(hasFocusIndicator(skip), 'skip link shows focus');

    const path = await tabTo(page, 'f-username');
    assert.ok(path.length <= 4, `too many stops before 账号: ${path.map((f) => f.text || f.id).join(' → ')}`);
    const user = await focused(page);
    assert.ok(hasFocusIndicator(user), `no focus indicator on 账号: outline ${user.outlineStyle}, box-shadow ${user.boxShadow}`);
    await page.keyboard.type('czj_editor');

    await page.keyboard.press('Tab');
    const pass = await focused(page);
    assert.equal(pass.id, 'f-password');
    assert.ok(hasFocusIndicator(pass), `no focus indicator on 密码: outline ${pass.outlineStyle}, box-shadow ${pass.boxShadow}`);
    await page.keyboard.type(TEST_PASSWORD);

    await Promise.all([page.waitForURL(base + '/staff'), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').innerText(), '后台首页');
    assert.match(await page.locator('main').innerText(), /张信息（财政局信息员），您好/);
    assert.ok(await page.getByRole('button', { name: '退出登录' }).isVisible());
  } finally {
    await context.close();
  }
});

test('a wrong password moves focus to the error summary and keeps the 账号', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await page.goto(base + '/staff/login');
    await tabTo(page, 'f-username');
    await page.keyboard.type('czj_editor');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password-1');
    const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(res?.status(), 401);
    await page.waitForLoadState('load'); // site.js runs on DOMContentLoaded

    const f = await focused(page);
    assert.match(f.className, /error-summary/, `focus is on ${f.tag}#${f.id}.${f.className}`);
    assert.match(await page.locator('.error-summary').innerText(), /账号或密码不正确（再错4次将暂停登录）/);
    assert.equal(await page.inputValue('#f-username'), 'czj_editor');
    assert.equal(await page.inputValue('#f-password'), '');
    assert.equal(await page.getAttribute('#f-password', 'aria-invalid'), 'true');

    // The summary's link leads to the field by keyboard.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, '账号或密码不正确（再错4次将暂停登录）');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#f-password');
  } finally {
    await context.close();
  }
});
