// The 领导信息 editor: rows of fields named leaders[N].name/title/duties/sort/delete (N from 1), so it
// works without JavaScript; a saved list replaces the unit's leaders.

export type Errors = Record<string, string>;

export interface LeaderFormRow {
  /** The row number shown to the user and used in field names. */
  row: number;
  name: string;
  title: string;
  duties: string;
  sort: string;
  remove: boolean;
}

export interface LeaderInput {
  name: string;
  title: string;
  duties: string;
  sortOrder: number;
}

export const LEADER_LIMITS = { name: 50, title: 100, duties: 1000 } as const;
/** More rows than any unit has leaders; bounds the work a crafted form can cause. */
export const MAX_LEADER_ROWS = 100;
export const EMPTY_LEADER_ROWS = 3;
/** A unit lists its 领导班子, never this many; keeps every saved list editable within MAX_LEADER_ROWS. */
export const MAX_LEADERS = 50;

const FIELD = /^leaders\[(\d{1,3})\]\.(name|title|duties|sort|delete)$/;

export const leaderField = (row: number, field: 'name' | 'title' | 'duties' | 'sort' | 'delete'): string => `leaders[${row}].${field}`;

/** Collects the rows from flat form fields, in row order. Rows beyond MAX_LEADER_ROWS are ignored. */
export function leaderRowsFromForm(fields: Readonly<Record<string, string>>): LeaderFormRow[] {
  const rows = new Map<number, LeaderFormRow>();
  for (const [key, value] of Object.entries(fields)) {
    const m = FIELD.exec(key);
    if (!m) continue;
    const row = Number(m[1]);
    if (row < 1 || row > MAX_LEADER_ROWS) continue;
    const r = rows.get(row) ?? { row, name: '', title: '', duties: '', sort: '', remove: false };
    const f = m[2] as 'name' | 'title' | 'duties' | 'sort' | 'delete';
    if (f === 'delete') r.remove = value !== '';
    else r[f] = value;
    rows.set(row, r);
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

/** The rows to show in the editor: the saved leaders, then empty rows to add more. */
export function editorRows(leaders: readonly { name: string; title: string; duties: string }[], empty = EMPTY_LEADER_ROWS): LeaderFormRow[] {
  const rows: LeaderFormRow[] = leaders.map((l, i) => ({ row: i + 1, name: l.name, title: l.title, duties: l.duties, sort: String(i + 1), remove: false }));
  for (let i = 0; i < empty; i++) rows.push({ row: rows.length + 1, name: '', title: '', duties: '', sort: '', remove: false });
  return rows;
}

const length = (s: string): number => Array.from(s).length;

export type LeadersResult = { ok: true; leaders: LeaderInput[] } | { ok: false; errors: Errors };

/**
 * Checks the rows: a row left empty or marked 删除 is dropped; any other row needs 姓名 and 职务.
 * The kept rows are ordered by 排序 (rows without one last, in row order) and numbered 1, 2, 3….
 */
export function validateLeaderRows(rows: readonly LeaderFormRow[]): LeadersResult {
  const errors: Errors = {};
  const kept: { row: LeaderFormRow; sort: number | null }[] = [];
  for (const r of rows) {
    if (r.remove) continue;
    // A row whose text fields are all empty is dropped, whatever its 排序 says.
    if (!r.name && !r.title && !r.duties) continue;
    const at = `第${r.row}行：`;
    if (!r.name) errors[leaderField(r.row, 'name')] = `${at}请填写姓名`;
    else if (length(r.name) > LEADER_LIMITS.name) errors[leaderField(r.row, 'name')] = `${at}姓名不能超过${LEADER_LIMITS.name}个字`;
    if (!r.title) errors[leaderField(r.row, 'title')] = `${at}请填写职务`;
    else if (length(r.title) > LEADER_LIMITS.title) errors[leaderField(r.row, 'title')] = `${at}职务不能超过${LEADER_LIMITS.title}个字`;
    if (length(r.duties) > LEADER_LIMITS.duties) errors[leaderField(r.row, 'duties')] = `${at}分管工作不能超过${LEADER_LIMITS.duties}个字`;
    let sort: number | null = null;
    if (r.sort) {
      if (/^\d{1,3}$/.test(r.sort)) sort = Number(r.sort);
      else errors[leaderField(r.row, 'sort')] = `${at}排序应为0—999之间的整数`;
    }
    kept.push({ row: r, sort });
  }
  if (kept.length > MAX_LEADERS) errors.leaders = `领导信息最多填写${MAX_LEADERS}人，当前为${kept.length}人`;
  if (Object.keys(errors).length) return { ok: false, errors };
  kept.sort((a, b) => (a.sort ?? 1000) - (b.sort ?? 1000) || a.row.row - b.row.row);
  return { ok: true, leaders: kept.map((k, i) => ({ name: k.row.name, title: k.row.title, duties: k.row.duties, sortOrder: i + 1 })) };
}
