// Pure rules for administering staff accounts: who may manage whom, which roles may change, and
// how an account's state reads. No I/O and no clock: `now` is an argument.
// Role labels and grantable roles come in as arguments: domain code imports only pure modules.
import type { Role } from '../../../core/db/schema.ts';
import { separationProblems } from '../../../core/auth/policy.ts';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
const USERNAME_CHARS = /^[A-Za-z0-9_.-]+$/;

/** Why a username is not acceptable, or undefined. Uniqueness is the database's job (unique index). */
export function usernameProblem(username: string): string | undefined {
  if (!username) return '请填写账号';
  const n = [...username].length;
  if (n < USERNAME_MIN || n > USERNAME_MAX) return `账号应为${USERNAME_MIN}—${USERNAME_MAX}个字符`;
  if (!USERNAME_CHARS.test(username)) return '账号只能包含英文字母、数字、下划线（_）、点（.）和连字符（-）';
  return undefined;
}

export function usernameTakenMessage(username: string): string {
  return `账号“${username}”已被使用（不区分大小写），请换一个`;
}

/**
 * Whether an actor may administer an account: the account's unit is in the actor's scope, and the
 * account holds no role the actor could not grant (otherwise a unit admin could reset the password
 * of a system admin of the same unit and sign in as them).
 */
export function canManageAccount(unitInScope: boolean, grantable: readonly Role[], accountRoles: readonly Role[]): boolean {
  return unitInScope && accountRoles.every((r) => grantable.includes(r));
}

/** Roles whose removal would take away an administrator's own rights. */
const SELF_PROTECTED: readonly Role[] = ['security_admin', 'unit_admin'];

export interface RoleCheck {
  /** Every role, in display order, with its label. */
  labels: Readonly<Record<Role, string>>;
  grantable: readonly Role[];
  /** True when the account being edited is the actor's own. */
  self: boolean;
  /** The account's current roles (empty for a new account). */
  previous: readonly Role[];
}

/** Problems with the roles a form submitted (empty: fine); `submitted` may hold anything. */
export function roleProblems(submitted: readonly string[], c: RoleCheck): string[] {
  const problems: string[] = [];
  const known = Object.keys(c.labels) as Role[];
  if (submitted.some((r) => !known.includes(r as Role))) problems.push('角色包含无效的选项');
  const refused = known.filter((r) => submitted.includes(r) && !c.grantable.includes(r));
  if (refused.length) problems.push(`您无权授予以下角色：${refused.map((r) => c.labels[r]).join('、')}`);
  if (!submitted.length) problems.push('请至少选择一个角色');
  problems.push(...separationProblems(known.filter((r) => submitted.includes(r)), c.labels));
  if (c.self) {
    for (const r of SELF_PROTECTED) {
      if (c.previous.includes(r) && !submitted.includes(r)) problems.push(`不能取消您自己的“${c.labels[r]}”角色`);
    }
  }
  return problems;
}

/** The known roles among `roles`, in the order of `order`, without duplicates. */
export function orderRoles(roles: readonly string[], order: readonly Role[]): Role[] {
  return order.filter((r) => roles.includes(r));
}

export type AccountStatus =
  | { kind: 'disabled' }
  | { kind: 'temp-locked'; until: Date }
  | { kind: 'must-change' }
  | { kind: 'active' };

export interface AccountState {
  disabledAt: Date | null;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
}

/** The one status shown for an account, the most restrictive first. */
export function accountStatus(a: AccountState, now: Date): AccountStatus {
  if (a.disabledAt) return { kind: 'disabled' };
  if (a.lockedUntil && a.lockedUntil.getTime() > now.getTime()) return { kind: 'temp-locked', until: a.lockedUntil };
  if (a.mustChangePassword) return { kind: 'must-change' };
  return { kind: 'active' };
}

/** Why an administrator may not lock this account (empty: may). */
export function lockProblems(actorId: number, account: { id: number; disabledAt: Date | null }): string[] {
  if (account.id === actorId) return ['不能锁定您自己的账号'];
  if (account.disabledAt) return ['该账号已处于锁定状态'];
  return [];
}

/** Why there is nothing to unlock (empty: may unlock). */
export function unlockProblems(account: AccountState & { failedAttempts: number }, now: Date): string[] {
  const tempLocked = account.lockedUntil !== null && account.lockedUntil.getTime() > now.getTime();
  if (!account.disabledAt && !tempLocked && account.failedAttempts === 0) return ['该账号未被锁定，无须解锁'];
  return [];
}

/** An administrator resets other people's passwords; their own is changed on the account page. */
export function resetProblems(actorId: number, account: { id: number }): string[] {
  if (account.id === actorId) return ['不能在此重置您自己的密码，请在“我的账号”中修改密码'];
  return [];
}
