import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReport, failing, type CheckInput } from './checks.ts';
import { SAMPLE_S3, s3Of } from '../testing/sample.ts';
import { emptyS2, zeroS3, zeroS4, type ReportTables, type S3Table } from './tables.ts';

// A balanced table 三 (the same as the hand-worked request fixture of section3.test.ts).
const BALANCED = SAMPLE_S3;

function filledS2() {
  const s2 = emptyS2();
  s2.records = { regulation: { issued: 0, repealed: 0, inForce: 2 }, normativeDocument: { issued: 3, repealed: 1, inForce: 17 } };
  s2.decisions = { licensing: 120, penalty: 45, enforcement: 3 };
  s2.feesWanYuan = '12.5';
  return s2;
}

const TEXTS = { overview: '（一）主动公开 本年度……', problems: '（一）存在的主要问题 ……', other: '（一）本年度未收取信息处理费。' };

function previousWithForward(forward: number[]): { year: number; tables: ReportTables } {
  return { year: 2024, tables: { s2: filledS2(), s3: s3Of({ new: forward, forward }), s4: zeroS4() } };
}

describe('report checks', () => {
  it('passes a complete, balanced report whose carry-over matches last year', () => {
    const s4 = zeroS4();
    s4.review = { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 };
    const input: CheckInput = { year: 2025, tables: { s2: filledS2(), s3: s3Of(BALANCED), s4 }, previous: previousWithForward([1, 1, 2, 0, 0, 0, 4]), texts: TEXTS };
    const results = checkReport(input);
    assert.deepEqual(failing(results), []);
    // 10 figures entered + 7 balance + 7 （七） sums + 25 row sums + 7 carry-over + 3 table 四 + 3 texts.
    assert.equal(results.length, 62);
  });

  it('names each failing cell in Chinese', () => {
    const rows = structuredClone(BALANCED);
    rows.new = [9, 2, 0, 1, 2, 1, 15]; // one 自然人 request too many in 一
    rows.granted = [1, 1, 2, 0, 0, 0, 3]; // 科研机构 予以公开 raised without its totals
    const s2 = filledS2();
    s2.decisions.licensing = null;
    const s4 = zeroS4();
    s4.review = { upheld: 1, corrected: 1, other: 0, pending: 0, total: 3 };
    const input: CheckInput = {
      year: 2025,
      tables: { s2, s3: s3Of(rows), s4 },
      // Last year carried forward 2 自然人 (this year says 1) and 5 in all (this year says 4).
      previous: previousWithForward([2, 1, 2, 0, 0, 0, 5]),
      texts: { overview: TEXTS.overview, problems: '   ', other: '（一）【请填写：收费情况】' },
    };
    const bad = failing(checkReport(input));
    assert.deepEqual(
      bad.map((r) => r.id),
      [
        'filled.s2.licensing',
        's3.balance.person',
        's3.balance.total',
        's3.sum.research',
        's3.rowsum.granted',
        's3.carry.person',
        's3.carry.total',
        's4.sum.review',
        'text.problems',
        'text.other',
      ],
    );
    const msg = Object.fromEntries(bad.map((r) => [r.id, r.message]));
    assert.equal(msg['filled.s2.licensing'], '表二「行政许可·本年处理决定数量」尚未填报');
    assert.equal(
      msg['s3.balance.person'],
      '表三「自然人」列：表三「一、本年新收政府信息公开申请数量」行「自然人」列（9）加表三「二、上年结转政府信息公开申请数量」行「自然人」列（1）之和为10，不等于表三「（七）总计」行「自然人」列（7）加表三「四、结转下年度继续办理」行「自然人」列（2）之和9',
    );
    assert.equal(msg['s3.sum.research'], '表三「（七）总计」行「科研机构」列为2，但（一）至（六）各项之和为3');
    assert.equal(msg['s3.rowsum.granted'], '表三「（一）予以公开」行「总计」列为3，但各类申请人之和为4');
    assert.equal(msg['s3.carry.person'], '表三「二、上年结转政府信息公开申请数量」行「自然人」列为1，但2024年度年报「四、结转下年度继续办理」行「自然人」列为2');
    assert.equal(msg['s3.carry.total'], '表三「二、上年结转政府信息公开申请数量」行「总计」列为4，但2024年度年报「四、结转下年度继续办理」行「总计」列为5');
    assert.equal(msg['s4.sum.review'], '表四「行政复议·总计」为3，但结果维持、结果纠正、其他结果、尚未审结之和为2');
    assert.equal(msg['text.problems'], '正文「五、存在的主要问题及改进情况」尚未填写');
    assert.equal(msg['text.other'], '正文「六、其他需要报告的事项」仍有“【请填写】”处未完成');
    assert.deepEqual(bad.find((r) => r.id === 's3.rowsum.granted')!.cells, ['s3.granted.total']);
  });

  it('names a nested outcome row with its group label', () => {
    const rows = structuredClone(BALANCED);
    rows.noClarification = [1, 0, 0, 0, 0, 0, 2];
    const bad = failing(checkReport({ year: 2025, tables: { s2: filledS2(), s3: s3Of(rows), s4: zeroS4() }, previous: previousWithForward([1, 1, 2, 0, 0, 0, 4]), texts: TEXTS }));
    assert.deepEqual(
      bad.map((r) => r.message),
      [
        '表三「（七）总计」行「总计」列为15，但（一）至（六）各项之和为16',
        '表三「（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」行「总计」列为2，但各类申请人之和为1',
      ],
    );
  });

  it('asks for last year’s report when something is carried over and there is none', () => {
    const bad = failing(checkReport({ year: 2025, tables: { s2: filledS2(), s3: s3Of(BALANCED), s4: zeroS4() }, previous: null, texts: TEXTS }));
    assert.deepEqual(
      bad.map((r) => r.id),
      ['s3.carry.person', 's3.carry.business', 's3.carry.research', 's3.carry.total'],
    );
    assert.equal(bad[0]!.message, '表三「二、上年结转政府信息公开申请数量」行「自然人」列为1，但没有2024年度年报可供核对；请先补录2024年度年报');
  });

  it('needs no earlier report when nothing is carried over', () => {
    const rows = { new: [1, 0, 0, 0, 0, 0, 1], granted: [1, 0, 0, 0, 0, 0, 1], total: [1, 0, 0, 0, 0, 0, 1] };
    assert.deepEqual(failing(checkReport({ year: 2025, tables: { s2: filledS2(), s3: s3Of(rows), s4: zeroS4() }, previous: null, texts: TEXTS })), []);
  });
});
