// The archival copy of an issue's PDF: PDF/A-2b, made from the printed PDF by Ghostscript's pdfwrite
// (Debian `ghostscript`) with the sRGB output intent Ghostscript ships. See
// docs/adr/0010-gazette-scans-ocr-and-pdf-speed.md for what it keeps and what it drops.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LRUCache } from 'lru-cache';

const run = promisify(execFile);
const ghostscript = () => process.env.GHOSTSCRIPT_PATH || 'gs';

export class PdfaUnavailableError extends Error {
  constructor() {
    super('无法生成PDF/A存档版：服务器没有安装 Ghostscript（Debian 软件包 ghostscript），请联系系统管理员安装。');
  }
}

/** Ghostscript's own sRGB profile (its version is part of the path). */
async function srgbProfile(): Promise<string | null> {
  try {
    const version = (await run(ghostscript(), ['--version'], { timeout: 20_000 })).stdout.trim();
    for (const dir of [`/usr/share/ghostscript/${version}/iccprofiles`, '/usr/share/ghostscript/iccprofiles', '/usr/share/color/icc/ghostscript']) {
      const file = path.join(dir, 'default_rgb.icc');
      try {
        await fs.access(file);
        return file;
      } catch {
        /* next */
      }
    }
    return null;
  } catch {
    return null;
  }
}

/** The PostScript that declares the output intent (Ghostscript's PDFA_def.ps, reduced to what PDF/A-2b needs). */
function definitions(icc: string): string {
  return `%!
/ICCProfile (${icc.replace(/[()\\]/g, '\\$&')}) def
[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark
[{icc_PDFA} << /N 3 >> /PUT pdfmark
[{icc_PDFA} ICCProfile (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark
[{OutputIntent_PDFA} <<
  /Type /OutputIntent
  /S /GTS_PDFA1
  /DestOutputProfile {icc_PDFA}
  /OutputConditionIdentifier (sRGB)
>> /PUT pdfmark
[{Catalog} <</OutputIntents [ {OutputIntent_PDFA} ]>> /PUT pdfmark
`;
}

const made = new LRUCache<string, Buffer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (b) => b.length || 1 });

/** The PDF/A-2b copy of a PDF (cached by the source's hash). */
export async function toPdfA(pdf: Buffer): Promise<Buffer> {
  const key = crypto.createHash('sha256').update(pdf).digest('hex');
  const hit = made.get(key);
  if (hit) return hit;
  const icc = await srgbProfile();
  if (!icc) throw new PdfaUnavailableError();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gazette-pdfa-'));
  try {
    await fs.writeFile(path.join(dir, 'def.ps'), definitions(icc));
    await fs.writeFile(path.join(dir, 'in.pdf'), pdf);
    // -dPDFACompatibilityPolicy=1: what PDF/A forbids is dropped (with a note on stderr) rather than refused.
    await run(
      ghostscript(),
      ['-dPDFA=2', '-dBATCH', '-dNOPAUSE', '-dQUIET', '-dSAFER', `--permit-file-read=${icc}`, '-sColorConversionStrategy=RGB', '-dPDFACompatibilityPolicy=1', '-sDEVICE=pdfwrite', `-sOutputFile=${path.join(dir, 'out.pdf')}`, path.join(dir, 'def.ps'), path.join(dir, 'in.pdf')],
      { timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const out = await fs.readFile(path.join(dir, 'out.pdf'));
    if (!out.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('Ghostscript wrote no PDF');
    made.set(key, out);
    return out;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
