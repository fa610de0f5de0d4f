import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, MESSAGE_STATES, availableActions, checkTransition, type Action, type MessageState, type Party, type TransitionFacts } from './states.ts';

const facts = (over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  today: '2026-11-26',
  actorId: 7,
  dueOn: '2026-12-01',
  newUnitId: 5,
  currentUnitId: 4,
  designated: false,
  signed: true,
  extensionPending: true,
  extensionRequestedBy: 9,
  redone: false,
  hasText: true,
  satisfaction: 'satisfied',
  publicationAllowed: true,
  published: false,
  ...over,
});
const everyone = new Set<Party>(['caller', 'dispatcher', 'main_unit', 'assist_unit', 'system']);
const as = (...p: Party[]) => new Set<Party>(p);

// Written by hand from regulation-wave2.md §4.3: for each action, the states it may start from and
// the state it leads to (facts: signed, one pending extension by someone else, satisfied).
const OPEN = { received: 'received', dispatched: 'dispatched', handling: 'handling', return_requested: 'return_requested', termination_requested: 'termination_requested', replied: 'replied', visiting: 'visiting' } as const;
const EXPECTED: Record<Action, Partial<Record<MessageState, MessageState>>> = {
  answer_now: { received: 'closed' },
  refuse: { received: 'refused' },
  transfer_request: { received: 'transferred', dispatched: 'transferred', handling: 'transferred' },
  dispatch: { received: 'dispatched' },
  sign: { dispatched: 'handling' },
  request_return: { dispatched: 'return_requested', handling: 'return_requested' },
  approve_return: { return_requested: 'dispatched' },
  reject_return: { return_requested: 'handling' },
  request_extension: {},
  approve_extension: { handling: 'handling', return_requested: 'return_requested', termination_requested: 'termination_requested' },
  reject_extension: { handling: 'handling', return_requested: 'return_requested', termination_requested: 'termination_requested' },
  assist_opinion: { dispatched: 'dispatched', handling: 'handling' },
  reply: { handling: 'replied' },
  approve_reply: { replied: 'visiting' },
  return_reply: { replied: 'handling' },
  record_visit: { visiting: 'closed' },
  redo: { visiting: 'handling' },
  request_termination: { handling: 'termination_requested' },
  approve_termination: { termination_requested: 'terminated' },
  reject_termination: { termination_requested: 'handling' },
  supervise: OPEN,
  urge: { dispatched: 'dispatched', handling: 'handling' },
  publish: { closed: 'closed' },
};

test('every state × action: allowed exactly where the hand-written table says, to the state it says', () => {
  let cases = 0;
  for (const action of ACTIONS) {
    for (const state of MESSAGE_STATES) {
      // request_extension needs no pending extension; the others above need one.
      const f = action === 'request_extension' ? facts({ extensionPending: false }) : facts();
      const got = checkTransition(action, state, everyone, f);
      const want = action === 'request_extension' ? (state === 'handling' ? 'handling' : undefined) : EXPECTED[action][state];
      if (want) assert.deepEqual(got, { ok: true, to: want }, `${action} from ${state}`);
      else {
        assert.equal(got.ok, false, `${action} from ${state} is refused`);
        assert.match((got as { reasons: string[] }).reasons[0]!, /^诉求当前为“.+”，不能.+（仅限：.+）$/, `${action} from ${state}`);
      }
      cases++;
    }
  }
  assert.equal(cases, 23 * 11);
});

const refusals: { name: string; got: ReturnType<typeof checkTransition>; reasons: string[] }[] = [
  { name: 'a unit dispatches', got: checkTransition('dispatch', 'received', as('main_unit'), facts()), reasons: ['只有政务公开办（热线机构）可以派单'] },
  { name: 'dispatch without a unit', got: checkTransition('dispatch', 'received', as('dispatcher'), facts({ newUnitId: null })), reasons: ['请选择主办单位'] },
  { name: 'return after the unit was designated', got: checkTransition('request_return', 'handling', as('main_unit'), facts({ designated: true })), reasons: ['该诉求已由政务公开办指定承办单位，指定后不得退回（潍坊12345办法第二十二条）'] },
  { name: 'return without a reason', got: checkTransition('request_return', 'dispatched', as('main_unit'), facts({ hasText: false })), reasons: ['请填写退单理由（不属于本单位职责的依据）'] },
  { name: 'reassign to the same unit', got: checkTransition('approve_return', 'return_requested', as('dispatcher'), facts({ newUnitId: 4 })), reasons: ['改派单位不能是申请退单的单位'] },
  { name: 'extension after the due date', got: checkTransition('request_extension', 'handling', as('main_unit'), facts({ extensionPending: false, today: '2026-12-02' })), reasons: ['延期应当在办理期限届满（2026-12-01）前申请'] },
  { name: 'a second pending extension', got: checkTransition('request_extension', 'handling', as('main_unit'), facts()), reasons: ['已有待审批的延期申请'] },
  { name: 'approve one’s own extension', got: checkTransition('approve_extension', 'handling', as('dispatcher'), facts({ extensionRequestedBy: 7 })), reasons: ['不能审批自己提出的延期申请'] },
  { name: 'a second 重办', got: checkTransition('redo', 'visiting', as('caller'), facts({ redone: true })), reasons: ['该诉求已重办过一次；再次不满意的，登记回访结果后办结'] },
  { name: 'unsatisfied without 重办 the first time', got: checkTransition('record_visit', 'visiting', as('dispatcher'), facts({ satisfaction: 'unsatisfied' })), reasons: ['评价为不满意的，请选择“退回重办”并说明理由'] },
  { name: 'publish against the caller’s wish', got: checkTransition('publish', 'closed', as('dispatcher'), facts({ publicationAllowed: false })), reasons: ['诉求人不同意公开，不能选登'] },
  { name: 'an assisting unit replies', got: checkTransition('reply', 'handling', as('assist_unit'), facts()), reasons: ['只有主办单位可以回复'] },
  { name: 'the caller signs', got: checkTransition('sign', 'dispatched', as('caller'), facts()), reasons: ['只有主办单位可以签收'] },
];
for (const r of refusals) test(`refused with reasons: ${r.name}`, () => assert.deepEqual(r.got, { ok: false, reasons: r.reasons }));

test('unsatisfied after one 重办 closes the item; 驳回退单 before 签收 returns to 已派单', () => {
  assert.deepEqual(checkTransition('record_visit', 'visiting', as('caller'), facts({ satisfaction: 'unsatisfied', redone: true })), { ok: true, to: 'closed' });
  assert.deepEqual(checkTransition('reject_return', 'return_requested', as('dispatcher'), facts({ signed: false })), { ok: true, to: 'dispatched' });
});

test('buttons by party', () => {
  assert.deepEqual(availableActions('visiting', as('caller')), ['record_visit', 'redo']);
  assert.deepEqual(availableActions('handling', as('main_unit')), ['request_return', 'request_extension', 'reply', 'request_termination']);
  assert.deepEqual(availableActions('dispatched', as('assist_unit')), ['assist_opinion']);
  assert.deepEqual(availableActions('received', as('dispatcher')), ['answer_now', 'refuse', 'transfer_request', 'dispatch', 'supervise']);
  assert.deepEqual(availableActions('handling', as('dispatcher')), ['transfer_request', 'approve_extension', 'reject_extension', 'supervise', 'urge']);
  assert.deepEqual(availableActions('transferred', everyone), []);
  assert.deepEqual(availableActions('refused', everyone), []);
});
