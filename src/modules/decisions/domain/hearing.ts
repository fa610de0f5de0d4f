// Hearing (听证) dates under 《重大行政决策程序暂行条例》: the participant list published in advance, the
// materials sent to participants at least 7 days before the hearing. Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';
import { addDays, periodDays } from './dates.ts';

/** Materials reach participants at least this many days before the hearing day. */
export const HEARING_MATERIALS_DAYS = 7;

export interface HearingDates {
  noticeOn: string;
  participantsPublishedOn: string;
  materialsSentOn: string;
  heldOn: string;
}

/** Field errors of a hearing's dates (empty: fine). 材料 sent 2026-06-03 for a hearing on 06-10 is 7 days before: fine; 06-04 is 6: refused. */
export function hearingErrors(h: HearingDates): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [k, label] of [
    ['noticeOn', '听证公告日期'],
    ['participantsPublishedOn', '参加人名单公布日期'],
    ['materialsSentOn', '材料送达日期'],
    ['heldOn', '听证会日期'],
  ] as const) {
    if (!h[k]) errors[k] = `请填写${label}`;
    else if (!isValidIsoDate(h[k])) errors[k] = `${label}应为有效日期，格式如 2026-06-10`;
  }
  if (Object.keys(errors).length) return errors;
  if (h.noticeOn >= h.heldOn) errors.noticeOn = '听证公告应在听证会之前发布';
  if (h.participantsPublishedOn >= h.heldOn) errors.participantsPublishedOn = '听证参加人名单应在听证会之前向社会公布';
  const before = periodDays(h.materialsSentOn, h.heldOn) - 1;
  if (before < HEARING_MATERIALS_DAYS) errors.materialsSentOn = `听证材料应于听证会${HEARING_MATERIALS_DAYS}日前送达参加人（现为${Math.max(before, 0)}日前），最晚为${addDays(h.heldOn, -HEARING_MATERIALS_DAYS)}`;
  return errors;
}
