// A unit's catalog (法定主动公开内容) and its public change history.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { ErrorSummary, Pagination, SelectField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import type { UnitRow } from '../../units/index.ts';
import type { DomainRow } from '../data/repository.ts';
import type { ItemName } from '../data/public-queries.ts';
import type { CatalogVersionSummary } from '../domain/history.ts';
import { columnPath, itemPath, type DomainGroup } from './public-shared.tsx';

/** Items per page (the route pages with the same number). */
export const CATALOG_PAGE_ITEMS = 200;

export interface UnitCatalogProps {
  ctx: PageContext;
  unit: UnitRow;
  isRoot: boolean;
  /** The groups to show (one domain when filtered). */
  groups: DomainGroup[];
  /** Domains that hold items in this catalog, for the filter. */
  domainOptions: DomainRow[];
  /** The domain filtered on, when valid. */
  selected: DomainRow | undefined;
  values: Record<string, string>;
  errors: FieldErrors;
  totalItems: number;
  totalDomains: number;
  page: number;
  pageCount: number;
  /** Items in the current filter (all pages). */
  shownItems: number;
}

export function UnitCatalogPage(p: UnitCatalogProps) {
  const { ctx, unit, isRoot, groups, selected } = p;
  const title = `${unit.name}法定主动公开内容`;
  return (
    <PublicLayout
      ctx={ctx}
      title={selected ? `${title}（${selected.name}）` : title}
      breadcrumbs={[{ href: '/openness', label: '政府信息公开' }, { href: columnPath(unit.slug), label: unit.name }, { label: '法定主动公开内容' }]}
    >
      <h1>{title}</h1>
      <p>
        {isRoot
          ? `本目录是本市的政务公开标准目录，由市政务公开办公室维护，各单位从中选用适用于本单位的事项。目录现有${p.totalDomains}个领域、${p.totalItems}个事项。`
          : `本目录由${unit.name}从本市政务公开标准目录中选用的事项和本单位补充的事项组成，现有${p.totalDomains}个领域、${p.totalItems}个事项。`}
        点击二级事项可查看其公开内容、依据、时限、主体、渠道等全部要素。各栏目的含义见<a href="/openness/reading-guide#read-item">政务公开导读</a>。
      </p>
      <p>
        <a href={columnPath(unit.slug, 'catalog/history')}>目录调整记录</a>
        {p.totalItems ? (
          <>
            {' · 下载全部目录：'}
            <a href={columnPath(unit.slug, 'catalog/export.xlsx')} download>
              Excel（.xlsx）
            </a>
            {'、'}
            <a href={columnPath(unit.slug, 'catalog/export.csv')} download>
              CSV
            </a>
          </>
        ) : null}
      </p>

      <ErrorSummary errors={p.errors} />
      {p.domainOptions.length > 1 || p.errors.domain ? (
        <form method="get" action={columnPath(unit.slug, 'catalog')} class="filters no-print" novalidate>
          <SelectField
            name="domain"
            label="领域"
            value={p.values.domain}
            error={p.errors.domain}
            placeholder="全部领域"
            options={p.domainOptions.map((d) => ({ value: d.slug, label: d.name }))}
          />
          <div class="field">
            <button type="submit" class="button">
              筛选
            </button>
          </div>
        </form>
      ) : null}

      {selected && !groups.length ? <p>本单位的目录在“{selected.name}”领域暂无事项。</p> : null}
      {!selected && !groups.length && !p.errors.domain ? <p>本单位的政务公开目录尚未列入事项。</p> : null}

      {groups.map((g) => (
        <section key={g.domain.id} aria-labelledby={`d-${g.domain.slug}`}>
          <h2 id={`d-${g.domain.slug}`}>
            {g.domain.name}（{g.count}项）
          </h2>
          {g.level1.map((l1, i) => (
            <section key={l1.name} aria-labelledby={`d-${g.domain.slug}-${i}`}>
              <h3 id={`d-${g.domain.slug}-${i}`}>{l1.name}</h3>
              <div class="table-wrap" role="region" tabIndex={0} aria-label={`${g.domain.name}领域“${l1.name}”下的二级事项`}>
                <table>
                  <caption class="visually-hidden">
                    {g.domain.name}领域“{l1.name}”下的二级事项
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">二级事项</th>
                      <th scope="col">公开时限</th>
                      <th scope="col">公开主体</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l1.items.map((item) => (
                      <tr key={item.id}>
                        <td>
                          <a href={itemPath(item.code, unit.slug)}>{item.level2}</a>
                        </td>
                        <td>{item.timeLimitText}</td>
                        <td>{item.publisherText}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </section>
      ))}
      {p.pageCount > 1 ? (
        <>
          <p>
            共 {p.shownItems} 项，每页 {CATALOG_PAGE_ITEMS} 项，本页是第 {(p.page - 1) * CATALOG_PAGE_ITEMS + 1}–{Math.min(p.page * CATALOG_PAGE_ITEMS, p.shownItems)} 项。
          </p>
          <Pagination
            page={p.page}
            pageCount={p.pageCount}
            hrefFor={(n) => `${columnPath(unit.slug, 'catalog')}?${new URLSearchParams({ ...(selected ? { domain: selected.slug } : {}), page: String(n) }).toString()}`}
          />
        </>
      ) : null}
    </PublicLayout>
  );
}

export interface CatalogHistoryProps {
  ctx: PageContext;
  unit: UnitRow;
  versions: CatalogVersionSummary[];
  names: Map<number, ItemName>;
  maxNamed: number;
  page: number;
  pageCount: number;
  total: number;
}

export function CatalogHistoryPage({ ctx, unit, versions, names, maxNamed, page, pageCount, total }: CatalogHistoryProps) {
  const title = `${unit.name}目录调整记录`;
  return (
    <PublicLayout
      ctx={ctx}
      title={title}
      breadcrumbs={[
        { href: '/openness', label: '政府信息公开' },
        { href: columnPath(unit.slug), label: unit.name },
        { href: columnPath(unit.slug, 'catalog'), label: '法定主动公开内容' },
        { label: '目录调整记录' },
      ]}
    >
      <h1>{title}</h1>
      <p>
        政务公开目录实行动态调整：每次新增、移除或修改事项，都形成目录的一个新版本，并说明调整原因。本页按时间倒序列出{unit.name}目录的全部版本，共{total}个。
      </p>
      {versions.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="目录版本及调整内容">
          <table>
            <caption>目录版本及调整内容</caption>
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">调整日期</th>
                <th scope="col">调整原因</th>
                <th scope="col">新增</th>
                <th scope="col">移除</th>
                <th scope="col">修改</th>
                <th scope="col">调整后事项数</th>
                <th scope="col">涉及事项</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row" class="nowrap">
                    第{v.version}版
                  </th>
                  <td class="nowrap">{v.changedOn}</td>
                  <td>{v.reason}</td>
                  <td>{v.added.length}</td>
                  <td>{v.removed.length}</td>
                  <td>{v.changed.length}</td>
                  <td>{v.itemCount}</td>
                  <td>
                    <ChangedItems label="新增" ids={v.added} names={names} maxNamed={maxNamed} />
                    <ChangedItems label="移除" ids={v.removed} names={names} maxNamed={maxNamed} />
                    <ChangedItems label="修改" ids={v.changed.map((c) => c.itemId)} names={names} maxNamed={maxNamed} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>本单位的目录尚无调整记录。</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => `${columnPath(unit.slug, 'catalog/history')}?page=${n}`} />
    </PublicLayout>
  );
}

function ChangedItems({ label, ids, names, maxNamed }: { label: string; ids: number[]; names: Map<number, ItemName>; maxNamed: number }) {
  if (!ids.length) return null;
  if (ids.length > maxNamed) {
    return (
      <div>
        {label}
        {ids.length}项（数量较多，不逐一列出）
      </div>
    );
  }
  return (
    <div>
      {label}：
      {ids.map((id, i) => {
        const n = names.get(id);
        return (
          <>
            {i > 0 ? '、' : null}
            {n ? <a href={itemPath(n.code)}>{n.level2}</a> : '（未知事项）'}
          </>
        );
      })}
    </div>
  );
}
