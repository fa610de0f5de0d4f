import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { registerAuditRoutes } from './http/routes.tsx';

export { runAuditVerify } from './verify-cli.ts';
export { actionLabel, ACTION_LABELS } from './domain/labels.ts';

/** The auditor's view of the audit log: filter, export, verify the hash chain. */
export const auditLogModule: ModuleManifest = {
  name: 'audit-log',
  staffNav: [{ href: '/staff/audit', label: '审计日志', visible: (u) => hasRole(u, 'auditor') }],
  register(app, core) {
    registerAuditRoutes(app, core);
  },
};
