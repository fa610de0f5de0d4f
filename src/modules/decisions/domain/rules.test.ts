import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decisionStatus, isPastPlan, publicationRefusals, stepProblems, stepStates, type StepRecord } from './steps.ts';
import { hearingErrors } from './hearing.ts';
import { nextReportDue, parentPercent, taskFlag, validateProgress } from './progress.ts';

const done = (step: StepRecord['step'], doneOn: string): StepRecord => ({ step, state: 'done', doneOn, skipReason: null });
const skipped = (step: StepRecord['step'], skipReason: string): StepRecord => ({ step, state: 'skipped', doneOn: null, skipReason });
const input = { state: 'done', doneOn: '2026-06-01', actor: '市司法局', summary: '经审查，草案合法。', documents: '', skipReason: '' };
const beforeLegality = [done('launch', '2026-03-02'), done('participation', '2026-04-20'), done('expert', '2026-05-06'), done('risk', '2026-05-10'), skipped('hearing', '不涉及特定群体重大利益')];

describe('steps of a major decision', () => {
  it('records a step only after its prerequisites, once, dated no later than today', () => {
    assert.deepEqual(stepProblems('legality', input, beforeLegality, '2026-06-02'), { errors: {}, refusals: [] });
    assert.deepEqual(stepProblems('legality', input, beforeLegality.slice(0, 3), '2026-06-02').refusals, ['请先办理“风险评估”、“听证”，再记录“合法性审查”。']);
    assert.deepEqual(stepProblems('legality', { ...input, doneOn: '2026-06-03' }, beforeLegality, '2026-06-02').errors, { doneOn: '办理日期不能晚于今天（2026-06-02）' });
    assert.deepEqual(stepProblems('legality', { ...input, doneOn: '2026-05-08' }, beforeLegality, '2026-06-02').errors, { doneOn: '办理日期不能早于“风险评估”的日期（2026-05-10）' });
    assert.deepEqual(stepProblems('launch', input, beforeLegality, '2026-06-02').refusals, ['“决策启动”已经记录，不能重复记录。']);
  });

  it('never skips a required step, and skips the others only with a reason', () => {
    assert.deepEqual(stepProblems('legality', { ...input, state: 'skipped', skipReason: '时间紧' }, beforeLegality, '2026-06-02').refusals, ['“合法性审查”是法定必经程序，不能跳过。']);
    assert.deepEqual(stepProblems('expert', { ...input, state: 'skipped', skipReason: '' }, [done('launch', '2026-03-02')], '2026-06-02').errors, { skipReason: '请说明未履行该程序的理由（将在决策页面公开）' });
    assert.deepEqual(stepProblems('hearing', { ...input, state: 'skipped', skipReason: '' }, [done('launch', '2026-03-02')], '2026-06-02').errors, { skipReason: '请说明不举行的理由' });
    assert.deepEqual(stepProblems('hearing', { ...input, state: 'skipped', skipReason: '不涉及特定群体重大利益' }, [done('launch', '2026-03-02')], '2026-06-02'), { errors: {}, refusals: [] });
  });

  it('refuses publication while comments are unanswered or unpublished', () => {
    const decided = [...beforeLegality, done('legality', '2026-06-01'), done('collective', '2026-06-15')];
    assert.deepEqual(publicationRefusals(decided, { closed: false, unanswered: 2, endsOn: '2026-04-19' }, '共收到意见12条……'), [
      '公开征求意见还有2条意见没有答复，逐条答复（采纳、部分采纳或不予采纳并说明理由）后才能公布决策。',
      '请先结束征集并公布意见采纳情况，再公布决策。',
    ]);
    assert.deepEqual(publicationRefusals(decided, { closed: true, unanswered: 0, endsOn: '2026-04-19' }, '共收到意见12条……'), []);
    assert.deepEqual(publicationRefusals(beforeLegality, null, ''), ['决策尚未经集体讨论决定，不能公布。', '公众参与已记录，但没有公开征求意见记录。', '请填写公众意见、专家意见的采纳情况说明。']);
    // 公众参与 skipped with a reason (e.g. 依法不予公开): no comment period needed.
    assert.deepEqual(publicationRefusals([done('launch', '2026-03-02'), skipped('participation', '依法不予公开'), done('collective', '2026-06-15')], null, '未公开征求意见，理由见上。'), []);
  });

  it('shows each step as done, skipped, owed or waiting, and the catalog status', () => {
    const states = stepStates(beforeLegality);
    assert.deepEqual(
      states.map((s) => `${s.label}:${s.state}`),
      ['决策启动:done', '公众参与:done', '专家论证:done', '风险评估:done', '听证:skipped', '合法性审查:owed', '集体讨论决定:waiting', '决策公布:waiting', '决策执行:waiting', '决策后评估:waiting'],
    );
    assert.equal(decisionStatus([done('launch', '2026-03-02')], true), 'consulting');
    assert.equal(decisionStatus(beforeLegality, false), 'reviewing');
    assert.equal(decisionStatus([...beforeLegality, done('collective', '2026-06-15')], false), 'decided');
    assert.equal(isPastPlan('2026-06-30', beforeLegality, '2026-07-01'), true);
    assert.equal(isPastPlan('2026-06-30', beforeLegality, '2026-06-30'), false);
  });
});

describe('hearings', () => {
  const h = { noticeOn: '2026-05-20', participantsPublishedOn: '2026-05-28', materialsSentOn: '2026-06-03', heldOn: '2026-06-10' };
  it('needs the materials at least 7 days before and the participants published in advance', () => {
    assert.deepEqual(hearingErrors(h), {});
    assert.deepEqual(hearingErrors({ ...h, materialsSentOn: '2026-06-04' }), { materialsSentOn: '听证材料应于听证会7日前送达参加人（现为6日前），最晚为2026-06-03' });
    assert.deepEqual(hearingErrors({ ...h, participantsPublishedOn: '2026-06-10' }), { participantsPublishedOn: '听证参加人名单应在听证会之前向社会公布' });
    assert.deepEqual(hearingErrors({ ...h, heldOn: '2026-02-30' }), { heldOn: '听证会日期应为有效日期，格式如 2026-06-10' });
  });
});

describe('key tasks and progress', () => {
  it('averages the children for a parent, a child without a report counting 0', () => {
    assert.equal(parentPercent([60, 100, 0]), 53);
    assert.equal(parentPercent([]), 0);
    assert.equal(parentPercent([100, 100]), 100);
  });

  it('flags late reports and missed deadlines', () => {
    const t = { startsOn: '2026-02-01', dueOn: '2026-12-31', reportEveryDays: 30 };
    assert.equal(nextReportDue('2026-02-01', null, 30), '2026-03-03');
    assert.equal(nextReportDue('2026-02-01', '2026-10-31', 30), '2026-11-30');
    assert.equal(taskFlag(t, { reportedOn: '2026-10-31', percent: 70 }, '2026-11-30'), 'on_track');
    assert.equal(taskFlag(t, { reportedOn: '2026-10-31', percent: 70 }, '2026-12-01'), 'report_late');
    assert.equal(taskFlag(t, { reportedOn: '2026-12-20', percent: 90 }, '2027-01-01'), 'overdue');
    assert.equal(taskFlag(t, { reportedOn: '2026-12-20', percent: 100 }, '2027-01-01'), 'done');
    assert.equal(taskFlag(t, null, '2026-03-04'), 'report_late');
  });

  it('checks a progress report', () => {
    const ok = { reportedOn: '2026-06-30', percent: '65', done: '完成主体工程65%', problems: '', nextSteps: '' };
    assert.deepEqual(validateProgress(ok, '2026-07-01', 50), {});
    assert.deepEqual(validateProgress({ ...ok, percent: '101' }, '2026-07-01', null), { percent: '完成进度应为0到100的整数' });
    assert.deepEqual(validateProgress({ ...ok, percent: '40' }, '2026-07-01', 50), { percent: '完成进度不能低于上次公布的50%；如有倒退，请在“存在问题”中说明' });
    assert.deepEqual(validateProgress({ ...ok, reportedOn: '2026-07-02', done: ' ' }, '2026-07-01', null), { reportedOn: '报告日期不能晚于今天（2026-07-01）', done: '请填写已完成的工作' });
  });
});
