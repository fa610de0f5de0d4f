// The print edition: a 40-page issue printed by headless Chromium, checked as a reader of the PDF would.
import type {} from 'playwright-core';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractText } from '../../../core/files/extract-text.ts';
import { PAGE, printDocument } from './layout.ts';
import { closePrintBrowser, destinationPages, pdfPagesOf, printBrowserStarts, printIssue } from './print.ts';
import { bigIssue } from './fixture.ts';

describe('the PDF of an issue (GB/T 9704 layout, headless Chromium)', () => {
  after(closePrintBrowser);

  it('prints on one warm browser and does not print the same contents twice', { timeout: 120_000 }, async () => {
    await closePrintBrowser();
    const starts = printBrowserStarts();
    const a = await printIssue(bigIssue(4, 2));
    const b = await printIssue({ ...bigIssue(4, 2), label: '2025年第4期（总第28期）' });
    assert.equal(printBrowserStarts(), starts + 1, 'one browser start for two prints');
    assert.notEqual(a.pdf, b.pdf);
    assert.equal(await printIssue(bigIssue(4, 2)), a, 'the same contents come from the cache');
    await closePrintBrowser();
    await printIssue({ ...bigIssue(4, 2), label: '2025年第5期（总第29期）' });
    assert.equal(printBrowserStarts(), starts + 2, 'a closed browser is started again');
  });

  it('prints 40 pages on A4 with the margins, embedded subset fonts, selectable text and a contents that matches', { timeout: 120_000 }, async () => {
    const issue = bigIssue();
    const started = Date.now();
    const printed = await printIssue(issue);
    const ms = Date.now() - started;
    assert.ok(printed.pages >= 40, `at least 40 pages (${printed.pages})`);

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const doc = await pdfjs.getDocument({ data: new Uint8Array(printed.pdf), cMapUrl: path.join(root, 'cmaps/'), cMapPacked: true, useSystemFonts: false }).promise;
    const mm = (pt: number) => (pt * 25.4) / 72;
    // A4 on every page.
    for (let i = 1; i <= doc.numPages; i++) {
      const [, , w, h] = (await doc.getPage(i)).view as number[];
      assert.ok(Math.abs(mm(w!) - 210) < 0.5 && Math.abs(mm(h!) - 297) < 0.5, `page ${i} is A4 (${mm(w!).toFixed(1)} × ${mm(h!).toFixed(1)} mm)`);
    }
    // Margins: on a full page of body text, text starts 28 mm from the left and 37 mm from the top
    // (the first line's ascent sits below that edge), and stays inside the 156 × 225 mm 版心.
    const body = await doc.getPage(printed.starts.get(1)! + 1);
    const items = (await body.getTextContent()).items.filter((x) => 'str' in x && x.str.trim()) as { str: string; transform: number[]; height: number }[];
    const xs = items.map((x) => mm(x.transform[4]!));
    const tops = items.map((x) => 297 - mm(x.transform[5]! + x.height));
    const bottoms = items.filter((x) => !/[—\d]/.test(x.str)).map((x) => 297 - mm(x.transform[5]!));
    assert.ok(Math.abs(Math.min(...xs) - PAGE.leftMm) < 1, `left margin ${Math.min(...xs).toFixed(1)} mm`);
    assert.ok(Math.max(...xs) < 210 - PAGE.rightMm, 'text stays left of the right margin');
    assert.ok(Math.min(...tops) >= PAGE.topMm - 0.5 && Math.min(...tops) < PAGE.topMm + 10, `top margin ${Math.min(...tops).toFixed(1)} mm`);
    assert.ok(Math.max(...bottoms) <= 297 - PAGE.bottomMm + 0.5, `bottom of the text ${Math.max(...bottoms).toFixed(1)} mm`);
    // Page number "— n —" in the bottom margin, its top about 7 mm below the 版心.
    const folio = items.filter((x) => /^\d+$/.test(x.str.trim()) && 297 - mm(x.transform[5]!) > 297 - PAGE.bottomMm);
    assert.equal(folio.length, 1, 'one page number at the foot');
    await doc.destroy();

    // Fonts: every font in the file is embedded and subset (the ABCDEF+ prefix of the PDF specification).
    // Chromium's PDF backend (Skia) writes the CFF-outlined Noto CJK faces as Type 3 fonts: the glyph
    // outlines used, with a ToUnicode map for selecting and searching the text.
    const raw = printed.pdf.toString('latin1');
    const fontNames = [...raw.matchAll(/\/FontName\s*\/([^\s/>]+)/g)].map((m) => m[1]!);
    assert.ok(fontNames.length > 0 && fontNames.every((n) => /^[A-Z]{6}\+/.test(n)), `subset fonts: ${fontNames.join(', ')}`);
    assert.ok(fontNames.some((n) => /NotoSerifCJK/.test(n)), 'the 仿宋 substitute Noto Serif CJK SC is embedded');
    const fonts = [...raw.matchAll(/<<\/Type \/Font\s*\/Subtype \/(\w+)/g)].map((m) => m[1]);
    assert.ok(fonts.length > 0 && fonts.every((f) => f === 'Type3' || f === 'Type0' || f === 'CIDFontType2' || f === 'CIDFontType0'), `no unembedded base fonts: ${[...new Set(fonts)].join(', ')}`);
    assert.match(raw, /\/ToUnicode/);

    // The contents page numbers are the pages where the articles start; every title reads back.
    const again = printDocument(issue, printed.starts);
    for (const a of issue.sections.flatMap((s) => s.articles)) assert.match(again, new RegExp(`href="#a-${a.seq}".*?<span class="n">\\s*${printed.starts.get(a.seq)}<`));
    // The quick reader of the file agrees with pdf.js.
    assert.deepEqual(destinationPages(printed.pdf), await pdfPagesOf(printed.pdf));
    const starts = [...printed.starts.values()];
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'articles in contents order');
    assert.ok(printed.starts.get(1)! >= 3, 'after the cover and the contents');
    const text = (await extractText('pdf', printed.pdf)).replace(/\s+/g, '');
    for (const a of issue.sections.flatMap((s) => s.articles)) assert.ok(text.includes(a.title), `title reads back: ${a.title}`);
    assert.ok(text.includes(`—${printed.starts.get(16)}—`) || text.includes(String(printed.starts.get(16))), 'page numbers are text');
    console.log(`# gazette PDF: ${printed.pages} pages in ${ms} ms`);
  });
});
