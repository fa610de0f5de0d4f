// The adapter against the real requests and publishing modules: their vocabularies map onto the
// template's rows and columns one to one, and a report generated from the demo requests adds up.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { findUnitBySlug } from '../../units/index.ts';
import { annualReportRequests, APPLICANT_COLUMNS, OUTCOMES } from '../../requests/index.ts';
import { computeRequestTable, requestInCell, type RequestFact } from '../domain/section3.ts';
import { recordInCell } from '../domain/section2.ts';
import { countRecordsForAnnualReport } from '../../publishing/index.ts';
import { moduleSources, REQUEST_APPLICANT_COLUMNS, REQUEST_OUTCOME_ROWS } from './sources.ts';
import { OUTCOME_ROWS, S3_COLUMN_LABELS, S3_ROW_SPEC, S3_ROWS, S3_COLUMNS } from '../domain/template.ts';
import { failing } from '../domain/checks.ts';
import { generateReport, tablesOf, checksFor } from '../service.ts';

describe('sources: the requests and publishing modules', () => {
  it('maps every outcome of the requests module to the row with the same label, in table order', () => {
    assert.equal(OUTCOMES.length, 21);
    assert.deepEqual(
      OUTCOMES.map((o) => REQUEST_OUTCOME_ROWS[o.code]),
      [...OUTCOME_ROWS],
    );
    for (const o of OUTCOMES) {
      const mine = S3_ROW_SPEC[REQUEST_OUTCOME_ROWS[o.code]!].label;
      // Theirs: "属于国家秘密"; ours: "1.属于国家秘密"; （一）（二） carry the group label.
      assert.ok(mine === `${o.no}.${o.label}` || mine === `${o.groupLabel}`, `${o.code}: ${mine} / ${o.label}`);
    }
  });

  it('maps every applicant column', () => {
    assert.deepEqual(
      APPLICANT_COLUMNS.map((c) => S3_COLUMN_LABELS[REQUEST_APPLICANT_COLUMNS[c]!]),
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    );
  });
});

describe('a report generated from the demo requests', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('counts every request the requests module gives, and balances', async () => {
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const given = await annualReportRequests(t.core.db, { unitId: finance.id, year: 2026 });
    assert.ok(given.length > 0, 'the demo data has requests of the finance bureau in 2026');
    const facts = await moduleSources.requests(t.core.db, { unitIds: [finance.id], year: 2026 });
    assert.ok(facts.available);
    assert.equal(facts.facts.reduce((n, f) => n + (f.count ?? 1), 0), given.length, 'the grouped export counts every request once');
    const result = await generateReport(t.core, systemActor, { unit: finance, year: 2026 });
    assert.ok(result.ok, JSON.stringify(!result.ok && result));
    assert.deepEqual(result.report.origins, { records: 'source', requests: 'source', cases: 'source' });
    assert.deepEqual(result.report.computed!.issues, []);
    const s3 = tablesOf(result.report).s3;
    assert.equal(s3.new.total + s3.carried.total, given.length);
    assert.equal(s3.forward.total, given.filter((r) => r.carriedForward).length);
    assert.equal(s3.total.total, given.filter((r) => r.outcome !== null).length);
    const bad = failing(await checksFor(t.core, result.report)).filter((c) => c.id.startsWith('s3.') && !c.id.startsWith('s3.carry'));
    assert.deepEqual(bad, [], 'table 三 balances');
  });

  it('takes the 规章 / 行政规范性文件 counts from publishing and adds them up across units', async () => {
    const city = (await findUnitBySlug(t.core.db, 'city-government'))!;
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const [a, b] = [await countRecordsForAnnualReport(t.core.db, city.id, 2026), await countRecordsForAnnualReport(t.core.db, finance.id, 2026)];
    assert.ok(a.normative.inForce >= 1, 'the demo plan 楚市政通〔2017〕47号 is a normative document in force');
    const r = await moduleSources.records(t.core.db, { unitIds: [city.id, finance.id], year: 2026 });
    assert.ok(r.available && r.facts === null);
    assert.deepEqual(r.counts, {
      regulation: { issued: a.regulation.issued + b.regulation.issued, repealed: a.regulation.repealed + b.regulation.repealed, inForce: a.regulation.inForce + b.regulation.inForce },
      normativeDocument: { issued: a.normative.issued + b.normative.issued, repealed: a.normative.repealed + b.normative.repealed, inForce: a.normative.inForce + b.normative.inForce },
    });
  });

  it('the grouped export gives the same table as one fact per request, and each drill-down page lists exactly the cell', async () => {
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    for (const year of [2025, 2026]) {
      const one: RequestFact[] = (await annualReportRequests(t.core.db, { unitId: finance.id, year })).map((r) => ({
        requestNo: r.requestNo,
        unitId: r.unitId,
        applicantType: REQUEST_APPLICANT_COLUMNS[r.applicantColumn]!,
        receivedOn: r.receivedOn,
        closedOn: r.closedOn,
        outcome: r.outcome === null ? null : REQUEST_OUTCOME_ROWS[r.outcome]!,
      }));
      const q = { unitIds: [finance.id], year };
      const grouped = await moduleSources.requests(t.core.db, q);
      assert.ok(grouped.available);
      assert.deepEqual(computeRequestTable(grouped.facts, year), computeRequestTable(one, year), `${year}`);
      for (const row of S3_ROWS) {
        for (const col of S3_COLUMNS) {
          const expected = one.filter((f) => requestInCell(f, year, row, col)).map((f) => f.requestNo).sort();
          const listed = await moduleSources.requestCell!(t.core.db, q, { row, column: col }, { offset: 0, limit: 1000 });
          assert.equal(listed.total, expected.length, `${year} ${row} ${col}`);
          assert.deepEqual(listed.facts.map((f) => f.requestNo).sort(), expected, `${year} ${row} ${col}`);
        }
      }
      const page2 = await moduleSources.requestCell!(t.core.db, q, { row: 'new', column: 'total' }, { offset: 1, limit: 1 });
      const all = await moduleSources.requestCell!(t.core.db, q, { row: 'new', column: 'total' }, { offset: 0, limit: 1000 });
      assert.deepEqual(page2.facts.map((f) => f.requestNo), all.facts.slice(1, 2).map((f) => f.requestNo), 'pages follow the same order');
    }
  });

  it('lists the 规章 / 行政规范性文件 behind each count of table 二', async () => {
    const city = (await findUnitBySlug(t.core.db, 'city-government'))!;
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const q = { unitIds: [city.id, finance.id], year: 2026 };
    const r = await moduleSources.records(t.core.db, q);
    assert.ok(r.available && r.facts === null);
    let listedSomething = false;
    for (const kind of ['regulation', 'normativeDocument'] as const) {
      for (const column of ['issued', 'repealed', 'inForce'] as const) {
        const list = await moduleSources.recordCell!(t.core.db, q, { kind, column });
        assert.equal(list.length, r.counts[kind][column], `${kind} ${column}`);
        for (const f of list) assert.ok(recordInCell(f, 2026, column), `${f.ref} belongs in ${column}`);
        listedSomething ||= list.length > 0;
      }
    }
    assert.ok(listedSomething, 'the demo plan 楚市政通〔2017〕47号 is listed as in force');
  });
});
