import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ROLE_LABELS } from '../../../core/auth/roles.ts';
import { WORK_GROUP_LABELS, type WorkGroup, type WorkItem } from '../../../core/work-queue.ts';

function WorkList({ items, group }: { items: WorkItem[]; group: WorkGroup }) {
  const waiting = items.filter((i) => i.count > 0).length;
  return (
    <section aria-labelledby={`work-${group}`}>
      <h2 id={`work-${group}`}>
        {WORK_GROUP_LABELS[group]}
        {group === 'mine' ? `（${waiting ? `${waiting}类事项` : '暂无'}）` : ''}
      </h2>
      <ul class="work-queue">
        {items.map((i) => (
          <li key={i.href + i.label} class={i.count && i.tone ? `work-${i.tone}` : i.count ? undefined : 'work-none'}>
            <a href={i.href}>
              <span class="work-count">{i.count}</span>
              <span class="work-label">{i.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffHome({ ctx, warnings, work }: { ctx: PageContext; warnings: string[]; work: WorkItem[] }) {
  const user = ctx.user!;
  const groups = (['mine', 'unit', 'city'] as const).map((g) => ({ g, items: work.filter((w) => w.group === g) })).filter((x) => x.items.length);
  return (
    <StaffLayout ctx={ctx} title="后台首页">
      <h1>后台首页</h1>
      <p>
        {user.displayName}，您好。您的单位：{user.unitName}；角色：{user.roles.map((r) => ROLE_LABELS[r]).join('、') || '无'}。
      </p>
      {warnings.length ? (
        <div class="warning-box" role="alert">
          <h2>需要处理</h2>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {groups.length ? (
        groups.map(({ g, items }) => <WorkList key={g} group={g} items={items} />)
      ) : (
        <p>目前没有等您处理的事项。</p>
      )}
      <h2>常用功能</h2>
      <ul class="card-list">
        {ctx.staffNav
          .filter((n) => n.href !== '/staff')
          .map((n) => (
            <li key={n.href}>
              <a href={n.href}>{n.label}</a>
            </li>
          ))}
      </ul>
    </StaffLayout>
  );
}
