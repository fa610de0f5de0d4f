// Pages must work without JavaScript (forms submit, then redirect), and with JavaScript on they must run
// cleanly under our Content-Security-Policy (no inline scripts or styles).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../src/core/testing/index.ts';
import { launchBrowser, listen } from '../../src/core/testing/browser.ts';
import { hashPassword } from '../../src/core/auth/password.ts';
import { staffUsers } from '../../src/core/db/schema.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await createTestApp();
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

describe('without JavaScript', () => {
  test('the 长者模式 switch submits, redirects back and is remembered', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(base + '/units/finance');
      assert.equal(await page.getAttribute('html', 'class'), null);
      const [res] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '长者模式', exact: true }).click()]);
      assert.equal(res?.url(), base + '/units/finance', 'redirected back to the same page');
      // The form submits to /preferences/elder-mode, which sets the cookie and redirects back (303).
      const first = res?.request().redirectedFrom();
      assert.ok(first, 'the switch answered with a redirect');
      assert.equal(new URL(first.url()).pathname, '/preferences/elder-mode');
      assert.equal((await first.response())?.status(), 303);
      assert.equal(await page.getAttribute('html', 'class'), 'elder');

      await page.goto(base + '/');
      assert.equal(await page.getAttribute('html', 'class'), 'elder', 'cookie kept on the next page');

      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '退出长者模式' }).click()]);
      assert.equal(page.url(), base + '/');
      assert.equal(await page.getAttribute('html', 'class'), null);
      assert.equal((await context.cookies()).find((c) => c.name === 'gk_elder'), undefined);
    } finally {
      await context.close();
    }
  });

  test('the sign-in form shows errors and signs in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(base + '/staff/login');
      await page.fill('#f-username', 'czj_editor');
      const [bad] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录', exact: true }).click()]);
      assert.equal(bad?.status(), 400);
      assert.match(await page.locator('.error-summary').innerText(), /请填写密码/);
      assert.equal(await page.inputValue('#f-username'), 'czj_editor');
      // site.js did not run (it would have focused the summary): JavaScript really is off.
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), false);

      await page.fill('#f-password', TEST_PASSWORD);
      await Promise.all([page.waitForURL(base + '/staff'), page.getByRole('button', { name: '登录', exact: true }).click()]);
      assert.equal(await page.locator('h1').innerText(), '后台首页');
      assert.ok((await context.cookies()).some((c) => c.name === 'gk_session' && c.httpOnly), 'session cookie set');
    } finally {
      await context.close();
    }
  });
});

describe('with JavaScript', () => {
  for (const path of ['/', '/units', '/staff/login']) {
    test(`${path} has no console errors, page errors or CSP violations`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      // Init scripts are injected by the browser, so the CSP does not block this listener.
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      try {
        const res = await page.goto(base + path);
        assert.equal(res?.status(), 200);
        assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
        await page.waitForLoadState('load');
        // site.js loaded and ran (same origin, deferred).
        assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/assets/js/site.js'))));
        const csp = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
        assert.deepEqual(csp, [], `CSP violations on ${path}`);
        assert.deepEqual(problems, [], `problems on ${path}`);
      } finally {
        await context.close();
      }
    });
  }

  test('the login page with errors runs site.js cleanly', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(base + '/staff/login');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录', exact: true }).click()]);
      await page.waitForLoadState('load');
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
      // The 400 response itself is logged by Chromium as a failed resource load; nothing else may be.
      assert.deepEqual(
        problems.filter((p) => !/status of 400/.test(p)),
        [],
      );
    } finally {
      await context.close();
    }
  });
});
