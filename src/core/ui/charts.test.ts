// Label room in horizontal bar charts: long unit names must not be cut at the chart's left edge.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { labelMargin } from './charts.tsx';

describe('labelMargin', () => {
  const cases: [string, string[], number, number][] = [
    ['short labels get the minimum', ['一般', '重大'], 640, 60],
    // 10 CJK characters × 15 px + 16 px of gap.
    ['楚雄市市场监督管理局', ['楚雄市市场监督管理局', '财政局'], 640, 166],
    // 12 CJK characters × 15 + 16 = 196.
    ['the longest label counts', ['东瓜镇', '楚雄州生态环境局楚雄分局'], 640, 196],
    // 4 digits × 8 + 4 CJK × 15 + 16 = 108.
    ['mixed text', ['2026年度报告'], 640, 108],
    ['never more than 45 % of the width', ['很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长'], 640, 288],
    ['no labels', [], 640, 60],
  ];
  for (const [name, labels, width, expected] of cases) it(name, () => assert.equal(labelMargin(labels, width), expected));
});
