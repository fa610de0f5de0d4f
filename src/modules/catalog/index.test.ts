import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { systemActor } from '../../core/audit/index.ts';
import { findUnitBySlug } from '../units/index.ts';
import { currentGuideDocument, findCatalogItem, findCatalogItemByCode, listUnitCatalogItemsForPicker } from './index.ts';
import { retireItem } from './service.ts';

describe('what the catalog module offers other modules', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('lists a unit’s catalog items for a picker, in catalog order, with their time limits', async () => {
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const items = await listUnitCatalogItemsForPicker(t.core.db, finance.id);
    assert.equal(items.length, 17);
    assert.deepEqual(
      items.slice(0, 2).map((i) => [i.domainName, i.level1, i.level2, i.timeLimitText]),
      [
        ['财政预决算', '政府预决算', '政府预算', '本级人民代表大会或其常务委员会批准后20日内'],
        ['财政预决算', '政府预决算', '政府决算', '本级人民代表大会或其常务委员会批准后20日内'],
      ],
    );
    assert.deepEqual(items[0]!.timeLimitRule, { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' });
    assert.equal(items[0]!.ownerUnitId, null, 'an adopted standard item');
    const root = (await findUnitBySlug(t.core.db, 'city-government'))!;
    const all = await listUnitCatalogItemsForPicker(t.core.db, root.id);
    assert.equal(all.length, 33);
    assert.equal(all[17]!.domainName, '生态环境', 'domains in the national order: 财政预决算 (3) before 生态环境');
    const donggua = (await findUnitBySlug(t.core.db, 'donggua'))!;
    assert.deepEqual(await listUnitCatalogItemsForPicker(t.core.db, donggua.id), []);
    assert.deepEqual(await listUnitCatalogItemsForPicker(t.core.db, 987654), []);
  });

  it('resolves an item by id or code, retired ones flagged', async () => {
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const [first] = await listUnitCatalogItemsForPicker(t.core.db, finance.id);
    const found = await findCatalogItem(t.core.db, first!.id);
    assert.deepEqual(found, first);
    assert.deepEqual(await findCatalogItemByCode(t.core.db, first!.code), first);
    assert.equal(await findCatalogItem(t.core.db, 987654), undefined);
    const r = await retireItem(t.core, { ...systemActor, name: '李政务（gkb）' }, first!.id, '并入其他事项');
    assert.ok(r.ok);
    const retired = await findCatalogItem(t.core.db, first!.id);
    assert.equal(retired?.retired, true);
    assert.equal(retired?.version, 2);
    assert.equal((await listUnitCatalogItemsForPicker(t.core.db, finance.id)).length, 16, 'a retired item is no longer offered');
  });

  it('gives a unit’s current 指南 with its how-to-apply section', async () => {
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const doc = await currentGuideDocument(t.core, finance);
    assert.equal(doc.version, null, 'nothing saved yet: generated from the unit’s data');
    const apply = doc.sections.find((s) => s.key === 'on_request');
    assert.ok(apply);
    assert.match(apply.body, /鹿城南路318号/, 'where to apply, from the unit’s address');
    assert.match(apply.body, /czj@cxs.gov.cn/);
  });
});
