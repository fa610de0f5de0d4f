import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSubject, moveSubject, subjectChoices, subjectFilterIds, subjectLabel, subjectTree, type SubjectRow } from './subjects.ts';

// 城乡建设(1) › 市政设施(3), 物业管理(4, retired); 教育(2) with no children; 旧分类(5, retired) › 子项(6).
const ROWS: SubjectRow[] = [
  { id: 2, parentId: null, name: '教育', position: 1, retired: false },
  { id: 1, parentId: null, name: '城乡建设', position: 0, retired: false },
  { id: 4, parentId: 1, name: '物业管理', position: 0, retired: true },
  { id: 3, parentId: 1, name: '市政设施', position: 1, retired: false },
  { id: 5, parentId: null, name: '旧分类', position: 2, retired: true },
  { id: 6, parentId: 5, name: '子项', position: 0, retired: false },
];

test('the tree is ordered by position; the intake choices leave out retired subjects and a parent that has current children', () => {
  assert.deepEqual(subjectTree(ROWS).map((t) => [t.name, t.children.map((c) => c.name)]), [
    ['城乡建设', ['物业管理', '市政设施']],
    ['教育', []],
    ['旧分类', ['子项']],
  ]);
  assert.deepEqual(subjectChoices(ROWS), [
    { id: 3, label: '城乡建设 › 市政设施' },
    { id: 2, label: '教育' },
  ]);
});

test('labels keep retired subjects on old items, marked; a first-level filter takes its children', () => {
  const cases: [number | null, string][] = [
    [3, '城乡建设 › 市政设施'],
    [4, '城乡建设 › 物业管理（已停用）'],
    [6, '旧分类 › 子项（已停用）'],
    [2, '教育'],
    [99, ''],
    [null, ''],
  ];
  for (const [id, want] of cases) assert.equal(subjectLabel(ROWS, id), want, String(id));
  assert.deepEqual(subjectFilterIds(ROWS, 1), [1, 4, 3]);
  assert.deepEqual(subjectFilterIds(ROWS, 3), [3]);
});

test('checks: name required and at most 20 characters, unique among current siblings, two levels at most', () => {
  const cases: [Parameters<typeof checkSubject>[1], Record<string, string>][] = [
    [{ parentId: null, name: '  ' }, { name: '请填写分类名称' }],
    [{ parentId: null, name: '一二三四五六七八九十一二三四五六七八九十一' }, { name: '分类名称不能超过20个字' }],
    [{ parentId: null, name: '教育' }, { name: '同一级已有“教育”' }],
    [{ id: 2, parentId: null, name: '教育' }, {}],
    [{ parentId: 1, name: '物业管理' }, {}], // the retired one does not block the name
    [{ parentId: 3, name: '路灯' }, { parentId: '分类最多两级，只能放在一级分类下' }],
    [{ parentId: 5, name: '新项' }, { parentId: '请选择在用的一级分类' }],
    [{ parentId: 1, name: '路灯照明' }, {}],
  ];
  for (const [input, want] of cases) assert.deepEqual(checkSubject(ROWS, input), want, input.name);
});

test('moving swaps with the neighbour and renumbers the siblings; nothing at the ends', () => {
  assert.deepEqual(moveSubject(ROWS, 2, 'up'), [
    { id: 2, position: 0 },
    { id: 1, position: 1 },
  ]);
  assert.deepEqual(moveSubject(ROWS, 1, 'up'), []);
  assert.deepEqual(moveSubject(ROWS, 5, 'down'), []);
  assert.deepEqual(moveSubject(ROWS, 4, 'down'), [
    { id: 3, position: 0 },
    { id: 4, position: 1 },
  ]);
});
