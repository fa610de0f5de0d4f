import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableActions, checkTransition, STATE_LABELS, TRANSITIONS, type Party, type TransitionFacts } from './states.ts';

const facts = (over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  today: '2026-11-26',
  actorId: 7,
  receivedOn: '2026-11-20',
  applicationComplete: true,
  handlerId: 7,
  clarificationSent: false,
  correctBy: null,
  openConsultations: 0,
  feeNoticeSent: false,
  feePayBy: null,
  extensionApproved: false,
  extensionRequested: false,
  extensionRequestedBy: null,
  ...over,
});
const as = (...p: Party[]) => new Set<Party>(p);

test('the five stages of 第四十五条 in order, plus the side states', () => {
  assert.deepEqual(
    [checkTransition('accept', 'registered', as('unit_staff'), facts()), checkTransition('assign', 'reviewing', as('unit_admin'), facts({ newHandlerId: 9, newHandlerInUnit: true })), checkTransition('reply', 'processing', as('handler'), facts()), checkTransition('archive', 'replied', as('handler'), facts())].map((r) => (r.ok ? STATE_LABELS[r.to] : r.reasons)),
    ['审核', '办理', '答复', '归档'],
  );
  assert.deepEqual(Object.values(STATE_LABELS), ['登记', '审核', '办理', '补正中', '征求意见中', '待缴费', '答复', '归档', '已撤回', '已终止']);
});

const refusals: { name: string; got: ReturnType<typeof checkTransition>; reasons: string[] }[] = [
  { name: 'reply from 登记', got: checkTransition('reply', 'registered', as('handler'), facts()), reasons: ['申请当前处于“登记”状态，不能答复（仅限：审核、办理）'] },
  { name: 'an editor assigns', got: checkTransition('assign', 'reviewing', as('unit_staff'), facts({ newHandlerId: 9, newHandlerInUnit: true })), reasons: ['只有本单位管理员、政务公开办可以指定承办人（进入办理）'] },
  { name: 'a second 补正', got: checkTransition('send_clarification', 'processing', as('handler'), facts({ clarificationSent: true })), reasons: ['已经告知过补正；依照第三十条，补正只能一次性告知'] },
  { name: 'end for no correction before the deadline', got: checkTransition('end_no_correction', 'awaiting_correction', as('system'), facts({ clarificationSent: true, correctBy: '2026-11-26' })), reasons: ['补正期限 2026-11-26 尚未届满，不能按逾期不补正终止'] },
  { name: 'approve one’s own extension', got: checkTransition('approve_extension', 'processing', as('openness_head', 'openness_office'), facts({ extensionRequested: true, extensionRequestedBy: 7 })), reasons: ['不能批准自己提出的延期申请'] },
  { name: 'a handler approves', got: checkTransition('approve_extension', 'processing', as('handler'), facts({ actorId: 8, extensionRequested: true, extensionRequestedBy: 7 })), reasons: ['只有政务公开办负责人可以批准延期答复'] },
  { name: 'a second extension', got: checkTransition('request_extension', 'processing', as('handler'), facts({ extensionApproved: true })), reasons: ['已经延期一次；依照第三十三条，延期只能一次'] },
  { name: 'a second fee notice', got: checkTransition('send_fee_notice', 'processing', as('handler'), facts({ feeNoticeSent: true })), reasons: ['已发出过收费通知'] },
  { name: 'withdraw after the reply', got: checkTransition('withdraw', 'replied', as('applicant'), facts()), reasons: ['申请当前处于“答复”状态，不能撤回申请（仅限：登记、审核、办理、补正中、征求意见中、待缴费）'] },
  { name: 'accept without a receipt date', got: checkTransition('accept', 'registered', as('unit_staff'), facts({ receivedOn: null })), reasons: ['尚未确定收到申请之日（第三十一条），请先填写确认日期'] },
  { name: 'assign an incomplete application', got: checkTransition('assign', 'reviewing', as('unit_admin'), facts({ applicationComplete: false, newHandlerId: 9, newHandlerInUnit: true })), reasons: ['申请缺少第二十九条第二款规定的内容（申请人信息、所需信息描述、获取形式），请先补全或告知补正'] },
  { name: 'the applicant replies', got: checkTransition('reply', 'processing', as('applicant'), facts()), reasons: ['只有承办人、本单位管理员、政务公开办可以答复'] },
];
for (const r of refusals) {
  test(`refused with reasons: ${r.name}`, () => assert.deepEqual(r.got, { ok: false, reasons: r.reasons }));
}

test('the last consultation answer returns to 办理; an earlier one stays in 征求意见中', () => {
  assert.deepEqual(checkTransition('record_consultation_answer', 'consulting', as('handler'), facts({ openConsultations: 1 })), { ok: true, to: 'processing' });
  assert.deepEqual(checkTransition('record_consultation_answer', 'consulting', as('handler'), facts({ openConsultations: 2 })), { ok: true, to: 'consulting' });
});

test('the head of the openness office approves another person’s extension', () => {
  assert.deepEqual(checkTransition('approve_extension', 'consulting', as('openness_head'), facts({ actorId: 3, extensionRequested: true, extensionRequestedBy: 7 })), { ok: true, to: 'consulting' });
});

test('buttons by role: the applicant may only withdraw or correct', () => {
  assert.deepEqual(availableActions('awaiting_correction', as('applicant')), ['record_correction', 'withdraw']);
  assert.deepEqual(availableActions('archived', as('handler', 'unit_admin', 'openness_office')), []);
  assert.ok(TRANSITIONS.every((t) => t.from.length > 0 && t.who.length > 0));
});

test('a step taken once is not offered again: 告知补正 after a 补正 was sent, a second extension or fee notice', () => {
  const none = { clarificationSent: false, feeNoticeSent: false, extensionApproved: false };
  const handler = as('handler');
  assert.ok(availableActions('processing', handler, none).includes('send_clarification'));
  assert.ok(!availableActions('processing', handler, { ...none, clarificationSent: true }).includes('send_clarification'));
  assert.ok(!availableActions('reviewing', handler, { ...none, clarificationSent: true }).includes('send_clarification'));
  assert.ok(!availableActions('processing', handler, { ...none, extensionApproved: true }).includes('request_extension'));
  assert.ok(!availableActions('processing', handler, { ...none, feeNoticeSent: true }).includes('send_fee_notice'));
  assert.ok(availableActions('processing', handler, { ...none, clarificationSent: true }).includes('reply'));
});
