// Zip containers (DOCX, XLSX, OFD) read safely. A small upload can unpack into gigabytes (a "zip
// bomb"): the archive's central directory is checked first (entry count, declared sizes, ratio of
// unpacked to packed bytes), without inflating anything; members are then inflated with a limit on
// their output, so a member whose header understates its size is stopped at the size it declared.
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the members' unpacked sizes. */
  maxTotalBytes: number;
  /** Unpacked bytes per packed byte, for a member or an archive that unpacks to more than 1 MB. */
  maxRatio: number;
}

/** Limits for any uploaded zip container; an import that holds the whole workbook in memory uses less. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200 };

const RATIO_FLOOR_BYTES = 1024 * 1024;

export class ZipLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * The members listed in the archive's central directory, or null when the archive is malformed.
 * ZIP64 archives (over 4 GB or 65,535 members) are reported as a refusal: no office file needs them.
 */
export function readZipDirectory(buf: Buffer): ZipEntry[] | { refused: string } | null {
  // End of central directory record: signature PK\5\6, at least 22 bytes, followed by a comment of ≤ 65535 bytes.
  if (buf.length < 22) return null;
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { refused: '不支持 ZIP64 格式的压缩文件' };
  if (offset + size > buf.length) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) return null;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      return { refused: '不支持 ZIP64 格式的压缩文件' };
    }
    entries.push({ name: buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'), method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Why an archive with these members must not be unpacked (a Chinese message), or null when it may. */
export function zipLimitProblem(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  const refuse = (why: string) => `${why}，可能是恶意构造的“压缩炸弹”，不予处理。请检查文件后重新上传`;
  if (entries.length > limits.maxEntries) return refuse(`压缩文件内含 ${entries.length} 个成员，超过上限 ${limits.maxEntries} 个`);
  let total = 0;
  let packed = 0;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) return `压缩文件使用了不支持的压缩方式（${e.method}），请用 Office 或 WPS 另存后重新上传`;
    total += e.uncompressedSize;
    packed += e.compressedSize;
    if (e.uncompressedSize > RATIO_FLOOR_BYTES && e.uncompressedSize > limits.maxRatio * Math.max(e.compressedSize, 1)) {
      return refuse(`压缩文件中的“${e.name}”由 ${mb(e.compressedSize)} 展开为 ${mb(e.uncompressedSize)}，压缩比超过 ${limits.maxRatio} 倍`);
    }
  }
  if (total > limits.maxTotalBytes) return refuse(`压缩文件展开后共 ${mb(total)}，超过上限 ${mb(limits.maxTotalBytes)}`);
  if (total > RATIO_FLOOR_BYTES && total > limits.maxRatio * Math.max(packed, 1)) {
    return refuse(`压缩文件由 ${mb(packed)} 展开为 ${mb(total)}，压缩比超过 ${limits.maxRatio} 倍`);
  }
  return null;
}

/** Where a member's packed bytes start (after its local header), or -1 when the header is not there. */
function dataOffset(buf: Buffer, e: ZipEntry): number {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return -1;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  return start + e.compressedSize <= buf.length ? start : -1;
}

/**
 * A member's unpacked bytes, never more than it declares (nor `maxBytes`): a member that inflates
 * further throws ZipLimitError, before the extra output is held in memory.
 */
export function inflateZipEntry(buf: Buffer, e: ZipEntry, maxBytes = DEFAULT_ZIP_LIMITS.maxTotalBytes): Buffer {
  if (e.uncompressedSize > maxBytes) throw new ZipLimitError(`“${e.name}”展开后超过 ${mb(maxBytes)}`);
  const start = dataOffset(buf, e);
  if (start < 0) throw new ZipLimitError(`“${e.name}”的数据已损坏`);
  const packed = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return packed;
  try {
    // One byte more than declared: reaching it proves the header lied.
    const out = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(e.uncompressedSize, 1) + 1 });
    if (out.length > e.uncompressedSize) throw new ZipLimitError(`“${e.name}”展开后比声明的大小更大`);
    return out;
  } catch (err) {
    if (err instanceof ZipLimitError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipLimitError(`“${e.name}”展开后比声明的大小更大`);
    throw new ZipLimitError(`“${e.name}”的数据已损坏`);
  }
}

/** Inflates the wanted members (each checked as above) into a map of name to bytes. */
export function unzipMembers(buf: Buffer, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Buffer> {
  const dir = readZipDirectory(buf);
  if (!dir) throw new ZipLimitError('压缩文件已损坏');
  if (!Array.isArray(dir)) throw new ZipLimitError(dir.refused);
  const problem = zipLimitProblem(dir, limits);
  if (problem) throw new ZipLimitError(problem);
  const out = new Map<string, Buffer>();
  for (const e of dir) if (wanted(e.name) && !out.has(e.name)) out.set(e.name, inflateZipEntry(buf, e, limits.maxTotalBytes));
  return out;
}

/**
 * Checks a whole archive before a library that trusts it (exceljs) unpacks it: the directory within
 * `limits`, then every member inflated with its output capped at the size it declares (so at most
 * one member, within the limits, is held at a time), stopped as soon as one yields more. Returns a
 * Chinese message, or null when safe.
 */
export async function checkZipArchive(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string | null> {
  const dir = readZipDirectory(buf);
  if (!dir) return '压缩文件已损坏，无法读取';
  if (!Array.isArray(dir)) return dir.refused;
  const problem = zipLimitProblem(dir, limits);
  if (problem) return problem;
  for (const e of dir) {
    try {
      inflateZipEntry(buf, e, limits.maxTotalBytes);
    } catch (err) {
      if (err instanceof ZipLimitError && /更大/.test(err.message)) {
        return `压缩文件中的“${e.name}”展开后比其声明的 ${mb(e.uncompressedSize)} 更大，可能是恶意构造的“压缩炸弹”，不予处理`;
      }
      return `压缩文件中的“${e.name}”已损坏`;
    }
  }
  return null;
}
