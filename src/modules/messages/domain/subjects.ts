// 主题分类: the two-level subject tree of 诉求 (e.g. 城乡建设 › 市政设施), edited by the openness office.
// Subjects are retired, never deleted, so an old item keeps the subject it was filed under. Pure code.

export interface SubjectRow {
  id: number;
  parentId: number | null;
  name: string;
  position: number;
  retired: boolean;
}

export interface SubjectNode extends SubjectRow {
  children: SubjectRow[];
}

/** The tree: first-level subjects in order, each with its children in order. Orphans are left out. */
export function subjectTree(rows: readonly SubjectRow[]): SubjectNode[] {
  const byOrder = (a: SubjectRow, b: SubjectRow) => a.position - b.position || a.id - b.id;
  const top = rows.filter((r) => r.parentId === null).sort(byOrder);
  return top.map((t) => ({ ...t, children: rows.filter((r) => r.parentId === t.id).sort(byOrder) }));
}

/**
 * What an intake form offers: current subjects as 「一级 › 二级」, a first-level one on its own only when
 * it has no current children (an item is filed under the most precise subject there is).
 */
export function subjectChoices(rows: readonly SubjectRow[]): { id: number; label: string }[] {
  const out: { id: number; label: string }[] = [];
  for (const t of subjectTree(rows)) {
    if (t.retired) continue;
    const kids = t.children.filter((c) => !c.retired);
    if (!kids.length) out.push({ id: t.id, label: t.name });
    for (const c of kids) out.push({ id: c.id, label: `${t.name} › ${c.name}` });
  }
  return out;
}

/** The label of a subject (retired ones too, marked), '' when unknown. */
export function subjectLabel(rows: readonly SubjectRow[], id: number | null): string {
  if (id === null) return '';
  const r = rows.find((x) => x.id === id);
  if (!r) return '';
  const parent = r.parentId === null ? undefined : rows.find((x) => x.id === r.parentId);
  return `${parent ? `${parent.name} › ` : ''}${r.name}${r.retired || parent?.retired ? '（已停用）' : ''}`;
}

/** The ids an item filter by `id` matches: the subject and, for a first-level one, its children. */
export function subjectFilterIds(rows: readonly SubjectRow[], id: number): number[] {
  return [id, ...rows.filter((r) => r.parentId === id).map((r) => r.id)];
}

/**
 * Checks a new or renamed subject: a name of 1–20 characters, unique among its current siblings, and
 * at most two levels (a parent must be a current first-level subject).
 */
export function checkSubject(rows: readonly SubjectRow[], input: { id?: number; parentId: number | null; name: string }): Record<string, string> {
  const name = input.name.trim();
  if (!name) return { name: '请填写分类名称' };
  if ([...name].length > 20) return { name: '分类名称不能超过20个字' };
  if (input.parentId !== null) {
    const parent = rows.find((r) => r.id === input.parentId);
    if (!parent || parent.retired) return { parentId: '请选择在用的一级分类' };
    if (parent.parentId !== null) return { parentId: '分类最多两级，只能放在一级分类下' };
  }
  const clash = rows.some((r) => r.id !== input.id && r.parentId === input.parentId && !r.retired && r.name === name);
  if (clash) return { name: `同一级已有“${name}”` };
  return {};
}

/**
 * Moving a subject up or down among its siblings: the new positions (0, 1, 2 … in the new order) of
 * every sibling whose position changes. Empty when it is already first/last.
 */
export function moveSubject(rows: readonly SubjectRow[], id: number, direction: 'up' | 'down'): { id: number; position: number }[] {
  const me = rows.find((r) => r.id === id);
  if (!me) return [];
  const siblings = rows.filter((r) => r.parentId === me.parentId).sort((a, b) => a.position - b.position || a.id - b.id);
  const i = siblings.findIndex((r) => r.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= siblings.length) return [];
  const order = siblings.slice();
  [order[i], order[j]] = [order[j]!, order[i]!];
  return order.map((r, k) => ({ id: r.id, position: k })).filter((x) => siblings.find((s) => s.id === x.id)!.position !== x.position);
}

/** The default tree of a new site (the openness office edits it): common 12345 热线 classifications. */
export const DEFAULT_SUBJECTS: readonly [string, readonly string[]][] = [
  ['城乡建设', ['市政设施', '住房保障', '物业管理', '建筑施工']],
  ['交通运输', ['公共交通', '道路管理', '出租车']],
  ['生态环境', ['噪声污染', '水污染', '大气污染']],
  ['社会保障', ['医疗保险', '养老保险', '低保救助']],
  ['教育', ['招生入学', '校外培训']],
  ['市场监管', ['食品安全', '价格收费']],
  ['政务服务', ['办事咨询', '网站纠错']],
];
