// The time limit of a message: 签收 and 办理 due dates in working days, with 延期 and 重办. Pure code;
// the calendar is an argument. Start day not counted (《民法典》第二百零一条), as in 依申请公开.
import { addWorkingDays, workingDaysBetween, type WorkCalendar } from '../../../core/calendar/working-days.ts';

export type ClockEvent =
  | { kind: 'received'; on: string }
  | { kind: 'dispatched'; on: string }
  // 延期: approved working days added to the due date current at the time.
  | { kind: 'extended'; on: string; days: number }
  // 重办 after an unsatisfied return visit: a fresh period from the day it is sent back (默认, 待核实).
  | { kind: 'redo'; on: string };

export interface ClockResult {
  dueOn: string;
  /** 签收 due date of the latest 派单; null before dispatch. */
  signBy: string | null;
  /** One line per step, for the item page. */
  steps: string[];
}

/** The due dates after the ledger of events, in order. `limit`: working days of the item's kind. */
export function computeClock(events: readonly ClockEvent[], limit: number, signDays: number, cal: WorkCalendar): ClockResult {
  let dueOn = '';
  let signBy: string | null = null;
  const steps: string[] = [];
  for (const e of events) {
    if (e.kind === 'received') {
      dueOn = addWorkingDays(e.on, limit, cal);
      steps.push(`${e.on} 受理，办理时限${limit}个工作日，应于 ${dueOn} 前办结`);
    } else if (e.kind === 'dispatched') {
      signBy = addWorkingDays(e.on, signDays, cal);
      steps.push(`${e.on} 派单，应于 ${signBy} 前签收（${signDays}个工作日）`);
    } else if (e.kind === 'extended') {
      dueOn = addWorkingDays(dueOn, e.days, cal);
      steps.push(`${e.on} 批准延期${e.days}个工作日，期限延至 ${dueOn}`);
    } else {
      dueOn = addWorkingDays(e.on, limit, cal);
      steps.push(`${e.on} 退回重办，重新计算${limit}个工作日，应于 ${dueOn} 前办结`);
    }
  }
  if (!dueOn) throw new RangeError('the ledger has no 受理 event');
  return { dueOn, signBy, steps };
}

export type DueStatus = 'done' | 'on_track' | 'due_soon' | 'overdue';
export const DUE_STATUS_LABELS: Record<DueStatus, string> = { done: '已回复', on_track: '办理中', due_soon: '即将到期', overdue: '已超期' };

/** Where an open item stands on `today`; due soon = within `soonDays` working days. */
export function dueStatus(dueOn: string, today: string, repliedOn: string | null, soonDays: number, cal: WorkCalendar): DueStatus {
  if (repliedOn) return 'done';
  if (today > dueOn) return 'overdue';
  return workingDaysBetween(today, dueOn, cal) <= soonDays ? 'due_soon' : 'on_track';
}

/** 按时办结: replied on or before the due date. */
export function repliedOnTime(repliedOn: string, dueOn: string): boolean {
  return repliedOn <= dueOn;
}

/** Working days from 受理 to 回复 (start day not counted). */
export function workingDaysTaken(receivedOn: string, repliedOn: string, cal: WorkCalendar): number {
  return workingDaysBetween(receivedOn, repliedOn, cal);
}
