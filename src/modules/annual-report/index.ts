import type { ModuleManifest } from '../../core/services.ts';
import { registerAnnualReportStaffRoutes } from './http/staff-routes.tsx';
import { registerAnnualReportPublicRoutes } from './http/public-routes.tsx';

/** 政府信息公开工作年度报告 in the national format (国办公开办函〔2021〕30号), generated from the data. */
export const annualReportModule: ModuleManifest = {
  name: 'annual-report',
  register(app, core) {
    registerAnnualReportPublicRoutes(app, core);
    registerAnnualReportStaffRoutes(app, core);
  },
};
