// The national catalog sheet layout shared by the reader, the parser and the writer
// (regulation notes §3.3: two-row header, √ marks, 公开渠道和载体 checklist).
import { matchDomainName } from '../domain/domains.ts';

/** A merged range, 1-based and inclusive like Excel's "A3:A7". */
export interface SheetMerge {
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column keys of the national layout, in print order. `domain` is our optional extra column. */
export type ColumnKey =
  | 'seq'
  | 'domain'
  | 'level1'
  | 'level2'
  | 'content'
  | 'basis'
  | 'timeLimit'
  | 'publisher'
  | 'channels'
  | 'society'
  | 'specificGroup'
  | 'proactive'
  | 'onRequest'
  | 'county'
  | 'township';

/** Columns every catalog sheet must have (序号 and 领域 are optional). */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = [
  'level1',
  'level2',
  'content',
  'basis',
  'timeLimit',
  'publisher',
  'channels',
  'society',
  'specificGroup',
  'proactive',
  'onRequest',
  'county',
  'township',
];

/** Column names used in messages ("缺少必需的列：…"). */
export const COLUMN_NAMES: Record<ColumnKey, string> = {
  seq: '序号',
  domain: '领域',
  level1: '一级事项',
  level2: '二级事项',
  content: '公开内容（要素）',
  basis: '公开依据',
  timeLimit: '公开时限',
  publisher: '公开主体',
  channels: '公开渠道和载体',
  society: '公开对象·全社会',
  specificGroup: '公开对象·特定群体',
  proactive: '公开方式·主动',
  onRequest: '公开方式·依申请',
  county: '公开层级·县级',
  township: '公开层级·乡级',
};

/**
 * Header labels that vary between local catalogs (regulation notes §3.3: 特定群众, 依申请公开,
 * 市级 / 镇(街)级, 县级 / 乡、村级, 公开内容（要素）及要求). The values are stored as booleans either way.
 */
export interface CatalogLabels {
  content: string;
  society: string;
  specificGroup: string;
  proactive: string;
  onRequest: string;
  county: string;
  township: string;
}

export const DEFAULT_LABELS: CatalogLabels = {
  content: '公开内容（要素）',
  society: '全社会',
  specificGroup: '特定群体',
  proactive: '主动',
  onRequest: '依申请',
  county: '县级',
  township: '乡级',
};

/** The mark written for "yes"; the reader also accepts the others. */
export const CHECK_MARK = '√';
export const TRUE_MARKS: ReadonlySet<string> = new Set(['√', '✓', '✔', '☑', '是', '●']);
export const FALSE_MARKS: ReadonlySet<string> = new Set(['', '否']);

/** Spreadsheet column letter for a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The domain named in a title such as "楚雄市财政预决算领域基层政务公开标准目录": the text before "领域",
 * with a leading place name (…市 / …县 / …镇 …) removed. Undefined when the title names no domain.
 */
export function domainFromTitle(title: string): string | undefined {
  const m = /^(.*?)领域/.exec(title.replace(/\s+/g, ''));
  if (!m || !m[1]) return undefined;
  const before = m[1];
  // The longest ending that names a national domain (or an older alias) wins.
  for (let i = 0; i + 2 <= before.length; i++) {
    const known = matchDomainName(before.slice(i));
    if (known) return known;
  }
  const place = /^.+?(?:自治州|自治县|街道办事处|街道|省|州|市|县|区|镇|乡)(?:人民政府)?/.exec(before);
  const rest = place && before.length - place[0].length >= 2 ? before.slice(place[0].length) : before;
  return rest || undefined;
}

/** Where a problem is: "工作表「财政预决算」第12行 E列", "第8行", "工作表「封面」", or "整个文件". */
export function problemLocation(p: { row: number; column: string; sheet?: string }): string {
  const sheet = p.sheet ? `工作表「${p.sheet}」` : '';
  if (p.row <= 0) return sheet || '整个文件';
  return `${sheet}${p.column ? `第${p.row}行 ${p.column}列` : `第${p.row}行`}`;
}

/** Formats a problem for people: "第12行 E列：…", "工作表「封面」：…", or the bare message for the whole file. */
export function formatImportProblem(p: { row: number; column: string; message: string; sheet?: string }): string {
  if (p.row <= 0 && !p.sheet) return p.message;
  return `${problemLocation(p)}：${p.message}`;
}
