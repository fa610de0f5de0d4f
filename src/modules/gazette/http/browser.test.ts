// The public electronic edition in Chromium at 1280 and 360 px: no serious axe finding, no sideways
// scrolling on a phone; screenshots of the column, an issue, an article and the PDF's first three
// pages (drawn by pdf.js in the browser) saved to test-results/screenshots/gazette-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_PASSWORD, textOf, type TestApp } from '../../../core/testing/index.ts';
import { assertAccessible, checkPublicPages, launchBrowser, listen, SCREENSHOT_DIR } from '../../../core/testing/browser.ts';
import { seedGazetteDemo, seedGazetteScansDemo } from '../seed.ts';

const OUT = SCREENSHOT_DIR;
let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  const root = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
  await seedGazetteDemo(t.core, Number(root));
  await seedGazetteScansDemo(t.core, Number(root));
  base = await listen(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('public 政府公报 pages in a browser', () => {
  it('are accessible, reflow at 360 px, and the PDF looks like print', { timeout: 300_000 }, async () => {
    const issues = (await t.core.pool.query("SELECT year, number FROM gazette_issues WHERE state = 'released' ORDER BY overall DESC")).rows as { year: number; number: number }[];
    assert.ok(issues.length >= 2, `released demo issues (${issues.length})`);
    const latest = issues[0]!;
    const pages: [string, string][] = [
      ['gazette-home', '/gazette'],
      ['gazette-year', `/gazette/${latest.year}`],
      ['gazette-issue', `/gazette/${latest.year}/${latest.number}`],
      ['gazette-article', `/gazette/${latest.year}/${latest.number}/1`],
      ['gazette-search', `/gazette/search?q=${encodeURIComponent('楚雄市')}`],
    ];
    await checkPublicPages(browser, base, pages, { phoneWithoutJavaScript: true });

    // The PDF, drawn page by page by pdf.js inside the browser.
    const pdf = await fetch(`${base}/gazette/${latest.year}/${latest.number}/pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const ctx = await browser.newContext({ viewport: { width: 900, height: 1300 } });
    const page = await ctx.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    // A string, not a function: the test's TypeScript transform would add helpers the page lacks.
    const draw = `(async (lib, worker, data) => {
      const url = (src) => URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
      const pdfjs = await import(url(lib));
      pdfjs.GlobalWorkerOptions.workerSrc = url(worker);
      const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const doc = await pdfjs.getDocument({ data: bin }).promise;
      for (let i = 1; i <= Math.min(3, doc.numPages); i++) {
        const p = await doc.getPage(i);
        const viewport = p.getViewport({ scale: 1.4 });
        const canvas = document.createElement('canvas');
        canvas.id = 'pdf-page-' + i;
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        document.body.append(canvas);
        await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
      }
      return doc.numPages;
    })(${JSON.stringify(fs.readFileSync(path.join(root, 'build/pdf.min.mjs'), 'utf8'))}, ${JSON.stringify(fs.readFileSync(path.join(root, 'build/pdf.worker.min.mjs'), 'utf8'))}, ${JSON.stringify(bytes.toString('base64'))})`;
    const numPages = (await page.evaluate(draw)) as number;
    assert.ok(numPages >= 3, `the PDF has a cover, contents and articles (${numPages} pages)`);
    for (let i = 1; i <= 3; i++) await page.locator(`#pdf-page-${i}`).screenshot({ path: path.join(OUT, `gazette-pdf-page-${i}.png`) });
    await ctx.close();
    // The second request serves the kept PDF of the released issue.
    const again = Buffer.from(await (await fetch(`${base}/gazette/${latest.year}/${latest.number}/pdf`)).arrayBuffer());
    assert.ok(again.equals(bytes), 'a released issue keeps one PDF');
  });
});

describe('scanned past issues in a browser', () => {
  it('the public scan page and the staff scan pages are accessible at 1280 px and reflow at 360 px', { timeout: 300_000 }, async () => {
    // The OCR job (started with the server) reads the demo scans; wait so the text stands beside each image.
    for (let i = 0; i < 600; i++) {
      const { rows } = await t.core.pool.query("SELECT count(*)::int AS n FROM gazette_scans WHERE ocr_state IN ('queued', 'running')");
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const scan = (await t.core.pool.query('SELECT id, ocr_state FROM gazette_scans WHERE year = 2024 AND number = 11')).rows[0];
    assert.ok(scan, 'the demo scan 2024年第11期');
    await checkPublicPages(browser, base, [['gazette-scan-issue', '/gazette/2024/11']], { phoneWithoutJavaScript: true });
    // Each demo scan is one page image; the staff list counts the pages of each scan.
    const listed = await t.signIn('gkb').then((c) => c.get('/staff/gazette/scans'));
    assert.match(textOf(listed.body), /2024年第11期（总第59期） 1 /);

    for (const [width, tag] of [
      [1280, 'desktop'],
      [360, 'phone'],
    ] as const) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
      try {
        const page = await ctx.newPage();
        await page.goto(`${base}/staff/login?next=${encodeURIComponent('/staff/gazette/scans')}`);
        await page.getByLabel('账号').fill('gkb');
        await page.getByLabel('密码').fill(TEST_PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL(/\/staff\/gazette\/scans$/);
        for (const [name, url] of [
          ['gazette-staff-scans', '/staff/gazette/scans'],
          ['gazette-staff-scan', `/staff/gazette/scans/${scan.id}`],
        ] as const) {
          const res = await page.goto(base + url);
          assert.equal(res?.status(), 200, url);
          if (tag === 'desktop') await assertAccessible(page, url);
          else {
            const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
            assert.ok(m.sw <= m.w, `${url} scrolls sideways at 360 px (${m.sw} > ${m.w})`);
          }
          await page.screenshot({ path: path.join(OUT, `${name}-${tag}.png`), fullPage: true });
        }
      } finally {
        await ctx.close();
      }
    }
  });
});
