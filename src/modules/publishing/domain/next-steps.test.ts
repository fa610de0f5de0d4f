import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordNextSteps, type RecordNextStepFacts } from './next-steps.ts';

const base: RecordNextStepFacts = { state: 'draft', allowed: [], reviewOwed: false, scheduledAt: null, sentBack: false };
const steps = (f: Partial<RecordNextStepFacts>) => recordNextSteps({ ...base, ...f });

describe('a record’s next steps for one viewer', () => {
  it('draft: the editor edits and submits; others wait for the editor', () => {
    assert.deepEqual(steps({ allowed: ['edit', 'submit', 'force_publish'] }), { primary: ['edit', 'submit'], waitingFor: null, settled: null });
    assert.deepEqual(steps({ allowed: [] }).waitingFor, '等待本单位信息员完成编辑并提交审核');
    assert.match(steps({ sentBack: true }).waitingFor ?? '', /已退回修改/);
  });
  it('submitted: a reviewer approves or sends back; the drafter waits for the reviewer', () => {
    assert.deepEqual(steps({ state: 'submitted', allowed: ['send_back', 'approve', 'force_publish'] }).primary, ['approve', 'send_back']);
    assert.deepEqual(steps({ state: 'submitted', allowed: ['force_publish'] }), { primary: [], waitingFor: '等待本单位审核人审核（保密审查）', settled: null });
  });
  it('approved: publish first', () => {
    assert.deepEqual(steps({ state: 'approved', allowed: ['force_publish', 'send_back', 'publish'] }).primary, ['publish', 'send_back']);
    assert.match(steps({ state: 'approved' }).waitingFor ?? '', /等待本单位信息员或审核人发布/);
  });
  it('scheduled and published: nobody owes anything, unless review is owed', () => {
    assert.deepEqual(steps({ state: 'scheduled', allowed: ['cancel_schedule'], scheduledAt: '2026年12月1日 09:00' }), {
      primary: [],
      waitingFor: null,
      settled: '将于 2026年12月1日 09:00 自动发布，无需操作；如需改动可取消定时发布。',
    });
    assert.deepEqual(steps({ state: 'published', allowed: ['revise', 'withdraw', 'set_validity'] }).primary, []);
    assert.deepEqual(steps({ state: 'published', reviewOwed: true, allowed: ['review_forced', 'revise'] }).primary, ['review_forced']);
    assert.equal(steps({ state: 'published', reviewOwed: true, allowed: ['revise'] }).waitingFor, '紧急发布的信息等待审核人补充审核');
  });
});
