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
    // Version 1 is the demo catalog loaded on the first start.
    assert.deepEqual(versions.map((v) => v.version), [4, 3, 2, 1]);
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
    // The two items made above (一级事项 财政预决算), not the demo items the unit adopted on the first start.
    const standard = (await listUnitCatalogItems(t.core.db, root, true)).filter((s) => s.level1 === '财政预决算');
    const ids = standard.map((s) => s.id);
    assert.equal(ids.length, 2);
    const adopt = await setAdoptedItems(t.core, actor, finance, root, ids, '采用本市标准目录');
    assert.ok(adopt.ok);
    assert.equal(adopt.added, 2);
    assert.equal(adopt.removed, 17, 'the 17 demo items are no longer adopted');
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

  it('imports a file naming the same item twice: a creation then an update, or an existing item updated twice', async () => {
    const beforeVersions = (await listCatalogVersions(t.core.db, root)).length;
    const fresh = await importItems(t.core, actor, {
      rootUnitId: root,
      ownerUnitId: null,
      items: [item('国有资本经营预算', { content: '第一稿' }), item('国有资本经营预算', { content: '第二稿' }), item('国有资本经营预算', { content: '第二稿' })],
      reason: '重复行导入',
    });
    assert.ok(fresh.ok);
    assert.deepEqual({ created: fresh.created, updated: fresh.updated, unchanged: fresh.unchanged }, { created: 1, updated: 1, unchanged: 1 });
    const row = (await listUnitCatalogItems(t.core.db, root, true)).filter((i) => i.level2 === '国有资本经营预算');
    assert.equal(row.length, 1, 'one item, not two');
    assert.equal(row[0]!.content, '第二稿');
    assert.equal(row[0]!.version, 2);
    assert.deepEqual((await listItemVersions(t.core.db, row[0]!.id)).map((v) => [v.version, v.changeKind, v.data.content]), [
      [2, 'updated', '第二稿'],
      [1, 'created', '第一稿'],
    ]);
    // An existing item named twice with two different contents: two versions, no stale read, no 500.
    const twice = await importItems(t.core, actor, {
      rootUnitId: root,
      ownerUnitId: null,
      items: [item('国有资本经营预算', { content: '第三稿' }), item('国有资本经营预算', { content: '第四稿' })],
      reason: '再次导入',
    });
    assert.ok(twice.ok);
    assert.deepEqual({ created: twice.created, updated: twice.updated, unchanged: twice.unchanged }, { created: 0, updated: 2, unchanged: 0 });
    const after = await listItemVersions(t.core.db, row[0]!.id);
    assert.deepEqual(after.map((v) => [v.version, v.data.content]).slice(0, 2), [
      [4, '第四稿'],
      [3, '第三稿'],
    ]);
    const versions = await listCatalogVersions(t.core.db, root);
    assert.equal(versions.length, beforeVersions + 2, 'one catalog version per import');
    assert.equal(versions[0]!.snapshot.find((e) => e.itemId === row[0]!.id)?.version, 4);
  });

  it('versions the catalog of a unit that adopted an item the import updates', async () => {
    const [target] = (await listUnitCatalogItems(t.core.db, root, true)).filter((i) => i.level2 === '部门预决算');
    assert.ok(target);
    const adopt = await setAdoptedItems(t.core, actor, finance, root, [...(await listUnitCatalogItems(t.core.db, finance, false)).filter((i) => i.ownerUnitId === null).map((i) => i.id), target.id], '采用部门预决算');
    assert.ok(adopt.ok);
    assert.equal(adopt.added, 1);
    const financeBefore = await listCatalogVersions(t.core.db, finance);
    const r = await importItems(t.core, actor, {
      rootUnitId: root,
      ownerUnitId: null,
      items: [item('部门预决算', { timeLimitText: '本级政府财政部门批复后20日内' }), item('政府性基金预算')],
      reason: '调整部门预决算时限',
    });
    assert.ok(r.ok);
    assert.deepEqual({ created: r.created, updated: r.updated }, { created: 1, updated: 1 });
    assert.deepEqual(r.versionedUnits, [finance]);
    const financeAfter = await listCatalogVersions(t.core.db, finance);
    assert.equal(financeAfter.length, financeBefore.length + 1);
    assert.equal(financeAfter[0]!.reason, '调整部门预决算时限');
    assert.deepEqual(diffSnapshots(financeBefore[0]!.snapshot, financeAfter[0]!.snapshot), { added: [], removed: [], changed: [{ itemId: target.id, from: 1, to: 2 }] });
    // A pure addition to the standard catalog does not touch the unit's catalog.
    const add = await importItems(t.core, actor, { rootUnitId: root, ownerUnitId: null, items: [item('财政转移支付')], reason: '新增事项' });
    assert.ok(add.ok);
    assert.deepEqual(add.versionedUnits, []);
    assert.equal((await listCatalogVersions(t.core.db, finance)).length, financeAfter.length);
    const audit = await t.core.pool.query("SELECT summary FROM audit_log WHERE action = 'catalog.imported' ORDER BY id DESC LIMIT 2");
    assert.equal(audit.rows[1].summary.versionedUnits, 1);
    assert.equal(audit.rows[0].summary.created, 1);
  });
});
