// Pure security rules for staff accounts: password policy, the three-officer separation of duties and
// the sign-in throttle. No I/O, no clock: every input is an argument.
import type { Role } from '../db/schema.ts';

/**
 * The three administrator roles of 三员管理. GB/T 22239-2019 §8.1.9 (安全管理中心) and §8.1.10 (岗位设置):
 * 系统管理员, 安全管理员 and 审计管理员 are separate posts.
 */
export const THREE_OFFICERS: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/** Roles that may be held only alone: the security officer manages no business data, the auditor only reads the log. */
const SOLE_ROLES: readonly Role[] = ['security_admin', 'auditor'];

/** Why a set of roles breaks the separation of duties (empty: fine). Labels come in as an argument. */
export function separationProblems(roles: readonly Role[], labels: Readonly<Record<Role, string>>): string[] {
  const problems: string[] = [];
  const officers = THREE_OFFICERS.filter((r) => roles.includes(r));
  // GB/T 22239-2019 §8.1.4.2 d) 管理用户的权限分离; no account holds two of the three (三员互斥).
  if (officers.length > 1) problems.push(`${officers.map((r) => labels[r]).join('、')}不能由同一账号兼任（三员分立）`);
  else {
    const sole = SOLE_ROLES.find((r) => roles.includes(r));
    if (sole && roles.length > 1) problems.push(`${labels[sole]}不能兼任其他角色（三员分立）`);
  }
  return problems;
}

/** Password and session rules that the 安全保密管理员 sets. Values are configurable defaults, not law. */
export interface SecurityPolicy {
  /** Minimum length in characters. */
  minLength: number;
  /** How many of the four classes (大写字母, 小写字母, 数字, 其他符号) a password must use. */
  minClasses: number;
  /** Refuse passwords on a list of common passwords. */
  commonCheck: boolean;
  /** The three officers must change their password after this many days (0 = never). */
  maxAgeDays: number;
  /** Wrong passwords from one address for one account before delays start. */
  failuresBeforeDelay: number;
  /** Minutes of inactivity after which a session ends. */
  idleMinutes: number;
}

// GB/T 22239-2019 §8.1.4.1 a) b) ask for complexity, periodic change, failed-login handling and idle
// timeout without numbers; these defaults follow common 等保 assessment practice (≥ 8 characters with 3 of 4
// classes, 90 days, 5 failures, ≤ 30 minutes). UNVERIFIED as values: configurable.
export const DEFAULT_POLICY: SecurityPolicy = { minLength: 10, minClasses: 3, commonCheck: true, maxAgeDays: 90, failuresBeforeDelay: 5, idleMinutes: 30 };

export const POLICY_LIMITS = {
  minLength: [8, 64],
  minClasses: [0, 4],
  maxAgeDays: [0, 365],
  failuresBeforeDelay: [3, 20],
  idleMinutes: [5, 120],
} as const;

/** Field errors for a policy typed into the settings form (values already parsed; NaN = not a number). */
export function policyProblems(p: SecurityPolicy): Partial<Record<keyof SecurityPolicy, string>> {
  const errors: Partial<Record<keyof SecurityPolicy, string>> = {};
  const names: Record<keyof typeof POLICY_LIMITS, string> = {
    minLength: '密码最短长度',
    minClasses: '字符类别数',
    maxAgeDays: '密码有效天数',
    failuresBeforeDelay: '允许连续输错次数',
    idleMinutes: '会话超时分钟数',
  };
  for (const key of Object.keys(POLICY_LIMITS) as (keyof typeof POLICY_LIMITS)[]) {
    const [lo, hi] = POLICY_LIMITS[key];
    const v = p[key];
    if (!Number.isInteger(v)) errors[key] = `请填写${names[key]}（整数）`;
    else if (v < lo || v > hi) errors[key] = `${names[key]}应在${lo}到${hi}之间`;
  }
  return errors;
}

function chars(s: string): string[] {
  return [...s];
}

/** How many of the four character classes the password uses; CJK and other letters count as 其他符号. */
export function characterClasses(password: string): number {
  let upper = 0, lower = 0, digit = 0, other = 0;
  for (const c of chars(password)) {
    if (c >= 'A' && c <= 'Z') upper = 1;
    else if (c >= 'a' && c <= 'z') lower = 1;
    else if (c >= '0' && c <= '9') digit = 1;
    else other = 1;
  }
  return upper + lower + digit + other;
}

/**
 * Reasons a password breaks the policy (empty = acceptable). `isCommon` says whether the password (or
 * its lower-case form) is on the common-password list; the caller looks it up.
 */
export function passwordPolicyProblems(password: string, accountName: string, policy: SecurityPolicy, isCommon: boolean): string[] {
  const reasons: string[] = [];
  const cs = chars(password);
  // GB/T 22239-2019 §8.1.4.1 a) 身份鉴别信息具有复杂度要求.
  if (cs.length < policy.minLength) reasons.push(`密码至少需要${policy.minLength}个字符`);
  if (cs.length && characterClasses(password) < policy.minClasses) reasons.push(`密码需包含大写字母、小写字母、数字、其他符号中的至少${policy.minClasses}类`);
  const name = accountName.trim().toLowerCase();
  if (name.length > 0 && password.toLowerCase().includes(name)) reasons.push(password.toLowerCase() === name ? '密码不能与账号名相同' : '密码不能包含账号名');
  if (cs.length > 0 && cs.every((c) => c === cs[0])) reasons.push('密码不能全部由同一个字符组成');
  if (policy.commonCheck && isCommon) reasons.push('该密码过于常见，容易被猜中，请换一个');
  return reasons;
}

/** Whether an officer's password is older than the policy allows. GB/T 22239-2019 §8.1.4.1 a) 定期更换. */
export function passwordExpired(roles: readonly Role[], changedAt: Date, now: Date, policy: SecurityPolicy): boolean {
  if (!policy.maxAgeDays || !roles.some((r) => THREE_OFFICERS.includes(r))) return false;
  return now.getTime() - changedAt.getTime() >= policy.maxAgeDays * 86_400_000;
}

/**
 * How long sign-in stays refused for one account name from one address after `failures` wrong
 * passwords in a row: none below the threshold, then 1 minute, doubling with each further failure, at
 * most 1 hour. GB/T 22239-2019 §8.1.4.1 b) 限制非法登录次数. Keyed by name and address, so someone
 * elsewhere cannot keep a known account locked out, and a name that does not exist behaves the same.
 */
export function throttleDelayMs(failures: number, failuresBeforeDelay: number): number {
  if (failures < failuresBeforeDelay) return 0;
  const step = failures - failuresBeforeDelay;
  return Math.min(60_000 * 2 ** Math.min(step, 10), 3_600_000);
}
