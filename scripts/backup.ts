// `npm run backup`: see src/core/backup/cli.ts.
import { runBackup } from '../src/core/backup/cli.ts';

runBackup(process.env, process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`失败：${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
