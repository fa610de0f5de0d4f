// 公开时限 of a catalog item: from the text printed in catalogs to a computable rule, back to a
// Chinese description, and to the date the next record is due. Pure: `today` and the calendar are arguments.
import {
  addCalendarDays,
  addWorkingDays,
  CalendarYearMissingError,
  isValidIsoDate,
} from '../../../core/calendar/working-days.ts';
import type { WorkCalendar } from '../../../core/calendar/working-days.ts';
import type { TimeLimitRule } from './types.ts';

export interface ParsedTimeLimit {
  rule: TimeLimitRule;
  /** false when the text matched no known form: the rule is then not_computable and the import flags it. */
  recognised: boolean;
}

export interface DueInput {
  /** The day the information was formed/changed, or the event (批准, 批复, 决定) happened. */
  lastEventOn?: string;
  /** The day a record under the item was last published. */
  lastPublishedOn?: string;
  today: string;
}

export interface DueResult {
  /** Last day on which publishing is still on time ('YYYY-MM-DD'), or null when no date can be computed. */
  due: string | null;
  explanation: string;
}

type Period = Extract<TimeLimitRule, { kind: 'periodic' }>['period'];

// ---------------------------------------------------------------------------------------------
// Normalising

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 二十 → 20, 十五 → 15, 三十一 → 31, 一百二十 → 120, 二〇 → 20; null when malformed. */
function chineseNumber(s: string): number | null {
  if (!/[十百]/.test(s)) {
    // Digit-by-digit style (二〇, 三一).
    let n = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch === '百' || ch === '十') {
      total += (digit ?? 1) * (ch === '百' ? 100 : 10);
      digit = null;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      if (digit !== null && d !== 0) return null;
      digit = d === 0 ? null : d;
    }
  }
  return total + (digit ?? 0);
}

/**
 * Full-width digits and brackets to ASCII (NFKC), spaces removed, 〔〕【】 unified to (), and Chinese
 * numerals that count days, months or periods turned into digits (二十个工作日 → 20个工作日).
 */
export function normaliseTimeLimitText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〔【［]/g, '(')
    .replace(/[〕】］]/g, ')')
    .replace(/[〇零一二两三四五六七八九十百]+(?=个|工作日|日|天|月|号|周|季度)/g, (m) => {
      const n = chineseNumber(m);
      return n === null ? m : String(n);
    });
}

// ---------------------------------------------------------------------------------------------
// Parsing

const WORKING = /^个?工作日$/;

function periodFromWord(word: string): Period {
  if (word.includes('月')) return 'monthly';
  if (word.includes('季')) return 'quarterly';
  if (word.includes('半年')) return 'half_yearly';
  return 'yearly';
}

/** The event text before 之日起/后: the last clause, without 自/在/于 in front. */
function cleanEvent(raw: string): string {
  return raw.replace(/^(?:自|从|在|于|应当|应|须|必须|并|一般)+/, '');
}

/** 信息形成（变更）, 自该信息形成或者变更, 形成或变更, 政府信息变更 … → the 第二十六条 event. */
const FORMED_EVENT =
  /^(?:.*信息)?(?:(?:形成|制作|产生|生成)(?:\(?(?:或者|或|及|和|、|\/)?(?:变更|更新|调整)\)?)?|变更|更新)$/;

const KNOWN_NOT_COMPUTABLE =
  /及时|长期|常态化|常年|动态|随时|适时|定期|持续|按规定|依法|依规|按要求|有关规定|规定时限|法定时限/;

function result(rule: TimeLimitRule, recognised = true): ParsedTimeLimit {
  return { rule, recognised };
}

export function parseTimeLimit(text: string): ParsedTimeLimit {
  const s = normaliseTimeLimitText(text);
  if (s === '') return result({ kind: 'not_computable' }, false);

  // A fixed yearly date: 每年1月31日前, 次年3月底前 (条例 第四十九条: 年报 每年1月31日前 / 3月31日前).
  const yearly =
    /(?:每年|次年|年度)?(\d{1,2})月(?:(\d{1,2})(?:日|号)|(底|末))(?:之前|以前|前)/.exec(s) ??
    /(?:每年|次年)(\d{1,2})月(?:(\d{1,2})(?:日|号)|(底|末))/.exec(s);
  if (yearly) {
    const month = Number(yearly[1]);
    const day = yearly[3] ? leapDaysInMonth(month) : Number(yearly[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= leapDaysInMonth(month)) {
      return result({ kind: 'yearly_by', month, day });
    }
    return result({ kind: 'not_computable' }, false);
  }

  // Periodic with a deadline after the period: 每季度结束后15日内, 每月10日前, 次月10日前, 每月前5个工作日.
  const afterPeriod = /(每月|月度|每季度|季度|每半年|半年度?|每年度|年度|每年)(?:结束|终了|期满|末)后(\d+)(个工作日|个?自然日|日|天)/.exec(s);
  if (afterPeriod) {
    return result({
      kind: 'periodic',
      period: periodFromWord(afterPeriod[1]!),
      daysAfterPeriod: Number(afterPeriod[2]),
      workingDays: WORKING.test(afterPeriod[3]!),
    });
  }
  const monthlyDay = /(?:每月|次月|下月)(?:前)?(\d{1,2})(日|号|个工作日)/.exec(s);
  if (monthlyDay) {
    const n = Number(monthlyDay[1]);
    const workingDays = WORKING.test(monthlyDay[2]!);
    if (n >= 1 && (workingDays || n <= 31)) {
      return result({ kind: 'periodic', period: 'monthly', daysAfterPeriod: n, workingDays });
    }
  }
  // 每季度首月15日前: by the 15th of the month after the quarter.
  const quarterlyDay = /(?:每|次|下)季度(?:首月|第1个月)(?:前)?(\d{1,2})(日|号|个工作日)/.exec(s);
  if (quarterlyDay) {
    return result({
      kind: 'periodic',
      period: 'quarterly',
      daysAfterPeriod: Number(quarterlyDay[1]),
      workingDays: WORKING.test(quarterlyDay[2]!),
    });
  }

  // N days after an event: "…之日起N个工作日内", "…批准后N日内".
  const afterEvent = /([^,;:。!?]*?)(?:之日起|之日后|起|后)的?(\d+)(个工作日|个?自然日|个?日|天)/.exec(s);
  if (afterEvent) {
    const event = cleanEvent(afterEvent[1]!);
    const days = Number(afterEvent[2]);
    const workingDays = WORKING.test(afterEvent[3]!);
    // 《政府信息公开条例》第二十六条: 自该政府信息形成或者变更之日起20个工作日内.
    if (workingDays && FORMED_EVENT.test(event)) return result({ kind: 'working_days_after_formed', days });
    if (event !== '') {
      // 《预算法》第十四条: 批准后二十日内 / 批复后二十日内 are calendar days.
      return result(
        workingDays
          ? { kind: 'working_days_after_event', days, event }
          : { kind: 'calendar_days_after_event', days, event },
      );
    }
  }
  // A bare "20个工作日内" in a catalog is the 第二十六条 default.
  const bareWorking = /^(?:应当?|须)?(?:在|于)?(\d+)个工作日(?:内|以内|之内)/.exec(s);
  if (bareWorking) return result({ kind: 'working_days_after_formed', days: Number(bareWorking[1]) });

  // A duration we cannot represent (3个月内, 2周内): never guess a period from the words around it.
  if (/\d+个?(?:月|周|星期|年)(?:内|以内|之内)/.test(s)) return result({ kind: 'not_computable' }, false);

  const bare = /(每月|按月|月度|每季度|按季度?|季度|每半年|按半年|半年度?|每年度|每年|按年度?|年度)/.exec(s);
  if (bare) {
    return result({ kind: 'periodic', period: periodFromWord(bare[1]!), daysAfterPeriod: 0, workingDays: false });
  }

  if (/实时|即时/.test(s)) return result({ kind: 'realtime' });

  if (KNOWN_NOT_COMPUTABLE.test(s)) return result({ kind: 'not_computable', note: s.replace(/[。.;；]+$/, '') });

  return result({ kind: 'not_computable' }, false);
}

// ---------------------------------------------------------------------------------------------
// Describing

const PERIOD_WORD: Record<Period, string> = { monthly: '每月', quarterly: '每季度', half_yearly: '每半年', yearly: '每年度' };
const PERIOD_UNIT: Record<Period, string> = { monthly: '当月', quarterly: '当季度', half_yearly: '当半年', yearly: '当年' };

export function describeTimeLimit(rule: TimeLimitRule): string {
  switch (rule.kind) {
    case 'working_days_after_formed':
      return `信息形成或变更之日起${rule.days}个工作日内`;
    case 'calendar_days_after_event':
      return `${rule.event}后${rule.days}日内`;
    case 'working_days_after_event':
      return `${rule.event}之日起${rule.days}个工作日内`;
    case 'yearly_by':
      return `每年${rule.month}月${rule.day}日前`;
    case 'periodic': {
      if (rule.daysAfterPeriod === 0) return `${PERIOD_WORD[rule.period]}公开（${PERIOD_UNIT[rule.period]}内）`;
      if (rule.period === 'monthly' && !rule.workingDays) return `每月结束后${rule.daysAfterPeriod}日内（次月${rule.daysAfterPeriod}日前）`;
      return `${PERIOD_WORD[rule.period]}结束后${rule.daysAfterPeriod}${rule.workingDays ? '个工作日' : '日'}内`;
    }
    case 'realtime':
      return '实时公开';
    case 'not_computable':
      return rule.note ? `${rule.note}（无可计算的期限）` : '无可计算的期限';
  }
}

// ---------------------------------------------------------------------------------------------
// Due dates. Legal dates stay 'YYYY-MM-DD' strings; only integer arithmetic below.

function leapDaysInMonth(m: number): number {
  return m === 2 ? 29 : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function daysInMonth(y: number, m: number): number {
  if (m !== 2) return leapDaysInMonth(m);
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function ymd(s: string): [number, number, number] {
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

/** Day number for comparing distances; Date.UTC involves no local time zone. */
function dayNumber(s: string): number {
  const [y, m, d] = ymd(s);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function checkDate(value: string | undefined, label: string): void {
  if (value !== undefined && !isValidIsoDate(value)) {
    throw new RangeError(`${label}格式不正确：“${String(value)}”，应为有效的 YYYY-MM-DD 日期。`);
  }
}

function late(due: string, today: string): string {
  return isOverdue(due, today) ? '（已逾期）' : '';
}

export function isOverdue(due: string | null, today: string): boolean {
  return due !== null && today > due;
}

export function nextDueDate(rule: TimeLimitRule, input: DueInput, calendar: WorkCalendar): DueResult {
  checkDate(input.today, '今天的日期');
  checkDate(input.lastEventOn, '事件日期');
  checkDate(input.lastPublishedOn, '上次公开日期');
  try {
    return computeDue(rule, input, calendar);
  } catch (err) {
    // A year without 放假/调休 data: say so rather than guess (ARCHITECTURE §1 working days).
    if (err instanceof CalendarYearMissingError) return { due: null, explanation: err.message };
    throw err;
  }
}

function computeDue(rule: TimeLimitRule, input: DueInput, calendar: WorkCalendar): DueResult {
  const { lastEventOn, lastPublishedOn, today } = input;
  switch (rule.kind) {
    case 'working_days_after_formed':
    case 'working_days_after_event':
    case 'calendar_days_after_event': {
      const event = rule.kind === 'working_days_after_formed' ? '信息形成或变更' : rule.event;
      if (lastEventOn === undefined) {
        return { due: null, explanation: `尚未记录“${event}”的日期，无法计算到期日。` };
      }
      if (lastPublishedOn !== undefined && lastPublishedOn >= lastEventOn) {
        return {
          due: null,
          explanation: `最近一次“${event}”（${lastEventOn}）后已于 ${lastPublishedOn} 公开；再次发生时重新计算到期日。`,
        };
      }
      if (rule.kind === 'calendar_days_after_event') {
        // 《预算法》第十四条: 日 are calendar days; the start day is not counted (民法典 第二百零一条).
        const due = addCalendarDays(lastEventOn, rule.days);
        return {
          due,
          explanation: `“${event}”于 ${lastEventOn}，自次日起算 ${rule.days} 日，应于 ${due} 前公开${late(due, today)}。`,
        };
      }
      // Start day not counted (民法典 第二百零一条); 《政府信息公开条例》第二十六条 for 信息形成或变更.
      const due = addWorkingDays(lastEventOn, rule.days, calendar);
      const basis = rule.kind === 'working_days_after_formed' ? '依《政府信息公开条例》第二十六条，' : '';
      return {
        due,
        explanation: `“${event}”于 ${lastEventOn}，${basis}自次日起算 ${rule.days} 个工作日，应于 ${due} 前公开${late(due, today)}。`,
      };
    }
    case 'yearly_by':
      return yearlyDue(rule, lastPublishedOn, today);
    case 'periodic':
      return periodicDue(rule, lastPublishedOn, today, calendar);
    case 'realtime':
      return { due: null, explanation: '实时公开：信息产生即发布，不计算到期日。' };
    case 'not_computable':
      return {
        due: null,
        explanation: rule.note
          ? `公开时限“${rule.note}”没有可计算的期限，不提示到期日。`
          : '公开时限无法识别为可计算的规则，不提示到期日。',
      };
  }
}

function yearlyDue(rule: Extract<TimeLimitRule, { kind: 'yearly_by' }>, lastPublishedOn: string | undefined, today: string): DueResult {
  const deadline = (y: number) => iso(y, rule.month, Math.min(rule.day, daysInMonth(y, rule.month)));
  const label = `每年${rule.month}月${rule.day}日前公开`;
  if (lastPublishedOn === undefined) {
    const y = ymd(today)[0];
    const due = deadline(y) >= today ? deadline(y) : deadline(y + 1);
    return { due, explanation: `${label}；尚无公开记录，应于 ${due} 前公开。` };
  }
  // A publication counts for the deadline nearest to it: shortly after a deadline it is a late one
  // for that deadline, not an early one for next year's.
  const py = ymd(lastPublishedOn)[0];
  const p = dayNumber(lastPublishedOn);
  let covered = py - 1;
  for (const y of [py, py + 1]) {
    if (Math.abs(dayNumber(deadline(y)) - p) < Math.abs(dayNumber(deadline(covered)) - p)) covered = y;
  }
  const due = deadline(covered + 1);
  return {
    due,
    explanation: `${label}；上次公开于 ${lastPublishedOn}（对应 ${deadline(covered)} 的期限），下次应于 ${due} 前公开${late(due, today)}。`,
  };
}

const MONTHS: Record<Period, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };
const QUARTERS = ['一', '二', '三', '四'];

/** Periods are numbered: k = year × periods-per-year + index within the year. */
function periodIndex(date: string, period: Period): number {
  const [y, m] = ymd(date);
  const perYear = 12 / MONTHS[period];
  return y * perYear + Math.floor((m - 1) / MONTHS[period]);
}

function periodEnd(k: number, period: Period): string {
  const perYear = 12 / MONTHS[period];
  const y = Math.floor(k / perYear);
  const lastMonth = (k - y * perYear + 1) * MONTHS[period];
  return iso(y, lastMonth, daysInMonth(y, lastMonth));
}

function periodLabel(k: number, period: Period): string {
  const perYear = 12 / MONTHS[period];
  const y = Math.floor(k / perYear);
  const i = k - y * perYear;
  switch (period) {
    case 'monthly':
      return `${y}年${i + 1}月`;
    case 'quarterly':
      return `${y}年第${QUARTERS[i]}季度`;
    case 'half_yearly':
      return `${y}年${i === 0 ? '上' : '下'}半年`;
    case 'yearly':
      return `${y}年度`;
  }
}

function periodicDue(
  rule: Extract<TimeLimitRule, { kind: 'periodic' }>,
  lastPublishedOn: string | undefined,
  today: string,
  calendar: WorkCalendar,
): DueResult {
  const { period, daysAfterPeriod: n } = rule;
  const deadline = (k: number): string => {
    const end = periodEnd(k, period);
    if (n === 0) return end;
    return rule.workingDays ? addWorkingDays(end, n, calendar) : addCalendarDays(end, n);
  };
  const label = describeTimeLimit(rule);
  if (lastPublishedOn !== undefined) {
    // With a deadline after the period, a publication reports on the last period that had ended;
    // with n = 0 it belongs to the period it falls in.
    const covered = periodIndex(lastPublishedOn, period) - (n > 0 ? 1 : 0);
    const due = deadline(covered + 1);
    return {
      due,
      explanation: `${label}；上次公开于 ${lastPublishedOn}（${periodLabel(covered, period)}），${periodLabel(covered + 1, period)}应于 ${due} 前公开${late(due, today)}。`,
    };
  }
  // No publication known: the earliest deadline on or after today.
  let k = periodIndex(today, period);
  while (deadline(k - 1) >= today) k--;
  while (deadline(k) < today) k++;
  const due = deadline(k);
  return { due, explanation: `${label}；尚无公开记录，${periodLabel(k, period)}应于 ${due} 前公开。` };
}
