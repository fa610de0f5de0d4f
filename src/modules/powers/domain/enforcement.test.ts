import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../../../core/calendar/working-days.ts';
import { withProvisionalNextYear } from '../../../core/calendar/provisional.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { annualStatistics, figuresText, publicStatisticsYears, readEnteredFigures, sameEntry, statisticsLines, personalDataProblems, publicationDue, statisticsDue, statisticsYears, timeliness, withdrawalDue, withholdReason, type DecisionKind } from './enforcement.ts';

const cal = withProvisionalNextYear(buildCalendar(OFFICIAL_YEARS));

// Worked by hand from the 2026 notice: 春节 02-15..23 with make-up Saturdays 02-14 and 02-28; 清明 04-04..06;
// 国庆 10-01..07 with make-up 09-20 and 10-10. The decision day itself is not counted.
const publication: { kind: DecisionKind; decided: string; due: string; provisional: boolean; why: string }[] = [
  { kind: '行政处罚', decided: '2026-09-28', due: '2026-10-13', provisional: false, why: '9-29, 9-30, (国庆), 10-08, 10-09, 10-10 (Sat, works), 10-12, 10-13' },
  { kind: '行政许可', decided: '2026-02-12', due: '2026-02-28', provisional: false, why: '2-13, 2-14 (Sat, works), (春节), 2-24..2-27, 2-28 (Sat, works)' },
  { kind: '行政检查', decided: '2026-09-28', due: '2026-10-30', provisional: false, why: '20 working days across 国庆' },
  { kind: '行政强制', decided: '2026-03-02', due: '2026-03-30', provisional: false, why: '20 weekdays in March: 3-03 … 3-30' },
  { kind: '行政处罚', decided: '2026-12-28', due: '2027-01-07', provisional: true, why: '12-29..31, (2027-01-01 元旦 fixed), 01-04..01-07 — 2027 not yet entered' },
  { kind: '行政处罚', decided: '2026-06-18', due: '2026-06-30', provisional: false, why: '6-19..21 端午 (Fri–Sun); 6-22..6-26 are 5, 6-29 is 6, 6-30 is 7' },
];

describe('publication due dates (国办发〔2018〕118号: 7 / 20 working days)', () => {
  for (const c of publication) {
    it(`${c.kind} decided ${c.decided} → ${c.due} (${c.why})`, () => {
      assert.deepEqual(publicationDue(c.kind, c.decided, cal), { due: c.due, provisional: c.provisional });
    });
  }
});

describe('withdrawal due dates (行政处罚法 第四十八条, 第八十五条: 3 working days)', () => {
  const cases = [
    { on: '2026-04-02', due: '2026-04-08', why: '4-03, (清明 4-04..06), 4-07, 4-08' },
    { on: '2026-09-30', due: '2026-10-10', why: '(国庆), 10-08, 10-09, 10-10 (Sat, works)' },
    { on: '2026-11-25', due: '2026-11-30', why: '11-26, 11-27, (weekend), 11-30' },
  ];
  for (const c of cases) {
    it(`event ${c.on} → ${c.due} (${c.why})`, () => assert.equal(withdrawalDue(c.on, cal).due, c.due));
  }
});

describe('timeliness', () => {
  const due = '2026-10-13';
  const cases = [
    { publishedOn: '2026-10-13', today: '2026-11-01', withheld: false, want: 'on_time' },
    { publishedOn: '2026-10-14', today: '2026-11-01', withheld: false, want: 'late' },
    { publishedOn: null, today: '2026-10-13', withheld: false, want: 'pending' },
    { publishedOn: null, today: '2026-10-14', withheld: false, want: 'overdue' },
    { publishedOn: null, today: '2026-10-14', withheld: true, want: 'not_public' },
  ];
  for (const c of cases) it(`${JSON.stringify(c)}`, () => assert.equal(timeliness({ due, publishedOn: c.publishedOn, withheld: c.withheld }, c.today), c.want));
});

describe('personal data in a published decision (regulation-wave2 §2.6)', () => {
  const f = (value: string) => ({ facts: { label: '违法事实', value } });
  it('refuses a natural person’s ID number', () => {
    assert.match(personalDataProblems(f('当事人张某（身份证号532301198805120011）无证经营'), '自然人').facts!, /身份证号码/);
  });
  it('refuses phone numbers, mobile and landline', () => {
    assert.match(personalDataProblems(f('联系电话13908781234'), '自然人').facts!, /电话号码/);
    assert.match(personalDataProblems(f('电话0878-3123456'), '法人').facts!, /电话号码/);
  });
  it('refuses a natural person’s address', () => {
    assert.match(personalDataProblems(f('张某，住址：楚雄市鹿城镇某村12号'), '自然人').facts!, /住址/);
  });
  it('refuses a bank account, also for a legal person', () => {
    assert.match(personalDataProblems(f('罚款未缴入账户6222021234567890123'), '法人').facts!, /银行账号/);
  });
  it('keeps a company’s 统一社会信用代码 and plain facts', () => {
    assert.deepEqual(personalDataProblems({ uscc: { label: '统一社会信用代码', value: '91532301MA6K12345X' }, facts: { label: '违法事实', value: '于2026年3月销售过期食品共12件，货值金额360元' } }, '法人'), {});
  });
  it('never publishes a minor’s case', () => {
    assert.match(withholdReason({ partyIsMinor: true, secret: false })!, /未成年人/);
    assert.equal(withholdReason({ partyIsMinor: false, secret: false }), undefined);
  });
});

describe('年度执法数据 (国办发〔2018〕118号, 广东 format)', () => {
  it('lists the six kinds, 0 where the unit has the power, 无此职权 where it has not, other kinds when used', () => {
    // Register of 2025: 3 处罚 (fines 500 + 2000 + 0), 1 许可, 2 确认. 权责清单 types: 许可, 处罚, 检查, 确认.
    const rows = annualStatistics(
      [
        { kind: '行政处罚', n: 3, fines: 2500 },
        { kind: '行政许可', n: 1, fines: 0 },
        { kind: '行政确认', n: 2, fines: 0 },
      ],
      new Set(['行政许可', '行政处罚', '行政检查', '行政确认']),
    );
    assert.deepEqual(rows, [
      { kind: '行政许可', n: 1, fines: null, noPower: false },
      { kind: '行政处罚', n: 3, fines: 2500, noPower: false },
      { kind: '行政强制', n: 0, fines: null, noPower: true },
      { kind: '行政征收', n: 0, fines: null, noPower: true },
      { kind: '行政征用', n: 0, fines: null, noPower: true },
      { kind: '行政检查', n: 0, fines: null, noPower: false },
      { kind: '行政确认', n: 2, fines: null, noPower: false },
    ]);
  });

  it('without a 权责清单 shows 0 for every kind (it cannot say the power is missing)', () => {
    assert.ok(annualStatistics([], null).every((r) => r.n === 0 && !r.noPower));
  });

  it('is due on 31 January and shown for each finished year', () => {
    assert.equal(statisticsDue(2025), '2026-01-31');
    assert.deepEqual(statisticsYears(2024, '2026-11-26'), [2025, 2024]);
    assert.deepEqual(statisticsYears(2026, '2026-11-26'), []);
    assert.deepEqual(statisticsYears(2025, '2026-01-01'), [2025]);
    assert.deepEqual(statisticsYears(null, '2026-11-26'), []);
    // A year with figures entered but no decision is listed too; the current year never.
    assert.deepEqual(publicStatisticsYears(2025, [2023, 2026], '2026-11-26'), [2025, 2023]);
    assert.deepEqual(publicStatisticsYears(null, [2024], '2026-11-26'), [2024]);
  });
});

describe('年度执法数据: figures entered by hand', () => {
  it('reads counts and amounts, full-width digits and separators included; empty is not entered', () => {
    const r = readEnteredFigures({ inspections: '１，２３４', randomInspections: ' 300 次', levyAmount: '１２５００．５', licenceApplications: '', lawsuits: '0' });
    assert.deepEqual(r.errors, {});
    assert.deepEqual(r.figures, { inspections: 1234, randomInspections: 300, levyAmount: 12500.5, lawsuits: 0 });
    assert.deepEqual(figuresText(r.figures), { levyAmount: '12500.50', inspections: '1234', randomInspections: '300', lawsuits: '0' });
  });

  const refusals: { field: string; text: string; message: string }[] = [
    { field: 'inspections', text: '-3', message: '行政检查：开展行政检查次数应为不小于0的整数（次），例如 25' },
    { field: 'inspections', text: '2.5', message: '行政检查：开展行政检查次数应为不小于0的整数（次），例如 25' },
    { field: 'inspections', text: '十二', message: '行政检查：开展行政检查次数应为不小于0的整数（次），例如 25' },
    { field: 'lawsuits', text: '10000001', message: '被提起行政诉讼数量超过一千万件，请核对' },
    { field: 'levyAmount', text: '12.345', message: '行政征收：征收金额应为金额（元），最多两位小数，例如 12500.50' },
  ];
  for (const c of refusals) {
    it(`refuses ${c.field} = "${c.text}" at the field`, () => {
      const r = readEnteredFigures({ [c.field]: c.text });
      assert.equal(r.errors[c.field], c.message);
      assert.equal(r.figures[c.field], undefined);
    });
  }

  it('refuses a part larger than its whole (双随机 of all inspections, 纠错 of all 复议)', () => {
    const r = readEnteredFigures({ inspections: '10', randomInspections: '11', reconsiderations: '2', reconsiderationsCorrected: '2' });
    assert.deepEqual(r.errors, { randomInspections: '其中“双随机”抽查次数（11）不能大于开展行政检查次数（10）' });
  });

  it('knows a repeated entry (same figures and text, spaces around the text ignored)', () => {
    assert.ok(sameEntry({ figures: { inspections: 3 }, explanation: '说明 ' }, { figures: { inspections: 3 }, explanation: '说明' }));
    assert.ok(!sameEntry({ figures: { inspections: 3 }, explanation: '' }, { figures: { inspections: 4 }, explanation: '' }));
    assert.ok(!sameEntry({ figures: { inspections: 3 }, explanation: '' }, { figures: {}, explanation: '' }));
  });

  it('puts entered figures after the computed ones of their kind, unit-wide ones last', () => {
    // 许可 1 computed + 受理 3 entered; 处罚 2 with fines 800; 征收: no power and nothing entered; 检查: no power in
    // the list but 40 inspections entered, so its figures are shown; 复议 1 entered.
    const rows = [
      { kind: '行政许可', n: 1, fines: null, noPower: false },
      { kind: '行政处罚', n: 2, fines: 800, noPower: false },
      { kind: '行政征收', n: 0, fines: null, noPower: true },
      { kind: '行政检查', n: 0, fines: null, noPower: true },
    ];
    const lines = statisticsLines(rows, { licenceApplications: 3, inspections: 40, reconsiderations: 1 });
    assert.deepEqual(
      lines.map((l) => [l.kind, l.label, l.value, l.source, l.noPower]),
      [
        ['行政许可', '处理决定数量', 1, 'computed', false],
        ['行政许可', '受理许可申请数量', 3, 'entered', false],
        ['行政处罚', '处理决定数量', 2, 'computed', false],
        ['行政处罚', '罚没金额', 800, 'computed', false],
        ['行政征收', '', null, 'computed', true],
        ['行政检查', '处理决定数量', 0, 'computed', false],
        ['行政检查', '开展行政检查次数', 40, 'entered', false],
        ['执法监督', '被申请行政复议数量', 1, 'entered', false],
      ],
    );
  });
});
