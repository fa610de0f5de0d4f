// Hand-made zip archives for tests of decompression-bomb defences: members deflated by zlib, with
// sizes in the headers that may lie.
import zlib from 'node:zlib';

export interface Member {
  name: string;
  data: Buffer;
  /** Size written in the headers instead of the real one (a lying archive). */
  declaredSize?: number;
}

/** Writes a zip by hand (deflate members), so the tests can make archives that lie. */
export function makeZip(members: Member[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const packed = zlib.deflateRawSync(m.data, { level: 9 });
    const name = Buffer.from(m.name, 'utf8');
    const size = m.declaredSize ?? m.data.length;
    const crc = zlib.crc32 ? zlib.crc32(m.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(members.length, 8);
  eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export const CONTENT_TYPES: Member = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') };

/** An .xlsx whose shared strings hold one string of `mb` megabytes of the same character. */
export function oneHugeString(mb: number): Buffer {
  const head = Buffer.from('<sst><si><t>');
  const tail = Buffer.from('</t></si></sst>');
  const sst = Buffer.concat([head, Buffer.alloc(mb * 1024 * 1024, 'a'), tail]);
  return makeZip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/sharedStrings.xml', data: sst }]);
}
