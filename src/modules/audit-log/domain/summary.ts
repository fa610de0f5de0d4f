// Turns an audit row's before/after summary (JSON) into one readable line.

const KEY_LABELS: Readonly<Record<string, string>> = {
  note: '说明',
  before: '修改前',
  after: '修改后',
  failedAttempts: '连续失败次数',
  sessionsEnded: '结束的会话数',
  accounts: '账号',
  count: '数量',
  holidays: '节假日天数',
  workdays: '调休上班天数',
  source: '依据',
  reason: '理由',
};

const ORDER = ['note', 'before', 'after'];

function keyLabel(k: string): string {
  return KEY_LABELS[k] ?? k;
}

function valueText(v: unknown, depth: number): string {
  if (v === null || v === undefined) return '无';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (!v.length) return '无';
    return v.map((x) => valueText(x, depth + 1)).join('、');
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (!entries.length) return '无';
    if (depth >= 2) return JSON.stringify(v);
    const inner = entries.map(([k, x]) => `${keyLabel(k)}=${valueText(x, depth + 1)}`).join('，');
    return depth === 0 ? inner : `{${inner}}`;
  }
  return String(v);
}

/** "说明：…；修改前：节假日天数=28；修改后：…"; an empty summary is "—". */
export function summaryText(summary: unknown): string {
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) {
    return summary === null || summary === undefined ? '—' : valueText(summary, 0);
  }
  const obj = summary as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  if (!keys.length) return '—';
  return keys.map((k) => `${keyLabel(k)}：${valueText(obj[k], 0)}`).join('；');
}

function rank(k: string): number {
  const i = ORDER.indexOf(k);
  return i === -1 ? ORDER.length : i;
}

/** Cuts a text to at most max characters (code points), marking the cut with "…". */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}
