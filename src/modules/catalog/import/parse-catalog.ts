// Turns a sheet grid in the national catalog layout (regulation notes §3.3) into catalog items and
// a list of problems addressed by row and column. Pure and linear in the number of cells.
import type { CatalogItemData, ImportProblem, TimeLimitRule } from '../domain/types.ts';
import { parseChannels, splitBasis } from '../domain/written.ts';
import { itemKey, validateItemData } from '../domain/item-rules.ts';
import { matchDomainName } from '../domain/domains.ts';
import {
  COLUMN_NAMES,
  DEFAULT_LABELS,
  FALSE_MARKS,
  REQUIRED_COLUMNS,
  TRUE_MARKS,
  columnLetter,
  domainFromTitle,
  type CatalogLabels,
  type ColumnKey,
  type SheetMerge,
} from './layout.ts';

export type ParseTimeLimit = (text: string) => { rule: TimeLimitRule; recognised: boolean };

export interface ParseCatalogOptions {
  parseTimeLimit: ParseTimeLimit;
  /** Used when the sheet has no 领域 column and its title names no domain. */
  defaultDomain?: string;
  /** The sheet's name: a domain when the sheet has no 领域 column and its title names none (one sheet per domain). */
  sheetName?: string;
  /**
   * The 公开层级 for a sheet without 县级 / 乡级 columns (published domain tables often have none); the
   * person importing confirms or changes it in the preview. Without it such a sheet is refused.
   */
  defaultLevel?: CatalogItemData['level'];
}

export type ImportedCatalogItem = CatalogItemData & { sourceRow: number; sourceSheet?: string };

/** What became of one row under the header: an item, refused (an error), or skipped with a note. */
export type RowOutcome = 'item' | 'refused' | 'skipped';

export interface ParsedCatalog {
  items: ImportedCatalogItem[];
  problems: ImportProblem[];
  /** The title row above the header ('' when there is none). */
  title: string;
  /** 1-based row of the header's first line; 0 when no header was found. */
  headerRow: number;
  /** Header labels as written in the file (特定群众, 依申请公开 …), to export in the same words. */
  labels: CatalogLabels;
  /** Column letter of each recognised column. */
  columns: Partial<Record<ColumnKey, string>>;
  /** The sheet has no 公开层级 columns: every item got `defaultLevel`. */
  levelMissing: boolean;
  /** Each non-empty row under the header (1-based sheet row) and what became of it. */
  rows: Map<number, RowOutcome>;
}

// ---------------------------------------------------------------------------------------------
// Cell values

/** √-style mark → true, empty → false, anything else → undefined (the caller reports it). */
export function parseMark(text: string): boolean | undefined {
  const t = text.replace(/\s+/g, '');
  if (TRUE_MARKS.has(t)) return true;
  if (FALSE_MARKS.has(t)) return false;
  return undefined;
}

export { splitBasis, parseChannels } from '../domain/written.ts';

// ---------------------------------------------------------------------------------------------
// Header

function norm(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

const GROUP_LABELS = new Set(['公开事项', '公开对象', '公开方式', '公开层级']);

/** The column a single header label names, if any. `group` is the label above it in a two-row header. */
function classifyLabel(label: string, group: string): ColumnKey | undefined {
  if (!label) return undefined;
  if (/^(序号|编号|序)$/.test(label)) return 'seq';
  if (/^(所属|公开)?领域(名称)?$/.test(label)) return 'domain';
  if (/^一级(事项|目录)?$/.test(label)) return 'level1';
  if (/^二级(事项|目录)?$/.test(label)) return 'level2';
  if (/^(公开)?内容/.test(label)) return 'content';
  if (/^(公开)?依据$/.test(label)) return 'basis';
  if (/^(公开)?时限$/.test(label)) return 'timeLimit';
  if (/^(公开)?主体$/.test(label)) return 'publisher';
  if (/^(公开)?(渠道|载体)/.test(label)) return 'channels';
  if (label === '全社会') return 'society';
  if (/^特定(群体|群众|对象|人群)$/.test(label)) return 'specificGroup';
  if (/^主动(公开)?$/.test(label)) return 'proactive';
  if (/^依申请(公开)?$/.test(label)) return 'onRequest';
  // 公开层级: 县级 / 市级 / 县（市、区）级 …, 乡级 / 镇（街）级 / 乡、村级 …
  if ((group.startsWith('公开层级') && label.length <= 10) || (/级$/.test(label) && label.length <= 8)) {
    if (/[乡镇街村]/.test(label)) return 'township';
    if (/[县市区省州]/.test(label)) return 'county';
  }
  return undefined;
}

const SUB_KEYS: ReadonlySet<ColumnKey> = new Set([
  'level1', 'level2', 'society', 'specificGroup', 'proactive', 'onRequest', 'county', 'township',
]);

function headerScore(row: string[]): { top: number; sub: number } {
  const top = new Set<string>();
  const sub = new Set<ColumnKey>();
  for (const cell of row) {
    const label = norm(cell);
    if (GROUP_LABELS.has(label)) top.add(label);
    const key = classifyLabel(label, '');
    if (key) (SUB_KEYS.has(key) ? sub : top).add(key);
  }
  return { top: top.size, sub: sub.size };
}

interface Header {
  top: number; // 0-based
  height: 1 | 2;
  columns: Map<ColumnKey, number>;
  labels: CatalogLabels;
  problems: ImportProblem[];
}

function findHeader(grid: string[][]): Header | undefined {
  const limit = Math.min(grid.length, 30);
  for (let r = 0; r < limit; r++) {
    const score = headerScore(grid[r]!);
    if (score.top + score.sub < 4) continue;
    const next = grid[r + 1];
    const height: 1 | 2 = next && headerScore(next).sub >= 2 ? 2 : 1;
    const problems: ImportProblem[] = [];
    const columns = new Map<ColumnKey, number>();
    const labels: CatalogLabels = { ...DEFAULT_LABELS };
    const topRow = grid[r]!;
    const subRow = height === 2 ? next! : topRow;
    const width = Math.max(topRow.length, subRow.length);
    for (let c = 0; c < width; c++) {
      const top = norm(topRow[c] ?? '');
      const sub = norm(subRow[c] ?? '');
      const key = classifyLabel(sub, top) ?? classifyLabel(top, '');
      if (!key) {
        const text = sub || top;
        if (text && !GROUP_LABELS.has(text)) {
          problems.push({ row: r + height, column: columnLetter(c), message: `表头「${text}」不是标准目录的列，已忽略`, severity: 'warning' });
        }
        continue;
      }
      const earlier = columns.get(key);
      if (earlier !== undefined) {
        problems.push({
          row: r + 1,
          column: columnLetter(c),
          message: `表头中有两个「${COLUMN_NAMES[key]}」列（${columnLetter(earlier)}列和${columnLetter(c)}列），请删除多余的一列`,
          severity: 'error',
        });
        continue;
      }
      columns.set(key, c);
      // Keep the label as written (only spaces removed), e.g. 镇(街)级 with its ASCII brackets.
      const written = (classifyLabel(sub, top) ? subRow[c] ?? '' : topRow[c] ?? '').replace(/\s+/g, '');
      if (key in labels) labels[key as keyof CatalogLabels] = written;
    }
    return { top: r, height, columns, labels, problems };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rows

const MARK_GROUPS: { keys: [ColumnKey, ColumnKey]; message: string; severity: 'error' | 'warning' }[] = [
  { keys: ['society', 'specificGroup'], message: '公开对象未标记：全社会、特定群体至少要标一个“√”', severity: 'error' },
  { keys: ['proactive', 'onRequest'], message: '公开方式未标记：主动、依申请至少要标一个“√”', severity: 'error' },
  { keys: ['county', 'township'], message: '公开层级未标记：县级、乡级至少要标一个“√”', severity: 'error' },
];

const REQUIRED_TEXT: ColumnKey[] = ['level2', 'content', 'basis', 'timeLimit', 'publisher'];

/** validateItemData field → sheet column, to place its remaining messages (e.g. length limits). */
const FIELD_COLUMNS: Record<string, ColumnKey[]> = {
  domainName: ['domain'],
  level1: ['level1'],
  level2: ['level2'],
  content: ['content'],
  basis: ['basis'],
  timeLimitText: ['timeLimit'],
  publisherText: ['publisher'],
  channels: ['channels'],
  audience: ['society', 'specificGroup'],
  mode: ['proactive', 'onRequest'],
  level: ['county', 'township'],
};

/** Parses a catalog grid (from readCatalogWorkbook) into items and problems. Never throws. */
export function parseCatalog(grid: string[][], merges: readonly SheetMerge[], options: ParseCatalogOptions): ParsedCatalog {
  const problems: ImportProblem[] = [];
  const result: ParsedCatalog = { items: [], problems, title: '', headerRow: 0, labels: { ...DEFAULT_LABELS }, columns: {}, levelMissing: false, rows: new Map() };
  const fileError = (message: string) => problems.push({ row: 0, column: '', message, severity: 'error' });

  if (!grid.some((row) => row.some((cell) => cell !== ''))) {
    fileError('工作表是空的，没有任何内容');
    return result;
  }
  const header = findHeader(grid);
  if (!header) {
    fileError('未找到标准目录的表头。工作表应有“序号、公开事项（一级事项、二级事项）、公开内容（要素）、公开依据、公开时限、公开主体、公开渠道和载体、公开对象、公开方式、公开层级”各列');
    return result;
  }
  result.headerRow = header.top + 1;
  result.labels = header.labels;
  problems.push(...header.problems);
  const col = header.columns;
  for (const [key, c] of col) result.columns[key] = columnLetter(c);
  result.levelMissing = !col.has('county') && !col.has('township') && !!options.defaultLevel;
  const missing = REQUIRED_COLUMNS.filter((k) => !col.has(k) && !(result.levelMissing && (k === 'county' || k === 'township')));
  if (missing.length) {
    problems.push({ row: header.top + 1, column: '', message: `表头缺少必需的列：${missing.map((k) => COLUMN_NAMES[k]).join('、')}`, severity: 'error' });
    return result;
  }
  if (problems.some((p) => p.severity === 'error')) return result;

  // Title: the first non-empty row above the header, preferring one that names a 领域.
  const above = grid.slice(0, header.top).map((row) => row.find((cell) => cell !== '') ?? '').filter(Boolean);
  result.title = above.find((t) => t.includes('领域')) ?? above[0] ?? '';
  const titleDomain = domainFromTitle(result.title);
  const sheetDomain = options.sheetName ? matchDomainName(options.sheetName) ?? domainFromTitle(options.sheetName) : undefined;
  const fallbackDomain = titleDomain ?? sheetDomain ?? options.defaultDomain?.trim() ?? '';
  if (!col.has('domain') && !fallbackDomain) {
    fileError('无法确定领域：表格没有“领域”列，标题和工作表名称中也没有写明“××领域”，请在导入时选择领域');
    return result;
  }

  const firstData = header.top + header.height; // 0-based
  const letter = (key: ColumnKey) => columnLetter(col.get(key)!);
  const requiredIdx = REQUIRED_COLUMNS.filter((k) => col.has(k)).map((k) => col.get(k)!);
  const minReq = Math.min(...requiredIdx);
  const maxReq = Math.max(...requiredIdx);
  const mappedIdx = [...col.values()];

  // Merges in the data area: full-width ones are note/heading rows; ones spanning several fields are errors.
  const skipRows = new Set<number>(); // 0-based
  const mergedFromAbove = new Set<string>(); // "row:col" (0-based) cells filled from a merge above
  for (const m of merges) {
    const top = m.top - 1;
    const bottom = m.bottom - 1;
    const left = m.left - 1;
    const right = m.right - 1;
    if (bottom < firstData) continue;
    if (top < firstData) {
      problems.push({ row: m.top, column: columnLetter(left), message: `合并单元格 ${m.range} 跨越了表头和数据行，请取消合并`, severity: 'error' });
      continue;
    }
    const fields = mappedIdx.filter((c) => c >= left && c <= right);
    if (fields.length > 1) {
      if (left <= minReq && right >= maxReq) {
        const text = grid[top]?.[left] ?? '';
        if (text) problems.push({ row: m.top, column: '', message: `整行合并的说明行「${text.slice(0, 40)}」，已跳过`, severity: 'warning' });
        for (let r = top; r <= bottom; r++) if (grid[r]?.some((cell) => cell !== '')) result.rows.set(r + 1, text ? 'skipped' : 'refused');
      } else {
        const names = [...col.entries()].filter(([, c]) => c >= left && c <= right).map(([k]) => `「${COLUMN_NAMES[k]}」`);
        problems.push({
          row: m.top,
          column: columnLetter(left),
          message: `合并单元格 ${m.range} 跨越了${names.join('')}多列，无法确定各列的值，请取消合并后再导入`,
          severity: 'error',
        });
        for (let r = top; r <= bottom; r++) if (grid[r]?.some((cell) => cell !== '')) result.rows.set(r + 1, 'refused');
      }
      for (let r = top; r <= bottom; r++) skipRows.add(r);
      continue;
    }
    for (let r = top + 1; r <= bottom; r++) for (let c = left; c <= right; c++) mergedFromAbove.add(`${r}:${c}`);
  }

  const ownKeys = [...col.keys()].filter((k) => k !== 'seq' && k !== 'domain' && k !== 'level1');
  const seen = new Map<string, number>();
  let previousLevel1 = '';
  let anyRow = false;

  for (let r = firstData; r < grid.length; r++) {
    const row = grid[r]!;
    const sheetRow = r + 1;
    if (skipRows.has(r)) continue;
    const get = (key: ColumnKey) => {
      const c = col.get(key);
      return c === undefined ? '' : (row[c] ?? '');
    };
    if (!row.some((cell) => cell !== '')) continue;
    const rowProblem = (key: ColumnKey | '', message: string, severity: 'error' | 'warning' = 'error') =>
      problems.push({ row: sheetRow, column: key ? letter(key) : '', message, severity });

    if (ownKeys.every((k) => get(k) === '')) {
      const level1Cell = `${r}:${col.get('level1')}`;
      // Rows left over under a level-1 cell merged further down are just empty.
      if (get('level1') !== '' && mergedFromAbove.has(level1Cell)) continue;
      if (get('level1') !== '') {
        rowProblem('level2', '缺少二级事项');
        result.rows.set(sheetRow, 'refused');
      } else if (get('seq') !== '') {
        rowProblem('', `只有序号「${get('seq')}」，没有内容，已跳过`, 'warning');
        result.rows.set(sheetRow, 'skipped');
      } else {
        // Text only in columns that are not catalog columns (a note beside the table): listed, not imported.
        const text = row.find((cell) => cell !== '') ?? '';
        rowProblem('', `本行只在标准目录以外的列中有文字「${text.slice(0, 40)}」，不是目录事项，已跳过`, 'warning');
        result.rows.set(sheetRow, 'skipped');
      }
      continue;
    }
    anyRow = true;
    const errorsBefore = problems.length;

    let domainName = get('domain') || fallbackDomain;
    if (!domainName) rowProblem('domain', '缺少领域');
    const canonical = get('domain') ? matchDomainName(domainName) : undefined;
    if (canonical && canonical !== domainName) {
      rowProblem('domain', `领域「${domainName}」已按国家标准领域名称记为「${canonical}」`, 'warning');
      domainName = canonical;
    }
    let level1 = get('level1');
    if (!level1 && previousLevel1) {
      level1 = previousLevel1;
      rowProblem('level1', `一级事项为空，已沿用上一行的「${previousLevel1}」`, 'warning');
    } else if (!level1) rowProblem('level1', '缺少一级事项');
    if (level1) previousLevel1 = level1;
    for (const key of REQUIRED_TEXT) if (!get(key)) rowProblem(key, `缺少${COLUMN_NAMES[key]}`);

    const basis = splitBasis(get('basis'));
    if (get('basis') && !basis.length) rowProblem('basis', `公开依据「${get('basis')}」中没有任何依据`);

    const timeLimitText = get('timeLimit');
    let timeLimitRule: TimeLimitRule = { kind: 'not_computable' };
    if (timeLimitText) {
      const parsed = options.parseTimeLimit(timeLimitText);
      timeLimitRule = parsed.rule;
      if (!parsed.recognised) rowProblem('timeLimit', `公开时限「${timeLimitText}」无法计算，已按文字保存`, 'warning');
    }

    const channelText = get('channels');
    const { channels, customChannels } = parseChannels(channelText);
    if (!channels.length && !customChannels.length) {
      rowProblem('channels', channelText ? `公开渠道和载体「${channelText}」中没有选中任何渠道` : '缺少公开渠道和载体');
    }

    const marks: Partial<Record<ColumnKey, boolean>> = {};
    if (result.levelMissing) {
      marks.county = options.defaultLevel!.county;
      marks.township = options.defaultLevel!.township;
    }
    for (const group of MARK_GROUPS) {
      if (result.levelMissing && group.keys[0] === 'county') continue;
      let valid = true;
      for (const key of group.keys) {
        const text = get(key);
        const value = parseMark(text);
        if (value === undefined) {
          valid = false;
          const label = header.labels[key as keyof CatalogLabels];
          rowProblem(key, `无法识别「${text}」：“${label}”列只能填“√”（是）或留空（否）`);
        } else marks[key] = value;
      }
      if (valid && !marks[group.keys[0]] && !marks[group.keys[1]]) rowProblem(group.keys[0], group.message, group.severity);
    }

    const item: ImportedCatalogItem = {
      domainName,
      level1,
      level2: get('level2'),
      content: get('content'),
      basis,
      basisText: get('basis'),
      timeLimitText,
      timeLimitRule,
      publisherText: get('publisher'),
      channels,
      customChannels,
      channelsText: channelText,
      audience: { society: marks.society ?? false, specificGroup: marks.specificGroup ?? false },
      mode: { proactive: marks.proactive ?? false, onRequest: marks.onRequest ?? false },
      level: { county: marks.county ?? false, township: marks.township ?? false },
      sourceRow: sheetRow,
    };
    // The item rules of the catalog (lengths …) for whatever the checks above did not already report.
    const reported = new Set(problems.slice(errorsBefore).filter((p) => p.severity === 'error').map((p) => p.column));
    for (const [field, message] of Object.entries(validateItemData(item))) {
      const keys = (FIELD_COLUMNS[field] ?? []).filter((k) => col.has(k));
      if (!keys.length) rowProblem('', message);
      else if (!keys.some((k) => reported.has(letter(k)))) rowProblem(keys[0]!, message);
    }

    const key = itemKey(item);
    const earlier = seen.get(key);
    if (earlier !== undefined && item.level2) {
      rowProblem('level2', `与第${earlier}行的事项重复（${level1} / ${item.level2}）`, 'warning');
    } else seen.set(key, sheetRow);

    // Rows with errors are not returned as items: nothing is half-imported.
    if (problems.slice(errorsBefore).some((p) => p.severity === 'error')) {
      result.rows.set(sheetRow, 'refused');
      continue;
    }
    result.rows.set(sheetRow, 'item');
    result.items.push(item);
  }
  if (!anyRow && !problems.some((p) => p.severity === 'error')) {
    fileError('表头下面没有任何事项');
  }
  return result;
}

/** True when the problems allow saving (warnings only). */
export function canSave(parsed: { problems: readonly ImportProblem[] }): boolean {
  return !parsed.problems.some((p) => p.severity === 'error');
}
