import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import type { GroupedDomain } from '../domain/catalog-groups.ts';
import type { CatalogAccess } from '../domain/staff-access.ts';

export const CATALOG_CRUMB = { href: '/staff/catalog', label: '标准目录' };

export interface CatalogCard {
  unitName: string;
  slug: string;
  isRoot: boolean;
  total: number;
  byDomain: { name: string; slug: string; count: number }[];
  access: CatalogAccess;
  version: number | null;
}

export interface OtherCatalog {
  unitName: string;
  slug: string;
  count: number;
}

function catalogName(c: { unitName: string; isRoot: boolean }): string {
  return c.isRoot ? `本市标准目录（${c.unitName}）` : `${c.unitName}目录`;
}

export function CatalogIndexPage({ ctx, cards, others }: { ctx: PageContext; cards: CatalogCard[]; others: OtherCatalog[] }) {
  return (
    <StaffLayout ctx={ctx} title="标准目录" breadcrumbs={[{ label: '标准目录' }]}>
      <h1>标准目录</h1>
      <p class="hint">
        本市标准目录由政务公开办维护；各部门、乡镇从中采用适用的事项，并可增加本单位的事项。每次修改都会形成新的目录版本。
      </p>
      {cards.map((c) => (
        <section key={c.slug} aria-labelledby={`cat-${c.slug}`}>
          <h2 id={`cat-${c.slug}`}>
            <a href={`/staff/catalog/${c.slug}`}>{catalogName(c)}</a>
          </h2>
          <p>
            共 {c.total} 项二级事项{c.version ? `，当前为第${c.version}版` : '，尚无版本'}。{c.access.edit ? '您可以修改此目录。' : '您可以查看此目录。'}
          </p>
          {c.byDomain.length ? (
            <div class="table-wrap" role="region" tabIndex={0} aria-label={`${catalogName(c)}各领域事项数`}>
              <table>
                <caption>{catalogName(c)}各领域事项数</caption>
                <thead>
                  <tr>
                    <th scope="col">领域</th>
                    <th scope="col">二级事项数</th>
                  </tr>
                </thead>
                <tbody>
                  {c.byDomain.map((d) => (
                    <tr key={d.slug}>
                      <td>
                        <a href={`/staff/catalog/${c.slug}?domain=${encodeURIComponent(d.slug)}`}>{d.name}</a>
                      </td>
                      <td>{d.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>目录中还没有事项。</p>
          )}
          <p>
            <a href={`/staff/catalog/${c.slug}`}>查看目录</a>
            {c.access.edit ? (
              <>
                {' | '}
                <a href={`/staff/catalog/${c.slug}/items/new`}>新增事项</a>
                {' | '}
                <a href={`/staff/catalog/${c.slug}/import`}>导入 Excel</a>
              </>
            ) : null}
            {c.access.adopt ? (
              <>
                {' | '}
                <a href={`/staff/catalog/${c.slug}/adopt`}>采用标准目录事项</a>
              </>
            ) : null}
            {' | '}
            <a href={`/staff/catalog/${c.slug}/versions`}>版本历史</a>
          </p>
        </section>
      ))}
      {others.length ? (
        <section aria-labelledby="other-catalogs">
          <h2 id="other-catalogs">各部门、乡镇目录</h2>
          <div class="table-wrap" role="region" tabIndex={0} aria-label="各部门、乡镇目录的事项数">
            <table>
              <caption class="visually-hidden">各部门、乡镇目录的事项数</caption>
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">二级事项数</th>
                </tr>
              </thead>
              <tbody>
                {others.map((o) => (
                  <tr key={o.slug}>
                    <td>
                      <a href={`/staff/catalog/${o.slug}`}>{o.unitName}</a>
                    </td>
                    <td>{o.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export interface CatalogRowView {
  code: string;
  domainId: number;
  level1: string;
  level2: string;
  content: string;
  timeLimitText: string;
  computable: boolean;
  publisherText: string;
  audience: string;
  mode: string;
  level: string;
  /** A standard item adopted by a unit (edited in the standard catalog). */
  standard: boolean;
  canEdit: boolean;
}

export interface CatalogPageProps {
  ctx: PageContext;
  unitName: string;
  slug: string;
  isRoot: boolean;
  access: CatalogAccess;
  groups: GroupedDomain<CatalogRowView>[];
  total: number;
  version: number | null;
  domainFilter: { slug: string; name: string } | null;
  /** The user may edit this unit's 政府信息公开指南. */
  guide: boolean;
  /** The user may run this unit's public comment periods (意见征集). */
  consultations: boolean;
}

export function CatalogPage(p: CatalogPageProps) {
  const title = catalogName(p);
  const base = `/staff/catalog/${p.slug}`;
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={[CATALOG_CRUMB, { label: title }]}>
      <h1>{title}</h1>
      <p>
        共 {p.total} 项二级事项{p.version ? `，当前为第${p.version}版` : ''}。
        {p.domainFilter ? (
          <>
            {' '}当前只显示“{p.domainFilter.name}”领域，<a href={base}>显示全部领域</a>。
          </>
        ) : null}
      </p>
      <p class="actions">
        {p.access.edit ? (
          <>
            <a class="button" href={`${base}/items/new`}>
              新增事项
            </a>{' '}
            <a class="button secondary" href={`${base}/import`}>
              导入 Excel
            </a>{' '}
          </>
        ) : null}
        {p.access.adopt ? (
          <>
            <a class="button secondary" href={`${base}/adopt`}>
              采用标准目录事项
            </a>{' '}
          </>
        ) : null}
        <a class="button secondary" href={`${base}/versions`}>
          版本历史
        </a>
      </p>
      <p>
        {p.guide ? (
          <>
            <a href={`${base}/guide`}>编辑政府信息公开指南</a>
            {' | '}
          </>
        ) : null}
        {p.consultations ? (
          <>
            <a href={`${base}/consultations`}>目录意见征集</a>
            {' | '}
          </>
        ) : null}
        {p.isRoot ? (
          <>
            <a href={`${base}/domains`}>领域管理</a>
            {' | '}
          </>
        ) : null}
        <a href={`/openness/${p.slug}/catalog`}>查看公开页面</a>
      </p>
      <p>
        导出：<a href={`${base}/export.xlsx`}>Excel（.xlsx）</a>
        {' | '}
        <a href={`${base}/export.csv`}>CSV</a>
        {' | '}
        <a href={`${base}/export.json`}>JSON</a>
      </p>
      {p.groups.length === 0 ? <p>目录中还没有事项。</p> : null}
      {p.groups.map((g) => (
        <section key={g.domain.id} aria-labelledby={`d-${g.domain.slug}`}>
          <h2 id={`d-${g.domain.slug}`}>
            {g.domain.name}领域（{g.count}项）
          </h2>
          {g.level1.map((l1, i) => (
            <div class="table-wrap" key={i} role="region" tabIndex={0} aria-label={`一级事项：${l1.name}`}>
              <table>
                <caption>
                  一级事项：{l1.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">二级事项</th>
                    <th scope="col">公开内容（要素）</th>
                    <th scope="col">公开时限</th>
                    <th scope="col">公开主体</th>
                    <th scope="col">公开对象</th>
                    <th scope="col">公开方式</th>
                    <th scope="col">公开层级</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {l1.items.map((r) => (
                    <tr key={r.code} id={`item-${r.code}`}>
                      <td>
                        {r.level2}
                        {r.standard && !p.isRoot ? <span class="hint">（标准事项）</span> : null}
                      </td>
                      <td>{r.content}</td>
                      <td>
                        {r.timeLimitText}
                        {r.computable ? null : <span class="hint">（无法自动计算）</span>}
                      </td>
                      <td>{r.publisherText}</td>
                      <td>{r.audience}</td>
                      <td>{r.mode}</td>
                      <td>{r.level}</td>
                      <td>
                        {r.canEdit ? (
                          <>
                            <a href={`/staff/catalog/items/${r.code}/edit`}>
                              编辑<span class="visually-hidden">“{r.level2}”</span>
                            </a>{' '}
                          </>
                        ) : null}
                        <a href={`/staff/catalog/items/${r.code}/history`}>
                          历史<span class="visually-hidden">“{r.level2}”</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </StaffLayout>
  );
}
