// The demo data loads once, in one go, with the composition and counts the demo promises.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { composition, DEFAULT_POWER_TYPES, rowProblems } from '../domain/power-list.ts';
import { departmentRows, seedPowersDemo, townshipRows } from './seed-demo.ts';

describe('demo rows', () => {
  it('the township list has the 法定 108 + 赋权 127 composition and every element', () => {
    const rows = townshipRows('东瓜镇');
    const c = composition(rows);
    assert.deepEqual([c.total, c.statutory, c.devolved, c.entrusted], [235, 108, 122, 5]);
    assert.deepEqual(Object.fromEntries(c.byType), { 行政处罚: 149, 其他行政职权: 49, 行政检查: 10, 行政许可: 6, 行政给付: 9, 行政强制: 6, 行政确认: 3, 行政裁决: 3 });
    const labels = DEFAULT_POWER_TYPES.map((t) => t.label);
    assert.deepEqual([...rows, ...departmentRows()].filter((r) => Object.keys(rowProblems(r, labels)).length), []);
  });
});

let t: TestApp;
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
});
after(async () => t.dispose());

describe('demo seeding', () => {
  it('loads lists, 200+ decisions (some withdrawn) and 20+ guides, once', async () => {
    const root = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
    await seedPowersDemo(t.core, Number(root), () => {});
    await seedPowersDemo(t.core, Number(root), () => {});
    const q = async (s: string) => (await t.core.pool.query(s)).rows[0];
    assert.deepEqual(await q("SELECT count(*)::int AS n FROM powers_items i JOIN units u ON u.id = i.unit_id WHERE u.slug = 'donggua' AND i.cancelled_at IS NULL"), { n: 236 });
    const d = await q('SELECT count(*)::int AS n, count(withdrawn_on)::int AS w, count(*) FILTER (WHERE published_on IS NULL)::int AS unpublished FROM powers_decisions');
    assert.equal(d.n, 220);
    assert.ok(d.w >= 5, `withdrawn: ${d.w}`);
    assert.ok(d.unpublished >= 5, `unpublished: ${d.unpublished}`);
    assert.deepEqual(await q('SELECT count(*)::int AS n FROM powers_guides WHERE published_at IS NOT NULL'), { n: 22 });
    const log = textOf((await t.client().get('/powers/donggua/changes')).body);
    assert.match(log, /增加 对违反《云南省乡村清洁条例》乱堆乱放行为的处罚/);
    assert.match(log, /楚政办通〔2026〕41号/);
    const list = await t.client().get('/enforcement?page=2');
    assert.equal(list.statusCode, 200);
    assert.match(textOf(list.body), /第 2 \/ \d+ 页/);
    assert.match(textOf((await t.client().get('/services?audience=法人')).body), /食品经营许可/);
    const stats = textOf((await t.client().get('/enforcement/market-regulation/statistics/2025')).body);
    assert.match(stats, /行政检查 开展行政检查次数 2,315次 本单位填报/);
    assert.match(stats, /行政执法情况说明 2025年，本局围绕食品安全/);
  });
});
