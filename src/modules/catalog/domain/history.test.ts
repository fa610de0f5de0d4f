import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summariseCatalogVersions, summariseItemVersions } from './history.ts';
import type { CatalogItemData } from './types.ts';

const v1: CatalogItemData = {
  domainName: '财政预决算',
  level1: '政府预决算',
  level2: '政府预算',
  content: '一般公共预算收入表、支出表',
  basis: ['《中华人民共和国预算法》'],
  timeLimitText: '本级人民代表大会或其常务委员会批准后20日内',
  timeLimitRule: { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' },
  publisherText: '楚雄市财政局',
  channels: ['政府网站'],
  customChannels: [],
  audience: { society: true, specificGroup: false },
  mode: { proactive: true, onRequest: false },
  level: { county: true, township: true },
};

describe('summariseItemVersions', () => {
  it('lists versions newest first with the columns each changed', () => {
    const v2 = { ...v1, channels: ['政府网站', '政府公报'] as CatalogItemData['channels'], level: { county: true, township: false } };
    const out = summariseItemVersions([
      { version: 1, data: v1, changeKind: 'created', reason: '首次编制', changedOn: '2026-01-05' },
      { version: 3, data: v2, changeKind: 'retired', reason: '并入其他事项', changedOn: '2026-11-26' },
      { version: 2, data: v2, changeKind: 'updated', reason: '调整渠道和层级', changedOn: '2026-03-02' },
    ]);
    assert.deepEqual(
      out.map((v) => [v.version, v.changeKind, v.changedOn, v.changes.map((c) => c.label)]),
      [
        [3, 'retired', '2026-11-26', []],
        [2, 'updated', '2026-03-02', ['公开渠道和载体', '公开层级']],
        [1, 'created', '2026-01-05', []],
      ],
    );
    assert.deepEqual(out[1]!.changes[0], { field: 'channels', label: '公开渠道和载体', before: '政府网站', after: '政府网站、政府公报' });
  });
});

describe('summariseCatalogVersions', () => {
  const versions = [
    { version: 3, snapshot: [{ itemId: 1, version: 2 }, { itemId: 3, version: 1 }], reason: '调整', changedOn: '2026-11-26' },
    { version: 2, snapshot: [{ itemId: 1, version: 1 }, { itemId: 2, version: 1 }], reason: '新增决算', changedOn: '2026-10-01' },
    { version: 1, snapshot: [{ itemId: 1, version: 1 }], reason: '首次编制', changedOn: '2026-09-01' },
  ];

  it('compares each version with the one before; version 1 adds every item', () => {
    assert.deepEqual(summariseCatalogVersions(versions, 3), [
      { version: 3, reason: '调整', changedOn: '2026-11-26', itemCount: 2, added: [3], removed: [2], changed: [{ itemId: 1, from: 1, to: 2 }] },
      { version: 2, reason: '新增决算', changedOn: '2026-10-01', itemCount: 2, added: [2], removed: [], changed: [] },
      { version: 1, reason: '首次编制', changedOn: '2026-09-01', itemCount: 1, added: [1], removed: [], changed: [] },
    ]);
  });

  it('uses the extra older version only for comparison', () => {
    const page = summariseCatalogVersions(versions.slice(0, 2), 1);
    assert.equal(page.length, 1);
    assert.deepEqual(page[0]!.added, [3]);
  });
});
