// Public 权责清单 pages: the units, a unit's current edition, any edition, the change log, the diff, an item.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { SelectField } from '../../../core/ui/components.tsx';
import { composition, rowKey, type PowerRow, type RowDiff } from '../domain/power-list.ts';
import type { ChangeRow, EditionRow } from '../data/repository.ts';
import { RowElements, TableRegion } from './shared.tsx';

const BASE = { href: '/powers', label: '权责清单' };

export function PowersHomePage({ ctx, units }: { ctx: PageContext; units: { slug: string; name: string; type: string; label: string; rowCount: number }[] }) {
  const groups: [string, string][] = [
    ['department', '市直部门'],
    ['township', '乡镇'],
    ['government', '市人民政府'],
    ['other', '其他单位'],
  ];
  return (
    <PublicLayout ctx={ctx} title="权责清单" breadcrumbs={[{ label: '权责清单' }]}>
      <h1>权责清单</h1>
      <p>各部门、乡镇的权力清单和责任清单以“一表两单”形式公布，并按规定动态调整。每个版本、每次调整及其批准文号均可查阅。</p>
      <p>
        另见：<a href="/enforcement">行政执法公示</a> · <a href="/services">办事服务</a>
      </p>
      {units.length === 0 ? <p>暂无已公布的权责清单。</p> : null}
      {groups.map(([type, title]) => {
        const list = units.filter((u) => u.type === type);
        if (!list.length) return null;
        return (
          <section key={type}>
            <h2>{title}</h2>
            <ul class="card-list">
              {list.map((u) => (
                <li key={u.slug}>
                  <a href={`/powers/${u.slug}`}>
                    {u.name}
                    <br />
                    <span class="date">
                      {u.label} · {u.rowCount}项
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </PublicLayout>
  );
}

interface UnitLite {
  slug: string;
  name: string;
}

export function EditionPage({
  ctx,
  unit,
  edition,
  editions,
  current,
  itemCodes,
}: {
  ctx: PageContext;
  unit: UnitLite;
  edition: EditionRow;
  editions: { label: string; publishedOn: string; docNo: string; rowCount: number }[];
  current: boolean;
  /** Public codes of the current rows by key, to link each row to its item page. */
  itemCodes: Map<string, string>;
}) {
  const c = composition(edition.rows);
  return (
    <PublicLayout ctx={ctx} title={`${unit.name}权责清单（${edition.label}）`} breadcrumbs={[BASE, { href: `/powers/${unit.slug}`, label: unit.name }, { label: edition.label }]}>
      <h1>
        {unit.name}权责清单（{edition.label}）
      </h1>
      <p>
        公布日期 {edition.publishedOn}
        {edition.docNo ? `，批准文号 ${edition.docNo}` : ''}。{current ? '这是现行版本。' : '这不是现行版本。'}
      </p>
      <p>
        共{c.byType.length}类{c.total}项：{c.byType.map(([t, n]) => `${t}${n}项`).join('、')}。其中法定职权{c.statutory}项，赋权事项{c.devolved + c.entrusted}项（下放{c.devolved}项、委托{c.entrusted}项）。
      </p>
      <p class="no-print">
        <a href={`/powers/${unit.slug}/changes`}>调整记录</a> · <a href={`/powers/${unit.slug}/diff`}>版本比较</a> ·{' '}
        <a href={`/powers/${unit.slug}/export.xlsx?edition=${encodeURIComponent(edition.label)}`} download>
          下载本版本（Excel）
        </a>
      </p>
      {editions.length > 1 ? (
        <nav aria-label="各版本" class="no-print">
          <p>
            各版本：
            {editions.map((e, i) => (
              <span key={e.label}>
                {i ? ' · ' : ''}
                {e.label === edition.label ? <strong>{e.label}</strong> : <a href={`/powers/${unit.slug}/editions/${encodeURIComponent(e.label)}`}>{e.label}</a>}
              </span>
            ))}
          </p>
        </nav>
      ) : null}
      <TableRegion label={`${unit.name}权责清单（${edition.label}）`}>
        <table>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">职权名称</th>
              <th scope="col">职权类型</th>
              <th scope="col">设定依据</th>
              <th scope="col">实施主体</th>
              <th scope="col">来源</th>
            </tr>
          </thead>
          <tbody>
            {edition.rows.map((r, i) => {
              const code = current ? itemCodes.get(rowKey(r)) : undefined;
              return (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>
                    {code ? <a href={`/powers/items/${code}`}>{r.name}</a> : r.name}
                    {r.subItem ? `（${r.subItem}）` : ''}
                  </td>
                  <td class="nowrap">{r.type}</td>
                  <td>{r.basis[0]}{r.basis.length > 1 ? ` 等${r.basis.length}项` : ''}</td>
                  <td>{r.subject}</td>
                  <td class="nowrap">{r.source}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </PublicLayout>
  );
}

export function ChangeLogPage({ ctx, unit, changes }: { ctx: PageContext; unit: UnitLite; changes: ChangeRow[] }) {
  return (
    <PublicLayout ctx={ctx} title={`${unit.name}权责清单调整记录`} breadcrumbs={[BASE, { href: `/powers/${unit.slug}`, label: unit.name }, { label: '调整记录' }]}>
      <h1>{unit.name}权责清单调整记录</h1>
      <p>每项调整经本单位提出、牵头部门审核、司法局合法性审查、本级人民政府同意后公布。</p>
      {changes.length === 0 ? (
        <p>现行版本公布后尚无调整。</p>
      ) : (
        <TableRegion label="调整记录">
          <table>
            <thead>
              <tr>
                <th scope="col">调整方式</th>
                <th scope="col">事项</th>
                <th scope="col">理由和依据</th>
                <th scope="col">提出</th>
                <th scope="col">审核</th>
                <th scope="col">合法性审查</th>
                <th scope="col">政府同意（文号）</th>
                <th scope="col">公布</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id}>
                  <td class="nowrap">{c.kind}</td>
                  <td>{c.row.name}</td>
                  <td>{c.reason}</td>
                  <td class="date">{c.proposedOn}</td>
                  <td class="date">{c.reviewedOn}</td>
                  <td class="date">{c.legalityOn}</td>
                  <td>
                    <span class="date">{c.approvedOn}</span> {c.docNo}
                  </td>
                  <td class="date">{c.publishedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </PublicLayout>
  );
}

export function DiffPage({
  ctx,
  unit,
  labels,
  from,
  to,
  errors,
  diff,
}: {
  ctx: PageContext;
  unit: UnitLite;
  labels: string[];
  from: string;
  to: string;
  errors: Record<string, string>;
  diff: RowDiff[] | undefined;
}) {
  const options = labels.map((l) => ({ value: l, label: l }));
  const KIND = { added: '增加', removed: '取消', changed: '变更' } as const;
  return (
    <PublicLayout ctx={ctx} title={`${unit.name}权责清单版本比较`} breadcrumbs={[BASE, { href: `/powers/${unit.slug}`, label: unit.name }, { label: '版本比较' }]}>
      <h1>{unit.name}权责清单版本比较</h1>
      <form method="get" action={`/powers/${unit.slug}/diff`} class="filters" aria-label="选择要比较的版本">
        <SelectField name="from" label="原版本" value={from} error={errors.from} options={options} placeholder="请选择" />
        <SelectField name="to" label="新版本" value={to} error={errors.to} options={options} placeholder="请选择" />
        <div class="field">
          <button type="submit">比较</button>
        </div>
      </form>
      {diff ? (
        diff.length === 0 ? (
          <p>两个版本的事项及其要素完全相同。</p>
        ) : (
          <>
            <p>
              {from} → {to}：增加{diff.filter((d) => d.kind === 'added').length}项，取消{diff.filter((d) => d.kind === 'removed').length}项，变更
              {diff.filter((d) => d.kind === 'changed').length}项。
            </p>
            <TableRegion label="版本差异">
              <table>
                <thead>
                  <tr>
                    <th scope="col">变化</th>
                    <th scope="col">事项</th>
                    <th scope="col">变更的要素</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.map((d) => (
                    <tr key={d.key}>
                      <td class="nowrap">{KIND[d.kind]}</td>
                      <td>{d.name}</td>
                      <td>{d.fields.join('、') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )
      ) : null}
    </PublicLayout>
  );
}

export function PowerItemPage({
  ctx,
  unit,
  row,
  cancelled,
  produces,
  guides,
}: {
  ctx: PageContext;
  unit: UnitLite;
  row: PowerRow;
  cancelled: boolean;
  produces: { code: string; label: string }[];
  guides: { code: string; name: string }[];
}) {
  return (
    <PublicLayout ctx={ctx} title={`${row.name} - ${unit.name}权责清单`} breadcrumbs={[BASE, { href: `/powers/${unit.slug}`, label: unit.name }, { label: row.name }]}>
      <h1>{row.name}</h1>
      {cancelled ? (
        <div class="warning-box" role="note">
          <p>本事项已取消，不再列入现行权责清单。</p>
        </div>
      ) : null}
      <RowElements row={row} />
      <h2>产生的公开信息</h2>
      {produces.length ? (
        <ul>
          {produces.map((p) => (
            <li key={p.code}>
              <a href={`/openness/items/${p.code}`}>{p.label}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>标准目录中尚无注明来源于本事项的公开事项。</p>
      )}
      {guides.length ? (
        <>
          <h2>办事指南</h2>
          <ul>
            {guides.map((g) => (
              <li key={g.code}>
                <a href={`/services/${g.code}`}>{g.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </PublicLayout>
  );
}
