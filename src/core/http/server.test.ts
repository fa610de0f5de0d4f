import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/index.ts';

describe('server baseline', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('sends helmet headers with a CSP that allows no inline script, and a request id', async () => {
    const res = await t.client().get('/');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.equal(res.headers['set-cookie'], undefined, 'a page without forms sets no cookie');
  });

  it('answers /healthz when the database is reachable', async () => {
    const res = await t.client().get('/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(JSON.parse(res.body), { status: 'ok' });
  });

  it('serves the OpenAPI document of the JSON API only', async () => {
    const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body) as { paths: Record<string, unknown> };
    const paths = Object.keys(doc.paths);
    assert.ok(paths.includes('/api/v1/calendar/add'));
    assert.ok(paths.every((p) => p.startsWith('/api/')), paths.join(','));
  });

  it('shows a Chinese 500 page without a stack trace in production', async () => {
    t.core.config.production = true;
    try {
      const res = await t.client().get('/units/finance');
      assert.equal(res.statusCode, 200, 'normal pages are unaffected');
      // A route that fails inside: the leaders table made unreadable for a moment.
      await t.core.pool.query('ALTER TABLE unit_leaders RENAME TO unit_leaders_off');
      try {
        const broken = await t.client().get('/units/finance');
        assert.equal(broken.statusCode, 500);
        assert.match(broken.body, /系统出现错误/);
        assert.match(broken.body, /请求编号/);
        assert.doesNotMatch(broken.body, /at .*\.ts|Error:|unit_leaders/);
      } finally {
        await t.core.pool.query('ALTER TABLE unit_leaders_off RENAME TO unit_leaders');
      }
    } finally {
      t.core.config.production = false;
    }
  });
});
