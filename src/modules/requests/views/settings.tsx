// Settings of the request workflow for the site (openness office): whether waiting for a fee payment
// stops the clock (国办函〔2020〕109号; regulation.md §1.8: UNVERIFIED, default: it stops), and the
// 行政复议机关 and 人民法院 named in every reply's remedy notice.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';

export function SettingsPage({ ctx, values, errors, reasons }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors; reasons: string[] }) {
  return (
    <StaffLayout ctx={ctx} title="依申请公开设置" breadcrumbs={[{ href: '/staff/requests', label: '依申请公开' }, { label: '设置' }]}>
      <h1>依申请公开设置</h1>
      {reasons.length ? (
        <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorSummary errors={errors} />
      )}
      <form method="post" action="/staff/requests/settings" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div class="field">
          <label class="checkbox">
            <input type="checkbox" name="feePausesClock" value="on" checked={values.feePausesClock === 'on'} /> 等待申请人缴纳信息处理费期间，答复期限暂停计算
          </label>
          <p class="hint">《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。修改后，办理中申请的答复期限将按新设置重新计算。</p>
        </div>
        <TextField name="reviewBody" label="行政复议机关" value={values.reviewBody ?? ''} error={errors.reviewBody} maxLength={100} hint="写入答复告知书的救济途径。留空时：部门和乡镇的答复写本级人民政府，本级人民政府的答复写“上一级人民政府”。" />
        <TextField name="court" label="人民法院" value={values.court ?? ''} error={errors.court} maxLength={100} hint="留空时写“有管辖权的人民法院”。" />
        <button type="submit" class="button">
          保存设置
        </button>
      </form>
    </StaffLayout>
  );
}
