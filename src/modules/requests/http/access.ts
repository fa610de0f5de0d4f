// Who reaches the back-office pages of the requests module at all; the unit scope and the action
// rules are checked per request by the service (domain/states.ts).
import type { Role } from '../../../core/db/schema.ts';

/** Staff roles of the request workflow (auditors read the audit log, not requests). */
export const STAFF_ROLES: Role[] = ['editor', 'reviewer', 'unit_admin', 'openness_office', 'openness_head', 'system_admin'];
