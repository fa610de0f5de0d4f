// Channels, kinds of 诉求 and the per-site time limits (in working days) with the source of each
// default. Pure code.

/** Where an item came in (统一接收): the portal's mailboxes, the 咨询 and 找错 forms, the 96128 hotline. */
export const CHANNELS = ['secretary_mailbox', 'mayor_mailbox', 'unit_mailbox', 'consult', 'site_error', 'hotline', 'from_request'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  secretary_mailbox: '书记信箱',
  mayor_mailbox: '市长信箱',
  unit_mailbox: '部门/乡镇信箱',
  consult: '网上咨询',
  site_error: '我为政府网站找错',
  hotline: '96128热线',
  from_request: '依申请公开转来',
};
/** Channels with a public web form (the hotline is registered by a call-taker). */
export const WEB_CHANNELS: readonly Channel[] = ['secretary_mailbox', 'mayor_mailbox', 'unit_mailbox', 'consult', 'site_error'];

// 诉求类型: 咨询、求助、投诉、举报和意见建议 (昆明 2024; 潍坊 第十条 — regulation-wave2.md §4.2).
export const KINDS = ['consult', 'help', 'suggestion', 'complaint', 'report'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = { consult: '咨询', help: '求助', suggestion: '意见建议', complaint: '投诉', report: '举报' };

/** What a time limit is keyed by: the kind, or the 找错 channel, which has its own limit. */
export const LIMIT_KEYS = ['consult', 'help', 'suggestion', 'complaint', 'report', 'site_error'] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];
export const LIMIT_KEY_LABELS: Record<LimitKey, string> = { ...KIND_LABELS, site_error: '我为政府网站找错' };

export function limitKeyOf(channel: Channel, kind: Kind): LimitKey {
  return channel === 'site_error' ? 'site_error' : kind;
}

export interface TimeLimits {
  /** 办理时限 per key, working days from 受理 (start day not counted). */
  days: Record<LimitKey, number>;
  /** 签收 within this many working days of 派单. */
  signDays: number;
  /** Longest extension that may be approved at once, in working days. */
  maxExtensionDays: number;
  /** Reminder this many working days before the due date (到期前催办). */
  remindBeforeDays: number;
}

/** Defaults; each site's openness office edits them. The source of each is shown on the settings page. */
export const DEFAULT_LIMITS: TimeLimits = {
  days: { consult: 3, help: 7, suggestion: 7, complaint: 15, report: 15, site_error: 3 },
  signDays: 1,
  maxExtensionDays: 15,
  remindBeforeDays: 1,
};

export const LIMIT_SOURCES: Record<LimitKey | 'signDays' | 'maxExtensionDays' | 'remindBeforeDays', string> = {
  // 四川 2026: 咨询 3 / 求助、意见建议 7 / 投诉举报 15 个工作日 (regulation-wave2.md §4.3).
  consult: '四川省2026年政务服务便民热线诉求办理时限：咨询类3个工作日（各地自定，待核实）',
  help: '四川省2026年政务服务便民热线诉求办理时限：求助、意见建议类7个工作日（各地自定，待核实）',
  suggestion: '四川省2026年政务服务便民热线诉求办理时限：求助、意见建议类7个工作日（各地自定，待核实）',
  complaint: '四川省2026年政务服务便民热线诉求办理时限：投诉举报类15个工作日（各地自定，待核实）',
  report: '四川省2026年政务服务便民热线诉求办理时限：投诉举报类15个工作日（各地自定，待核实）',
  // 我为政府网站找错: 3个工作日内答复 (辽宁实施细则; regulation.md §4.2, §7.2).
  site_error: '“我为政府网站找错”留言3个工作日内答复（辽宁省实施细则，国家层面待核实）',
  // 乐清 网络问效: 1个工作日受理响应 (regulation-wave2.md §4.5).
  signDays: '留言1个工作日内受理响应（乐清市网络问效规则，待核实）',
  // A city bureau rule: 延期须在到期前申请并经热线督查中心同意 (regulation-wave2.md §4.3); length not fixed nationally.
  maxExtensionDays: '延期须在到期前申请并经同意；单次延期天数各地自定（待核实）',
  // 催办 ladder: 到期前催办 → 到期次日《催办通知书》 (regulation-wave2.md §4.4).
  remindBeforeDays: '到期前催办、到期次日发催办通知（地方热线督办规则，待核实）',
};

/** Checks an edited limits table; field messages keyed by the form's field names. */
export function validateLimits(input: Record<string, number | undefined>): { ok: true; value: TimeLimits } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const num = (k: string, label: string, min: number, max: number): number => {
    const v = input[k];
    if (v === undefined || !Number.isInteger(v)) errors[k] = `请填写${label}（整数）`;
    else if (v < min || v > max) errors[k] = `${label}应在${min}到${max}之间`;
    return v ?? 0;
  };
  const days = {} as Record<LimitKey, number>;
  for (const k of LIMIT_KEYS) days[k] = num(`days_${k}`, `${LIMIT_KEY_LABELS[k]}办理时限`, 1, 60);
  const value: TimeLimits = {
    days,
    signDays: num('signDays', '签收时限', 1, 5),
    maxExtensionDays: num('maxExtensionDays', '单次延期上限', 1, 60),
    remindBeforeDays: num('remindBeforeDays', '到期前提醒天数', 0, 10),
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
