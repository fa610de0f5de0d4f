import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, TEST_PASSWORD, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { verifyAuditChain } from '../../../core/audit/index.ts';

describe('account administration', () => {
  let t: TestApp;
  let admin: TestClient;
  let czjAdmin: TestClient;
  const unitIds: Record<string, number> = {};

  const userId = async (username: string): Promise<number> => {
    const r = await t.core.pool.query('SELECT id FROM staff_users WHERE lower(username) = lower($1)', [username]);
    return Number(r.rows[0].id);
  };
  const auditRows = async (action: string, targetId: number) =>
    (await t.core.pool.query('SELECT actor_name, unit_id, summary FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id', [action, String(targetId)])).rows as {
      actor_name: string;
      unit_id: string;
      summary: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    }[];
  const shownPassword = (html: string): string => {
    const pw = /<code id="one-time-password">([^<]+)<\/code>/.exec(html)?.[1];
    assert.ok(pw, 'the page shows the password');
    return pw;
  };
  const login = (username: string, password: string) => t.client().submit('/staff/login', '/staff/login', { username, password });

  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    const r = await t.core.pool.query(`SELECT id, slug FROM units WHERE slug IN ('donggua', 'finance', 'government-office')`);
    for (const row of r.rows) unitIds[row.slug] = Number(row.id);
    admin = await t.signIn('secadmin');
    czjAdmin = await t.signIn('czj_admin');
  });
  after(async () => t.dispose());

  it('lets a system admin create an account for 东瓜镇, shows the password once, and the owner must change it', async () => {
    const form = await admin.get('/staff/users/new');
    assert.equal(form.statusCode, 200);
    assert.match(textOf(form.body), /楚雄市财政局/, 'a system admin may choose any unit of the city');
    assert.match(textOf(form.body), /政务公开办/, 'and grant every role');

    const res = await admin.submit('/staff/users/new', '/staff/users', {
      username: 'dgz_li',
      displayName: '李明（东瓜镇）',
      unitId: String(unitIds.donggua),
      roles: ['editor', 'reviewer'],
      email: 'li.ming@cxs.example.com',
      phone: '0878-3123456',
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(textOf(res.body), /已为 李明（东瓜镇） 创建账号 dgz_li/);
    const password = shownPassword(res.body);
    assert.equal(password.length, 16);
    assert.match(res.body, /href="\/staff\/users\/\d+\/edit"/);

    const row = (await t.core.pool.query('SELECT unit_id, roles, email, phone, must_change_password, password_hash FROM staff_users WHERE username = $1', ['dgz_li'])).rows[0];
    assert.equal(Number(row.unit_id), unitIds.donggua);
    assert.deepEqual(row.roles, ['editor', 'reviewer']);
    assert.equal(row.email, 'li.ming@cxs.example.com');
    assert.equal(row.phone, '0878-3123456');
    assert.equal(row.must_change_password, true);
    assert.ok(!String(row.password_hash).includes(password));

    const signIn = await login('dgz_li', password);
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, '/staff/account/password');

    const id = await userId('dgz_li');
    const [audit] = await auditRows('staff.created', id);
    assert.ok(audit);
    assert.equal(audit.actor_name, '安全保密管理员（secadmin）');
    assert.equal(Number(audit.unit_id), unitIds.donggua);
    assert.deepEqual(audit.summary.after, {
      username: 'dgz_li',
      displayName: '李明（东瓜镇）',
      unitId: unitIds.donggua,
      roles: ['editor', 'reviewer'],
      email: 'li.ming@cxs.example.com',
      phone: '0878-3123456',
    });
    assert.ok(!JSON.stringify(audit.summary).includes(password), 'the audit log never holds the password');
  });

  it('refuses a username taken in another case, keeping the input', async () => {
    const res = await admin.submit('/staff/users/new', '/staff/users', {
      username: 'DGZ_Li',
      displayName: '李明二',
      unitId: String(unitIds.donggua),
      roles: ['editor'],
      email: '',
      phone: '',
    });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /账号“DGZ_Li”已被使用（不区分大小写），请换一个/);
    assert.match(res.body, /value="DGZ_Li"/);
    assert.match(res.body, /value="李明二"/);
    assert.match(res.body, new RegExp(`<option value="${unitIds.donggua}" selected`));
    assert.match(res.body, /value="editor" checked/);
    assert.equal((await t.core.pool.query(`SELECT count(*)::int AS n FROM staff_users WHERE lower(username) = 'dgz_li'`)).rows[0].n, 1);
  });

  it('explains bad fields in Chinese', async () => {
    const res = await admin.submit('/staff/users/new', '/staff/users', {
      username: '张三',
      displayName: '',
      unitId: '',
      email: 'li.ming@',
      phone: '12345',
    });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /提交的内容有6处问题/);
    assert.match(text, /账号应为3—32个字符/);
    assert.match(text, /请填写姓名/);
    assert.match(text, /请选择单位/);
    assert.match(text, /请至少选择一个角色/);
    assert.match(text, /电子邮箱格式不正确，应类似 name@example.com/);
    assert.match(text, /联系电话格式不正确/);
    assert.match(res.body, /value="li.ming@"/);
  });

  it('keeps a unit admin to their own unit and the unit-level roles', async () => {
    const list = await czjAdmin.get('/staff/users');
    assert.equal(list.statusCode, 200);
    const text = textOf(list.body);
    assert.match(text, /czj_editor/);
    assert.match(text, /czj_reviewer/);
    assert.doesNotMatch(text, /dgz_editor|dgz_li|gkb/);
    assert.doesNotMatch(list.body, /name="unit"/, 'no unit filter for a unit admin');

    const dgz = await userId('dgz_editor');
    assert.equal((await czjAdmin.get(`/staff/users/${dgz}/edit`)).statusCode, 403);
    const page = await czjAdmin.get('/staff/users');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    for (const action of ['edit', 'lock', 'unlock', 'reset-password']) {
      const res = await czjAdmin.post(`/staff/users/${dgz}/${action}`, { _csrf: token, displayName: 'x', unitId: String(unitIds.finance), roles: 'editor' });
      assert.equal(res.statusCode, 403, action);
    }

    const form = await czjAdmin.get('/staff/users/new');
    assert.doesNotMatch(textOf(form.body), /政务公开办|东瓜镇/);
    const grant = await czjAdmin.submit('/staff/users/new', '/staff/users', {
      username: 'czj_gkb',
      displayName: '财政局公开办',
      unitId: String(unitIds.finance),
      roles: ['editor', 'openness_office'],
    });
    assert.equal(grant.statusCode, 400);
    assert.match(textOf(grant.body), /您无权授予以下角色：政务公开办/);
    const elsewhere = await czjAdmin.submit('/staff/users/new', '/staff/users', {
      username: 'czj_dg',
      displayName: '东瓜镇人员',
      unitId: String(unitIds.donggua),
      roles: ['editor'],
    });
    assert.equal(elsewhere.statusCode, 400);
    assert.match(textOf(elsewhere.body), /请从列表中选择单位/);
    assert.equal((await t.core.pool.query(`SELECT count(*)::int AS n FROM staff_users WHERE username IN ('czj_gkb', 'czj_dg')`)).rows[0].n, 0);

    // An account of the unit holding a role the unit admin cannot grant is out of reach too.
    const auditorId = await t.createStaff('czj_auditor', 'finance', ['auditor']);
    assert.equal((await czjAdmin.get(`/staff/users/${auditorId}/edit`)).statusCode, 403);
    assert.match(textOf((await czjAdmin.get('/staff/users')).body), /czj_auditor czj_auditor 楚雄市财政局 安全审计员 正常 从未登录 无权管理/);

    assert.equal((await (await t.signIn('czj_editor')).get('/staff/users')).statusCode, 403, 'an editor may not administer accounts');
  });

  it('answers 404 for ids that are not accounts', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999', '123456789012345678901']) {
      assert.equal((await admin.get(`/staff/users/${id}/edit`)).statusCode, 404, id);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec((await admin.get('/staff/users')).body)![1]!;
    for (const path of ['abc/lock', '99999999/lock', '99999999/unlock', '99999999/reset-password', '0/edit']) {
      const res = await admin.post(`/staff/users/${path}`, { _csrf: token, displayName: 'x' });
      assert.equal(res.statusCode, 404, path);
      assert.match(textOf(res.body), /该账号不存在|页面不存在/);
    }
  });

  it('lists, filters and searches accounts with their state', async () => {
    await t.core.pool.query(`UPDATE staff_users SET locked_until = '2026-11-26T02:15:00Z' WHERE username = 'czj_reviewer'`);
    const all = textOf((await admin.get('/staff/users')).body);
    assert.match(all, /czj_reviewer 赵审核（财政局审核人） 楚雄市财政局 审核人 临时锁定至 10:15/);
    assert.match(all, /dgz_li 李明（东瓜镇） 楚雄市东瓜镇人民政府 信息员、审核人 须修改密码/);
    assert.match(all, /secadmin 安全保密管理员 楚雄市人民政府办公室 安全保密管理员 正常 2026-11-26 10:00/);

    const donggua = textOf((await admin.get(`/staff/users?unit=${unitIds.donggua}`)).body);
    assert.match(donggua, /共 2 个账号/);
    assert.match(donggua, /dgz_editor/);
    assert.doesNotMatch(donggua, /czj_editor/);

    const search = textOf((await admin.get('/staff/users?q=%E8%B5%B5%E5%AE%A1')).body); // 赵审
    assert.match(search, /共 1 个账号/);
    assert.match(search, /czj_reviewer/);
    assert.match(textOf((await admin.get('/staff/users?q=100%25')).body), /没有符合条件的账号/);
    await t.core.pool.query(`UPDATE staff_users SET locked_until = NULL WHERE username = 'czj_reviewer'`);
  });

  it('updates an account and records what changed', async () => {
    const id = await userId('dgz_li');
    const res = await admin.submit(`/staff/users/${id}/edit`, `/staff/users/${id}/edit`, {
      displayName: '李明',
      unitId: String(unitIds.donggua),
      roles: ['editor', 'reviewer', 'unit_admin'],
      email: 'li.ming@cxs.example.com',
      phone: '13912345678',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/staff/users/${id}/edit`);
    assert.match(textOf((await admin.get(`/staff/users/${id}/edit`)).body), /账号信息已保存/);
    const [audit] = await auditRows('staff.updated', id);
    assert.deepEqual(audit?.summary, {
      before: { displayName: '李明（东瓜镇）', roles: ['editor', 'reviewer'], phone: '0878-3123456' },
      after: { displayName: '李明', roles: ['editor', 'reviewer', 'unit_admin'], phone: '13912345678' },
    });

    const bad = await admin.submit(`/staff/users/${id}/edit`, `/staff/users/${id}/edit`, { displayName: '李明', unitId: String(unitIds.donggua), roles: ['editor'], email: 'not-an-email' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /电子邮箱格式不正确/);
    assert.match(bad.body, /value="not-an-email"/);
  });

  it('keeps administrators from removing their own admin role or locking themselves', async () => {
    const me = await userId('czj_admin');
    const res = await czjAdmin.submit(`/staff/users/${me}/edit`, `/staff/users/${me}/edit`, {
      displayName: '王财（财政局管理员）',
      unitId: String(unitIds.finance),
      roles: ['editor'],
    });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /不能取消您自己的“单位管理员”角色/);
    const lock = await czjAdmin.submit(`/staff/users/${me}/edit`, `/staff/users/${me}/lock`, {});
    assert.equal(lock.statusCode, 409);
    assert.match(textOf(lock.body), /不能锁定您自己的账号/);
    const reset = await czjAdmin.submit(`/staff/users/${me}/edit`, `/staff/users/${me}/reset-password`, {});
    assert.equal(reset.statusCode, 409);
    const row = (await t.core.pool.query('SELECT roles, disabled_at FROM staff_users WHERE id = $1', [me])).rows[0];
    assert.deepEqual(row.roles, ['unit_admin']);
    assert.equal(row.disabled_at, null);
  });

  it('resets a password: the old sessions end and the new password must be changed', async () => {
    const editor = await t.signIn('czj_editor');
    assert.equal((await editor.get('/staff')).statusCode, 200);
    const id = await userId('czj_editor');
    const res = await czjAdmin.submit(`/staff/users/${id}/edit`, `/staff/users/${id}/reset-password`, {});
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(textOf(res.body), /已重置 张信息（财政局信息员）（czj_editor）的密码/);
    const password = shownPassword(res.body);

    const next = await editor.get('/staff');
    assert.equal(next.statusCode, 303);
    assert.equal(next.headers.location, '/staff/login?next=%2Fstaff');
    assert.equal((await login('czj_editor', TEST_PASSWORD)).statusCode, 401, 'the old password no longer works');
    const fresh = await login('czj_editor', password);
    assert.equal(fresh.headers.location, '/staff/account/password');

    const [audit] = await auditRows('staff.password-reset', id);
    assert.equal(audit?.actor_name, '王财（财政局管理员）（czj_admin）');
    assert.deepEqual(audit?.summary.after, { mustChangePassword: true, failedAttempts: 0, lockedUntil: null });
    assert.equal(audit?.summary.sessionsEnded, 2, 'this session and the one opened in the unit-admin test');
  });

  it('locks and unlocks an account', async () => {
    const reviewer = await t.signIn('czj_reviewer');
    const id = await userId('czj_reviewer');
    const lock = await czjAdmin.submit(`/staff/users/${id}/edit`, `/staff/users/${id}/lock`, {});
    assert.equal(lock.statusCode, 303);
    assert.equal((await reviewer.get('/staff')).statusCode, 303, 'the locked user is signed out');
    const refused = await login('czj_reviewer', TEST_PASSWORD);
    assert.equal(refused.statusCode, 401);
    assert.match(textOf(refused.body), /该账号已被管理员停用，请联系本单位管理员或安全保密管理员/);
    const page = textOf((await czjAdmin.get(`/staff/users/${id}/edit`)).body);
    assert.match(page, /账号已锁定，已结束其 1 个登录/);
    assert.match(page, /状态 已锁定（管理员）/);
    assert.match(page, /解锁账号/);
    const again = await czjAdmin.submit(`/staff/users/${id}/edit`, `/staff/users/${id}/lock`, {});
    assert.equal(again.statusCode, 409);
    assert.match(textOf(again.body), /该账号已处于锁定状态/);

    const unlock = await czjAdmin.submit(`/staff/users/${id}/edit`, `/staff/users/${id}/unlock`, {});
    assert.equal(unlock.statusCode, 303);
    assert.equal((await login('czj_reviewer', TEST_PASSWORD)).statusCode, 303);
    const nothing = await czjAdmin.submit(`/staff/users/${id}/edit`, `/staff/users/${id}/unlock`, {});
    assert.equal(nothing.statusCode, 409);
    assert.match(textOf(nothing.body), /该账号未被锁定，无须解锁/);

    const [locked] = await auditRows('staff.locked', id);
    assert.deepEqual(locked?.summary, { before: { disabledAt: null }, after: { disabledAt: '2026-11-26T02:00:00.000Z' }, sessionsEnded: 1 });
    const [unlocked] = await auditRows('staff.unlocked', id);
    assert.deepEqual(unlocked?.summary.before, { disabledAt: '2026-11-26T02:00:00.000Z', lockedUntil: null, failedAttempts: 0 });
  });

  it('creates exactly one account from a double submit', async () => {
    const page = await admin.get('/staff/users/new');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const form = { _csrf: token, username: 'twice', displayName: '重复提交', unitId: String(unitIds.finance), roles: ['editor'], email: '', phone: '' };
    const results = await Promise.all([admin.post('/staff/users', form), admin.post('/staff/users', form)]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 400]);
    const loser = results.find((r) => r.statusCode === 400)!;
    assert.match(textOf(loser.body), /账号“twice”已被使用/);
    assert.equal((await t.core.pool.query(`SELECT count(*)::int AS n FROM staff_users WHERE lower(username) = 'twice'`)).rows[0].n, 1);
    assert.equal((await auditRows('staff.created', await userId('twice'))).length, 1);
  });

  it('keeps the audit chain intact', async () => {
    const result = await verifyAuditChain(t.core.db);
    assert.equal(result.ok, true);
  });
});
