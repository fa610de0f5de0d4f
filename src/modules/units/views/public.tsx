import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import type { LeaderRow, UnitRow } from '../data/repository.ts';
import { UNIT_TYPE_GROUPS } from '../domain/unit-types.ts';

export function UnitListPage({ ctx, units }: { ctx: PageContext; units: UnitRow[] }) {
  return (
    <PublicLayout ctx={ctx} title="机构概况" breadcrumbs={[{ label: '机构概况' }]}>
      <h1>机构概况</h1>
      {UNIT_TYPE_GROUPS.map((g) => {
        const list = units.filter((u) => g.types.includes(u.type));
        if (!list.length) return null;
        return (
          <section key={g.title} aria-labelledby={`g-${g.key}`}>
            <h2 id={`g-${g.key}`}>{g.title}</h2>
            <ul class="unit-grid">
              {list.map((u) => (
                <li key={u.id}>
                  <a href={`/units/${u.slug}`}>{u.name}</a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </PublicLayout>
  );
}

export function UnitProfilePage({ ctx, unit, leaders, parent }: { ctx: PageContext; unit: UnitRow; leaders: LeaderRow[]; parent: UnitRow | undefined }) {
  return (
    <PublicLayout ctx={ctx} title={unit.name} breadcrumbs={[{ href: '/units', label: '机构概况' }, { label: unit.name }]}>
      <h1>{unit.name}</h1>
      <section aria-labelledby="functions">
        <h2 id="functions">主要职责</h2>
        {unit.functions
          .split('\n')
          .filter(Boolean)
          .map((p, i) => (
            <p key={i}>{p}</p>
          ))}
      </section>
      <section aria-labelledby="leaders">
        <h2 id="leaders">领导信息</h2>
        {leaders.length ? (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{unit.name}领导信息</caption>
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">职务</th>
                  <th scope="col">分管工作</th>
                </tr>
              </thead>
              <tbody>
                {leaders.map((l) => (
                  <tr key={l.id}>
                    <td class="nowrap">{l.name}</td>
                    <td class="nowrap">{l.title}</td>
                    <td>{l.duties}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>暂未公布。</p>
        )}
      </section>
      <section aria-labelledby="contact">
        <h2 id="contact">联系方式</h2>
        <dl class="facts">
          {parent ? (
            <>
              <dt>上级单位</dt>
              <dd>
                <a href={`/units/${parent.slug}`}>{parent.name}</a>
              </dd>
            </>
          ) : null}
          <dt>办公地址</dt>
          <dd>{unit.address || '—'}</dd>
          <dt>办公时间</dt>
          <dd>{unit.officeHours || '—'}</dd>
          <dt>联系电话</dt>
          <dd>{unit.phone || '—'}</dd>
          <dt>传真</dt>
          <dd>{unit.fax || '—'}</dd>
          <dt>电子邮箱</dt>
          <dd>{unit.email || '—'}</dd>
          <dt>政府信息公开工作机构</dt>
          <dd>{unit.opennessContact || '—'}</dd>
          <dt>统一社会信用代码</dt>
          <dd>{unit.uscc}</dd>
        </dl>
      </section>
    </PublicLayout>
  );
}
