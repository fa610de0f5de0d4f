// `npm test`: starts a PostgreSQL for the run (the embedded one, or TEST_DATABASE_URL), migrates a
// template database once, then runs every *.test.ts(x) with node's test runner.
import fs from 'node:fs';
import { freePort } from '../src/core/testing/net.ts';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { runMigrations } from '../src/core/db/index.ts';
import { startTemporaryPostgres } from '../src/core/db/embedded.ts';
import { browserPrerequisites, browserTestPlan, installCommand, isBrowserTest, isOcrTest, ocrPrerequisites, onPath } from '../src/core/testing/prerequisites.ts';
import { isOfficeTest, officePrerequisites } from '../src/core/testing/libreoffice.ts';

function findTests(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}


/** Installs Debian packages as .ci/run does, saying what; false when apt-get fails. */
function aptInstall(packages: string[]): boolean {
  process.stdout.write(`正在安装浏览器和文字识别测试所需的 Debian 软件包：${packages.join(' ')}（apt-get update && ${installCommand(packages)}）\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env }).status === 0;
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  let files = [...findTests('src'), ...findTests('test')].filter((f) => !filters.length || filters.some((x) => f.includes(x))).sort();
  if (!files.length) {
    process.stderr.write('没有找到测试文件。\n');
    return 1;
  }

  // Browser tests need chromium and a CJK font, OCR tests Tesseract with chi_sim and Ghostscript,
  // spreadsheet-printing tests LibreOffice: install them when we can, else skip those tests (fail under CI).
  const sources = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const ocrFiles = files.filter((f) => isOcrTest(sources.get(f)!));
  const officeFiles = files.filter((f) => isOfficeTest(sources.get(f)!));
  const browserFiles = files.filter((f) => isBrowserTest(sources.get(f)!) || ocrFiles.includes(f) || officeFiles.includes(f));
  const prerequisites = () => [...browserPrerequisites(), ...(ocrFiles.length ? ocrPrerequisites() : []), ...(officeFiles.length ? officePrerequisites() : [])];
  let missing = prerequisites();
  const facts = () => ({
    browserTests: browserFiles.length,
    missing,
    root: process.getuid?.() === 0,
    aptGet: onPath('apt-get'),
    ci: process.env.CI === 'true' || process.env.CI === '1',
  });
  if (browserTestPlan(facts()) === 'install') {
    if (!aptInstall(missing)) process.stderr.write('apt-get 安装失败。\n');
    missing = prerequisites();
  }
  const plan = browserTestPlan({ ...facts(), aptGet: false });
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  let skipped: string[] = [];
  if (plan === 'fail') {
    process.stderr.write(`CI 中缺少浏览器测试所需的 Debian 软件包：${missing.join('、')}。请先安装：${installCommand(missing)}\n`);
    return 1;
  }
  if (plan === 'skip') {
    skipped = browserFiles;
    files = files.filter((f) => !skipped.includes(f));
    process.stdout.write(`缺少 ${missing.join('、')}：跳过 ${skipped.length} 个浏览器测试文件，其余测试照常运行。安装后可运行全部测试：${sudo}${installCommand(missing)}\n`);
    if (!files.length) {
      process.stdout.write('所选测试都需要浏览器，已全部跳过。\n');
      return 0;
    }
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
  if (skipped.length) {
    process.stdout.write(`\n已跳过的浏览器测试（缺少 ${missing.join('、')}；安装：${sudo}${installCommand(missing)}）：\n${skipped.map((f) => `  - ${f}`).join('\n')}\n`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`测试运行失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
