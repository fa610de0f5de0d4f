// The database for a command-line tool (`npm run audit:verify`, `npm run search:rebuild`) run beside
// or instead of the app: DATABASE_URL, or the embedded PostgreSQL of DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/index.ts';
import { createDb, createPool, type Db } from './index.ts';
import { acquireDataDirLock, DataDirLockedError, embeddedUrl, resolveClusterDir, startEmbeddedPostgres } from './embedded.ts';

export interface CliDatabase {
  url: string;
  /** What was connected to, for the operator. */
  description: string;
  close(): Promise<void>;
}

/**
 * Finds the database: DATABASE_URL when set; else the embedded PostgreSQL of DATA_DIR, on its port
 * when the app holds the data directory's lock, or started here (and stopped again by close()).
 */
export async function openCliDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
  opts: { initialise?: boolean } = {},
): Promise<CliDatabase> {
  const config = loadConfig(env);
  if (config.databaseUrl) {
    return { url: config.databaseUrl, description: 'DATABASE_URL 指定的数据库', close: async () => {} };
  }
  if (opts.initialise) fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(config.dataDir)) throw new Error(`未找到数据目录 ${config.dataDir}：应用尚未启动过，或请用 DATA_DIR / DATABASE_URL 指定数据库。`);
  let release: () => void;
  try {
    release = acquireDataDirLock(config.dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      // The app's server: its password is kept beside the cluster (owner-only file).
      return { url: embeddedUrl(resolveClusterDir(config.dataDir).clusterDir, config.embeddedPgPort), description: `运行中的应用（PID ${err.pid}）的内置数据库，端口 ${config.embeddedPgPort}`, close: async () => {} };
    }
    throw err;
  }
  try {
    const { clusterDir } = resolveClusterDir(config.dataDir);
    // Never initialise an empty cluster here, except for a restore: other tools work on existing data.
    if (!opts.initialise && !fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) throw new Error(`数据目录 ${config.dataDir} 中还没有数据库（${clusterDir}）。`);
    log(`正在启动内置 PostgreSQL（${clusterDir}，端口 ${config.embeddedPgPort}）……`);
    const pg = await startEmbeddedPostgres({ clusterDir, port: config.embeddedPgPort, log });
    return {
      url: pg.url,
      description: `内置数据库（${clusterDir}）`,
      close: async () => {
        try {
          await pg.stop();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Runs a command-line tool's work on the database and returns its exit code: what `work` returns, or
 * 2 when the database cannot be reached or the work throws (`failure` names what could not be done).
 */
export async function runWithCliDatabase(
  env: NodeJS.ProcessEnv,
  err: (line: string) => void,
  failure: string,
  work: (db: Db) => Promise<number>,
): Promise<number> {
  let database: CliDatabase;
  try {
    database = await openCliDatabase(env, err);
  } catch (e) {
    err(`无法连接数据库：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const pool = createPool(database.url, 2);
  try {
    return await work(createDb(pool));
  } catch (e) {
    err(`${failure}（${database.description}）：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  } finally {
    await pool.end().catch(() => {});
    await database.close().catch((e: unknown) => err(`停止内置数据库时出错：${e instanceof Error ? e.message : String(e)}`));
  }
}
