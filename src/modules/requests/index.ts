import type { ModuleManifest } from '../../core/services.ts';
import { registerRequestsStaffRoutes } from './http/staff-routes.tsx';
import { registerRequestsPublicRoutes } from './http/public-routes.tsx';
import { registerRequestsApiRoutes } from './http/api-routes.tsx';

import { seedRequests } from './seed.ts';
import { recomputeClocksForYear } from './service.ts';
import { startRequestJobs } from './jobs.ts';
import type { PeriodicJob } from '../../core/jobs/periodic.ts';
import { requestsWorkQueue } from './work-queue.ts';

// For other modules (the annual report): see README.md "Exports".
export {
  annualReportRequests,
  annualReportRequestCounts,
  annualReportRequestPage,
  annualReportFees,
  type AnnualReportRequest,
  type AnnualReportRequestGroup,
  type AnnualReportCell,
} from './service-read.ts';
export { OUTCOMES, outcomeTable, outcomeLabel, type OutcomeCode, type OutcomeDef } from './domain/outcomes.ts';
export { APPLICANT_COLUMNS, APPLICANT_COLUMN_LABELS, type ApplicantColumn } from './domain/applicant.ts';
export { startRequestJobs, runReminders, runLapses } from './jobs.ts';

/** 依申请公开: information requests from receipt to reply, with the statutory clock. */
export const requestsModule: ModuleManifest = {
  name: 'requests',
  publicNav: [{ href: '/requests', label: '依申请公开' }],
  staffNav: [
    { href: '/staff/requests', label: '依申请公开', visible: (u) => u.roles.some((r) => r !== 'auditor' && r !== 'security_admin') },
    { href: '/staff/mail-log', label: '邮件日志', visible: (u) => u.roles.some((r) => r !== 'security_admin') },
  ],
  sitemap: [
    {
      title: '依申请公开',
      links: [
        { href: '/requests', label: '依申请公开' },
        { href: '/requests/apply', label: '在线申请' },
        { href: '/requests/lookup', label: '查询办理进度' },
        { href: '/requests/statistics', label: '办理情况统计' },
      ],
    },
  ],
  seed: async (core, opts) => {
    await seedRequests(core, opts);
  },
  workQueue: (core, user) => requestsWorkQueue(core, user),
  register(app, core) {
    registerRequestsPublicRoutes(app, core);
    registerRequestsApiRoutes(app, core);
    registerRequestsStaffRoutes(app, core);
    // Background jobs, started when the server is ready: ending lapsed 补正 / unpaid fee requests (daily)
    // and reminder e-mails (due within 3 working days, overdue).
    let jobs: PeriodicJob | null = null;
    app.addHook('onReady', async () => {
      jobs = startRequestJobs(core, { onError: (err) => app.log.error({ err }, 'request jobs (lapses, reminders) failed') });
    });
    app.addHook('onClose', async () => jobs?.stop());
    // A year entered or corrected on /staff/calendar: 暂定 due dates become final, corrections apply.
    core.calendar.onYearSaved(
      async (year) => {
        const n = await recomputeClocksForYear(core, year);
        app.log.info({ year, requests: n }, 'request clocks recomputed after a calendar change');
      },
      (err) => app.log.error({ err }, 'recomputing request clocks after a calendar change failed'),
    );
  },
};
// Lookup codes (readable on the phone), shared with the 互动交流 module.
export { lookupCodeFromBytes, normaliseLookupCode } from './domain/numbering.ts';
// Hand-over with 互动交流 (both ways, each keeping a link): see README.md "Exports".
export { registerFromMessage, requestForHandOver, linkRequestToMessage, mayHandOverRequest, type FromMessageInput, type RequestForHandOver } from './service-handover.ts';
