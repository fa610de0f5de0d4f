import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '../../../core/db/schema.ts';
import { ROLE_LABELS } from '../../../core/auth/roles.ts';
import {
  accountStatus,
  canManageAccount,
  lockProblems,
  orderRoles,
  resetProblems,
  roleProblems,
  unlockProblems,
  usernameProblem,
} from './accounts.ts';

const UNIT_ADMIN_GRANTS: Role[] = ['editor', 'reviewer', 'unit_admin'];
const now = new Date('2026-11-26T02:00:00Z');

describe('usernameProblem', () => {
  const cases: [string, string | undefined][] = [
    ['czj.editor-2', undefined],
    ['abc', undefined],
    ['a'.repeat(32), undefined],
    ['', '请填写账号'],
    ['ab', '账号应为3—32个字符'],
    ['a'.repeat(33), '账号应为3—32个字符'],
    ['张三丰', '账号只能包含英文字母、数字、下划线（_）、点（.）和连字符（-）'],
    ['li si', '账号只能包含英文字母、数字、下划线（_）、点（.）和连字符（-）'],
    ['li@si', '账号只能包含英文字母、数字、下划线（_）、点（.）和连字符（-）'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected ?? 'ok'}`, () => assert.equal(usernameProblem(input), expected));
  }
});

describe('roleProblems', () => {
  const base = { labels: ROLE_LABELS, grantable: UNIT_ADMIN_GRANTS, self: false, previous: [] as Role[] };

  it('accepts roles the actor may grant', () => {
    assert.deepEqual(roleProblems(['editor', 'reviewer'], base), []);
  });
  it('names the roles a unit admin may not grant', () => {
    assert.deepEqual(roleProblems(['editor', 'openness_office', 'system_admin'], base), ['您无权授予以下角色：政务公开办、系统管理员']);
  });
  it('refuses unknown values and an empty choice', () => {
    assert.deepEqual(roleProblems(['root'], base), ['角色包含无效的选项']);
    assert.deepEqual(roleProblems([], base), ['请至少选择一个角色']);
  });
  it('keeps an administrator from removing their own admin role', () => {
    assert.deepEqual(roleProblems(['editor'], { ...base, self: true, previous: ['unit_admin', 'editor'] }), ['不能取消您自己的“单位管理员”角色']);
    assert.deepEqual(roleProblems(['editor', 'unit_admin'], { ...base, self: true, previous: ['unit_admin'] }), []);
    // Someone else's admin role may be removed.
    assert.deepEqual(roleProblems(['editor'], { ...base, previous: ['unit_admin'] }), []);
  });
});

describe('canManageAccount', () => {
  it('needs the unit in scope and every role of the account grantable', () => {
    assert.equal(canManageAccount(true, UNIT_ADMIN_GRANTS, ['editor', 'unit_admin']), true);
    assert.equal(canManageAccount(false, UNIT_ADMIN_GRANTS, ['editor']), false);
    assert.equal(canManageAccount(true, UNIT_ADMIN_GRANTS, ['editor', 'system_admin']), false);
  });
});

describe('orderRoles', () => {
  it('orders, de-duplicates and drops unknown values', () => {
    assert.deepEqual(orderRoles(['reviewer', 'x', 'editor', 'reviewer'], Object.keys(ROLE_LABELS) as Role[]), ['editor', 'reviewer']);
  });
});

describe('accountStatus', () => {
  const plain = { disabledAt: null, lockedUntil: null, mustChangePassword: false };
  it('reads the most restrictive state', () => {
    assert.deepEqual(accountStatus(plain, now), { kind: 'active' });
    assert.deepEqual(accountStatus({ ...plain, mustChangePassword: true }, now), { kind: 'must-change' });
    const until = new Date('2026-11-26T02:15:00Z');
    assert.deepEqual(accountStatus({ ...plain, lockedUntil: until, mustChangePassword: true }, now), { kind: 'temp-locked', until });
    assert.deepEqual(accountStatus({ ...plain, lockedUntil: until, disabledAt: now }, now), { kind: 'disabled' });
  });
  it('ignores a lockout that has run out', () => {
    assert.deepEqual(accountStatus({ ...plain, lockedUntil: new Date('2026-11-26T01:59:59Z') }, now), { kind: 'active' });
  });
});

describe('lock, unlock and reset refusals', () => {
  it('refuses locking oneself or an account already locked', () => {
    assert.deepEqual(lockProblems(7, { id: 7, disabledAt: null }), ['不能锁定您自己的账号']);
    assert.deepEqual(lockProblems(7, { id: 8, disabledAt: now }), ['该账号已处于锁定状态']);
    assert.deepEqual(lockProblems(7, { id: 8, disabledAt: null }), []);
  });
  it('unlocks only what is locked (or has failed attempts counted)', () => {
    const plain = { disabledAt: null, lockedUntil: null, mustChangePassword: false, failedAttempts: 0 };
    assert.deepEqual(unlockProblems(plain, now), ['该账号未被锁定，无须解锁']);
    assert.deepEqual(unlockProblems({ ...plain, disabledAt: now }, now), []);
    assert.deepEqual(unlockProblems({ ...plain, lockedUntil: new Date('2026-11-26T02:10:00Z') }, now), []);
    assert.deepEqual(unlockProblems({ ...plain, failedAttempts: 3 }, now), []);
  });
  it('sends administrators to their own account page for their password', () => {
    assert.equal(resetProblems(7, { id: 7 }).length, 1);
    assert.deepEqual(resetProblems(7, { id: 8 }), []);
  });
});
