// What an import would do, shown before saving: items to create, update, adopt or leave unchanged,
// matched by domain + 一级事项 + 二级事项 exactly as service.importItems matches them.
import { matchDomainName } from './domains.ts';
import { itemKey } from './item-rules.ts';
import { diffItemData, sameItemData, type FieldChange } from './versions.ts';
import type { CatalogItemData, ImportProblem } from './types.ts';

/** adopt: a department's or township's row that is an item of the city's standard catalog it has not adopted yet. */
export type ImportAction = 'create' | 'update' | 'adopt' | 'unchanged';

export interface PlannedRow {
  sourceRow: number;
  /** The worksheet of the row, for a workbook of several sheets. */
  sourceSheet?: string;
  action: ImportAction;
  data: CatalogItemData;
  /** For updates: the columns that change. */
  changes: FieldChange[];
}

export interface ImportPlan {
  create: number;
  update: number;
  adopt: number;
  unchanged: number;
  rows: PlannedRow[];
  /** Errors for domains the city does not have (the import would be refused); notes on repeated rows. */
  problems: ImportProblem[];
  /** What to save: one entry per item, a repeated item taken from its last row. */
  items: CatalogItemData[];
  /** Rows refused here (unknown domain, a changed standard item …), with their errors in `problems`. */
  refused: { sourceRow: number; sheet?: string }[];
}

/** The domain name an import row resolves to (national name for aliases, without 领域). */
export function canonicalDomainName(name: string): string {
  return matchDomainName(name) ?? name.trim().replace(/领域$/, '');
}

/** A city standard item as seen from a unit's import: adopted by the unit already or not. */
export type StandardItemData = CatalogItemData & { adopted: boolean };

/** Why a unit's row that names a standard item with other content is refused. */
export const STANDARD_ITEM_CHANGED =
  '该事项属于本市标准目录，本单位导入时不能修改其内容（与标准目录不同的列：{columns}）。请按标准目录填写该行，或请政务公开办修改标准目录';

/**
 * Plans an import against the existing items of the same catalog and, for a department or township,
 * the city's standard items: a row naming a standard item adopts it (exported catalogs list adopted
 * items, so re-importing one must not copy them). When several rows describe the same item, the last
 * one counts and the earlier ones are skipped (with a warning), so each item is saved once.
 */
export function planImport(
  existing: readonly CatalogItemData[],
  items: readonly (CatalogItemData & { sourceRow?: number; sourceSheet?: string })[],
  knownDomains: readonly string[],
  domainColumn = '',
  standard: readonly StandardItemData[] = [],
  /** Why the importing unit may not adopt a standard item (another 公开层级), if it may not. */
  adoptRefusal: (item: CatalogItemData) => string | undefined = () => undefined,
): ImportPlan {
  const known = new Set(knownDomains);
  const byKey = new Map(existing.map((d) => [itemKey(d), d]));
  const standardByKey = new Map(standard.map((d) => [itemKey(d), d]));
  const plan: ImportPlan = { create: 0, update: 0, adopt: 0, unchanged: 0, rows: [], problems: [], items: [], refused: [] };
  const reported = new Set<string>();
  const rowOf = (i: number) => items[i]!.sourceRow ?? i + 1;
  const sheetOf = (i: number) => items[i]!.sourceSheet;
  // "第12行" within the same sheet, "工作表「…」第12行" across sheets.
  const where = (i: number, from: number) => (sheetOf(i) && sheetOf(i) !== sheetOf(from) ? `工作表「${sheetOf(i)}」第${rowOf(i)}行` : `第${rowOf(i)}行`);
  const keyOf = (d: CatalogItemData) => itemKey({ ...d, domainName: canonicalDomainName(d.domainName) });
  const lastIndex = new Map<string, number>();
  items.forEach((d, i) => lastIndex.set(keyOf(d), i));
  for (const [i, raw] of items.entries()) {
    const sourceRow = rowOf(i);
    const sheet = sheetOf(i) ? { sheet: sheetOf(i) } : {};
    const domainName = canonicalDomainName(raw.domainName);
    const last = lastIndex.get(keyOf(raw))!;
    if (last !== i) {
      plan.problems.push({ row: sourceRow, column: '', message: `与${where(last, i)}是同一事项（${raw.level1} / ${raw.level2}），以${where(last, i)}为准，本行不导入`, severity: 'warning', ...sheet });
      continue;
    }
    if (!known.has(domainName)) {
      if (!reported.has(domainName)) {
        reported.add(domainName);
        plan.problems.push({
          row: sourceRow,
          column: domainColumn,
          message: `领域「${domainName}」不存在：本市标准目录中没有这个领域，请改为已有的领域，或请政务公开办先添加该领域`,
          severity: 'error',
          ...sheet,
        });
      }
      plan.refused.push({ sourceRow, ...sheet });
      continue;
    }
    const { sourceRow: _drop, sourceSheet: _sheet, ...rest } = raw;
    const data: CatalogItemData = { ...rest, domainName };
    const found = byKey.get(itemKey(data));
    const std = found ? undefined : standardByKey.get(itemKey(data));
    if (std) {
      if (!sameItemData(std, data, 'meaning')) {
        const columns = [...new Set(diffItemData(std, data, 'meaning').map((c) => c.label))].join('、');
        plan.problems.push({ row: sourceRow, column: '', message: STANDARD_ITEM_CHANGED.replace('{columns}', columns), severity: 'error', ...sheet });
        plan.refused.push({ sourceRow, ...sheet });
        continue;
      }
      const why = std.adopted ? undefined : adoptRefusal(std);
      if (why) {
        plan.problems.push({ row: sourceRow, column: '', message: `本市标准事项「${std.level2}」不能采用：${why}`, severity: 'error', ...sheet });
        plan.refused.push({ sourceRow, ...sheet });
        continue;
      }
      plan.items.push(data);
      plan[std.adopted ? 'unchanged' : 'adopt']++;
      plan.rows.push({ sourceRow, ...(sheet.sheet ? { sourceSheet: sheet.sheet } : {}), action: std.adopted ? 'unchanged' : 'adopt', data, changes: [] });
      continue;
    }
    plan.items.push(data);
    if (!found) {
      plan.create++;
      plan.rows.push({ sourceRow, ...(sheet.sheet ? { sourceSheet: sheet.sheet } : {}), action: 'create', data, changes: [] });
    } else if (sameItemData(found, data)) {
      plan.unchanged++;
      plan.rows.push({ sourceRow, ...(sheet.sheet ? { sourceSheet: sheet.sheet } : {}), action: 'unchanged', data, changes: [] });
    } else {
      plan.update++;
      plan.rows.push({ sourceRow, ...(sheet.sheet ? { sourceSheet: sheet.sheet } : {}), action: 'update', data, changes: diffItemData(found, data) });
    }
  }
  return plan;
}
