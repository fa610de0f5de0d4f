import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyChangeAction, composition, DEFAULT_POWER_TYPES, diffRows, editionLabelProblem, parseDuties, rowProblems, type PowerRow } from './power-list.ts';

const TYPES = DEFAULT_POWER_TYPES.map((t) => t.label);

const row: PowerRow = {
  code: '5323010-CF-001',
  name: '对在城市道路上擅自设置摊点的处罚',
  subItem: '',
  type: '行政处罚',
  basis: ['《城市市容和环境卫生管理条例》第三十六条'],
  subject: '鹿城镇人民政府',
  entrustedBy: '',
  target: '自然人、法人、其他组织',
  duties: [{ stage: '立案责任', text: '符合立案条件的，十个工作日内予以立案' }],
  accountability: '没有法律依据实施处罚的',
  accountabilityBasis: '《中华人民共和国行政处罚法》第七十六条',
  supervision: '监督电话：0878-3123456',
  remedy: '行政复议、行政诉讼',
  source: '下放',
  note: '',
};

describe('权责清单 row elements (云政发〔2017〕64号 第四条)', () => {
  it('a complete row has no problem', () => assert.deepEqual(rowProblems(row, TYPES), {}));
  it('names every missing element at its field', () => {
    const p = rowProblems({ ...row, subject: '', remedy: ' ', duties: [], basis: [] }, TYPES);
    assert.deepEqual(Object.keys(p).sort(), ['basis', 'duties', 'remedy', 'subject']);
    assert.equal(p.subject, '请填写实施主体');
  });
  it('refuses a 职权类型 outside the editable list, and accepts one added to it', () => {
    assert.match(rowProblems({ ...row, type: '非行政许可审批' }, TYPES).type!, /不在本市的职权类型列表中/);
    assert.deepEqual(rowProblems({ ...row, type: '非行政许可审批' }, [...TYPES, '非行政许可审批']), {});
  });
  it('wants a law name in 书名号 in 设定依据', () => assert.match(rowProblems({ ...row, basis: ['城市市容条例第三十六条'] }, TYPES).basis!, /书名号/));
  it('an entrusted row names the entrusting body', () => assert.equal(rowProblems({ ...row, source: '委托' }, TYPES).entrustedBy, '委托实施的事项请填写委托机关'));
});

describe('责任事项 text into stages', () => {
  it('splits the numbered stages of a 行政处罚 row', () => {
    assert.deepEqual(parseDuties('1.立案责任：符合立案条件的，十个工作日内予以立案。2.调查取证责任：执法人员不得少于两人。\n3.其他法律法规规章文件规定应履行的责任。'), [
      { stage: '立案责任', text: '符合立案条件的，十个工作日内予以立案。' },
      { stage: '调查取证责任', text: '执法人员不得少于两人。' },
      { stage: '其他法律法规规章文件规定应履行的责任', text: '其他法律法规规章文件规定应履行的责任' },
    ]);
  });
  it('keeps unnumbered text as one stage', () => assert.deepEqual(parseDuties('依法履行监管职责'), [{ stage: '', text: '依法履行监管职责' }]));
});

describe('change workflow 提出 → 审核 → 合法性审查 → 同意 → 公布', () => {
  const today = '2026-12-07';
  it('goes through every step in order, each dated', () => {
    let s = applyChangeAction({ state: 'proposed', lastOn: '2026-11-02' }, 'review', { on: '2026-11-05' }, today);
    assert.deepEqual(s, { ok: true, state: 'reviewed' });
    s = applyChangeAction({ state: 'reviewed', lastOn: '2026-11-05' }, 'check_legality', { on: '2026-11-10' }, today);
    assert.deepEqual(s, { ok: true, state: 'legality_checked' });
    s = applyChangeAction({ state: 'legality_checked', lastOn: '2026-11-10' }, 'approve', { on: '2026-11-20', docNo: '楚政办通〔2026〕31号' }, today);
    assert.deepEqual(s, { ok: true, state: 'approved' });
    s = applyChangeAction({ state: 'approved', lastOn: '2026-11-20' }, 'publish', { on: '2026-11-23' }, today);
    assert.deepEqual(s, { ok: true, state: 'published' });
  });
  it('refuses skipping the legality check', () => {
    const s = applyChangeAction({ state: 'reviewed', lastOn: '2026-11-05' }, 'approve', { on: '2026-11-20', docNo: 'x' }, today);
    assert.equal(s.ok, false);
  });
  it('approval needs the 文号; dates never go back nor past today', () => {
    const s = applyChangeAction({ state: 'legality_checked', lastOn: '2026-11-10' }, 'approve', { on: '2026-11-09' }, today);
    assert.deepEqual(s, { ok: false, errors: { on: '日期不能早于上一步的日期（2026-11-10）', docNo: '请填写同意调整的文件文号，如楚政办通〔2026〕12号' } });
    assert.deepEqual(applyChangeAction({ state: 'proposed', lastOn: '2026-11-02' }, 'review', { on: '2026-12-08' }, today), { ok: false, errors: { on: '日期不能晚于今天' } });
  });
  it('a rejection needs a reason and is not possible once approved', () => {
    assert.deepEqual(applyChangeAction({ state: 'reviewed', lastOn: '2026-11-05' }, 'reject', { on: '2026-11-06', reason: '' }, today), { ok: false, errors: { reason: '请填写退回理由' } });
    assert.equal(applyChangeAction({ state: 'approved', lastOn: '2026-11-05' }, 'reject', { on: '2026-11-06', reason: 'x' }, today).ok, false);
  });
});

describe('diff between editions', () => {
  it('finds added, removed and changed rows with the changed elements', () => {
    const b = { ...row, code: 'B', name: '乙' };
    const c = { ...row, code: 'C', name: '丙' };
    const d = diffRows([row, b], [{ ...row, basis: ['《城市市容和环境卫生管理条例》第三十七条'], source: '法定' }, c]);
    assert.deepEqual(d, [
      { key: 'code:5323010-CF-001', name: row.name, kind: 'changed', fields: ['设定依据', '来源'] },
      { key: 'code:C', name: '丙', kind: 'added', fields: [] },
      { key: 'code:B', name: '乙', kind: 'removed', fields: [] },
    ]);
  });
});

describe('composition and edition labels', () => {
  it('counts 法定 and 赋权 (下放 + 委托) like the 大姚 2023 list', () => {
    const rows = [
      ...Array.from({ length: 108 }, () => ({ type: '行政检查', source: '法定' as const })),
      ...Array.from({ length: 122 }, () => ({ type: '行政处罚', source: '下放' as const })),
      ...Array.from({ length: 5 }, () => ({ type: '行政许可', source: '委托' as const })),
    ];
    const c = composition(rows);
    assert.deepEqual([c.total, c.statutory, c.devolved + c.entrusted, c.byType[0]], [235, 108, 127, ['行政处罚', 122]]);
  });
  it('edition labels start with a year', () => {
    assert.equal(editionLabelProblem('2026年版'), undefined);
    assert.equal(editionLabelProblem('新版'), '版本名称应以年份开头，如2026年版');
  });
});
