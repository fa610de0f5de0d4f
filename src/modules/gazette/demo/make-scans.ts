// Makes the demo's two scanned past issues (楚雄市人民政府公报 2024年第11、12期, first page of each): an A4 page
// of Chinese gazette text drawn by Chromium at 120 dpi, greyscale, kept as PNG beside this script. Run once
// (`node --import tsx src/modules/gazette/demo/make-scans.ts`) and commit the images; the demo seed uploads
// them like staff would, and the OCR job reads them when Tesseract is installed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../../core/testing/prerequisites.ts';
import { DEMO_SCANS } from './scans.ts';

const DIR = path.dirname(fileURLToPath(import.meta.url));
// A4 at 120 dpi: 992 × 1403 px; 3号 type (16 pt) is 27 px high, enough for OCR, small enough to commit.
const WIDTH = 992;
const HEIGHT = 1403;

function pageHtml(s: (typeof DEMO_SCANS)[number]): string {
  const body = s.paragraphs.map((p) => `<p>${p}</p>`).join('');
  return `<!doctype html><html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;background:#fff;color:#111;font-family:'Noto Serif CJK SC',serif;filter:grayscale(1)">
<div style="padding:140px 120px 0 140px">
<div style="text-align:center;color:#b00;font-size:44px;letter-spacing:6px;font-weight:700">楚雄市人民政府公报</div>
<div style="text-align:center;font-size:22px;margin:10px 0 8px">${s.year}年第${s.number}期（总第${s.overall}期）</div>
<hr style="border:0;border-top:3px solid #b00;margin:0 0 34px">
<h1 style="font-size:32px;line-height:1.5;text-align:center;font-weight:700;margin:0 0 12px">${s.title}</h1>
<div style="text-align:center;font-size:26px;margin:0 0 24px">${s.docNo}</div>
<div style="font-size:27px;line-height:1.75;text-indent:2em;text-align:justify">${body}</div>
<div style="font-size:27px;line-height:1.75;text-align:right;margin-top:28px">${s.issuer}<br>${s.signedOn}</div>
</div></body></html>`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  for (const s of DEMO_SCANS) {
    await page.setContent(pageHtml(s));
    const png = await page.screenshot({ type: 'png' });
    fs.writeFileSync(path.join(DIR, s.file), png);
    console.log(`${s.file}: ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
