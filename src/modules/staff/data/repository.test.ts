import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { USERNAME_UNIQUE_INDEX, findStaffById, insertStaff, isUniqueViolation, listStaff, revokeSessionsOf, usernameExists } from './repository.ts';

describe('staff repository', () => {
  let t: TestApp;
  let finance: number;
  before(async () => {
    t = await createTestApp();
    finance = Number((await t.core.pool.query(`SELECT id FROM units WHERE slug = 'finance'`)).rows[0].id);
  });
  after(async () => t.dispose());

  it('recognises a case-insensitive duplicate username as a violation of the unique index', async () => {
    assert.equal(await usernameExists(t.core.db, 'CZJ_EDITOR'), true);
    await assert.rejects(
      insertStaff(t.core.db, { username: 'Czj_Editor', displayName: '重名', unitId: finance, passwordHash: 'x' }),
      (err: unknown) => isUniqueViolation(err, USERNAME_UNIQUE_INDEX) && !isUniqueViolation(err, 'units_slug_key'),
    );
    assert.equal(isUniqueViolation(new Error('other'), USERNAME_UNIQUE_INDEX), false);
  });

  it('searches names and usernames literally, % and _ included', async () => {
    const all = await listStaff(t.core.db, { unitIds: [finance], search: '', limit: 50, offset: 0 });
    assert.deepEqual(all.rows.map((r) => r.username), ['czj_admin', 'czj_editor', 'czj_reviewer']);
    assert.equal(all.total, 3);
    const byName = await listStaff(t.core.db, { unitIds: [finance], search: '审核', limit: 50, offset: 0 });
    assert.deepEqual(byName.rows.map((r) => r.username), ['czj_reviewer']);
    assert.equal((await listStaff(t.core.db, { unitIds: [finance], search: 'czj%', limit: 50, offset: 0 })).total, 0);
    assert.equal((await listStaff(t.core.db, { unitIds: [finance], search: 'czj_', limit: 50, offset: 0 })).total, 3);
    assert.equal((await listStaff(t.core.db, { unitIds: [finance], search: 'czj_', limit: 2, offset: 2 })).rows.length, 1);
    assert.equal((await listStaff(t.core.db, { unitIds: [], search: '', limit: 50, offset: 0 })).total, 0);
  });

  it('loads an account with its unit and ends its open sessions', async () => {
    const c = await t.signIn('czj_editor');
    assert.equal((await c.get('/staff')).statusCode, 200);
    const id = Number((await t.core.pool.query(`SELECT id FROM staff_users WHERE username = 'czj_editor'`)).rows[0].id);
    const found = await findStaffById(t.core.db, id);
    assert.equal(found?.unit.name, '楚雄市财政局');
    assert.equal(await revokeSessionsOf(t.core.db, id, t.clock.now()), 1);
    assert.equal(await revokeSessionsOf(t.core.db, id, t.clock.now()), 0);
    assert.equal((await c.get('/staff')).statusCode, 303);
    assert.equal(await findStaffById(t.core.db, 99_999_999), undefined);
  });
});
