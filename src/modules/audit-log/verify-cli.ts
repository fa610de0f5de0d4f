// `npm run audit:verify`: re-computes the audit log's hash chain from outside the app, with the key
// kept outside the database, checks the checkpoints written outside the table, and appends a new one.
import { runWithCliDatabase } from '../../core/db/cli-database.ts';
import { loadConfig } from '../../core/config/index.ts';
import { verifyAuditChain } from '../../core/audit/index.ts';
import { loadAuditKey, verifyAuditCheckpoints, writeAuditCheckpoint } from '../../core/audit/anchor.ts';

/** Runs the check and returns the exit code: 0 intact, 1 broken, 2 could not check. */
export async function runAuditVerify(
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  const config = loadConfig(env);
  return runWithCliDatabase(env, err, '无法读取审计日志', async (db) => {
    const key = await loadAuditKey(db, config, false);
    const result = await verifyAuditChain(db, 5000, key);
    const anchors = await verifyAuditCheckpoints(db, config.auditAnchorDir);
    let code = 0;
    if (result.ok) {
      out(`审计日志哈希链完整：共 ${result.count} 条记录`);
    } else {
      out(`审计日志哈希链在第 ${result.brokenId} 条记录处断裂：${result.reason}`);
      code = 1;
    }
    if (!anchors.ok) {
      for (const p of anchors.problems) out(`审计日志与库外检查点不符：${p}`);
      code = 1;
    }
    // Anchor what was just found intact, so later deletions of these rows are noticed.
    if (code === 0) await writeAuditCheckpoint(db, config.auditAnchorDir);
    return code;
  });
}
