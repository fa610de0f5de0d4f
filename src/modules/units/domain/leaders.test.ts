import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editorRows, leaderRowsFromForm, validateLeaderRows } from './leaders.ts';

describe('leaderRowsFromForm', () => {
  it('reads numbered rows and ignores other and out-of-range fields', () => {
    const rows = leaderRowsFromForm({
      _csrf: 'x',
      'leaders[2].name': '李秀英',
      'leaders[2].title': '副局长',
      'leaders[1].name': '黄海涛',
      'leaders[1].delete': 'on',
      'leaders[0].name': '越界',
      'leaders[101].name': '越界',
      'leaders[3].evil': 'x',
    });
    assert.deepEqual(rows, [
      { row: 1, name: '黄海涛', title: '', duties: '', sort: '', remove: true },
      { row: 2, name: '李秀英', title: '副局长', duties: '', sort: '', remove: false },
    ]);
  });
});

describe('editorRows', () => {
  it('shows the saved leaders numbered from 1, then three empty rows', () => {
    const rows = editorRows([{ name: '黄海涛', title: '局长', duties: '主持全面工作' }]);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[0], { row: 1, name: '黄海涛', title: '局长', duties: '主持全面工作', sort: '1', remove: false });
    assert.deepEqual(rows[3], { row: 4, name: '', title: '', duties: '', sort: '', remove: false });
  });
});

describe('validateLeaderRows', () => {
  const row = (row: number, name: string, title: string, sort = '', remove = false, duties = '') => ({ row, name, title, duties, sort, remove });

  it('drops empty and deleted rows and orders by 排序 (blank last)', () => {
    const r = validateLeaderRows([row(1, '甲', '局长', '2'), row(2, '乙', '副局长', '', true), row(3, '', '', '5'), row(4, '丙', '副局长', ''), row(5, '丁', '总会计师', '1')]);
    assert.deepEqual(r, {
      ok: true,
      leaders: [
        { name: '丁', title: '总会计师', duties: '', sortOrder: 1 },
        { name: '甲', title: '局长', duties: '', sortOrder: 2 },
        { name: '丙', title: '副局长', duties: '', sortOrder: 3 },
      ],
    });
  });

  it('requires name and title on a non-empty row, with row-numbered messages', () => {
    const r = validateLeaderRows([row(1, '甲', '局长'), row(2, '', '副局长'), row(3, '丙', '', '', false, '分管财务'), row(4, '丁', '副局长', 'abc')]);
    assert.deepEqual(r, {
      ok: false,
      errors: {
        'leaders[2].name': '第2行：请填写姓名',
        'leaders[3].title': '第3行：请填写职务',
        'leaders[4].sort': '第4行：排序应为0—999之间的整数',
      },
    });
  });

  it('refuses more than 50 leaders', () => {
    const rows = Array.from({ length: 51 }, (_, i) => row(i + 1, `领导${i + 1}`, '副局长'));
    assert.deepEqual(validateLeaderRows(rows), { ok: false, errors: { leaders: '领导信息最多填写50人，当前为51人' } });
    assert.equal(validateLeaderRows(rows.slice(0, 50)).ok, true);
  });

  it('does not check a row marked 删除', () => {
    assert.deepEqual(validateLeaderRows([row(1, '', '局长', 'x', true)]), { ok: true, leaders: [] });
  });
});
