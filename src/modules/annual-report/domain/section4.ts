// Section 四: 政府信息公开行政复议、行政诉讼情况 (regulation.md §2.4), from the unit's case register. Pure.
import { yearEnd, yearStart } from './section3.ts';
import type { RemedyColumn, RemedyGroup, RemedyResult } from './template.ts';
import { zeroS4, type S4Table } from './tables.ts';

export type CaseKind = 'review' | 'lawsuit';
export type LawsuitPath = 'direct' | 'after_review';

/** A 行政复议 or 行政诉讼 case about the unit's 政府信息公开 work. */
export interface CaseFact {
  code: string;
  kind: CaseKind;
  /** Lawsuits only: 未经复议直接起诉 or 复议后起诉. */
  lawsuitPath: LawsuitPath | null;
  /** 申请复议 / 立案 date. */
  filedOn: string;
  /** 结案 date; null while the case is open. */
  decidedOn: string | null;
  /** The final result; 'pending' while open. */
  result: RemedyResult;
}

export function remedyGroupOf(c: Pick<CaseFact, 'kind' | 'lawsuitPath'>): RemedyGroup {
  if (c.kind === 'review') return 'review';
  return c.lawsuitPath === 'after_review' ? 'afterReview' : 'direct';
}

/**
 * The column a case counts in for year `year`, or null when it is outside that year. Our reading of
 * the template (not stated in 30号, see README): a case counts in every year in which it was open —
 * filed by 31 December and not decided before 1 January — with its state on 31 December (尚未审结
 * until decided). 国办公开办函〔2016〕201号: a case is counted only for the original acting unit, which
 * the register ensures by keeping each case under that unit.
 */
export function placeCase(c: CaseFact, year: number): { group: RemedyGroup; column: RemedyResult } | null {
  if (c.filedOn > yearEnd(year)) return null;
  if (c.decidedOn !== null && c.decidedOn < yearStart(year)) return null;
  const decided = c.decidedOn !== null && c.decidedOn <= yearEnd(year) && c.result !== 'pending';
  return { group: remedyGroupOf(c), column: decided ? c.result : 'pending' };
}

export function caseInCell(c: CaseFact, year: number, group: RemedyGroup, column: RemedyColumn): boolean {
  const p = placeCase(c, year);
  return !!p && p.group === group && (column === 'total' || p.column === column);
}

export function computeRemedyTable(cases: readonly CaseFact[], year: number): S4Table {
  const t = zeroS4();
  for (const c of cases) {
    const p = placeCase(c, year);
    if (!p) continue;
    t[p.group][p.column]++;
    t[p.group].total++;
  }
  return t;
}
