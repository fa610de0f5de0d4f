import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { registerDecisionsPublicRoutes } from './http/public-routes.tsx';
import { registerDecisionsStaffRoutes } from './http/staff-routes.tsx';
import { registerDecisionsWorkPublicRoutes } from './http/public-work-routes.tsx';
import { registerDecisionsWorkStaffRoutes } from './http/staff-work-routes.tsx';
import { registerDecisionsEvidenceRoutes, registerDecisionsSurveyRoutes } from './http/survey-routes.tsx';
import { seedDecisions } from './seed.ts';

/** 决策公开、执行公开、结果公开: major decisions from draft to evaluation, key tasks and their progress, 督查/审计 findings, 建议提案办理. */
export const decisionsModule: ModuleManifest = {
  name: 'decisions',
  publicNav: [{ href: '/decisions', label: '决策公开' }],
  staffNav: [{ href: '/staff/decisions', label: '决策和执行公开', visible: (u) => hasRole(u, 'openness_office', 'system_admin', 'unit_admin', 'editor') }],
  sitemap: [
    {
      title: '决策、执行和结果公开',
      links: [
        { href: '/decisions', label: '决策公开（重大行政决策事项目录、征求意见）' },
        { href: '/decisions/work', label: '执行公开（重点工作进展）' },
        { href: '/decisions/results', label: '结果公开' },
        { href: '/decisions/meetings', label: '政府常务会议和专题会议' },
        { href: '/decisions/proposals', label: '建议提案办理结果' },
        { href: '/decisions/supervision', label: '督查审计整改' },
      ],
    },
  ],
  register(app, core) {
    registerDecisionsPublicRoutes(app, core);
    registerDecisionsStaffRoutes(app, core);
    registerDecisionsWorkPublicRoutes(app, core);
    registerDecisionsWorkStaffRoutes(app, core);
    registerDecisionsSurveyRoutes(app, core);
    registerDecisionsEvidenceRoutes(app, core);
  },
  seed: async (core, opts) => seedDecisions(core, opts),
};
