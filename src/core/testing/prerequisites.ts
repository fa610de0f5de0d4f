import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CJK_FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];

/** The Debian packages browser tests need that are not installed. */
export function browserPrerequisites(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push('chromium');
  const hasCjk = CJK_FONT_DIRS.some((d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => /CJK/i.test(f)));
  if (!hasCjk) missing.push('fonts-noto-cjk');
  return missing;
}

/** Where Debian's tesseract-ocr-chi-sim puts the Simplified Chinese model (4.x and 5.x layouts). */
const TESSDATA_DIRS = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];

/** The Debian packages OCR tests need that are not installed: the Tesseract engine, its chi_sim model, Ghostscript (PDF pages to images). */
export function ocrPrerequisites(envPath = process.env.PATH ?? ''): string[] {
  const missing: string[] = [];
  if (!onPath('tesseract', envPath)) missing.push('tesseract-ocr');
  if (!TESSDATA_DIRS.some((d) => fs.existsSync(path.join(d, 'chi_sim.traineddata')))) missing.push('tesseract-ocr-chi-sim');
  if (!onPath('gs', envPath)) missing.push('ghostscript');
  return missing;
}

/** A test file that runs the OCR engine or makes PDF/A (and so needs the packages above). */
export function isOcrTest(source: string): boolean {
  return /ocr\/engine\.ts|pdfa\.ts/.test(source);
}

/** The command that installs the missing packages on Debian. */
export function installCommand(missing: string[]): string {
  return `apt-get install -y ${missing.join(' ')}`;
}

/** A test file that drives the browser (and so needs the packages above). */
export function isBrowserTest(source: string): boolean {
  return /testing\/browser\.ts|from 'playwright-core'/.test(source);
}

/** True when `name` is an executable on PATH. */
export function onPath(name: string, envPath = process.env.PATH ?? ''): boolean {
  return envPath.split(path.delimiter).some((d) => {
    try {
      fs.accessSync(path.join(d, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export type BrowserTestPlan = 'run' | 'install' | 'skip' | 'fail';

/**
 * What `npm test` does about the browser tests it selected: run them when the packages are there;
 * install them when it can (root with apt-get, as CI does); otherwise fail under CI (a missing browser
 * must not pass unnoticed there) and skip them elsewhere, saying how to install them.
 */
export function browserTestPlan(f: { browserTests: number; missing: string[]; root: boolean; aptGet: boolean; ci: boolean }): BrowserTestPlan {
  if (f.browserTests === 0 || f.missing.length === 0) return 'run';
  if (f.root && f.aptGet) return 'install';
  return f.ci ? 'fail' : 'skip';
}
