import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { archiveReasonProblem, archiveRefusals } from './archive.ts';

describe('archiveRefusals', () => {
  it('allows a leaf unit with no active staff', () => {
    assert.deepEqual(archiveRefusals({ isRoot: false, alreadyArchived: false, activeChildren: [], activeStaff: 0 }), []);
  });
  it('lists every reason at once', () => {
    assert.deepEqual(
      archiveRefusals({ isRoot: true, alreadyArchived: false, activeChildren: ['A', 'B', 'C', 'D', 'E', 'F'], activeStaff: 3 }),
      [
        '根单位（本级人民政府）不能撤销',
        '该单位还有下级单位：A、B、C、D、E等6个，请先撤销或调整这些单位',
        '该单位还有3个未停用的工作人员账号，请先调出或停用这些账号',
      ],
    );
  });
  it('requires a reason', () => {
    assert.equal(archiveReasonProblem(''), '请填写撤销原因');
    assert.equal(archiveReasonProblem('楚市编〔2026〕3号'), undefined);
  });
});
