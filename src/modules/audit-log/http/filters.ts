// Reads the audit log's GET filters: every field is untrusted text from the address bar.
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import type { AuditFilters } from '../domain/filters.ts';

export const FILTER_FIELDS = ['from', 'to', 'actor', 'unit', 'action', 'targetType', 'targetId'] as const;
export const MAX_PAGE = 100_000;

export interface ParsedQuery {
  filters: AuditFilters;
  page: number;
  /** The raw text of each field, to refill the form and build links. */
  values: Record<string, string>;
  errors: FieldErrors;
}

export interface FilterChoices {
  units: { id: number; slug: string }[];
  actions: string[];
  targetTypes: string[];
}

export function parseAuditQuery(query: unknown, choices: FilterChoices): ParsedQuery {
  const form = new FormReader(query);
  const from = form.date('from', '起始日期', false);
  const to = form.date('to', '截止日期', false);
  if (from && to && from > to) form.fail('to', '截止日期不能早于起始日期');
  const actor = form.text('actor', { label: '操作人', max: 50 });
  const unitSlug = form.choice('unit', '单位', choices.units.map((u) => u.slug), false);
  const action = form.choice('action', '操作', choices.actions, false);
  const targetType = form.choice('targetType', '对象类型', choices.targetTypes, false);
  const targetId = form.text('targetId', { label: '对象编号', max: 100 });
  const page = form.integer('page', '页码', { min: 1, max: MAX_PAGE, required: false });
  const filters: AuditFilters = {};
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (actor) filters.actor = actor;
  if (unitSlug) filters.unitId = choices.units.find((u) => u.slug === unitSlug)?.id;
  if (action) filters.action = action;
  if (targetType) filters.targetType = targetType;
  if (targetId) filters.targetId = targetId;
  const values: Record<string, string> = {};
  // An over-long value is refilled cut short: the page need not echo megabytes back.
  for (const k of [...FILTER_FIELDS, 'page']) values[k] = (form.values[k] ?? '').slice(0, 200);
  return { filters, page: form.errors.page ? 1 : (page ?? 1), values, errors: form.errors };
}

/** The query string of the current filters (without the page), for pagination and export links. */
export function filterQuery(values: Record<string, string>, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_FIELDS) if (values[k]) q.set(k, values[k]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
