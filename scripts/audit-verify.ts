// `npm run audit:verify`: checks the audit log's hash chain. Exit 0 intact, 1 broken, 2 could not check.
import { runAuditVerify } from '../src/modules/audit-log/index.ts';

runAuditVerify(process.env).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`审计日志校验失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
