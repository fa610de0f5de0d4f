// The adapter against the real requests and publishing modules: their vocabularies map onto the
// template's rows and columns one to one, and a report generated from the demo requests adds up.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { findUnitBySlug } from '../../units/index.ts';
import { annualReportRequests, APPLICANT_COLUMNS, OUTCOMES } from '../../requests/index.ts';
import { countRecordsForAnnualReport } from '../../publishing/index.ts';
import { moduleSources, REQUEST_APPLICANT_COLUMNS, REQUEST_OUTCOME_ROWS } from './sources.ts';
import { OUTCOME_ROWS, S3_COLUMN_LABELS, S3_ROW_SPEC } from '../domain/template.ts';
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
    assert.equal(facts.facts.length, given.length);
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
});
