// Who may do what with a unit's annual reports and case register. Pure.
import type { CurrentUser } from '../../../core/ui/context.ts';
import { canSeeUnit, hasRole } from '../../../core/auth/roles.ts';

export interface ReportUnit {
  id: number;
  rootId: number | null;
}

export interface ReportAccess {
  view: boolean;
  /** Generate, enter figures and text, hand entry, case register. */
  edit: boolean;
  /** Publish and withdraw (after the 审核). */
  publish: boolean;
}

function isRoot(unit: ReportUnit): boolean {
  return (unit.rootId ?? unit.id) === unit.id;
}

/**
 * A unit's own 信息员 and 单位管理员 prepare its report; its 审核人 or 单位管理员 publish it. The city's
 * report is prepared and published by the 政务公开办 (《政府信息公开条例》第四十九条: the 主管部门 publishes
 * 本级政府的年度报告). City-wide roles see every unit's reports.
 */
export function reportAccess(user: CurrentUser, unit: ReportUnit): ReportAccess {
  const view = canSeeUnit(user, unit);
  const own = unit.id === user.unitId;
  const office = hasRole(user, 'openness_office') && isRoot(unit) && unit.id === user.rootUnitId;
  return {
    view,
    edit: view && ((own && hasRole(user, 'editor', 'unit_admin')) || office),
    publish: view && ((own && hasRole(user, 'reviewer', 'unit_admin')) || office),
  };
}

/** The dashboard of every unit's reports: the openness office and those who watch it. */
export function canSeeDashboard(user: CurrentUser): boolean {
  return hasRole(user, 'openness_office', 'system_admin', 'auditor');
}
