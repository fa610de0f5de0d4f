// Demo staff accounts. They share one random initial password, shown at start-up until changed.
import { eq, sql } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { appSecrets, staffUsers, units, type Role } from '../../core/db/schema.ts';
import { hashPassword, randomPassword } from '../../core/auth/password.ts';
import { writeAudit, systemActor } from '../../core/audit/index.ts';

export const DEMO_PASSWORD_SECRET = 'initial_password';

interface DemoAccount {
  username: string;
  displayName: string;
  unitSlug: string;
  roles: Role[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', unitSlug: 'government-office', roles: ['system_admin'] },
  { username: 'secadmin', displayName: '安全保密管理员', unitSlug: 'government-office', roles: ['security_admin'] },
  { username: 'gkb', displayName: '李政务（政务公开办）', unitSlug: 'government-office', roles: ['openness_office', 'reviewer'] },
  { username: 'gkb_head', displayName: '陈主任（政务公开办负责人）', unitSlug: 'government-office', roles: ['openness_head', 'openness_office'] },
  { username: 'auditor', displayName: '安全审计员', unitSlug: 'government-office', roles: ['auditor'] },
  { username: 'czj_admin', displayName: '王财（财政局管理员）', unitSlug: 'finance', roles: ['unit_admin'] },
  { username: 'czj_editor', displayName: '张信息（财政局信息员）', unitSlug: 'finance', roles: ['editor'] },
  { username: 'czj_reviewer', displayName: '赵审核（财政局审核人）', unitSlug: 'finance', roles: ['reviewer'] },
  { username: 'dgz_editor', displayName: '杨信息（东瓜镇信息员）', unitSlug: 'donggua', roles: ['editor', 'reviewer', 'unit_admin'] },
];

export async function seedStaff(core: Core, opts: SeedOptions): Promise<void> {
  const existing = await core.db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  if (existing.length) {
    await ensureSecurityOfficer(core);
    // Demo mode switched on later: demo accounts still on the initial password need no change.
    const initial = await core.db.select().from(appSecrets).where(eq(appSecrets.name, DEMO_PASSWORD_SECRET));
    if (opts.demo && initial.length) {
      await core.db
        .update(staffUsers)
        .set({ mustChangePassword: false })
        .where(sql`${staffUsers.username} in ${DEMO_ACCOUNTS.map((a) => a.username)} and ${staffUsers.mustChangePassword}`);
    }
    return;
  }
  const slugs = await core.db.select({ id: units.id, slug: units.slug }).from(units);
  const unitId = new Map(slugs.map((u) => [u.slug, u.id]));
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      const id = unitId.get(a.unitSlug);
      if (!id) continue;
      await tx.insert(staffUsers).values({
        username: a.username,
        displayName: a.displayName,
        unitId: id,
        roles: a.roles,
        passwordHash,
        mustChangePassword: !opts.demo,
      });
    }
    // Kept only so start-up can repeat it; removed once every demo account has its own password.
    await tx.insert(appSecrets).values({ name: DEMO_PASSWORD_SECRET, value: password }).onConflictDoNothing();
    await writeAudit(tx, systemActor, { action: 'seed.staff', targetType: 'staff_user', targetId: 'demo', summary: { accounts: DEMO_ACCOUNTS.map((a) => a.username) } }, now);
  });
}

/** What start-up prints about signing in. */
export async function loginHints(core: Core): Promise<string[]> {
  const secret = await core.db.select().from(appSecrets).where(eq(appSecrets.name, DEMO_PASSWORD_SECRET));
  const pw = secret[0]?.value;
  const hints: string[] = [];
  const officer = (await core.db.select().from(appSecrets).where(eq(appSecrets.name, SECURITY_OFFICER_SECRET)))[0]?.value;
  if (officer) {
    const still = await core.db.select({ must: staffUsers.mustChangePassword }).from(staffUsers).where(eq(staffUsers.username, 'secadmin'));
    if (still[0]?.must) hints.push(`已创建安全保密管理员账号 secadmin（负责授予角色、设置密码规则），初始密码：${officer}，首次登录须修改。`);
  }
  if (!pw) return [...hints, '请使用本单位分配的账号登录管理后台。'];
  const still = await core.db
    .select({ username: staffUsers.username, must: staffUsers.mustChangePassword })
    .from(staffUsers)
    .where(sql`${staffUsers.username} in ${DEMO_ACCOUNTS.map((a) => a.username)}`);
  const names = still.map((s) => s.username).join('、');
  const must = still.some((s) => s.must);
  return [
    ...hints,
    `演示账号：${names}`,
    `初始密码（各演示账号相同）：${pw}`,
    must ? '首次登录须修改密码（设置 GONGKAI_DEMO=1 可在演示模式下免改）。' : '演示模式：登录后无须修改密码。',
  ];
}

/**
 * An installation that predates 三员管理 has no 安全保密管理员, and nobody else may grant roles: create
 * `secadmin` once, with the demo password while that is still in use, otherwise a random one that
 * start-up prints until it is changed.
 */
async function ensureSecurityOfficer(core: Core): Promise<void> {
  const have = await core.db.select({ id: staffUsers.id }).from(staffUsers).where(sql`'security_admin' = any(${staffUsers.roles})`).limit(1);
  if (have.length) return;
  const office = await core.db.select({ id: units.id }).from(units).where(eq(units.slug, 'government-office')).limit(1);
  const root = office[0] ?? (await core.db.select({ id: units.id }).from(units).where(sql`${units.parentId} is null`).orderBy(units.id).limit(1))[0];
  if (!root) return;
  const demo = (await core.db.select().from(appSecrets).where(eq(appSecrets.name, DEMO_PASSWORD_SECRET)))[0]?.value;
  const password = demo ?? randomPassword();
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({ username: 'secadmin', displayName: '安全保密管理员', unitId: root.id, roles: ['security_admin'], passwordHash: await hashPassword(password), mustChangePassword: true })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id });
    if (!row) return;
    if (!demo) await tx.insert(appSecrets).values({ name: SECURITY_OFFICER_SECRET, value: password }).onConflictDoNothing();
    await writeAudit(tx, systemActor, { action: 'seed.staff', targetType: 'staff_user', targetId: row.id, summary: { accounts: ['secadmin'] } }, now);
  });
}

export const SECURITY_OFFICER_SECRET = 'initial_password_secadmin';
