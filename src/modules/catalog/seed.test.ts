import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../core/testing/index.ts';
import { verifyAuditChain } from '../../core/audit/index.ts';
import { FIXTURE_ROWS } from './demo/catalog-rows.ts';
import { listCatalogVersions, listItemVersions, listUnitCatalogItems } from './data/repository.ts';
import { demoCatalogWanted, seedCatalog } from './seed.ts';

async function unitId(t: TestApp, slug: string): Promise<number> {
  return Number((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);
}

describe('demoCatalogWanted', () => {
  it('is on unless GONGKAI_DEMO_CATALOG switches it off', () => {
    assert.equal(demoCatalogWanted({}), true);
    assert.equal(demoCatalogWanted({ GONGKAI_DEMO_CATALOG: '1' }), true);
    for (const off of ['0', 'off', 'FALSE', ' no ']) assert.equal(demoCatalogWanted({ GONGKAI_DEMO_CATALOG: off }), false, off);
  });
});

describe('demo catalog of the first start', () => {
  let t: TestApp;
  let root: number;
  before(async () => {
    t = await createTestApp();
    root = await unitId(t, 'city-government');
  });
  after(async () => t.dispose());

  it('loads the 33 demo rows into the standard catalog as version 1', async () => {
    assert.equal(FIXTURE_ROWS.length, 33);
    const items = await listUnitCatalogItems(t.core.db, root, true);
    assert.equal(items.length, 33);
    const budget = items.find((i) => i.level2 === '政府预算')!;
    assert.equal(budget.level1, '政府预决算');
    assert.equal(budget.publisherText, '楚雄市财政局');
    assert.deepEqual(budget.timeLimitRule, { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' });
    assert.deepEqual(budget.channels, ['政府网站'], 'the ■/□ checklist read as the import reads it');
    assert.equal(budget.audienceSpecific, false);
    const complaints = items.find((i) => i.level2 === '环境信访投诉办理')!;
    assert.deepEqual([complaints.audienceSociety, complaints.audienceSpecific, complaints.modeProactive, complaints.modeOnRequest], [false, true, false, true]);
    const versions = await listCatalogVersions(t.core.db, root);
    assert.deepEqual(versions.map((v) => [v.version, v.snapshot.length, v.reason]), [[1, 33, '载入演示数据：财政预决算、生态环境领域标准目录']]);
    const history = await listItemVersions(t.core.db, budget.id);
    assert.deepEqual(history.map((h) => [h.version, h.changeKind, h.changedByName]), [[1, 'created', '系统（演示数据）']]);
  });

  it('has the finance unit adopt the 17 财政预决算 items and the ecology unit the 16 生态环境 items', async () => {
    const finance = await listUnitCatalogItems(t.core.db, await unitId(t, 'finance'), false);
    const ecology = await listUnitCatalogItems(t.core.db, await unitId(t, 'ecology-environment'), false);
    assert.equal(finance.length, 17);
    assert.equal(ecology.length, 16);
    assert.ok(finance.some((i) => i.level2 === '政府采购合同'));
    assert.ok(ecology.some((i) => i.level2 === '排污许可'));
    assert.equal(finance.some((i) => i.level2 === '排污许可'), false);
    assert.equal((await listCatalogVersions(t.core.db, await unitId(t, 'finance'))).length, 1);
    assert.equal((await listUnitCatalogItems(t.core.db, await unitId(t, 'donggua'), false)).length, 0, 'other units adopt nothing');
  });

  it('shows the populated catalog to the public', async () => {
    const res = await t.client().get('/openness/finance/catalog');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /财政预决算/);
    assert.match(text, /政府采购合同/);
    assert.doesNotMatch(text, /排污许可/);
  });

  it('does nothing on a later start, and leaves a catalog alone once it has versions', async () => {
    const count = async () => (await t.core.pool.query('SELECT (SELECT count(*) FROM catalog_items)::int AS items, (SELECT count(*) FROM catalog_versions)::int AS versions')).rows[0];
    const before = await count();
    await seedCatalog(t.core);
    assert.deepEqual(await count(), before);
    // A unit that removed every demo item keeps an empty catalog: it has versions, so nothing is re-adopted.
    const ecologyId = await unitId(t, 'ecology-environment');
    await t.core.pool.query('UPDATE catalog_unit_items SET removed_at = now() WHERE unit_id = $1', [ecologyId]);
    await seedCatalog(t.core);
    assert.equal((await listUnitCatalogItems(t.core.db, ecologyId, false)).length, 0);
    assert.deepEqual(await verifyAuditChain(t.core.db), { ok: true, count: (await t.core.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n });
  });
});
