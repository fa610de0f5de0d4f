// Who may see and change which catalog in the back office. Pure: the user and the unit are arguments.
import { hasRole } from '../../../core/auth/roles.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';

export interface CatalogUnitRef {
  id: number;
  parentId: number | null;
  rootId: number | null;
}

export interface CatalogAccess {
  /** Read the catalog, its versions and exports. */
  view: boolean;
  /** Add, edit, retire items and import (the unit's own items; for the root unit, the standard items). */
  edit: boolean;
  /** Choose which standard items the unit adopts (never for the root unit: it owns them). */
  adopt: boolean;
}

const NONE: CatalogAccess = { view: false, edit: false, adopt: false };

export function isRootUnit(unit: CatalogUnitRef): boolean {
  return unit.parentId === null;
}

export function rootIdOf(unit: CatalogUnitRef): number {
  return unit.rootId ?? unit.id;
}

/** The openness office and system admins run the city's standard catalog and every unit's catalog. */
export function isCatalogManager(user: CurrentUser, unit: CatalogUnitRef): boolean {
  return hasRole(user, 'openness_office', 'system_admin') && rootIdOf(unit) === user.rootUnitId;
}

/**
 * The standard catalog is edited by the openness office (and system admins); a unit's own items by
 * its unit admins and editors; adoption by its unit admins. Reviewers read their unit's catalog,
 * and every catalog user of the city reads the standard catalog.
 */
export function catalogAccess(user: CurrentUser, unit: CatalogUnitRef): CatalogAccess {
  if (rootIdOf(unit) !== user.rootUnitId) return NONE;
  const manager = isCatalogManager(user, unit);
  const catalogRole = hasRole(user, 'openness_office', 'system_admin', 'unit_admin', 'editor', 'reviewer');
  if (!catalogRole) return NONE;
  const own = unit.id === user.unitId;
  if (isRootUnit(unit)) return { view: true, edit: manager, adopt: false };
  return {
    view: manager || own,
    edit: manager || (own && hasRole(user, 'unit_admin', 'editor')),
    adopt: manager || (own && hasRole(user, 'unit_admin')),
  };
}
