// Publishing drops only the cached pages that may show the change: the record's own page, the pages
// of records linked to it, and the lists; other record pages stay cached.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { publishTestRecord } from './testing/public-fixture.ts';
import { refreshSearchDocument } from './data/search-index.ts';
import { recordPath } from './views/public-shared.tsx';
import { publicPages } from './public-cache.ts';
import type { RecordRow } from './data/repository.ts';

describe('precise invalidation of the public page cache', { timeout: 120_000 }, () => {
  let t: TestApp;
  const r: Record<string, RecordRow> = {};
  before(async () => {
    t = await createTestApp();
    const day = (d: string) => ({ publishedOn: d, writtenOn: d, formedOn: d });
    r.a = await publishTestRecord(t, { ...day('2026-03-01'), title: '缓存测试甲' });
    r.b = await publishTestRecord(t, { ...day('2026-03-02'), title: '缓存测试乙' });
  });
  after(async () => t?.dispose());

  it('keeps other record pages when a record changes', async () => {
    const c = t.client();
    // The loader's own second pass (a moment after publication) is over first.
    await new Promise((res) => setTimeout(res, 1_200));
    publicPages.clear();
    for (const path of [recordPath(r.a!.indexNo!), recordPath(r.b!.indexNo!), '/records']) assert.equal((await c.get(path)).statusCode, 200);
    assert.equal(publicPages.size, 3);
    await t.core.db.transaction((tx) => refreshSearchDocument(tx, r.a!.id));
    assert.equal(publicPages.size, 1, 'the changed record’s page and the list are dropped, the other record page stays');
    // The second pass after commit drops the same again (a reader may have cached the old state meanwhile).
    assert.equal((await c.get(recordPath(r.a!.indexNo!))).statusCode, 200);
    await new Promise((res) => setTimeout(res, 1_200));
    assert.equal(publicPages.size, 1);
  });
});
