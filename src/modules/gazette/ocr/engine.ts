// The OCR engine of the scanned archive: Tesseract (Debian `tesseract-ocr`) with its Simplified Chinese
// model (`tesseract-ocr-chi-sim`), and Ghostscript (`ghostscript`) to turn the pages of a scanned PDF into
// images Tesseract reads. Both run as child processes with a time limit, in a temporary directory. See
// docs/adr/0010-gazette-scans-ocr-and-pdf-speed.md.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { textFromTsv, type PageText } from '../domain/ocr.ts';

const run = promisify(execFile);

/** The programs, from PATH unless TESSERACT_PATH / GHOSTSCRIPT_PATH name them (read at each use). */
const tesseract = () => process.env.TESSERACT_PATH || 'tesseract';
const ghostscript = () => process.env.GHOSTSCRIPT_PATH || 'gs';
/** Rendering resolution of PDF pages: Tesseract reads 3号 (16 pt) type best at 300 dpi. */
const DPI = 300;
const LIMIT_MS = 180_000;

async function works(cmd: string, args: string[]): Promise<string | null> {
  try {
    const r = await run(cmd, args, { timeout: 20_000 });
    return `${r.stdout}${r.stderr}`;
  } catch {
    return null;
  }
}

const checked = new Map<string, Promise<{ tesseract: boolean; ghostscript: boolean }>>();

/** Which tools are installed (checked once per process and pair of programs). */
export function ocrTools(): Promise<{ tesseract: boolean; ghostscript: boolean }> {
  const key = `${tesseract()}\n${ghostscript()}`;
  let p = checked.get(key);
  if (!p) {
    p = (async () => {
      const langs = await works(tesseract(), ['--list-langs']);
      return { tesseract: !!langs && /^chi_sim$/m.test(langs), ghostscript: (await works(ghostscript(), ['--version'])) !== null };
    })();
    checked.set(key, p);
  }
  return p;
}

/** Why a file of this type cannot be read here, or null when it can. */
export async function ocrUnavailable(type: 'pdf' | 'png' | 'jpeg'): Promise<string | null> {
  const t = await ocrTools();
  if (!t.tesseract) return '服务器没有安装文字识别引擎 Tesseract 及其简体中文模型（Debian 软件包 tesseract-ocr、tesseract-ocr-chi-sim）。扫描件已保存，安装后可重新识别。';
  if (type === 'pdf' && !t.ghostscript) return '服务器没有安装 Ghostscript（Debian 软件包 ghostscript），无法把 PDF 的页面转为图像。扫描件已保存，安装后可重新识别。';
  return null;
}

async function inTempDir<T>(job: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gazette-ocr-'));
  try {
    return await job(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Each page of a PDF as a greyscale PNG at 300 dpi. */
export function pdfPageImages(pdf: Buffer): Promise<Buffer[]> {
  return inTempDir(async (dir) => {
    await fs.writeFile(path.join(dir, 'in.pdf'), pdf);
    // -dSAFER: the PDF cannot reach files or run commands; -dNOINTERPOLATE: keep strokes sharp.
    await run(ghostscript(), ['-dSAFER', '-dBATCH', '-dNOPAUSE', '-dQUIET', '-sDEVICE=pnggray', `-r${DPI}`, '-dNOINTERPOLATE', `-sOutputFile=${path.join(dir, 'p-%04d.png')}`, path.join(dir, 'in.pdf')], { timeout: LIMIT_MS, maxBuffer: 16 * 1024 * 1024 });
    const names = (await fs.readdir(dir)).filter((n) => /^p-\d{4}\.png$/.test(n)).sort();
    return Promise.all(names.map((n) => fs.readFile(path.join(dir, n))));
  });
}

/** The text Tesseract reads on one page image (PNG or JPEG), with its confidence. */
export function recognise(image: Buffer): Promise<PageText> {
  return inTempDir(async (dir) => {
    const file = path.join(dir, 'page');
    await fs.writeFile(file, image);
    // psm 6: one block of text, as a gazette page is (psm 3's layout analysis split wide Chinese lines and
    // lost words in them); preserve_interword_spaces keeps Chinese words unspaced.
    const r = await run(tesseract(), [file, 'stdout', '-l', 'chi_sim', '--psm', '6', '-c', 'preserve_interword_spaces=1', 'tsv'], { timeout: LIMIT_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    return textFromTsv(r.stdout);
  });
}
