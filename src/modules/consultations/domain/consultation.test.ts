import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CATALOG_PERIOD_RULE,
  DECISION_PERIOD_RULE,
  closeRefusals,
  commentRefusal,
  isShortened,
  periodErrors,
  consultationStatus,
  maskContact,
  periodDays,
  validateAnswer,
  validateComment,
  validateConsultation,
} from './consultation.ts';

const period = { startsOn: '2026-11-26', endsOn: '2026-12-02', closedAt: null };

describe('comment periods', () => {
  it('has a status from the dates', () => {
    assert.equal(consultationStatus(period, '2026-11-25'), 'upcoming');
    assert.equal(consultationStatus(period, '2026-11-26'), 'open');
    assert.equal(consultationStatus(period, '2026-12-02'), 'open');
    assert.equal(consultationStatus(period, '2026-12-03'), 'ended');
    assert.equal(consultationStatus({ ...period, closedAt: new Date('2026-12-03T02:00:00Z') }, '2026-12-03'), 'closed');
  });

  it('counts both ends of a period', () => {
    assert.equal(periodDays('2026-11-26', '2026-12-02'), 7);
    assert.equal(periodDays('2026-12-28', '2027-01-03'), 7);
    assert.equal(periodDays('2026-11-26', '2026-11-26'), 1);
  });

  it('checks a new period: dates in order, at least 7 days, not in the past', () => {
    const ok = { title: '关于财政预决算领域目录的意见征集', description: '草案说明', ...period };
    assert.deepEqual(validateConsultation(ok, '2026-11-26'), {});
    assert.deepEqual(validateConsultation({ ...ok, endsOn: '2026-12-01' }, '2026-11-26'), { endsOn: '征集期至少7天（含首尾两天），截止日期最早为2026-12-02' });
    assert.deepEqual(validateConsultation({ ...ok, endsOn: '2026-11-20' }, '2026-11-26'), { endsOn: '截止日期不能早于开始日期' });
    assert.deepEqual(validateConsultation({ ...ok, startsOn: '2026-11-25', endsOn: '2026-12-31' }, '2026-11-26'), { startsOn: '开始日期不能早于今天（2026-11-26）' });
    assert.deepEqual(validateConsultation({ title: '', description: '', startsOn: '2026-02-30', endsOn: '' }, '2026-11-26'), {
      title: '请填写标题',
      description: '请填写征求意见稿说明',
      startsOn: '开始日期应为有效日期，格式如 2026-11-26',
      endsOn: '请填写截止日期',
    });
  });

  it('takes comments only during the period', () => {
    assert.equal(commentRefusal(period, '2026-11-25'), '意见征集将于2026-11-26开始，请届时再提交。');
    assert.equal(commentRefusal(period, '2026-11-30'), undefined);
    assert.equal(commentRefusal(period, '2026-12-03'), '意见征集已于2026-12-02结束，不再接收意见。');
  });
});

describe('comments', () => {
  it('requires a valid contact and at most 5,000 characters', () => {
    assert.deepEqual(validateComment({ name: '', contact: '13812345678', body: '建议增加涉农资金领域' }), {});
    assert.deepEqual(validateComment({ name: '', contact: 'someone@example.com', body: '建议' }), {});
    assert.deepEqual(validateComment({ name: '', contact: '', body: '' }), { contact: '请填写联系方式（手机号码、固定电话或电子邮箱）', body: '请填写意见内容' });
    assert.match(validateComment({ name: '', contact: '12345', body: 'x' }).contact!, /联系电话格式不正确/);
    assert.match(validateComment({ name: '', contact: 'a@b', body: 'x' }).contact!, /电子邮箱格式不正确/);
    assert.deepEqual(validateComment({ name: '', contact: '13812345678', body: '意'.repeat(5000) }), {});
    assert.deepEqual(validateComment({ name: '', contact: '13812345678', body: '意'.repeat(5001) }), { body: '意见内容不能超过5000个字（现为5001个字）' });
  });

  it('masks contacts in lists', () => {
    assert.equal(maskContact('13812345678'), '138****5678');
    assert.equal(maskContact('0878-3121141'), '0878-***1141');
    assert.equal(maskContact('zhangsan@example.com'), 'z******@example.com');
    assert.equal(maskContact('ab@example.com'), 'a**@example.com');
  });

  it('needs a reason for 部分采纳 and 不采纳', () => {
    assert.deepEqual(validateAnswer('adopted', ''), {});
    assert.deepEqual(validateAnswer('partly_adopted', ''), { reason: '选择“部分采纳”时请填写理由' });
    assert.deepEqual(validateAnswer('not_adopted', ' '), { reason: '选择“不采纳”时请填写理由' });
    assert.deepEqual(validateAnswer('', ''), { answer: '请选择处理结果（采纳、部分采纳或不采纳）' });
    assert.deepEqual(validateAnswer('maybe', 'x'), { answer: '请从列表中选择处理结果' });
  });

  it('closes only after the period ended and every comment was answered', () => {
    assert.deepEqual(closeRefusals(period, 1, '2026-12-02'), [
      '征集期到2026-12-02才截止，截止后才能结束征集并发布采纳情况。',
      '还有1条意见没有答复，请先逐条答复（采纳、部分采纳或不采纳）。',
    ]);
    assert.deepEqual(closeRefusals(period, 0, '2026-12-03'), []);
    assert.deepEqual(closeRefusals({ ...period, closedAt: new Date() }, 0, '2026-12-03'), ['本次意见征集已经结束并公布了采纳情况。']);
  });
});

describe('period rules', () => {
  const rule = DECISION_PERIOD_RULE;

  it('asks 30 days for a major decision, holidays counted (第十五条: 日, not 工作日)', () => {
    // 2026-09-20 … 09-30 is 11 days, 10-01 … 10-19 is 19: 30 days across the National Day holidays.
    assert.deepEqual(periodErrors('2026-09-20', '2026-10-19', rule), {});
    assert.equal(periodDays('2026-09-20', '2026-10-19'), 30);
    assert.deepEqual(periodErrors('2026-09-20', '2026-10-18', rule), {
      endsOn: '依照《重大行政决策程序暂行条例》第十五条，征集期至少30天（含首尾两天），截止日期最早为2026-10-19；因情况紧急需要缩短的，请在“缩短征集期的理由”中说明',
    });
    assert.equal(isShortened('2026-09-20', '2026-10-19', rule), false);
  });

  it('allows a shorter period for a decision only with a stated urgent reason', () => {
    assert.deepEqual(periodErrors('2026-09-20', '2026-09-30', rule, '汛期前须完成河道清障，情况紧急'), {});
    assert.equal(isShortened('2026-09-20', '2026-09-30', rule), true);
    assert.match(periodErrors('2026-09-20', '2026-09-30', rule, '  ').endsOn!, /截止日期最早为2026-10-19/);
  });

  it('keeps the 7-day catalog rule without an urgent exception', () => {
    assert.deepEqual(periodErrors('2026-11-26', '2026-12-01', CATALOG_PERIOD_RULE, '紧急'), { endsOn: '征集期至少7天（含首尾两天），截止日期最早为2026-12-02' });
    const draft = { title: '关于《楚雄市老旧小区改造实施方案（征求意见稿）》公开征求意见', description: '说明', startsOn: '2026-09-20', endsOn: '2026-10-10' };
    assert.match(validateConsultation(draft, '2026-09-20', rule).endsOn!, /至少30天/);
    assert.deepEqual(validateConsultation({ ...draft, urgentReason: '省级试点申报截止，须在10月中旬前定稿' }, '2026-09-20', rule), {});
  });
});
