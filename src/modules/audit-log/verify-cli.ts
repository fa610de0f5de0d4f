// `npm run audit:verify`: re-computes the audit log's hash chain from outside the app.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../core/config/index.ts';
import { createDb, createPool } from '../../core/db/index.ts';
import { acquireDataDirLock, DataDirLockedError, resolveClusterDir, startEmbeddedPostgres } from '../../core/db/embedded.ts';
import { verifyAuditChain } from '../../core/audit/index.ts';

export interface AuditDatabase {
  url: string;
  /** What was connected to, for the operator. */
  description: string;
  close(): Promise<void>;
}

/**
 * Finds the database: DATABASE_URL when set; else the embedded PostgreSQL of DATA_DIR, on its port
 * when the app holds the data directory's lock, or started here (and stopped again by close()).
 */
export async function openAuditDatabase(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => {}): Promise<AuditDatabase> {
  const config = loadConfig(env);
  if (config.databaseUrl) {
    return { url: config.databaseUrl, description: 'DATABASE_URL 指定的数据库', close: async () => {} };
  }
  const embeddedUrl = `postgres://postgres:gongkai@127.0.0.1:${config.embeddedPgPort}/postgres`;
  if (!fs.existsSync(config.dataDir)) throw new Error(`未找到数据目录 ${config.dataDir}：应用尚未启动过，或请用 DATA_DIR / DATABASE_URL 指定数据库。`);
  let release: () => void;
  try {
    release = acquireDataDirLock(config.dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      return { url: embeddedUrl, description: `运行中的应用（PID ${err.pid}）的内置数据库，端口 ${config.embeddedPgPort}`, close: async () => {} };
    }
    throw err;
  }
  try {
    const { clusterDir } = resolveClusterDir(config.dataDir);
    // Never initialise an empty cluster here: a fresh one would "verify" nothing.
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) throw new Error(`数据目录 ${config.dataDir} 中还没有数据库（${clusterDir}）。`);
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

/** Runs the check and returns the exit code: 0 intact, 1 broken, 2 could not check. */
export async function runAuditVerify(
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  let database: AuditDatabase;
  try {
    database = await openAuditDatabase(env, err);
  } catch (e) {
    err(`无法连接数据库：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const pool = createPool(database.url, 2);
  try {
    const result = await verifyAuditChain(createDb(pool));
    if (result.ok) {
      out(`审计日志哈希链完整：共 ${result.count} 条记录`);
      return 0;
    }
    out(`审计日志哈希链在第 ${result.brokenId} 条记录处断裂：${result.reason}`);
    return 1;
  } catch (e) {
    err(`无法读取审计日志（${database.description}）：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  } finally {
    await pool.end().catch(() => {});
    await database.close().catch((e: unknown) => err(`停止内置数据库时出错：${e instanceof Error ? e.message : String(e)}`));
  }
}
