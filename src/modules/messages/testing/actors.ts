// Test support: a demo staff account as the actor of the messages service.
import type { TestApp } from '../../../core/testing/index.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import type { Role } from '../../../core/db/schema.ts';
import type { MessageActor } from '../service.ts';

export async function staffActor(t: TestApp, username: string): Promise<MessageActor & { kind: 'staff' }> {
  const r = (
    await t.core.pool.query(
      'SELECT s.id, s.username, s.display_name, s.unit_id, s.roles, u.name AS unit_name, coalesce(u.root_id, u.id) AS root_id FROM staff_users s JOIN units u ON u.id = s.unit_id WHERE s.username = $1',
      [username],
    )
  ).rows[0];
  const user: CurrentUser = { id: Number(r.id), username: r.username, displayName: r.display_name, unitId: Number(r.unit_id), unitName: r.unit_name, rootUnitId: Number(r.root_id), roles: r.roles as Role[], mustChangePassword: false };
  return { kind: 'staff', user, audit: { id: user.id, name: username, unitId: user.unitId, ip: '127.0.0.1', requestId: 'test' } };
}

export const callerActor: MessageActor = { kind: 'caller', audit: { id: null, name: '诉求人', unitId: null, ip: '127.0.0.1', requestId: 'test' } };

export const FIELDS = {
  kind: 'complaint',
  title: '小区夜间施工噪音扰民',
  content: '鹿城镇北浦路某工地连续一周夜间十一点后仍在施工，噪音很大，影响休息。我叫张三丰，电话13912345678。',
  callerName: '张三丰',
  callerPhone: '13912345678',
  callerEmail: '',
  mailboxUnit: '',
};

export async function unitId(t: TestApp, slug: string): Promise<number> {
  return Number((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);
}
