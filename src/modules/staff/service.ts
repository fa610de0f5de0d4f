// Administering staff accounts. Each verb: validate → one transaction (that re-checks the account
// under a row lock) → writeAudit with a before/after summary.
import type { Core } from '../../core/services.ts';
import type { Role } from '../../core/db/schema.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { ROLE_LABELS, canManageStaffOf, grantableRoles } from '../../core/auth/roles.ts';
import { hashPassword, randomPassword } from '../../core/auth/password.ts';
import { FormReader, type FieldErrors } from '../../core/http/form.ts';
import { ForbiddenError, NotFoundError } from '../../core/http/errors.ts';
import { validateEmail, validateMobileOrPhone } from '../../core/validation/identifiers.ts';
import { listUnitsOfRoot, type UnitRow } from '../units/index.ts';
import {
  USERNAME_UNIQUE_INDEX,
  findStaffById,
  insertStaff,
  isUniqueViolation,
  listStaff,
  revokeSessionsOf,
  updateStaffRow,
  usernameExists,
  type StaffListItem,
  type StaffRow,
  type StaffWithUnit,
} from './data/repository.ts';
import {
  canManageAccount,
  lockProblems,
  orderRoles,
  resetProblems,
  roleProblems,
  unlockProblems,
  usernameProblem,
  usernameTakenMessage,
} from './domain/accounts.ts';

/** Who acts: the signed-in user (for permissions) and how the audit log names them. */
export interface By {
  user: CurrentUser;
  actor: Actor;
}

export interface StaffFormInput {
  /** Only when creating: a username never changes. */
  username?: string;
  displayName: string;
  unitId: string;
  roles: string[];
  email: string;
  phone: string;
}

export type StaffFormValues = Required<StaffFormInput>;

export type FormResult<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors; values: StaffFormValues };
export type ActionResult<T> = ({ ok: true } & T) | { ok: false; reasons: string[] };

const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];
export const PAGE_SIZE = 50;

/** Every unit (archived ones too) whose accounts the user administers, in display order. */
export async function unitsInScope(core: Core, user: CurrentUser): Promise<UnitRow[]> {
  const all = await listUnitsOfRoot(core.db, user.rootUnitId, true);
  return all.filter((u) => canManageStaffOf(user, u));
}

/** Units a new or moved account may be placed in: active units in scope. */
export async function assignableUnits(core: Core, user: CurrentUser): Promise<UnitRow[]> {
  return (await unitsInScope(core, user)).filter((u) => !u.archivedAt);
}

export function mayManage(user: CurrentUser, found: StaffWithUnit): boolean {
  return canManageAccount(canManageStaffOf(user, found.unit), grantableRoles(user), found.user.roles);
}

/** A positive integer id from a URL, or undefined. */
export function parseId(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) return undefined;
  return Number(raw);
}

/** The account the user may administer: 404 when it does not exist, 403 when out of scope. */
export async function loadManageable(core: Core, user: CurrentUser, id: number | undefined): Promise<StaffWithUnit> {
  const found = id === undefined ? undefined : await findStaffById(core.db, id);
  if (!found) throw new NotFoundError('该账号不存在。');
  if (!mayManage(user, found)) throw new ForbiddenError('您无权管理该账号。');
  return found;
}

export interface AccountList {
  rows: (StaffListItem & { manageable: boolean })[];
  total: number;
  page: number;
  pageCount: number;
  units: UnitRow[];
  unitId: number | undefined;
  search: string;
}

/** Accounts in the user's scope, optionally of one unit and matching a search text. */
export async function listAccounts(core: Core, user: CurrentUser, query: { unit?: unknown; q?: unknown; page?: unknown }): Promise<AccountList> {
  const units = await unitsInScope(core, user);
  const wanted = parseId(query.unit);
  const unitId = units.some((u) => u.id === wanted) ? wanted : undefined;
  const search = typeof query.q === 'string' ? query.q.trim().slice(0, 50) : '';
  const requested = parseId(query.page) ?? 1;
  const unitIds = unitId ? [unitId] : units.map((u) => u.id);
  let page = requested;
  let result = await listStaff(core.db, { unitIds, search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (page > pageCount) {
    page = pageCount;
    result = await listStaff(core.db, { unitIds, search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  }
  const grantable = grantableRoles(user);
  const rows = result.rows.map((r) => ({
    ...r,
    manageable: canManageAccount(canManageStaffOf(user, { id: r.unitId, rootId: r.unitRootId }), grantable, r.roles),
  }));
  return { rows, total: result.total, page, pageCount, units, unitId, search };
}

interface ValidFields {
  displayName: string;
  unitId: number;
  roles: Role[];
  email: string;
  phone: string;
}

function messageOf(check: (s: string) => { ok: true } | { ok: false; message: string }) {
  return (v: string) => {
    const r = check(v);
    return r.ok ? undefined : r.message;
  };
}

/** Reads and checks the editable fields; usernames are checked by the caller (create only). */
function readFields(
  form: FormReader,
  input: StaffFormInput,
  opts: { user: CurrentUser; unitIds: number[]; self: boolean; previous: readonly Role[] },
): ValidFields {
  const displayName = form.text('displayName', { label: '姓名', required: true, max: 50 });
  const unit = form.choice('unitId', '单位', opts.unitIds.map(String));
  const submitted = input.roles.map((r) => String(r));
  form.values.roles = submitted.join(',');
  const problems = roleProblems(submitted, { labels: ROLE_LABELS, grantable: grantableRoles(opts.user), self: opts.self, previous: opts.previous });
  if (problems.length) form.fail('roles', problems.join('；'));
  const email = form.text('email', { label: '电子邮箱', max: 254, check: messageOf(validateEmail) });
  const phone = form.text('phone', { label: '联系电话', max: 30, check: messageOf(validateMobileOrPhone) });
  return { displayName, unitId: Number(unit ?? 0), roles: orderRoles(submitted, ALL_ROLES), email, phone };
}

function valuesOf(form: FormReader, input: StaffFormInput): StaffFormValues {
  return {
    username: form.values.username ?? input.username ?? '',
    displayName: form.values.displayName ?? '',
    unitId: form.values.unitId ?? '',
    roles: input.roles.map(String),
    email: form.values.email ?? '',
    phone: form.values.phone ?? '',
  };
}

/** What the audit log keeps about an account (never the password hash). */
function snapshot(u: Pick<StaffRow, 'displayName' | 'unitId' | 'roles' | 'email' | 'phone'> & { username?: string }) {
  return { username: u.username, displayName: u.displayName, unitId: u.unitId, roles: u.roles, email: u.email, phone: u.phone };
}

export async function createStaff(
  core: Core,
  by: By,
  input: StaffFormInput,
): Promise<FormResult<{ id: number; username: string; displayName: string; initialPassword: string }>> {
  const form = new FormReader(input);
  const username = form.text('username', { label: '账号', required: true, check: usernameProblem });
  const units = await assignableUnits(core, by.user);
  const fields = readFields(form, input, { user: by.user, unitIds: units.map((u) => u.id), self: false, previous: [] });
  if (!form.errors.username && username && (await usernameExists(core.db, username))) form.fail('username', usernameTakenMessage(username));
  if (!form.ok) return { ok: false, errors: form.errors, values: valuesOf(form, input) };

  const initialPassword = randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  const now = core.clock.now();
  try {
    const row = await core.db.transaction(async (tx) => {
      const created = await insertStaff(tx, { username, ...fields, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now });
      await writeAudit(
        tx,
        by.actor,
        { action: 'staff.created', targetType: 'staff_user', targetId: created.id, unitId: created.unitId, summary: { after: snapshot(created) } },
        now,
      );
      return created;
    });
    return { ok: true, id: row.id, username: row.username, displayName: row.displayName, initialPassword };
  } catch (err) {
    // A concurrent submit of the same username lost the race on the unique index.
    if (isUniqueViolation(err, USERNAME_UNIQUE_INDEX)) {
      return { ok: false, errors: { username: usernameTakenMessage(username) }, values: valuesOf(form, input) };
    }
    throw err;
  }
}

export async function updateStaff(core: Core, by: By, id: number, input: StaffFormInput): Promise<FormResult<{ changed: string[] }>> {
  const units = await assignableUnits(core, by.user);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const found = await findStaffById(tx, id, true);
    if (!found) throw new NotFoundError('该账号不存在。');
    if (!mayManage(by.user, found)) throw new ForbiddenError('您无权管理该账号。');
    const before = found.user;
    const form = new FormReader(input);
    // The current unit stays selectable even if it has since been archived.
    const unitIds = [...new Set([...units.map((u) => u.id), before.unitId])];
    const fields = readFields(form, input, { user: by.user, unitIds, self: before.id === by.user.id, previous: before.roles });
    if (!form.ok) return { ok: false as const, errors: form.errors, values: { ...valuesOf(form, input), username: before.username } };

    const current: ValidFields = { ...before, roles: orderRoles(before.roles, ALL_ROLES) };
    const changed = (Object.keys(fields) as (keyof ValidFields)[]).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(current[k]));
    if (!changed.length) return { ok: true as const, changed };
    await updateStaffRow(tx, id, { ...fields, updatedAt: now });
    const pick = (src: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, src[k]]));
    await writeAudit(
      tx,
      by.actor,
      { action: 'staff.updated', targetType: 'staff_user', targetId: id, unitId: fields.unitId, summary: { before: pick({ ...current }), after: pick({ ...fields }) } },
      now,
    );
    return { ok: true as const, changed };
  });
}

export async function resetPassword(
  core: Core,
  by: By,
  id: number,
): Promise<ActionResult<{ username: string; displayName: string; newPassword: string; sessionsEnded: number }>> {
  const pre = await loadManageable(core, by.user, id);
  const early = resetProblems(by.user.id, pre.user);
  if (early.length) return { ok: false, reasons: early };
  const newPassword = randomPassword();
  const passwordHash = await hashPassword(newPassword);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const found = await findStaffById(tx, id, true);
    if (!found) throw new NotFoundError('该账号不存在。');
    if (!mayManage(by.user, found)) throw new ForbiddenError('您无权管理该账号。');
    const u = found.user;
    await updateStaffRow(tx, id, { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: now });
    const sessionsEnded = await revokeSessionsOf(tx, id, now);
    await writeAudit(
      tx,
      by.actor,
      {
        action: 'staff.password-reset',
        targetType: 'staff_user',
        targetId: id,
        unitId: u.unitId,
        summary: {
          before: { mustChangePassword: u.mustChangePassword, failedAttempts: u.failedAttempts, lockedUntil: u.lockedUntil },
          after: { mustChangePassword: true, failedAttempts: 0, lockedUntil: null },
          sessionsEnded,
        },
      },
      now,
    );
    return { ok: true as const, username: u.username, displayName: u.displayName, newPassword, sessionsEnded };
  });
}

export async function lockStaff(core: Core, by: By, id: number): Promise<ActionResult<{ sessionsEnded: number }>> {
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const found = await findStaffById(tx, id, true);
    if (!found) throw new NotFoundError('该账号不存在。');
    if (!mayManage(by.user, found)) throw new ForbiddenError('您无权管理该账号。');
    const reasons = lockProblems(by.user.id, found.user);
    if (reasons.length) return { ok: false as const, reasons };
    await updateStaffRow(tx, id, { disabledAt: now, updatedAt: now });
    const sessionsEnded = await revokeSessionsOf(tx, id, now);
    await writeAudit(
      tx,
      by.actor,
      { action: 'staff.locked', targetType: 'staff_user', targetId: id, unitId: found.user.unitId, summary: { before: { disabledAt: null }, after: { disabledAt: now }, sessionsEnded } },
      now,
    );
    return { ok: true as const, sessionsEnded };
  });
}

export async function unlockStaff(core: Core, by: By, id: number): Promise<ActionResult<object>> {
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const found = await findStaffById(tx, id, true);
    if (!found) throw new NotFoundError('该账号不存在。');
    if (!mayManage(by.user, found)) throw new ForbiddenError('您无权管理该账号。');
    const u = found.user;
    const reasons = unlockProblems(u, now);
    if (reasons.length) return { ok: false as const, reasons };
    await updateStaffRow(tx, id, { disabledAt: null, lockedUntil: null, failedAttempts: 0, updatedAt: now });
    await writeAudit(
      tx,
      by.actor,
      {
        action: 'staff.unlocked',
        targetType: 'staff_user',
        targetId: id,
        unitId: u.unitId,
        summary: {
          before: { disabledAt: u.disabledAt, lockedUntil: u.lockedUntil, failedAttempts: u.failedAttempts },
          after: { disabledAt: null, lockedUntil: null, failedAttempts: 0 },
        },
      },
      now,
    );
    return { ok: true as const };
  });
}
