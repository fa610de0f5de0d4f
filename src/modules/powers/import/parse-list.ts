// Reads a 权责清单 sheet (the layout counties publish: a title, one header row, one row per power) into
// rows, accounting for every row: imported, skipped as blank, or refused with a message by row and column.
import { parseDuties, POWER_SOURCES, ROW_LABELS, rowKey, rowProblems, type PowerRow, type PowerSource } from '../domain/power-list.ts';

export interface ListProblem {
  row: number;
  column: string;
  message: string;
}

export interface ParsedList {
  rows: (PowerRow & { sourceRow: number })[];
  problems: ListProblem[];
  headerRow: number;
  dataRows: number;
  blankRows: number;
}

type Key = keyof PowerRow;

/** Header variants seen in published lists (regulation-wave2 §1.3), normalised without spaces. */
const HEADERS: Record<Key, string[]> = {
  code: ['事项编码', '职权编码', '权力编码', '编码', '基本编码'],
  name: ['职权名称', '职权名称（主项）', '主项', '主项名称', '权力名称', '行政职权名称', '行政职权名称（责任事项）', '事项名称', '权力事项名称'],
  subItem: ['子项', '子项名称', '职权名称（子项）'],
  type: ['职权类型', '职权类别', '权力类型', '权力类别', '事项类型'],
  basis: ['设定依据', '实施依据', '法律依据', '设定和实施依据'],
  subject: ['实施主体', '行使主体', '责任主体', '行使主体（责任主体）', '实施机关'],
  entrustedBy: ['委托机关', '委托部门', '委托单位'],
  target: ['实施对象', '行使对象', '服务对象', '行政相对人'],
  duties: ['责任事项', '责任事项内容'],
  accountability: ['追责情形', '问责情形', '追责情形及依据'],
  accountabilityBasis: ['追责依据', '问责依据'],
  supervision: ['监督方式', '监督电话', '监督方式及电话', '监督方式（电话）'],
  remedy: ['救济途径', '救济渠道', '救济方式'],
  source: ['来源', '事项来源', '权力来源', '赋权方式', '职权来源'],
  note: ['备注'],
};

const REQUIRED: Key[] = ['name', 'type', 'basis', 'subject'];

function norm(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function letter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function headerKey(cell: string): Key | undefined {
  const c = norm(cell);
  for (const [k, names] of Object.entries(HEADERS) as [Key, string[]][]) if (names.some((n) => norm(n) === c)) return k;
  return undefined;
}

/** 法定 / 下放 / 委托 from the ways lists write it (法定职权, 赋权（下放）, 县级委托 …). */
export function parseSource(text: string): PowerSource | undefined {
  const t = norm(text);
  if (!t || /^法定/.test(t) || t === '基本目录') return '法定';
  if (t.includes('委托')) return '委托';
  if (t.includes('下放') || t === '赋权') return '下放';
  return (POWER_SOURCES as readonly string[]).includes(t) ? (t as PowerSource) : undefined;
}

export function parseList(grid: string[][], typeLabels: readonly string[]): ParsedList {
  const problems: ListProblem[] = [];
  // The header is the first row (of the first 10) naming at least the power's name and type.
  let headerRow = -1;
  const cols = new Map<Key, number>();
  for (let r = 0; r < Math.min(10, grid.length); r++) {
    const found = new Map<Key, number>();
    grid[r]!.forEach((cell, c) => {
      const k = headerKey(cell);
      if (k && !found.has(k)) found.set(k, c);
    });
    if (found.has('name') && found.has('type')) {
      headerRow = r;
      for (const [k, c] of found) cols.set(k, c);
      break;
    }
  }
  if (headerRow < 0) {
    return { rows: [], problems: [{ row: 0, column: '', message: '没有找到表头：前10行中应有一行同时包含“职权名称”和“职权类型”列' }], headerRow: 0, dataRows: 0, blankRows: 0 };
  }
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (missing.length) {
    return { rows: [], problems: [{ row: headerRow + 1, column: '', message: `缺少必需的列：${missing.map((k) => ROW_LABELS[k]).join('、')}` }], headerRow: headerRow + 1, dataRows: 0, blankRows: 0 };
  }
  const rows: ParsedList['rows'] = [];
  const seen = new Map<string, number>();
  let blankRows = 0;
  let dataRows = 0;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const line = grid[r]!;
    const get = (k: Key) => (cols.has(k) ? (line[cols.get(k)!] ?? '').trim() : '');
    if (line.every((c) => !c.trim())) {
      blankRows++;
      continue;
    }
    dataRows++;
    const sheetRow = r + 1;
    const sourceText = get('source');
    const source = parseSource(sourceText);
    const row: PowerRow = {
      code: get('code'),
      name: get('name'),
      subItem: get('subItem'),
      type: get('type'),
      basis: get('basis')
        .split(/\n|；|;/)
        .map((s) => s.trim())
        .filter(Boolean),
      subject: get('subject'),
      entrustedBy: get('entrustedBy'),
      target: get('target'),
      duties: parseDuties(get('duties')),
      accountability: get('accountability'),
      accountabilityBasis: get('accountabilityBasis'),
      supervision: get('supervision'),
      remedy: get('remedy'),
      source: source ?? '法定',
      note: get('note'),
    };
    const rp = rowProblems(row, typeLabels);
    if (source === undefined) rp.source = `来源“${sourceText}”无法识别，应为法定、下放或委托`;
    // A column the sheet does not have is not the row's fault: only the required ones count then.
    for (const [k, message] of Object.entries(rp) as [Key, string][]) {
      if (!cols.has(k) && !REQUIRED.includes(k)) continue;
      problems.push({ row: sheetRow, column: cols.has(k) ? `${letter(cols.get(k)!)}（${ROW_LABELS[k]}）` : ROW_LABELS[k], message });
    }
    const key = rowKey(row);
    const dup = seen.get(key);
    if (dup) problems.push({ row: sheetRow, column: '', message: `与第${dup}行是同一事项（编码或名称、子项相同）` });
    else seen.set(key, sheetRow);
    rows.push({ ...row, sourceRow: sheetRow });
  }
  if (!dataRows) problems.push({ row: headerRow + 2, column: '', message: '表头下面没有任何事项' });
  return { rows, problems, headerRow: headerRow + 1, dataRows, blankRows };
}
