import type { ModuleManifest } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { sql } from 'drizzle-orm';
import { registerAnnualReportStaffRoutes } from './http/staff-routes.tsx';
import { registerAnnualReportPublicRoutes } from './http/public-routes.tsx';
import { publishedYears } from './data/repository.ts';
import { seedAnnualReports } from './seed.ts';
import { annualReportWorkQueue } from './dashboard.ts';

export { publicListPath as annualReportsPath, publicReportPath as annualReportPath } from './domain/paths.ts';

/**
 * The years of a unit's published 政府信息公开工作年度报告, newest first. (The catalog's column links to
 * /openness/<unitSlug>/annual-reports instead of calling this: this module reads the requests and
 * publishing modules, which import the catalog, so catalog → annual-report would be a cycle.)
 */
export function publishedAnnualReportYears(db: DbOrTx, unitId: number): Promise<number[]> {
  return publishedYears(db, unitId);
}

/** 政府信息公开工作年度报告 in the national format (国办公开办函〔2021〕30号), generated from the data. */
export const annualReportModule: ModuleManifest = {
  name: 'annual-report',
  staffNav: [{ href: '/staff/annual-reports', label: '年度报告', visible: (u) => u.roles.some((r) => r !== 'security_admin') }],
  seed: async (core, opts) => {
    await seedAnnualReports(core, opts);
  },
  workQueue: (core, user) => annualReportWorkQueue(core, user),
  register(app, core) {
    registerAnnualReportPublicRoutes(app, core);
    registerAnnualReportStaffRoutes(app, core);
  },
};

/** 考核 (年度报告): each unit's report of a year, when it was published (a published report has passed every consistency check). */
export async function annualReportStatus(db: DbOrTx, rootUnitId: number, year: number): Promise<{ unitId: number; state: string; publishedOn: string | null }[]> {
  const r = await db.execute(sql`SELECT a.unit_id, a.state, a.published_on::text AS published_on FROM ar_reports a JOIN units u ON u.id = a.unit_id
    WHERE (u.root_id = ${rootUnitId} OR u.id = ${rootUnitId}) AND a.year = ${year}`);
  return (r.rows as { unit_id: string; state: string; published_on: string | null }[]).map((x) => ({ unitId: Number(x.unit_id), state: x.state, publishedOn: x.published_on }));
}

/** 考核 (复议诉讼纠错): 行政复议 and 行政诉讼 cases about the city's units decided in a period. */
export async function decidedRemedyCases(db: DbOrTx, rootUnitId: number, from: string, to: string): Promise<{ unitId: number; code: string; caseNo: string; kind: string; result: string; decidedOn: string }[]> {
  const r = await db.execute(sql`SELECT c.unit_id, c.code, c.case_no, c.kind, c.result, c.decided_on::text AS decided_on FROM ar_cases c JOIN units u ON u.id = c.unit_id
    WHERE (u.root_id = ${rootUnitId} OR u.id = ${rootUnitId}) AND c.decided_on BETWEEN ${from} AND ${to} AND c.voided_at IS NULL ORDER BY c.unit_id, c.decided_on`);
  return (r.rows as { unit_id: string; code: string; case_no: string; kind: string; result: string; decided_on: string }[]).map((x) => ({ unitId: Number(x.unit_id), code: x.code, caseNo: x.case_no, kind: x.kind, result: x.result, decidedOn: x.decided_on }));
}
