import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffItemData, diffSnapshots, sameItemData } from './versions.ts';
import type { CatalogItemData } from './types.ts';

const budget: CatalogItemData = {
  domainName: '财政预决算',
  level1: '财政预决算',
  level2: '政府预算',
  content: '一般公共预算收入表、支出表',
  basis: ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》'],
  timeLimitText: '本级人民代表大会或其常务委员会批准后20日内',
  timeLimitRule: { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' },
  publisherText: '楚雄市财政局',
  channels: ['政府网站'],
  customChannels: [],
  audience: { society: true, specificGroup: false },
  mode: { proactive: true, onRequest: false },
  level: { county: true, township: true },
};

describe('diffItemData', () => {
  it('names each changed column with its before and after text', () => {
    const after: CatalogItemData = { ...budget, channels: ['政府网站', '政府公报'], level: { county: true, township: false } };
    assert.deepEqual(diffItemData(budget, after), [
      { field: 'channels', label: '公开渠道和载体', before: '政府网站', after: '政府网站、政府公报' },
      { field: 'level', label: '公开层级', before: '县级、乡级', after: '县级' },
    ]);
  });

  it('finds no change between equal data', () => {
    assert.equal(sameItemData(budget, structuredClone(budget)), true);
  });
});

describe('diffSnapshots', () => {
  it('lists added, removed and changed items', () => {
    const before = [
      { itemId: 1, version: 1 },
      { itemId: 2, version: 3 },
      { itemId: 3, version: 1 },
    ];
    const after = [
      { itemId: 2, version: 4 },
      { itemId: 3, version: 1 },
      { itemId: 7, version: 1 },
    ];
    assert.deepEqual(diffSnapshots(before, after), { added: [7], removed: [1], changed: [{ itemId: 2, from: 3, to: 4 }] });
  });
});
