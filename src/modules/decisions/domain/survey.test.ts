import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, formatQuestions, parseQuestions, percentOf, readAnswers, surveyPeriodErrors, surveyState, type SurveyQuestion } from './survey.ts';

const SOURCE = `单选：您对票价调整后的公交服务是否满意？
- 满意
- 基本满意
- 不满意

多选：您主要在什么时段乘车？
- 早高峰
- 晚高峰
- 平峰
填空：您还有什么建议？`;

const questions = (parseQuestions(SOURCE) as { questions: SurveyQuestion[] }).questions;

describe('社情民意调查', () => {
  it('reads the questions staff write one a line and writes them back the same', () => {
    assert.deepEqual(questions.map((q) => [q.kind, q.options.length]), [
      ['single', 3],
      ['multiple', 3],
      ['text', 0],
    ]);
    assert.deepEqual(parseQuestions(formatQuestions(questions)), { questions });
  });

  it('names the line of a mistake', () => {
    assert.equal(parseQuestions('- 满意').error, '第1行：选项前应先写题目（以“单选：”“多选：”或“填空：”开头）');
    assert.match(parseQuestions('问答：哪里？').error!, /^第1行：题目应以/);
    assert.equal(parseQuestions('填空：建议？\n- 甲').error, '第2行：填空题没有选项');
    assert.equal(parseQuestions('单选：满意吗？\n- 是\n- 是').error, '第3行：选项“是”重复');
    assert.equal(parseQuestions('单选：满意吗？\n- 是').error, '第1题（满意吗？）至少需要两个选项');
    assert.equal(parseQuestions('  \n').error, '请至少填写一道题目');
  });

  it('is open from the first through the last day', () => {
    const s = { opensOn: '2026-12-01', closesOn: '2026-12-15' };
    assert.equal(surveyState(s, '2026-11-30'), 'scheduled');
    assert.equal(surveyState(s, '2026-12-01'), 'open');
    assert.equal(surveyState(s, '2026-12-15'), 'open');
    assert.equal(surveyState(s, '2026-12-16'), 'closed');
    assert.deepEqual(surveyPeriodErrors({ title: '调查', opensOn: '2026-11-30', closesOn: '2026-11-29' }, '2026-12-01'), { opensOn: '开始日期不能早于今天（2026-12-01）', closesOn: '截止日期不能早于开始日期' });
    assert.deepEqual(surveyPeriodErrors({ title: '', opensOn: '2026-12-01', closesOn: '2026-02-30' }, '2026-12-01'), { title: '请填写调查名称', closesOn: '截止日期应为有效日期，格式如 2026-12-31' });
  });

  it('checks an answer form: every choice answered from the list, one for a single choice', () => {
    assert.deepEqual(readAnswers(questions, { q0: '1', q1: ['2', '0', '2'], q2: '  多开夜班车 ' }), { answers: [1, [0, 2], '多开夜班车'] });
    assert.deepEqual(readAnswers(questions, { q0: '0', q1: '1' }), { answers: [0, [1], null] });
    assert.deepEqual(readAnswers(questions, { q0: ['0', '1'], q1: '7' }).errors, { q0: '本题只能选择一项', q1: '请从列出的选项中选择' });
    assert.deepEqual(readAnswers(questions, { q0: 'x' }).errors, { q0: '请从列出的选项中选择', q1: '请至少选择一项' });
    assert.deepEqual(readAnswers(questions, { q0: '0', q1: '0', q2: '长'.repeat(501) }).errors, { q2: '回答不能超过500个字' });
  });

  it('counts and gives the share of those who answered, to one decimal', () => {
    // 3 respondents. Q1: 满意 2 (2/3 = 66.7 %), 基本满意 0, 不满意 1 (33.3 %).
    // Q2 (multiple): 早高峰 by all 3 (100 %), 晚高峰 by 2 (66.7 %), 平峰 by 1 (33.3 %) — adds up to 200 %.
    // Q3: two wrote something.
    const r = aggregate(questions, [
      [0, [0, 1], '多开夜班车'],
      [0, [0], null],
      [2, [0, 1, 2], '站牌字太小'],
    ]);
    assert.equal(r.respondents, 3);
    assert.deepEqual(r.questions[0]!.options.map((o) => [o.count, o.percent]), [
      [2, 66.7],
      [0, 0],
      [1, 33.3],
    ]);
    assert.deepEqual(r.questions[1]!.options.map((o) => [o.count, o.percent]), [
      [3, 100],
      [2, 66.7],
      [1, 33.3],
    ]);
    assert.equal(r.questions[2]!.answered, 2);
    assert.equal(percentOf(1, 8), 12.5);
    assert.equal(percentOf(0, 0), 0);
  });
});
