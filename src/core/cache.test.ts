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

  it('serves the old value once past the TTL while one reload runs, then the new one', async () => {
    const cache = new TtlCache<number>(30, 100, { staleMs: 10_000 });
    let loads = 0;
    let release!: () => void;
    const slow = () => new Promise<number>((r) => { release = () => r(++loads); });
    const first = cache.get('k', slow);
    release();
    assert.equal(await first, 1);
    await new Promise((r) => setTimeout(r, 50));
    // Past the TTL: both readers get the old value at once, and only one reload starts.
    assert.equal(await cache.get('k', slow), 1);
    assert.equal(await cache.get('k', slow), 1);
    release();
    await new Promise((r) => setImmediate(r));
    assert.equal(loads, 2);
    assert.equal(await cache.get('k', async () => 99), 2);
  });

  it('a value loaded before clear() is not put back after it', async () => {
    const cache = new TtlCache<string>(60_000);
    let release!: (v: string) => void;
    const pending = cache.get('k', () => new Promise<string>((r) => { release = r; }));
    cache.clear();
    release('old');
    assert.equal(await pending, 'old');
    await new Promise((r) => setImmediate(r));
    assert.equal(await cache.get('k', async () => 'new'), 'new');
  });

  it('keeps at most maxBytes, dropping the least recently used', async () => {
    const cache = new TtlCache<string>(60_000, 1_000, { maxBytes: 1_000, sizeOf: (v) => v.length });
    for (let i = 0; i < 50; i++) await cache.get(`k${i}`, async () => 'x'.repeat(100));
    await new Promise((r) => setImmediate(r));
    assert.ok(cache.bytes <= 1_000, `bytes ${cache.bytes}`);
    assert.ok(cache.size <= 10 && cache.size >= 9, `size ${cache.size}`);
    assert.equal(await cache.get('k49', async () => 'reloaded'), 'x'.repeat(100));
  });

  it('drops only the entries a change concerns, and those still loading', async () => {
    const cache = new TtlCache<{ shows?: string[] }>(60_000);
    await cache.get('a', async () => ({ shows: ['A'] }));
    await cache.get('b', async () => ({ shows: ['B'] }));
    await cache.get('list', async () => ({}));
    let release: (v: { shows?: string[] }) => void = () => undefined;
    const loading = cache.get('c', () => new Promise((r) => (release = r)));
    assert.equal(cache.deleteWhere((v) => !v.shows || v.shows.includes('A')), 3);
    assert.equal(cache.size, 1);
    release({ shows: ['C'] });
    await loading;
    assert.equal(cache.size, 1, 'a load under way when the change came is not stored');
    let loads = 0;
    await cache.get('b', async () => (loads++, {}));
    assert.equal(loads, 0, 'b stayed');
  });
});
