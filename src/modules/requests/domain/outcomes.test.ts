import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTCOMES, outcomeLabel, outcomeTable, remedyNotice, suggestedBasis, validateReply } from './outcomes.ts';

test('the outcome rows of the annual report (国办公开办函〔2021〕30号), exact labels, 21 data rows', () => {
  assert.equal(OUTCOMES.length, 21);
  assert.deepEqual(
    outcomeTable().map((g) => [g.groupLabel, g.rows.map((r) => (r.no ? `${r.no}.${r.label}` : r.label))]),
    [
      ['（一）予以公开', ['予以公开']],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['部分公开（区分处理的，只计这一情形，不计其他情形）']],
      ['（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']],
      ['（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
      ['（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']],
      ['（六）其他处理', ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']],
    ],
  );
});

test('each outcome names its legal basis', () => {
  assert.equal(suggestedBasis('withhold_4'), '《中华人民共和国政府信息公开条例》第十五条、《中华人民共和国政府信息公开条例》第三十二条、《中华人民共和国政府信息公开条例》第三十六条第（三）项');
  assert.equal(suggestedBasis('not_processed_1'), '《中华人民共和国政府信息公开条例》第三十九条第一款');
  assert.equal(suggestedBasis('unable_2'), '《中华人民共和国政府信息公开条例》第三十八条');
  for (const o of OUTCOMES) if (o.code !== 'other_3') assert.ok(o.basis.length > 0, o.code);
  assert.equal(outcomeLabel('withhold_4'), '不予公开 4. 保护第三方合法权益');
  assert.equal(outcomeLabel('partial'), '部分公开');
});

test('reply validation: basis required; 部分公开 needs withheld parts and reason; 第三十九条 needs the channel', () => {
  const facts = { correctionReceived: false };
  assert.deepEqual(validateReply({ outcome: 'disclose', legalBasis: '' }, facts), { legalBasis: '请填写答复的法律依据（如条例第几条第几项）' });
  assert.deepEqual(validateReply({ outcome: 'partial', legalBasis: '第三十七条', withheldParts: '账户' }, facts), { withheldReason: '部分公开须说明不予公开部分的理由' });
  assert.deepEqual(validateReply({ outcome: 'not_processed_1', legalBasis: '第三十九条', redirectChannel: '12345热线' }, facts), {});
  assert.deepEqual(validateReply({ outcome: 'other_1', legalBasis: '第三十条' }, facts), { outcome: '“申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”由逾期处理操作自动记录，不能作为答复结果' });
  assert.deepEqual(validateReply({ outcome: 'unable_3', legalBasis: '第三十条' }, { correctionReceived: true }), {});
});

test('remedy notice: 行政复议 within 60 days, 行政诉讼 within 6 months', () => {
  assert.equal(
    remedyNotice({ reviewBody: '楚雄市人民政府', court: '楚雄市人民法院' }),
    '如对本答复不服，可以自收到本告知书之日起60日内向楚雄市人民政府申请行政复议，或者自收到本告知书之日起6个月内向楚雄市人民法院提起行政诉讼。',
  );
});
