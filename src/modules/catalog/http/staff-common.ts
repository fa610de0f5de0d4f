// Shared by the back-office catalog routes: the unit named in the URL and what the user may do with it.
import type { FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { findUnitById, findUnitBySlug, type UnitRow } from '../../units/index.ts';
import { catalogAccess, isRootUnit, rootIdOf, type CatalogAccess } from '../domain/staff-access.ts';
import { itemData, listDomains, listUnitCatalogItems, type DomainRow, type ItemRow } from '../data/repository.ts';
import type { CatalogItemData } from '../domain/types.ts';

export const HTML = 'text/html; charset=utf-8';

/** Roles that reach the catalog pages at all; the unit scope is checked per page. */
export const CATALOG_ROLES = ['openness_office', 'system_admin', 'unit_admin', 'editor', 'reviewer'] as const;

export interface CatalogUnit {
  unit: UnitRow;
  isRoot: boolean;
  rootUnitId: number;
  access: CatalogAccess;
}

export function describeUnit(req: FastifyRequest, unit: UnitRow): CatalogUnit {
  return { unit, isRoot: isRootUnit(unit), rootUnitId: rootIdOf(unit), access: catalogAccess(req.user!, unit) };
}

/** The unit of the URL's :unitSlug the user may view (404 unknown or archived, 403 outside their scope). */
export async function viewableUnit(core: Core, req: FastifyRequest): Promise<CatalogUnit> {
  const { unitSlug } = req.params as { unitSlug: string };
  const unit = await findUnitBySlug(core.db, unitSlug);
  if (!unit || unit.archivedAt) throw new NotFoundError('该单位不存在或已撤销。');
  const c = describeUnit(req, unit);
  if (!c.access.view) throw new ForbiddenError('您只能查看本单位的目录和本市标准目录。');
  return c;
}

export async function editableUnit(core: Core, req: FastifyRequest): Promise<CatalogUnit> {
  const c = await viewableUnit(core, req);
  if (!c.access.edit) {
    throw new ForbiddenError(c.isRoot ? '只有政务公开办可以修改本市标准目录。' : '只有本单位的管理员和信息员可以修改本单位目录。');
  }
  return c;
}

/** The catalog an item belongs to: its owner unit, or the root unit for a standard item. */
export async function unitOfItem(core: Core, req: FastifyRequest, item: ItemRow): Promise<CatalogUnit> {
  const unit = await findUnitById(core.db, item.ownerUnitId ?? item.rootUnitId);
  if (!unit) throw new NotFoundError('该事项所属的单位不存在。');
  return describeUnit(req, unit);
}

export interface UnitCatalog {
  domains: DomainRow[];
  domainName: Map<number, string>;
  items: ItemRow[];
  data: (row: ItemRow) => CatalogItemData;
}

export async function loadUnitCatalog(core: Core, c: Pick<CatalogUnit, 'unit' | 'isRoot' | 'rootUnitId'>): Promise<UnitCatalog> {
  const [domains, items] = await Promise.all([listDomains(core.db, c.rootUnitId), listUnitCatalogItems(core.db, c.unit.id, c.isRoot)]);
  const domainName = new Map(domains.map((d) => [d.id, d.name]));
  const order = new Map(domains.map((d) => [d.id, d.sortOrder]));
  items.sort((a, b) => (order.get(a.domainId) ?? 0) - (order.get(b.domainId) ?? 0) || a.domainId - b.domainId || a.sortOrder - b.sortOrder || a.id - b.id);
  return { domains, domainName, items, data: (row) => itemData(row, domainName.get(row.domainId) ?? '') };
}

/** Integer route/query parameters: undefined unless a plain positive integer. */
export function positiveInt(value: unknown): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}
