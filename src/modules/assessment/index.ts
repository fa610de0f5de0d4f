import type { FastifyInstance } from 'fastify';
import type { Core, ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { startPeriodic, type PeriodicJob } from '../../core/jobs/periodic.ts';
import { setContentCheck } from '../publishing/index.ts';
import { setPostContentCheck } from '../newmedia/index.ts';
import { registerContentCheckRoutes } from './http/content-routes.tsx';
import { registerMonitorRoutes } from './http/monitor-routes.tsx';
import { registerAssessmentRoutes } from './http/assessment-routes.tsx';
import { checkForPublishing, nightlySweeps } from './service.ts';
import { latestRun, probe, runMonitor } from './service-monitor.ts';
import type { PageFetcher } from './crawl.ts';
import { seedAssessment } from './seed.ts';
import { traditionalCharacters } from './domain/traditional.ts';

export { runSweep } from './service.ts';

const OFFICE = (u: Parameters<typeof hasRole>[0]) => hasRole(u, 'openness_office', 'openness_head', 'system_admin');

/**
 * The site's own pages, fetched in-process with its host name (the monitor checks what the platform
 * serves; a probe of the network path in front of it is the web server's monitoring).
 */
function inProcessFetcher(app: FastifyInstance, core: Core) {
  return async (rootUnitId: number): Promise<PageFetcher> => {
    const site = (await core.sites.all()).find((s) => s.rootUnitId === rootUnitId);
    const host = site?.hostName || 'localhost';
    return async (path) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: path, headers: { host } });
      const type = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, html: type.startsWith('text/html') ? res.body : '', ms: performance.now() - t0 };
    };
  };
}

/** Every half hour: the home page probed, the daily monitor pass and the nightly content sweep when due. */
async function backgroundTick(core: Core, fetcherFor: (root: number) => Promise<PageFetcher>): Promise<void> {
  const roots = (await core.pool.query<{ id: string }>('SELECT id FROM units WHERE parent_id IS NULL ORDER BY id')).rows.map((r) => Number(r.id));
  const now = core.clock.now().getTime();
  for (const root of roots) {
    const fetch = await fetcherFor(root);
    await probe(core, root, fetch);
    const last = await latestRun(core.db, root);
    if (!last || now - last.startedAt.getTime() >= 24 * 3600_000) await runMonitor(core, root, fetch);
  }
  await nightlySweeps(core);
}

/** 考核与监测: content checks before publishing (错敏词), the nightly sweep of public records, the website monitor (19号). */
export const assessmentModule: ModuleManifest = {
  name: 'assessment',
  staffNav: [
    { href: '/staff/content-check', label: '内容检查', visible: OFFICE },
    { href: '/staff/monitor', label: '网站监测', visible: OFFICE },
    { href: '/staff/assessment', label: '考核', visible: (u) => u.roles.some((r) => r !== 'security_admin') },
  ],
  register(app, core) {
    // Publishing shows the findings and asks the reviewer to confirm them before publication.
    setContentCheck(checkForPublishing);
    // The same check on 政务新媒体 posts under review.
    setPostContentCheck(checkForPublishing);
    const fetcherFor = inProcessFetcher(app, core);
    registerContentCheckRoutes(app, core);
    registerMonitorRoutes(app, core, fetcherFor);
    registerAssessmentRoutes(app, core);
    let job: PeriodicJob | null = null;
    app.addHook('onReady', async () => {
      // Load the character table now rather than in the first reviewer's request.
      traditionalCharacters();
      // The demo shows a first pass within seconds; otherwise the first run waits five minutes after start-up.
      job = startPeriodic(() => backgroundTick(core, fetcherFor), { intervalMs: 30 * 60_000, firstDelayMs: core.config.demo ? 5_000 : 5 * 60_000, onError: (err) => app.log.error({ err }, 'assessment background run failed') });
    });
    app.addHook('onClose', async () => job?.stop());
  },
  seed: async (core, opts) => seedAssessment(core, opts),
};
