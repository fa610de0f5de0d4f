// Screenshots at desktop and phone widths (saved for people to look at), with checks a machine can make:
// no sideways scrolling on a phone (WCAG 1.4.10 reflow), site name shown, Chinese drawn with a CJK font.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/core/testing/index.ts';
import { launchBrowser, listen } from '../../src/core/testing/browser.ts';

const OUT_DIR = path.resolve('test-results/screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  t = await createTestApp();
  base = await listen(t);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await t?.dispose();
});

/** The fonts Chromium actually used to draw the text of the first element matching the selector. */
async function platformFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

async function checkPage(page: Page, label: string, phone: boolean): Promise<void> {
  const m = await page.evaluate(() => {
    const name = document.querySelector('.site-name')!;
    const r = name.getBoundingClientRect();
    // A CJK font draws each Han character about 1em wide; a missing font gives narrow boxes or nothing.
    const probe = document.createElement('span');
    probe.textContent = '政务公开信息';
    probe.style.cssText = 'font-size:20px;position:absolute;white-space:nowrap;visibility:hidden';
    document.body.append(probe);
    const probeWidth = probe.getBoundingClientRect().width;
    probe.remove();
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      siteName: (name.textContent ?? '').trim(),
      nameRect: { left: r.left, right: r.right, width: r.width, height: r.height },
      probeWidth,
      fontFamily: getComputedStyle(document.body).fontFamily,
    };
  });
  if (phone) assert.ok(m.scrollWidth <= m.innerWidth, `${label}: scrolls sideways (scrollWidth ${m.scrollWidth} > ${m.innerWidth})`);
  assert.ok(m.siteName.length > 0, `${label}: no site name`);
  assert.ok(await page.locator('.site-name').isVisible(), `${label}: site name hidden`);
  assert.ok(m.nameRect.left >= 0 && m.nameRect.right <= m.innerWidth && m.nameRect.height > 0, `${label}: site name not fully on screen ${JSON.stringify(m.nameRect)}`);
  assert.ok(m.probeWidth > 0.8 * 20 * 6, `${label}: 6 Chinese characters at 20px are only ${m.probeWidth}px wide`);
  assert.match(m.fontFamily, /Noto Sans CJK SC/);
  const used = await platformFonts(page, 'h1');
  assert.ok(
    used.some((f) => /CJK|Han|Hei|Song|WenQuanYi/i.test(f)),
    `${label}: h1 drawn with ${used.join(', ') || 'no font'}, not a CJK font`,
  );
}

async function shoot(page: Page, file: string): Promise<void> {
  const target = path.join(OUT_DIR, file);
  await page.screenshot({ path: target, fullPage: true });
  const size = fs.statSync(target).size;
  assert.ok(size > 10 * 1024, `${file} is only ${size} bytes`);
}

const shots: { file: string; url: string; opts: BrowserContextOptions; phone: boolean }[] = [
  { file: 'home-desktop.png', url: '/', opts: DESKTOP, phone: false },
  { file: 'home-phone.png', url: '/', opts: PHONE, phone: true },
  { file: 'finance-phone.png', url: '/units/finance', opts: PHONE, phone: true },
];

for (const s of shots) {
  test(`${s.url} at ${s.phone ? 'phone' : 'desktop'} width → ${s.file}`, async () => {
    const context = await browser.newContext(s.opts);
    const page = await context.newPage();
    try {
      const res = await page.goto(base + s.url);
      assert.equal(res?.status(), 200);
      await page.evaluate(() => document.fonts.ready);
      await checkPage(page, s.file, s.phone);
      await shoot(page, s.file);
    } finally {
      await context.close();
    }
  });
}
