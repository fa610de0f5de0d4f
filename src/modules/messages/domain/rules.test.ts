import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskForPublication, maskName, maskPhone } from './masking.ts';
import { refusalNotice, REFUSALS, REFUSAL_REASONS } from './refusals.ts';
import { DEFAULT_LIMITS, LIMIT_KEYS, LIMIT_SOURCES, limitKeyOf, validateLimits } from './kinds.ts';

test('default time limits: 咨询 3, 求助/意见建议 7, 投诉/举报 15, 找错 3, 签收 1, each with its source', () => {
  assert.deepEqual(DEFAULT_LIMITS.days, { consult: 3, help: 7, suggestion: 7, complaint: 15, report: 15, site_error: 3 });
  assert.equal(DEFAULT_LIMITS.signDays, 1);
  for (const k of LIMIT_KEYS) assert.ok(LIMIT_SOURCES[k].length > 10, k);
  assert.equal(limitKeyOf('site_error', 'consult'), 'site_error');
  assert.equal(limitKeyOf('hotline', 'complaint'), 'complaint');
});

test('an edited limits table is checked field by field', () => {
  const r = validateLimits({ days_consult: 0, days_help: 7, days_suggestion: 7, days_complaint: 15, days_report: 15, signDays: 1, maxExtensionDays: 15, remindBeforeDays: 1 });
  assert.deepEqual(r, { ok: false, errors: { days_consult: '咨询办理时限应在1到60之间', days_site_error: '请填写我为政府网站找错办理时限（整数）' } });
});

test('不予受理: a reason and the right route; an information request goes to 依申请公开', () => {
  assert.equal(REFUSAL_REASONS.length, 10);
  assert.equal(REFUSALS.disclosure.link?.href, '/requests/apply');
  assert.equal(refusalNotice('reconsideration'), '您的诉求不予受理，理由：依法应当通过行政复议程序解决。请依照《中华人民共和国行政复议法》向行政复议机关申请行政复议。');
});

test('personal data is masked for publication', () => {
  assert.equal(maskName('张三丰'), '张**');
  assert.equal(maskName(''), '匿名');
  assert.equal(maskPhone('13912345678'), '139****5678');
  assert.equal(
    maskForPublication('我叫张三丰，电话13912345678，身份证532301199001011238，邮箱a.b@example.cn，座机0878-3121234，车牌云E12345。', ['张三丰']),
    '我叫张**，电话139****5678，身份证5323**************，邮箱***@***，座机****，车牌云E*****。',
  );
});
