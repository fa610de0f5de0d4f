import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { availableActions, type Party, type RequestState } from './states.ts';
import { maySendLetter, nextSteps, type NextStepFacts } from './next-steps.ts';

const facts = (state: RequestState, parties: Party[], over: Partial<NextStepFacts> = {}): NextStepFacts => ({
  state,
  parties,
  actions: availableActions(state, new Set(parties)),
  handlerName: '李明',
  receivedOn: '2026-11-02',
  today: '2026-11-10',
  correctBy: null,
  feePayBy: null,
  consultationAnswerBy: null,
  extensionPending: false,
  noticesSent: [],
  lettersSent: [],
  ...over,
});

describe('nextSteps: what the request page leads with', () => {
  const cases: [string, NextStepFacts, string[], string | null, string | null][] = [
    ['new online request, any unit staff confirms', facts('registered', ['unit_staff'], { handlerName: null }), ['accept'], null, null],
    ['after 确认受理 an editor waits for the unit admin', facts('reviewing', ['unit_staff'], { handlerName: null }), [], null, '等待单位管理员指定承办人'],
    ['after 确认受理 the unit admin assigns', facts('reviewing', ['unit_staff', 'unit_admin'], { handlerName: null }), ['assign'], null, null],
    ['the handler answers', facts('processing', ['handler', 'unit_staff']), ['reply'], null, null],
    ['a colleague waits for the handler', facts('processing', ['unit_staff']), [], null, '等待承办人李明答复'],
    ['补正 sent, letter not yet: the editor writes the 补正通知书', facts('awaiting_correction', ['unit_staff'], { correctBy: '2026-11-20', noticesSent: ['clarification'] }), ['record_correction'], 'clarification', '等待申请人补正（补正期限 2026-11-20）'],
    ['补正 letter sent: nothing more to write', facts('awaiting_correction', ['unit_staff'], { correctBy: '2026-11-20', noticesSent: ['clarification'], lettersSent: ['clarification'] }), ['record_correction'], null, '等待申请人补正（补正期限 2026-11-20）'],
    // 第三十条: lapses from the day after the deadline
    ['补正期限 2026-11-09 passed on 11-10: the handler ends it', facts('awaiting_correction', ['handler', 'unit_staff'], { correctBy: '2026-11-09', noticesSent: ['clarification'], lettersSent: ['clarification'] }), ['end_no_correction', 'record_correction'], null, null],
    ['补正期限 is today: still waiting', facts('awaiting_correction', ['handler', 'unit_staff'], { correctBy: '2026-11-10', noticesSent: ['clarification'], lettersSent: ['clarification'] }), ['record_correction'], null, '等待申请人补正（补正期限 2026-11-10）'],
    ['fee notice sent: waiting for payment, 收费通知书 due', facts('awaiting_fee', ['handler', 'unit_staff'], { feePayBy: '2026-12-01', noticesSent: ['fee'] }), ['record_payment'], 'fee', '等待申请人缴费（缴费期限 2026-12-01）'],
    ['extension pending: the handler waits for the head', facts('processing', ['handler', 'unit_staff'], { extensionPending: true }), [], null, '等待政务公开办负责人审批延期申请'],
    ['extension pending: the head decides', facts('processing', ['openness_head', 'openness_office'], { extensionPending: true }), ['approve_extension', 'reject_extension'], null, null],
    ['replied without its letter: the 答复告知书 first', facts('replied', ['handler', 'unit_staff'], { noticesSent: ['reply'] }), [], 'reply', null],
    ['replied with its letter: archive', facts('replied', ['handler', 'unit_staff'], { noticesSent: ['reply'], lettersSent: ['reply'] }), ['archive'], null, null],
    ['replied, a colleague: the handler archives', facts('replied', ['unit_staff'], { noticesSent: ['reply'], lettersSent: ['reply'] }), [], null, '等待承办人李明归档'],
    ['consulting: the answer is awaited', facts('consulting', ['handler', 'unit_staff'], { consultationAnswerBy: '2026-11-23', noticesSent: ['consultation'], lettersSent: ['consultation'] }), ['record_consultation_answer'], null, '等待被征求意见的一方提出意见（2026-11-23 前）'],
    ['archived', facts('archived', ['handler', 'unit_staff']), [], null, null],
  ];
  for (const [name, f, primary, letter, waiting] of cases) {
    it(name, () => {
      const s = nextSteps(f);
      assert.deepEqual(s.primary, primary);
      assert.equal(s.letter, letter);
      assert.equal(s.waitingFor, waiting);
    });
  }

  it('whoever may send a notice may write its letter', () => {
    assert.equal(maySendLetter('clarification', ['unit_staff']), true); // 告知补正: any unit staff
    assert.equal(maySendLetter('reply', ['unit_staff']), false); // 答复: handler, unit admin, office
    assert.equal(maySendLetter('reply', ['handler']), true);
    assert.equal(maySendLetter('fee', ['applicant']), false);
  });
});
