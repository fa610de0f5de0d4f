// Shared by the back-office routes of 主动公开: who may see what, the unit in scope, and how rows are
// shown in lists.
import type { FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import type { Role } from '../../../core/db/schema.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import { actorOf } from '../../../core/http/context.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { hasRole, isCityWide } from '../../../core/auth/roles.ts';
import { formatInstant, formatInstantWords } from '../../../core/clock.ts';
import { findUnitBySlug, listUnitsOfRoot, type UnitRow } from '../../units/index.ts';
import { findCatalogItem, listUnitCatalogItemsForPicker, type CatalogItemRef } from '../../catalog/index.ts';
import type { WorkflowUser } from '../domain/workflow.ts';
import { DISCLOSURE_LABELS, DOC_TYPE_LABELS, GENERAL_COLUMN_LABELS } from '../domain/vocab.ts';
import { findRecordByCode, type RecordRow } from '../data/repository.ts';
import { staffActorOf, type StaffActor } from '../service.ts';
import type { RecordListRow } from '../views/staff-shared.tsx';

export const HTML = 'text/html; charset=utf-8';

/** Roles that reach the records pages at all; the unit scope is checked per page. */
export const RECORD_ROLES: readonly Role[] = ['editor', 'reviewer', 'unit_admin', 'openness_office', 'system_admin'];

export function staffActor(req: FastifyRequest): StaffActor {
  return staffActorOf(actorOf(req), req.user!);
}

export function workflowUser(u: CurrentUser): WorkflowUser {
  return { id: u.id, unitId: u.unitId, rootUnitId: u.rootUnitId, roles: u.roles };
}

/** Staff see their own unit's records; city-wide roles see every unit of their city. */
export function canViewRecord(u: CurrentUser, r: { unitId: number; rootUnitId: number }): boolean {
  if (r.rootUnitId !== u.rootUnitId) return false;
  return r.unitId === u.unitId || isCityWide(u);
}

/** The record of the URL's :code: 404 unknown or of another city, 403 another unit's. */
export async function visibleRecord(core: Core, req: FastifyRequest): Promise<RecordRow> {
  const { code } = req.params as { code?: unknown };
  const row = typeof code === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(code) ? await findRecordByCode(core.db, code) : undefined;
  if (!row || row.rootUnitId !== req.user!.rootUnitId) throw new NotFoundError('该信息不存在。');
  if (!canViewRecord(req.user!, row)) throw new ForbiddenError('您只能查看和办理本单位的信息。');
  return row;
}

export interface UnitScope {
  unit: UnitRow;
  /** Units the user may switch between (city-wide roles), else empty. */
  choices: UnitRow[];
}

/** The unit a list or dashboard shows: `?unit=slug` for city-wide roles, otherwise the user's own. */
export async function unitInScope(core: Core, req: FastifyRequest, slug: unknown): Promise<UnitScope> {
  const user = req.user!;
  const units = await listUnitsOfRoot(core.db, user.rootUnitId);
  const own = units.find((u) => u.id === user.unitId);
  if (!isCityWide(user)) {
    if (!own) throw new NotFoundError('您所在的单位不存在或已撤销。');
    if (typeof slug === 'string' && slug && slug !== own.slug) throw new ForbiddenError('您只能查看本单位的信息。');
    return { unit: own, choices: [] };
  }
  if (typeof slug === 'string' && slug) {
    const unit = units.find((u) => u.slug === slug) ?? (await findUnitBySlug(core.db, slug));
    if (!unit || unit.archivedAt || (unit.rootId ?? unit.id) !== user.rootUnitId) throw new NotFoundError('该单位不存在或已撤销。');
    return { unit, choices: units };
  }
  return { unit: own ?? units[0]!, choices: units };
}

/** Whether the user reviews (审核人); 政务公开办 reviewers review every unit of the city. */
export function reviewUnitIds(u: CurrentUser, units: UnitRow[]): number[] {
  if (!hasRole(u, 'reviewer')) return [];
  if (hasRole(u, 'openness_office')) return units.map((x) => x.id);
  return [u.unitId];
}

export function homeLabel(r: { catalogItemId: number | null; generalColumn: string | null }, items: Map<number, string>): string {
  const parts: string[] = [];
  if (r.catalogItemId !== null) parts.push(items.get(r.catalogItemId) ?? '目录事项');
  if (r.generalColumn) parts.push(GENERAL_COLUMN_LABELS[r.generalColumn as keyof typeof GENERAL_COLUMN_LABELS] ?? r.generalColumn);
  return parts.join('；') || '—';
}

export function listRowOf(r: RecordRow, ctx: { items: Map<number, string>; unitNames: Map<number, string>; staff?: Map<number, string> }): RecordListRow {
  return {
    code: r.code,
    title: r.title,
    state: r.state,
    kind: r.kind,
    docNo: r.docNo,
    indexNo: r.indexNo,
    unitName: ctx.unitNames.get(r.unitId) ?? '',
    home: homeLabel(r, ctx.items),
    docTypeLabel: DOC_TYPE_LABELS[r.docType],
    disclosureLabel: DISCLOSURE_LABELS[r.disclosure],
    writtenOn: r.writtenOn,
    publishedOn: r.publishedOn,
    updatedAt: formatInstant(r.updatedAt),
    scheduledAt: r.state === 'scheduled' && r.scheduledAt ? formatInstantWords(r.scheduledAt) : null,
    late: r.disclosure === 'proactive' ? r.publishedLate : null,
    reviewOwed: r.reviewOwed,
    submittedByName: r.submittedById !== null ? ctx.staff?.get(r.submittedById) : undefined,
  };
}

/** Integer query parameters: undefined unless a plain positive integer. */
export function positiveInt(value: unknown): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** A query parameter as one string ('' when absent or not a string). */
export function queryText(q: unknown, name: string): string {
  const v = q && typeof q === 'object' ? (q as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.slice(0, 200) : '';
}

/** The active items of a unit's catalog, in catalog order (the catalog module's picker list). */
export function unitItems(core: Core, unitId: number): Promise<CatalogItemRef[]> {
  return listUnitCatalogItemsForPicker(core.db, unitId);
}

/** Labels (领域 › 二级事项) of catalog items by id, retired ones included; `known` saves lookups. */
export async function itemLabels(core: Core, ids: readonly (number | null)[], known: readonly CatalogItemRef[] = []): Promise<Map<number, string>> {
  const out = new Map(known.map((i) => [i.id, `${i.domainName} › ${i.level2}`]));
  for (const id of new Set(ids)) {
    if (id === null || out.has(id)) continue;
    const item = await findCatalogItem(core.db, id);
    if (item) out.set(id, `${item.domainName} › ${item.level2}${item.retired ? '（已停用）' : ''}`);
  }
  return out;
}
