import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkingDays, buildCalendar, CalendarYearMissingError, workingDaysBetween } from '../../../core/calendar/working-days.ts';
import { withProvisionalNextYear } from '../../../core/calendar/provisional.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { appendClockEvent, checkClockEvent, computeClock, dueStatus, publicSteps, type ClockEvent } from './clock.ts';
import { workdayIndex } from './workdays.ts';

const cal = buildCalendar(OFFICIAL_YEARS);
const TODAY = '2026-11-26';

// Each case: a ledger with concrete dates and the due date the law gives (computed by hand with the
// 2026 notice: 中秋 09-25..27, 国庆 10-01..07, make-up days 09-20 and 10-10; 端午 06-19..21).
const dueCases: { name: string; events: ClockEvent[]; due: string | null; status: string; paused?: number; extension?: number }[] = [
  {
    name: 'received 2026-09-28 (Mon): 20 working days across 国庆 2026 (10-10 Saturday works) → 2026-10-30',
    events: [{ kind: 'received', on: '2026-09-28' }],
    due: '2026-10-30',
    status: 'running',
  },
  {
    name: '补正: sent 03-05, corrected application 03-16 → 20 days restart from 03-16 → 2026-04-14 (清明 04-04..06)',
    events: [
      { kind: 'received', on: '2026-03-02' },
      { kind: 'clarification_sent', on: '2026-03-05', correctBy: '2026-03-20' },
      { kind: 'correction_received', on: '2026-03-16' },
    ],
    due: '2026-04-14',
    status: 'running',
  },
  {
    name: 'while awaiting 补正 the clock is stopped: no due date',
    events: [
      { kind: 'received', on: '2026-03-02' },
      { kind: 'clarification_sent', on: '2026-03-05', correctBy: '2026-03-20' },
    ],
    due: null,
    status: 'awaiting_correction',
  },
  {
    name: 'third-party consultation 06-10 → 06-24 pauses 9 working days: 06-30 → 2026-07-13 (端午 06-19 off)',
    events: [
      { kind: 'received', on: '2026-06-01' },
      { kind: 'consultation_sent', on: '2026-06-10', ref: 'C1', party: 'third_party', partyName: '某某公司' },
      { kind: 'consultation_answered', on: '2026-06-24', ref: 'C1' },
    ],
    due: '2026-07-13',
    status: 'running',
    paused: 9,
  },
  {
    name: 'consultation still open: paused, no due date',
    events: [
      { kind: 'received', on: '2026-06-01' },
      { kind: 'consultation_sent', on: '2026-06-10', ref: 'C1', party: 'agency', partyName: '楚雄市自然资源局' },
    ],
    due: null,
    status: 'paused',
  },
  {
    name: 'extension of 20 working days approved 06-25: 06-30 → 2026-07-28',
    events: [
      { kind: 'received', on: '2026-06-01' },
      { kind: 'extension_approved', on: '2026-06-25', days: 20 },
    ],
    due: '2026-07-28',
    status: 'running',
    extension: 20,
  },
  {
    name: 'consultation + extension add up: 20 + 20 + 9 from 06-01 → 2026-08-10',
    events: [
      { kind: 'received', on: '2026-06-01' },
      { kind: 'consultation_sent', on: '2026-06-10', ref: 'C1', party: 'third_party' },
      { kind: 'consultation_answered', on: '2026-06-24', ref: 'C1' },
      { kind: 'extension_approved', on: '2026-07-10', days: 20 },
    ],
    due: '2026-08-10',
    status: 'running',
    paused: 9,
    extension: 20,
  },
  {
    name: 'fee notice 11-10, paid 11-20: 8 working days paused (default setting): 11-30 → 2026-12-10',
    events: [
      { kind: 'received', on: '2026-11-02' },
      { kind: 'fee_notice_sent', on: '2026-11-10', amountYuan: 700 },
      { kind: 'fee_paid', on: '2026-11-20' },
    ],
    due: '2026-12-10',
    status: 'running',
    paused: 8,
  },
  {
    name: 'overlapping consultation and fee wait pause once: (06-10, 06-24] = 9 working days → 2026-07-13',
    events: [
      { kind: 'received', on: '2026-06-01' },
      { kind: 'consultation_sent', on: '2026-06-10', ref: 'C1', party: 'third_party' },
      { kind: 'fee_notice_sent', on: '2026-06-12' },
      { kind: 'consultation_answered', on: '2026-06-17', ref: 'C1' },
      { kind: 'fee_paid', on: '2026-06-24' },
    ],
    due: '2026-07-13',
    status: 'running',
    paused: 9,
  },
  {
    name: 'received on a holiday (2026-10-03): counting starts the next working day (10-08), 10-10 works → 2026-11-03',
    events: [{ kind: 'received', on: '2026-10-03' }],
    due: '2026-11-03',
    status: 'running',
  },
];

for (const c of dueCases) {
  test(`clock: ${c.name}`, () => {
    // Each ledger is valid, event by event.
    for (let i = 0; i < c.events.length; i++) {
      assert.deepEqual(checkClockEvent(c.events.slice(0, i), c.events[i]!, cal, TODAY), [], `event ${i}`);
    }
    const r = computeClock(c.events, cal);
    assert.equal(r.dueOn, c.due);
    assert.equal(r.status, c.status);
    assert.equal(r.pausedDays, c.paused ?? 0);
    assert.equal(r.extensionDays, c.extension ?? 0);
    if (c.due && r.startOn) assert.equal(addWorkingDays(r.startOn, r.totalDays, cal), c.due, 'agrees with core/calendar');
    assert.equal(r.steps.length, c.events.length);
  });
}

test('clock: the explanation names each event, the days counted and how the due date was computed', () => {
  const r = computeClock(dueCases[3]!.events, cal);
  assert.deepEqual(
    r.steps.map((s) => [s.on, s.label, s.counted, s.paused, s.dueOn]),
    [
      ['2026-06-01', '收到申请', 0, 0, '2026-06-30'],
      ['2026-06-10', '发出征求意见', 7, 0, null],
      ['2026-06-24', '收到征求意见答复', 7, 9, '2026-07-13'],
    ],
  );
  assert.match(r.steps[0]!.effect, /当日不计入，自次日起计算20个工作日，答复期限 2026-06-30/);
  assert.match(r.steps[1]!.effect, /应于 2026-07-02 前答复/);
  assert.match(r.steps[1]!.effect, /尚余 13 个工作日/);
  assert.match(r.steps[2]!.effect, /暂停 9 个工作日（2026-06-10 次日至 2026-06-24），恢复计算，答复期限顺延至 2026-07-13/);
  assert.equal(r.summary, '答复期限 2026-07-13 = 收到申请之日 2026-06-01（当日不计入） + 20 个工作日（第三十三条） + 暂停不计入的 9 个工作日。');
  assert.equal(r.consultations[0]!.answerBy, '2026-07-02');
});

test('clock: the third party has 15 working days, across 中秋 and 国庆 (sent 2026-09-18 → 2026-10-15)', () => {
  const r = computeClock(
    [
      { kind: 'received', on: '2026-09-15' },
      { kind: 'consultation_sent', on: '2026-09-18', ref: 'C1', party: 'third_party' },
    ],
    cal,
  );
  assert.equal(r.consultations[0]!.answerBy, '2026-10-15');
  assert.equal(r.remainingAtPause, 17);
  // "no answer" only after the 15 days.
  const early = checkClockEvent(
    [
      { kind: 'received', on: '2026-09-15' },
      { kind: 'consultation_sent', on: '2026-09-18', ref: 'C1', party: 'third_party' },
    ],
    { kind: 'consultation_answered', on: '2026-10-15', ref: 'C1', noAnswer: true },
    cal,
    TODAY,
  );
  assert.deepEqual(early, ['第三方提出意见的期限 2026-10-15 尚未届满，不能按逾期未提出意见处理']);
});

test('clock: fee wait does not stop the clock when the setting is off; payment deadline is 20 working days', () => {
  const events: ClockEvent[] = [
    { kind: 'received', on: '2026-11-02' },
    { kind: 'fee_notice_sent', on: '2026-11-10', amountYuan: 700 },
  ];
  const off = computeClock(events, cal, { feePausesClock: false });
  assert.equal(off.status, 'running');
  assert.equal(off.dueOn, '2026-11-30');
  assert.equal(off.fee!.payBy, '2026-12-08');
  const on = computeClock(events, cal);
  assert.equal(on.status, 'paused');
  assert.equal(on.dueOn, null);
  assert.equal(on.pausedSince, '2026-11-10');
});

test('clock: non-payment ends the request only after the payment deadline', () => {
  const events: ClockEvent[] = [
    { kind: 'received', on: '2026-09-01' },
    { kind: 'fee_notice_sent', on: '2026-09-08' },
  ];
  const payBy = computeClock(events, cal).fee!.payBy;
  // 09-20 (Sunday) is a make-up working day, 中秋 09-25 and 国庆 10-01..07 are not, 10-10 (Saturday) is.
  assert.equal(payBy, '2026-10-12');
  assert.deepEqual(checkClockEvent(events, { kind: 'fee_lapsed', on: '2026-10-12' }, cal, TODAY), ['缴费期限 2026-10-12 尚未届满']);
  assert.deepEqual(checkClockEvent(events, { kind: 'fee_paid', on: '2026-10-13' }, cal, TODAY), ['缴费期限 2026-10-12 已过，逾期未缴纳的视为放弃申请']);
  const r = appendClockEvent(events, { kind: 'fee_lapsed', on: '2026-10-13' }, cal, TODAY);
  assert.ok(r.ok);
  assert.equal(r.clock.closedBy, 'no_payment');
  assert.equal(r.clock.status, 'closed');
});

test('clock: 补正 notice within 7 working days (received 2026-04-30 → by 2026-05-13); later only with a reason, flagged late', () => {
  const received: ClockEvent[] = [{ kind: 'received', on: '2026-04-30' }];
  assert.equal(computeClock(received, cal).clarificationNoticeBy, '2026-05-13');
  assert.deepEqual(checkClockEvent(received, { kind: 'clarification_sent', on: '2026-05-13', correctBy: '2026-05-27' }, cal, TODAY), []);
  assert.deepEqual(checkClockEvent(received, { kind: 'clarification_sent', on: '2026-05-14', correctBy: '2026-05-28' }, cal, TODAY), [
    '补正告知应当在收到申请之日起7个工作日内（即 2026-05-13 前）发出；逾期发出须记录理由',
  ]);
  const late = appendClockEvent(received, { kind: 'clarification_sent', on: '2026-05-14', correctBy: '2026-05-28', lateReason: '申请材料经邮寄转送，2026-05-14 才到达承办人' }, cal, TODAY);
  assert.ok(late.ok);
  assert.equal(late.clock.clarification!.late, true);
  assert.deepEqual(late.clock.flags, ['补正告知于 2026-05-14 发出，晚于7个工作日期限 2026-05-13（理由：申请材料经邮寄转送，2026-05-14 才到达承办人）']);
});

test('clock: 补正 only once; no correction in time ends the request', () => {
  const events: ClockEvent[] = [
    { kind: 'received', on: '2026-03-02' },
    { kind: 'clarification_sent', on: '2026-03-05', correctBy: '2026-03-20' },
  ];
  assert.deepEqual(checkClockEvent(events, { kind: 'clarification_sent', on: '2026-03-06', correctBy: '2026-03-25' }, cal, TODAY), [
    '已于 2026-03-05 发出补正告知，依照第三十条只能一次性告知补正',
  ]);
  assert.deepEqual(checkClockEvent(events, { kind: 'correction_lapsed', on: '2026-03-20' }, cal, TODAY), ['补正期限 2026-03-20 尚未届满，不能按逾期不补正处理']);
  assert.deepEqual(checkClockEvent(events, { kind: 'correction_received', on: '2026-03-23' }, cal, TODAY), [
    '补正期限 2026-03-20 已过；申请人有正当理由逾期补正的，须记录理由',
  ]);
  const r = appendClockEvent(events, { kind: 'correction_lapsed', on: '2026-03-23' }, cal, TODAY);
  assert.ok(r.ok);
  assert.equal(r.clock.closedBy, 'no_correction');
  assert.equal(r.clock.dueOn, null);
  // After 补正 the once-only rule still holds once corrected.
  const corrected = [...events, { kind: 'correction_received', on: '2026-03-16' } as ClockEvent];
  assert.match(checkClockEvent(corrected, { kind: 'clarification_sent', on: '2026-03-17', correctBy: '2026-03-30' }, cal, TODAY)[0]!, /一次性告知补正/);
});

test('clock: one extension only, of at most 20 working days, before the period ends', () => {
  const base: ClockEvent[] = [{ kind: 'received', on: '2026-06-01' }];
  assert.deepEqual(checkClockEvent(base, { kind: 'extension_approved', on: '2026-06-25', days: 21 }, cal, TODAY), [
    '延期最长不得超过20个工作日（第三十三条），申请的是 21 个工作日',
  ]);
  assert.deepEqual(checkClockEvent(base, { kind: 'extension_approved', on: '2026-06-25', days: 0 }, cal, TODAY), ['延期天数应为 1 至 20 的整数（工作日）']);
  assert.deepEqual(checkClockEvent(base, { kind: 'extension_approved', on: '2026-07-01', days: 10 }, cal, TODAY), ['答复期限 2026-06-30 已届满，不能再批准延期']);
  const once = [...base, { kind: 'extension_approved', on: '2026-06-25', days: 5 } as ClockEvent];
  assert.deepEqual(checkClockEvent(once, { kind: 'extension_approved', on: '2026-06-26', days: 5 }, cal, TODAY), [
    '已于 2026-06-25 延期 5 个工作日；依照第三十三条只能延期一次',
  ]);
});

test('clock: a future date is refused; events must be in order', () => {
  assert.deepEqual(checkClockEvent([], { kind: 'received', on: '2026-11-27' }, cal, TODAY), ['收到申请日期 2026-11-27 晚于今天（2026-11-26），不能登记将来的日期']);
  assert.deepEqual(checkClockEvent([{ kind: 'received', on: '2026-06-01' }], { kind: 'replied', on: '2026-05-29' }, cal, TODAY), ['作出答复日期 2026-05-29 早于上一事件日期 2026-06-01']);
  assert.deepEqual(checkClockEvent([], { kind: 'replied', on: '2026-05-29' }, cal, TODAY), ['尚未确定收到申请之日，不能记录其他事件']);
  assert.match(checkClockEvent([], { kind: 'received', on: '2026-02-30' }, cal, TODAY)[0]!, /日期无效/);
});

test('clock: reply on time and late; the working days taken exclude pauses', () => {
  const onTime = computeClock([...dueCases[3]!.events, { kind: 'replied', on: '2026-07-13' }], cal);
  assert.equal(onTime.onTime, true);
  assert.equal(onTime.dueOn, '2026-07-13');
  assert.equal(onTime.workingDaysTaken, 20);
  const late = computeClock([{ kind: 'received', on: '2026-09-28' }, { kind: 'replied', on: '2026-11-02' }], cal);
  assert.equal(late.onTime, false);
  assert.equal(late.workingDaysTaken, 21);
  assert.deepEqual(late.flags, ['答复日期 2026-11-02 晚于答复期限 2026-10-30（逾期 1 个工作日）']);
  assert.deepEqual(checkClockEvent([{ kind: 'received', on: '2026-09-28' }, { kind: 'replied', on: '2026-11-02' }], { kind: 'withdrawn', on: '2026-11-03' }, cal, TODAY), [
    '该申请已于 2026-11-02 答复，办理已结束，不能再记录事件',
  ]);
});

test('clock: reply refused while a consultation is open or a fee is unpaid', () => {
  const open: ClockEvent[] = [
    { kind: 'received', on: '2026-06-01' },
    { kind: 'consultation_sent', on: '2026-06-10', ref: 'C1', party: 'third_party' },
  ];
  assert.deepEqual(checkClockEvent(open, { kind: 'replied', on: '2026-06-12' }, cal, TODAY), ['尚有征求意见未答复，请先记录答复或逾期未提出意见']);
  const fee: ClockEvent[] = [
    { kind: 'received', on: '2026-06-01' },
    { kind: 'fee_notice_sent', on: '2026-06-10' },
  ];
  assert.deepEqual(checkClockEvent(fee, { kind: 'replied', on: '2026-06-12' }, cal, TODAY), ['尚在等待申请人缴费']);
});

test('clock: a consultation begun after the due date does not revive the period', () => {
  const r = computeClock(
    [
      { kind: 'received', on: '2026-06-01' },
      { kind: 'consultation_sent', on: '2026-07-02', ref: 'C1', party: 'agency' },
    ],
    cal,
  );
  assert.equal(r.status, 'running');
  assert.equal(r.dueOn, '2026-06-30');
  assert.deepEqual(r.flags, ['2026-07-02 开始的征求意见晚于答复期限 2026-06-30，不再暂停计算（已逾期）']);
});

test('clock: a period running into a year without calendar data is refused, naming the year', () => {
  assert.throws(() => computeClock([{ kind: 'received', on: '2026-12-20' }], cal), (e: unknown) => e instanceof CalendarYearMissingError && e.year === 2027);
});

test('dueStatus: due soon within 3 working days, due today, overdue by working days', () => {
  const clock = { status: 'running' as const, dueOn: '2026-10-30' };
  assert.deepEqual(dueStatus(clock, '2026-10-26', cal), { status: 'running', workingDaysLeft: 4, overdueWorkingDays: null });
  assert.deepEqual(dueStatus(clock, '2026-10-27', cal), { status: 'due_soon', workingDaysLeft: 3, overdueWorkingDays: null });
  assert.deepEqual(dueStatus(clock, '2026-10-30', cal), { status: 'due_today', workingDaysLeft: 0, overdueWorkingDays: null });
  assert.deepEqual(dueStatus(clock, '2026-11-03', cal), { status: 'overdue', workingDaysLeft: 0, overdueWorkingDays: 2 });
  assert.deepEqual(dueStatus({ status: 'paused', dueOn: null }, '2026-11-03', cal), { status: 'paused', workingDaysLeft: null, overdueWorkingDays: null });
});

test('publicSteps: third parties and other agencies are not named to the applicant', () => {
  const r = computeClock(dueCases[3]!.events, cal);
  const pub = publicSteps(r);
  assert.equal(pub.length, 3);
  assert.doesNotMatch(JSON.stringify(pub), /某某公司/);
  assert.match(JSON.stringify(r.steps), /某某公司/);
});

test('workdayIndex agrees with core/calendar for every start day 2024-01-01…2026-10-15 and n = 0…45', () => {
  const idx = workdayIndex(cal);
  let checked = 0;
  for (let d = '2024-01-01'; d <= '2026-10-15'; d = nextDay(d)) {
    for (const n of [0, 1, 2, 7, 15, 20, 40, 45]) {
      assert.equal(idx.add(d, n), addWorkingDays(d, n, cal), `${d} + ${n}`);
    }
    assert.equal(idx.between(d, '2026-12-31'), workingDaysBetween(d, '2026-12-31', cal), d);
    checked++;
  }
  assert.equal(checked, 1019);
  // The day before the first covered year may start a period (2024-01-01 is 元旦).
  assert.equal(idx.add('2023-12-31', 1), '2024-01-02');
  assert.throws(() => idx.add('2026-12-20', 20), (e: unknown) => e instanceof CalendarYearMissingError && e.year === 2027);
  assert.throws(() => idx.add('2026-02-30', 1), RangeError);
});

test('the index counts a provisional year like the day-by-day count, and still refuses the year after', () => {
  const prov = withProvisionalNextYear(cal);
  const idx = workdayIndex(prov);
  for (let d = '2026-11-01'; d <= '2027-10-15'; d = nextDay(d)) {
    for (const n of [1, 15, 20, 40]) assert.equal(idx.add(d, n), addWorkingDays(d, n, prov), `${d} + ${n}`);
    assert.equal(idx.between('2026-11-01', d), workingDaysBetween('2026-11-01', d, prov), d);
  }
  // Received Sun 2026-12-20: due Mon 2027-01-18 (元旦 skipped), as the law's 20 working days give it.
  assert.equal(computeClock([{ kind: 'received', on: '2026-12-20' }], prov).dueOn, '2027-01-18');
  assert.throws(() => idx.add('2027-12-20', 20), (e: unknown) => e instanceof CalendarYearMissingError && e.year === 2028);
});

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`).getTime() + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
