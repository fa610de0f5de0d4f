// The 安全保密管理员's page: password and session rules, and who holds the three officer roles.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { POLICY_LIMITS } from '../../../core/auth/policy.ts';

export interface OfficerRow {
  id: number;
  username: string;
  displayName: string;
  unitName: string;
  roles: string;
  problem: string;
}

const NUMBER_FIELDS: { name: keyof typeof POLICY_LIMITS; label: string; hint: string }[] = [
  { name: 'minLength', label: '密码最短长度（字符）', hint: '等保测评常见要求不少于8位；默认10位。' },
  { name: 'minClasses', label: '至少包含的字符类别数', hint: '大写字母、小写字母、数字、其他符号（含汉字）四类中的类别数；等保三级常见要求为3类。' },
  { name: 'maxAgeDays', label: '三员密码有效天数', hint: '系统管理员、安全保密管理员、安全审计员的密码到期后须修改；0 表示不限。常见要求为90天。' },
  { name: 'failuresBeforeDelay', label: '允许连续输错次数', hint: '同一账号名在同一地址连续输错达到此数后暂停登录1分钟，之后每错一次加倍，最长1小时。其他地址不受影响，账号不会被他人长期锁定。' },
  { name: 'idleMinutes', label: '会话超时（分钟）', hint: '无操作超过此时间自动退出登录；常见要求不超过30分钟。' },
];

export function SecurityPage({ ctx, values, errors, officers }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors; officers: OfficerRow[] }) {
  const conflicts = officers.filter((o) => o.problem);
  return (
    <StaffLayout ctx={ctx} title="安全策略">
      <div class="narrow">
        <h1>安全策略</h1>
        <ErrorSummary errors={errors} />
        <form method="post" action="/staff/security" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <fieldset>
            <legend>密码和会话规则</legend>
            {NUMBER_FIELDS.map((f) => (
              <TextField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={`${f.hint}（${POLICY_LIMITS[f.name][0]}—${POLICY_LIMITS[f.name][1]}）`}
                value={values[f.name]}
                error={errors[f.name]}
                inputMode="numeric"
                maxLength={4}
                required
              />
            ))}
            <div class="field">
              <label>
                <input type="checkbox" name="commonCheck" value="on" checked={values.commonCheck === 'on'} /> 拒绝常见弱密码（约4.9万个公开泄露的常用密码）
              </label>
            </div>
          </fieldset>
          <button type="submit" class="button">
            保存
          </button>
        </form>
        <p class="hint">新规则在保存后10秒内对所有服务实例生效；已设置的密码在下次修改时按新规则检查。审计日志永久保存（不少于6个月，《网络安全法》第二十一条），由安全审计员查阅和导出。</p>
      </div>
      <h2>三员账号</h2>
      {conflicts.length ? (
        <div class="notice" role="alert">
          有 {conflicts.length} 个账号不符合三员分立要求，请在账号管理中调整其角色。
        </div>
      ) : null}
      <div class="table-wrap" tabindex={0} role="region" aria-label="三员账号">
        <table>
          <thead>
            <tr>
              <th scope="col">账号</th>
              <th scope="col">姓名</th>
              <th scope="col">单位</th>
              <th scope="col">角色</th>
              <th scope="col">分立检查</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((o) => (
              <tr key={o.id}>
                <td>
                  <a href={`/staff/users/${o.id}/edit`}>{o.username}</a>
                </td>
                <td>{o.displayName}</td>
                <td>{o.unitName}</td>
                <td>{o.roles}</td>
                <td>{o.problem || '符合'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}
