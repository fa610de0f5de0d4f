import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffLines, pairFields } from './staff-diff.ts';
import { readRecordForm } from './staff-form.ts';

describe('diffLines', () => {
  const cases: Array<[string, string, string, string]> = [
    ['identical', 'a\nb', 'a\nb', '=a =b'],
    ['a line changed', '一\n二\n三', '一\n贰\n三', '=一 -二 +贰 =三'],
    ['lines added at the end', '一', '一\n二\n三', '=一 +二 +三'],
    ['everything removed', '一\n二', '', '-一 -二'],
    ['from nothing', '', '新', '+新'],
  ];
  for (const [label, a, b, expected] of cases) {
    it(label, () => {
      const ops = diffLines(a, b).map((l) => `${l.op === 'same' ? '=' : l.op === 'add' ? '+' : '-'}${l.text}`);
      assert.equal(ops.join(' '), expected);
    });
  }
});

describe('pairFields', () => {
  it('labels codes and marks what changed', () => {
    const before = { title: '旧标题', docType: 'other', disclosure: 'proactive', disclosureGrounds: [], keywords: ['预算'], bodyHtml: '<p>正文</p>', catalogItemId: 7 };
    const after = { title: '新标题', docType: 'normative', disclosure: 'withheld', disclosureGrounds: ['art16-internal'], keywords: ['预算', '决算'], bodyHtml: '<p>正文</p>', catalogItemId: 7 };
    const pairs = pairFields(before, after, (id) => `财政预决算 › 事项${id}`);
    const changed = Object.fromEntries(pairs.filter((p) => p.changed).map((p) => [p.label, `${p.before} → ${p.after}`]));
    assert.deepEqual(changed, {
      标题: '旧标题 → 新标题',
      文件类型: '其他 → 行政规范性文件',
      关键词: '预算 → 预算、决算',
      公开属性: '主动公开 → 不予公开',
      不公开依据: ' → 《政府信息公开条例》第十六条第一款：内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）',
    });
    assert.equal(pairs.find((p) => p.field === 'catalogItemId')!.before, '财政预决算 › 事项7');
  });
});

describe('readRecordForm', () => {
  it('keeps the typed text, rejects an item outside the unit and turns plain text into paragraphs', () => {
    const r = readRecordForm(
      { kind: 'record', catalogItemId: '99', generalColumn: 'nonsense', title: ' 标题 ', docType: 'normative', disclosure: 'proactive', bodyHtml: '第一段\n\n第二段', keywords: '甲、乙', needsInterpretation: 'on' },
      new Set([1, 2]),
    );
    assert.equal(r.values.catalogItemId, '99');
    assert.equal(r.errors.catalogItemId, '所选公开事项不在本单位的目录中，请从列表中选择');
    assert.equal(r.errors.generalColumn, '请从列表中选择栏目');
    assert.equal(r.values.title, '标题');
    assert.equal(r.input.catalogItemId, null);
    assert.equal(r.input.bodyHtml, '<p>第一段</p>\n<p>第二段</p>');
    assert.equal(r.input.needsInterpretation, true);
    assert.deepEqual(r.input.keywords, ['甲、乙']);
  });

  it('treats a body that is not an object as an empty form', () => {
    const r = readRecordForm('garbage', new Set());
    assert.equal(r.errors.kind, '请选择信息类别');
    assert.equal(r.input.title, '');
  });
});
