// Reading the filters of public lists and search from a query string (pages and API alike): each
// value is checked against what exists, with a Chinese message per field; nothing unchecked
// reaches SQL.
import type { Core } from '../../../core/services.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { publicUnitsOfRoot } from '../../units/index.ts';
import { findCatalogItem, listCatalogDomains, publishedYears, type PublicFilters } from '../data/public-queries.ts';
import { publicData } from '../public-cache.ts';
import { DOC_TYPES, GENERAL_COLUMNS, SUBJECTS, VALIDITIES, type DocType, type GeneralColumn, type Validity } from '../domain/vocab.ts';
import { COLUMN_OPTIONS, DOC_TYPE_OPTIONS, VALIDITY_OPTIONS, type FilterField } from '../views/public-shared.tsx';

export interface FilterContext {
  units: { id: number; slug: string; name: string }[];
  domains: { id: number; slug: string; name: string }[];
  years: number[];
}

export async function filterContext(core: Core, rootUnitId: number): Promise<FilterContext> {
  return (await publicData.get(`filters:${rootUnitId}`, async () => {
    const [units, domains, years] = await Promise.all([publicUnitsOfRoot(core, rootUnitId), listCatalogDomains(core.db, rootUnitId), publishedYears(core.db, rootUnitId)]);
    return { units: units.map((u) => ({ id: u.id, slug: u.slug, name: u.name })), domains, years } satisfies FilterContext;
  })) as FilterContext;
}

export type FilterName = 'unit' | 'domain' | 'item' | 'type' | 'subject' | 'year' | 'validity' | 'column';

export const MAX_PAGE = 500;

export interface ReadFilters {
  filters: PublicFilters;
  values: Record<string, string>;
  errors: FieldErrors;
  page: number;
  q: string;
  /** The item filtered on (shown by name; it has no select box). */
  item?: { code: string; name: string };
}

/** Reads q, page and the named filters; unknown values become field errors. */
export async function readFilters(core: Core, rootUnitId: number, query: unknown, names: FilterName[], ctx: FilterContext, withQuery = false): Promise<ReadFilters> {
  const form = new FormReader(query);
  const filters: PublicFilters = {};
  const q = withQuery ? form.text('q', { label: '关键词', max: 100 }) : '';
  const page = form.integer('page', '页码', { min: 1, max: MAX_PAGE, required: false }) ?? 1;
  let item: ReadFilters['item'];
  for (const name of names) {
    switch (name) {
      case 'unit': {
        const slug = form.choice('unit', '发布单位', ctx.units.map((u) => u.slug), false);
        if (slug) filters.unitId = ctx.units.find((u) => u.slug === slug)!.id;
        break;
      }
      case 'domain': {
        const slug = form.choice('domain', '领域', ctx.domains.map((d) => d.slug), false);
        if (slug) filters.domainId = ctx.domains.find((d) => d.slug === slug)!.id;
        break;
      }
      case 'item': {
        const code = form.raw('item').trim();
        form.values.item = code.slice(0, 64);
        if (code) {
          const found = /^[A-Za-z0-9_-]{1,64}$/.test(code) ? await findCatalogItem(core.db, rootUnitId, code) : undefined;
          if (found) {
            filters.itemId = found.id;
            item = { code: found.code, name: found.name };
          } else form.fail('item', '目录事项不存在');
        }
        break;
      }
      case 'type':
        filters.docType = form.choice<DocType>('type', '文件类型', DOC_TYPES, false);
        break;
      case 'subject':
        filters.subject = form.choice('subject', '主题分类', SUBJECTS, false);
        break;
      case 'year': {
        const y = form.integer('year', '年份', { min: 1949, max: 2100, required: false });
        if (y !== undefined && form.errors.year === undefined) filters.year = y;
        break;
      }
      case 'validity':
        filters.validity = form.choice<Validity>('validity', '有效性', VALIDITIES, false);
        break;
      case 'column':
        filters.column = form.choice<GeneralColumn>('column', '栏目', GENERAL_COLUMNS, false);
        break;
    }
  }
  for (const k of Object.keys(filters) as (keyof PublicFilters)[]) if (filters[k] === undefined) delete filters[k];
  return { filters, values: form.values, errors: form.errors, page, q, item };
}

/** The select boxes for the named filters. */
export function filterFields(names: FilterName[], ctx: FilterContext): FilterField[] {
  const out: FilterField[] = [];
  for (const name of names) {
    switch (name) {
      case 'unit':
        out.push({ name, label: '发布单位', placeholder: '全部单位', options: ctx.units.map((u) => ({ value: u.slug, label: u.name })) });
        break;
      case 'domain':
        out.push({ name, label: '领域', placeholder: '全部领域', options: ctx.domains.map((d) => ({ value: d.slug, label: d.name })) });
        break;
      case 'type':
        out.push({ name, label: '文件类型', placeholder: '全部类型', options: DOC_TYPE_OPTIONS });
        break;
      case 'subject':
        out.push({ name, label: '主题分类', placeholder: '全部主题', options: SUBJECTS.map((s) => ({ value: s, label: s })) });
        break;
      case 'year':
        out.push({ name, label: '发布年份', placeholder: '全部年份', options: ctx.years.map((y) => ({ value: String(y), label: `${y}年` })) });
        break;
      case 'validity':
        out.push({ name, label: '有效性', placeholder: '全部', options: VALIDITY_OPTIONS });
        break;
      case 'column':
        out.push({ name, label: '栏目', placeholder: '全部栏目', options: COLUMN_OPTIONS });
        break;
      case 'item':
        break;
    }
  }
  return out;
}

/** The query string of a list page with the given page number (other values kept). */
export function pageHref(path: string, values: Record<string, string>, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v && k !== 'page') p.set(k, v);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
