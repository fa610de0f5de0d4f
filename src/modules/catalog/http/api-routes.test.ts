import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { createItem, setAdoptedItems, updateItem } from '../service.ts';
import { parseTimeLimit } from '../domain/time-limit.ts';
import type { CatalogItemData } from '../domain/types.ts';

const actor = { ...systemActor, name: '李政务（gkb）' };

function item(domainName: string, level2: string, timeLimitText: string, over: Partial<CatalogItemData> = {}): CatalogItemData {
  return {
    domainName,
    level1: '政府预决算',
    level2,
    content: `${level2}的收支表和说明`,
    basis: ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》'],
    timeLimitText,
    timeLimitRule: parseTimeLimit(timeLimitText).rule,
    publisherText: '楚雄市财政局',
    channels: ['政府网站'],
    customChannels: ['楚雄市财政局微信公众号'],
    audience: { society: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    level: { county: true, township: true },
    ...over,
  };
}

describe('catalog JSON API', () => {
  let t: TestApp;
  let root: number;
  let finance: number;
  const codes: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    const id = async (slug: string) => Number((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);
    root = await id('city-government');
    finance = await id('finance');
    const ids: number[] = [];
    for (const [key, data] of [
      ['budget', item('财政预决算', '政府预算', '本级人民代表大会或其常务委员会批准后20日内')],
      ['final', item('财政预决算', '政府决算', '本级人民代表大会或其常务委员会批准后20日内')],
      ['report', item('生态环境', '环境质量状况公报', '每年6月5日前', { level1: '环境质量' })],
    ] as const) {
      const r = await createItem(t.core, actor, { rootUnitId: root, ownerUnitId: null, data, reason: '首次编制' });
      assert.ok(r.ok);
      codes[key] = r.item.code;
      ids.push(r.item.id);
    }
    const up = await updateItem(t.core, actor, ids[0]!, item('财政预决算', '政府预算', '本级人民代表大会或其常务委员会批准后20日内', { channels: ['政府网站', '政府公报'] }), '增加政府公报渠道');
    assert.ok(up.ok && up.changed);
    assert.ok((await setAdoptedItems(t.core, actor, finance, root, [ids[0]!, ids[1]!], '采用本市标准目录')).ok);
  });
  after(async () => t.dispose());

  it('lists the domains with their standard item counts, paginated', async () => {
    const res = await t.client().get('/api/v1/catalog/domains');
    assert.equal(res.statusCode, 200);
    const body = JSON.parse(res.body);
    assert.equal(body.total, 26);
    assert.equal(body.page, 1);
    assert.equal(body.pageSize, 50);
    assert.equal(body.items.length, 26);
    // 17 and 16 demo items of the first start, plus the items made above.
    assert.deepEqual(body.items[2], { slug: 'budget-final-accounts', name: '财政预决算', nationalNo: 3, itemCount: 19 });
    assert.deepEqual(body.items[11], { slug: 'ecology-environment', name: '生态环境', nationalNo: 12, itemCount: 17 });
    assert.deepEqual(body.items[0], { slug: 'major-projects', name: '重大建设项目', nationalNo: 1, itemCount: 0 });
    const page2 = JSON.parse((await t.client().get('/api/v1/catalog/domains?page=2&pageSize=10')).body);
    assert.deepEqual(
      page2.items.map((d: { nationalNo: number }) => d.nationalNo),
      [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
    );
    assert.equal(page2.total, 26);
  });

  it('lists a unit catalog with every column, filtered by domain', async () => {
    const res = await t.client().get('/api/v1/catalog/units/finance/items');
    assert.equal(res.statusCode, 200);
    const body = JSON.parse(res.body);
    assert.equal(body.total, 2);
    assert.deepEqual(body.items[0], {
      code: codes.budget,
      url: `/openness/items/${codes.budget}`,
      standard: true,
      ownerUnitSlug: 'city-government',
      domain: { slug: 'budget-final-accounts', name: '财政预决算' },
      level1: '政府预决算',
      level2: '政府预算',
      content: '政府预算的收支表和说明',
      basis: ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》'],
      basisText: '《中华人民共和国预算法》、《中华人民共和国政府信息公开条例》',
      timeLimit: {
        text: '本级人民代表大会或其常务委员会批准后20日内',
        rule: { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' },
        description: '本级人民代表大会或其常务委员会批准后20日内',
      },
      publisher: '楚雄市财政局',
      channels: ['政府网站', '政府公报'],
      customChannels: ['楚雄市财政局微信公众号'],
      channelsText: '政府网站、政府公报、楚雄市财政局微信公众号',
      audience: { society: true, specificGroup: false },
      mode: { proactive: true, onRequest: false },
      level: { county: true, township: true },
      version: 2,
      updatedOn: '2026-11-26',
    });
    const city = JSON.parse((await t.client().get('/api/v1/catalog/units/city-government/items?domain=ecology-environment')).body);
    assert.equal(city.total, 17);
    assert.equal(city.items[0].level2, '环境质量状况公报', 'made above, sorted before the demo items');
    assert.deepEqual(city.items[0].timeLimit.rule, { kind: 'yearly_by', month: 6, day: 5 });
    const paged = JSON.parse((await t.client().get('/api/v1/catalog/units/city-government/items?page=2&pageSize=2')).body);
    assert.deepEqual([paged.items.length, paged.total, paged.page, paged.pageSize], [2, 36, 2, 2]);
    const none = JSON.parse((await t.client().get('/api/v1/catalog/units/finance/items?domain=health')).body);
    assert.deepEqual(none, { items: [], page: 1, pageSize: 50, total: 0 });
  });

  it('gives an item with its holders, next due date and versions', async () => {
    const res = await t.client().get(`/api/v1/catalog/items/${codes.budget}`);
    assert.equal(res.statusCode, 200);
    const body = JSON.parse(res.body);
    assert.equal(body.level2, '政府预算');
    assert.equal(body.retiredOn, null);
    assert.deepEqual(body.units, [
      { slug: 'city-government', name: '楚雄市人民政府' },
      { slug: 'finance', name: '楚雄市财政局' },
    ]);
    assert.equal(body.nextDue.due, null);
    assert.match(body.nextDue.explanation, /期限自“本级人民代表大会或其常务委员会批准”之日起计算/);
    assert.deepEqual(body.versions, [
      { version: 2, changeKind: 'updated', changedOn: '2026-11-26', reason: '增加政府公报渠道', changedFields: ['公开渠道和载体'] },
      { version: 1, changeKind: 'created', changedOn: '2026-11-26', reason: '首次编制', changedFields: [] },
    ]);
    assert.doesNotMatch(res.body, /李政务|gkb/);
    const report = JSON.parse((await t.client().get(`/api/v1/catalog/items/${codes.report}`)).body);
    assert.deepEqual(report.nextDue, { due: '2027-06-05', explanation: '每年6月5日前公开；尚无公开记录，应于 2027-06-05 前公开。' });
  });

  it('lists a unit catalog’s versions with counts', async () => {
    const res = await t.client().get('/api/v1/catalog/units/city-government/versions?pageSize=2');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(JSON.parse(res.body), {
      items: [
        { version: 5, changedOn: '2026-11-26', reason: '增加政府公报渠道', added: 0, removed: 0, changed: 1, itemCount: 36 },
        { version: 4, changedOn: '2026-11-26', reason: '首次编制', added: 1, removed: 0, changed: 0, itemCount: 36 },
      ],
      page: 1,
      pageSize: 2,
      total: 5,
    });
    const last = JSON.parse((await t.client().get('/api/v1/catalog/units/city-government/versions?page=2&pageSize=2')).body);
    assert.deepEqual(
      last.items.map((v: { version: number; added: number }) => [v.version, v.added]),
      [
        [3, 1],
        [2, 1],
      ],
    );
    const finance = JSON.parse((await t.client().get('/api/v1/catalog/units/finance/versions')).body);
    assert.deepEqual(finance.items, [
      { version: 2, changedOn: '2026-11-26', reason: '采用本市标准目录', added: 2, removed: 17, changed: 0, itemCount: 2 },
      { version: 1, changedOn: '2026-11-26', reason: '载入演示数据：采用本市标准目录财政预决算领域事项', added: 17, removed: 0, changed: 0, itemCount: 17 },
    ]);
  });

  it('answers unknown units and items with 404 JSON', async () => {
    for (const url of ['/api/v1/catalog/units/no-such-unit/items', '/api/v1/catalog/units/no-such-unit/versions', '/api/v1/catalog/items/zzzzzz']) {
      const res = await t.client().get(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(JSON.parse(res.body).error.code, 'not_found');
    }
    const unit = JSON.parse((await t.client().get('/api/v1/catalog/units/no-such-unit/items')).body);
    assert.deepEqual(unit, { error: { code: 'not_found', message: '该单位不存在或已撤销。', fields: {} } });
  });

  it('answers bad parameters with 400 and field messages', async () => {
    const cases: [string, string][] = [
      ['/api/v1/catalog/domains?page=0', 'page'],
      ['/api/v1/catalog/domains?pageSize=500', 'pageSize'],
      ['/api/v1/catalog/domains?page=abc', 'page'],
      ['/api/v1/catalog/units/finance/items?domain=no-such-domain', 'domain'],
      ['/api/v1/catalog/units/finance/items?unknown=1', 'querystring'],
      ['/api/v1/catalog/units/finance/versions?pageSize=0', 'pageSize'],
      ['/api/v1/catalog/items/bad%20code!', 'code'],
    ];
    for (const [url, field] of cases) {
      const res = await t.client().get(url);
      assert.equal(res.statusCode, 400, url);
      const body = JSON.parse(res.body);
      assert.equal(body.error.code, 'validation_error', url);
      assert.ok(Object.keys(body.error.fields).some((k) => k === field || k.endsWith(field)), `${url}: ${JSON.stringify(body.error.fields)}`);
    }
    const domain = JSON.parse((await t.client().get('/api/v1/catalog/units/finance/items?domain=no-such-domain')).body);
    assert.deepEqual(domain.error.fields, { domain: '领域不存在' });
  });

  it('documents the endpoints in the OpenAPI description', async () => {
    const spec = JSON.parse((await t.client().get('/api/v1/openapi.json')).body);
    for (const p of ['/api/v1/catalog/domains', '/api/v1/catalog/units/{unitSlug}/items', '/api/v1/catalog/items/{code}', '/api/v1/catalog/units/{unitSlug}/versions']) {
      assert.ok(spec.paths[p]?.get, p);
    }
  });
});
