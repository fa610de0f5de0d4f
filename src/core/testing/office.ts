// Test support: reads back the Word files the app writes (letters, annual reports), so tests check
// what Word would show: paragraphs in order, and tables with their merged cells.
import { unzipSync } from 'fflate';

/** The bytes of one entry of a zip archive (an OOXML package), or undefined when it is not there. */
export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  const files = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), { filter: (f) => f.name === name });
  const entry = files[name];
  return entry ? Buffer.from(entry) : undefined;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function textOfXml(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
}

function documentXml(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml')?.toString('utf8');
  if (xml === undefined) throw new Error('no word/document.xml in the file');
  return xml;
}

/** The paragraphs of word/document.xml as plain text, one string per <w:p> (tables included). */
export function docxParagraphs(docx: Buffer): string[] {
  return [...documentXml(docx).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOfXml(p[0]));
}

export interface WordCell {
  text: string;
  gridSpan: number;
  /** 'restart' starts a vertical merge, 'continue' is covered by the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

export interface WordDocument {
  /** Non-empty paragraph texts outside tables, in order. */
  paragraphs: string[];
  /** Each table as rows of cells. */
  tables: WordCell[][][];
}

export function readWordDocument(docx: Buffer): WordDocument {
  const xml = documentXml(docx);
  const body = xml.slice(xml.indexOf('<w:body>'));
  const tables: WordCell[][][] = [];
  const outside = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    const rows = [...tbl.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => {
        const span = /<w:gridSpan w:val="(\d+)"\/>/.exec(tc[1]!);
        const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc[1]!);
        return { text: textOfXml(tc[1]!), gridSpan: span ? Number(span[1]) : 1, vMerge: vm ? ((vm[1] ?? 'continue') as 'restart' | 'continue') : null };
      }),
    );
    tables.push(rows);
    return '';
  });
  const paragraphs = [...outside.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => textOfXml(m[1]!)).filter(Boolean);
  return { paragraphs, tables };
}
