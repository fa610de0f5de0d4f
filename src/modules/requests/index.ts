import type { ModuleManifest } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { sql } from 'drizzle-orm';
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

/** 考核 (依申请公开按期答复): requests answered in a period, or due in it and still unanswered at its end, with their last on-time day. */
export async function assessmentRequestFacts(db: DbOrTx, rootUnitId: number, from: string, to: string): Promise<{ unitId: number; requestNo: string; dueOn: string | null; repliedOn: string | null }[]> {
  const r = await db.execute(sql`SELECT unit_id, request_no, due_on::text AS due_on, replied_on::text AS replied_on FROM req_requests
    WHERE root_unit_id = ${rootUnitId} AND state NOT IN ('withdrawn')
      AND ((replied_on BETWEEN ${from} AND ${to}) OR (replied_on IS NULL AND state NOT IN ('terminated') AND due_on BETWEEN ${from} AND ${to}))
    ORDER BY unit_id, request_no`);
  return (r.rows as { unit_id: string; request_no: string; due_on: string | null; replied_on: string | null }[]).map((x) => ({ unitId: Number(x.unit_id), requestNo: x.request_no, dueOn: x.due_on, repliedOn: x.replied_on }));
}

/** The 公文 styles of the letters (GB/T 9704-2012: fonts, sizes, line pitch, A4 margins), for other .docx documents. */
export { A4_PAGE, BODY_FONT, BODY_SIZE, LINE_TWIPS, TITLE_FONT, TITLE_SIZE } from './letters/render-docx.ts';
