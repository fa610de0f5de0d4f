import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache } from './cache.ts';

describe('TtlCache', () => {
  it('loads once per key while fresh, and again after the TTL', async () => {
    const cache = new TtlCache<number>(40);
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.get('a', load), 1);
    assert.equal(await cache.get('a', load), 1);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(await cache.get('a', load), 2);
  });

  it('keeps at most maxEntries keys, dropping the least recently used', async () => {
    const cache = new TtlCache<string>(60_000, 3);
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => k);
    await cache.get('a', async () => 'again'); // a is now the most recently used
    await cache.get('d', async () => 'd');
    assert.equal(cache.size, 3);
    assert.equal(await cache.get('a', async () => 'reloaded'), 'a');
    assert.equal(await cache.get('b', async () => 'reloaded'), 'reloaded', 'b was the least recently used');
  });

  it('a failed load is not kept', async () => {
    const cache = new TtlCache<number>(60_000);
    await assert.rejects(cache.get('x', async () => Promise.reject(new Error('down'))));
    await new Promise((r) => setImmediate(r));
    assert.equal(await cache.get('x', async () => 7), 7);
  });

  it('stays bounded over many distinct keys', async () => {
    const cache = new TtlCache<number>(60_000, 100);
    for (let i = 0; i < 10_000; i++) await cache.get(`/records?page=${i}`, async () => i);
    assert.equal(cache.size, 100);
  });
});
