// Test support: a demo staff account as the actor of the requests service.
import type { TestApp } from '../../../core/testing/index.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import type { Role } from '../../../core/db/schema.ts';
import type { RequestActor } from '../service.ts';

export async function staffRequestActor(t: TestApp, username: string): Promise<RequestActor> {
  const r = (
    await t.core.pool.query(
      'SELECT s.id, s.username, s.display_name, s.unit_id, s.roles, u.name AS unit_name, coalesce(u.root_id, u.id) AS root_id FROM staff_users s JOIN units u ON u.id = s.unit_id WHERE s.username = $1',
      [username],
    )
  ).rows[0];
  const user: CurrentUser = { id: Number(r.id), username: r.username, displayName: r.display_name, unitId: Number(r.unit_id), unitName: r.unit_name, rootUnitId: Number(r.root_id), roles: r.roles as Role[], mustChangePassword: false };
  return { kind: 'staff', user, audit: { id: user.id, name: username, unitId: user.unitId, ip: '127.0.0.1', requestId: 'test' } };
}
