import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFee, describeFee, perPageFee, perPageRate, perRequestFee, perRequestRate } from './fees.ts';

// 国办函〔2020〕109号 第四条 (按件, per calendar month, cumulative) and 第五条 (按量, per application).
const perRequestRates: [number, number][] = [
  [1, 0], [10, 0], [11, 100], [30, 100], [31, 200], [40, 200], [41, 300], [50, 300], [51, 400], [61, 500],
];
for (const [n, rate] of perRequestRates) {
  test(`按件计收: the ${n}th application of the month costs ${rate} 元`, () => assert.equal(perRequestRate(n), rate));
}

const perRequestTotals: [number, number][] = [
  [10, 0],
  [11, 100],
  [30, 2000], // 20 × 100
  [31, 2200], // + 200
  [40, 4000], // 2000 + 10 × 200
  [41, 4300], // + 300
  [50, 7000], // 4000 + 10 × 300
];
for (const [n, total] of perRequestTotals) {
  test(`按件计收: ${n} applications in one month cost ${total} 元 in all`, () => assert.equal(perRequestFee(0, n).amountYuan, total));
}

test('按件计收: only the excess is charged, per application by its position in the month', () => {
  assert.equal(perRequestFee(9, 1).amountYuan, 0); // the 10th
  assert.equal(perRequestFee(10, 1).amountYuan, 100); // the 11th
  assert.equal(perRequestFee(29, 2).amountYuan, 300); // the 30th (100) and 31st (200)
  assert.deepEqual(perRequestFee(28, 4).lines, [
    { from: 29, to: 30, count: 2, rateYuan: 100, amountYuan: 200 },
    { from: 31, to: 32, count: 2, rateYuan: 200, amountYuan: 400 },
  ]);
});

const perPage: [number, number][] = [
  [0, 0], [30, 0], [31, 10], [100, 700], [101, 720], [150, 1700], [200, 2700], [201, 2740], [250, 4700],
];
for (const [pages, total] of perPage) {
  test(`按量计收: ${pages} pages cost ${total} 元`, () => assert.equal(perPageFee(pages).amountYuan, total));
}

test('按量计收: tier rates and the notice lines', () => {
  assert.deepEqual([1, 30, 31, 100, 101, 200, 201, 1000].map(perPageRate), [0, 0, 10, 10, 20, 20, 40, 40]);
  assert.deepEqual(describeFee(perPageFee(250)), ['第31—100页：70页 × 10元 = 700元', '第101—200页：100页 × 20元 = 2000元', '第201—250页：50页 × 40元 = 2000元']);
  assert.match(perPageFee(250).basis, /第五条/);
});

test('one method per application (第三条): computeFee picks exactly one', () => {
  assert.equal(computeFee({ method: 'per_page', pages: 31, earlierThisMonth: 50 }).amountYuan, 10);
  assert.equal(computeFee({ method: 'per_request', pages: 500, earlierThisMonth: 10 }).amountYuan, 100);
});

test('bad input throws a RangeError', () => {
  assert.throws(() => perRequestRate(0), RangeError);
  assert.throws(() => perPageFee(-1), RangeError);
  assert.throws(() => perPageFee(1.5), RangeError);
  assert.throws(() => perRequestFee(-1), RangeError);
});
