import type { PageContext } from '../../../core/ui/context.ts';
import type { Role } from '../../../core/db/schema.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CheckboxGroup, CsrfField, ErrorSummary, Pagination, SelectField, TextField } from '../../../core/ui/components.tsx';
import { ROLE_LABELS } from '../../../core/auth/roles.ts';
import { formatInstant } from '../../../core/clock.ts';
import { accountStatus, orderRoles, type AccountState, USERNAME_MAX } from '../domain/accounts.ts';
import type { AccountList, StaffFormValues } from '../service.ts';
import type { StaffWithUnit } from '../data/repository.ts';

const LIST_CRUMB = { href: '/staff/users', label: '账号管理' };
const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];

export function rolesText(roles: readonly Role[]): string {
  return orderRoles(roles, ALL_ROLES).map((r) => ROLE_LABELS[r]).join('、') || '无';
}

function StatusText({ account, now }: { account: AccountState; now: Date }) {
  const s = accountStatus(account, now);
  switch (s.kind) {
    case 'disabled':
      return <span class="status-bad">已锁定（管理员）</span>;
    case 'temp-locked':
      return <span class="status-bad">临时锁定至 {formatInstant(s.until).slice(11)}</span>;
    case 'must-change':
      return <span>须修改密码</span>;
    default:
      return <span class="status-ok">正常</span>;
  }
}

export function UserListPage({ ctx, list, now, canFilterUnit }: { ctx: PageContext; list: AccountList; now: Date; canFilterUnit: boolean }) {
  const hrefFor = (p: number) => {
    const q = new URLSearchParams();
    if (list.unitId) q.set('unit', String(list.unitId));
    if (list.search) q.set('q', list.search);
    q.set('page', String(p));
    return `/staff/users?${q.toString()}`;
  };
  return (
    <StaffLayout ctx={ctx} title="账号管理" breadcrumbs={[{ label: '账号管理' }]}>
      <h1>账号管理</h1>
      <p>
        <a class="button" href="/staff/users/new">
          新建账号
        </a>
      </p>
      <form method="get" action="/staff/users" class="filters" role="search" aria-label="筛选账号">
        {canFilterUnit ? (
          <SelectField
            name="unit"
            label="单位"
            value={list.unitId ? String(list.unitId) : ''}
            placeholder="全部单位"
            options={list.units.map((u) => ({ value: String(u.id), label: u.archivedAt ? `${u.name}（已撤销）` : u.name }))}
          />
        ) : null}
        <TextField name="q" label="姓名或账号" value={list.search} maxLength={50} />
        <div class="field">
          <button type="submit" class="button secondary">
            查询
          </button>
        </div>
      </form>
      <p>共 {list.total} 个账号。</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{list.search ? `姓名或账号含“${list.search}”的账号` : '账号列表'}</caption>
          <thead>
            <tr>
              <th scope="col">账号</th>
              <th scope="col">姓名</th>
              <th scope="col">单位</th>
              <th scope="col">角色</th>
              <th scope="col">状态</th>
              <th scope="col">最近登录</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.username}</td>
                <td>{r.displayName}</td>
                <td>{r.unitName}</td>
                <td>{rolesText(r.roles)}</td>
                <td>
                  <StatusText account={r} now={now} />
                </td>
                <td>{r.lastLoginAt ? formatInstant(r.lastLoginAt) : '从未登录'}</td>
                <td>
                  {r.manageable ? (
                    <a href={`/staff/users/${r.id}/edit`}>
                      编辑<span class="visually-hidden">{r.username}</span>
                    </a>
                  ) : (
                    <span class="hint">无权管理</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.rows.length === 0 ? <p>没有符合条件的账号。</p> : null}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />
    </StaffLayout>
  );
}

export interface FormOptions {
  units: { value: string; label: string }[];
  roles: Role[];
}

function AccountFields({ values, errors, options, withUsername }: { values: StaffFormValues; errors: FieldErrors; options: FormOptions; withUsername: boolean }) {
  return (
    <>
      {withUsername ? (
        <TextField
          name="username"
          label="账号"
          value={values.username}
          error={errors.username}
          hint={`3—${USERNAME_MAX}个字符，可用英文字母、数字、下划线、点和连字符；创建后不能修改。`}
          autocomplete="off"
          maxLength={USERNAME_MAX}
          required
        />
      ) : null}
      <TextField name="displayName" label="姓名" value={values.displayName} error={errors.displayName} maxLength={50} required />
      <SelectField name="unitId" label="单位" value={values.unitId} error={errors.unitId} options={options.units} placeholder="请选择单位" required />
      <CheckboxGroup
        name="roles"
        legend="角色"
        options={options.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        values={values.roles}
        error={errors.roles}
        hint="至少选择一个角色。"
      />
      <TextField name="email" label="电子邮箱（选填）" type="email" value={values.email} error={errors.email} autocomplete="off" maxLength={254} />
      <TextField
        name="phone"
        label="联系电话（选填）"
        type="tel"
        value={values.phone}
        error={errors.phone}
        hint="11位手机号码，或“区号-号码”形式的固定电话，如0878-3123456。"
        autocomplete="off"
        maxLength={30}
      />
    </>
  );
}

export function NewUserPage({ ctx, values, errors, options }: { ctx: PageContext; values: StaffFormValues; errors: FieldErrors; options: FormOptions }) {
  return (
    <StaffLayout ctx={ctx} title="新建账号" breadcrumbs={[LIST_CRUMB, { label: '新建账号' }]}>
      <div class="narrow">
        <h1>新建账号</h1>
        <ErrorSummary errors={errors} />
        <form method="post" action="/staff/users" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <AccountFields values={values} errors={errors} options={options} withUsername />
          <p class="hint">系统将生成一个随机初始密码，仅在创建后显示一次；本人首次登录时须修改密码。</p>
          <button type="submit" class="button">
            创建账号
          </button>
        </form>
      </div>
    </StaffLayout>
  );
}

export function EditUserPage({
  ctx,
  account,
  values,
  errors,
  options,
  now,
  reasons = [],
}: {
  ctx: PageContext;
  account: StaffWithUnit;
  values: StaffFormValues;
  errors: FieldErrors;
  options: FormOptions;
  now: Date;
  reasons?: string[];
}) {
  const u = account.user;
  const self = ctx.user?.id === u.id;
  const status = accountStatus(u, now);
  const base = `/staff/users/${u.id}`;
  return (
    <StaffLayout ctx={ctx} title={`编辑账号 ${u.username}`} breadcrumbs={[LIST_CRUMB, { label: `编辑账号 ${u.username}` }]}>
      <h1>编辑账号 {u.username}</h1>
      {reasons.length ? (
        <div class="warning-box" role="alert">
          <h2>无法执行该操作</h2>
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="facts">
        <dt>账号</dt>
        <dd>{u.username}</dd>
        <dt>当前单位</dt>
        <dd>{account.unit.name}</dd>
        <dt>状态</dt>
        <dd>
          <StatusText account={u} now={now} />
        </dd>
        <dt>最近登录</dt>
        <dd>{u.lastLoginAt ? formatInstant(u.lastLoginAt) : '从未登录'}</dd>
        <dt>创建时间</dt>
        <dd>{formatInstant(u.createdAt)}</dd>
      </dl>
      <div class="narrow">
        <h2>账号信息</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action={`${base}/edit`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <AccountFields values={values} errors={errors} options={options} withUsername={false} />
          <button type="submit" class="button">
            保存修改
          </button>
        </form>
        {self ? (
          <p class="hint">这是您自己的账号：不能取消自己的管理员角色，也不能锁定自己；修改密码请到“我的账号”。</p>
        ) : (
          <>
            <h2>密码与锁定</h2>
            <form method="post" action={`${base}/reset-password`}>
              <CsrfField token={ctx.csrfToken} />
              <p class="hint">重置后生成新的随机密码并只显示一次；该账号的所有登录立即失效，本人登录后须修改密码。</p>
              <button type="submit" class="button secondary">
                重置密码
              </button>
            </form>
            {status.kind === 'disabled' || status.kind === 'temp-locked' || u.failedAttempts > 0 ? (
              <form method="post" action={`${base}/unlock`}>
                <CsrfField token={ctx.csrfToken} />
                <p class="hint">解除管理员锁定和输错密码造成的临时锁定，并清零输错次数。</p>
                <button type="submit" class="button secondary">
                  解锁账号
                </button>
              </form>
            ) : null}
            {status.kind !== 'disabled' ? (
              <form method="post" action={`${base}/lock`}>
                <CsrfField token={ctx.csrfToken} />
                <p class="hint">锁定后该账号不能登录，所有登录立即失效，直到管理员解锁。</p>
                <button type="submit" class="button warning">
                  锁定账号
                </button>
              </form>
            ) : null}
          </>
        )}
      </div>
    </StaffLayout>
  );
}

/** Shows a freshly generated password once: after creating an account, or after a reset. */
export function PasswordOncePage({
  ctx,
  kind,
  id,
  username,
  displayName,
  password,
}: {
  ctx: PageContext;
  kind: 'created' | 'reset';
  id: number;
  username: string;
  displayName: string;
  password: string;
}) {
  const title = kind === 'created' ? '账号已创建' : '密码已重置';
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={[LIST_CRUMB, { label: title }]}>
      <div class="narrow">
        <h1>{title}</h1>
        <div class="notice" role="status">
          {kind === 'created' ? `已为 ${displayName} 创建账号 ${username}。` : `已重置 ${displayName}（${username}）的密码，该账号原有的登录已全部失效。`}
        </div>
        <dl class="facts">
          <dt>账号</dt>
          <dd>{username}</dd>
          <dt>{kind === 'created' ? '初始密码' : '新密码'}</dt>
          <dd>
            <code id="one-time-password">{password}</code>
          </dd>
        </dl>
        <div class="warning-box">
          <p>此密码只显示这一次，系统不保存明文，离开本页后无法再次查看。请当面或通过安全渠道交给本人；本人首次登录后须立即修改密码。</p>
        </div>
        <p>
          <a class="button" href={`/staff/users/${id}/edit`}>
            查看该账号
          </a>{' '}
          <a class="button secondary" href="/staff/users">
            返回账号列表
          </a>
        </p>
      </div>
    </StaffLayout>
  );
}
