// `npm run search:rebuild` as an operator runs it, against the test database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('npm run search:rebuild', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('restores the search rows of every published record', async () => {
    const before = Number((await t.core.pool.query('SELECT count(*) AS n FROM pub_search_documents')).rows[0].n);
    assert.ok(before > 0, 'the demo records are indexed');
    await t.core.pool.query('DELETE FROM pub_search_documents');
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.url };
    delete env.NODE_TEST_CONTEXT;
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', 'scripts/search-rebuild.ts'], { cwd: repoRoot, env, timeout: 120_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr }),
      ),
    );
    assert.equal(code, 0, stderr);
    assert.match(stdout, /楚雄市.*：已重建 \d+ 条信息的检索索引/);
    const after = Number((await t.core.pool.query('SELECT count(*) AS n FROM pub_search_documents')).rows[0].n);
    assert.equal(after, before);
  });
});
