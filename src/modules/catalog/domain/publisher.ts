// 公开主体 (regulation notes §3.3): one or more units, or unit types (各乡镇人民政府, 各预算部门（单位）).
// The text is kept as written; the names in it that are units of the city (exact full or short name)
// are linked to those units. A name that is neither a unit nor a unit type is flagged on import so
// staff can check it (it may be a higher-level body such as a 州 bureau: a warning, not an error).
import type { ImportProblem } from './types.ts';

/** Splits 公开主体 text into the bodies it names: by 、，,；; / and newlines, and by 及 / 和 between names. */
export function splitPublishers(text: string): string[] {
  return text
    .split(/[、，,；;／/\n]+|(?<=[局委办府院所站队馆心处会镇乡道])(?:及|和|与)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Unit types that 公开主体 commonly names instead of one body (标准指引 tables, regulation notes §3.4). */
export const UNIT_TYPES: readonly string[] = [
  '各乡镇人民政府',
  '各乡镇（街道）',
  '各乡镇（街道）人民政府',
  '各街道办事处',
  '各村（居）委会',
  '市直各部门',
  '县直各部门',
  '各部门',
  '各主管部门',
  '各预算部门',
  '各预算部门（单位）',
  '各预算单位',
  '相关部门',
  '有关部门',
  '本级人民政府',
  '采购人',
  '采购代理机构',
];

function norm(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

const TYPE_SET = new Set(UNIT_TYPES.map(norm));

/**
 * Roles that catalogs name instead of one body (标准指引 tables): "应急管理部门", "县级人民政府民政部门",
 * "乡镇人民政府（街道办事处）", "村（居）民委员会", "建设单位". A unit's own name ends in 局, 委, 办, 政府 …,
 * never in 部门 alone.
 */
const ROLE_PATTERNS: readonly RegExp[] = [
  /部门$/,
  /^(省|州|市|县|区|乡|镇|县市区|县（市、区）)级/,
  /^乡镇/,
  /^(村|居|村（居）|社区)(民)?委员会$|^村（居）委会$|^村委会$|^居委会$/,
  /^(县|市|区|乡|镇)?人民政府$/,
  /^(县|市|区)?政府$/,
  /^(街道办事处|街道)$/,
  /(建设|项目|采购|实施|责任|主管|承办|用人|参保|申报|执法|监管|行政)(单位|机构|主体|机关)$/,
  /^(项目法人|采购人|供应商|医疗机构|学校|医院|幼儿园|养老机构)$/,
];

/** A type of unit or a role rather than one body: the list above, 各… / 相关… / 有关… / 市直各…, or a role name. */
export function isUnitType(name: string): boolean {
  const n = norm(name);
  return (
    TYPE_SET.has(n) ||
    /^(各|相关|有关|本级|所属|其他|其它|上级|下级)/.test(n) ||
    /^[市县区州](直|级|属)?各/.test(n) ||
    ROLE_PATTERNS.some((re) => re.test(n))
  );
}

export interface PublisherUnit {
  id: number;
  name: string;
  shortName: string | null;
}

export interface PublisherMatch {
  /** Ids of the units named, in the order of the text, each once. */
  unitIds: number[];
  /** Each name and the unit it names (undefined: not a unit of the city). */
  names: { name: string; unitId?: number; type: boolean }[];
  /** Names that are neither a unit of the city nor a unit type. */
  unknown: string[];
}

/** Index of the city's units by normalised full and short name (a full name wins over a short one). */
export function publisherIndex(units: readonly PublisherUnit[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const u of units) if (u.shortName && norm(u.shortName)) index.set(norm(u.shortName), u.id);
  for (const u of units) index.set(norm(u.name), u.id);
  return index;
}

/** The units 公开主体 names, matched exactly by full or short name against the city's units. */
export function matchPublishers(text: string, index: ReadonlyMap<string, number>): PublisherMatch {
  const match: PublisherMatch = { unitIds: [], names: [], unknown: [] };
  for (const name of splitPublishers(text)) {
    const unitId = index.get(norm(name));
    const type = unitId === undefined && isUnitType(name);
    match.names.push({ name, unitId, type });
    if (unitId !== undefined) {
      if (!match.unitIds.includes(unitId)) match.unitIds.push(unitId);
    } else if (!type) match.unknown.push(name);
  }
  return match;
}

/** Import warnings (not errors) for names in 公开主体 that are neither a unit nor a unit type. */
export function publisherProblems(
  items: readonly { sourceRow?: number; publisherText: string }[],
  units: readonly PublisherUnit[],
  column: string,
): ImportProblem[] {
  const index = publisherIndex(units);
  const problems: ImportProblem[] = [];
  items.forEach((item, i) => {
    for (const name of matchPublishers(item.publisherText, index).unknown) {
      problems.push({
        row: item.sourceRow ?? i + 1,
        column,
        message: `公开主体中的「${name}」不是本市单位名录中的单位，也不是单位类别（如“各乡镇人民政府”），请核对名称；如为上级或其他机关，可忽略本提示`,
        severity: 'warning',
      });
    }
  });
  return problems;
}

export interface PublisherSegment {
  text: string;
  /** Set when this part of the text names a unit. */
  unitId?: number;
}

/** The 公开主体 text cut into parts, the names of units marked, for linking them on the item page. */
export function publisherSegments(text: string, index: ReadonlyMap<string, number>, linked: readonly number[]): PublisherSegment[] {
  const allowed = new Set(linked);
  const segments: PublisherSegment[] = [];
  let at = 0;
  for (const { name, unitId } of matchPublishers(text, index).names) {
    const start = text.indexOf(name, at);
    if (start < 0) continue;
    if (unitId === undefined || !allowed.has(unitId)) continue;
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: name, unitId });
    at = start + name.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
