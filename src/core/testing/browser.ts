// Headless Debian Chromium driven by playwright-core (no browser download).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './prerequisites.ts';
import type { TestApp } from './index.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Starts the test app on a free loopback port and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return `http://127.0.0.1:${addr.port}`;
}

/** Scans the page with axe (WCAG 2.1 A and AA) and fails on serious or critical violations; returns the results. */
export async function assertAccessible(page: Page, label: string): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `${label}: serious/critical axe violations`,
  );
  return results;
}

/** Where browser tests save screenshots for people to look at (git-ignored). */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/**
 * Public pages as a citizen meets them: each answers 200; at 1280 px axe finds nothing serious; at 360 px
 * nothing scrolls sideways. A screenshot of each goes to SCREENSHOT_DIR as `<name>-desktop|phone.png`.
 */
export async function checkPublicPages(
  browser: Browser,
  base: string,
  pages: [name: string, url: string][],
  opts: { fullPage?: (name: string) => boolean; phoneWithoutJavaScript?: boolean } = {},
): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [width, tag] of [
    [1280, 'desktop'],
    [360, 'phone'],
  ] as const) {
    const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN', javaScriptEnabled: !(tag === 'phone' && opts.phoneWithoutJavaScript) });
    try {
      const page = await ctx.newPage();
      for (const [name, url] of pages) {
        const res = await page.goto(base + url);
        assert.equal(res?.status(), 200, url);
        if (tag === 'desktop') await assertAccessible(page, url);
        else {
          const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
          assert.ok(m.sw <= m.w, `${url} scrolls sideways at 360 px (${m.sw} > ${m.w})`);
        }
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${tag}.png`), fullPage: opts.fullPage?.(name) ?? true });
      }
    } finally {
      await ctx.close();
    }
  }
}
