// A unit's 行政复议机关 and 人民法院 (domain/remedies.ts): reading them for letters and 指南, and saving the
// unit's own setting, audited in the same transaction.
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Actor } from '../../core/audit/index.ts';
import { writeAudit } from '../../core/audit/index.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { canEditUnitProfile } from '../../core/auth/roles.ts';
import { ForbiddenError } from '../../core/http/errors.ts';
import { findSiteSettings, findUnitById, updateUnit, type UnitRow } from './data/repository.ts';
import { defaultRemedies, remedyContext, resolveRemedies, validateRemedySetting, type RemedyContext, type RemedyDefault, type UnitRemedies } from './domain/remedies.ts';

export type { UnitRemedies } from './domain/remedies.ts';

/** The city's bodies for remedy defaults: its government, the 上一级人民政府 and the courts. */
export async function remedyContextOf(db: DbOrTx, rootUnitId: number): Promise<RemedyContext> {
  const [root, site] = await Promise.all([findUnitById(db, rootUnitId), findSiteSettings(db, rootUnitId)]);
  return remedyContext({ name: root?.name ?? '', address: root?.address ?? '' }, site ?? {});
}

type UnitLike = Pick<UnitRow, 'id' | 'rootId' | 'name' | 'type' | 'reviewBody' | 'court'>;
const rootIdOf = (u: Pick<UnitRow, 'id' | 'rootId'>) => u.rootId ?? u.id;

/**
 * The 行政复议机关 and 人民法院 a unit's letters and 指南 name: its own setting, else the default of its kind
 * (行政复议法 2023 第二十四条、第二十七条), else `siteWide` (the city-wide value of the request settings).
 */
export async function unitRemedies(db: DbOrTx, unit: UnitLike, siteWide: { reviewBody?: string; court?: string } = {}): Promise<UnitRemedies> {
  const ctx = await remedyContextOf(db, rootIdOf(unit));
  return resolveRemedies({ name: unit.name, type: unit.type, isRoot: unit.rootId === null || unit.rootId === unit.id, reviewBody: unit.reviewBody, court: unit.court }, ctx, siteWide);
}

/** The default of the unit's kind (shown on its settings page), or undefined. */
export async function unitRemedyDefault(db: DbOrTx, unit: UnitLike): Promise<RemedyDefault | undefined> {
  const ctx = await remedyContextOf(db, rootIdOf(unit));
  return defaultRemedies({ name: unit.name, type: unit.type, isRoot: unit.rootId === null || unit.rootId === unit.id }, ctx);
}

export type SaveRemediesResult = { ok: true; changed: boolean } | { ok: false; errors: Record<string, string> };

/** Saves the unit's own 行政复议机关 and 人民法院 ('' = the default of its kind). */
export async function saveUnitRemedies(core: Core, user: CurrentUser, actor: Actor, unit: UnitRow, input: { reviewBody: string; court: string }): Promise<SaveRemediesResult> {
  if (!canEditUnitProfile(user, unit)) throw new ForbiddenError();
  const value = { reviewBody: input.reviewBody.trim(), court: input.court.trim() };
  const errors = validateRemedySetting(value);
  if (Object.keys(errors).length) return { ok: false, errors };
  if (value.reviewBody === unit.reviewBody && value.court === unit.court) return { ok: true, changed: false };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await updateUnit(tx, unit.id, { ...value, updatedAt: now });
    await writeAudit(
      tx,
      actor,
      {
        action: 'units.remedies-saved',
        targetType: 'unit',
        targetId: unit.id,
        unitId: unit.id,
        summary: { before: { reviewBody: unit.reviewBody, court: unit.court }, after: value },
      },
      now,
    );
  });
  return { ok: true, changed: true };
}
