// The problems of an import preview grouped by kind, so that thousands of one warning read as one line
// with a count. Pure: the kind is read from the message.
import type { ImportProblem } from './types.ts';

const KINDS: [RegExp, string][] = [
  [/^公开主体中的「/, '公开主体不是本市单位'],
  [/^公开时限「.*」无法计算/, '公开时限无法计算'],
  [/^未导入：/, '未导入的工作表'],
  [/整行合并的说明行|只有序号|不是目录事项/, '未导入的说明行'],
  [/是同一事项|与第\d+行的事项重复/, '重复的事项'],
  [/^一级事项为空，已沿用/, '一级事项沿用上一行'],
  [/^单元格含公式/, '公式'],
  [/^表头「/, '忽略的表头'],
  [/^领域「.*」已按国家标准领域名称/, '领域名称改为国家标准名称'],
  [/^领域「.*」不存在/, '领域不存在'],
  [/^缺少/, '缺少内容'],
  [/无法识别「|未标记/, '标记有误'],
  [/不能修改其内容|不能采用/, '本市标准事项'],
  [/合并单元格/, '合并单元格'],
];

/** A short name for the kind of a problem ("公开主体不是本市单位", "公开时限无法计算" …; "其他"). */
export function problemKind(p: Pick<ImportProblem, 'message'>): string {
  return KINDS.find(([re]) => re.test(p.message))?.[1] ?? '其他';
}

export interface ProblemGroup {
  kind: string;
  severity: 'error' | 'warning';
  count: number;
}

/** Errors first, then by count (largest first); kinds in the order first met within a tie. */
export function groupProblems(problems: readonly ImportProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const kind = problemKind(p);
    const key = `${p.severity}\u0000${kind}`;
    const g = groups.get(key) ?? { kind, severity: p.severity, count: 0 };
    g.count++;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}
