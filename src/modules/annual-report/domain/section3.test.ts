import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeRequestTable, feesPaidInYear, placeRequest, requestInCell, yuanText, type RequestFact } from './section3.ts';
import { S3_COLUMNS, S3_ROWS, type OutcomeRow, type S3Row } from './template.ts';

function req(requestNo: string, applicantType: RequestFact['applicantType'], receivedOn: string, closedOn: string | null, outcome: OutcomeRow | null): RequestFact {
  return { requestNo, unitId: 1, applicantType, receivedOn, closedOn, outcome };
}

/**
 * Twenty requests around the 2025 report. The expected table below was worked out by hand from this
 * list (see the comment beside each request), not by running the code.
 */
const FIXTURE: RequestFact[] = [
  req('A1', 'person', '2025-02-10', '2025-03-05', 'granted'), //             new, （一）
  req('A2', 'person', '2025-03-01', '2025-03-20', 'partial'), //             new, （二）
  req('A3', 'person', '2025-04-02', '2025-04-25', 'notHeld'), //             new, （四）1
  req('A4', 'business', '2025-05-06', '2025-05-30', 'granted'), //           new, （一）
  req('A5', 'business', '2025-12-20', null, null), //                         new, still open → 四
  req('A6', 'research', '2024-12-15', '2025-01-10', 'granted'), //           carried, （一）
  req('A7', 'nonprofit', '2025-06-01', '2025-06-20', 'thirdParty'), //       new, （三）4
  req('A8', 'legal', '2025-07-01', '2025-07-28', 'processInfo'), //          new, （三）6
  req('A9', 'other', '2025-08-08', '2025-09-01', 'repeated'), //             new, （五）2
  req('A10', 'person', '2024-11-20', null, null), //                          carried, still open → 四
  req('A11', 'person', '2024-10-01', '2024-11-01', 'granted'), //            closed in 2024: not in 2025
  req('A12', 'business', '2026-01-05', null, null), //                        received in 2026: not in 2025
  req('A13', 'person', '2025-12-30', '2026-01-15', 'granted'), //            new, closed in 2026 → 四
  req('A14', 'person', '2025-09-10', '2025-10-10', 'noClarification'), //    new, （六）1
  req('A15', 'legal', '2025-10-10', '2025-11-11', 'feeUnpaid'), //           new, （六）2
  req('A16', 'person', '2025-11-01', '2025-11-02', 'otherReason'), //        new, （六）3
  req('A17', 'business', '2024-12-28', '2025-01-20', 'petition'), //         carried, （五）1
  req('A18', 'person', '2025-01-01', '2025-12-31', 'administrativeQuery'), // new, （三）8 (both ends of the year)
  req('A19', 'research', '2024-12-31', '2025-01-01', 'needsCreation'), //    carried, （四）2
  req('A20', 'person', '2025-05-05', '2025-05-06', 'partial'), //            new, （二）
];

// Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
const EXPECTED_2025: [S3Row, number[]][] = [
  ['new', [8, 2, 0, 1, 2, 1, 14]],
  ['carried', [1, 1, 2, 0, 0, 0, 4]],
  ['granted', [1, 1, 1, 0, 0, 0, 3]],
  ['partial', [2, 0, 0, 0, 0, 0, 2]],
  ['stateSecret', [0, 0, 0, 0, 0, 0, 0]],
  ['lawForbidden', [0, 0, 0, 0, 0, 0, 0]],
  ['threeSecurity', [0, 0, 0, 0, 0, 0, 0]],
  ['thirdParty', [0, 0, 0, 1, 0, 0, 1]],
  ['internalAffairs', [0, 0, 0, 0, 0, 0, 0]],
  ['processInfo', [0, 0, 0, 0, 1, 0, 1]],
  ['enforcementFile', [0, 0, 0, 0, 0, 0, 0]],
  ['administrativeQuery', [1, 0, 0, 0, 0, 0, 1]],
  ['notHeld', [1, 0, 0, 0, 0, 0, 1]],
  ['needsCreation', [0, 0, 1, 0, 0, 0, 1]],
  ['unclearAfterClarification', [0, 0, 0, 0, 0, 0, 0]],
  ['petition', [0, 1, 0, 0, 0, 0, 1]],
  ['repeated', [0, 0, 0, 0, 0, 1, 1]],
  ['publication', [0, 0, 0, 0, 0, 0, 0]],
  ['excessive', [0, 0, 0, 0, 0, 0, 0]],
  ['confirmation', [0, 0, 0, 0, 0, 0, 0]],
  ['noClarification', [1, 0, 0, 0, 0, 0, 1]],
  ['feeUnpaid', [0, 0, 0, 0, 1, 0, 1]],
  ['otherReason', [1, 0, 0, 0, 0, 0, 1]],
  ['total', [7, 2, 2, 1, 2, 1, 15]],
  ['forward', [2, 1, 0, 0, 0, 0, 3]],
];

describe('section 三 table from requests', () => {
  it('has the 25 data rows of the template, each expected row listed once', () => {
    assert.equal(S3_ROWS.length, 25);
    assert.deepEqual(
      EXPECTED_2025.map(([r]) => r),
      [...S3_ROWS],
    );
  });

  it('counts the hand-worked fixture into every one of the 175 cells', () => {
    const { table, issues } = computeRequestTable(FIXTURE, 2025);
    assert.deepEqual(issues, []);
    for (const [row, values] of EXPECTED_2025) {
      S3_COLUMNS.forEach((col, i) => assert.equal(table[row][col], values[i], `${row} / ${col}`));
    }
  });

  it('gives the same table from grouped facts (a source that counts in SQL)', () => {
    const groups = new Map<string, RequestFact>();
    for (const f of FIXTURE) {
      const p = placeRequest(f, 2025);
      if (!p) continue;
      // One group per applicant column, received/carried, outcome (or open on 31 December).
      const key = [f.applicantType, p.received, p.outcome ?? 'open'].join('|');
      const g = groups.get(key);
      if (g) g.count! += 1;
      else groups.set(key, { requestNo: '', unitId: 1, applicantType: f.applicantType, receivedOn: p.received ? '2025-01-01' : '2024-12-31', closedOn: p.forward ? null : '2025-12-31', outcome: p.outcome, count: 1 });
    }
    assert.ok(groups.size < FIXTURE.length);
    assert.deepEqual(computeRequestTable([...groups.values()], 2025), computeRequestTable(FIXTURE, 2025));
  });

  it('carries into 2025 exactly what 2024 carried forward', () => {
    const t2024 = computeRequestTable(FIXTURE, 2024).table;
    // 2024: A6, A10, A17, A19 open on 31 December; A11 received and closed in 2024.
    assert.deepEqual(t2024.forward, { person: 1, business: 1, research: 2, nonprofit: 0, legal: 0, other: 0, total: 4 });
    assert.deepEqual(t2024.granted, { person: 1, business: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 1 });
    assert.deepEqual(computeRequestTable(FIXTURE, 2025).table.carried, t2024.forward);
  });

  it('places a request by its dates: received, carried, closed and carried forward', () => {
    assert.deepEqual(placeRequest(FIXTURE[9]!, 2025), { received: false, carried: true, outcome: null, forward: true });
    assert.deepEqual(placeRequest(FIXTURE[12]!, 2025), { received: true, carried: false, outcome: null, forward: true });
    assert.deepEqual(placeRequest(FIXTURE[12]!, 2026), { received: false, carried: true, outcome: 'granted', forward: false });
    assert.equal(placeRequest(FIXTURE[10]!, 2025), null);
    assert.equal(placeRequest(FIXTURE[11]!, 2025), null);
  });

  it('selects the requests behind one cell for the drill-down list', () => {
    const behind = (row: S3Row, col: (typeof S3_COLUMNS)[number]) => FIXTURE.filter((f) => requestInCell(f, 2025, row, col)).map((f) => f.requestNo);
    assert.deepEqual(behind('partial', 'person'), ['A2', 'A20']);
    assert.deepEqual(behind('forward', 'total'), ['A5', 'A10', 'A13']);
    assert.deepEqual(behind('carried', 'research'), ['A6', 'A19']);
    assert.deepEqual(behind('total', 'legal'), ['A8', 'A15']);
    assert.deepEqual(behind('granted', 'business'), ['A4']);
  });

  it('reports a request closed without a countable outcome, which unbalances its column', () => {
    const { table, issues } = computeRequestTable([req('B1', 'person', '2025-03-01', '2025-03-10', null), req('B2', 'person', '2025-03-02', '2025-03-01', 'granted')], 2025);
    assert.deepEqual(issues, [
      { requestNo: 'B1', message: '已于2025-03-10办结，但没有登记可计入年报的办理结果' },
      { requestNo: 'B2', message: '办结日期（2025-03-01）早于收到申请日期（2025-03-02）' },
    ]);
    assert.equal(table.new.person, 2);
    assert.equal(table.total.person, 1);
    assert.equal(table.forward.person, 0);
  });

  it('sums the 信息处理费 paid within the year', () => {
    const fees = [
      { requestNo: 'A1', amountFen: 110_000, paidOn: '2025-03-01' },
      { requestNo: 'A2', amountFen: 4_050, paidOn: '2025-12-31' },
      { requestNo: 'A3', amountFen: 99_900, paidOn: '2026-01-01' },
    ];
    assert.equal(feesPaidInYear(fees, 2025), 114_050);
    assert.equal(yuanText(114_050), '1140.5');
    assert.equal(yuanText(4_005), '40.05');
    assert.equal(yuanText(20_000), '200');
  });
});
