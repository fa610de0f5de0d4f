import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ROLE_LABELS } from '../../../core/auth/roles.ts';

export function StaffHome({ ctx, warnings }: { ctx: PageContext; warnings: string[] }) {
  const user = ctx.user!;
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
