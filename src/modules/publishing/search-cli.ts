// `npm run search:rebuild`: rebuilds the search rows (pub_search_documents) of every city, e.g. after a
// change to the tokenizer. Safe beside a running app: each record is refreshed in its own transaction.
import { isNull } from 'drizzle-orm';
import { createDb, createPool } from '../../core/db/index.ts';
import { units } from '../../core/db/schema.ts';
import { openCliDatabase, type CliDatabase } from '../../core/db/cli-database.ts';
import { rebuildSearchIndex } from './data/search-index.ts';

/** Returns the exit code: 0 rebuilt, 2 could not. */
export async function runSearchRebuild(
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
    const db = createDb(pool);
    const roots = await db.select({ id: units.id, name: units.name }).from(units).where(isNull(units.parentId)).orderBy(units.id);
    for (const root of roots) {
      const t0 = performance.now();
      const n = await rebuildSearchIndex(db, root.id);
      out(`${root.name}：已重建 ${n} 条信息的检索索引（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
    }
    return 0;
  } catch (e) {
    err(`重建检索索引失败（${database.description}）：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  } finally {
    await pool.end().catch(() => {});
    await database.close().catch((e: unknown) => err(`停止内置数据库时出错：${e instanceof Error ? e.message : String(e)}`));
  }
}
