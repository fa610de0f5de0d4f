// The life of a 政府公报 issue: 起草 → 校对 → 审定 → 发行. Once released it is fixed (the electronic edition
// must match the print one, 国办发〔2018〕22号); a mistake is corrected by a 勘误 in a later issue. Pure.

export const ISSUE_STATES = ['drafted', 'proofread', 'approved', 'released'] as const;
export type IssueState = (typeof ISSUE_STATES)[number];

export const STATE_LABELS: Record<IssueState, string> = { drafted: '编辑中', proofread: '已校对', approved: '已审定', released: '已发行' };

export const ISSUE_ACTIONS = ['proofread', 'approve', 'release', 'reopen'] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

export const ACTION_LABELS: Record<IssueAction, string> = { proofread: '校对完成', approve: '审定', release: '发行', reopen: '退回修改' };

const FROM: Record<IssueAction, IssueState[]> = { proofread: ['drafted'], approve: ['proofread'], release: ['approved'], reopen: ['proofread', 'approved'] };
const TO: Record<IssueAction, IssueState> = { proofread: 'proofread', approve: 'approved', release: 'released', reopen: 'drafted' };

export interface IssueFacts {
  state: IssueState;
  articleCount: number;
  /** Articles with an empty body. */
  emptyArticles: string[];
  /** 勘误 articles that name no earlier released article. */
  unlinkedErrata: number;
}

/** Why the action cannot be done now (empty list: it can), and the state it leads to. */
export function transition(f: IssueFacts, action: IssueAction): { to: IssueState; reasons: string[] } {
  const reasons: string[] = [];
  if (f.state === 'released') reasons.push('本期已发行，内容不能再改动；如有错误，请在以后一期刊登勘误。');
  else if (!FROM[action].includes(f.state)) reasons.push(`当前状态为“${STATE_LABELS[f.state]}”，不能${ACTION_LABELS[action]}。`);
  if (!reasons.length && action !== 'reopen') {
    if (f.articleCount === 0) reasons.push('本期还没有文章。');
    for (const t of f.emptyArticles) reasons.push(`《${t}》没有正文。`);
    if (f.unlinkedErrata) reasons.push('勘误必须指明所更正的往期文章。');
  }
  return { to: TO[action], reasons };
}

/** Contents and articles can be changed only while the issue is being edited. */
export function editRefusal(state: IssueState): string | null {
  if (state === 'drafted') return null;
  if (state === 'released') return '本期已发行，内容不能再改动；如有错误，请在以后一期刊登勘误。';
  return '本期已进入校对或审定，请先“退回修改”再改动内容。';
}

export function availableActions(state: IssueState): IssueAction[] {
  return ISSUE_ACTIONS.filter((a) => FROM[a].includes(state));
}

/** The sections a new issue starts with (editable); 楚雄市 has no 规章制定权, so no 规章 section (regulation-wave2.md §6). */
export const DEFAULT_SECTIONS = ['政府文件', '政府办公室文件', '部门文件', '人事任免', '其他'] as const;
