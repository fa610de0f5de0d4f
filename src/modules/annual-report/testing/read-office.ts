// Test support: reads back what the exporters write. A minimal zip reader (central directory, stored
// or deflated entries, all that docx writes) and a reader of Word tables with their merged cells.
import zlib from 'node:zlib';

export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('broken central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return zlib.inflateRawSync(data);
      throw new Error(`unsupported zip method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function textOfXml(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');
}

export interface WordCell {
  text: string;
  gridSpan: number;
  /** 'restart' starts a vertical merge, 'continue' is covered by the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

export interface WordDocument {
  /** Paragraph texts outside tables, in order. */
  paragraphs: string[];
  /** Each table as rows of cells. */
  tables: WordCell[][][];
}

export function readWordDocument(docx: Buffer): WordDocument {
  const xml = zipEntry(docx, 'word/document.xml')?.toString('utf8');
  if (!xml) throw new Error('no word/document.xml');
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
