// Text of an uploaded attachment, for the full-text search index (查询平台) and summaries.
//
// DOCX: the paragraphs of word/document.xml, one line each. XLSX: cell text, one line per row, cells
// separated by a tab. OFD (GB/T 33190): the TextCode elements of each page's Content.xml, joined into
// lines by their position. PDF: the text layer read by pdf.js (pdfjs-dist, legacy build for Node, with
// its CMaps so CID-keyed Chinese fonts decode). Images: no text ('').
//
// extractText never throws: unreadable, encrypted or disguised files give '' and the caller stores
// that. Output is capped at MAX_TEXT_CHARS characters.
import path from 'node:path';
import { createRequire } from 'node:module';
import { strFromU8 } from 'fflate';
import { unzipMembers } from './zip.ts';

export type ExtractKind = 'pdf' | 'docx' | 'xlsx' | 'ofd' | 'png' | 'jpeg' | 'gif';

/** At most this many characters are returned (a search index needs no more). */
export const MAX_TEXT_CHARS = 500_000;
/** At most this many PDF pages are read. */
const MAX_PDF_PAGES = 1000;

export async function extractText(kind: ExtractKind, bytes: Buffer): Promise<string> {
  try {
    let text: string;
    switch (kind) {
      case 'docx':
        text = docxText(bytes);
        break;
      case 'xlsx':
        text = xlsxText(bytes);
        break;
      case 'ofd':
        text = ofdText(bytes);
        break;
      case 'pdf':
        text = await pdfText(bytes);
        break;
      default:
        return '';
    }
    return tidy(text);
  } catch {
    return '';
  }
}

/**
 * CJK Radicals Supplement characters that fonts' ToUnicode maps give for ordinary ideographs (a PDF
 * printed with Noto CJK reads 民 as U+2EA0). They have no Unicode decomposition, so they are listed.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [...'⺠⻓⻔⻋⻅⻉⻚⻛⻜⻢⻥⻦⻬⻮⻰⻳⻄⻝⻘⻩⻨⻤⻣⺟⺩⻆⻈'].map((c, i) => [c, [...'民长门车见贝页风飞马鱼鸟齐齿龙龟西食青黄麦鬼骨母王角讠'][i]!]),
);

/**
 * Maps radical code points to the ideographs a reader (and the search index) expects: Kangxi
 * Radicals (U+2F00–U+2FDF) by their compatibility decomposition, the supplement by the table above.
 */
export function normaliseRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/** Removes NUL and other control characters PostgreSQL text cannot or should not hold, trims lines. */
function tidy(text: string): string {
  const out = normaliseRadicals(text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+$/g, '').replace(/^[ \u00a0]+/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return out.length > MAX_TEXT_CHARS ? out.slice(0, MAX_TEXT_CHARS) : out;
}

// ---------------------------------------------------------------------------------------------
// Zip-based formats

/** The wanted members, within the zip limits (a bomb throws, and extractText gives ''). */
function unzip(bytes: Buffer, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  return Object.fromEntries(unzipMembers(bytes, wanted));
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref === 'amp') return '&';
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** DOCX: one line per paragraph (w:p), tabs and breaks kept. */
function docxText(bytes: Buffer): string {
  const files = unzip(bytes, (n) => n === 'word/document.xml');
  const xml = files['word/document.xml'];
  if (!xml) return '';
  return wordprocessingText(strFromU8(xml));
}

export function wordprocessingText(xml: string): string {
  const lines: string[] = [];
  let line = '';
  const re = /<w:p(?=[\s>/])[^>]*?(\/?)>|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)(?=[\s/>])[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const tag = m[0];
    if (tag.startsWith('<w:p')) {
      if (m[1] === '/') lines.push('');
      else if (line) {
        lines.push(line);
        line = '';
      }
    } else if (tag === '</w:p>') {
      lines.push(line);
      line = '';
    } else if (m[2] !== undefined) {
      line += decodeXml(m[2]);
    } else if (m[3] === 'tab') {
      line += '\t';
    } else {
      line += '\n';
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** XLSX: one line per row, cells separated by a tab, sheets in workbook order. */
function xlsxText(bytes: Buffer): string {
  const files = unzip(bytes, (n) => n === 'xl/sharedStrings.xml' || n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  const shared: string[] = [];
  const ss = files['xl/sharedStrings.xml'];
  if (ss) {
    for (const si of strFromU8(ss).matchAll(/<si(?:\s[^>]*)?>([\s\S]*?)<\/si>/g)) {
      // Phonetic runs (rPh) are annotations, not cell text.
      const body = si[1]!.replace(/<rPh[\s\S]*?<\/rPh>/g, '');
      shared.push([...body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => decodeXml(t[1]!)).join(''));
    }
  }
  const sheetNames = sheetOrder(files);
  const out: string[] = [];
  for (const name of sheetNames) {
    const xml = strFromU8(files[name]!);
    for (const row of xml.matchAll(/<row(?:\s[^>]*)?>([\s\S]*?)<\/row>/g)) {
      const cells: string[] = [];
      for (const c of row[1]!.matchAll(/<c(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = c[1] ?? '';
        const body = c[2] ?? '';
        const type = /\st="([^"]*)"/.exec(attrs)?.[1];
        let value = '';
        if (type === 'inlineStr') {
          value = [...body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => decodeXml(t[1]!)).join('');
        } else {
          const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
          if (v !== undefined) value = type === 's' ? (shared[Number(v)] ?? '') : decodeXml(v);
        }
        if (value !== '') cells.push(value);
      }
      if (cells.length) out.push(cells.join('\t'));
    }
  }
  return out.join('\n');
}

function sheetOrder(files: Record<string, Uint8Array>): string[] {
  const present = Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (wb && rels) {
    const targets = new Map<string, string>();
    for (const r of strFromU8(rels).matchAll(/<Relationship\s([^>]*)\/?>/g)) {
      const id = /\bId="([^"]*)"/.exec(r[1]!)?.[1];
      const target = /\bTarget="([^"]*)"/.exec(r[1]!)?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target));
    }
    const ordered: string[] = [];
    for (const s of strFromU8(wb).matchAll(/<sheet\s([^>]*)\/?>/g)) {
      const rid = /\br:id="([^"]*)"/.exec(s[1]!)?.[1];
      const target = rid ? targets.get(rid) : undefined;
      if (target && present.includes(target) && !ordered.includes(target)) ordered.push(target);
    }
    for (const p of present.sort(naturalCompare)) if (!ordered.includes(p)) ordered.push(p);
    return ordered;
  }
  return present.sort(naturalCompare);
}

/** OFD (GB/T 33190-2016): text of the pages in document order, lines from TextCode positions. */
function ofdText(bytes: Buffer): string {
  const files = unzip(bytes, (n) => /\.xml$/i.test(n));
  const names = Object.keys(files);
  const read = (n: string) => (files[n] ? strFromU8(files[n]!) : undefined);
  const pages: string[] = [];
  const ofdXml = read('OFD.xml');
  const docRoot = ofdXml ? /<(?:\w+:)?DocRoot>\s*([^<]+?)\s*<\/(?:\w+:)?DocRoot>/.exec(ofdXml)?.[1] : undefined;
  const docPath = docRoot ? normaliseZipPath(docRoot) : undefined;
  const docXml = docPath ? read(docPath) : undefined;
  if (docPath && docXml) {
    const base = path.posix.dirname(docPath);
    for (const p of docXml.matchAll(/<(?:\w+:)?Page\s[^>]*BaseLoc="([^"]+)"/g)) {
      const loc = p[1]!.startsWith('/') ? normaliseZipPath(p[1]!) : normaliseZipPath(path.posix.join(base, p[1]!));
      if (files[loc] && !pages.includes(loc)) pages.push(loc);
    }
  }
  if (!pages.length) pages.push(...names.filter((n) => /(^|\/)Content\.xml$/i.test(n)).sort(naturalCompare));
  return pages.map((p) => ofdPageText(read(p) ?? '')).filter((t) => t).join('\n');
}

function normaliseZipPath(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\/+/, '');
}

export function ofdPageText(xml: string): string {
  let out = '';
  let lastY: number | undefined;
  let lastSize = 0;
  const objRe = /<(?:\w+:)?TextObject(\s[^>]*)>([\s\S]*?)<\/(?:\w+:)?TextObject>/g;
  for (const obj of xml.matchAll(objRe)) {
    const attrs = obj[1]!;
    const boundary = /\sBoundary="([^"]*)"/.exec(attrs)?.[1]?.trim().split(/\s+/).map(Number) ?? [0, 0, 0, 0];
    const size = Number(/\sSize="([^"]*)"/.exec(attrs)?.[1] ?? '3.5') || 3.5;
    const top = Number.isFinite(boundary[1]) ? boundary[1]! : 0;
    let codeY = 0;
    for (const code of obj[2]!.matchAll(/<(?:\w+:)?TextCode(\s[^>]*)?>([^<]*)<\/(?:\w+:)?TextCode>/g)) {
      const y = /\sY="([^"]*)"/.exec(code[1] ?? '')?.[1];
      if (y !== undefined && Number.isFinite(Number(y))) codeY = Number(y);
      const absY = top + codeY;
      const text = decodeXml(code[2]!);
      if (lastY !== undefined && Math.abs(absY - lastY) > Math.max(size, lastSize) * 0.5) out += '\n';
      out += text;
      lastY = absY;
      lastSize = size;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PDF

const require = createRequire(import.meta.url);
let pdfjsDir: string | undefined;
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  pdfjsDir ??= path.dirname(require.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: path.join(pdfjsDir, 'cmaps') + path.sep, standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + path.sep };
}

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

async function pdfText(bytes: Buffer): Promise<string> {
  return (await pdfPageTexts(bytes)).join('\n');
}

/** The text layer of each PDF page (at most MAX_PDF_PAGES pages and about MAX_TEXT_CHARS characters); [] if unreadable. */
export async function pdfPageTexts(bytes: Buffer): Promise<string[]> {
  if (bytes.length < 8 || bytes.subarray(0, 1024).indexOf('%PDF-') < 0) return [];
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = pdfjs.getDocument({
    data,
    ...pdfjsAssets(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    let total = 0;
    for (let i = 1; i <= Math.min(doc.numPages, MAX_PDF_PAGES) && total < MAX_TEXT_CHARS; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str === 'string') text += item.str;
        if (item.hasEOL) text += '\n';
      }
      page.cleanup();
      pages.push(text);
      total += text.length;
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
