import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';

describe('public units API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('lists the site’s active units with slug, names, type and parent slug only', async () => {
    const res = await t.client().get('/api/v1/units');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    const body = JSON.parse(res.body) as { items: Record<string, unknown>[]; page: number; pageSize: number; total: number };
    assert.equal(body.total, 43);
    assert.equal(body.items.length, 43);
    assert.deepEqual([body.page, body.pageSize], [1, 200]);
    assert.deepEqual(body.items[0], { slug: 'city-government', name: '楚雄市人民政府', shortName: '市政府', type: 'government', parentSlug: null });
    assert.deepEqual(
      body.items.find((u) => u.slug === 'finance'),
      { slug: 'finance', name: '楚雄市财政局', shortName: '市财政局', type: 'department', parentSlug: 'city-government' },
    );
    assert.equal(body.items.filter((u) => u.type === 'township').length, 15);
  });

  it('pages the list and answers bad paging with a 400 JSON error', async () => {
    const res = await t.client().get('/api/v1/units?page=2&pageSize=2');
    const body = JSON.parse(res.body) as { items: { slug: string }[]; total: number };
    assert.deepEqual(
      body.items.map((u) => u.slug),
      ['development-reform', 'education-sports'],
    );
    assert.equal(body.total, 43);
    const bad = await t.client().get('/api/v1/units?pageSize=abc');
    assert.equal(bad.statusCode, 400);
    const err = JSON.parse(bad.body) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(err.error.code, 'validation_error');
    assert.equal(err.error.fields.pageSize, '类型不正确（应为整数）');
    assert.equal((await t.client().get('/api/v1/units?pageSize=1000')).statusCode, 400);
  });

  it('gives a unit’s profile and leaders', async () => {
    const res = await t.client().get('/api/v1/units/finance');
    assert.equal(res.statusCode, 200);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), [
      'address',
      'email',
      'fax',
      'functions',
      'leaders',
      'name',
      'officeHours',
      'opennessContact',
      'parentSlug',
      'phone',
      'shortName',
      'slug',
      'type',
      'typeLabel',
      'uscc',
    ]);
    assert.equal(body.uscc, '115323010151204940');
    assert.equal(body.phone, '0878-3121141');
    assert.equal(body.typeLabel, '政府部门');
    assert.equal(body.parentSlug, 'city-government');
    assert.deepEqual(body.leaders, [
      { name: '黄海涛', title: '局长', duties: '主持局全面工作，负责预算编制和财政收支管理。' },
      { name: '李秀英', title: '副局长', duties: '分管预决算公开、政府采购和惠民惠农补贴管理工作。' },
    ]);
  });

  it('answers an unknown unit with a 404 JSON error', async () => {
    const res = await t.client().get('/api/v1/units/no-such-unit');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(JSON.parse(res.body), { error: { code: 'not_found', message: '该单位不存在。', fields: {} } });
  });

  it('shows each site only its own units', async () => {
    const { rows } = await t.core.pool.query(
      `INSERT INTO units (slug, name, short_name, type, uscc, sort_order) VALUES ('mouding', '牟定县人民政府', '县政府', 'government', $1, 1000) RETURNING id`,
      ['115323230151200728'],
    );
    const id = rows[0].id;
    await t.core.pool.query('UPDATE units SET root_id = $1 WHERE id = $1', [id]);
    await t.core.pool.query(`INSERT INTO site_settings (root_unit_id, site_name, host_name, host_unit_name) VALUES ($1, '牟定县人民政府网', 'www.mouding.example.cn', '牟定县人民政府办公室')`, [id]);
    t.core.sites.invalidate();
    try {
      const other = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { host: 'www.mouding.example.cn' } });
      assert.deepEqual(JSON.parse(other.body).items, [{ slug: 'mouding', name: '牟定县人民政府', shortName: '县政府', type: 'government', parentSlug: null }]);
      const finance = await t.app.inject({ method: 'GET', url: '/api/v1/units/finance', headers: { host: 'www.mouding.example.cn' } });
      assert.equal(finance.statusCode, 404);
      const own = await t.app.inject({ method: 'GET', url: '/api/v1/units/mouding', headers: { host: 'www.mouding.example.cn' } });
      assert.equal(JSON.parse(own.body).name, '牟定县人民政府');
    } finally {
      // Leave the database as the other tests expect it.
      await t.core.pool.query('DELETE FROM site_settings WHERE root_unit_id = $1', [id]);
      await t.core.pool.query('DELETE FROM units WHERE id = $1', [id]);
      t.core.sites.invalidate();
    }
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/api/v1/units']);
    assert.ok(doc.paths['/api/v1/units/{slug}']);
  });
});
