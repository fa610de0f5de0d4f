import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocNo, normaliseDescription, similarity } from './similarity.ts';
import { formatRequestNo, parseRequestNo } from './numbering.ts';

test('文号 written with any brackets normalise to one form', () => {
  for (const s of ['楚市政通〔2017〕47号', '楚市政通[2017]47号', '楚市政通（2017）47号', '申请公开楚市政通【2017】047号文件', '楚市政通 (2017) 47 号']) {
    assert.equal(extractDocNo(s), '楚市政通〔2017〕47号', s);
  }
  assert.equal(extractDocNo('2026年部门预算'), '');
});

test('descriptions that differ only in asking words and punctuation are the same information', () => {
  assert.equal(normaliseDescription('申请公开：楚雄市2026年部门预算！'), normaliseDescription('楚雄市2026年部门预算'));
  assert.ok(similarity('楚雄市2025年政府采购项目目录及执行情况', '楚雄市2025年政府采购项目目录和执行情况') >= 0.6);
  assert.ok(similarity('楚雄市2025年政府采购项目目录', '东瓜镇危房改造补助名单') < 0.2);
});

test('受理编号: YSQ-2026-000123, parsed from what people type', () => {
  assert.equal(formatRequestNo(2026, 123), 'YSQ-2026-000123');
  assert.deepEqual(parseRequestNo(' ysq-2026-000123 '), { requestNo: 'YSQ-2026-000123', year: 2026, seq: 123 });
  assert.equal(parseRequestNo('YSQ-26-1'), null);
});
