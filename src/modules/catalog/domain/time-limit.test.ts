import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../../../core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { describeTimeLimit, isOverdue, nextDueDate, normaliseTimeLimitText, parseTimeLimit } from './time-limit.ts';
import type { TimeLimitRule } from './types.ts';

const cal = buildCalendar(OFFICIAL_YEARS);

const formed20: TimeLimitRule = { kind: 'working_days_after_formed', days: 20 };
const npc20: TimeLimitRule = { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' };
const penalty7: TimeLimitRule = { kind: 'working_days_after_event', days: 7, event: '作出行政处罚决定' };
const jan31: TimeLimitRule = { kind: 'yearly_by', month: 1, day: 31 };
const mar31: TimeLimitRule = { kind: 'yearly_by', month: 3, day: 31 };
const feb29: TimeLimitRule = { kind: 'yearly_by', month: 2, day: 29 };
const monthly10: TimeLimitRule = { kind: 'periodic', period: 'monthly', daysAfterPeriod: 10, workingDays: false };
const monthly5wd: TimeLimitRule = { kind: 'periodic', period: 'monthly', daysAfterPeriod: 5, workingDays: true };
const quarterly15: TimeLimitRule = { kind: 'periodic', period: 'quarterly', daysAfterPeriod: 15, workingDays: false };
const quarterly15wd: TimeLimitRule = { kind: 'periodic', period: 'quarterly', daysAfterPeriod: 15, workingDays: true };
const quarterly0: TimeLimitRule = { kind: 'periodic', period: 'quarterly', daysAfterPeriod: 0, workingDays: false };
const halfYear0: TimeLimitRule = { kind: 'periodic', period: 'half_yearly', daysAfterPeriod: 0, workingDays: false };
const halfYear30: TimeLimitRule = { kind: 'periodic', period: 'half_yearly', daysAfterPeriod: 30, workingDays: false };
const yearly0: TimeLimitRule = { kind: 'periodic', period: 'yearly', daysAfterPeriod: 0, workingDays: false };
const unknown = { rule: { kind: 'not_computable' } as TimeLimitRule, recognised: false };

const parseCases: { text: string; rule: TimeLimitRule; recognised?: boolean }[] = [
  // 条例 第二十六条 and its spellings in catalogs.
  { text: '信息形成（变更）之日起20个工作日内', rule: formed20 },
  { text: '自该信息形成或者变更之日起20个工作日内', rule: formed20 },
  { text: '形成或变更之日起20个工作日内', rule: formed20 },
  { text: '自该政府信息形成或者变更之日起二十个工作日内，法律、法规另有规定的，从其规定', rule: formed20 },
  { text: '信息形成（变更）之日起２０个工作日内', rule: formed20 },
  { text: ' 信息形成 (变更) 之日起 20 个工作日内 ', rule: formed20 },
  { text: '信息形成之日起20个工作日内', rule: formed20 },
  { text: '政府信息变更之日起20个工作日内', rule: formed20 },
  { text: '信息形成后15个工作日内', rule: { kind: 'working_days_after_formed', days: 15 } },
  { text: '20个工作日内', rule: formed20 },
  // 预算法 第十四条: calendar days after an approval.
  { text: '本级人民代表大会或其常务委员会批准后20日内', rule: npc20 },
  { text: '本级人民代表大会或其常务委员会批准后二十日内', rule: npc20 },
  { text: '本级政府财政部门批复后20日内', rule: { kind: 'calendar_days_after_event', days: 20, event: '本级政府财政部门批复' } },
  { text: '在本级政府财政部门批复后20天内', rule: { kind: 'calendar_days_after_event', days: 20, event: '本级政府财政部门批复' } },
  { text: '自收到申请之日起三十日内', rule: { kind: 'calendar_days_after_event', days: 30, event: '收到申请' } },
  // Working days after another event.
  { text: '作出行政处罚决定之日起7个工作日内', rule: penalty7 },
  { text: '作出行政处罚决定之日起七个工作日内', rule: penalty7 },
  { text: '行政许可决定作出之日起十五个工作日内', rule: { kind: 'working_days_after_event', days: 15, event: '行政许可决定作出' } },
  { text: '作出变更登记决定之日起7个工作日内', rule: { kind: 'working_days_after_event', days: 7, event: '作出变更登记决定' } },
  // Fixed yearly dates (条例 第四十九条).
  { text: '每年1月31日前', rule: jan31 },
  { text: '每年3月31日前', rule: mar31 },
  { text: '每年１月３１日前', rule: jan31 },
  { text: '每年一月三十一日前', rule: jan31 },
  { text: '次年1月底前', rule: jan31 },
  { text: '于每年3月31日之前公开上一年度报告', rule: mar31 },
  { text: '每年2月底前', rule: feb29 },
  { text: '每年13月1日前', ...unknown },
  { text: '每年2月30日前', ...unknown },
  // Periodic.
  { text: '每月10日前', rule: monthly10 },
  { text: '每月10号前', rule: monthly10 },
  { text: '次月十日前', rule: monthly10 },
  { text: '每月结束后10日内', rule: monthly10 },
  { text: '每月前5个工作日', rule: monthly5wd },
  { text: '每季度结束后15日内', rule: quarterly15 },
  { text: '每季度结束后十五日内', rule: quarterly15 },
  { text: '季度终了后15个工作日内', rule: quarterly15wd },
  { text: '次季度首月15日前', rule: quarterly15 },
  { text: '每季度', rule: quarterly0 },
  { text: '按季度更新', rule: quarterly0 },
  { text: '每半年', rule: halfYear0 },
  { text: '每半年结束后30日内', rule: halfYear30 },
  { text: '每年', rule: yearly0 },
  { text: '每年更新', rule: yearly0 },
  { text: '每月', rule: { kind: 'periodic', period: 'monthly', daysAfterPeriod: 0, workingDays: false } },
  { text: '年度结束后30日内', rule: { kind: 'periodic', period: 'yearly', daysAfterPeriod: 30, workingDays: false } },
  // Real time.
  { text: '实时公开', rule: { kind: 'realtime' } },
  { text: '实时', rule: { kind: 'realtime' } },
  { text: '即时公开', rule: { kind: 'realtime' } },
  // Known, but no computable deadline.
  { text: '及时公开', rule: { kind: 'not_computable', note: '及时公开' } },
  { text: '长期公开', rule: { kind: 'not_computable', note: '长期公开' } },
  { text: '常态化公开', rule: { kind: 'not_computable', note: '常态化公开' } },
  { text: '信息形成后及时公开。', rule: { kind: 'not_computable', note: '信息形成后及时公开' } },
  { text: '动态更新', rule: { kind: 'not_computable', note: '动态更新' } },
  // Unknown: kept as text, flagged.
  { text: '看情况', ...unknown },
  { text: '', ...unknown },
  { text: '   ', ...unknown },
  { text: '年度终了后3个月内', ...unknown },
  { text: '两周内', ...unknown },
  { text: '20日内', ...unknown },
  { text: '每周一', ...unknown },
];

for (const c of parseCases) {
  test(`parseTimeLimit(${JSON.stringify(c.text)})`, () => {
    assert.deepEqual(parseTimeLimit(c.text), { rule: c.rule, recognised: c.recognised ?? true });
  });
}

test('normaliseTimeLimitText: full-width digits and brackets, spaces, Chinese numerals', () => {
  assert.equal(normaliseTimeLimitText('信息形成（变更）之日起　２０ 个工作日内'), '信息形成(变更)之日起20个工作日内');
  assert.equal(normaliseTimeLimitText('二十个工作日'), '20个工作日');
  assert.equal(normaliseTimeLimitText('十五日'), '15日');
  assert.equal(normaliseTimeLimitText('七个工作日'), '7个工作日');
  assert.equal(normaliseTimeLimitText('三十日'), '30日');
  assert.equal(normaliseTimeLimitText('十二月三十一日前'), '12月31日前');
  assert.equal(normaliseTimeLimitText('一百二十日'), '120日');
  // Numerals that do not count days stay: 第二十六条, 一级事项.
  assert.equal(normaliseTimeLimitText('条例第二十六条'), '条例第二十六条');
  assert.equal(normaliseTimeLimitText('一级事项'), '一级事项');
});

const describeCases: { rule: TimeLimitRule; text: string }[] = [
  { rule: formed20, text: '信息形成或变更之日起20个工作日内' },
  { rule: npc20, text: '本级人民代表大会或其常务委员会批准后20日内' },
  { rule: penalty7, text: '作出行政处罚决定之日起7个工作日内' },
  { rule: jan31, text: '每年1月31日前' },
  { rule: monthly10, text: '每月结束后10日内（次月10日前）' },
  { rule: monthly5wd, text: '每月结束后5个工作日内' },
  { rule: quarterly15, text: '每季度结束后15日内' },
  { rule: quarterly15wd, text: '每季度结束后15个工作日内' },
  { rule: quarterly0, text: '每季度公开（当季度内）' },
  { rule: halfYear0, text: '每半年公开（当半年内）' },
  { rule: halfYear30, text: '每半年结束后30日内' },
  { rule: yearly0, text: '每年度公开（当年内）' },
  { rule: { kind: 'realtime' }, text: '实时公开' },
  { rule: { kind: 'not_computable', note: '及时公开' }, text: '及时公开（无可计算的期限）' },
  { rule: { kind: 'not_computable' }, text: '无可计算的期限' },
];

for (const c of describeCases) {
  test(`describeTimeLimit(${c.rule.kind}) = ${c.text}`, () => {
    assert.equal(describeTimeLimit(c.rule), c.text);
    // Every computable description reads back as the same rule.
    if (c.rule.kind !== 'not_computable') assert.deepEqual(parseTimeLimit(c.text), { rule: c.rule, recognised: true });
  });
}

const dueCases: {
  name: string;
  rule: TimeLimitRule;
  lastEventOn?: string;
  lastPublishedOn?: string;
  today: string;
  due: string | null;
  overdue?: boolean;
  explains: string;
}[] = [
  // Event-based rules: start day not counted.
  { name: '第二十六条: formed 2025-09-22 + 20 WD skips 国庆节、中秋节', rule: formed20, lastEventOn: '2025-09-22', today: '2025-09-23', due: '2025-10-24', explains: '第二十六条' },
  { name: 'formed 2025-12-31 + 20 WD crosses the year', rule: formed20, lastEventOn: '2025-12-31', today: '2026-01-05', due: '2026-01-29', explains: '应于 2026-01-29 前公开' },
  { name: 'formed long ago, not published: overdue', rule: formed20, lastEventOn: '2026-02-10', lastPublishedOn: '2026-01-05', today: '2026-11-26', due: '2026-03-16', overdue: true, explains: '已逾期' },
  { name: 'formed and already published: nothing due', rule: formed20, lastEventOn: '2026-10-12', lastPublishedOn: '2026-10-20', today: '2026-11-26', due: null, explains: '已于 2026-10-20 公开' },
  { name: 'published on the day it was formed', rule: formed20, lastEventOn: '2026-10-12', lastPublishedOn: '2026-10-12', today: '2026-11-26', due: null, explains: '再次发生时重新计算' },
  { name: 'no formed date recorded', rule: formed20, today: '2026-11-26', due: null, explains: '尚未记录“信息形成或变更”的日期' },
  { name: '预算法 第十四条: 批准 2026-01-15 + 20 日', rule: npc20, lastEventOn: '2026-01-15', today: '2026-01-20', due: '2026-02-04', explains: '自次日起算 20 日' },
  { name: '批准 2026-01-31 + 20 日 lands in 春节: not extended (民法典 第二百零三条 not applied: the earlier, safe date)', rule: npc20, lastEventOn: '2026-01-31', today: '2026-02-01', due: '2026-02-20', explains: '应于 2026-02-20 前公开' },
  { name: '作出处罚决定 2026-04-30 + 7 WD skips 劳动节', rule: penalty7, lastEventOn: '2026-04-30', today: '2026-04-30', due: '2026-05-13', explains: '“作出行政处罚决定”于 2026-04-30' },
  { name: 'a year without calendar data is refused, not guessed', rule: formed20, lastEventOn: '2026-12-20', today: '2026-12-21', due: null, explains: '缺少 2027 年' },
  // Fixed yearly dates.
  { name: '每年1月31日前, published 2026-01-20: next is 2027', rule: jan31, lastPublishedOn: '2026-01-20', today: '2026-11-26', due: '2027-01-31', explains: '上次公开于 2026-01-20（对应 2026-01-31 的期限）' },
  { name: '每年1月31日前, published late 2026-03-01: still 2027', rule: jan31, lastPublishedOn: '2026-03-01', today: '2026-11-26', due: '2027-01-31', explains: '对应 2026-01-31 的期限' },
  { name: '每年1月31日前, published early 2026-12-20: next is 2028', rule: jan31, lastPublishedOn: '2026-12-20', today: '2026-12-25', due: '2028-01-31', explains: '对应 2027-01-31 的期限' },
  { name: '每年1月31日前, last published 2025-01-15: 2026 missed', rule: jan31, lastPublishedOn: '2025-01-15', today: '2026-11-26', due: '2026-01-31', overdue: true, explains: '已逾期' },
  { name: '每年1月31日前, nothing published, today after the date', rule: jan31, today: '2026-11-26', due: '2027-01-31', explains: '尚无公开记录' },
  { name: '每年1月31日前, nothing published, today is the date', rule: jan31, today: '2026-01-31', due: '2026-01-31', explains: '应于 2026-01-31 前公开' },
  { name: '每年3月31日前, nothing published', rule: mar31, today: '2026-11-26', due: '2027-03-31', explains: '每年3月31日前公开' },
  { name: '每年2月底前 in a common year', rule: feb29, lastPublishedOn: '2026-02-20', today: '2026-11-26', due: '2027-02-28', explains: '应于 2027-02-28 前公开' },
  { name: '每年2月底前 in a leap year', rule: feb29, lastPublishedOn: '2027-02-20', today: '2027-11-26', due: '2028-02-29', explains: '应于 2028-02-29 前公开' },
  // Periodic.
  { name: '每月10日前, published 2026-11-08 (for October)', rule: monthly10, lastPublishedOn: '2026-11-08', today: '2026-11-26', due: '2026-12-10', explains: '上次公开于 2026-11-08（2026年10月），2026年11月应于 2026-12-10 前公开' },
  { name: '每月10日前, published 2026-12-05: December due in January', rule: monthly10, lastPublishedOn: '2026-12-05', today: '2026-12-06', due: '2027-01-10', explains: '2026年12月应于 2027-01-10' },
  { name: '每月10日前, late publication 2026-11-20 still counts for October', rule: monthly10, lastPublishedOn: '2026-11-20', today: '2026-11-26', due: '2026-12-10', explains: '（2026年10月）' },
  { name: '每月10日前, last published in September: October missed', rule: monthly10, lastPublishedOn: '2026-09-05', today: '2026-11-26', due: '2026-10-10', overdue: true, explains: '已逾期' },
  { name: '每月10日前, nothing published, today 2026-11-05', rule: monthly10, today: '2026-11-05', due: '2026-11-10', explains: '2026年10月应于 2026-11-10' },
  { name: '每月10日前, nothing published, today 2026-11-26', rule: monthly10, today: '2026-11-26', due: '2026-12-10', explains: '尚无公开记录' },
  { name: '每月前5个工作日, published 2026-11-03', rule: monthly5wd, lastPublishedOn: '2026-11-03', today: '2026-11-26', due: '2026-12-07', explains: '2026年11月应于 2026-12-07' },
  { name: '每季度结束后15日内, published 2026-10-12 (for Q3)', rule: quarterly15, lastPublishedOn: '2026-10-12', today: '2026-11-26', due: '2027-01-15', explains: '上次公开于 2026-10-12（2026年第三季度），2026年第四季度应于 2027-01-15 前公开' },
  { name: '每季度结束后15个工作日内, nothing published, 国庆节 skipped', rule: quarterly15wd, today: '2026-10-01', due: '2026-10-27', explains: '2026年第三季度' },
  { name: '每季度 (within the quarter), published 2026-10-05', rule: quarterly0, lastPublishedOn: '2026-10-05', today: '2026-11-26', due: '2027-03-31', explains: '2027年第一季度' },
  { name: '每季度, nothing published: end of this quarter', rule: quarterly0, today: '2026-11-26', due: '2026-12-31', explains: '2026年第四季度' },
  { name: '每半年, published 2026-03-01', rule: halfYear0, lastPublishedOn: '2026-03-01', today: '2026-11-26', due: '2026-12-31', explains: '2026年下半年' },
  { name: '每半年结束后30日内, nothing published', rule: halfYear30, today: '2026-11-26', due: '2027-01-30', explains: '2026年下半年' },
  { name: '每年, nothing published', rule: yearly0, today: '2026-11-26', due: '2026-12-31', explains: '2026年度' },
  // Nothing to compute.
  { name: '实时公开', rule: { kind: 'realtime' }, lastEventOn: '2026-11-20', today: '2026-11-26', due: null, explains: '实时公开' },
  { name: '及时公开', rule: { kind: 'not_computable', note: '及时公开' }, today: '2026-11-26', due: null, explains: '“及时公开”没有可计算的期限' },
  { name: 'unrecognised text', rule: { kind: 'not_computable' }, today: '2026-11-26', due: null, explains: '无法识别' },
];

for (const c of dueCases) {
  test(`nextDueDate: ${c.name}`, () => {
    const r = nextDueDate(c.rule, { lastEventOn: c.lastEventOn, lastPublishedOn: c.lastPublishedOn, today: c.today }, cal);
    assert.equal(r.due, c.due);
    assert.ok(r.explanation.includes(c.explains), r.explanation);
    assert.equal(isOverdue(r.due, c.today), c.overdue ?? false);
    assert.equal(r.explanation.includes('已逾期'), c.overdue ?? false, r.explanation);
  });
}

test('nextDueDate from parsed catalog texts', () => {
  const due = (text: string, input: { lastEventOn?: string; lastPublishedOn?: string; today: string }) =>
    nextDueDate(parseTimeLimit(text).rule, input, cal).due;
  assert.equal(due('自该信息形成或者变更之日起20个工作日内', { lastEventOn: '2025-09-22', today: '2025-09-22' }), '2025-10-24');
  assert.equal(due('本级人民代表大会或其常务委员会批准后20日内', { lastEventOn: '2026-01-15', today: '2026-01-15' }), '2026-02-04');
  assert.equal(due('每年1月31日前', { lastPublishedOn: '2026-01-20', today: '2026-11-26' }), '2027-01-31');
  assert.equal(due('每月10日前', { lastPublishedOn: '2026-11-08', today: '2026-11-26' }), '2026-12-10');
  assert.equal(due('每季度结束后15日内', { lastPublishedOn: '2026-10-12', today: '2026-11-26' }), '2027-01-15');
  assert.equal(due('看情况', { today: '2026-11-26' }), null);
});

test('nextDueDate refuses malformed dates', () => {
  assert.throws(() => nextDueDate(formed20, { lastEventOn: '2026-02-30', today: '2026-11-26' }, cal), RangeError);
  assert.throws(() => nextDueDate(jan31, { today: '2026/11/26' }, cal), /今天的日期格式不正确/);
  assert.throws(() => nextDueDate(monthly10, { lastPublishedOn: '', today: '2026-11-26' }, cal), /上次公开日期/);
});

test('isOverdue: the due day itself is still on time', () => {
  assert.equal(isOverdue('2026-11-26', '2026-11-26'), false);
  assert.equal(isOverdue('2026-11-25', '2026-11-26'), true);
  assert.equal(isOverdue('2026-11-27', '2026-11-26'), false);
  assert.equal(isOverdue(null, '2026-11-26'), false);
});
