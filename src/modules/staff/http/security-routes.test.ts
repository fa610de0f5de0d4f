import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, TEST_PASSWORD, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { POLICY_CACHE_MS } from '../../../core/auth/service.ts';

describe('三员管理: separate administrators and the security policy', () => {
  let t: TestApp;
  let sec: TestClient;
  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    sec = await t.signIn('secadmin');
  });
  after(async () => t.dispose());

  it('gives each officer only their own pages', async () => {
    const admin = await t.signIn('admin');
    const auditor = await t.signIn('auditor');
    assert.equal((await admin.get('/staff/users')).statusCode, 403, 'the system admin grants no roles');
    assert.equal((await admin.get('/staff/audit')).statusCode, 403, 'the system admin does not read the audit log');
    assert.equal((await admin.get('/staff/security')).statusCode, 403);
    assert.equal((await sec.get('/staff/users')).statusCode, 200);
    assert.equal((await sec.get('/staff/security')).statusCode, 200);
    assert.equal((await sec.get('/staff/audit')).statusCode, 403, 'the security officer does not read the audit log');
    assert.equal((await auditor.get('/staff/audit')).statusCode, 200);
    assert.equal((await auditor.get('/staff/users')).statusCode, 403);
    assert.equal((await auditor.get('/staff/security')).statusCode, 403);
  });

  it('refuses an account that would hold two of the three roles', async () => {
    const form = await sec.get('/staff/users/new');
    const unit = /<option value="(\d+)"[^>]*>[^<]*政府办/.exec(form.body)?.[1] ?? /<select[^>]*name="unitId"[\s\S]*?<option value="(\d+)"/.exec(form.body)?.[1];
    assert.ok(unit, 'a unit to choose');
    const res = await sec.submit('/staff/users/new', '/staff/users', { username: 'two_hats', displayName: '兼任者', unitId: unit, roles: ['system_admin', 'auditor'] });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /系统管理员、安全审计员不能由同一账号兼任（三员分立）/);
    assert.match(res.body, /value="two_hats"/, 'input kept');
    const r = await t.core.pool.query(`SELECT count(*)::int AS n FROM staff_users WHERE username = 'two_hats'`);
    assert.equal(r.rows[0].n, 0);
  });

  it('lists the officers and flags an older account that breaks the rule', async () => {
    await t.createStaff('old_combo', 'government-office', ['system_admin', 'auditor']);
    const page = textOf((await sec.get('/staff/security')).body);
    assert.match(page, /secadmin 安全保密管理员/);
    assert.match(page, /有 1 个账号不符合三员分立要求/);
    assert.match(page, /old_combo .*系统管理员、安全审计员不能由同一账号兼任/);
  });

  it('refuses bad settings at the field and keeps what was typed', async () => {
    const res = await sec.submit('/staff/security', '/staff/security', { minLength: '6', minClasses: '三', maxAgeDays: '90', failuresBeforeDelay: '5', idleMinutes: '500', commonCheck: 'on' });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /密码最短长度不能小于8/);
    assert.match(text, /字符类别数应为整数/);
    assert.match(text, /会话超时分钟数不能大于120/);
    assert.match(res.body, /name="minClasses"[^>]*value="三"|value="三"[^>]*name="minClasses"/);
  });

  it('applies saved rules to password changes, session idle time and officers\u2019 password age', async () => {
    const saved = await sec.submit('/staff/security', '/staff/security', { minLength: '12', minClasses: '4', maxAgeDays: '30', failuresBeforeDelay: '5', idleMinutes: '10', commonCheck: 'on' });
    assert.equal(saved.statusCode, 303);
    const audit = await t.core.pool.query(`SELECT summary FROM audit_log WHERE action = 'security.policy-saved' ORDER BY id DESC LIMIT 1`);
    assert.equal(audit.rows[0].summary.after.minLength, 12);

    const editor = await t.signIn('czj_editor');
    // 12 characters of 2 classes: long enough, too few classes.
    const weak = await editor.submit('/staff/account/password', '/staff/account/password', { current: TEST_PASSWORD, next: 'chuxiong2026', confirm: 'chuxiong2026' });
    assert.equal(weak.statusCode, 400);
    assert.match(textOf(weak.body), /至少4类/);
    assert.doesNotMatch(textOf(weak.body), /至少需要12个字符/);
    const short = await editor.submit('/staff/account/password', '/staff/account/password', { current: TEST_PASSWORD, next: 'Chu-2026', confirm: 'Chu-2026' });
    assert.match(textOf(short.body), /至少需要12个字符/);

    // Idle 10 minutes ends the session.
    t.clock.advance(11 * 60 * 1000);
    assert.equal((await editor.get('/staff')).statusCode, 303);

    // An officer whose password is 30 days old must change it at sign-in; other staff need not.
    await t.core.pool.query(`UPDATE staff_users SET password_changed_at = $1 WHERE username IN ('auditor', 'czj_reviewer')`, [new Date(t.clock.now().getTime() - 30 * 86_400_000)]);
    const auditor = await t.signIn('auditor');
    assert.equal((await auditor.get('/staff')).headers.location, '/staff/account/password');
    const reviewer = await t.signIn('czj_reviewer');
    assert.equal((await reviewer.get('/staff')).statusCode, 200);
    assert.ok(POLICY_CACHE_MS <= 10_000, 'other instances pick the rules up within 10 seconds');
    t.clock.set('2026-11-26T02:00:00Z');
  });
});
