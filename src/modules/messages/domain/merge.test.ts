import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkMerge, checkUnmerge, compareItems, similarity, type MergeFacts } from './merge.ts';

describe('similarity (Dice over character pairs, worked by hand)', () => {
  const cases: [string, string, number][] = [
    // {路灯,灯不,不亮} and {路灯,灯不,不亮,亮了}: 2×3/(3+4)
    ['路灯不亮', '路灯不亮了', 6 / 7],
    // {小区,区噪,噪音} and {噪音,音扰,扰民}: 2×1/(3+3)
    ['小区噪音', '噪音扰民', 1 / 3],
    // punctuation ignored, full width folded
    ['路灯，不亮！', '路灯不亮', 1],
    ['ＡＢ', 'ab', 1],
    ['', '路灯', 0],
    ['停水', '路灯', 0],
  ];
  for (const [a, b, want] of cases) it(`${a} ~ ${b} = ${want.toFixed(2)}`, () => assert.ok(Math.abs(similarity(a, b) - want) < 1e-9));
});

describe('compareItems', () => {
  const a = { callerPhone: '13912345678', title: '北浦路路灯不亮', content: '北浦路路灯坏了半个月' };
  it('the same caller with a related text is a repeat', () => {
    const m = compareItems(a, { callerPhone: '13912345678', title: '路灯还是不亮', content: '上次反映的北浦路路灯仍未修好' });
    assert.equal(m.sameCaller, true);
    assert.equal(m.duplicate, true);
  });
  it('another caller needs a very similar text', () => {
    assert.equal(compareItems(a, { callerPhone: '13800000000', title: '北浦路路灯不亮', content: '北浦路路灯坏了半个月' }).duplicate, true);
    assert.equal(compareItems(a, { callerPhone: '13800000000', title: '停水没有通知', content: '今天上午突然停水' }).duplicate, false);
  });
  it('the same caller with an unrelated text is not a repeat', () => {
    assert.equal(compareItems(a, { callerPhone: '13912345678', title: '医保报销咨询', content: '州外住院报销比例是多少' }).duplicate, false);
  });
  it('an empty phone never makes two callers the same', () => {
    assert.equal(compareItems({ ...a, callerPhone: '' }, { ...a, callerPhone: '', title: '其他', content: '完全不同的内容' }).sameCaller, false);
  });
});

const item = (over: Partial<MergeFacts> = {}): MergeFacts => ({ id: 2, itemNo: 'HD-2026-000002', rootUnitId: 1, state: 'received', mergedInto: null, repliedOn: null, mergedCount: 0, ...over });
const main = (over: Partial<MergeFacts> = {}): MergeFacts => item({ id: 1, itemNo: 'HD-2026-000001', state: 'handling', ...over });

describe('checkMerge: every rule', () => {
  const cases: [string, MergeFacts, MergeFacts | null, string[]][] = [
    ['a new item into a main being handled', item(), main(), []],
    ['an item being handled into a main awaiting the return visit', item({ state: 'handling' }), main({ state: 'visiting', repliedOn: '2026-10-09' }), []],
    ['no main', item(), null, ['没有找到作为主件的诉求，请核对编号']],
    ['itself', item(), item(), ['不能把诉求并入它自己']],
    ['another site', item(), main({ rootUnitId: 9 }), ['只能并入本平台受理的诉求']],
    ['already merged', item({ mergedInto: 5 }), main(), ['该诉求已经并入其他诉求，请先撤销并单']],
    ['it is a main itself', item({ mergedCount: 2 }), main(), ['已有其他诉求并入本件，本件只能作为主件']],
    ['already answered', item({ state: 'replied', repliedOn: '2026-10-09' }), main(), ['已答复、已办结或不予受理的诉求不能再并单']],
    ['refused', item({ state: 'refused' }), main(), ['已答复、已办结或不予受理的诉求不能再并单']],
    ['the main is merged', item(), main({ mergedInto: 7 }), ['HD-2026-000001 本身已并入其他诉求，请并入其主件']],
    ['the main is closed', item(), main({ state: 'closed' }), ['HD-2026-000001 已办结、终止或不予受理，不能作为主件']],
  ];
  for (const [name, i, m, want] of cases) it(name, () => assert.deepEqual(checkMerge(i, m), want));
});

describe('checkUnmerge: only before the main item is answered', () => {
  it('allowed while the main is being handled', () => assert.deepEqual(checkUnmerge(item({ mergedInto: 1 }), main()), []));
  it('refused once the main has a reply', () => assert.deepEqual(checkUnmerge(item({ mergedInto: 1 }), main({ state: 'replied', repliedOn: '2026-10-09' })), ['主件 HD-2026-000001 已经答复，不能撤销并单']));
  it('refused for an item not merged', () => assert.deepEqual(checkUnmerge(item(), main()), ['该诉求没有并入其他诉求']));
});
