// `npm run search:rebuild`: rebuilds the search rows (pub_search_documents) of every city, e.g. after a
// change to the tokenizer. Safe beside a running app: each record is refreshed in its own transaction.
import { isNull } from 'drizzle-orm';
import { units } from '../../core/db/schema.ts';
import { runWithCliDatabase } from '../../core/db/cli-database.ts';
import { rebuildSearchIndex } from './data/search-index.ts';

/** Returns the exit code: 0 rebuilt, 2 could not. */
export async function runSearchRebuild(
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  return runWithCliDatabase(env, err, '重建检索索引失败', async (db) => {
    const roots = await db.select({ id: units.id, name: units.name }).from(units).where(isNull(units.parentId)).orderBy(units.id);
    for (const root of roots) {
      const t0 = performance.now();
      const n = await rebuildSearchIndex(db, root.id);
      out(`${root.name}：已重建 ${n} 条信息的检索索引（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
    }
    return 0;
  });
}
