// Public 办事服务 pages: guides by 服务对象, 主题 and 部门; one guide; its print view.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { SelectField } from '../../../core/ui/components.tsx';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatBytes } from '../../../core/files/sniff.ts';
import { AUDIENCES, THEMES } from '../domain/guide.ts';
import type { GuideRow } from '../data/repository.ts';
import { Lines, TableRegion } from './shared.tsx';

const BASE = { href: '/services', label: '办事服务' };

export function ServicesHomePage({
  ctx,
  guides,
  filters,
  unitOptions,
}: {
  ctx: PageContext;
  guides: (GuideRow & { unitName: string })[];
  filters: { audience: string; theme: string; unit: string };
  unitOptions: { value: string; label: string }[];
}) {
  const themes = [...new Set(guides.map((g) => g.theme))];
  return (
    <PublicLayout ctx={ctx} title="办事服务" breadcrumbs={[{ label: '办事服务' }]}>
      <h1>办事服务</h1>
      <p>按服务对象、主题或部门查找办事指南；每份指南列明受理条件、申请材料（含空白表格和示例样表下载）、办理流程、地点、时间、时限、收费和咨询投诉电话。</p>
      <form method="get" action="/services" class="filters" role="search" aria-label="筛选办事指南">
        <SelectField name="audience" label="服务对象" value={filters.audience} options={AUDIENCES.filter((a) => a !== '个人和法人').map((a) => ({ value: a, label: a === '个人' ? '个人办事' : '法人办事' }))} placeholder="全部" />
        <SelectField name="theme" label="主题" value={filters.theme} options={THEMES.map((t) => ({ value: t, label: t }))} placeholder="全部主题" />
        <SelectField name="unit" label="部门" value={filters.unit} options={unitOptions} placeholder="全部部门" />
        <div class="field">
          <button type="submit">筛选</button>
        </div>
      </form>
      {guides.length === 0 ? <p>没有符合条件的办事指南。</p> : null}
      {themes.map((t) => (
        <section key={t}>
          <h2>{t}</h2>
          <ul class="record-links">
            {guides
              .filter((g) => g.theme === t)
              .map((g) => (
                <li key={g.publicCode}>
                  <a href={`/services/${g.publicCode}`}>{g.name}</a> <span class="date">{g.unitName} · {g.audience}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  );
}

function GuideBody({ g, unitName, links }: { g: GuideRow; unitName: string; links: boolean }) {
  const limit = (n: number | null) => (n === null ? '—' : `${n}个工作日`);
  return (
    <>
      <table class="item-elements">
        <tbody>
          <tr>
            <th scope="row">事项名称</th>
            <td>{g.name}</td>
          </tr>
          <tr>
            <th scope="row">事项类型</th>
            <td>{g.itemType}</td>
          </tr>
          <tr>
            <th scope="row">实施主体</th>
            <td>{unitName}</td>
          </tr>
          <tr>
            <th scope="row">服务对象</th>
            <td>{g.audience}</td>
          </tr>
          <tr>
            <th scope="row">设定依据</th>
            <td>
              <Lines text={g.basis} />
            </td>
          </tr>
          <tr>
            <th scope="row">受理条件</th>
            <td>
              <Lines text={g.conditions} />
            </td>
          </tr>
          <tr>
            <th scope="row">办理流程</th>
            <td>
              <Lines text={g.process} />
            </td>
          </tr>
          <tr>
            <th scope="row">办理地点</th>
            <td>{g.place}</td>
          </tr>
          <tr>
            <th scope="row">办理时间</th>
            <td>{g.hours}</td>
          </tr>
          <tr>
            <th scope="row">法定办结时限</th>
            <td>{limit(g.legalLimitDays)}</td>
          </tr>
          <tr>
            <th scope="row">承诺办结时限</th>
            <td>{limit(g.promisedLimitDays)}</td>
          </tr>
          <tr>
            <th scope="row">收费依据及标准</th>
            <td>{g.fee || '不收费'}</td>
          </tr>
          <tr>
            <th scope="row">咨询电话</th>
            <td>{g.consultPhone}</td>
          </tr>
          <tr>
            <th scope="row">监督投诉电话</th>
            <td>{g.complaintPhone || '—'}</td>
          </tr>
          <tr>
            <th scope="row">结果送达</th>
            <td>{g.delivery || '—'}</td>
          </tr>
          <tr>
            <th scope="row">救济途径</th>
            <td>{g.remedy || '—'}</td>
          </tr>
        </tbody>
      </table>
      <h2>申请材料</h2>
      <TableRegion label="申请材料">
        <table>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">材料名称</th>
              <th scope="col">必要性</th>
              <th scope="col">材料形式</th>
              <th scope="col">份数</th>
              <th scope="col">空白表格</th>
              <th scope="col">示例样表</th>
            </tr>
          </thead>
          <tbody>
            {g.materials.map((m, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  {m.name}
                  {m.note ? <span class="hint">（{m.note}）</span> : null}
                </td>
                <td class="nowrap">{m.required ? '必要' : '非必要'}</td>
                <td>{m.form}</td>
                <td>{m.copies}</td>
                {(['blank', 'sample'] as const).map((k) => {
                  const f = m[k];
                  return (
                    <td key={k}>
                      {f ? (
                        links ? (
                          <a href={`/services/${g.publicCode}/forms/${i}/${k}`} download={f.fileName}>
                            {f.fileName}
                          </a>
                        ) : (
                          f.fileName
                        )
                      ) : (
                        '无'
                      )}
                      {f && links ? <span class="date"> {formatBytes(f.size)}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

export function GuidePage({ ctx, g, unitName, power }: { ctx: PageContext; g: GuideRow; unitName: string; power?: { code: string; name: string } }) {
  return (
    <PublicLayout ctx={ctx} title={`${g.name} - 办事指南`} breadcrumbs={[BASE, { href: `/services?theme=${encodeURIComponent(g.theme)}`, label: g.theme }, { label: g.name }]}>
      <h1>{g.name}</h1>
      <p class="no-print record-tools">
        <a href={`/services/${g.publicCode}/print`}>打印版</a>
        {power ? (
          <>
            {' '}
            · 对应权责事项：<a href={`/powers/items/${power.code}`}>{power.name}</a>
          </>
        ) : null}
      </p>
      <GuideBody g={g} unitName={unitName} links />
    </PublicLayout>
  );
}

/** The guide on A4: no navigation, the address at the end. */
export function guidePrintHtml(ctx: PageContext, g: GuideRow, unitName: string, url: string): string {
  return renderDocument(
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="robots" content="noindex" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${g.name} - 办事指南（打印版）`}</title>
        <link rel="stylesheet" href="/assets/css/site.css" />
      </head>
      <body class="print-view">
        <main id="main" class="wrap">
          <p class="no-print">
            <a href={`/services/${g.publicCode}`}>返回办事指南</a>（使用浏览器的“打印”功能打印本页）
          </p>
          <p class="print-site">{ctx.site.siteName} · 办事指南</p>
          <h1>{g.name}</h1>
          <GuideBody g={g} unitName={unitName} links={false} />
          <p class="print-url">本页地址：{url}</p>
        </main>
      </body>
    </html>,
  );
}
