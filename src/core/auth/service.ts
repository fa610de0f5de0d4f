// Sign-in, sessions and password changes. Sessions live in PostgreSQL so any app instance serves any user.
import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { authThrottle, securitySettings, sessions, staffUsers, units } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { formatInstant } from '../clock.ts';
import { writeAudit, type Actor } from '../audit/index.ts';
import type { CurrentUser } from '../ui/context.ts';
import { dummyHashPromise, hashPassword, verifyPassword } from './password.ts';
import { TtlCache } from '../cache.ts';
import { isCommonPassword } from './common-passwords.ts';
import { DEFAULT_POLICY, passwordExpired, passwordPolicyProblems, throttleDelayMs, type SecurityPolicy } from './policy.ts';

export const SESSION_COOKIE = 'gk_session';
/** How long one instance keeps the security policy before reading it again (a change applies everywhere within this). */
export const POLICY_CACHE_MS = 10_000;

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export type LoginResult =
  | { ok: true; token: string; user: CurrentUser }
  | { ok: false; message: string };

export interface RequestMeta {
  ip: string;
  userAgent: string;
  requestId: string;
}

export class AuthService {
  private sessionQuery: ReturnType<AuthService['buildSessionQuery']> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private readonly policyCache = new TtlCache<SecurityPolicy>(POLICY_CACHE_MS, 1);

  /** The password and session rules in force (the defaults until the 安全保密管理员 saves them). */
  policy(): Promise<SecurityPolicy> {
    return this.policyCache.get('policy', async () => {
      const rows = await this.db.select().from(securitySettings).limit(1);
      const r = rows[0];
      return r
        ? { minLength: r.minLength, minClasses: r.minClasses, commonCheck: r.commonCheck, maxAgeDays: r.maxAgeDays, failuresBeforeDelay: r.failuresBeforeDelay, idleMinutes: r.idleMinutes }
        : DEFAULT_POLICY;
    });
  }

  /** Saves the rules (already checked by policyProblems) with an audit row. */
  async savePolicy(p: SecurityPolicy, actor: Actor): Promise<void> {
    const now = this.clock.now();
    const before = await this.policy();
    await this.db.transaction(async (tx) => {
      await tx
        .insert(securitySettings)
        .values({ id: 1, ...p, updatedAt: now })
        .onConflictDoUpdate({ target: securitySettings.id, set: { ...p, updatedAt: now } });
      await writeAudit(tx, actor, { action: 'security.policy-saved', targetType: 'security_settings', targetId: 1, summary: { before, after: p } }, now);
    });
    this.policyCache.clear();
  }

  /** Reasons the password breaks the policy in force (empty: acceptable). */
  async passwordProblems(password: string, accountName: string): Promise<string[]> {
    const policy = await this.policy();
    return passwordPolicyProblems(password, accountName, policy, policy.commonCheck && (await isCommonPassword(password)));
  }

  async login(usernameInput: string, password: string, meta: RequestMeta): Promise<LoginResult> {
    const username = usernameInput.trim();
    const key = username.toLowerCase().slice(0, 100);
    const now = this.clock.now();
    const policy = await this.policy();
    // Every refusal reads the same whether or not the account exists (GB/T 22239-2019 §8.1.4.1 b).
    const generic = { ok: false as const, message: '账号或密码不正确' };
    const throttle = (await this.db.select().from(authThrottle).where(and(eq(authThrottle.username, key), eq(authThrottle.ip, meta.ip))).limit(1))[0];
    if (throttle?.blockedUntil && throttle.blockedUntil > now) {
      return { ok: false, message: `尝试次数过多，请于 ${formatInstant(throttle.blockedUntil)} 后再试` };
    }
    const rows = await this.db.select().from(staffUsers).where(sql`lower(${staffUsers.username}) = lower(${username})`).limit(1);
    const user = rows[0];
    // Without an account, compare against a dummy hash anyway so the timing reveals nothing.
    const passwordOk = await verifyPassword(password, user ? user.passwordHash : await dummyHashPromise);
    if (!user || !passwordOk) {
      return this.db.transaction(async (tx) => {
        // Count in SQL so concurrent wrong attempts all count.
        const [t] = await tx
          .insert(authThrottle)
          .values({ username: key, ip: meta.ip, failures: 1, lastFailedAt: now })
          .onConflictDoUpdate({ target: [authThrottle.username, authThrottle.ip], set: { failures: sql`${authThrottle.failures} + 1`, lastFailedAt: now } })
          .returning({ failures: authThrottle.failures });
        const failures = t?.failures ?? 1;
        const delay = throttleDelayMs(failures, policy.failuresBeforeDelay);
        const until = delay ? new Date(now.getTime() + delay) : null;
        if (until) await tx.update(authThrottle).set({ blockedUntil: until }).where(and(eq(authThrottle.username, key), eq(authThrottle.ip, meta.ip)));
        if (user) {
          const actor: Actor = { id: user.id, name: user.displayName, unitId: user.unitId, ip: meta.ip, requestId: meta.requestId };
          await writeAudit(tx, actor, { action: until ? 'auth.locked' : 'auth.login-failed', targetType: 'staff_user', targetId: user.id, summary: { failedAttempts: failures, ...(until ? { note: `连续${failures}次密码错误，该地址暂停登录至 ${formatInstant(until)}` } : {}) } }, now);
        }
        if (until) return { ok: false as const, message: `账号或密码不正确。尝试次数过多，请于 ${formatInstant(until)} 后再试` };
        const left = policy.failuresBeforeDelay - failures;
        return { ok: false as const, message: `账号或密码不正确（再错${left}次将暂停登录）` };
      });
    }
    const actor: Actor = { id: user.id, name: user.displayName, unitId: user.unitId, ip: meta.ip, requestId: meta.requestId };
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabledAt) return { ok: false, message: '该账号已被管理员停用，请联系本单位管理员或安全保密管理员' };
    const expired = passwordExpired(user.roles, user.passwordChangedAt, now, policy);
    const token = crypto.randomBytes(32).toString('base64url');
    await this.db.transaction(async (tx) => {
      await tx.delete(authThrottle).where(and(eq(authThrottle.username, key), eq(authThrottle.ip, meta.ip)));
      await tx
        .update(staffUsers)
        .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now, ...(expired ? { mustChangePassword: true } : {}) })
        .where(eq(staffUsers.id, user.id));
      await tx.insert(sessions).values({
        tokenHash: tokenHash(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        ip: meta.ip,
        userAgent: meta.userAgent.slice(0, 300),
      });
      await writeAudit(tx, actor, { action: 'auth.login', targetType: 'staff_user', targetId: user.id, summary: expired ? { note: '密码已到期，须修改' } : {} }, now);
    });
    const current = await this.userById(user.id);
    if (!current) return generic;
    return { ok: true, token, user: current };
  }

  async userById(id: number): Promise<CurrentUser | null> {
    const rows = await this.db
      .select({ u: staffUsers, unitName: units.name, rootId: units.rootId })
      .from(staffUsers)
      .innerJoin(units, eq(units.id, staffUsers.unitId))
      .where(eq(staffUsers.id, id))
      .limit(1);
    return rows[0] ? currentUserOf(rows[0]) : null;
  }

  private buildSessionQuery() {
    return this.db
      .select({ s: sessions, u: staffUsers, unitName: units.name, rootId: units.rootId })
      .from(sessions)
      .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
      .innerJoin(units, eq(units.id, staffUsers.unitId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), isNull(sessions.revokedAt)))
      .limit(1)
      .prepare('auth_resolve_session');
  }

  /** Resolves a session cookie; an idle, revoked or disabled session resolves to null. */
  async resolveSession(token: string | undefined): Promise<{ user: CurrentUser; tokenHash: string } | null> {
    if (!token || token.length > 100) return null;
    const hash = tokenHash(token);
    const now = this.clock.now();
    // One prepared statement for the session and its user: every staff page starts here.
    this.sessionQuery ??= this.buildSessionQuery();
    const rows = await this.sessionQuery.execute({ hash });
    const row = rows[0];
    if (!row || row.u.disabledAt) return null;
    const idleMs = (await this.policy()).idleMinutes * 60_000;
    if (now.getTime() - row.s.lastSeenAt.getTime() > idleMs) {
      await this.db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, hash));
      return null;
    }
    // Touch at most once a minute: fewer writes, same idle rule.
    if (now.getTime() - row.s.lastSeenAt.getTime() > 60_000) {
      await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, hash));
    }
    return { user: currentUserOf(row), tokenHash: hash };
  }

  async logout(hash: string, actor: Actor): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, hash), isNull(sessions.revokedAt)));
      await writeAudit(tx, actor, { action: 'auth.logout', targetType: 'staff_user', targetId: actor.id ?? 0, summary: {} }, now);
    });
  }

  /** Ends every session of the user ("sign out everywhere"). */
  async logoutEverywhere(userId: number, actor: Actor): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const ended = await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        .returning({ h: sessions.tokenHash });
      await writeAudit(tx, actor, { action: 'auth.logout-everywhere', targetType: 'staff_user', targetId: userId, summary: { sessionsEnded: ended.length } }, now);
      return ended.length;
    });
  }

  /** Changes the user's own password; other sessions end. Returns field errors, empty on success. */
  async changePassword(
    user: CurrentUser,
    input: { current: string; next: string; confirm: string },
    keepSessionHash: string,
    actor: Actor,
  ): Promise<Record<string, string>> {
    const errors: Record<string, string> = {};
    const rows = await this.db.select().from(staffUsers).where(eq(staffUsers.id, user.id)).limit(1);
    const row = rows[0];
    if (!row) return { current: '账号不存在' };
    if (!input.current) errors.current = '请填写当前密码';
    else if (!(await verifyPassword(input.current, row.passwordHash))) errors.current = '当前密码不正确';
    const reasons = await this.passwordProblems(input.next, user.username);
    if (!input.next) errors.next = '请填写新密码';
    else if (reasons.length) errors.next = reasons.join('；');
    else if (input.next === input.current) errors.next = '新密码不能与当前密码相同';
    if (!errors.next && input.confirm !== input.next) errors.confirm = '两次输入的新密码不一致';
    if (Object.keys(errors).length) return errors;
    const now = this.clock.now();
    const passwordHash = await hashPassword(input.next);
    await this.db.transaction(async (tx) => {
      await tx.update(staffUsers).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now }).where(eq(staffUsers.id, user.id));
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), sql`${sessions.tokenHash} <> ${keepSessionHash}`));
      await writeAudit(tx, actor, { action: 'auth.password-changed', targetType: 'staff_user', targetId: user.id, summary: {} }, now);
    });
    return {};
  }
}

function currentUserOf(r: { u: typeof staffUsers.$inferSelect; unitName: string; rootId: number | null }): CurrentUser {
  return {
    id: r.u.id,
    username: r.u.username,
    displayName: r.u.displayName,
    unitId: r.u.unitId,
    unitName: r.unitName,
    rootUnitId: r.rootId ?? r.u.unitId,
    roles: r.u.roles,
    mustChangePassword: r.u.mustChangePassword,
  };
}
