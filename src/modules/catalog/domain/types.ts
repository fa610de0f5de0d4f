// Shared types of the standard catalog (标准目录). Column structure: regulation notes §3.3.

/** How 公开时限 is computed; the original text is always kept beside it. */
export type TimeLimitRule =
  /** N working days after the information is formed or changed (条例 第二十六条: 20). */
  | { kind: 'working_days_after_formed'; days: number }
  /** N calendar days after an approval or other event (e.g. 预算法 第十四条: 批准后20日内). */
  | { kind: 'calendar_days_after_event'; days: number; event: string }
  /** N working days after an event other than forming (e.g. 作出决定之日起7个工作日内). */
  | { kind: 'working_days_after_event'; days: number; event: string }
  /** By a fixed date every year (每年1月31日前). */
  | { kind: 'yearly_by'; month: number; day: number }
  /** Periodic: by the given number of days after the period ends (0 = within the period). */
  | { kind: 'periodic'; period: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'; daysAfterPeriod: number; workingDays: boolean }
  /** 实时公开 */
  | { kind: 'realtime' }
  /** 及时公开 / 长期公开 and similar: no computable deadline. */
  | { kind: 'not_computable'; note?: string };

/** The fixed 公开渠道和载体 checklist, in the order catalogs print it (regulation notes §3.3). */
export const STANDARD_CHANNELS = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏（电子屏）',
  '精准推送',
  '其他',
] as const;
export type StandardChannel = (typeof STANDARD_CHANNELS)[number];

/** One level-2 item (二级事项) with all catalog columns. */
export interface CatalogItemData {
  domainName: string;
  level1: string;
  level2: string;
  content: string;
  /** 公开依据: one legal source per entry (parsed from `basisText`). */
  basis: string[];
  /** 公开依据 exactly as written (separators, numbering, 《》 titles); '' or absent: saved before it was kept. */
  basisText?: string;
  timeLimitText: string;
  timeLimitRule: TimeLimitRule;
  /** 公开主体 as written (unit names or unit types such as 各乡镇人民政府). */
  publisherText: string;
  /** The standard channels recognised in `channelsText` (for filters and statistics). */
  channels: StandardChannel[];
  /** Names in `channelsText` behind which no standard channel is recognised. */
  customChannels: string[];
  /** 公开渠道和载体 exactly as written, in the unit's words and order; '' or absent: saved before it was kept. */
  channelsText?: string;
  audience: { society: boolean; specificGroup: boolean };
  mode: { proactive: boolean; onRequest: boolean };
  level: { county: boolean; township: boolean };
}

/** A problem found while reading an import file, addressed like a spreadsheet cell. */
export interface ImportProblem {
  /** 1-based sheet row number; 0 for the whole file. */
  row: number;
  /** Column letter (A, B …) or '' for the whole row. */
  column: string;
  message: string;
  /** Warnings are shown but do not block saving (e.g. a time limit that is not computable). */
  severity: 'error' | 'warning';
  /** The worksheet, for a workbook of several sheets; absent for the whole file. */
  sheet?: string;
}
