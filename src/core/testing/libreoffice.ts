// Test support: LibreOffice (Debian package libreoffice-calc) converts the spreadsheets the app writes
// to PDF, as a person printing them would; tests then check the paper size and the page count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const SOFFICE_PATH = process.env.SOFFICE_PATH || '/usr/bin/soffice';

/** The Debian packages spreadsheet-printing tests need that are not installed. */
export function officePrerequisites(): string[] {
  const need: string[] = [];
  if (!fs.existsSync(SOFFICE_PATH)) need.push('libreoffice-calc');
  // Writer converts the .docx letters and 通报 to PDF for their print checks.
  if (!fs.existsSync('/usr/lib/libreoffice/program/libswlo.so')) need.push('libreoffice-writer');
  return need;
}

/** A test file that converts with LibreOffice (and so needs the package above). */
export function isOfficeTest(source: string): boolean {
  return /testing\/libreoffice\.ts/.test(source);
}

/** Converts a spreadsheet to PDF with headless LibreOffice (its own profile, so runs never share one). */
export async function spreadsheetToPdf(bytes: Buffer, name: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-office-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    await promisify(execFile)(
      SOFFICE_PATH,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file],
      { timeout: 120_000 },
    );
    return fs.readFileSync(path.join(dir, name.replace(/\.[^.]+$/, '.pdf')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfPage {
  /** Width and height in points (A4 portrait is 595 × 842). */
  width: number;
  height: number;
}

/** The pages of a PDF LibreOffice wrote (uncompressed object dictionaries), with their sizes. */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1');
  const pages: PdfPage[] = [];
  let inherited: PdfPage | undefined;
  for (const m of text.matchAll(/\d+ 0 obj\s*<<([\s\S]*?)>>\s*(?:stream|endobj)/g)) {
    const dict = m[1]!;
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(dict);
    const size = box ? { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) } : undefined;
    if (/\/Type\s*\/Pages\b/.test(dict)) inherited ??= size;
    else if (/\/Type\s*\/Page\b/.test(dict)) pages.push(size ?? inherited ?? { width: NaN, height: NaN });
  }
  return pages.map((p) => (Number.isNaN(p.width) && inherited ? inherited : p));
}

/** Whether a page is A4 (either way round), to a point. */
export function isA4(p: PdfPage): boolean {
  const [a, b] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
  return Math.abs(a - 595.3) < 1.5 && Math.abs(b - 841.9) < 1.5;
}
