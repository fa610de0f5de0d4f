// Archiving (撤销) a unit: its records stay, it leaves the tree and the public site.

export interface ArchiveFacts {
  isRoot: boolean;
  alreadyArchived: boolean;
  /** Names of active units directly below it. */
  activeChildren: string[];
  /** Staff accounts of the unit that are not disabled. */
  activeStaff: number;
}

/** Reasons the unit cannot be archived now; empty when it can. */
export function archiveRefusals(f: ArchiveFacts): string[] {
  const reasons: string[] = [];
  if (f.alreadyArchived) reasons.push('该单位已撤销');
  if (f.isRoot) reasons.push('根单位（本级人民政府）不能撤销');
  if (f.activeChildren.length) {
    const shown = f.activeChildren.slice(0, 5).join('、');
    const more = f.activeChildren.length > 5 ? `等${f.activeChildren.length}个` : '';
    reasons.push(`该单位还有下级单位：${shown}${more}，请先撤销或调整这些单位`);
  }
  if (f.activeStaff > 0) reasons.push(`该单位还有${f.activeStaff}个未停用的工作人员账号，请先调出或停用这些账号`);
  return reasons;
}

export const ARCHIVE_REASON_MAX = 500;

export function archiveReasonProblem(reason: string): string | undefined {
  if (!reason) return '请填写撤销原因';
  if (Array.from(reason).length > ARCHIVE_REASON_MAX) return `撤销原因不能超过${ARCHIVE_REASON_MAX}个字`;
  return undefined;
}
