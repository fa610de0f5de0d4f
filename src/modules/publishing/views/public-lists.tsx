// Lists of published records with filters and pagination: all records, a general column (政务动态,
// 通知公告, 政策文件), the policy library (规章 and 行政规范性文件 with their validity).
import type { FieldErrors } from '../../../core/http/form.ts';
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { Pagination } from '../../../core/ui/components.tsx';
import type { RecordListItem } from '../data/public-queries.ts';
import { FeedLinks, FilterForm, RecordTable, type FilterField } from './public-shared.tsx';

export interface ListPageProps {
  ctx: PageContext;
  title: string;
  intro?: string;
  breadcrumbs: { href?: string; label: string }[];
  action: string;
  fields: FilterField[];
  values: Record<string, string>;
  errors: FieldErrors;
  rows: RecordListItem[];
  total: number;
  /** More records than counted: the total is a lower bound and later pages are reached by filtering. */
  capped?: boolean;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  showValidity?: boolean;
  feed?: { base: string; label: string };
}

export function RecordListPage(p: ListPageProps) {
  const filtered = Object.entries(p.values).some(([k, v]) => k !== 'page' && v);
  return (
    <PublicLayout ctx={p.ctx} title={p.page > 1 ? `${p.title}（第${p.page}页）` : p.title} breadcrumbs={p.breadcrumbs}>
      <h1>{p.title}</h1>
      {p.intro ? <p>{p.intro}</p> : null}
      {p.feed ? <FeedLinks base={p.feed.base} label={p.feed.label} /> : null}
      <FilterForm action={p.action} fields={p.fields} values={p.values} errors={p.errors} />
      <p role="status">
        {Object.keys(p.errors).length ? '筛选条件有误，请修改后重试。' : `${filtered ? '符合条件的' : '共有'}信息${p.capped ? '超过' : ''} ${p.total} 条${p.pageCount > 1 ? `，第 ${p.page} / ${p.pageCount} 页` : ''}${p.capped ? '；更早的信息请按单位、领域或年份筛选查看' : ''}。`}
      </p>
      {p.rows.length ? (
        <RecordTable rows={p.rows} caption={`${p.title}列表`} showValidity={p.showValidity} />
      ) : (
        <p>{filtered ? '没有符合条件的信息，请调整筛选条件。' : '暂无信息。'}</p>
      )}
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={p.hrefFor} />
    </PublicLayout>
  );
}
