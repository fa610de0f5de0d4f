import type { ModuleManifest } from '../../core/services.ts';
import type { PeriodicJob } from '../../core/jobs/periodic.ts';
import { registerOpinionStaffRoutes } from './http/staff-routes.tsx';
import { registerConcernRoutes } from './http/concern-routes.tsx';
import { registerMonitorRoutes } from './http/monitor-routes.tsx';
import { registerEventRoutes } from './http/event-routes.tsx';
import { startOpinionJobs } from './jobs.ts';
import { opinionWorkQueue } from './work-queue.ts';
import { seedOpinion } from './seed.ts';

export { runOpinionReminders, runOpinionMonitor } from './jobs.ts';

/** 解读回应: 政务舆情 from collection (by staff, monitoring feeds, 互动交流 alerts) to evaluation with its 5 h / 24 h / 48 h timers, the public 回应关切 column, 新闻发布会 and 在线访谈. */
export const opinionModule: ModuleManifest = {
  name: 'opinion',
  publicNav: [
    { href: '/opinion', label: '回应关切' },
    { href: '/opinion/events', label: '发布会和访谈' },
  ],
  staffNav: [{ href: '/staff/opinion', label: '政务舆情', visible: (u) => u.roles.some((r) => r !== 'security_admin') }],
  sitemap: [
    {
      title: '解读回应',
      links: [
        { href: '/opinion', label: '回应关切' },
        { href: '/opinion/events', label: '新闻发布会和在线访谈' },
      ],
    },
  ],
  workQueue: (core, user) => opinionWorkQueue(core, user),
  seed: async (core, opts) => seedOpinion(core, opts),
  register(app, core) {
    registerOpinionStaffRoutes(app, core);
    registerConcernRoutes(app, core);
    registerMonitorRoutes(app, core);
    registerEventRoutes(app, core);
    let jobs: PeriodicJob[] = [];
    app.addHook('onReady', async () => {
      jobs = startOpinionJobs(core, { onError: (err) => app.log.error({ err }, 'opinion reminders failed') });
    });
    app.addHook('onClose', async () => {
      await Promise.all(jobs.map((j) => j.stop()));
    });
  },
};
