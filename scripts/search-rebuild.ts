// `npm run search:rebuild`: rebuilds the search index of every city's records. Exit 0 done, 2 failed.
import { runSearchRebuild } from '../src/modules/publishing/index.ts';

runSearchRebuild(process.env).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`重建检索索引失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
