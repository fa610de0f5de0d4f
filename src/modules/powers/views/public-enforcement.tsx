// Public 行政执法公示 pages: 事前 information of a unit, the register of published decisions, one decision.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { Pagination, SelectField } from '../../../core/ui/components.tsx';
import { DECISION_KINDS, type StatisticsLine } from '../domain/enforcement.ts';
import type { DecisionRow, InspectionRow, OfficerRow, ProfileRow, PublicDecision } from '../data/repository.ts';
import { FlowChart, InspectionTable, Lines, money, StatisticsTable, TableRegion } from './shared.tsx';

const BASE = { href: '/enforcement', label: '行政执法公示' };

export function EnforcementHomePage({
  ctx,
  units,
  decisions,
  total,
  page,
  pageCount,
  filters,
  unitOptions,
  hrefFor,
}: {
  ctx: PageContext;
  units: { slug: string; name: string; bodyName: string }[];
  decisions: PublicDecision[];
  total: number;
  page: number;
  pageCount: number;
  filters: { unit: string; kind: string };
  unitOptions: { value: string; label: string }[];
  hrefFor: (p: number) => string;
}) {
  return (
    <PublicLayout ctx={ctx} title="行政执法公示" breadcrumbs={[{ label: '行政执法公示' }]}>
      <h1>行政执法公示</h1>
      <p>事前公开执法主体、执法人员、职责权限、依据、程序、救济渠道和随机抽查事项清单；事后公开行政执法决定：行政许可、行政处罚决定自作出之日起7个工作日内公开，其他执法决定20个工作日内公开。</p>
      <section>
        <h2>事前公开</h2>
        {units.length ? (
          <ul class="card-list">
            {units.map((u) => (
              <li key={u.slug}>
                <a href={`/enforcement/${u.slug}`}>{u.name}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>暂无。</p>
        )}
      </section>
      <section>
        <h2 id="decisions">执法决定</h2>
        <form method="get" action="/enforcement" class="filters" role="search" aria-label="筛选执法决定">
          <SelectField name="unit" label="执法机关" value={filters.unit} options={unitOptions} placeholder="全部机关" />
          <SelectField name="kind" label="执法类别" value={filters.kind} options={DECISION_KINDS.map((k) => ({ value: k, label: k }))} placeholder="全部类别" />
          <div class="field">
            <button type="submit">筛选</button>
          </div>
        </form>
        <p>共{total}条。</p>
        <DecisionTable rows={decisions} />
        <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
      </section>
    </PublicLayout>
  );
}

function DecisionTable({ rows }: { rows: PublicDecision[] }) {
  if (!rows.length) return <p>没有符合条件的执法决定。</p>;
  return (
    <TableRegion label="执法决定（新的在前）">
      <table>
        <thead>
          <tr>
            <th scope="col">决定书文号</th>
            <th scope="col">执法类别</th>
            <th scope="col">执法对象</th>
            <th scope="col">执法机关</th>
            <th scope="col">决定日期</th>
            <th scope="col">公开日期</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.publicCode}>
              <td>
                <a href={`/enforcement/decisions/${d.publicCode}`}>{d.docNo}</a>
                {d.withdrawnOn ? <span class="status-warn">（已撤回）</span> : null}
              </td>
              <td class="nowrap">{d.kind}</td>
              <td>{d.withdrawnOn ? '—' : d.partyName}</td>
              <td>{d.unitName}</td>
              <td class="date">{d.decidedOn}</td>
              <td class="date">{d.publishedOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function EnforcementUnitPage({
  ctx,
  unit,
  profile,
  officers,
  inspections,
  statisticsYears = [],
}: {
  ctx: PageContext;
  unit: { slug: string; name: string };
  profile: ProfileRow;
  officers: OfficerRow[];
  inspections: InspectionRow[];
  statisticsYears?: number[];
}) {
  const steps = profile.procedure.split('\n').map((s) => s.trim()).filter(Boolean);
  return (
    <PublicLayout ctx={ctx} title={`${unit.name}行政执法事前公开`} breadcrumbs={[BASE, { label: unit.name }]}>
      <h1>{unit.name}行政执法事前公开</h1>
      <p>
        <a href={`/enforcement?unit=${unit.slug}#decisions`}>本机关的执法决定</a> · <a href={`/powers/${unit.slug}`}>本机关的权责清单</a>
      </p>
      {statisticsYears.length ? (
        <p>
          年度执法数据：
          {statisticsYears.map((y, i) => (
            <>
              {i ? '、' : ''}
              <a href={`/enforcement/${unit.slug}/statistics/${y}`}>{y}年度</a>
            </>
          ))}
        </p>
      ) : null}
      <dl class="facts">
        <dt>执法主体</dt>
        <dd>{profile.bodyName}</dd>
        <dt>职责</dt>
        <dd>
          <Lines text={profile.duties} />
        </dd>
        <dt>权限</dt>
        <dd>
          <Lines text={profile.authority} />
        </dd>
        <dt>依据</dt>
        <dd>
          <Lines text={profile.basis} />
        </dd>
        <dt>救济渠道</dt>
        <dd>
          <Lines text={profile.remedy} />
        </dd>
      </dl>
      <h2>执法程序</h2>
      <FlowChart steps={steps} label={`${unit.name}行政执法流程图`} />
      <h2>执法人员</h2>
      {officers.length ? (
        <TableRegion label="执法人员">
          <table>
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">执法证号</th>
                <th scope="col">执法类别</th>
              </tr>
            </thead>
            <tbody>
              {officers.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{o.certNo}</td>
                  <td>{o.category}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>暂无。</p>
      )}
      <h2>随机抽查事项清单</h2>
      {inspections.length ? (
        <InspectionTable rows={inspections} />
      ) : (
        <p>暂无。</p>
      )}
    </PublicLayout>
  );
}

export function DecisionPage({ ctx, d, unitName }: { ctx: PageContext; d: DecisionRow; unitName: string }) {
  return (
    <PublicLayout ctx={ctx} title={`${d.docNo} - 行政执法决定`} breadcrumbs={[BASE, { href: '/enforcement#decisions', label: '执法决定' }, { label: d.docNo }]}>
      <h1>{d.docNo}</h1>
      {d.withdrawnOn ? (
        <div class="warning-box" role="note">
          <p>
            本决定信息已于 {d.withdrawnOn} 撤回（{d.withdrawGround}）。理由：{d.withdrawReason}
          </p>
        </div>
      ) : (
        <table class="item-elements">
          <tbody>
            <tr>
              <th scope="row">执法机关</th>
              <td>{unitName}</td>
            </tr>
            <tr>
              <th scope="row">执法类别</th>
              <td>{d.kind}</td>
            </tr>
            <tr>
              <th scope="row">执法对象</th>
              <td>
                {d.partyName}（{d.partyType}）
              </td>
            </tr>
            {d.partyType !== '自然人' && d.uscc ? (
              <tr>
                <th scope="row">统一社会信用代码</th>
                <td>{d.uscc}</td>
              </tr>
            ) : null}
            {d.partyType !== '自然人' && d.legalRep ? (
              <tr>
                <th scope="row">法定代表人</th>
                <td>{d.legalRep}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">主要事实</th>
              <td>
                <Lines text={d.facts} />
              </td>
            </tr>
            <tr>
              <th scope="row">依据</th>
              <td>
                <Lines text={d.basis} />
              </td>
            </tr>
            <tr>
              <th scope="row">执法结论</th>
              <td>
                <Lines text={d.content} />
              </td>
            </tr>
            {d.fineYuan !== null ? (
              <tr>
                <th scope="row">罚款金额</th>
                <td>{money(d.fineYuan)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">决定日期</th>
              <td>{d.decidedOn}</td>
            </tr>
            <tr>
              <th scope="row">公开日期</th>
              <td>{d.publishedOn}</td>
            </tr>
          </tbody>
        </table>
      )}
    </PublicLayout>
  );
}

/** 年度执法数据 of a unit (国办发〔2018〕118号; 广东 format: one row per kind, "0" or 无相关职责), computed and entered figures marked. */
export function StatisticsPage({ ctx, unit, year, due, lines, hasList, explanation }: { ctx: PageContext; unit: { slug: string; name: string }; year: number; due: string; lines: StatisticsLine[]; hasList: boolean; explanation: string }) {
  const title = `${unit.name}${year}年度行政执法数据`;
  return (
    <PublicLayout ctx={ctx} title={title} breadcrumbs={[BASE, { href: `/enforcement/${unit.slug}`, label: unit.name }, { label: `${year}年度执法数据` }]}>
      <h1>{title}</h1>
      <p>
        根据国办发〔2018〕118号，行政执法机关于每年1月31日前公开上年度行政执法总体情况数据（本年度应于 {due} 前公开）。“执法决定登记自动统计”的数据按决定作出日期计入{year}
        年1月1日至12月31日；执法决定登记中没有的数据由本机关填报，标为“本单位填报”。
      </p>
      <StatisticsTable caption={title} lines={lines} />
      {hasList ? <p class="hint">“本单位无相关行政执法职责”：本机关现行权责清单中没有该类职权，且本年度没有该类执法决定。</p> : <p class="hint">本机关尚未公布权责清单，没有执法决定的类别按“0”列出。</p>}
      <h2>行政执法情况说明</h2>
      {explanation ? <Lines text={explanation} /> : <p>本机关尚未填写情况说明。</p>}
      <p>
        <a href={`/enforcement?unit=${unit.slug}#decisions`}>查看本机关公开的执法决定</a>
      </p>
    </PublicLayout>
  );
}
