// The 安全保密管理员's security policy page. Only that role reaches it (三员分立).
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import type { Core } from '../../../core/services.ts';
import { staffUsers, units, type Role } from '../../../core/db/schema.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { ROLE_LABELS } from '../../../core/auth/roles.ts';
import { POLICY_LIMITS, THREE_OFFICERS, policyProblems, separationProblems, type SecurityPolicy } from '../../../core/auth/policy.ts';
import { SecurityPage, type OfficerRow } from '../views/security.tsx';

function policyValues(p: SecurityPolicy): Record<string, string> {
  return {
    minLength: String(p.minLength),
    minClasses: String(p.minClasses),
    maxAgeDays: String(p.maxAgeDays),
    failuresBeforeDelay: String(p.failuresBeforeDelay),
    idleMinutes: String(p.idleMinutes),
    commonCheck: p.commonCheck ? 'on' : '',
  };
}

async function officers(core: Core, rootUnitId: number): Promise<OfficerRow[]> {
  const rows = await core.db
    .select({ id: staffUsers.id, username: staffUsers.username, displayName: staffUsers.displayName, roles: staffUsers.roles, unitName: units.name })
    .from(staffUsers)
    .innerJoin(units, eq(units.id, staffUsers.unitId))
    .where(sql`coalesce(${units.rootId}, ${units.id}) = ${rootUnitId} and ${staffUsers.roles} && ${sql.raw(`array[${THREE_OFFICERS.map((r) => `'${r}'`).join(',')}]::text[]`)}`)
    .orderBy(staffUsers.username);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    unitName: r.unitName,
    roles: r.roles.map((x: Role) => ROLE_LABELS[x] ?? x).join('、'),
    problem: separationProblems(r.roles, ROLE_LABELS).join('；'),
  }));
}

export function registerSecurityRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff('security_admin') };

  app.get('/staff/security', guard, async (req, reply) => {
    const policy = await core.auth.policy();
    const html = renderDocument(<SecurityPage ctx={pageContext(req, reply)} values={policyValues(policy)} errors={{}} officers={await officers(core, req.user!.rootUnitId)} />);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/staff/security', guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const labels: Record<keyof typeof POLICY_LIMITS, string> = {
      minLength: '密码最短长度',
      minClasses: '字符类别数',
      maxAgeDays: '密码有效天数',
      failuresBeforeDelay: '允许连续输错次数',
      idleMinutes: '会话超时分钟数',
    };
    const read = (k: keyof typeof POLICY_LIMITS) => form.integer(k, labels[k], { min: POLICY_LIMITS[k][0], max: POLICY_LIMITS[k][1] }) ?? NaN;
    const policy: SecurityPolicy = {
      minLength: read('minLength'),
      minClasses: read('minClasses'),
      maxAgeDays: read('maxAgeDays'),
      failuresBeforeDelay: read('failuresBeforeDelay'),
      idleMinutes: read('idleMinutes'),
      commonCheck: form.checkbox('commonCheck'),
    };
    const errors = { ...policyProblems(policy), ...form.errors };
    if (Object.keys(errors).length) {
      const values = { ...policyValues(policy), ...form.values, commonCheck: policy.commonCheck ? 'on' : '' };
      const html = renderDocument(<SecurityPage ctx={pageContext(req, reply)} values={values} errors={errors} officers={await officers(core, req.user!.rootUnitId)} />);
      return reply.code(400).type('text/html; charset=utf-8').send(html);
    }
    await core.auth.savePolicy(policy, actorOf(req));
    setFlash(reply, '安全策略已保存。');
    return reply.redirect('/staff/security', 303);
  });
}
