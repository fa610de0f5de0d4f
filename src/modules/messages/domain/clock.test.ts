import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../../../core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { computeClock, dueStatus, repliedOnTime, workingDaysTaken, type ClockEvent } from './clock.ts';

const cal = buildCalendar(OFFICIAL_YEARS);

// Worked out by hand on the 2026 schedule (国务院办公厅 2025-11-04): holidays 元旦 01-01–03 (调休 01-04 Sun),
// 春节 02-15–23 (调休 02-14 Sat, 02-28 Sat), 劳动节 05-01–05 (调休 05-09 Sat), 中秋 09-25–27,
// 国庆 10-01–07 (调休 09-20 Sun, 10-10 Sat). The start day is not counted.
const cases: { name: string; limit: number; events: ClockEvent[]; due: string; signBy?: string | null }[] = [
  // 09-25 Fri 中秋, 26 Sat, 27 Sun 中秋; 28 Mon (1), 29 (2), 30 (3).
  { name: '咨询 3 over 中秋', limit: 3, events: [{ kind: 'received', on: '2026-09-24' }], due: '2026-09-30' },
  // 09-30 (1); 10-01–07 国庆; 10-08 (2), 09 (3), 10 Sat 调休 (4), 12–16 (5–9), 19–23 (10–14), 26 Mon (15).
  { name: '投诉 15 over 国庆 with the 10-10 调休 Saturday', limit: 15, events: [{ kind: 'received', on: '2026-09-29' }], due: '2026-10-26' },
  // 02-14 Sat 调休 (1); 02-15–23 春节; 24 (2), 25 (3), 26 (4), 27 (5), 28 Sat 调休 (6), 03-02 Mon (7).
  { name: '求助 7 over 春节 with two 调休 Saturdays', limit: 7, events: [{ kind: 'received', on: '2026-02-13' }], due: '2026-03-02' },
  // Received on a holiday: 01-02, 01-03 holidays; 01-04 Sun 调休 (1), 05 (2), 06 (3).
  { name: '找错 3 received on 元旦', limit: 3, events: [{ kind: 'received', on: '2026-01-01' }], due: '2026-01-06' },
  // 签收 in 1 working day: dispatched Sat 09-19, next working day is Sun 09-20 (调休).
  { name: '签收 the day after a Saturday dispatch is the 调休 Sunday', limit: 7, events: [{ kind: 'received', on: '2026-09-18' }, { kind: 'dispatched', on: '2026-09-19' }], due: '2026-09-29', signBy: '2026-09-20' },
  // 延期 5 from 10-26: 27 (1), 28 (2), 29 (3), 30 (4), 11-02 Mon (5).
  { name: '投诉 15 then 延期 5', limit: 15, events: [{ kind: 'received', on: '2026-09-29' }, { kind: 'extended', on: '2026-10-20', days: 5 }], due: '2026-11-02' },
  // 重办 on 04-30 Thu: 05-01–05 劳动节; 06 (1), 07 (2), 08 (3), 09 Sat 调休 (4), 11–15 (5–9), 18–22 (10–14), 25 Mon (15).
  { name: '投诉 重办 over 劳动节 restarts the 15 days', limit: 15, events: [{ kind: 'received', on: '2026-04-01' }, { kind: 'redo', on: '2026-04-30' }], due: '2026-05-25' },
  // 重办 replaces an earlier extension: 咨询 3 from 04-30 → 05-08.
  { name: '延期 then 重办: the 重办 period counts', limit: 3, events: [{ kind: 'received', on: '2026-04-20' }, { kind: 'extended', on: '2026-04-22', days: 2 }, { kind: 'redo', on: '2026-04-30' }], due: '2026-05-08' },
];
for (const c of cases) {
  test(`due date: ${c.name}`, () => {
    const r = computeClock(c.events, c.limit, 1, cal);
    assert.equal(r.dueOn, c.due);
    if (c.signBy !== undefined) assert.equal(r.signBy, c.signBy);
  });
}

test('the steps explain the due date', () => {
  const r = computeClock([{ kind: 'received', on: '2026-09-29' }, { kind: 'extended', on: '2026-10-20', days: 5 }], 15, 1, cal);
  assert.deepEqual(r.steps, ['2026-09-29 受理，办理时限15个工作日，应于 2026-10-26 前办结', '2026-10-20 批准延期5个工作日，期限延至 2026-11-02']);
});

test('due status, on time and working days taken', () => {
  assert.equal(dueStatus('2026-10-26', '2026-10-27', null, 1, cal), 'overdue');
  assert.equal(dueStatus('2026-10-26', '2026-10-23', null, 1, cal), 'due_soon'); // Fri → Mon is 1 working day
  assert.equal(dueStatus('2026-10-26', '2026-10-22', null, 1, cal), 'on_track');
  assert.equal(dueStatus('2026-10-26', '2026-10-30', '2026-10-20', 1, cal), 'done');
  assert.equal(repliedOnTime('2026-10-26', '2026-10-26'), true);
  assert.equal(repliedOnTime('2026-10-27', '2026-10-26'), false);
  // 09-29 → 10-09: 09-30, 10-08, 10-09 = 3 working days.
  assert.equal(workingDaysTaken('2026-09-29', '2026-10-09', cal), 3);
});
