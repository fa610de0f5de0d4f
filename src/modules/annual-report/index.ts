import type { ModuleManifest } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
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
