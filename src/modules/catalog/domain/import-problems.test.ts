import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupProblems, problemKind } from './import-problems.ts';
import type { ImportProblem } from './types.ts';

const w = (message: string, severity: 'error' | 'warning' = 'warning'): ImportProblem => ({ row: 5, column: 'H', message, severity });

describe('import problems by kind', () => {
  it('names the kind of each message', () => {
    assert.equal(problemKind(w('公开主体中的「楚雄州生态环境局」不是本市单位名录中的单位…')), '公开主体不是本市单位');
    assert.equal(problemKind(w('公开时限「随部门决算一并公开」无法计算，已按文字保存')), '公开时限无法计算');
    assert.equal(problemKind(w('未导入：没有标准目录的表头（如封面、说明页），不是目录表')), '未导入的工作表');
    assert.equal(problemKind(w('别的')), '其他');
  });

  it('counts each kind, errors first, then the largest', () => {
    const problems = [
      ...Array.from({ length: 3000 }, (_, i) => w(`公开主体中的「某州局${i}」不是本市单位名录中的单位`)),
      ...Array.from({ length: 7 }, () => w('公开时限「及时」无法计算，已按文字保存')),
      w('缺少公开依据', 'error'),
    ];
    assert.deepEqual(groupProblems(problems), [
      { kind: '缺少内容', severity: 'error', count: 1 },
      { kind: '公开主体不是本市单位', severity: 'warning', count: 3000 },
      { kind: '公开时限无法计算', severity: 'warning', count: 7 },
    ]);
  });
});
