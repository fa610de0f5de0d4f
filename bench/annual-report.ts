// The annual-report part of `npm run bench` (also runnable alone: `node --import tsx bench/annual-report.ts`).
// 100,000 requests of one unit (the finance bureau) in 2025 are loaded into the requests module's
// table (req_requests) of an app on its own embedded PostgreSQL: every applicant column, every one of
// the 21 outcome rows, some carried over from 2024, some still open or closed in 2026. Then the
// 2025 report is generated the way staff do it (the requests module's grouped export → the pure table →
// one transaction), and the report page and the largest drill-down list are loaded.
import pg from 'pg';
import { freePort } from '../src/core/testing/net.ts';
import { startTemporaryPostgres } from '../src/core/db/embedded.ts';
import { createTestApp, type TestApp } from '../src/core/testing/index.ts';
import { systemActor } from '../src/core/audit/index.ts';
import { findUnitBySlug } from '../src/modules/units/index.ts';
import { generateReport, tablesOf } from '../src/modules/annual-report/service.ts';
import { moduleSources, REQUEST_APPLICANT_COLUMNS, REQUEST_OUTCOME_ROWS } from '../src/modules/annual-report/data/sources.ts';
import { annualReportRequests } from '../src/modules/requests/index.ts';
import { computeRequestTable, type RequestFact } from '../src/modules/annual-report/domain/section3.ts';
import type { OutcomeRow } from '../src/modules/annual-report/domain/template.ts';
import { checkReport, failing } from '../src/modules/annual-report/domain/checks.ts';

export const REPORT_REQUESTS = Number(process.env.BENCH_REPORT_REQUESTS || 100_000);
const GOAL_MS = 1000;
const RUNS = 5;

/** A result line: label, value, goal, passed. */
export type Line = [label: string, value: string, goal: string, ok: boolean];

const OUTCOME_CODES = [
  'disclose', 'partial',
  'withhold_1', 'withhold_2', 'withhold_3', 'withhold_4', 'withhold_5', 'withhold_6', 'withhold_7', 'withhold_8',
  'unable_1', 'unable_2', 'unable_3',
  'not_processed_1', 'not_processed_2', 'not_processed_3', 'not_processed_4', 'not_processed_5',
  'other_1', 'other_2', 'other_3',
];

/**
 * Loads `count` requests of one unit, all open at some point of 2025, in one INSERT … SELECT:
 * 2% received in December 2024 and closed in January 2025 (carried over), 2% still open, 1% closed
 * in January 2026 (carried forward), the rest closed in 2025 with outcome g mod 21; applicants cycle through 自然人 and the
 * five 法人或其他组织 columns.
 */
async function loadRequests(client: pg.Client, rootId: number, unitId: number, count: number): Promise<number> {
  const t0 = performance.now();
  await client.query(
    `INSERT INTO req_requests (root_unit_id, request_no, lookup_hash, unit_id, state, channel, receipt_facts, received_on, receipt_basis,
       applicant_kind, org_subtype, applicant_name, id_type, id_number, applicant_key, info_description, forms, delivery,
       outcome, legal_basis, replied_on, closed_on, clock_status)
     SELECT $1::bigint, 'BENCH-2025-' || lpad(g::text, 6, '0'), 'bench', $2::bigint,
       CASE WHEN s.closed IS NULL THEN 'processing' ELSE 'replied' END, 'online', '{}'::jsonb, s.recv, '',
       CASE WHEN g % 6 = 0 THEN 'person' ELSE 'organisation' END,
       (ARRAY[NULL, 'business', 'research', 'nonprofit', 'legal_service', 'other'])[g % 6 + 1],
       '压测申请人', 'other', 'BENCH' || g, md5(g::text), '压测申请的政府信息', '{electronic}', 'download',
       CASE WHEN s.closed IS NULL THEN NULL ELSE ($3::text[])[g % 21 + 1] END,
       CASE WHEN s.closed IS NULL THEN '' ELSE '《中华人民共和国政府信息公开条例》' END,
       s.closed, s.closed, CASE WHEN s.closed IS NULL THEN 'running' ELSE 'closed' END
     FROM generate_series(1, $4::int) AS g,
     LATERAL (SELECT CASE WHEN g % 50 = 0 THEN date '2024-12-01' + (g % 30) ELSE date '2025-01-01' + (g % 365) END AS recv) r,
     LATERAL (SELECT CASE WHEN g % 50 = 1 THEN NULL
                          WHEN g % 100 = 2 THEN date '2026-01-10'
                          WHEN g % 50 = 0 THEN date '2025-01-05' + (g % 20)
                          ELSE least(r.recv + (g % 20), date '2025-12-31') END AS closed, r.recv) s`,
    [rootId, unitId, OUTCOME_CODES, count],
  );
  await client.query('VACUUM ANALYZE req_requests');
  return performance.now() - t0;
}

/** The per-request export (one row per request into the pure table): the path before the grouped export, for comparison. */
async function perRequestFacts(db: TestApp['core']['db'], unitId: number, year: number): Promise<RequestFact[]> {
  return (await annualReportRequests(db, { unitId, year })).map((r) => ({
    requestNo: r.requestNo,
    unitId: r.unitId,
    applicantType: REQUEST_APPLICANT_COLUMNS[r.applicantColumn]!,
    receivedOn: r.receivedOn,
    closedOn: r.closedOn,
    outcome: r.outcome === null ? null : (REQUEST_OUTCOME_ROWS[r.outcome] as OutcomeRow),
  }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchAnnualReport(): Promise<Line[]> {
  const pgServer = await startTemporaryPostgres(await freePort());
  process.env.TEST_DATABASE_URL = pgServer.url;
  delete process.env.TEST_TEMPLATE_DB;
  let t: TestApp | undefined;
  const lines: Line[] = [];
  try {
    t = await createTestApp();
    const finance = (await findUnitBySlug(t.core.db, 'finance'))!;
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    let loadMs: number;
    try {
      loadMs = await loadRequests(client, finance.rootId ?? finance.id, finance.id, REPORT_REQUESTS);
    } finally {
      await client.end();
    }

    // The parts, each on its own: the requests module's query (through the adapter), the pure table.
    const q = { unitIds: [finance.id], year: 2025 };
    await moduleSources.requests(t.core.db, q); // warm-up
    const fetchTimes: number[] = [];
    let facts = null;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = await moduleSources.requests(t.core.db, q);
      fetchTimes.push(performance.now() - t0);
      if (!r.available) throw new Error(r.reason);
      facts = r.facts;
    }
    const computeTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      computeRequestTable(facts!, 2025);
      computeTimes.push(performance.now() - t0);
    }

    // The same table from one fact per request (the requests module's per-request export), for comparison.
    const perRequestTimes: number[] = [];
    let perRequestTable = null;
    let perRequestCount = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const one = await perRequestFacts(t.core.db, finance.id, 2025);
      perRequestTable = computeRequestTable(one, 2025).table;
      perRequestTimes.push(performance.now() - t0);
      perRequestCount = one.length;
    }
    const sameTable = JSON.stringify(perRequestTable) === JSON.stringify(computeRequestTable(facts!, 2025).table);

    // The whole generation, as the 生成 button does it (first run creates the report, later ones regenerate).
    const genTimes: number[] = [];
    let report;
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = performance.now();
      const r = await generateReport(t.core, systemActor, { unit: finance, year: 2025 });
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`generation refused: ${r.reasons.join('；')}`);
      if (i > 0) genTimes.push(ms);
      report = r.report;
    }
    const tables = tablesOf(report!);
    const s3 = tables.s3;
    const balanced = failing(checkReport({ year: 2025, tables, previous: null, texts: { overview: 'x', problems: 'x', other: 'x' } })).filter((c) => c.id.startsWith('s3.balance') || c.id.startsWith('s3.sum') || c.id.startsWith('s3.rowsum'));

    // The staff pages: the report, and the list behind its largest number (一、本年新收·总计), first page.
    const editor = await t.signIn('czj_editor');
    await editor.get('/staff/annual-reports/finance/2025');
    let t0 = performance.now();
    const page = await editor.get('/staff/annual-reports/finance/2025');
    const pageMs = performance.now() - t0;
    await editor.get('/staff/annual-reports/finance/2025/cells/s3.new.total');
    t0 = performance.now();
    const drill = await editor.get('/staff/annual-reports/finance/2025/cells/s3.new.total');
    const drillMs = performance.now() - t0;

    process.stdout.write(
      `\n年度报告: ${perRequestCount} requests of one unit in the 2025 table (${facts!.length} grouped facts) (${REPORT_REQUESTS} loaded into req_requests in ${(loadMs / 1000).toFixed(1)} s)\n` +
        `  一 ${s3.new.total} + 二 ${s3.carried.total} = （七） ${s3.total.total} + 四 ${s3.forward.total}; identities ${balanced.length ? `FAIL (${balanced.map((c) => c.id).join(', ')})` : 'hold'}\n` +
        `  grouped requests export (GROUP BY in SQL + adapter) median ${median(fetchTimes).toFixed(0)} ms; pure table median ${median(computeTimes).toFixed(1)} ms; ` +
        `whole generation median ${median(genTimes).toFixed(0)} ms, max ${Math.max(...genTimes).toFixed(0)} ms (${RUNS} runs)\n` +
        `  the same table from one fact per request (per-request export): median ${median(perRequestTimes).toFixed(0)} ms, ${sameTable ? 'identical table' : 'DIFFERENT table'}\n` +
        `  report page ${pageMs.toFixed(0)} ms (${page.statusCode}); drill-down of 一·总计 (${s3.new.total} requests, page 1) ${drillMs.toFixed(0)} ms (${drill.statusCode})\n`,
    );
    lines.push(
      [`annual report of ${REPORT_REQUESTS / 1000}k requests (median)`, `${(median(genTimes) / 1000).toFixed(2)} s`, '≤ 1 s', median(genTimes) <= GOAL_MS && balanced.length === 0],
      ['annual report table only (pure, in-process)', `${median(computeTimes).toFixed(0)} ms`, '≤ 1 s', median(computeTimes) <= GOAL_MS],
      ['annual report: grouped = per-request table', `${median(fetchTimes).toFixed(0)} vs ${median(perRequestTimes).toFixed(0)} ms`, 'identical', sameTable],
      ['annual report page / drill-down (100k)', `${pageMs.toFixed(0)} / ${drillMs.toFixed(0)} ms`, '≤ 1 s', pageMs <= GOAL_MS && drillMs <= GOAL_MS && page.statusCode === 200 && drill.statusCode === 200],
    );
  } finally {
    await t?.dispose();
    await pgServer.cleanup();
  }
  return lines;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  benchAnnualReport()
    .then((lines) => {
      for (const [label, value, goal, ok] of lines) process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${label.padEnd(44)} ${value.padEnd(24)} goal ${goal}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
