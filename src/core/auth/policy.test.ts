import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLE_LABELS } from './roles.ts';
import { DEFAULT_POLICY, characterClasses, passwordExpired, passwordPolicyProblems, policyProblems, separationProblems, throttleDelayMs } from './policy.ts';
import { isCommonPassword } from './common-passwords.ts';
import type { Role } from '../db/schema.ts';

describe('三员分立', () => {
  const cases: [Role[], string[]][] = [
    [['system_admin'], []],
    [['security_admin'], []],
    [['auditor'], []],
    [['system_admin', 'openness_office'], []],
    [['system_admin', 'auditor'], ['系统管理员、安全审计员不能由同一账号兼任（三员分立）']],
    [['system_admin', 'security_admin', 'auditor'], ['系统管理员、安全保密管理员、安全审计员不能由同一账号兼任（三员分立）']],
    [['security_admin', 'editor'], ['安全保密管理员不能兼任其他角色（三员分立）']],
    [['auditor', 'reviewer'], ['安全审计员不能兼任其他角色（三员分立）']],
    [['editor', 'reviewer', 'unit_admin'], []],
  ];
  for (const [roles, expected] of cases) it(`${roles.join('+')} → ${expected.join('') || 'fine'}`, () => assert.deepEqual(separationProblems(roles, ROLE_LABELS), expected));
});

describe('password policy (default: 10 characters, 3 classes, common list)', () => {
  it('counts character classes; Chinese characters count as 其他符号', () => {
    assert.equal(characterClasses('abcdefghij'), 1);
    assert.equal(characterClasses('Abcdefghi1'), 3);
    assert.equal(characterClasses('Ab1!'), 4);
    assert.equal(characterClasses('楚雄abc'), 2);
  });
  const cases: [string, string, boolean, string[]][] = [
    ['Chuxiong-2026', 'lisi', false, []],
    ['correct horse battery', 'lisi', false, ['密码需包含大写字母、小写字母、数字、其他符号中的至少3类']],
    ['Ab1!', 'lisi', false, ['密码至少需要10个字符']],
    ['Lisi-2026-spring', 'lisi', false, ['密码不能包含账号名']],
    ['Password123', 'lisi', true, ['该密码过于常见，容易被猜中，请换一个']],
    ['', 'lisi', false, ['密码至少需要10个字符']],
  ];
  for (const [pw, account, common, expected] of cases) {
    it(`${JSON.stringify(pw)} → ${expected.join('；') || 'acceptable'}`, () => assert.deepEqual(passwordPolicyProblems(pw, account, DEFAULT_POLICY, common), expected));
  }
  it('the common check can be switched off, and fewer classes asked for', () => {
    assert.deepEqual(passwordPolicyProblems('Password123', 'lisi', { ...DEFAULT_POLICY, commonCheck: false }, true), []);
    assert.deepEqual(passwordPolicyProblems('correct horse battery', 'lisi', { ...DEFAULT_POLICY, minClasses: 2 }, false), []);
  });
  it('knows common passwords in any case, and not a made-up one', async () => {
    assert.equal(await isCommonPassword('password123'), true);
    assert.equal(await isCommonPassword('QWERTYUIOP'), true);
    assert.equal(await isCommonPassword('Chuxiong-Yi-2026!'), false);
  });
  it('refuses settings out of range with the field name', () => {
    assert.deepEqual(policyProblems({ ...DEFAULT_POLICY, minLength: 6, idleMinutes: NaN }), { minLength: '密码最短长度应在8到64之间', idleMinutes: '请填写会话超时分钟数（整数）' });
    assert.deepEqual(policyProblems(DEFAULT_POLICY), {});
  });
});

describe('password age of the three officers (90 days by default)', () => {
  const changed = new Date('2026-08-28T02:00:00Z');
  it('an officer on day 89 may go on; on day 90 must change', () => {
    assert.equal(passwordExpired(['auditor'], changed, new Date('2026-11-25T02:00:00Z'), DEFAULT_POLICY), false); // 89 days
    assert.equal(passwordExpired(['auditor'], changed, new Date('2026-11-26T02:00:00Z'), DEFAULT_POLICY), true); // 90 days
  });
  it('other staff, and a policy of 0 days, never expire', () => {
    assert.equal(passwordExpired(['editor'], changed, new Date('2027-11-26T02:00:00Z'), DEFAULT_POLICY), false);
    assert.equal(passwordExpired(['system_admin'], changed, new Date('2027-11-26T02:00:00Z'), { ...DEFAULT_POLICY, maxAgeDays: 0 }), false);
  });
});

describe('sign-in throttle (5 failures before delays)', () => {
  // failures → pause: 1–4 none; 5 → 1 min; 6 → 2; 7 → 4; 10 → 32; 11 → 64 min capped at 60.
  const cases: [number, number][] = [
    [1, 0],
    [4, 0],
    [5, 60_000],
    [6, 120_000],
    [7, 240_000],
    [10, 1_920_000],
    [11, 3_600_000],
    [500, 3_600_000],
  ];
  for (const [failures, ms] of cases) it(`${failures} failures → ${ms / 60_000} min`, () => assert.equal(throttleDelayMs(failures, 5), ms));
});
