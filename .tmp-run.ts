import { spawnSync } from 'node:child_process';
import { freePort } from './src/core/testing/net.ts';
import { startTemporaryPostgres } from './src/core/db/embedded.ts';
const pg = await startTemporaryPostgres(await freePort());
try {
  const [pattern, ...files] = process.argv.slice(2);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-name-pattern=${pattern}`, ...files], { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: pg.url } });
  process.exitCode = r.status ?? 1;
} finally {
  await pg.cleanup();
}
