// What an uploaded file really is, read from its bytes (magic numbers), never from its name alone
// (ARCHITECTURE §4: uploads checked by content). Accepted: PDF, DOCX, XLSX, OFD (GB/T 33190: a zip
// holding OFD.xml), PNG, JPEG, GIF. Executables and scripts are refused whatever their extension, and
// a file whose extension names a different type than its content is refused too. Zip containers
// whose directory announces a decompression bomb are refused (see zip.ts).
import { inflateZipEntry, readZipDirectory, zipLimitProblem } from './zip.ts';

export type FileType = 'pdf' | 'docx' | 'xlsx' | 'ofd' | 'png' | 'jpeg' | 'gif';

export const FILE_TYPES: Record<FileType, { label: string; mediaType: string; extensions: readonly string[] }> = {
  pdf: { label: 'PDF', mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { label: 'Word（DOCX）', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { label: 'Excel（XLSX）', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  ofd: { label: 'OFD', mediaType: 'application/ofd', extensions: ['ofd'] },
  png: { label: 'PNG 图片', mediaType: 'image/png', extensions: ['png'] },
  jpeg: { label: 'JPEG 图片', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { label: 'GIF 图片', mediaType: 'image/gif', extensions: ['gif'] },
};

export const ACCEPTED_TYPES_TEXT = 'PDF、DOCX、XLSX、OFD、PNG、JPEG、GIF';

export type SniffResult =
  | {
      ok: true;
      type: FileType;
      mediaType: string;
      /** Active content found (macros, PDF JavaScript): accepted, flagged to staff, never shown inline. */
      activeContent: string | null;
    }
  | { ok: false; message: string };

/** PDF name tokens that run something when the file is opened or acted on. */
const PDF_ACTIVE = ['/JavaScript', '/JS', '/OpenAction', '/AA', '/Launch'];

/**
 * Active content a reader could run: VBA macros in a Word or Excel file (vbaProject.bin, the
 * macro-enabled content types of .docm/.xlsm), JavaScript or automatic actions in a PDF. A Chinese
 * description for staff, or null. PDF names may hide letters as #xx escapes, which are decoded.
 */
export function activeContent(type: FileType, buf: Buffer): string | null {
  if (type === 'docx' || type === 'xlsx') {
    const names = zipEntryNames(buf) ?? [];
    if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /(^|\/)vbaData\.xml$/i.test(n))) return '文件内含宏（VBA 代码）';
    const dir = readZipDirectory(buf);
    if (Array.isArray(dir)) {
      const ct = dir.find((e) => e.name === '[Content_Types].xml');
      if (ct && ct.uncompressedSize < 1024 * 1024) {
        try {
          if (/macroEnabled/i.test(inflateZipEntry(buf, ct).toString('utf8'))) return '文件为启用宏的文档（.docm/.xlsm）';
        } catch {
          /* unreadable content types: the type check already passed on names */
        }
      }
    }
    return null;
  }
  if (type === 'pdf') {
    const text = buf.toString('latin1').replace(/\/[A-Za-z0-9#]+/g, (n) => n.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    const found = PDF_ACTIVE.filter((name) => new RegExp(`${name}(?![A-Za-z])`).test(text));
    if (found.length) return `PDF 内含可自动运行的脚本或动作（${found.join('、')}）`;
  }
  return null;
}

function startsWith(buf: Buffer, bytes: number[] | string, offset = 0): boolean {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return buf.length >= offset + b.length && buf.subarray(offset, offset + b.length).equals(b);
}

/** Executable or script formats, named for the refusal message. */
function executableKind(buf: Buffer): string | null {
  if (startsWith(buf, 'MZ')) return 'Windows 可执行程序';
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46])) return 'Linux 可执行程序';
  for (const m of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ]) {
    if (startsWith(buf, m)) return 'macOS 可执行程序或 Java 类文件';
  }
  if (startsWith(buf, '#!')) return '脚本文件';
  if (startsWith(buf, [0x00, 0x61, 0x73, 0x6d])) return 'WebAssembly 程序';
  return null;
}

/**
 * Names of the members of a zip archive, read from its central directory (no decompression).
 * null when the archive is malformed.
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  const dir = readZipDirectory(buf);
  return Array.isArray(dir) ? dir.map((e) => e.name) : null;
}

const EXECUTABLE_MEMBER = /\.(exe|dll|scr|com|bat|cmd|ps1|vbs|js|jar|msi|sh|elf|apk)$/i;

function zipType(buf: Buffer): FileType | { refused: string } | null {
  const dir = readZipDirectory(buf);
  if (!dir) return { refused: '压缩格式文件已损坏，无法识别' };
  if (!Array.isArray(dir)) return dir;
  // Decompression bombs are refused from the directory alone, before anything is unpacked.
  const bomb = zipLimitProblem(dir);
  if (bomb) return { refused: bomb };
  const names = dir.map((e) => e.name);
  const set = new Set(names);
  if (names.some((n) => EXECUTABLE_MEMBER.test(n))) return { refused: '文件内含可执行程序，不予上传' };
  // OFD: GB/T 33190-2016 7.3: the entry file OFD.xml at the root of the package.
  if (set.has('OFD.xml')) return 'ofd';
  if (set.has('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  }
  return null;
}

/** The type of a file from its first bytes (and, for zip containers, their member names). */
export function sniffContent(buf: Buffer): FileType | { refused: string } | null {
  const exe = executableKind(buf);
  if (exe) return { refused: `该文件实际是${exe}，不予上传` };
  if (startsWith(buf, '%PDF-')) return 'pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, 'GIF87a') || startsWith(buf, 'GIF89a')) return 'gif';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return zipType(buf);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { refused: '不支持旧版 Word/Excel（DOC、XLS）文件，请另存为 DOCX、XLSX 或 PDF 后上传' };
  }
  return null;
}

function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Checks an upload: not empty, not larger than `limitBytes`, content of an accepted type, and an
 * extension naming that same type. Messages are for the person uploading.
 */
export function checkUpload(filename: string, buf: Buffer, limitBytes: number): SniffResult {
  if (buf.length === 0) return { ok: false, message: '文件为空，请重新选择' };
  if (buf.length > limitBytes) {
    return { ok: false, message: `文件大小超过上限（${formatBytes(limitBytes)}），当前 ${formatBytes(buf.length)}` };
  }
  const found = sniffContent(buf);
  if (found === null) return { ok: false, message: `无法识别的文件类型，只能上传 ${ACCEPTED_TYPES_TEXT} 文件` };
  if (typeof found === 'object') return { ok: false, message: found.refused };
  const ext = extensionOf(filename);
  if (!FILE_TYPES[found].extensions.includes(ext)) {
    const claimed = (Object.keys(FILE_TYPES) as FileType[]).find((t) => FILE_TYPES[t].extensions.includes(ext));
    return {
      ok: false,
      message: claimed
        ? `文件扩展名“.${ext}”与内容不符：内容实为 ${FILE_TYPES[found].label}，请核对后重新上传`
        : `文件扩展名${ext ? `“.${ext}”` : '缺失'}，只能上传 ${ACCEPTED_TYPES_TEXT} 文件`,
    };
  }
  return { ok: true, type: found, mediaType: FILE_TYPES[found].mediaType, activeContent: activeContent(found, buf) };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
