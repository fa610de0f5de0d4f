// Prints an issue to PDF with headless Chromium (the Debian `chromium` package, driven by playwright-core;
// see docs/adr/0007-gazette-pdf-with-headless-chromium.md): fonts embedded and subset, text selectable,
// contents linked to the articles. Two passes: the first finds on which page each article starts (from
// the PDF's named destinations, read by pdf.js), the second prints those numbers in the contents.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { chromium, type Browser, type Page } from 'playwright-core';
import { printDocument, type PrintIssue } from './layout.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export class PdfUnavailableError extends Error {
  constructor() {
    super(`无法生成PDF：服务器没有安装 Chromium（${CHROMIUM_PATH}），请联系系统管理员安装 chromium 和 fonts-noto-cjk。`);
  }
}

export function pdfAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

const require = createRequire(import.meta.url);

/**
 * The page (1-based) of each named destination a-<seq> and the number of pages, read straight from the
 * file Chromium writes (PDF 1.4: plain objects, a /Dests dictionary, a /Pages tree); null when the file
 * is laid out otherwise.
 */
export function destinationPages(pdf: Buffer): { pages: number; starts: Map<number, number> } | null {
  const s = pdf.toString('latin1');
  const offsets = new Map<number, number>();
  for (const m of s.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) offsets.set(Number(m[1]), m.index! + m[0].length);
  const dict = (n: number): string => {
    const at = offsets.get(n);
    if (at === undefined) return '';
    const end = s.indexOf('endobj', at);
    const body = s.slice(at, end < 0 ? undefined : end);
    const stream = body.indexOf('stream');
    return stream < 0 ? body : body.slice(0, stream);
  };
  const catalogAt = s.search(/\/Type\s*\/Catalog\b/);
  if (catalogAt < 0) return null;
  const catalog = s.slice(catalogAt, s.indexOf('endobj', catalogAt));
  const pagesRef = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (!pagesRef || !destsRef) return null;
  const order: number[] = [];
  const walk = (n: number, depth: number) => {
    const d = dict(n);
    if (depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(d)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(d)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(d)) order.push(n);
  };
  walk(Number(pagesRef), 0);
  if (!order.length) return null;
  const index = new Map(order.map((n, i) => [n, i + 1]));
  const starts = new Map<number, number>();
  for (const m of dict(Number(destsRef)).matchAll(/\/a-(\d+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = index.get(Number(m[2]));
    if (page) starts.set(Number(m[1]), page);
  }
  return { pages: order.length, starts };
}

/** The same as destinationPages, read by pdf.js (slower; for files laid out otherwise, and for tests). */
export async function pdfPagesOf(pdf: Buffer): Promise<{ pages: number; starts: Map<number, number> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), cMapUrl: path.join(root, 'cmaps/'), cMapPacked: true, standardFontDataUrl: path.join(root, 'standard_fonts/'), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const dests = (await doc.getDestinations()) as Record<string, unknown[]>;
    const starts = new Map<number, number>();
    for (const [name, dest] of Object.entries(dests)) {
      const m = /^a-(\d+)$/.exec(name);
      if (m && dest?.[0]) starts.set(Number(m[1]), (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
    }
    return { pages: doc.numPages, starts };
  } finally {
    await doc.destroy();
  }
}

export interface PrintedIssue {
  pdf: Buffer;
  pages: number;
  /** Page where each article (by seq) starts, as printed in the contents. */
  starts: Map<number, number>;
}

/**
 * One Chromium kept warm between prints: starting it and opening a page cost more than printing a
 * 40-page issue. Its life is bounded — closed after IDLE_MS without a print and replaced after
 * MAX_PRINTS prints or MAX_AGE_MS — so a leaking or stuck browser does not live on. Prints take turns
 * on its one page (the machine has few cores; two prints at once are no faster than one after another).
 */
export const WARM = { IDLE_MS: 60_000, MAX_AGE_MS: 30 * 60_000, MAX_PRINTS: 200 };

interface Warm {
  browser: Browser;
  page: Page;
  startedAt: number;
  prints: number;
}

let warm: Promise<Warm> | null = null;
let current: Warm | null = null;
let launches = 0;
let idleTimer: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();

async function launch(): Promise<Warm> {
  launches++;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const mine: Warm = { browser, page: await browser.newPage(), startedAt: Date.now(), prints: 0 };
  // A browser that crashed or was killed is started afresh on the next print.
  browser.on('disconnected', () => {
    if (warm && current === mine) {
      warm = null;
      current = null;
    }
  });
  return mine;
}

/** Closes the warm browser (at shutdown, and in tests); the next print starts a new one. */
export async function closePrintBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const w = warm;
  warm = null;
  current = null;
  if (w) await w.then((x) => x.browser.close()).catch(() => undefined);
}

/** Runs `job` on the warm page, one print at a time. */
function withPage<T>(job: (page: Page) => Promise<T>): Promise<T> {
  const run = async () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (current && (Date.now() - current.startedAt > WARM.MAX_AGE_MS || current.prints >= WARM.MAX_PRINTS || !current.browser.isConnected())) await closePrintBrowser();
    if (!warm) {
      warm = launch();
      warm.catch(() => {
        warm = null;
      });
    }
    const w = (current = await warm);
    w.prints++;
    try {
      return await job(w.page);
    } finally {
      idleTimer = setTimeout(() => void closePrintBrowser(), WARM.IDLE_MS);
      idleTimer.unref();
    }
  };
  const p = queue.then(run, run);
  queue = p.catch(() => undefined);
  return p;
}

/** How many times a print browser was started (for tests of the warm browser). */
export function printBrowserStarts(): number {
  return launches;
}

// Printed issues by the hash of what was printed: a proof fetched again unchanged is not printed again.
const printed = new LRUCache<string, PrintedIssue>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (p) => p.pdf.length || 1 });

export function printKey(issue: PrintIssue): string {
  return crypto.createHash('sha256').update(JSON.stringify(issue)).digest('hex');
}

export async function printIssue(issue: PrintIssue): Promise<PrintedIssue> {
  if (!pdfAvailable()) throw new PdfUnavailableError();
  const key = printKey(issue);
  const hit = printed.get(key);
  if (hit) return hit;
  const result = await withPage(async (page) => {
    // The first pass only finds the pages: no structure tree or bookmarks, which cost time.
    const print = async (starts?: Map<number, number>) => {
      await page.setContent(printDocument(issue, starts), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => undefined)');
      const final = starts !== undefined;
      return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: final, outline: final }));
    };
    const read = async (pdf: Buffer) => destinationPages(pdf) ?? (await pdfPagesOf(pdf));
    let starts = (await read(await print())).starts;
    // The contents keep their length (the placeholder is as wide as any number), so one more pass
    // normally confirms the pages; a second correction covers the rare case where it does not.
    for (let pass = 0; pass < 3; pass++) {
      const pdf = await print(starts);
      const found = await read(pdf);
      if ([...starts].every(([k, v]) => found.starts.get(k) === v)) return { pdf, pages: found.pages, starts };
      starts = found.starts;
    }
    throw new Error('the contents page numbers did not settle');
  });
  printed.set(key, result);
  return result;
}
