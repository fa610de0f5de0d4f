import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { verifyAuditChain } from '../../../core/audit/index.ts';

describe('领域管理', () => {
  let t: TestApp;
  let gkb: TestClient;
  const page = '/staff/catalog/city-government/domains';
  before(async () => {
    t = await createTestApp();
    gkb = await t.signIn('gkb');
  });
  after(async () => t.dispose());

  it('lists the 26 national domains with their standard item counts', async () => {
    const res = await gkb.get(page);
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /本市标准目录的领域（共26个）/);
    assert.match(text, /3 财政预决算 全国领域（第3个） 17/);
    assert.match(text, /12 生态环境 全国领域（第12个） 16/);
    assert.match(res.body, /<form method="post" action="\/staff\/catalog\/city-government\/domains"/);
    assert.match((await gkb.get('/staff/catalog/city-government')).body, /href="\/staff\/catalog\/city-government\/domains">领域管理</);
  });

  it('adds a local domain, usable in the API and the item form', async () => {
    const res = await gkb.submit(page, page, { name: ' 涉农资金领域 ' });
    assert.equal(res.statusCode, 303);
    const after = textOf((await gkb.get(page)).body);
    assert.match(after, /已增加“涉农资金”领域/);
    assert.match(after, /27 涉农资金 地方领域 0/);
    const api = JSON.parse((await t.client().get('/api/v1/catalog/domains')).body);
    assert.equal(api.total, 27);
    assert.deepEqual(api.items[26], { slug: 'local-1', name: '涉农资金', nationalNo: null, itemCount: 0 });
    assert.match((await gkb.get('/staff/catalog/city-government/items/new')).body, /<option value="涉农资金"/);
    const audit = (await t.core.pool.query("SELECT target_id, summary FROM audit_log WHERE action = 'catalog.domain-added'")).rows;
    assert.deepEqual(audit.map((r) => [r.target_id, r.summary.after.name]), [['local-1', '涉农资金']]);
  });

  it('refuses an empty, repeated or old national name with the input kept', async () => {
    const empty = await gkb.submit(page, page, { name: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /请填写领域名称/);
    const again = await gkb.submit(page, page, { name: '涉农资金' });
    assert.equal(again.statusCode, 400);
    assert.match(textOf(again.body), /已有「涉农资金」领域/);
    const alias = await gkb.submit(page, page, { name: '环境保护' });
    assert.equal(alias.statusCode, 400);
    assert.match(textOf(alias.body), /「环境保护」是全国领域「生态环境」的旧称，请直接使用「生态环境」领域/);
    assert.match(alias.body, /name="name" type="text" value="环境保护"/);
    assert.equal(Number((await t.core.pool.query('SELECT count(*) FROM catalog_domains')).rows[0].count), 27);
  });

  it('lets a unit’s staff read the city’s domains but not add one; a unit catalog has no domain page', async () => {
    const editor = await t.signIn('czj_editor');
    const res = await editor.get(page);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /添加领域/);
    const token = /name="_csrf" value="([^"]+)"/.exec((await editor.get('/staff/catalog/finance')).body)?.[1] ?? '';
    assert.equal((await editor.post(page, { _csrf: token, name: '涉农补助' })).statusCode, 403);
    assert.equal((await gkb.get('/staff/catalog/finance/domains')).statusCode, 404);
    assert.equal((await t.client().get(page)).statusCode, 303, 'sign-in first');
    assert.deepEqual(await verifyAuditChain(t.core.db), { ok: true, count: (await t.core.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n });
  });
});
