import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { systemActor, verifyAuditChain } from '../../core/audit/index.ts';
import { createItem, importItems, retireItem, setAdoptedItems, updateItem } from './service.ts';
import { listCatalogVersions, listDomains, listItemVersions, listUnitCatalogItems } from './data/repository.ts';
import { diffSnapshots } from './domain/versions.ts';
import type { CatalogItemData } from './domain/types.ts';

const actor = { ...systemActor, name: '李政务（gkb）' };

function item(level2: string, over: Partial<CatalogItemData> = {}): CatalogItemData {
  return {
    domainName: '财政预决算',
    level1: '财政预决算',
    level2,
    content: `${level2}的收支表和说明`,
    basis: ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》'],
    timeLimitText: '本级人民代表大会或其常务委员会批准后20日内',
    timeLimitRule: { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' },
    publisherText: '楚雄市财政局',
    channels: ['政府网站'],
    customChannels: [],
    audience: { society: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    level: { county: true, township: true },
    ...over,
  };
}

describe('catalog service', () => {
  let t: TestApp;
  let root: number;
  let finance: number;
  before(async () => {
    t = await createTestApp();
    root = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
    finance = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'finance'")).rows[0].id);
  });
  after(async () => t.dispose());

  it('seeds the 26 national domains for the city', async () => {
    const domains = await listDomains(t.core.db, root);
    assert.equal(domains.length, 26);
    assert.equal(domains[2]!.name, '财政预决算');
  });

  it('versions the standard catalog on every change and diffs any two versions', async () => {
    const a = await createItem(t.core, actor, { rootUnitId: root, ownerUnitId: null, data: item('政府预算'), reason: '首次编制' });
    const b = await createItem(t.core, actor, { rootUnitId: root, ownerUnitId: null, data: item('政府决算'), reason: '首次编制' });
    assert.ok(a.ok && b.ok);
    const up = await updateItem(t.core, actor, a.item.id, item('政府预算', { channels: ['政府网站', '政府公报'] }), '增加政府公报渠道');
    assert.ok(up.ok && up.changed);
    assert.equal(up.item.version, 2);
    const same = await updateItem(t.core, actor, a.item.id, item('政府预算', { channels: ['政府网站', '政府公报'] }), '无变化');
    assert.ok(same.ok && !same.changed, 'a save without changes makes no version');
    const versions = await listCatalogVersions(t.core.db, root);
    assert.deepEqual(versions.map((v) => v.version), [3, 2, 1]);
    assert.deepEqual(diffSnapshots(versions[2]!.snapshot, versions[0]!.snapshot), { added: [b.item.id], removed: [], changed: [{ itemId: a.item.id, from: 1, to: 2 }] });
    const itemVersions = await listItemVersions(t.core.db, a.item.id);
    assert.deepEqual(itemVersions.map((v) => [v.version, v.changeKind, v.reason]), [
      [2, 'updated', '增加政府公报渠道'],
      [1, 'created', '首次编制'],
    ]);
  });

  it('refuses an incomplete item with field messages', async () => {
    const r = await createItem(t.core, actor, { rootUnitId: root, ownerUnitId: null, data: item('', { mode: { proactive: false, onRequest: false } }), reason: '' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.errors.level2, '请填写二级事项');
      assert.equal(r.errors.mode, '请选择公开方式（主动或依申请）');
      assert.equal(r.errors.reason, '请填写变更说明');
    }
  });

  it('lets a department adopt standard items and add its own, each change a version of its catalog', async () => {
    const standard = await listUnitCatalogItems(t.core.db, root, true);
    const ids = standard.map((s) => s.id);
    const adopt = await setAdoptedItems(t.core, actor, finance, root, ids, '采用本市标准目录');
    assert.ok(adopt.ok);
    assert.equal(adopt.added, 2);
    const own = await createItem(t.core, actor, { rootUnitId: root, ownerUnitId: finance, data: item('财政专项资金'), reason: '本单位补充事项' });
    assert.ok(own.ok);
    const mine = await listUnitCatalogItems(t.core.db, finance, false);
    assert.deepEqual(mine.map((m) => m.level2).sort(), ['政府决算', '政府预算', '财政专项资金'].sort());
    // Changing a standard item makes a new version of the adopting unit's catalog too.
    const before = (await listCatalogVersions(t.core.db, finance)).length;
    await updateItem(t.core, actor, ids[0]!, item('政府预算', { content: '新的公开内容' }), '调整内容');
    assert.equal((await listCatalogVersions(t.core.db, finance)).length, before + 1);
    const retired = await retireItem(t.core, actor, ids[1]!, '并入政府预算');
    assert.ok(retired.ok);
    assert.equal((await listUnitCatalogItems(t.core.db, finance, false)).length, 2);
    const foreign = await setAdoptedItems(t.core, actor, finance, root, [own.item.id], '错误');
    assert.equal(foreign.ok, false, 'only standard items can be adopted');
  });

  it('imports all or nothing, matching existing items by domain and item names', async () => {
    const bad = await importItems(t.core, actor, { rootUnitId: root, ownerUnitId: null, items: [item('部门预决算'), item('x', { level1: '' })], reason: '导入' });
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.equal(bad.errors['items[2].level1'], '第2条：请填写一级事项');
    assert.equal((await listUnitCatalogItems(t.core.db, root, true)).some((i) => i.level2 === '部门预决算'), false, 'nothing half-imported');
    const unknown = await importItems(t.core, actor, { rootUnitId: root, ownerUnitId: null, items: [item('a', { domainName: '涉农资金' })], reason: '导入' });
    assert.equal(unknown.ok, false);
    const ok = await importItems(t.core, actor, {
      rootUnitId: root,
      ownerUnitId: null,
      items: [item('政府预算', { content: '新的公开内容' }), item('部门预决算'), item('三公经费', { domainName: '财政预决算领域' })],
      reason: '导入2026年版目录',
    });
    assert.ok(ok.ok);
    assert.deepEqual({ created: ok.created, updated: ok.updated, unchanged: ok.unchanged }, { created: 2, updated: 0, unchanged: 1 });
    assert.deepEqual(await verifyAuditChain(t.core.db), { ok: true, count: (await t.core.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n });
  });
});
