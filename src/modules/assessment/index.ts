import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { startPeriodic, type PeriodicJob } from '../../core/jobs/periodic.ts';
import { setContentCheck } from '../publishing/index.ts';
import { registerContentCheckRoutes } from './http/content-routes.tsx';
import { checkForPublishing, nightlySweeps } from './service.ts';
import { seedAssessment } from './seed.ts';
import { traditionalCharacters } from './domain/traditional.ts';

export { runSweep } from './service.ts';

/** 考核与监测: content checks before publishing (错敏词) and the nightly sweep of public records. */
export const assessmentModule: ModuleManifest = {
  name: 'assessment',
  staffNav: [{ href: '/staff/content-check', label: '内容检查', visible: (u) => hasRole(u, 'openness_office', 'openness_head', 'system_admin') }],
  register(app, core) {
    // Publishing shows the findings and asks the reviewer to confirm them before publication.
    setContentCheck(checkForPublishing);
    registerContentCheckRoutes(app, core);
    let job: PeriodicJob | null = null;
    app.addHook('onReady', async () => {
      // Load the character table now rather than in the first reviewer's request.
      traditionalCharacters();
      // Checked every half hour; each site is swept once a day from 02:00 (service.ts nightlySweeps).
      job = startPeriodic(() => nightlySweeps(core), { intervalMs: 30 * 60_000, firstDelayMs: 60_000, onError: (err) => app.log.error({ err }, 'content sweep failed') });
    });
    app.addHook('onClose', async () => job?.stop());
  },
  seed: async (core, opts) => seedAssessment(core, opts),
};
