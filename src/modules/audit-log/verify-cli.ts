// `npm run audit:verify`: re-computes the audit log's hash chain from outside the app.
import { runWithCliDatabase } from '../../core/db/cli-database.ts';
import { verifyAuditChain } from '../../core/audit/index.ts';

/** Runs the check and returns the exit code: 0 intact, 1 broken, 2 could not check. */
export async function runAuditVerify(
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  return runWithCliDatabase(env, err, '无法读取审计日志', async (db) => {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      out(`审计日志哈希链完整：共 ${result.count} 条记录`);
      return 0;
    }
    out(`审计日志哈希链在第 ${result.brokenId} 条记录处断裂：${result.reason}`);
    return 1;
  });
}
