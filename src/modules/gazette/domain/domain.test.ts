import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { issueTitle, nextIssueNumber, numberingProblems, type IssueNumber } from './numbering.ts';
import { gazetteRefusals } from './eligibility.ts';
import { availableActions, editRefusal, transition, type IssueFacts } from './workflow.ts';

// Worked by hand: 楚雄市 started its gazette in 2024 with 总第1期 and published 6 issues in 2024 and 3 in 2025.
const EXISTING: IssueNumber[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ year: 2024, number: n, overall: n })),
  { year: 2025, number: 1, overall: 7 },
  { year: 2025, number: 2, overall: 8 },
  { year: 2025, number: 3, overall: 9 },
];

describe('gazette numbering (期 restarts each year, 总期 never does)', () => {
  const cases: [string, IssueNumber[], number, IssueNumber][] = [
    ['the first issue ever', [], 2025, { year: 2025, number: 1, overall: 1 }],
    ['next in the same year', EXISTING, 2025, { year: 2025, number: 4, overall: 10 }],
    ['first of a new year: 期 back to 1, 总期 goes on', EXISTING, 2026, { year: 2026, number: 1, overall: 10 }],
    ['gaps in 2024 do not matter: the largest counts', [{ year: 2024, number: 5, overall: 12 }], 2024, { year: 2024, number: 6, overall: 13 }],
  ];
  for (const [name, existing, year, want] of cases) it(name, () => assert.deepEqual(nextIssueNumber(existing, year), want));

  it('a gazette that started with the paper edition counts from its first 总期', () => {
    assert.deepEqual(nextIssueNumber([], 2025, 58), { year: 2025, number: 1, overall: 58 });
  });

  const problems: [string, IssueNumber, string[]][] = [
    ['free numbers in order', { year: 2025, number: 4, overall: 10 }, []],
    ['a taken 期', { year: 2025, number: 2, overall: 10 }, ['2025年第2期已经存在']],
    ['a taken 总期', { year: 2025, number: 4, overall: 9 }, ['总第9期已经存在']],
    ['总期 smaller than an earlier issue', { year: 2026, number: 1, overall: 3 }, ['总第3期已经存在']],
    ['总期 out of order with later issues', { year: 2024, number: 7, overall: 10 }, [7, 8, 9].map((n, i) => `总期号与2025年第${i + 1}期（总第${n}期）的顺序不符`)],
    ['期 0', { year: 2025, number: 0, overall: 10 }, ['期号应为1至99的整数']],
    ['总期 0', { year: 2025, number: 4, overall: 0 }, ['总期号应为正整数']],
  ];
  for (const [name, p, want] of problems) it(`checks ${name}`, () => assert.deepEqual(numberingProblems(EXISTING, p), want));

  it('titles an issue the way the cover prints it', () => {
    assert.equal(issueTitle('楚雄市人民政府', { year: 2025, number: 3, overall: 27 }), '《楚雄市人民政府公报》2025年第3期（总第27期）');
  });
});

describe('who may publish a gazette (国办发〔2018〕22号)', () => {
  it('the city government may', () => assert.deepEqual(gazetteRefusals({ type: 'government', parentId: null }), []));
  it('a department may not', () => assert.match(gazetteRefusals({ type: 'department', parentId: 1 })[0]!, /政府所属部门不办政府公报/));
  it('a township may not', () => assert.match(gazetteRefusals({ type: 'township', parentId: 1 })[0]!, /乡镇人民政府、街道办事处不办政府公报/));
  it('another kind of unit may not', () => assert.match(gazetteRefusals({ type: 'other', parentId: 1 })[0]!, /只有县级以上人民政府/));
  it('a government unit below the root may not', () => assert.match(gazetteRefusals({ type: 'government', parentId: 1 })[0]!, /本级人民政府/));
});

describe('issue workflow: 编辑 → 校对 → 审定 → 发行, fixed once released', () => {
  const facts = (over: Partial<IssueFacts>): IssueFacts => ({ state: 'drafted', articleCount: 3, emptyArticles: [], unlinkedErrata: 0, ...over });
  const table: [string, IssueFacts, Parameters<typeof transition>[1], string, string[]][] = [
    ['proofread a draft', facts({}), 'proofread', 'proofread', []],
    ['approve after proofreading', facts({ state: 'proofread' }), 'approve', 'approved', []],
    ['release after approval', facts({ state: 'approved' }), 'release', 'released', []],
    ['send back for changes', facts({ state: 'approved' }), 'reopen', 'drafted', []],
    ['no release before approval', facts({ state: 'proofread' }), 'release', 'released', ['当前状态为“已校对”，不能发行。']],
    ['an empty issue', facts({ articleCount: 0 }), 'proofread', 'proofread', ['本期还没有文章。']],
    ['an article without body', facts({ emptyArticles: ['关于印发某办法的通知'] }), 'proofread', 'proofread', ['《关于印发某办法的通知》没有正文。']],
    ['an erratum naming nothing', facts({ unlinkedErrata: 1 }), 'proofread', 'proofread', ['勘误必须指明所更正的往期文章。']],
    ['a released issue stays', facts({ state: 'released' }), 'reopen', 'drafted', ['本期已发行，内容不能再改动；如有错误，请在以后一期刊登勘误。']],
  ];
  for (const [name, f, action, to, reasons] of table) it(name, () => assert.deepEqual(transition(f, action), { to, reasons }));

  it('edits only while drafted', () => {
    assert.equal(editRefusal('drafted'), null);
    assert.match(editRefusal('approved')!, /退回修改/);
    assert.match(editRefusal('released')!, /勘误/);
  });
  it('offers the next step only', () => {
    assert.deepEqual(availableActions('drafted'), ['proofread']);
    assert.deepEqual(availableActions('approved'), ['release', 'reopen']);
    assert.deepEqual(availableActions('released'), []);
  });
});
