import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, textOf, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
import { staffUsers } from '../../../core/db/schema.ts';
import { hashPassword } from '../../../core/auth/password.ts';
import { verifyAuditChain } from '../../../core/audit/index.ts';

describe('sign-in', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  });
  after(async () => t.dispose());

  it('signs in with the right password and reaches the back-office home', async () => {
    const c = await t.signIn('czj_editor');
    const home = await c.get('/staff');
    assert.equal(home.statusCode, 200);
    assert.match(textOf(home.body), /张信息（财政局信息员）/);
    assert.match(textOf(home.body), /楚雄市财政局/);
  });

  it('sends an anonymous visitor of a staff page to the sign-in page', async () => {
    const res = await t.client().get('/staff/account');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/staff/login?next=%2Fstaff%2Faccount');
  });

  it('refuses a form post without a CSRF token with 403', async () => {
    const res = await t.client().post('/staff/login', { username: 'admin', password: 'x' });
    assert.equal(res.statusCode, 403);
    assert.match(textOf(res.body), /页面已过期/);
  });

  it('keeps the account name and says what is missing', async () => {
    const c = t.client();
    const res = await c.submit('/staff/login', '/staff/login', { username: 'czj_admin', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /value="czj_admin"/);
    assert.match(textOf(res.body), /请填写密码/);
  });

  it('locks the account for 15 minutes after 5 wrong passwords', async () => {
    await t.createStaff('lock_me', 'finance', ['editor']);
    const c = t.client();
    for (let i = 1; i <= 4; i++) {
      const res = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: 'wrong-password' });
      assert.equal(res.statusCode, 401);
      assert.match(textOf(res.body), new RegExp(`还可尝试${5 - i}次`));
    }
    const fifth = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: 'wrong-password' });
    assert.match(textOf(fifth.body), /账号已锁定15分钟，请于 2026-11-26 10:15 后再试/);
    const right = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: TEST_PASSWORD });
    assert.equal(right.statusCode, 401, 'still locked with the right password');
    t.clock.advance(15 * 60 * 1000 + 1000);
    const later = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: TEST_PASSWORD });
    assert.equal(later.statusCode, 303);
    t.clock.set('2026-11-26T02:00:00Z');
  });

  it('makes a seeded account change its initial password first', async () => {
    await t.core.db.update(staffUsers).set({ passwordHash: await hashPassword('Initial-pass-123'), mustChangePassword: true }).where(eq(staffUsers.username, 'czj_reviewer'));
    const c = t.client();
    const res = await c.submit('/staff/login', '/staff/login', { username: 'czj_reviewer', password: 'Initial-pass-123' });
    assert.equal(res.headers.location, '/staff/account/password');
    const home = await c.get('/staff');
    assert.equal(home.headers.location, '/staff/account/password');
    const weak = await c.submit('/staff/account/password', '/staff/account/password', { current: 'Initial-pass-123', next: 'short', confirm: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(textOf(weak.body), /密码至少需要10个字符/);
    const named = await c.submit('/staff/account/password', '/staff/account/password', { current: 'Initial-pass-123', next: 'czj_reviewer-2026', confirm: 'czj_reviewer-2026' });
    assert.match(textOf(named.body), /不能包含账号名/);
    const ok = await c.submit('/staff/account/password', '/staff/account/password', { current: 'Initial-pass-123', next: 'A-much-better-pass', confirm: 'A-much-better-pass' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await c.get('/staff')).statusCode, 200);
  });

  it('ends a session after 30 minutes idle', async () => {
    const c = await t.signIn('czj_admin');
    t.clock.advance(29 * 60 * 1000);
    assert.equal((await c.get('/staff')).statusCode, 200);
    t.clock.advance(31 * 60 * 1000);
    assert.equal((await c.get('/staff')).statusCode, 303);
    t.clock.set('2026-11-26T02:00:00Z');
  });

  it('signs out everywhere', async () => {
    const a = await t.signIn('gkb');
    const b = t.client();
    await b.submit('/staff/login', '/staff/login', { username: 'gkb', password: TEST_PASSWORD });
    assert.equal((await b.get('/staff')).statusCode, 200);
    const res = await a.submit('/staff/account', '/staff/account/logout-everywhere', {});
    assert.equal(res.statusCode, 303);
    assert.equal((await b.get('/staff')).statusCode, 303);
    assert.equal((await a.get('/staff')).statusCode, 303);
  });

  it('writes a consistent audit chain for all of the above', async () => {
    const result = await verifyAuditChain(t.core.db);
    assert.equal(result.ok, true);
    assert.ok(result.count > 10);
  });
});
