// File storage behind an interface (ARCHITECTURE §6): local disk by default, content-addressed by
// sha256, so identical uploads are stored once and a stored file never changes. An S3-compatible
// implementation can replace LocalFileStorage for several instances without touching callers.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  /** Storage key: the sha256 of the content, in hex. */
  key: string;
  sha256: string;
  size: number;
}

export interface FileStorage {
  /** Stores bytes; storing the same bytes twice returns the same key. */
  put(data: Buffer): Promise<StoredFile>;
  /** The bytes under a key; throws FileNotFoundError when absent. */
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`文件不存在：${key}`);
    this.name = 'FileNotFoundError';
  }
}

const KEY = /^[0-9a-f]{64}$/;

export function sha256Hex(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Files under `root/ab/cd/<sha256>`; writes go to a temporary name first, then are renamed into place. */
export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new FileNotFoundError(key);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(data: Buffer): Promise<StoredFile> {
    const key = sha256Hex(data);
    const target = this.pathOf(key);
    if (!(await this.exists(key))) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      const handle = await fs.open(tmp, 'wx', 0o640);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // rename is atomic: a reader sees the whole file or none; two writers of the same content agree.
      await fs.rename(tmp, target);
    }
    return { key, sha256: key, size: data.length };
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(key);
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}

const byRoot = new Map<string, FileStorage>();

/** The storage of a deployment: `dataDir/files` on local disk. */
export function fileStorage(config: { dataDir: string }): FileStorage {
  const root = path.join(config.dataDir, 'files');
  let s = byRoot.get(root);
  if (!s) {
    s = new LocalFileStorage(root);
    byRoot.set(root, s);
  }
  return s;
}
