// The working-day calendar of request clocks: the entered years, plus the next year provisionally
// (weekends and the statutory holidays, without 调休) so a request received in December has a due date before the
// State Council's schedule for January is entered. Results in that year are marked 暂定
// (ClockResult.dueProvisional) and recomputed when the year is saved (index.ts).
import type { Core } from '../../core/services.ts';
import type { WorkCalendar } from '../../core/calendar/working-days.ts';
import { provisionalOnce } from '../../core/calendar/provisional.ts';

export async function requestCalendar(core: Pick<Core, 'calendar'>): Promise<WorkCalendar> {
  return provisionalOnce(await core.calendar.calendar());
}
