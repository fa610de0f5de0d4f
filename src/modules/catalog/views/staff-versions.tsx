import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ErrorSummary, SelectField } from '../../../core/ui/components.tsx';
import type { FieldChange } from '../domain/versions.ts';
import { CATALOG_CRUMB } from './staff-catalog.tsx';

export interface VersionRowView {
  version: number;
  at: string;
  by: string;
  reason: string;
  added: number;
  removed: number;
  changed: number;
  total: number;
}

interface CatalogRef {
  unitName: string;
  slug: string;
  isRoot: boolean;
}

const catalogTitle = (c: CatalogRef) => (c.isRoot ? '本市标准目录' : `${c.unitName}目录`);

function CompareForm({ c, versions, from, to, errors }: { c: CatalogRef; versions: number[]; from: string; to: string; errors: FieldErrors }) {
  const options = versions.map((v) => ({ value: String(v), label: `第${v}版` }));
  return (
    <form method="get" action={`/staff/catalog/${c.slug}/versions/diff`} class="filters" aria-label="比较两个版本">
      <SelectField name="from" label="比较版本" value={from} error={errors.from} options={options} placeholder="请选择" />
      <SelectField name="to" label="与版本" value={to} error={errors.to} options={options} placeholder="请选择" />
      <div class="field">
        <button type="submit" class="button secondary">
          比较
        </button>
      </div>
    </form>
  );
}

export function VersionsPage({
  ctx,
  catalog,
  rows,
  errors = {},
  from = '',
  to = '',
}: {
  ctx: PageContext;
  catalog: CatalogRef;
  rows: VersionRowView[];
  errors?: FieldErrors;
  from?: string;
  to?: string;
}) {
  const title = `${catalogTitle(catalog)}版本历史`;
  const versions = rows.map((r) => r.version);
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={[CATALOG_CRUMB, { href: `/staff/catalog/${catalog.slug}`, label: catalogTitle(catalog) }, { label: '版本历史' }]}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      {rows.length === 0 ? (
        <p>目录还没有任何版本：新增、导入或采用事项后会形成第1版。</p>
      ) : (
        <>
          {rows.length > 1 ? (
            <CompareForm
              c={catalog}
              versions={versions}
              from={from || String(versions[1])}
              to={to || String(versions[0])}
              errors={errors}
            />
          ) : null}
          <div class="table-wrap" role="region" tabIndex={0} aria-label="目录各版本（新的在前），增减数与上一版相比">
            <table>
              <caption>目录各版本（新的在前），增减数与上一版相比</caption>
              <thead>
                <tr>
                  <th scope="col">版本</th>
                  <th scope="col">时间</th>
                  <th scope="col">操作人</th>
                  <th scope="col">变更说明</th>
                  <th scope="col">事项数</th>
                  <th scope="col">新增</th>
                  <th scope="col">移除</th>
                  <th scope="col">修改</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.version}>
                    <td>
                      {i + 1 < rows.length ? (
                        <a href={`/staff/catalog/${catalog.slug}/versions/diff?from=${rows[i + 1]!.version}&to=${r.version}`}>第{r.version}版</a>
                      ) : (
                        `第${r.version}版`
                      )}
                    </td>
                    <td>{r.at}</td>
                    <td>{r.by}</td>
                    <td>{r.reason}</td>
                    <td>{r.total}</td>
                    <td>{r.added}</td>
                    <td>{r.removed}</td>
                    <td>{r.changed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </StaffLayout>
  );
}

export interface DiffItemView {
  code: string | null;
  domainName: string;
  level1: string;
  level2: string;
}

export interface ChangedItemView extends DiffItemView {
  from: number;
  to: number;
  changes: FieldChange[];
}

function ItemName({ item }: { item: DiffItemView }) {
  const text = `${item.domainName} / ${item.level1} / ${item.level2}`;
  return item.code ? <a href={`/staff/catalog/items/${item.code}/history`}>{text}</a> : <>{text}</>;
}

export function VersionDiffPage({
  ctx,
  catalog,
  from,
  to,
  fromMeta,
  toMeta,
  added,
  removed,
  changed,
  versions,
}: {
  ctx: PageContext;
  catalog: CatalogRef;
  from: number;
  to: number;
  fromMeta: string;
  toMeta: string;
  added: DiffItemView[];
  removed: DiffItemView[];
  changed: ChangedItemView[];
  versions: number[];
}) {
  const title = `第${from}版与第${to}版的比较`;
  return (
    <StaffLayout
      ctx={ctx}
      title={`${catalogTitle(catalog)}：${title}`}
      breadcrumbs={[
        CATALOG_CRUMB,
        { href: `/staff/catalog/${catalog.slug}`, label: catalogTitle(catalog) },
        { href: `/staff/catalog/${catalog.slug}/versions`, label: '版本历史' },
        { label: title },
      ]}
    >
      <h1>
        {catalogTitle(catalog)}：{title}
      </h1>
      <dl class="facts">
        <dt>第{from}版</dt>
        <dd>{fromMeta}</dd>
        <dt>第{to}版</dt>
        <dd>{toMeta}</dd>
      </dl>
      <CompareForm c={catalog} versions={versions} from={String(from)} to={String(to)} errors={{}} />
      <p>
        新增 {added.length} 项，移除 {removed.length} 项，修改 {changed.length} 项。
      </p>
      <section aria-labelledby="diff-added">
        <h2 id="diff-added">新增的事项（{added.length}）</h2>
        {added.length ? (
          <ul>
            {added.map((a, i) => (
              <li key={i}>
                <ItemName item={a} />
              </li>
            ))}
          </ul>
        ) : (
          <p>无。</p>
        )}
      </section>
      <section aria-labelledby="diff-removed">
        <h2 id="diff-removed">移除的事项（{removed.length}）</h2>
        {removed.length ? (
          <ul>
            {removed.map((a, i) => (
              <li key={i}>
                <ItemName item={a} />
              </li>
            ))}
          </ul>
        ) : (
          <p>无。</p>
        )}
      </section>
      <section aria-labelledby="diff-changed">
        <h2 id="diff-changed">修改的事项（{changed.length}）</h2>
        {changed.length === 0 ? <p>无。</p> : null}
        {changed.map((c, i) => (
          <div class="table-wrap" key={i} role="region" tabIndex={0} aria-label={`${c.domainName} / ${c.level1} / ${c.level2}（事项第${c.from}版 → 第${c.to}版）`}>
            <table>
              <caption>
                <ItemName item={c} />（事项第{c.from}版 → 第{c.to}版）
              </caption>
              <thead>
                <tr>
                  <th scope="col">列</th>
                  <th scope="col">修改前</th>
                  <th scope="col">修改后</th>
                </tr>
              </thead>
              <tbody>
                {c.changes.map((ch) => (
                  <tr key={ch.field}>
                    <th scope="row">{ch.label}</th>
                    <td>{ch.before || '（空）'}</td>
                    <td>{ch.after || '（空）'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </StaffLayout>
  );
}
