import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../db/schema.ts';
import { ForbiddenError, HttpError } from './errors.ts';
import { wantsJson } from './context.ts';

const PASSWORD_PAGE = '/staff/account/password';

/**
 * Requires a signed-in staff user holding one of the roles (any role when none are given). A user
 * who must change the password is sent to that page first.
 */
export function requireStaff(...roles: Role[]): preHandlerAsyncHookHandler {
  return async function guard(req: FastifyRequest, reply: FastifyReply) {
    const user = req.user;
    if (!user) {
      if (wantsJson(req)) throw new HttpError(401, 'unauthenticated', '请先登录');
      const next = encodeURIComponent(req.url);
      return reply.redirect(`/staff/login?next=${next}`, 303);
    }
    const path = req.url.split('?')[0];
    if (user.mustChangePassword && path !== PASSWORD_PAGE && path !== '/staff/logout') {
      if (wantsJson(req)) throw new HttpError(403, 'password_change_required', '请先修改初始密码');
      return reply.redirect(PASSWORD_PAGE, 303);
    }
    if (roles.length && !user.roles.some((r) => roles.includes(r))) throw new ForbiddenError();
    return undefined;
  };
}
