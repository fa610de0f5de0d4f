// Hand-worked cases for key-task entry, 建议提案办理 and 督查/审计 rectification.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateTask, type TaskInput, type TaskNode } from './tasks.ts';
import { defaultReplyDue, proposalState, validateProposal, validatePublication, validateReply } from './proposals.ts';
import { rectificationState, validateFinding, validateRectification } from './findings.ts';

const units = new Set([11, 12]);
const task: TaskInput = { year: '2026', title: '新增停车泊位', source: '2026年市政府工作报告', parentCode: '', leadUnitId: '11', supportingUnits: '', steps: '', startsOn: '2026-02-01', dueOn: '2026-11-30', reportEveryDays: '30' };
// 城市更新 (1) > 停车 (2) > 片区 (3); 龙川江 (4) has reports; a 2025 task (5).
const tree: TaskNode[] = [
  { id: 1, code: 'zdparent', year: 2026, parentId: null, dueOn: '2026-12-31', reports: 0 },
  { id: 2, code: 'zdchild', year: 2026, parentId: 1, dueOn: '2026-11-30', reports: 3 },
  { id: 3, code: 'zdgrand', year: 2026, parentId: 2, dueOn: '2026-10-31', reports: 0 },
  { id: 4, code: 'zdriver', year: 2026, parentId: null, dueOn: '2026-12-31', reports: 9 },
  { id: 5, code: 'zdold', year: 2025, parentId: null, dueOn: '2025-12-31', reports: 0 },
];

describe('key tasks entered by staff', () => {
  it('accepts a complete task and names each bad field', () => {
    assert.deepEqual(validateTask(task, units, tree), {});
    assert.deepEqual(validateTask({ ...task, year: '26', title: ' ', source: '', leadUnitId: '99', startsOn: '2026-02-30', dueOn: '', reportEveryDays: '0' }, units, tree), {
      year: '请填写年度，如 2026',
      title: '请填写重点工作名称',
      source: '请填写任务来源，如：2026年市政府工作报告',
      leadUnitId: '请从列表中选择牵头单位',
      startsOn: '开始日期应为有效日期，格式如 2026-02-01',
      dueOn: '请填写完成时限',
      reportEveryDays: '报告周期应为7到366之间的天数，如每月报告填 30',
    });
    assert.deepEqual(validateTask({ ...task, dueOn: '2026-01-31' }, units, tree), { dueOn: '完成时限不能早于开始日期（2026-02-01）' });
  });

  it('nests only under a task of the same year without reports, never under itself, and not past the parent’s deadline', () => {
    assert.deepEqual(validateTask({ ...task, parentCode: 'zdparent' }, units, tree), {});
    assert.deepEqual(validateTask({ ...task, parentCode: 'nope' }, units, tree), { parentCode: '请从列表中选择上级任务' });
    assert.deepEqual(validateTask({ ...task, parentCode: 'zdold' }, units, tree), { parentCode: '上级任务应为2026年的重点工作' });
    assert.deepEqual(validateTask({ ...task, parentCode: 'zdriver' }, units, tree), { parentCode: '该任务已有进展报告，不能再分解子任务（其进度将改为按子任务平均计算）' });
    assert.deepEqual(validateTask({ ...task, parentCode: 'zdparent', dueOn: '2027-01-15' }, units, tree), { dueOn: '子任务的完成时限不能晚于上级任务（2026-12-31）' });
    // Editing 城市更新 (1): its grandchild 片区 (3) as its parent would be a cycle.
    assert.deepEqual(validateTask({ ...task, parentCode: 'zdgrand', dueOn: '2026-12-31' }, units, tree, tree[0]), { parentCode: '不能选择本任务或其下级任务作为上级任务' });
    assert.deepEqual(validateTask({ ...task, parentCode: 'zdparent', dueOn: '2026-12-31' }, units, tree, tree[0]), { parentCode: '不能选择本任务或其下级任务作为上级任务' });
    // Editing 城市更新 (1) to end before its child 停车 (2026-11-30).
    assert.deepEqual(validateTask({ ...task, dueOn: '2026-10-31' }, units, tree, tree[0]), { dueOn: '完成时限不能早于子任务的完成时限（最晚为2026-11-30）' });
  });
});

describe('建议提案办理', () => {
  it('is due three months after 交办 by default, on the month’s last day when the day does not exist', () => {
    assert.equal(defaultReplyDue('2026-03-31'), '2026-06-30');
    assert.equal(defaultReplyDue('2026-11-30'), '2027-02-28');
    assert.equal(defaultReplyDue('2026-04-15'), '2026-07-15');
    assert.equal(defaultReplyDue('2027-11-30', 3), '2028-02-29');
  });

  it('checks the item, its 复文 and what is published', () => {
    const p = { kind: 'npc', year: '2026', number: '0123', title: '关于增设龙川江步道照明的建议', proposer: '李明', leadUnitId: '12', supportingUnits: '', assignedOn: '2026-03-31', dueOn: '' };
    assert.deepEqual(validateProposal(p, units, '2026-04-01'), {});
    assert.deepEqual(validateProposal({ ...p, kind: 'x', number: '第一号', assignedOn: '2026-04-02', dueOn: '2026-02-30' }, units, '2026-04-01'), {
      kind: '请选择人大代表建议或政协提案',
      number: '请填写建议或提案的编号（数字，如 0123）',
      assignedOn: '交办日期不能晚于今天（2026-04-01）',
      dueOn: '答复期限应为有效日期，格式如 2026-06-30',
    });
    assert.deepEqual(validateReply({ repliedOn: '2026-03-30', result: 'D', replyText: '' }, '2026-03-31', '2026-06-20'), {
      repliedOn: '答复日期不能早于交办日期（2026-03-31）',
      result: '请选择办理结果（A类、B类或C类）',
      replyText: '请填写办理复文',
    });
    assert.deepEqual(validateReply({ repliedOn: '2026-06-20', result: 'B', replyText: '李明代表：……' }, '2026-03-31', '2026-06-20'), {});
    assert.deepEqual(validatePublication({ satisfaction: '', publicity: 'full', summary: '', withheldReason: '' }), {});
    assert.deepEqual(validatePublication({ satisfaction: 'great', publicity: 'none', summary: '', withheldReason: '' }), { satisfaction: '请选择满意、基本满意或不满意', withheldReason: '选择“不公开”时请说明理由（将在公开页面显示）' });
    assert.deepEqual(validatePublication({ satisfaction: 'basically', publicity: 'summary', summary: '', withheldReason: '' }), { summary: '选择“公开摘要”时请填写复文摘要' });
  });

  it('is 办理中 until the due date, then 逾期未答复; reopened when the representative is unsatisfied', () => {
    const p = { dueOn: '2026-06-30', repliedOn: null, satisfaction: null, publishedOn: null };
    assert.equal(proposalState(p, '2026-06-30'), 'handling');
    assert.equal(proposalState(p, '2026-07-01'), 'overdue');
    assert.equal(proposalState({ ...p, repliedOn: '2026-06-20' }, '2026-07-01'), 'replied');
    assert.equal(proposalState({ ...p, repliedOn: '2026-06-20', satisfaction: 'unsatisfied' }, '2026-07-01'), 'reopen');
    assert.equal(proposalState({ ...p, repliedOn: '2026-06-20', satisfaction: 'satisfied', publishedOn: '2026-07-05' }, '2026-07-06'), 'published');
  });
});

describe('督查 and 审计 findings', () => {
  const f = { kind: 'audit', source: '2026年度财政预算执行审计', unitId: '11', taskCode: '', foundOn: '2026-09-15', finding: '专项资金拨付滞后。', measures: '10月底前拨付到位。', rectifyBy: '2026-10-31' };
  it('checks the finding and its rectification', () => {
    assert.deepEqual(validateFinding(f, units, new Set(['zdparent']), '2026-09-20'), {});
    assert.deepEqual(validateFinding({ ...f, kind: 'visit', taskCode: 'zdnone', rectifyBy: '2026-09-14' }, units, new Set(['zdparent']), '2026-09-20'), {
      kind: '请选择督查或审计',
      taskCode: '请从列表中选择相关的重点工作',
      rectifyBy: '整改时限不能早于发现日期（2026-09-15）',
    });
    assert.deepEqual(validateRectification({ rectifiedOn: '2026-09-14', result: '' }, '2026-09-15', '2026-10-01'), { rectifiedOn: '整改完成日期不能早于发现日期（2026-09-15）', result: '请填写整改结果' });
  });
  it('is 整改中 up to the deadline, then 逾期未整改; done late says so', () => {
    assert.equal(rectificationState({ rectifyBy: '2026-10-31', rectifiedOn: null }, '2026-10-31'), 'rectifying');
    assert.equal(rectificationState({ rectifyBy: '2026-10-31', rectifiedOn: null }, '2026-11-01'), 'overdue');
    assert.equal(rectificationState({ rectifyBy: '2026-10-31', rectifiedOn: '2026-10-31' }, '2026-11-05'), 'rectified');
    assert.equal(rectificationState({ rectifyBy: '2026-10-31', rectifiedOn: '2026-11-03' }, '2026-11-05'), 'rectified_late');
  });
});

import { validateMeeting } from './meetings.ts';

describe('常务会议 and 专题会议', () => {
  const m = { kind: 'executive', name: '市人民政府第40次常务会议', heldOn: '2026-11-18', topics: '研究供水价格调整方案\n听取重点工作进展汇报', attendees: '市民代表2名', summary: '会议原则通过……', interpretation: '', decisionCodes: ['jcwater'] };
  const decisions = [
    { code: 'jcwater', launchedOn: '2026-09-18' },
    { code: 'jclater', launchedOn: '2026-11-20' },
  ];
  it('is recorded after it is held, with topics, the published text and launched decisions', () => {
    assert.deepEqual(validateMeeting(m, decisions, '2026-11-20'), {});
    assert.deepEqual(validateMeeting({ ...m, kind: '', heldOn: '2026-11-21', topics: ' \n ', summary: '' }, decisions, '2026-11-20'), {
      kind: '请选择常务会议或专题会议',
      heldOn: '会议日期不能晚于今天（2026-11-20），会后再登记',
      topics: '请填写会议议题，每行一个',
      summary: '请填写会议纪要或新闻稿（将全文公开）',
    });
    assert.deepEqual(validateMeeting({ ...m, decisionCodes: ['jcnone'] }, decisions, '2026-11-20'), { decisionCodes: '请从列表中选择相关的决策事项' });
    assert.deepEqual(validateMeeting({ ...m, decisionCodes: ['jclater'] }, decisions, '2026-11-20'), { decisionCodes: '所选决策事项在会议日期前尚未启动，请核对' });
  });
});
