// `npm test`: starts a PostgreSQL for the run (the embedded one, or TEST_DATABASE_URL), migrates a
// template database once, then runs every *.test.ts(x) with node's test runner.
import fs from 'node:fs';
import { freePort } from '../src/core/testing/net.ts';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { runMigrations } from '../src/core/db/index.ts';
import { startTemporaryPostgres } from '../src/core/db/embedded.ts';
import { browserPrerequisites } from '../src/core/testing/prerequisites.ts';

function findTests(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}


async function main(): Promise<number> {
  const missing = browserPrerequisites();
  if (missing.length) {
    process.stderr.write(
      `浏览器测试需要以下 Debian 软件包，当前缺少：${missing.join('、')}\n请先安装：apt-get install -y ${missing.join(' ')}\n(Browser tests need Debian packages: ${missing.join(', ')}.)\n`,
    );
    return 1;
  }
  const filters = process.argv.slice(2);
  const files = [...findTests('src'), ...findTests('test')].filter((f) => !filters.length || filters.some((x) => f.includes(x))).sort();
  if (!files.length) {
    process.stderr.write('没有找到测试文件。\n');
    return 1;
  }

  let url = process.env.TEST_DATABASE_URL;
  let cleanup: (() => Promise<void>) | undefined;
  if (!url) {
    const pgTemp = await startTemporaryPostgres(await freePort());
    url = pgTemp.url;
    cleanup = pgTemp.cleanup;
    process.stdout.write(`测试数据库：内置 PostgreSQL（${pgTemp.dataDir}）\n`);
  } else {
    process.stdout.write(`测试数据库：${url.replace(/:[^:@/]*@/, ':***@')}\n`);
  }
  const template = `gk_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  process.stdout.write(`PostgreSQL ${serverVersion}\n`);
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' TEMPLATE template0`);
  const u = new URL(url);
  u.pathname = `/${template}`;
  await runMigrations(u.toString());

  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: url, TEST_TEMPLATE_DB: template, NODE_ENV: 'test' },
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });

  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
  await admin.end();
  await cleanup?.();
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`测试运行失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
