// The city's catalog domains: the 26 national ones and the local ones the openness office added.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../../core/ui/components.tsx';
import { LOCAL_DOMAIN_NAME_MAX } from '../domain/domains.ts';

export interface DomainsPageProps {
  ctx: PageContext;
  unit: { slug: string; name: string };
  domains: { slug: string; name: string; nationalNo: number | null; itemCount: number }[];
  canAdd: boolean;
  values: { name: string };
  errors: FieldErrors;
}

export function DomainsPage(p: DomainsPageProps) {
  const base = `/staff/catalog/${p.unit.slug}`;
  const local = p.domains.filter((d) => d.nationalNo === null).length;
  return (
    <StaffLayout
      ctx={p.ctx}
      title={`领域管理 - ${p.unit.name}`}
      breadcrumbs={[{ href: '/staff/catalog', label: '标准目录' }, { href: base, label: `本市标准目录（${p.unit.name}）` }, { label: '领域管理' }]}
    >
      <h1>领域管理</h1>
      <p>
        本市标准目录按领域编排：2019年国务院各部门发布的26个基层政务公开领域，以及本市增加的地方领域（共{local}个）。领域一经添加即可在新增事项和导入
        Excel 时使用。
      </p>
      {p.canAdd ? (
        <section aria-labelledby="add-domain">
          <h2 id="add-domain">新增地方领域</h2>
          <ErrorSummary errors={p.errors} />
          <form method="post" action={`${base}/domains`} class="narrow">
            <CsrfField token={p.ctx.csrfToken} />
            <TextField
              name="name"
              label="领域名称"
              hint={`如：涉农资金。不超过${LOCAL_DOMAIN_NAME_MAX}个字，不必写“领域”二字；全国26个领域及其旧称（如“环境保护”）不能重复添加。`}
              value={p.values.name}
              error={p.errors.name}
              maxLength={LOCAL_DOMAIN_NAME_MAX + 2}
              required
            />
            <button type="submit" class="button">
              添加领域
            </button>
          </form>
        </section>
      ) : null}
      <div class="table-wrap" role="region" tabIndex={0} aria-label={`本市标准目录的领域（共${p.domains.length}个）`}>
        <table>
          <caption>本市标准目录的领域（共{p.domains.length}个）</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">领域</th>
              <th scope="col">类别</th>
              <th scope="col">标准目录事项数</th>
            </tr>
          </thead>
          <tbody>
            {p.domains.map((d, i) => (
              <tr key={d.slug}>
                <td>{i + 1}</td>
                <th scope="row">
                  <a href={`${base}?domain=${encodeURIComponent(d.slug)}`}>{d.name}</a>
                </th>
                <td>{d.nationalNo === null ? '地方领域' : `全国领域（第${d.nationalNo}个）`}</td>
                <td>{d.itemCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}
