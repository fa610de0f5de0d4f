import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { descendantIds, flattenTree, parentProblem, type TreeUnit } from './tree.ts';

// 1 市政府 ─┬─ 2 财政局 ── 4 国库中心 ── 5 核算科
//           └─ 3 东瓜镇
const UNITS: TreeUnit[] = [
  { id: 3, parentId: 1, sortOrder: 30, name: '东瓜镇' },
  { id: 5, parentId: 4, sortOrder: 10, name: '核算科' },
  { id: 1, parentId: null, sortOrder: 10, name: '市政府' },
  { id: 4, parentId: 2, sortOrder: 10, name: '国库中心' },
  { id: 2, parentId: 1, sortOrder: 20, name: '财政局' },
];

describe('flattenTree', () => {
  it('lists parents before children, siblings by sort order, with depths', () => {
    assert.deepEqual(
      flattenTree(UNITS).map((n) => `${n.depth}:${n.unit.name}`),
      ['0:市政府', '1:财政局', '2:国库中心', '3:核算科', '1:东瓜镇'],
    );
  });
  it('treats a unit whose parent is not listed as a top (a unit admin sees one unit)', () => {
    assert.deepEqual(
      flattenTree(UNITS.filter((u) => u.id === 2)).map((n) => `${n.depth}:${n.unit.name}`),
      ['0:财政局'],
    );
  });
  it('still lists every unit once when the data holds a cycle', () => {
    const broken: TreeUnit[] = [
      { id: 1, parentId: 2, sortOrder: 0, name: 'A' },
      { id: 2, parentId: 1, sortOrder: 0, name: 'B' },
    ];
    assert.deepEqual(
      flattenTree(broken).map((n) => `${n.depth}:${n.unit.name}`),
      ['0:A', '1:B'],
    );
  });
});

describe('descendantIds / parentProblem', () => {
  it('finds every unit below, at any depth', () => {
    assert.deepEqual([...descendantIds(UNITS, 2)].sort(), [4, 5]);
    assert.deepEqual([...descendantIds(UNITS, 3)], []);
  });
  it('refuses the unit itself as its parent', () => {
    assert.equal(parentProblem(UNITS, 2, 2), '上级单位不能是本单位');
  });
  it('refuses a descendant as the parent, naming it', () => {
    assert.equal(parentProblem(UNITS, 2, 5), '上级单位不能是本单位的下级单位（「核算科」）');
    assert.equal(parentProblem(UNITS, 1, 4), '上级单位不能是本单位的下级单位（「国库中心」）');
  });
  it('allows a move to a sibling or an ancestor', () => {
    assert.equal(parentProblem(UNITS, 4, 3), undefined);
    assert.equal(parentProblem(UNITS, 5, 1), undefined);
  });
});
