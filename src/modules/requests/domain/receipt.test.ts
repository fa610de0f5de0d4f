import { test } from 'node:test';
import assert from 'node:assert/strict';
import { receiptDate } from './receipt.ts';

const TODAY = '2026-11-26';

test('第三十一条: the receipt date by channel', () => {
  const cases: [Parameters<typeof receiptDate>[0], Parameters<typeof receiptDate>[1], string][] = [
    ['in_person', { submittedOn: '2026-11-20' }, '2026-11-20'],
    ['oral', { submittedOn: '2026-11-21' }, '2026-11-21'],
    ['registered_mail', { signedForOn: '2026-11-18' }, '2026-11-18'],
    ['ordinary_mail', { arrivedOn: '2026-11-18', confirmedOn: '2026-11-18' }, '2026-11-18'],
    ['online', { submittedOn: '2026-11-14', confirmedOn: '2026-11-16' }, '2026-11-16'],
    ['fax', { submittedOn: '2026-11-16', confirmedOn: '2026-11-16' }, '2026-11-16'],
  ];
  for (const [channel, facts, expected] of cases) {
    const r = receiptDate(channel, facts, TODAY);
    assert.ok(r.ok, channel);
    assert.equal(r.receivedOn, expected, channel);
    assert.deepEqual(r.warnings, [], channel);
  }
});

test('an ordinary letter confirmed later than it arrived is accepted with a warning', () => {
  const r = receiptDate('ordinary_mail', { arrivedOn: '2026-11-18', confirmedOn: '2026-11-19' }, TODAY);
  assert.ok(r.ok);
  assert.equal(r.receivedOn, '2026-11-19');
  assert.deepEqual(r.warnings, ['信函于 2026-11-18 到达，2026-11-19 才与申请人确认：条例要求在收到申请的当日确认']);
});

test('refused: a future date, a missing date, a confirmation before submission', () => {
  assert.deepEqual(receiptDate('in_person', { submittedOn: '2026-11-27' }, TODAY), { ok: false, errors: { submittedOn: '提交日期 2026-11-27 晚于今天（2026-11-26），不能登记将来的日期' } });
  assert.deepEqual(receiptDate('registered_mail', {}, TODAY), { ok: false, errors: { signedForOn: '请填写签收日期' } });
  assert.deepEqual(receiptDate('online', { submittedOn: '2026-11-20', confirmedOn: '2026-11-19' }, TODAY), { ok: false, errors: { confirmedOn: '确认日期 2026-11-19 早于申请提交日期 2026-11-20：双方确认之日不能早于申请提交之日，请填写提交当日或之后的日期' } });
  assert.deepEqual(receiptDate('fax', { submittedOn: '2026-02-30', confirmedOn: '2026-03-01' }, TODAY), { ok: false, errors: { submittedOn: '提交日期格式不正确，应为 YYYY-MM-DD' } });
});
