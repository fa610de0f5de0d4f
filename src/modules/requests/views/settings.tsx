// Settings of the request workflow for the site (openness office): whether waiting for a fee payment
// stops the clock (国办函〔2020〕109号; regulation.md §1.8: UNVERIFIED, default: it stops), and the
// 行政复议机关 and 人民法院 named in every reply's remedy notice.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, TextField } from '../../../core/ui/components.tsx';
import { DOC_NO_EXAMPLE } from '../domain/reply-doc-no.ts';
import type { FieldErrors } from '../../../core/http/form.ts';

export interface DocNoUnit {
  id: number;
  name: string;
  pattern: string;
}

export function SettingsPage({
  ctx,
  values,
  errors,
  reasons,
  docNoUnits,
  docNoErrors = {},
}: {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldErrors;
  reasons: string[];
  docNoUnits: DocNoUnit[];
  docNoErrors?: FieldErrors;
}) {
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
        <TextField name="reviewBody" label="行政复议机关（全市统一值，选填）" value={values.reviewBody ?? ''} error={errors.reviewBody} maxLength={100} hint="告知书的救济途径按各单位的设置写明（单位管理—编辑—行政复议机关和人民法院）；单位没有设置时按单位类型：部门和乡镇写本级人民政府，本级人民政府写上一级人民政府，税务等垂直管理单位写上一级主管部门。只有按单位类型无法确定的单位才使用这里的值；这里也留空时写本级人民政府。" />
        <TextField name="court" label="人民法院（全市统一值，选填）" value={values.court ?? ''} error={errors.court} maxLength={100} hint="同上：各单位的设置和按单位类型的默认值优先；都没有时写这里的值，留空时写本单位所在地的基层人民法院。" />
        <button type="submit" class="button">
          保存设置
        </button>
      </form>

      <h2 id="doc-numbers">答复告知书文号</h2>
      <p class="hint">
        各单位答复告知书的发文字号格式：机关代字、用六角括号括起的 {'{年}'} 和序号 {'{号}'}，如 {DOC_NO_EXAMPLE}。序号按单位和年份从1起依次编排，第一次生成答复告知书时取号，以后重新生成仍用同一文号。留空的单位不编文号。
      </p>
      <ErrorSummary errors={docNoErrors} />
      <form method="post" action="/staff/requests/settings/doc-numbers" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div class="table-wrap" role="region" aria-labelledby="doc-numbers" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">文号格式</th>
              </tr>
            </thead>
            <tbody>
              {docNoUnits.map((u) => {
                const name = `docNo-${u.id}`;
                const err = docNoErrors[name];
                return (
                  <tr key={u.id}>
                    <th scope="row">
                      <label for={fieldId(name)}>{u.name}</label>
                    </th>
                    <td class={err ? 'field-error' : undefined}>
                      {err ? (
                        <p class="field-message" id={`${fieldId(name)}-error`}>
                          <span class="visually-hidden">错误：</span>
                          {err}
                        </p>
                      ) : null}
                      <input type="text" id={fieldId(name)} name={name} value={u.pattern} maxLength={60} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${fieldId(name)}-error` : undefined} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit" class="button">
          保存文号格式
        </button>
      </form>
    </StaffLayout>
  );
}
