// Hand-made catalog workbooks for tests and benchmarks, built cell by cell with exceljs (not with our
// writer), in the national layout of regulation notes §3.3. Rows are modelled on §3.4 and local catalogs.
import ExcelJS from 'exceljs';
import { ENV_20, FIXTURE_ROWS, FORMED_20, type FixtureRow } from '../demo/catalog-rows.ts';

export { FIXTURE_ROWS, type FixtureRow };

/** Domain → title like "楚雄市财政预决算领域基层政务公开标准目录". */
export function fixtureTitle(domain?: string): string {
  return domain ? `楚雄市${domain}领域基层政务公开标准目录` : '楚雄市基层政务公开标准目录（财政预决算、生态环境）';
}

export interface FixtureOptions {
  /** Only this domain's rows, title naming it, no 领域 column. Default: both domains with a 领域 column. */
  domain?: '财政预决算' | '生态环境';
  /** Put before every 二级事项 (a unit's own items, distinct from the city's standard ones). */
  level2Prefix?: string;
}

/** Describes where the special cells of the fixture are, so tests can check them. */
export interface FixtureLayout {
  /** 1-based sheet row of FIXTURE rows (same order as the rows returned). */
  rows: { row: number; data: FixtureRow }[];
  /** Row whose 序号 is the formula =A{prev}+1. */
  formulaSeqRow: number;
  /** Row whose 公开时限 is a string formula with a cached result. */
  formulaTimeLimitRow: number;
  /** Row of the merged note line at the bottom. */
  noteRow: number;
  /** Column letters. */
  columns: Record<'seq' | 'domain' | 'level1' | 'level2' | 'content' | 'timeLimit' | 'channels', string>;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A catalog sheet as staff build it: title row, two-row header with merged groups and local variants
 * (公开内容（要素）及要求, 特定群众, 依申请公开, 市级, 镇(街)级), level-1 cells merged over their rows,
 * a formula 序号, a formula 公开时限, rich text, ■/□ channel checklists, and a merged note row.
 */
export async function buildCatalogFixture(options: FixtureOptions = {}): Promise<{ buffer: Buffer; layout: FixtureLayout }> {
  const rows = FIXTURE_ROWS.filter((r) => !options.domain || r.domain === options.domain);
  const withDomain = !options.domain;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.domain ?? '标准目录');
  const off = withDomain ? 1 : 0;
  const C = (n: number) => n + off; // columns after 序号 shift right by the 领域 column
  const last = 14 + off;
  const letter = (n: number) => String.fromCharCode(64 + n);

  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = fixtureTitle(options.domain);
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };

  // Header lines 2–3.
  const single: [number, string][] = [[1, '序号'], [C(4), '公开内容\n（要素）及要求'], [C(5), '公开依据'], [C(6), '公开时限'], [C(7), '公开主体'], [C(8), '公开渠道和载体']];
  if (withDomain) single.push([2, '领域']);
  for (const [c, text] of single) {
    ws.getCell(2, c).value = text;
    ws.mergeCells(2, c, 3, c);
  }
  const groups: [number, string, string, string][] = [
    [C(2), '公开事项', '一级事项', '二级事项'],
    [C(9), '公开对象', '全社会', '特定群众'],
    [C(11), '公开方式', '主动', '依申请公开'],
    [C(13), '公开层级', '市级', '镇(街)级'],
  ];
  for (const [c, group, a, b] of groups) {
    ws.getCell(2, c).value = group;
    ws.mergeCells(2, c, 2, c + 1);
    ws.getCell(3, c).value = a;
    ws.getCell(3, c + 1).value = b;
  }

  const layout: FixtureLayout = {
    rows: [],
    formulaSeqRow: 0,
    formulaTimeLimitRow: 0,
    noteRow: 0,
    columns: {
      seq: 'A',
      domain: withDomain ? 'B' : '',
      level1: letter(C(2)),
      level2: letter(C(3)),
      content: letter(C(4)),
      timeLimit: letter(C(6)),
      channels: letter(C(8)),
    },
  };

  let r = 4;
  rows.forEach((row, i) => {
    ws.getCell(r, 1).value = i + 1;
    if (withDomain) ws.getCell(r, 2).value = row.domain;
    ws.getCell(r, C(2)).value = row.level1;
    ws.getCell(r, C(3)).value = `${options.level2Prefix ?? ''}${row.level2}`;
    ws.getCell(r, C(4)).value = row.content;
    ws.getCell(r, C(5)).value = row.basis;
    ws.getCell(r, C(6)).value = row.timeLimit;
    ws.getCell(r, C(7)).value = row.publisher;
    ws.getCell(r, C(8)).value = row.channels;
    row.marks.forEach((m, k) => {
      if (m) ws.getCell(r, C(9 + k)).value = m;
    });
    layout.rows.push({ row: r, data: row });
    r++;
  });
  const firstData = 4;
  const lastData = r - 1;

  // Special cells: 序号 of the second row as a formula, one time limit as a string formula, rich text content.
  layout.formulaSeqRow = firstData + 1;
  ws.getCell(firstData + 1, 1).value = { formula: `A${firstData}+1`, result: 2 };
  const ftRow = layout.rows.find((x) => x.data.timeLimit === FORMED_20 || x.data.timeLimit === ENV_20)!;
  layout.formulaTimeLimitRow = ftRow.row;
  ws.getCell(ftRow.row, C(6)).value = { formula: `"${ftRow.data.timeLimit.replace('20', '"&20&"')}"`, result: ftRow.data.timeLimit };
  const rt = layout.rows[2]!;
  const rtText = rt.data.content;
  ws.getCell(rt.row, C(4)).value = { richText: [{ text: rtText.slice(0, 6), font: { bold: true } }, { text: rtText.slice(6) }] };

  // Merge the level-1 cells (and 领域) over consecutive equal values, as catalogs print them.
  const mergeRuns = (c: number, keyOf: (x: FixtureRow) => string) => {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && keyOf(rows[i]!) === keyOf(rows[start]!)) continue;
      if (i - start > 1) ws.mergeCells(firstData + start, c, firstData + i - 1, c);
      start = i;
    }
  };
  mergeRuns(C(2), (x) => `${x.domain}/${x.level1}`);
  if (withDomain) mergeRuns(2, (x) => x.domain);

  // A merged note line under the table, as many local catalogs have.
  layout.noteRow = lastData + 1;
  ws.mergeCells(layout.noteRow, 1, layout.noteRow, last);
  ws.getCell(layout.noteRow, 1).value = '注：公开层级中的“市级”指楚雄市本级，“镇(街)级”指各乡镇人民政府和街道办事处。';

  for (let rr = 2; rr <= lastData; rr++) {
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(rr, c);
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    }
  }
  for (let c = 1; c <= last; c++) ws.getColumn(c).width = c === C(4) ? 50 : 14;
  const out = await wb.xlsx.writeBuffer();
  return { buffer: Buffer.from(out as ArrayBuffer), layout };
}

// ---------------------------------------------------------------------------------------------
// Large catalogs for the 5,000-row benchmark

const LEVEL1_POOL = ['政府预决算', '部门预决算', '"三公"经费', '政府债务', '财政专项资金', '政府采购', '行政许可', '行政处罚', '环境质量', '突发环境事件'];
const TIME_POOL = [FORMED_20, '本级人民代表大会或其常务委员会批准后20日内', '本级政府财政部门批复后20日内', '实时公开', '及时公开', '每年1月31日前', '按有关规定执行'];
const CHANNEL_POOL = ['政府网站', '政府网站、两微一端', '■政府网站 □政府公报 ■政务服务中心 □便民服务站', '政府网站\n公共资源交易平台'];

/** n data rows in the standard 14-column layout (no 领域 column); level-1 values run in groups of 5. */
export function largeCatalogRows(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const group = Math.floor(i / 5);
    rows.push([
      String(i + 1),
      `${LEVEL1_POOL[group % LEVEL1_POOL.length]}${group + 1}`,
      `二级事项${i + 1}`,
      `第${i + 1}项的公开内容：表格、说明及相关附件，按要求做必要的隐私保护处理`,
      `《中华人民共和国政府信息公开条例》、财预〔2016〕143号《地方预决算公开操作规程》；《规定${i % 37}》`,
      TIME_POOL[i % TIME_POOL.length]!,
      i % 2 ? '楚雄市财政局' : '各乡镇人民政府',
      CHANNEL_POOL[i % CHANNEL_POOL.length]!,
      '√', i % 3 === 0 ? '√' : '', '√', i % 4 === 0 ? '√' : '', '√', i % 2 ? '√' : '',
    ]);
  }
  return rows;
}

const HEADER_TOP = ['序号', '公开事项', '公开事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开对象', '公开方式', '公开方式', '公开层级', '公开层级'];
const HEADER_SUB = ['序号', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'];

export interface GridMerge {
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function merge(top: number, left: number, bottom: number, right: number): GridMerge {
  const l = (c: number) => String.fromCharCode(64 + c);
  return { range: `${l(left)}${top}:${l(right)}${bottom}`, top, left, bottom, right };
}

/**
 * A sheet as readCatalogWorkbook returns it (merges already spread): an optional title row, the
 * two-row national header and the given 14-column data rows; level-1 runs of equal values merged.
 */
export function catalogSheet(dataRows: string[][], options: { title?: string } = {}): { grid: string[][]; merges: GridMerge[] } {
  const title = options.title ?? '';
  const grid: string[][] = [];
  const merges: GridMerge[] = [];
  if (title) {
    grid.push(new Array<string>(14).fill(title));
    merges.push(merge(1, 1, 1, 14));
  }
  const h = grid.length + 1; // first header row, 1-based
  grid.push([...HEADER_TOP], [...HEADER_SUB]);
  for (const c of [1, 4, 5, 6, 7, 8]) merges.push(merge(h, c, h + 1, c));
  for (const c of [2, 9, 11, 13]) merges.push(merge(h, c, h, c + 1));
  const first = h + 2;
  let start = 0;
  for (let i = 1; i <= dataRows.length; i++) {
    if (i < dataRows.length && dataRows[i]![1] !== '' && dataRows[i]![1] === dataRows[start]![1]) continue;
    if (i - start > 1) merges.push(merge(first + start, 2, first + i - 1, 2));
    start = i;
  }
  grid.push(...dataRows.map((r) => [...r]));
  return { grid, merges };
}

/** A large sheet (title, header, n rows, merges spread), for benchmarking the parser without the xlsx step. */
export function largeCatalogSheet(n: number, domain = '财政预决算'): { grid: string[][]; merges: GridMerge[] } {
  return catalogSheet(largeCatalogRows(n), { title: `楚雄市${domain}领域基层政务公开标准目录` });
}

/** The large sheet as a real .xlsx (built with exceljs, level-1 cells merged), for the full import path. */
export async function buildLargeCatalogWorkbook(n: number, domain = '财政预决算'): Promise<Buffer> {
  const { grid, merges } = largeCatalogSheet(n, domain);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('标准目录');
  grid.forEach((row, i) => {
    // Only the master cell of a merge holds the value.
    ws.getRow(i + 1).values = i === 0 ? [row[0]!] : row;
  });
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) ws.getCell(r, c).value = null;
    }
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// 公开依据 and 公开渠道和载体 written as real catalogs write them

/**
 * Rows whose 公开依据 and 公开渠道和载体 are written in the many ways real catalogs use: 、；; ，, and
 * line breaks, no separator between 《》 titles, numbering (1. 2. / （一） / ①), and channels named in a
 * unit's own words. Import → export must give back every cell as written.
 */
export const WRITTEN_TEXT_ROWS: string[][] = [
  ['1', '政府预决算', '政府预算（原文）', '收支表', '《中华人民共和国预算法》《中华人民共和国政府信息公开条例》', '批准后20日内', '楚雄市财政局', '政府网站、公示栏', '√', '', '√', '', '√', '√'],
  ['2', '政府预决算', '政府决算（原文）', '决算表', '《中华人民共和国预算法》；《地方预决算公开操作规程》', '批准后20日内', '楚雄市财政局', '村务公开栏；政府网站', '√', '', '√', '', '√', ''],
  ['3', '政府预决算', '预算调整（原文）', '调整方案', '《中华人民共和国预算法》第十四条; 财预〔2016〕143号', '批准后20日内', '楚雄市财政局', '政务服务大厅电子屏，两微一端', '√', '', '√', '', '√', ''],
  ['4', '部门预决算', '部门预算（原文）', '部门收支表', '1.《中华人民共和国预算法》\n2.《中华人民共和国政府信息公开条例》第二十条', '批复后20日内', '各预算部门（单位）', '政府网站\n部门网站\n公示栏', '√', '', '√', '', '√', '√'],
  ['5', '部门预决算', '部门决算（原文）', '部门决算表', '（一）《中华人民共和国预算法》；（二）《政府信息公开条例》，（三）财预〔2016〕143号', '批复后20日内', '各预算部门（单位）', '■政府网站 □政府公报 ■公示栏 □其他', '√', '', '√', '', '√', ''],
  ['6', '"三公"经费', '"三公"经费预算（原文）', '三公经费', '①《中华人民共和国预算法》②《中共中央办公厅 国务院办公厅关于进一步推进预决算公开工作的意见》', '批复后20日内', '各预算部门（单位）', '政府网站，村（居）务公开栏、便民服务中心', '√', '', '√', '', '√', '√'],
  ['7', '"三公"经费', '"三公"经费决算（原文）', '三公经费决算', '《中华人民共和国预算法》、《中华人民共和国政府信息公开条例》', '批复后20日内', '各预算部门（单位）', '政府网站', '√', '', '√', '', '√', ''],
];

/** The written-text rows as an .xlsx built with exceljs (not with our writer), one domain named in the title. */
export async function buildWrittenTextCatalog(): Promise<Buffer> {
  const { grid, merges } = catalogSheet(WRITTEN_TEXT_ROWS, { title: fixtureTitle('财政预决算') });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('财政预决算');
  grid.forEach((row, i) => {
    ws.getRow(i + 1).values = i === 0 ? [row[0]!] : row;
  });
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) ws.getCell(r, c).value = null;
    }
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// A whole published catalog: one workbook, one sheet per domain, with a cover and a notes sheet

/** How a domain sheet of the multi-sheet fixture is laid out. */
export type DomainSheetVariant = 'national' | 'local-labels' | 'no-level' | 'one-row-header';

export interface DomainSheetSpec {
  /** The sheet tab's name, as counties name them ("3.财政预决算", "安全生产领域" …). */
  sheetName: string;
  domain: string;
  variant: DomainSheetVariant;
  /** Data rows (14 columns, or 12 for 'no-level': without the two 公开层级 columns). */
  rows: string[][];
}

const BASIS_VARIANTS = [
  '《中华人民共和国政府信息公开条例》',
  '《中华人民共和国预算法》第十四条；《中华人民共和国预算法实施条例》',
  '1.《中华人民共和国安全生产法》\n2.《生产安全事故报告和调查处理条例》',
  '《社会救助暂行办法》《最低生活保障审核确认办法》',
  '国办发〔2019〕54号、《中华人民共和国政府信息公开条例》第二十条',
];

/** Sixteen domain sheets (14 and more, as real county catalogs have) with the layouts counties use. */
export function multiSheetSpecs(): DomainSheetSpec[] {
  const domains: [string, string, DomainSheetVariant][] = [
    ['1.重大建设项目', '重大建设项目', 'national'],
    ['2.公共资源交易', '公共资源交易', 'local-labels'],
    ['3.财政预决算', '财政预决算', 'national'],
    ['安全生产领域', '安全生产', 'no-level'],
    ['税收管理', '税收管理', 'one-row-header'],
    ['农村危房改造', '农村危房改造', 'national'],
    ['保障性住房', '保障性住房', 'local-labels'],
    ['城市综合执法', '城市综合执法', 'national'],
    ['市政服务', '市政服务', 'no-level'],
    ['生态环境', '生态环境', 'national'],
    ['公共文化服务', '公共文化服务', 'one-row-header'],
    ['公共法律服务', '公共法律服务', 'national'],
    ['救灾', '救灾', 'national'],
    ['社会救助', '社会救助', 'local-labels'],
    ['养老服务', '养老服务', 'national'],
    ['义务教育', '义务教育', 'national'],
  ];
  return domains.map(([sheetName, domain, variant], d) => ({
    sheetName,
    domain,
    variant,
    rows: [0, 1, 2].map((i) => {
      const n = d * 3 + i;
      const row = [
        String(i + 1),
        i < 2 ? `${domain}信息` : `${domain}监管`,
        `${domain}事项${i + 1}`,
        `${domain}相关的第${i + 1}类信息：名称、依据、办理结果`,
        BASIS_VARIANTS[n % BASIS_VARIANTS.length]!,
        i === 1 ? '信息形成（变更）之日起20个工作日内' : '实时公开',
        i === 2 ? '各乡镇人民政府' : '楚雄市人民政府办公室',
        i === 0 ? '政府网站、公示栏' : '■政府网站 □政府公报 ■两微一端',
        '√', i === 2 ? '√' : '', '√', '',
      ];
      return variant === 'no-level' ? row : [...row, '√', i === 2 ? '√' : ''];
    }),
  }));
}

/**
 * The workbook: a cover sheet (title and date, no table), a notes sheet (填报说明 paragraphs), then the
 * domain sheets of multiSheetSpecs, each with a merged title row naming the county and domain, the
 * header in its variant, level-1 cells merged, and on the first sheet a merged note line under the table.
 */
export async function buildMultiSheetCatalog(specs: DomainSheetSpec[] = multiSheetSpecs()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('封面');
  cover.mergeCells('A3:H3');
  cover.getCell('A3').value = '楚雄市基层政务公开标准目录（2026年版）';
  cover.getCell('A6').value = '楚雄市人民政府办公室 编';
  cover.getCell('A7').value = '2026年3月';
  const notes = wb.addWorksheet('填报说明');
  notes.getCell('A1').value = '填报说明';
  notes.getCell('A2').value = '一、本目录按国务院部门制定的26个领域基层政务公开标准指引编制，每个领域一张工作表。';
  notes.getCell('A3').value = '二、“公开层级”栏中“县级”指市本级，“乡级”指乡镇人民政府（街道办事处）。';

  const labels: Record<DomainSheetVariant, string[]> = {
    national: ['全社会', '特定群体', '主动', '依申请', '县级', '乡级'],
    'local-labels': ['全社会', '特定群众', '主动', '依申请公开', '市级', '镇(街)级'],
    'no-level': ['全社会', '特定群体', '主动', '依申请'],
    'one-row-header': ['全社会', '特定群体', '主动', '依申请', '县级', '乡级'],
  };
  specs.forEach((spec, s) => {
    const ws = wb.addWorksheet(spec.sheetName);
    const marks = labels[spec.variant];
    const width = 8 + marks.length;
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = `楚雄市${spec.domain}领域基层政务公开标准目录`;
    let first: number;
    if (spec.variant === 'one-row-header') {
      ws.getRow(2).values = ['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', ...marks];
      first = 3;
    } else {
      const single: [number, string][] = [[1, '序号'], [4, '公开内容（要素）'], [5, '公开依据'], [6, '公开时限'], [7, '公开主体'], [8, '公开渠道和载体']];
      for (const [c, text] of single) {
        ws.getCell(2, c).value = text;
        ws.mergeCells(2, c, 3, c);
      }
      const groups = ['公开对象', '公开方式', '公开层级'];
      ws.getCell(2, 2).value = '公开事项';
      ws.mergeCells(2, 2, 2, 3);
      ws.getCell(3, 2).value = '一级事项';
      ws.getCell(3, 3).value = '二级事项';
      for (let g = 0; g * 2 < marks.length; g++) {
        ws.getCell(2, 9 + g * 2).value = groups[g];
        ws.mergeCells(2, 9 + g * 2, 2, 10 + g * 2);
        ws.getCell(3, 9 + g * 2).value = marks[g * 2];
        ws.getCell(3, 10 + g * 2).value = marks[g * 2 + 1];
      }
      first = 4;
    }
    spec.rows.forEach((row, i) => {
      ws.getRow(first + i).values = row;
    });
    // Level-1 cells merged over their run, as printed catalogs do.
    let start = 0;
    for (let i = 1; i <= spec.rows.length; i++) {
      if (i < spec.rows.length && spec.rows[i]![1] === spec.rows[start]![1]) continue;
      if (i - start > 1) {
        for (let r = first + start + 1; r <= first + i - 1; r++) ws.getCell(r, 2).value = null;
        ws.mergeCells(first + start, 2, first + i - 1, 2);
      }
      start = i;
    }
    if (s === 0) {
      const note = first + spec.rows.length;
      ws.mergeCells(note, 1, note, width);
      ws.getCell(note, 1).value = '注：本表事项随法律法规调整动态更新。';
    }
  });
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
