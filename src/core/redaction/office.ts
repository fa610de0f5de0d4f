// Personal data in released files (条例 第十五条 个人隐私; 个人信息保护法 第三十四–三十七条): find every
// 身份证号, 手机号 and 银行卡号 in a .docx, .xlsx or .pdf with where it is, and make a redacted copy of a
// .docx/.xlsx by replacing the text itself in every XML part (body, headers, footers, notes, comments,
// shared strings, inline cells, numeric cells, document properties). PDF is listed but never
// auto-redacted (ADR 0022): no kept library removes text from PDF content streams reliably.
import path from 'node:path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { unzipMembers } from '../files/zip.ts';
import { pdfPageTexts } from '../files/extract-text.ts';
import { findPersonalData, maskNumber, type PersonalDataKind } from '../validation/personal-data.ts';

export type { PersonalDataKind };

export const PERSONAL_DATA_KIND_LABELS: Record<PersonalDataKind, string> = { resident_id: '居民身份证号', mobile: '手机号码', bank_card: '银行卡号' };

/** How many characters stay visible at each end; the rest become '*'. */
export interface MaskRule {
  keepStart: number;
  keepEnd: number;
}
export type MaskRules = Record<PersonalDataKind, MaskRule>;

/** Defaults of the site setting: 身份证号 first 6 + last 4, phone first 3 + last 4, bank card last 4. */
export const DEFAULT_MASKS: MaskRules = {
  resident_id: { keepStart: 6, keepEnd: 4 },
  mobile: { keepStart: 3, keepEnd: 4 },
  bank_card: { keepStart: 0, keepEnd: 4 },
};

export type RedactableKind = 'docx' | 'xlsx' | 'pdf';

export interface RedactionHit {
  /** Stable for the same file: the part, the text block and the offset. */
  id: string;
  kind: PersonalDataKind;
  /** Where, as people read it: "正文第3段", "工作表“名单”B4", "页眉", "第2页". */
  place: string;
  /** The number with its middle hidden (the list never repeats the number). */
  masked: string;
}

export interface RedactionScan {
  hits: RedactionHit[];
  /** false for PDF: the hits are listed, but no redacted copy can be made here. */
  canRedact: boolean;
  refusal?: string;
}

export const PDF_REFUSAL =
  'PDF 文件不能自动去除个人信息：PDF 中的文字可能分散在多处并嵌入字体，只画黑框遮盖并不能删除文字。请在原始文档（.docx 或 .xlsx）中处理后重新生成 PDF，或改为发布处理后的 .docx/.xlsx。';

// ---------------------------------------------------------------------------------------------
// Text blocks of an Office XML part

interface TextNode {
  /** Offsets of the text between '>' and '<' in the part. */
  start: number;
  end: number;
}

interface Block {
  nodes: TextNode[];
  /** 1-based paragraph number (docx) or string index (sharedStrings); 0 elsewhere. */
  n: number;
}

// Elements whose text is content, not markup values (w:t, w:delText, w:instrText, a:t, t, v, f, properties…):
// every text node of the part is visited, so nothing is missed.
const TEXT_NODE = />([^<]+)</g;

/** Text nodes grouped into blocks: a docx paragraph, a shared string, a cell; other text alone. */
function blocksOf(xml: string, groupTag: string | null): Block[] {
  const blocks: Block[] = [];
  const covered: [number, number][] = [];
  if (groupTag) {
    const re = new RegExp(`<${groupTag}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${groupTag}>)`, 'g');
    let n = 0;
    for (const m of xml.matchAll(re)) {
      n++;
      const from = m.index;
      const to = from + m[0].length;
      covered.push([from, to]);
      const nodes: TextNode[] = [];
      for (const t of m[0].matchAll(TEXT_NODE)) {
        // Only text inside <…:t>, <t>, <v> elements is content; whitespace between tags is skipped.
        if (!t[1]!.trim()) continue;
        nodes.push({ start: from + t.index + 1, end: from + t.index + 1 + t[1]!.length });
      }
      if (nodes.length) blocks.push({ nodes, n });
    }
  }
  let i = 0;
  for (const t of xml.matchAll(TEXT_NODE)) {
    if (!t[1]!.trim()) continue;
    const start = t.index + 1;
    while (i < covered.length && covered[i]![1] <= start) i++;
    if (i < covered.length && covered[i]![0] <= start && start < covered[i]![1]) continue;
    blocks.push({ nodes: [{ start, end: start + t[1]!.length }], n: 0 });
  }
  return blocks;
}

interface PartHit extends RedactionHit {
  /** The matched characters' offsets in the part, per text node. */
  spans: { start: number; end: number }[];
  raw: string;
}

function hitsInPart(part: string, xml: string, today: string, placeOf: (b: Block, nodeStart: number) => string, groupTag: string | null): PartHit[] {
  const out: PartHit[] = [];
  blocksOf(xml, groupTag).forEach((block, bi) => {
    // The block's text, with each character's position in the part.
    let text = '';
    const pos: number[] = [];
    for (const node of block.nodes) {
      for (let k = node.start; k < node.end; k++) {
        text += xml[k];
        pos.push(k);
      }
    }
    for (const m of findPersonalData(text, today)) {
      const spans: { start: number; end: number }[] = [];
      for (let k = m.begin; k < m.end; k++) {
        const p = pos[k]!;
        const last = spans[spans.length - 1];
        if (last && last.end === p) last.end = p + 1;
        else spans.push({ start: p, end: p + 1 });
      }
      out.push({ id: `${part}#${bi}:${m.begin}`, kind: m.kind, place: placeOf(block, pos[m.begin]!), masked: m.masked, spans, raw: text.slice(m.begin, m.end) });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Places

function docxPlace(part: string): (b: Block) => string {
  const base = path.posix.basename(part);
  if (part === 'word/document.xml') return (b) => (b.n ? `正文第${b.n}段` : '正文');
  if (/^header\d*\.xml$/.test(base)) return () => '页眉';
  if (/^footer\d*\.xml$/.test(base)) return () => '页脚';
  if (base === 'footnotes.xml') return () => '脚注';
  if (base === 'endnotes.xml') return () => '尾注';
  if (base.startsWith('comments')) return () => '批注';
  if (part.startsWith('docProps/')) return () => '文档属性';
  return () => `文件内部“${part}”`;
}

/** Column letters and row of a cell reference such as "B12". */
function cellRefAt(xml: string, at: number): string {
  const open = xml.lastIndexOf('<c ', at);
  const m = open >= 0 ? /\sr="([A-Z]+\d+)"/.exec(xml.slice(open, xml.indexOf('>', open))) : null;
  return m?.[1] ?? '';
}

interface XlsxMap {
  /** Sheet part → sheet name. */
  sheetNames: Map<string, string>;
  /** Shared string index → the cells that use it ("工作表“名单”B4"). */
  sharedUse: Map<number, string[]>;
}

function xlsxMap(files: Map<string, Buffer>): XlsxMap {
  const sheetNames = new Map<string, string>();
  const wb = files.get('xl/workbook.xml');
  const rels = files.get('xl/_rels/workbook.xml.rels');
  if (wb && rels) {
    const targets = new Map<string, string>();
    for (const r of strFromU8(rels).matchAll(/<Relationship\s([^>]*)\/?>/g)) {
      const id = /\bId="([^"]*)"/.exec(r[1]!)?.[1];
      const target = /\bTarget="([^"]*)"/.exec(r[1]!)?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target));
    }
    for (const s of strFromU8(wb).matchAll(/<sheet\s([^>]*)\/?>/g)) {
      const rid = /\br:id="([^"]*)"/.exec(s[1]!)?.[1];
      const name = /\bname="([^"]*)"/.exec(s[1]!)?.[1];
      const target = rid ? targets.get(rid) : undefined;
      if (target && name) sheetNames.set(target, name);
    }
  }
  const sharedUse = new Map<number, string[]>();
  for (const [name, bytes] of files) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const sheet = sheetNames.get(name) ?? path.posix.basename(name, '.xml');
    for (const c of strFromU8(bytes).matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      if (!/\st="s"/.test(' ' + c[1]!)) continue;
      const ref = /\br="([^"]*)"/.exec(c[1]!)?.[1] ?? '';
      const v = /<v>(\d+)<\/v>/.exec(c[2] ?? '')?.[1];
      if (v === undefined) continue;
      const list = sharedUse.get(Number(v)) ?? [];
      list.push(`工作表“${sheet}”${ref}`);
      sharedUse.set(Number(v), list);
    }
  }
  return { sheetNames, sharedUse };
}

function xlsxPlace(part: string, xml: string, map: XlsxMap): (b: Block, at: number) => string {
  if (part === 'xl/sharedStrings.xml') {
    return (b) => {
      const uses = map.sharedUse.get(b.n - 1) ?? [];
      return uses.length ? uses.slice(0, 3).join('、') + (uses.length > 3 ? ` 等 ${uses.length} 处` : '') : '共享文本（未被单元格使用）';
    };
  }
  if (map.sheetNames.has(part) || /^xl\/worksheets\//.test(part)) {
    const sheet = map.sheetNames.get(part) ?? path.posix.basename(part, '.xml');
    return (_b, at) => `工作表“${sheet}”${cellRefAt(xml, at)}`;
  }
  if (part.startsWith('docProps/')) return () => '文档属性';
  if (/comments/.test(part)) return () => '批注';
  return () => `文件内部“${part}”`;
}

// ---------------------------------------------------------------------------------------------
// Scanning and redacting

const isXmlPart = (name: string) => /\.xml$/i.test(name) && !/\.rels$/i.test(name);

function officeHits(kind: 'docx' | 'xlsx', files: Map<string, Buffer>, today: string): PartHit[] {
  const map = kind === 'xlsx' ? xlsxMap(files) : null;
  const hits: PartHit[] = [];
  for (const [name, bytes] of files) {
    if (!isXmlPart(name)) continue;
    const xml = strFromU8(bytes);
    if (kind === 'docx') {
      const group = name.startsWith('word/') ? 'w:p' : null;
      hits.push(...hitsInPart(name, xml, today, docxPlace(name), group));
    } else {
      const group = name === 'xl/sharedStrings.xml' ? 'si' : /^xl\/worksheets\//.test(name) ? 'c' : null;
      hits.push(...hitsInPart(name, xml, today, xlsxPlace(name, xml, map!), group));
    }
  }
  return hits;
}

function readZip(bytes: Buffer): Map<string, Buffer> {
  return unzipMembers(bytes, () => true);
}

/** Every hit in the file, in document order of its parts; PDF hits by page, with the refusal. */
export async function scanFile(kind: RedactableKind, bytes: Buffer, today: string): Promise<RedactionScan> {
  if (kind === 'pdf') {
    const pages = await pdfPageTexts(bytes).catch(() => [] as string[]);
    const hits: RedactionHit[] = [];
    pages.forEach((text, i) => {
      for (const m of findPersonalData(text, today)) hits.push({ id: `page${i + 1}:${m.begin}`, kind: m.kind, place: `第${i + 1}页`, masked: m.masked });
    });
    return { hits, canRedact: false, refusal: PDF_REFUSAL };
  }
  const hits = officeHits(kind, readZip(bytes), today).map(({ id, kind: k, place, masked }) => ({ id, kind: k, place, masked }));
  return { hits, canRedact: true };
}

/** The number masked by the site's rule, keeping separators as they were written ("139-****-5678"). */
export function applyMask(raw: string, kind: PersonalDataKind, rules: MaskRules): string {
  const rule = rules[kind];
  const digits = [...raw].filter((c) => /[0-9Xx]/.test(c));
  const masked = maskNumber(digits.join(''), rule.keepStart, rule.keepEnd);
  let k = 0;
  return [...raw].map((c) => (/[0-9Xx]/.test(c) ? masked[k++] : c)).join('');
}

export interface RedactionResult {
  bytes: Buffer;
  /** How many of each kind were replaced (what the audit log records; never the numbers). */
  counts: Partial<Record<PersonalDataKind, number>>;
}

/**
 * A copy of the .docx/.xlsx with the confirmed hits replaced by their masked form in every XML part
 * where they occur; dismissed hits stay. Numeric cells holding a confirmed number become text cells.
 */
export function redactOffice(kind: 'docx' | 'xlsx', bytes: Buffer, confirmed: ReadonlySet<string>, rules: MaskRules, today: string): RedactionResult {
  const files = readZip(bytes);
  const hits = officeHits(kind, files, today).filter((h) => confirmed.has(h.id));
  const counts: Partial<Record<PersonalDataKind, number>> = {};
  const byPart = new Map<string, PartHit[]>();
  for (const h of hits) {
    const part = h.id.slice(0, h.id.indexOf('#'));
    byPart.set(part, [...(byPart.get(part) ?? []), h]);
    counts[h.kind] = (counts[h.kind] ?? 0) + 1;
  }
  for (const [part, list] of byPart) {
    let xml = strFromU8(files.get(part)!);
    // Replace from the end so earlier offsets stay valid.
    const edits: { start: number; end: number; text: string }[] = [];
    for (const h of list) {
      const masked = applyMask(h.raw, h.kind, rules);
      let k = 0;
      for (const s of h.spans) {
        edits.push({ start: s.start, end: s.end, text: masked.slice(k, k + (s.end - s.start)) });
        k += s.end - s.start;
      }
    }
    edits.sort((a, b) => b.start - a.start);
    for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
    if (kind === 'xlsx' && /^xl\/worksheets\//.test(part)) xml = numericCellsToText(xml);
    files.set(part, Buffer.from(strToU8(xml)));
  }
  const out: Record<string, Uint8Array> = {};
  for (const [name, b] of files) out[name] = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return { bytes: Buffer.from(zipSync(out, { level: 6 })), counts };
}

/** A numeric cell whose value now holds '*' is written as an inline string, so Excel opens it. */
function numericCellsToText(xml: string): string {
  return xml.replace(/<c\s([^>]*?)>(\s*)<v>([^<]*\*[^<]*)<\/v>(\s*)<\/c>/g, (_all, attrs: string, _a: string, v: string) => {
    const a = attrs.replace(/\s*\bt="[^"]*"/, '');
    return `<c ${a} t="inlineStr"><is><t>${v}</t></is></c>`;
  });
}

/** The hit ids ticked on the review form (field `hit`, one or many), bounded. */
export function tickedHits(body: unknown): Set<string> {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).hit : undefined;
  return new Set((Array.isArray(raw) ? raw : [raw]).filter((h): h is string => typeof h === 'string' && h.length <= 300).slice(0, 5000));
}
