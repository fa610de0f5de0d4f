// `npm run audit:verify`: re-computes the audit log's hash chain from outside the app.
import { createDb, createPool } from '../../core/db/index.ts';
import { openCliDatabase, type CliDatabase } from '../../core/db/cli-database.ts';
import { verifyAuditChain } from '../../core/audit/index.ts';

/** Runs the check and returns the exit code: 0 intact, 1 broken, 2 could not check. */
export async function runAuditVerify(
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
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
