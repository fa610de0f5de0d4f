// State-changing verbs of the units module: validate → one transaction (with its audit row) → result.
import type { Core } from '../../core/services.ts';
import type { Actor } from '../../core/audit/index.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { isUniqueViolation } from '../../core/db/index.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { canEditUnitProfile, hasRole } from '../../core/auth/roles.ts';
import { ForbiddenError } from '../../core/http/errors.ts';
import {
  countActiveStaffByUnit,
  findSiteByHostName,
  findSiteSettings,
  findUnitBySlug,
  findUnitByUscc,
  insertUnit,
  listActiveChildren,
  listLeaders,
  listUnitsOfRoot,
  lockUnitTree,
  markUnitArchived,
  maxSortOrderOfRoot,
  replaceLeaders,
  updateUnit,
  upsertSiteSettings,
  type UnitRow,
} from './data/repository.ts';
import { changedFields, validateUnitForm, type UnitFormInput, type UnitProfile } from './domain/unit-form.ts';
import { parentProblem } from './domain/tree.ts';
import { validateLeaderRows, type LeaderFormRow } from './domain/leaders.ts';
import { archiveReasonProblem, archiveRefusals } from './domain/archive.ts';
import { validateSiteSettings, type SiteSettingsInput } from './domain/site-settings.ts';
import { unitsChanged } from './public-cache.ts';

export type Errors = Record<string, string>;
export type Failure = { ok: false; errors: Errors; reasons?: string[] };

const rootOf = (u: { id: number; rootId: number | null }): number => u.rootId ?? u.id;

const DOUBLE_SUBMIT_HINT = '（如刚刚已提交过，请勿重复提交）';

/** Adds errors for a well-formed slug / USCC already used by another unit (archived ones included). */
async function addUniquenessErrors(core: Core, errors: Errors, slug: string | undefined, uscc: string, selfId: number | null): Promise<void> {
  if (slug !== undefined && !errors.slug) {
    const other = await findUnitBySlug(core.db, slug);
    if (other && other.id !== selfId) errors.slug = `网址标识「${slug}」已被「${other.name}」使用${other.archivedAt ? '（已撤销）' : ''}，请换一个`;
  }
  if (errors.uscc) return;
  const other = await findUnitByUscc(core.db, uscc);
  if (other && other.id !== selfId) errors.uscc = `该统一社会信用代码已被「${other.name}」使用${other.archivedAt ? '（已撤销）' : ''}`;
}

function uniqueViolationErrors(err: unknown, slug: string, uscc: string): Errors | undefined {
  if (isUniqueViolation(err, 'units_uscc_key')) return { uscc: `统一社会信用代码 ${uscc} 已被其他单位使用${DOUBLE_SUBMIT_HINT}` };
  if (isUniqueViolation(err, 'units_slug_key')) return { slug: `网址标识「${slug}」已被其他单位使用${DOUBLE_SUBMIT_HINT}` };
  return undefined;
}

/** Creates a unit under a parent of the user's city (system admins only). */
export async function createUnit(core: Core, user: CurrentUser, actor: Actor, input: UnitFormInput): Promise<{ ok: true; unit: UnitRow } | Failure> {
  if (!hasRole(user, 'system_admin')) throw new ForbiddenError();
  const v = validateUnitForm(input, { structural: true, parentRequired: true });
  const errors: Errors = v.ok ? {} : { ...v.errors };
  const parent = input.parentSlug ? await findUnitBySlug(core.db, input.parentSlug) : undefined;
  if (input.parentSlug && (!parent || parent.archivedAt || rootOf(parent) !== user.rootUnitId)) errors.parentSlug = '请从列表中选择上级单位';
  await addUniquenessErrors(core, errors, input.slug, input.uscc, null);
  if (!v.ok || !parent || Object.keys(errors).length) return { ok: false, errors };

  const now = core.clock.now();
  const rootId = rootOf(parent);
  try {
    const unit = await core.db.transaction(async (tx) => {
      await lockUnitTree(tx, rootId);
      // The parent may have been archived while the form was open.
      const fresh = await findUnitBySlug(tx, parent.slug);
      if (!fresh || fresh.archivedAt) return undefined;
      const sortOrder = (await maxSortOrderOfRoot(tx, rootId)) + 10;
      const created = await insertUnit(tx, { ...v.profile, slug: v.slug, parentId: parent.id, rootId, sortOrder, createdAt: now, updatedAt: now });
      await writeAudit(
        tx,
        actor,
        {
          action: 'units.created',
          targetType: 'unit',
          targetId: created.id,
          unitId: created.id,
          summary: { after: { ...v.profile, slug: v.slug, parent: parent.slug } },
        },
        now,
      );
      return created;
    });
    if (!unit) return { ok: false, errors: { parentSlug: '所选上级单位已撤销，请重新选择' } };
    unitsChanged(core);
    return { ok: true, unit };
  } catch (err) {
    const e = uniqueViolationErrors(err, v.slug, v.profile.uscc);
    if (e) return { ok: false, errors: e };
    throw err;
  }
}

/**
 * Saves the profile (机构概况). Slug and parent change only when a system admin submits them;
 * a parent must stay in the city and may not be the unit itself or below it.
 */
export async function updateUnitProfile(core: Core, user: CurrentUser, actor: Actor, unit: UnitRow, input: UnitFormInput): Promise<{ ok: true; unit: UnitRow; changed: boolean } | Failure> {
  if (!canEditUnitProfile(user, unit)) throw new ForbiddenError();
  const isRoot = unit.parentId === null;
  const structural = hasRole(user, 'system_admin');
  const v = validateUnitForm(input, { structural, parentRequired: structural && !isRoot });
  const errors: Errors = v.ok ? {} : { ...v.errors };
  let parent: UnitRow | undefined;
  if (structural && !isRoot && input.parentSlug) {
    parent = await findUnitBySlug(core.db, input.parentSlug);
    if (!parent || parent.archivedAt || rootOf(parent) !== rootOf(unit)) errors.parentSlug = '请从列表中选择上级单位';
  }
  await addUniquenessErrors(core, errors, structural ? input.slug : undefined, input.uscc, unit.id);
  if (!v.ok || Object.keys(errors).length) return { ok: false, errors };

  const next: Partial<UnitProfile & { slug: string; parentId: number | null }> = { ...v.profile };
  if (structural) next.slug = v.slug;
  if (structural && parent) next.parentId = parent.id;
  const diff = changedFields(unit as unknown as Record<string, unknown>, next as Record<string, unknown>);
  if (!Object.keys(diff.after).length) return { ok: true, unit, changed: false };

  const now = core.clock.now();
  try {
    const result = await core.db.transaction(async (tx): Promise<Errors | undefined> => {
      const summary: Record<string, unknown> = { before: diff.before, after: diff.after };
      if (next.parentId !== undefined && next.parentId !== unit.parentId) {
        await lockUnitTree(tx, rootOf(unit));
        // The cycle check runs on the tree as it is now, under the lock.
        const tree = await listUnitsOfRoot(tx, rootOf(unit), true);
        const problem = parentProblem(tree, unit.id, next.parentId!);
        if (problem) return { parentSlug: problem };
        summary.parentSlug = { before: tree.find((u) => u.id === unit.parentId)?.slug ?? null, after: parent?.slug ?? null };
      }
      await updateUnit(tx, unit.id, { ...next, updatedAt: now });
      await writeAudit(tx, actor, { action: 'units.updated', targetType: 'unit', targetId: unit.id, unitId: unit.id, summary }, now);
      return undefined;
    });
    if (result) return { ok: false, errors: result };
  } catch (err) {
    const e = uniqueViolationErrors(err, next.slug ?? unit.slug, v.profile.uscc);
    if (e) return { ok: false, errors: e };
    throw err;
  }
  unitsChanged(core);
  return { ok: true, unit: { ...unit, ...next, updatedAt: now }, changed: true };
}

/** Replaces the unit's leaders (领导信息) with the submitted rows. */
export async function saveLeaders(core: Core, user: CurrentUser, actor: Actor, unit: UnitRow, rows: LeaderFormRow[]): Promise<{ ok: true; count: number } | Failure> {
  if (!canEditUnitProfile(user, unit)) throw new ForbiddenError();
  const v = validateLeaderRows(rows);
  if (!v.ok) return { ok: false, errors: v.errors };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const before = await listLeaders(tx, unit.id);
    await replaceLeaders(tx, unit.id, v.leaders);
    await updateUnit(tx, unit.id, { updatedAt: now });
    const brief = (l: { name: string; title: string; duties: string }) => ({ name: l.name, title: l.title, duties: l.duties });
    await writeAudit(
      tx,
      actor,
      {
        action: 'units.leaders-saved',
        targetType: 'unit',
        targetId: unit.id,
        unitId: unit.id,
        summary: { before: before.map(brief), after: v.leaders.map(brief) },
      },
      now,
    );
  });
  return { ok: true, count: v.leaders.length };
}

/** Archives (撤销) a unit with a reason; refused while it has active children or staff. */
export async function archiveUnit(core: Core, user: CurrentUser, actor: Actor, unit: UnitRow, reasonText: string): Promise<{ ok: true } | Failure> {
  if (!hasRole(user, 'system_admin') || rootOf(unit) !== user.rootUnitId) throw new ForbiddenError();
  const problem = archiveReasonProblem(reasonText);
  if (problem) return { ok: false, errors: { reason: problem } };
  const now = core.clock.now();
  const refusals = await core.db.transaction(async (tx) => {
    await lockUnitTree(tx, rootOf(unit));
    const fresh = (await findUnitBySlug(tx, unit.slug)) ?? unit;
    const [children, staff] = await Promise.all([listActiveChildren(tx, unit.id), countActiveStaffByUnit(tx, [unit.id])]);
    const reasons = archiveRefusals({
      isRoot: fresh.parentId === null,
      alreadyArchived: fresh.archivedAt !== null,
      activeChildren: children.map((c) => c.name),
      activeStaff: staff.get(unit.id) ?? 0,
    });
    if (reasons.length) return reasons;
    await markUnitArchived(tx, unit.id, now);
    await writeAudit(
      tx,
      actor,
      {
        action: 'units.archived',
        targetType: 'unit',
        targetId: unit.id,
        unitId: unit.id,
        summary: { before: { archivedAt: null }, after: { archivedAt: now.toISOString() }, reason: reasonText, name: unit.name, slug: unit.slug },
      },
      now,
    );
    return [];
  });
  if (refusals.length) return { ok: false, errors: {}, reasons: refusals };
  unitsChanged(core);
  return { ok: true };
}

/** Saves the site settings of the user's city; the header and footer change at once. */
export async function updateSiteSettings(core: Core, user: CurrentUser, actor: Actor, input: SiteSettingsInput): Promise<{ ok: true; changed: boolean } | Failure> {
  if (!hasRole(user, 'system_admin')) throw new ForbiddenError();
  const v = validateSiteSettings(input);
  const errors: Errors = v.ok ? {} : { ...v.errors };
  if (v.ok && v.value.hostName) {
    const other = await findSiteByHostName(core.db, v.value.hostName, user.rootUnitId);
    if (other) errors.hostName = `域名 ${v.value.hostName} 已用于另一个网站「${other.siteName}」`;
  }
  if (!v.ok || Object.keys(errors).length) return { ok: false, errors };
  const rootUnitId = user.rootUnitId;
  const current = await findSiteSettings(core.db, rootUnitId);
  const before: Record<string, unknown> = current
    ? {
        siteName: current.siteName,
        siteCode: current.siteCode,
        icpNo: current.icpNo,
        psbNo: current.psbNo,
        conacUrl: current.conacUrl,
        hostName: current.hostName,
        hostUnitName: current.hostUnitName,
        demoNotice: current.demoNotice,
        superiorGovernment: current.superiorGovernment,
        basicCourt: current.basicCourt,
        intermediateCourt: current.intermediateCourt,
      }
    : {};
  const diff = changedFields(before, v.value as unknown as Record<string, unknown>);
  if (current && !Object.keys(diff.after).length) return { ok: true, changed: false };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await upsertSiteSettings(tx, { rootUnitId, ...v.value, updatedAt: now });
    await writeAudit(
      tx,
      actor,
      { action: 'site.settings-updated', targetType: 'site', targetId: rootUnitId, unitId: rootUnitId, summary: { before: diff.before, after: diff.after } },
      now,
    );
  });
  // The header and footer of every page come from the cached site list.
  core.sites.invalidate();
  return { ok: true, changed: true };
}
