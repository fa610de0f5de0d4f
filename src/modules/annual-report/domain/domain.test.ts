import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeRecordCounts, recordInCell, type RecordFact } from './section2.ts';
import { caseInCell, computeRemedyTable, placeCase, type CaseFact } from './section4.ts';
import { deadlineState, defaultReportYear, publicationTooEarly, reportDueDate } from './due-dates.ts';
import { cellNameOf, parseCellId } from './cells.ts';
import { ALL_ENTERED, assembleTables, emptyEntered, enteredFields, prefillDecisions, readEntry, type Origins } from './assemble.ts';
import { prefillTexts } from './prefill.ts';
import { normaliseWanYuan, zeroS3, zeroS4 } from './tables.ts';
import { reportAccess } from './access.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';

const rec = (ref: string, kind: RecordFact['kind'], issuedOn: string, repealedOn: string | null = null, expiredOn: string | null = null): RecordFact => ({
  ref,
  title: ref,
  docNo: '',
  kind,
  issuedOn,
  repealedOn,
  expiredOn,
});

describe('section 二 from records', () => {
  const records = [
    rec('R1', 'regulation', '2019-05-01'), //                               in force
    rec('R2', 'regulation', '2025-03-01'), //                               issued, in force
    rec('R3', 'regulation', '2018-01-01', '2025-06-30'), //                 repealed in 2025
    rec('N1', 'normativeDocument', '2025-01-01'), //                        issued, in force
    rec('N2', 'normativeDocument', '2025-12-31', '2026-02-01'), //          issued, in force on 31 Dec
    rec('N3', 'normativeDocument', '2021-04-01', null, '2025-04-01'), //    expired: not in force, not 废止
    rec('N4', 'normativeDocument', '2025-02-01', '2025-11-30'), //          issued and repealed in 2025
    rec('N5', 'normativeDocument', '2026-01-02'), //                        later
    rec('N6', 'normativeDocument', '2020-01-01', '2024-12-31'), //          repealed in 2024
  ];
  it('counts 本年制发, 本年废止 and 现行有效 per kind (worked out by hand)', () => {
    assert.deepEqual(computeRecordCounts(records, 2025), {
      regulation: { issued: 1, repealed: 1, inForce: 2 },
      normativeDocument: { issued: 3, repealed: 1, inForce: 2 },
    });
    assert.ok(!recordInCell(records[5]!, 2025, 'repealed'), '失效 is not 废止');
    assert.ok(recordInCell(records[8]!, 2024, 'repealed'));
    assert.ok(recordInCell(records[8]!, 2024, 'inForce') === false);
  });
});

describe('section 四 from the case register', () => {
  const c = (code: string, kind: CaseFact['kind'], lawsuitPath: CaseFact['lawsuitPath'], filedOn: string, decidedOn: string | null, result: CaseFact['result']): CaseFact => ({
    code,
    kind,
    lawsuitPath,
    filedOn,
    decidedOn,
    result,
  });
  const cases = [
    c('F1', 'review', null, '2025-02-01', '2025-04-01', 'upheld'),
    c('F2', 'review', null, '2025-05-01', '2025-07-01', 'corrected'),
    c('F3', 'review', null, '2025-11-20', '2026-01-20', 'upheld'), //   open on 31 Dec 2025 → 尚未审结
    c('F4', 'review', null, '2024-11-01', '2025-01-15', 'other'), //   open on 1 Jan, decided in 2025
    c('F5', 'review', null, '2024-03-01', '2024-05-01', 'upheld'), //   decided in 2024: not in 2025
    c('S1', 'lawsuit', 'direct', '2025-03-01', null, 'pending'),
    c('S2', 'lawsuit', 'direct', '2025-01-05', '2025-09-09', 'corrected'),
    c('S3', 'lawsuit', 'after_review', '2025-08-01', '2025-12-31', 'upheld'),
    c('S4', 'lawsuit', 'after_review', '2026-01-03', null, 'pending'), // later
  ];
  it('counts each group by result as at 31 December (worked out by hand)', () => {
    assert.deepEqual(computeRemedyTable(cases, 2025), {
      review: { upheld: 1, corrected: 1, other: 1, pending: 1, total: 4 },
      direct: { upheld: 0, corrected: 1, other: 0, pending: 1, total: 2 },
      afterReview: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
    });
    assert.deepEqual(placeCase(cases[2]!, 2026), { group: 'review', column: 'upheld' });
    assert.equal(placeCase(cases[4]!, 2025), null);
    assert.deepEqual(
      cases.filter((x) => caseInCell(x, 2025, 'review', 'total')).map((x) => x.code),
      ['F1', 'F2', 'F3', 'F4'],
    );
  });
});

describe('due dates (条例 第四十九条)', () => {
  it('gives departments 31 January and the city government 31 March of the next year', () => {
    assert.equal(reportDueDate({ type: 'department', isRoot: false }, 2025).dueOn, '2026-01-31');
    assert.equal(reportDueDate({ type: 'government', isRoot: true }, 2025).dueOn, '2026-03-31');
    assert.equal(reportDueDate({ type: 'township', isRoot: false }, 2025).dueOn, '2026-01-31');
    assert.equal(reportDueDate({ type: 'other', isRoot: false }, 2024).dueOn, '2025-01-31');
  });
  it('tells where a report stands', () => {
    assert.deepEqual(deadlineState('2026-01-31', '2026-01-20', null), { state: 'due_soon', daysLeft: 11 });
    assert.deepEqual(deadlineState('2026-01-31', '2025-11-26', null), { state: 'open', daysLeft: 66 });
    assert.deepEqual(deadlineState('2026-01-31', '2026-02-02', null), { state: 'overdue', daysLeft: -2 });
    assert.equal(deadlineState('2026-01-31', '2026-02-02', '2026-01-31').state, 'published');
    assert.equal(deadlineState('2026-01-31', '2026-02-10', '2026-02-01').state, 'published_late');
    assert.equal(defaultReportYear('2026-11-26'), 2025);
  });
  it('lets a report on a year be published only from 1 January of the next year', () => {
    const cases: [number, string, boolean][] = [
      [2026, '2026-01-01', false],
      [2026, '2026-12-07', false],
      [2026, '2026-12-31', false],
      [2026, '2027-01-01', true],
      [2026, '2027-03-15', true],
      [2025, '2026-12-07', true],
      [2027, '2026-12-07', false],
    ];
    for (const [year, today, allowed] of cases) assert.equal(publicationTooEarly(year, today) === null, allowed, `${year} on ${today}`);
    assert.equal(publicationTooEarly(2026, '2026-12-31'), '2026年度尚未结束，年度报告可以先保存草稿，2027年1月1日起方可发布。');
  });
});

describe('cells', () => {
  it('parses ids and refuses anything else', () => {
    assert.deepEqual(parseCellId('s3.partial.legal'), { section: 's3', row: 'partial', column: 'legal' });
    assert.deepEqual(parseCellId('s2.fees'), { section: 's2', field: 'fees' });
    assert.deepEqual(parseCellId('s4.afterReview.pending'), { section: 's4', group: 'afterReview', column: 'pending' });
    for (const bad of ['', 's3', 's3.partial', 's3.partial.legal.x', 's3.nope.person', 's2.regulation.nope', 's5.a.b', 'x'.repeat(70), 's2.__proto__']) {
      assert.equal(parseCellId(bad), undefined, bad);
    }
    assert.equal(cellNameOf('s4.direct.upheld'), '表四「行政诉讼·未经复议直接起诉·结果维持」');
    assert.equal(cellNameOf('s2.normativeDocument.inForce'), '表二「行政规范性文件·现行有效件数」');
    assert.equal(cellNameOf('s3.stateSecret.research'), '表三「（三）不予公开 1.属于国家秘密」行「科研机构」列');
  });
});

describe('hand entry', () => {
  it('lists the fields of the parts not computed by the platform', () => {
    const generated: Origins = { records: 'source', requests: 'source', cases: 'source' };
    assert.deepEqual(enteredFields(generated), ['s2.licensing', 's2.penalty', 's2.enforcement', 's2.fees']);
    assert.equal(enteredFields(ALL_ENTERED).length, 6 + 4 + 175 + 15);
  });

  it('reads figures, keeps blanks of section 二 as not entered and names bad cells', () => {
    const form: Record<string, string> = { 's2.licensing': '1,203', 's2.penalty': '', 's2.enforcement': '-3', 's2.fees': '0012.50', 's3.new.person': '4', 's3.total.person': 'x', 's4.review.total': '2' };
    const { entered, errors, values } = readEntry((f) => form[f] ?? '', ALL_ENTERED, emptyEntered());
    assert.equal(entered.s2.decisions.licensing, 1203);
    assert.equal(entered.s2.decisions.penalty, null);
    assert.equal(entered.s2.feesWanYuan, '12.5');
    assert.equal(entered.s3!.new.person, 4);
    assert.equal(entered.s3!.carried.person, 0, 'a blank cell of table 三 counts as 0');
    assert.equal(entered.s4!.review.total, 2);
    assert.deepEqual(errors, {
      's2.enforcement': '表二「行政强制·本年处理决定数量」应为不小于0的整数',
      's3.total.person': '表三「（七）总计」行「自然人」列应为不小于0的整数',
    });
    assert.equal(values['s2.licensing'], '1203');
    const t = assembleTables(ALL_ENTERED, null, entered);
    assert.equal(t.s3.new.person, 4);
  });

  it('normalises 万元 amounts', () => {
    assert.equal(normaliseWanYuan('0'), '0');
    assert.equal(normaliseWanYuan('3.1400'), '3.14');
    assert.equal(normaliseWanYuan('1.23456'), undefined);
    assert.equal(normaliseWanYuan('-1'), undefined);
  });
});

describe('pre-filled text', () => {
  it('states the computed facts and marks what staff must write', () => {
    const s3 = zeroS3();
    s3.new.total = 14;
    s3.carried.total = 4;
    s3.granted.total = 3;
    s3.partial.total = 2;
    s3.thirdParty.total = 1;
    s3.notHeld.total = 2;
    s3.repeated.total = 1;
    s3.otherReason.total = 6;
    s3.total.total = 15;
    s3.forward.total = 3;
    const s4 = zeroS4();
    s4.review.total = 2;
    s4.direct.total = 1;
    const texts = prefillTexts({
      year: 2025,
      unitName: '楚雄市财政局',
      isGovernment: false,
      tables: { s2: { records: { regulation: { issued: 0, repealed: 0, inForce: 1 }, normativeDocument: { issued: 3, repealed: 1, inForce: 17 } }, decisions: { licensing: null, penalty: null, enforcement: null }, feesWanYuan: null }, s3, s4 },
      recordsFromSource: true,
      feesFen: 114_050,
    });
    assert.match(texts.overview, /2025年，楚雄市财政局制发规章0件、行政规范性文件3件，废止规章0件、行政规范性文件1件；截至2025年12月31日，现行有效规章1件、行政规范性文件17件。/);
    assert.match(texts.overview, /新收政府信息公开申请14件，上年结转4件；办结15件，其中予以公开3件、部分公开2件、不予公开1件、无法提供2件、不予处理1件、其他处理6件；结转下年度继续办理3件。/);
    assert.match(texts.overview, /因政府信息公开工作被申请行政复议2件、被提起行政诉讼1件。/);
    assert.match(texts.other, /本年度收取信息处理费共计1140.5元。/);
    assert.match(texts.problems, /【请填写：/);
    const none = prefillTexts({ year: 2025, unitName: '楚雄市人民政府', isGovernment: true, tables: { s2: { records: { regulation: { issued: 0, repealed: 0, inForce: 0 }, normativeDocument: { issued: 0, repealed: 0, inForce: 0 } }, decisions: { licensing: null, penalty: null, enforcement: null }, feesWanYuan: null }, s3: zeroS3(), s4: zeroS4() }, recordsFromSource: false, feesFen: null });
    assert.match(none.overview, /未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况/);
    assert.match(none.overview, /工作考核、社会评议和责任追究结果情况（《政府信息公开条例》第五十条第四项）/);
    assert.doesNotMatch(none.overview, /制发规章/);
    assert.match(none.other, /【请填写：依据《政府信息公开信息处理费管理办法》收取信息处理费的情况】/);
  });
});

describe('access', () => {
  const user = (unitId: number, roles: CurrentUser['roles']): CurrentUser => ({ id: 1, username: 'u', displayName: 'u', unitId, unitName: '', rootUnitId: 1, roles, mustChangePassword: false });
  const city = { id: 1, rootId: 1 };
  const finance = { id: 7, rootId: 1 };
  it('lets a unit prepare its own report and its reviewer publish it', () => {
    assert.deepEqual(reportAccess(user(7, ['editor']), finance), { view: true, edit: true, publish: false });
    assert.deepEqual(reportAccess(user(7, ['reviewer']), finance), { view: true, edit: false, publish: true });
    assert.deepEqual(reportAccess(user(7, ['editor']), city), { view: false, edit: false, publish: false });
  });
  it('lets the openness office prepare and publish the city report and see every unit', () => {
    assert.deepEqual(reportAccess(user(2, ['openness_office']), city), { view: true, edit: true, publish: true });
    assert.deepEqual(reportAccess(user(2, ['openness_office']), finance), { view: true, edit: false, publish: false });
    assert.deepEqual(reportAccess(user(2, ['auditor']), finance), { view: true, edit: false, publish: false });
  });
});

describe('table 二 decisions pre-filled from the 行政执法公示 register', () => {
  const register = { licensing: 12, penalty: 30, enforcement: 0 };
  it('fills figures not entered', () => {
    assert.deepEqual(prefillDecisions({ licensing: null, penalty: null, enforcement: null }, null, register), register);
  });
  it('keeps a figure the unit corrected, follows the register where the unit did not', () => {
    // Last generation: register 10 / 28 / 0; the unit changed 许可 to 11 and left the others.
    assert.deepEqual(prefillDecisions({ licensing: 11, penalty: 28, enforcement: 0 }, { licensing: 10, penalty: 28, enforcement: 0 }, register), { licensing: 11, penalty: 30, enforcement: 0 });
  });
  it('leaves the figures alone without a register', () => {
    assert.deepEqual(prefillDecisions({ licensing: 5, penalty: null, enforcement: null }, null, null), { licensing: 5, penalty: null, enforcement: null });
  });
});
