// Account administration (账号管理): system admins for every unit of their city, unit admins for their own unit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { grantableRoles, hasRole } from '../../../core/auth/roles.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import {
  assignableUnits,
  createStaff,
  listAccounts,
  loadManageable,
  lockStaff,
  parseId,
  resetPassword,
  unlockStaff,
  updateStaff,
  type By,
  type StaffFormInput,
  type StaffFormValues,
} from '../service.ts';
import type { StaffWithUnit } from '../data/repository.ts';
import { EditUserPage, NewUserPage, PasswordOncePage, UserListPage, type FormOptions } from '../views/users.tsx';

const HTML = 'text/html; charset=utf-8';

function readInput(body: unknown, withUsername: boolean): StaffFormInput {
  const b = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const str = (k: string) => {
    const v = Array.isArray(b[k]) ? (b[k] as unknown[])[0] : b[k];
    return typeof v === 'string' ? v : '';
  };
  const rolesRaw = b.roles;
  const roles = (Array.isArray(rolesRaw) ? rolesRaw : rolesRaw === undefined || rolesRaw === '' ? [] : [rolesRaw]).filter((x): x is string => typeof x === 'string').slice(0, 20);
  return {
    ...(withUsername ? { username: str('username') } : {}),
    displayName: str('displayName'),
    unitId: str('unitId'),
    roles,
    email: str('email'),
    phone: str('phone'),
  };
}

function valuesOfAccount(a: StaffWithUnit): StaffFormValues {
  const u = a.user;
  return { username: u.username, displayName: u.displayName, unitId: String(u.unitId), roles: [...u.roles], email: u.email, phone: u.phone };
}

async function formOptions(core: Core, user: CurrentUser, current?: StaffWithUnit): Promise<FormOptions> {
  const units = (await assignableUnits(core, user)).map((u) => ({ value: String(u.id), label: u.name }));
  if (current && !units.some((u) => u.value === String(current.unit.id))) units.unshift({ value: String(current.unit.id), label: current.unit.name });
  return { units, roles: grantableRoles(user) };
}

export function registerUserAdminRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff('security_admin', 'unit_admin') };
  const by = (req: FastifyRequest): By => ({ user: req.user!, actor: actorOf(req) });
  const idOf = (req: FastifyRequest) => parseId((req.params as { id?: string }).id);
  /** The services answer 404 / 403 themselves for a missing or out-of-scope account. */
  const requiredId = (req: FastifyRequest): number => {
    const id = idOf(req);
    if (id === undefined) throw new NotFoundError('该账号不存在。');
    return id;
  };

  async function renderEdit(req: FastifyRequest, reply: FastifyReply, status: number, extra: { values?: StaffFormValues; errors?: FieldErrors; reasons?: string[] } = {}) {
    const account = await loadManageable(core, req.user!, idOf(req));
    const options = await formOptions(core, req.user!, account);
    const html = renderDocument(
      <EditUserPage
        ctx={pageContext(req, reply)}
        account={account}
        values={extra.values ?? valuesOfAccount(account)}
        errors={extra.errors ?? {}}
        options={options}
        now={core.clock.now()}
        reasons={extra.reasons}
      />,
    );
    return reply.code(status).type(HTML).send(html);
  }

  app.get('/staff/users', guard, async (req, reply) => {
    const list = await listAccounts(core, req.user!, req.query as Record<string, unknown>);
    const html = renderDocument(<UserListPage ctx={pageContext(req, reply)} list={list} now={core.clock.now()} canFilterUnit={hasRole(req.user, 'security_admin')} />);
    return reply.type(HTML).send(html);
  });

  app.get('/staff/users/new', guard, async (req, reply) => {
    const options = await formOptions(core, req.user!);
    const only = options.units.length === 1 ? options.units[0]!.value : '';
    const values: StaffFormValues = { username: '', displayName: '', unitId: only, roles: [], email: '', phone: '' };
    return reply.type(HTML).send(renderDocument(<NewUserPage ctx={pageContext(req, reply)} values={values} errors={{}} options={options} />));
  });

  app.post('/staff/users', guard, async (req, reply) => {
    const result = await createStaff(core, by(req), readInput(req.body, true));
    if (!result.ok) {
      const options = await formOptions(core, req.user!);
      return reply.code(400).type(HTML).send(renderDocument(<NewUserPage ctx={pageContext(req, reply)} values={result.values} errors={result.errors} options={options} />));
    }
    // Not PRG on purpose: the initial password exists in plain text only in this response (never in a
    // URL, cookie or table), so it is shown here once. Re-posting only meets the duplicate-username error.
    reply.header('cache-control', 'no-store');
    return reply
      .code(201)
      .type(HTML)
      .send(
        renderDocument(
          <PasswordOncePage ctx={pageContext(req, reply)} kind="created" id={result.id} username={result.username} displayName={result.displayName} password={result.initialPassword} />,
        ),
      );
  });

  app.get('/staff/users/:id/edit', guard, async (req, reply) => renderEdit(req, reply, 200));

  app.post('/staff/users/:id/edit', guard, async (req, reply) => {
    const id = requiredId(req);
    const result = await updateStaff(core, by(req), id, readInput(req.body, false));
    if (!result.ok) return renderEdit(req, reply, 400, { values: result.values, errors: result.errors });
    setFlash(reply, result.changed.length ? '账号信息已保存。' : '没有需要保存的修改。');
    return reply.redirect(`/staff/users/${id}/edit`, 303);
  });

  app.post('/staff/users/:id/reset-password', guard, async (req, reply) => {
    const id = requiredId(req);
    const result = await resetPassword(core, by(req), id);
    if (!result.ok) return renderEdit(req, reply, 409, { reasons: result.reasons });
    // Shown once in this response, like the initial password (see the create route).
    reply.header('cache-control', 'no-store');
    return reply
      .type(HTML)
      .send(renderDocument(<PasswordOncePage ctx={pageContext(req, reply)} kind="reset" id={id} username={result.username} displayName={result.displayName} password={result.newPassword} />));
  });

  app.post('/staff/users/:id/lock', guard, async (req, reply) => {
    const id = requiredId(req);
    const result = await lockStaff(core, by(req), id);
    if (!result.ok) return renderEdit(req, reply, 409, { reasons: result.reasons });
    setFlash(reply, result.sessionsEnded ? `账号已锁定，已结束其 ${result.sessionsEnded} 个登录。` : '账号已锁定。');
    return reply.redirect(`/staff/users/${id}/edit`, 303);
  });

  app.post('/staff/users/:id/unlock', guard, async (req, reply) => {
    const id = requiredId(req);
    const result = await unlockStaff(core, by(req), id);
    if (!result.ok) return renderEdit(req, reply, 409, { reasons: result.reasons });
    setFlash(reply, '账号已解锁。');
    return reply.redirect(`/staff/users/${id}/edit`, 303);
  });
}
