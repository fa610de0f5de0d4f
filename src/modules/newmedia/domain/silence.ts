// 内容不更新: a 政务新媒体 account with no update in the two weeks before the check is a single-veto
// finding (国办秘函〔2019〕19号; 2022 整治: 发布类账号2周内无更新). The day count is a per-site setting.
import { addCalendarDays } from '../../../core/calendar/working-days.ts';

/** 19号: 监测时间点前2周内无更新. */
export const DEFAULT_SILENCE_DAYS = 14;

export interface AccountActivity {
  id: number;
  /** 开设时间: a new account is not silent before its first period has passed. */
  openedOn: string;
  /** Latest release date of a post written here (Beijing date). */
  lastReleasedOn: string | null;
  /** Latest 最近更新 recorded by staff for posts made directly on the platform. */
  lastRecordedOn: string | null;
}

/** The latest of the dates an account is known to have been updated, or its opening date. */
export function lastActivity(a: AccountActivity): { on: string; known: boolean } {
  const dates = [a.lastReleasedOn, a.lastRecordedOn].filter((d): d is string => !!d).sort();
  const last = dates[dates.length - 1];
  return last ? { on: last, known: true } : { on: a.openedOn, known: false };
}

/** Silent when nothing (or only the opening) lies after `today − days`: an update on that very day is already too old. */
export function isSilent(a: AccountActivity, today: string, days: number): boolean {
  return lastActivity(a).on <= addCalendarDays(today, -days);
}

/** Days since the last activity (today − last), for the registry's column. */
export function daysSince(on: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / 86_400_000);
}
