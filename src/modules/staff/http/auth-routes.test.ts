import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { TestClient, createTestApp, textOf, TEST_PASSWORD, type TestApp } from '../../../core/testing/index.ts';
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

  it('pauses sign-in for one name from one address after 5 wrong passwords, doubling, and never for other addresses', async () => {
    await t.createStaff('lock_me', 'finance', ['editor']);
    const c = new TestClient(t.app, '10.0.0.1');
    for (let i = 1; i <= 4; i++) {
      const res = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: 'wrong-password' });
      assert.equal(res.statusCode, 401);
      assert.match(textOf(res.body), new RegExp(`账号或密码不正确（再错${5 - i}次将暂停登录）`));
    }
    // 5th failure at 10:00 Beijing time: paused for 1 minute.
    const fifth = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: 'wrong-password' });
    assert.match(textOf(fifth.body), /尝试次数过多，请于 2026-11-26 10:01 后再试/);
    const right = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: TEST_PASSWORD });
    assert.equal(right.statusCode, 401, 'still paused with the right password from this address');
    // The owner at another address is not locked out.
    const elsewhere = new TestClient(t.app, '10.20.30.40');
    assert.equal((await elsewhere.submit('/staff/login', '/staff/login', { username: 'lock_me', password: TEST_PASSWORD })).statusCode, 303);
    // A 6th failure after the pause doubles it: 10:01:01 + 2 minutes = 10:03.
    t.clock.advance(61 * 1000);
    const sixth = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: 'wrong-password' });
    assert.match(textOf(sixth.body), /请于 2026-11-26 10:03 后再试/);
    t.clock.advance(2 * 60 * 1000);
    const later = await c.submit('/staff/login', '/staff/login', { username: 'lock_me', password: TEST_PASSWORD });
    assert.equal(later.statusCode, 303);
    t.clock.set('2026-11-26T02:00:00Z');
  });

  it('answers the same for a name that does not exist', async () => {
    const c = new TestClient(t.app, '10.0.0.2');
    const a = await c.submit('/staff/login', '/staff/login', { username: 'no_such_person', password: 'wrong-password' });
    const b = await c.submit('/staff/login', '/staff/login', { username: 'czj_editor', password: 'wrong-password' });
    assert.equal(a.statusCode, b.statusCode);
    assert.equal(textOf(a.body).match(/账号或密码不正确[^。]*/)?.[0], textOf(b.body).match(/账号或密码不正确[^。]*/)?.[0]);
    for (let i = 0; i < 4; i++) await c.submit('/staff/login', '/staff/login', { username: 'no_such_person', password: 'wrong-password' });
    const paused = await c.submit('/staff/login', '/staff/login', { username: 'no_such_person', password: 'wrong-password' });
    assert.match(textOf(paused.body), /尝试次数过多/);
    await t.signIn('czj_editor');
  });

  it('tells about a disabled account only to someone who knows its password', async () => {
    const id = await t.createStaff('gone_away', 'finance', ['editor']);
    await t.core.pool.query('UPDATE staff_users SET disabled_at = now() WHERE id = $1', [id]);
    const c = new TestClient(t.app, '10.0.0.3');
    const wrong = await c.submit('/staff/login', '/staff/login', { username: 'gone_away', password: 'wrong-password' });
    assert.doesNotMatch(textOf(wrong.body), /停用/);
    const right = await c.submit('/staff/login', '/staff/login', { username: 'gone_away', password: TEST_PASSWORD });
    assert.equal(right.statusCode, 401);
    assert.match(textOf(right.body), /该账号已被管理员停用/);
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
