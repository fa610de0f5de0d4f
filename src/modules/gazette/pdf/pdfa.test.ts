// The archival copy of an issue: PDF/A-2b by Ghostscript, checked in the file itself — the XMP
// identification, the sRGB output intent, every font embedded, the same pages and every title readable.
import type {} from 'playwright-core';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from '../../../core/files/extract-text.ts';
import { bigIssue } from './fixture.ts';
import { closePrintBrowser, printIssue } from './print.ts';
import { toPdfA } from './pdfa.ts';

describe('the PDF/A copy of an issue (Ghostscript pdfwrite)', () => {
  after(closePrintBrowser);

  it('declares PDF/A-2b in its XMP metadata with an sRGB output intent, and keeps the pages and the text', { timeout: 180_000 }, async () => {
    const issue = bigIssue(8, 3);
    const printed = await printIssue(issue);
    const pdfa = await toPdfA(printed.pdf);
    const raw = pdfa.toString('latin1');
    assert.match(raw, /^%PDF-1\.7/);
    // The identification schema PDF/A readers check (ISO 19005-2 §6.6.4), in the XMP metadata stream.
    assert.match(raw, /<x:xmpmeta[\s\S]*pdfaid:part='2'[\s\S]*<\/x:xmpmeta>/);
    assert.match(raw, /pdfaid:conformance='B'/);
    assert.match(raw, /\/Type\s*\/Metadata\s*\/Subtype\s*\/XML|\/Subtype\s*\/XML\s*\/Type\s*\/Metadata/);
    assert.match(raw, /\/S\s*\/GTS_PDFA1/);
    assert.match(raw, /\/OutputConditionIdentifier\s*\(sRGB\)/);
    assert.match(raw, /\/DestOutputProfile\s+\d+ 0 R/);
    // Every font embedded (no bare base-14 font), nothing PDF/A forbids.
    const fonts = [...raw.matchAll(/\/Subtype\s*\/(Type1|TrueType|Type3|Type0|CIDFontType0|CIDFontType2)\b/g)].map((m) => m[1]);
    assert.ok(fonts.length > 0);
    assert.doesNotMatch(raw, /\/BaseFont\s*\/(Helvetica|Times-Roman|Courier)\b/);
    assert.doesNotMatch(raw, /\/JavaScript|\/Encrypt/);
    const count = (b: Buffer) => [...b.toString('latin1').matchAll(/\/Type\s*\/Page\b(?!s)/g)].length;
    assert.equal(count(pdfa), printed.pages);
    const text = (await extractText('pdf', pdfa)).replace(/\s+/g, '');
    for (const a of issue.sections.flatMap((s) => s.articles)) assert.ok(text.includes(a.title), `title reads back: ${a.title}`);
    // Made once per printed file.
    assert.equal(await toPdfA(printed.pdf), pdfa);
  });
});
