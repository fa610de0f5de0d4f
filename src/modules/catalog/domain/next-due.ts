// When the next record of an item is due, as the public item page and API state it: from the last
// publication under the item when there is one (the item page lists them), else as for an item with
// no publication so far.
import type { WorkCalendar } from '../../../core/calendar/working-days.ts';
import type { TimeLimitRule } from './types.ts';
import { nextDueDate } from './time-limit.ts';

export interface PublicNextDue {
  /** The last day on which publishing is on time, or null when it depends on an event not yet recorded. */
  due: string | null;
  explanation: string;
}

/** null when the time limit has no computable deadline (实时, 及时 …) or the item is not published proactively. */
export function publicNextDue(rule: TimeLimitRule, proactive: boolean, today: string, calendar: WorkCalendar, lastPublishedOn?: string): PublicNextDue | null {
  if (!proactive) return null;
  switch (rule.kind) {
    case 'working_days_after_formed':
      // 《政府信息公开条例》第二十六条; start day not counted (《民法典》第二百零一条).
      return {
        due: null,
        explanation: `期限自该政府信息形成或者变更之日起计算（《政府信息公开条例》第二十六条）：每条信息应在形成或变更后${rule.days}个工作日内公开，形成或变更当日不计入，周末和法定节假日不计算在内。到期日随每条信息形成或变更的日期确定。`,
      };
    case 'working_days_after_event':
      return {
        due: null,
        explanation: `期限自“${rule.event}”之日起计算：应在其后${rule.days}个工作日内公开，当日不计入，周末和法定节假日不计算在内。到期日随“${rule.event}”的日期确定。`,
      };
    case 'calendar_days_after_event':
      // e.g. 《预算法》第十四条: 日 are calendar days.
      return {
        due: null,
        explanation: `期限自“${rule.event}”之日起计算：应在其后${rule.days}日（按自然日计算，当日不计入）内公开。到期日随“${rule.event}”的日期确定。`,
      };
    case 'yearly_by':
    case 'periodic':
      return nextDueDate(rule, lastPublishedOn ? { today, lastPublishedOn } : { today }, calendar);
    case 'realtime':
    case 'not_computable':
      return null;
  }
}
