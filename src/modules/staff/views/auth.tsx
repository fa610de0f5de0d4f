import type { PageContext } from '../../../core/ui/context.ts';
import { describeUserAgent } from '../domain/user-agent.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { ROLE_LABELS } from '../../../core/auth/roles.ts';

export function LoginPage({ ctx, values, errors, next, notice }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors; next: string; notice?: string }) {
  return (
    <StaffLayout ctx={ctx} title="工作人员登录">
      <div class="narrow">
        <h1>工作人员登录</h1>
        <ErrorSummary errors={errors} />
        {notice ? (
          <div class="notice" role="status">
            {notice}
          </div>
        ) : null}
        <form method="post" action="/staff/login" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <TextField name="username" label="账号" value={values.username} error={errors.username} autocomplete="username" required maxLength={100} />
          <TextField name="password" label="密码" type="password" value="" error={errors.password} autocomplete="current-password" required maxLength={200} />
          <button type="submit" class="button">
            登录
          </button>
        </form>
        <p class="hint">连续输错密码多次后须等待一段时间才能再试。忘记密码请联系本单位管理员或安全保密管理员重置。</p>
      </div>
    </StaffLayout>
  );
}

export function PasswordPage({ ctx, errors, forced }: { ctx: PageContext; errors: FieldErrors; forced: boolean }) {
  return (
    <StaffLayout ctx={ctx} title="修改密码" breadcrumbs={[{ href: '/staff/account', label: '我的账号' }, { label: '修改密码' }]}>
      <div class="narrow">
        <h1>修改密码</h1>
        {forced ? (
          <div class="notice" role="status">
            这是您首次登录（或密码已被重置），请先设置自己的密码再继续使用。
          </div>
        ) : null}
        <ErrorSummary errors={errors} />
        <form method="post" action="/staff/account/password" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="current" label="当前密码" type="password" error={errors.current} autocomplete="current-password" required />
          <TextField name="next" label="新密码" type="password" error={errors.next} autocomplete="new-password" hint="至少10个字符，不能包含账号名。" required />
          <TextField name="confirm" label="再次输入新密码" type="password" error={errors.confirm} autocomplete="new-password" required />
          <button type="submit" class="button">
            保存新密码
          </button>
        </form>
        <p class="hint">修改后，您在其他设备上的登录将全部失效。</p>
      </div>
    </StaffLayout>
  );
}

export function AccountPage({ ctx, sessions }: { ctx: PageContext; sessions: { createdAt: string; lastSeenAt: string; ip: string; userAgent: string; current: boolean }[] }) {
  const user = ctx.user!;
  return (
    <StaffLayout ctx={ctx} title="我的账号" breadcrumbs={[{ label: '我的账号' }]}>
      <h1>我的账号</h1>
      <dl class="facts">
        <dt>账号</dt>
        <dd>{user.username}</dd>
        <dt>姓名</dt>
        <dd>{user.displayName}</dd>
        <dt>所属单位</dt>
        <dd>{user.unitName}</dd>
        <dt>角色</dt>
        <dd>{user.roles.map((r) => ROLE_LABELS[r]).join('、') || '无'}</dd>
      </dl>
      <p>
        <a class="button secondary" href="/staff/account/password">
          修改密码
        </a>
      </p>
      <h2>登录中的设备</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">当前有效的登录会话</caption>
          <thead>
            <tr>
              <th scope="col">登录时间</th>
              <th scope="col">最近活动</th>
              <th scope="col">IP 地址</th>
              <th scope="col">浏览器和系统</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={i}>
                <td>{s.createdAt}</td>
                <td>
                  {s.lastSeenAt}
                  {s.current ? '（本设备）' : ''}
                </td>
                <td>{s.ip}</td>
                <td title={s.userAgent.slice(0, 300)}>{describeUserAgent(s.userAgent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action="/staff/account/logout-everywhere">
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="button warning">
          在所有设备上退出登录
        </button>
      </form>
    </StaffLayout>
  );
}
