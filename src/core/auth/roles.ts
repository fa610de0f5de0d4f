import type { Role } from '../db/schema.ts';
import type { CurrentUser } from '../ui/context.ts';

export const ROLE_LABELS: Record<Role, string> = {
  editor: '信息员',
  reviewer: '审核人',
  unit_admin: '单位管理员',
  openness_office: '政务公开办',
  // 政府信息公开工作机构负责人: approves extensions of the reply period (条例 第三十三条第二款).
  openness_head: '政务公开办负责人',
  system_admin: '系统管理员',
  // 三员管理 (GB/T 22239-2019): the security officer grants roles and sets security rules; the audit officer only reads the log.
  security_admin: '安全保密管理员',
  auditor: '安全审计员',
};

/** Roles whose holders work across every unit of their city (their root unit's tree). */
export const CITY_WIDE_ROLES: readonly Role[] = ['openness_office', 'openness_head', 'system_admin', 'auditor'];

export function hasRole(user: CurrentUser | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

export function isCityWide(user: CurrentUser): boolean {
  return user.roles.some((r) => CITY_WIDE_ROLES.includes(r));
}

/**
 * Whether the user may see a unit's internal data: their own unit, or any unit of their city for
 * city-wide roles.
 */
export function canSeeUnit(user: CurrentUser, unit: { id: number; rootId: number | null }): boolean {
  if (unit.id === user.unitId) return true;
  return isCityWide(user) && (unit.rootId ?? unit.id) === user.rootUnitId;
}

/** Who may edit a unit's profile (机构概况, leaders): its unit admin, or a system admin of the city. */
export function canEditUnitProfile(user: CurrentUser, unit: { id: number; rootId: number | null }): boolean {
  if (hasRole(user, 'system_admin')) return (unit.rootId ?? unit.id) === user.rootUnitId;
  return hasRole(user, 'unit_admin') && unit.id === user.unitId;
}

/**
 * Which roles a user may grant: the 安全保密管理员 every role in the city, unit admins only the unit-level
 * ones in their own unit. The 系统管理员 grants none (三员分立).
 */
export function grantableRoles(user: CurrentUser): Role[] {
  if (hasRole(user, 'security_admin')) return ['editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head', 'system_admin', 'security_admin', 'auditor'];
  if (hasRole(user, 'unit_admin')) return ['editor', 'reviewer', 'unit_admin'];
  return [];
}

export function canManageStaffOf(user: CurrentUser, unit: { id: number; rootId: number | null }): boolean {
  if (hasRole(user, 'security_admin')) return (unit.rootId ?? unit.id) === user.rootUnitId;
  return hasRole(user, 'unit_admin') && unit.id === user.unitId;
}
