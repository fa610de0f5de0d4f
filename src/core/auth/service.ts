// Sign-in, sessions and password changes. Sessions live in PostgreSQL so any app instance serves any user.
import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { sessions, staffUsers, units } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { formatInstant } from '../clock.ts';
import { writeAudit, type Actor } from '../audit/index.ts';
import type { CurrentUser } from '../ui/context.ts';
import { dummyHashPromise, hashPassword, verifyPassword } from './password.ts';
import { validatePassword } from '../validation/identifiers.ts';

export const SESSION_COOKIE = 'gk_session';
/** Idle timeout: a session unused for 30 minutes ends. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

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

  async login(usernameInput: string, password: string, meta: RequestMeta): Promise<LoginResult> {
    const username = usernameInput.trim();
    const now = this.clock.now();
    const generic = { ok: false as const, message: '账号或密码不正确' };
    const rows = await this.db.select().from(staffUsers).where(sql`lower(${staffUsers.username}) = lower(${username})`).limit(1);
    const user = rows[0];
    if (!user) {
      await verifyPassword(password, await dummyHashPromise);
      return generic;
    }
    const actor: Actor = { id: user.id, name: user.displayName, unitId: user.unitId, ip: meta.ip, requestId: meta.requestId };
    if (user.disabledAt) return { ok: false, message: '该账号已被管理员锁定，请联系本单位管理员解锁' };
    if (user.lockedUntil && user.lockedUntil > now) {
      return { ok: false, message: `密码连续输错${MAX_FAILED_ATTEMPTS}次，账号已锁定，请于 ${formatInstant(user.lockedUntil)} 后再试` };
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      return this.db.transaction(async (tx) => {
        // Count in SQL so concurrent wrong attempts all count.
        const [u] = await tx
          .update(staffUsers)
          .set({ failedAttempts: sql`${staffUsers.failedAttempts} + 1` })
          .where(eq(staffUsers.id, user.id))
          .returning({ failed: staffUsers.failedAttempts });
        const failed = u?.failed ?? 0;
        if (failed >= MAX_FAILED_ATTEMPTS) {
          const until = new Date(now.getTime() + LOCKOUT_MS);
          await tx.update(staffUsers).set({ lockedUntil: until, failedAttempts: 0 }).where(eq(staffUsers.id, user.id));
          await writeAudit(tx, actor, { action: 'auth.locked', targetType: 'staff_user', targetId: user.id, summary: { note: `连续${MAX_FAILED_ATTEMPTS}次密码错误，锁定15分钟` } }, now);
          return { ok: false as const, message: `密码连续输错${MAX_FAILED_ATTEMPTS}次，账号已锁定15分钟，请于 ${formatInstant(until)} 后再试` };
        }
        await writeAudit(tx, actor, { action: 'auth.login-failed', targetType: 'staff_user', targetId: user.id, summary: { failedAttempts: failed } }, now);
        return { ok: false as const, message: `账号或密码不正确（还可尝试${MAX_FAILED_ATTEMPTS - failed}次）` };
      });
    }
    const token = crypto.randomBytes(32).toString('base64url');
    await this.db.transaction(async (tx) => {
      await tx.update(staffUsers).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(staffUsers.id, user.id));
      await tx.insert(sessions).values({
        tokenHash: tokenHash(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        ip: meta.ip,
        userAgent: meta.userAgent.slice(0, 300),
      });
      await writeAudit(tx, actor, { action: 'auth.login', targetType: 'staff_user', targetId: user.id, summary: {} }, now);
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
    if (now.getTime() - row.s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) {
      await this.db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, hash));
      return null;
    }
    // Touch at most once a minute: fewer writes, same 30-minute rule.
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
    const reasons = validatePassword(input.next, user.username);
    if (!input.next) errors.next = '请填写新密码';
    else if (reasons.length) errors.next = reasons.join('；');
    else if (input.next === input.current) errors.next = '新密码不能与当前密码相同';
    if (!errors.next && input.confirm !== input.next) errors.confirm = '两次输入的新密码不一致';
    if (Object.keys(errors).length) return errors;
    const now = this.clock.now();
    const passwordHash = await hashPassword(input.next);
    await this.db.transaction(async (tx) => {
      await tx.update(staffUsers).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(staffUsers.id, user.id));
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
