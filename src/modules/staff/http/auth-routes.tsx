import type { FastifyInstance } from 'fastify';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Core } from '../../../core/services.ts';
import { sessions } from '../../../core/db/schema.ts';
import { SESSION_COOKIE } from '../../../core/auth/service.ts';
import { POLICY_LIMITS } from '../../../core/auth/policy.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, safeBackPath, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatInstant } from '../../../core/clock.ts';
import { AccountPage, LoginPage, PasswordPage } from '../views/auth.tsx';

export function registerAuthRoutes(app: FastifyInstance, core: Core): void {
  const cookieOpts = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // The longest idle time the policy allows; the server ends idle sessions itself.
    maxAge: POLICY_LIMITS.idleMinutes[1] * 60 + 3600,
  };

  app.get('/staff/login', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    if (req.user) return reply.redirect(safeBackPath(q.next, '/staff'), 303);
    const html = renderDocument(<LoginPage ctx={pageContext(req, reply)} values={{}} errors={{}} next={safeBackPath(q.next, '/staff')} />);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post(
    '/staff/login',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const form = new FormReader(req.body);
      const username = form.text('username', { label: '账号', required: true, max: 100 });
      const password = form.raw('password');
      if (!password) form.fail('password', '请填写密码');
      if (password.length > 200) form.fail('password', '密码不能超过200个字符');
      const next = safeBackPath(form.raw('next'), '/staff');
      const render = (errors: Record<string, string>, status: number) =>
        reply
          .code(status)
          .type('text/html; charset=utf-8')
          .send(renderDocument(<LoginPage ctx={pageContext(req, reply)} values={{ username }} errors={errors} next={next} />));
      if (!form.ok) return render(form.errors, 400);
      const result = await core.auth.login(username, password, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), requestId: String(req.id) });
      if (!result.ok) return render({ password: result.message }, 401);
      // Secure whenever the request came over HTTPS (directly, or behind a proxy with TRUST_PROXY).
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOpts, secure: core.config.production || req.protocol === 'https' });
      return reply.redirect(result.user.mustChangePassword ? '/staff/account/password' : next, 303);
    },
  );

  app.post('/staff/logout', async (req, reply) => {
    if (req.sessionHash) await core.auth.logout(req.sessionHash, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    setFlash(reply, '您已安全退出登录。');
    return reply.redirect('/staff/login', 303);
  });

  app.get('/staff/account', { preHandler: requireStaff() }, async (req, reply) => {
    const rows = await core.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, req.user!.id), isNull(sessions.revokedAt)))
      .orderBy(desc(sessions.lastSeenAt));
    const now = core.clock.now().getTime();
    const idleMs = (await core.auth.policy()).idleMinutes * 60_000;
    const list = rows
      .filter((s) => now - s.lastSeenAt.getTime() <= idleMs)
      .map((s) => ({
        createdAt: formatInstant(s.createdAt),
        lastSeenAt: formatInstant(s.lastSeenAt),
        ip: s.ip,
        userAgent: s.userAgent,
        current: s.tokenHash === req.sessionHash,
      }));
    return reply.type('text/html; charset=utf-8').send(renderDocument(<AccountPage ctx={pageContext(req, reply)} sessions={list} />));
  });

  app.post('/staff/account/logout-everywhere', { preHandler: requireStaff() }, async (req, reply) => {
    await core.auth.logoutEverywhere(req.user!.id, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    setFlash(reply, '已在所有设备上退出登录。');
    return reply.redirect('/staff/login', 303);
  });

  app.get('/staff/account/password', { preHandler: requireStaff() }, async (req, reply) => {
    return reply
      .type('text/html; charset=utf-8')
      .send(renderDocument(<PasswordPage ctx={pageContext(req, reply)} errors={{}} forced={req.user!.mustChangePassword} />));
  });

  app.post('/staff/account/password', { preHandler: requireStaff() }, async (req, reply) => {
    const form = new FormReader(req.body);
    const input = { current: form.raw('current'), next: form.raw('next'), confirm: form.raw('confirm') };
    const errors = await core.auth.changePassword(req.user!, input, req.sessionHash ?? '', actorOf(req));
    if (Object.keys(errors).length) {
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(renderDocument(<PasswordPage ctx={pageContext(req, reply)} errors={errors} forced={req.user!.mustChangePassword} />));
    }
    setFlash(reply, '密码已修改。');
    return reply.redirect('/staff', 303);
  });
}
