// 公开主体 (regulation notes §3.3): one or more units, or unit types (各乡镇人民政府, 各预算部门（单位）).
// An import names them as text; a name that looks like a specific body but is none of the city's units
// is flagged so staff can check it (it may be a higher-level body such as a 州 bureau: not an error).
import type { ImportProblem } from './types.ts';

/** Splits 公开主体 text into the bodies it names: by 、，,；; / and newlines, and by 及 / 和 between names. */
export function splitPublishers(text: string): string[] {
  return text
    .split(/[、，,；;／/\n]+|(?<=[局委办府院所站队馆心处会])(?:及|和|与)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A category of units rather than one body: 各乡镇人民政府, 相关部门, 本级人民政府 … */
export function isUnitCategory(name: string): boolean {
  return /^(各|相关|有关|本级|所属|其他|其它|上级|下级)/.test(name);
}

/** A name that reads like one specific government body (…局, …委员会, …人民政府, …办公室, …中心 …). */
export function looksLikeBody(name: string): boolean {
  return /(局|委员会|委|办公室|办|人民政府|政府|中心|分局|所|站|大队|支队|队|院|馆|街道办事处|办事处)$/.test(name);
}

/**
 * Names in 公开主体 that look like a specific body but match none of the known unit names (full or
 * short names of the city's units). Categories and non-government publishers (采购代理机构) pass.
 */
export function unknownPublishers(text: string, knownNames: ReadonlySet<string>): string[] {
  const norm = (s: string) => s.replace(/\s+/g, '');
  return splitPublishers(text).filter((name) => !isUnitCategory(name) && looksLikeBody(name) && !knownNames.has(norm(name)));
}

/** Import warnings (not errors) for unknown bodies in 公开主体, one per row and name. */
export function publisherProblems(
  items: readonly { sourceRow?: number; publisherText: string }[],
  knownNames: readonly string[],
  column: string,
): ImportProblem[] {
  const known = new Set(knownNames.filter(Boolean).map((n) => n.replace(/\s+/g, '')));
  const problems: ImportProblem[] = [];
  items.forEach((item, i) => {
    for (const name of unknownPublishers(item.publisherText, known)) {
      problems.push({
        row: item.sourceRow ?? i + 1,
        column,
        message: `公开主体中的「${name}」不是本市单位名录中的单位，请核对名称；如为上级或其他机关，可忽略本提示`,
        severity: 'warning',
      });
    }
  });
  return problems;
}
