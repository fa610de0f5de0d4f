// `npm run backup` and `npm run restore`: the command-line side of backup/index.ts. The database is
// found as every command-line tool finds it (cli-database.ts): DATABASE_URL, or the embedded server of
// DATA_DIR (the running app's, or started here and stopped again).
import path from 'node:path';
import { loadConfig, type Config } from '../config/index.ts';
import { openCliDatabase } from '../db/cli-database.ts';
import { createBackup, restoreBackup, RestoreError } from './index.ts';

function extraFiles(config: Config) {
  return [
    { archivePath: 'config/audit-hmac.key', file: config.auditKeyFile },
    { archivePath: 'config/audit-anchor', file: config.auditAnchorDir },
  ];
}

function stamp(d: Date): string {
  // Local wall time of the platform (Asia/Shanghai) in the file name: what an operator looks for.
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}`;
}

/** `npm run backup [-- FILE]`: exit 0 written, 2 failed. */
export async function runBackup(
  env: NodeJS.ProcessEnv,
  args: string[],
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  const config = loadConfig(env);
  const file = path.resolve(args.find((a) => !a.startsWith('-')) ?? path.join(env.BACKUP_DIR || 'backups', `gongkai-${stamp(new Date())}.tar.gz`));
  let db;
  try {
    db = await openCliDatabase(env, err);
  } catch (e) {
    err(`无法连接数据库：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    out(`正在备份${db.description}和文件目录 ${path.join(config.dataDir, 'files')}……`);
    const m = await createBackup({ databaseUrl: db.url, filesDir: path.join(config.dataDir, 'files'), extraFiles: extraFiles(config) }, file, out);
    out(`备份完成：${file}（${m.tables.length} 张数据表，${m.tables.reduce((n, t) => n + t.rows, 0)} 行，${m.files.length} 个文件）`);
    return 0;
  } catch (e) {
    err(`备份失败：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  } finally {
    await db.close().catch(() => {});
  }
}

/** `npm run restore -- FILE [--force]`: exit 0 restored, 1 refused (target not empty, bad archive), 2 failed. */
export async function runRestore(
  env: NodeJS.ProcessEnv,
  args: string[],
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  const config = loadConfig(env);
  const force = args.includes('--force');
  const archive = args.find((a) => !a.startsWith('-'));
  if (!archive) {
    err('用法：npm run restore -- 备份文件.tar.gz [--force]');
    return 2;
  }
  let db;
  try {
    db = await openCliDatabase(env, err, { initialise: true });
  } catch (e) {
    err(`无法连接数据库：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    out(`正在把 ${archive} 恢复到${db.description}和文件目录 ${path.join(config.dataDir, 'files')}……`);
    const r = await restoreBackup(path.resolve(archive), { databaseUrl: db.url, filesDir: path.join(config.dataDir, 'files'), extraFiles: extraFiles(config), force }, out);
    out(`恢复完成：${r.tables} 张数据表，${r.rows} 行，${r.files} 个文件。`);
    return 0;
  } catch (e) {
    err(`恢复失败：${e instanceof Error ? e.message : String(e)}`);
    return e instanceof RestoreError ? 1 : 2;
  } finally {
    await db.close().catch(() => {});
  }
}
