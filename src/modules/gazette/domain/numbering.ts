// 年/期 numbering of the 政府公报. No national rule fixes it (regulation-wave2.md §6, UNVERIFIED practice):
// "《XX市人民政府公报》YYYY年第N期（总第M期）" — 期 restarts at 1 every year, 总期 counts every issue since
// the first and never restarts. Pure: no I/O.

export interface IssueNumber {
  year: number;
  /** 期: 1, 2, … within the year. */
  number: number;
  /** 总期: counted since the first issue. */
  overall: number;
}

/** The numbers a new issue of `year` gets after the existing ones: next 期 of that year, next 总期 overall. */
export function nextIssueNumber(existing: IssueNumber[], year: number, firstOverall = 1): IssueNumber {
  const ofYear = existing.filter((e) => e.year === year);
  const number = ofYear.length ? Math.max(...ofYear.map((e) => e.number)) + 1 : 1;
  const overall = existing.length ? Math.max(...existing.map((e) => e.overall)) + 1 : firstOverall;
  return { year, number, overall };
}

/**
 * Why a proposed number cannot be used (empty when it can): 期 and 总期 are positive and unique, and
 * 总期 grows with (year, 期) — an issue after another in time has the larger 总期. Gaps are allowed
 * (an issue of the paper archive may be missing).
 */
export function numberingProblems(existing: IssueNumber[], p: IssueNumber): string[] {
  const out: string[] = [];
  if (!Number.isInteger(p.year) || p.year < 1949 || p.year > 2100) out.push('年份应在1949年至2100年之间');
  if (!Number.isInteger(p.number) || p.number < 1 || p.number > 99) out.push('期号应为1至99的整数');
  if (!Number.isInteger(p.overall) || p.overall < 1) out.push('总期号应为正整数');
  if (out.length) return out;
  if (existing.some((e) => e.year === p.year && e.number === p.number)) out.push(`${p.year}年第${p.number}期已经存在`);
  if (existing.some((e) => e.overall === p.overall)) out.push(`总第${p.overall}期已经存在`);
  if (out.length) return out;
  const before = (a: IssueNumber, b: IssueNumber) => a.year < b.year || (a.year === b.year && a.number < b.number);
  const earlierBigger = existing.filter((e) => before(e, p) && e.overall >= p.overall);
  const laterSmaller = existing.filter((e) => before(p, e) && e.overall <= p.overall);
  for (const e of [...earlierBigger, ...laterSmaller]) out.push(`总期号与${issueLabel(e)}的顺序不符`);
  return out;
}

/** "2025年第3期（总第27期）". */
export function issueLabel(n: IssueNumber): string {
  return `${n.year}年第${n.number}期（总第${n.overall}期）`;
}

/** The gazette's name from the publishing government's name: 楚雄市人民政府 → 楚雄市人民政府公报. */
export function gazetteName(governmentName: string): string {
  return `${governmentName}公报`;
}

/** 《楚雄市人民政府公报》2025年第3期（总第27期）. */
export function issueTitle(governmentName: string, n: IssueNumber): string {
  return `《${gazetteName(governmentName)}》${issueLabel(n)}`;
}
