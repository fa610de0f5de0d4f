// Staff register a request that came by letter, fax, in person or orally (条例 第二十九条: the 工作机构
// fills in the application for the applicant), with the channel and the facts that fix the receipt
// date (第三十一条).
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { APPLICANT_KIND_LABELS, DELIVERY_LABELS, DELIVERY_METHODS, ID_TYPE_LABELS, ID_TYPES, INFO_FORM_LABELS, INFO_FORMS, ORG_SUBTYPE_LABELS, ORG_SUBTYPES } from '../domain/applicant.ts';
import { CHANNEL_LABELS, CHANNELS, RECEIPT_BASIS } from '../domain/receipt.ts';


export interface RegisterProps {
  ctx: PageContext;
  units: { id: number; name: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
  reasons: string[];
  today: string;
}

export function RegisterPage({ ctx, units, values, errors, reasons, today }: RegisterProps) {
  const v = (k: string, d = '') => values[k] ?? d;
  const forms = (values.forms ?? '').split(',').filter(Boolean);
  return (
    <StaffLayout ctx={ctx} title="登记申请" breadcrumbs={[{ href: '/staff/requests', label: '依申请公开' }, { label: '登记申请' }]}>
      <h1>登记申请</h1>
      <p>
        登记通过信件、传真、当面或口头提出的申请。申请人书写有困难、口头提出的，由工作人员代为填写（条例第二十九条第一款）。收到申请之日按申请渠道确定（第三十一条），并据此计算答复期限。
      </p>
      {reasons.length ? (
        <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
          <h2>未能登记：</h2>
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorSummary errors={errors} />
      )}
      <form method="post" action="/staff/requests/new" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField name="unitId" label="受理单位" required value={v('unitId', units.length === 1 ? String(units[0]!.id) : '')} error={errors.unitId} placeholder="请选择" options={units.map((u) => ({ value: String(u.id), label: u.name }))} />
        <h2>申请渠道和收到申请之日</h2>
        <RadioGroup
          name="channel"
          legend="申请渠道"
          required
          value={v('channel')}
          error={errors.channel}
          options={CHANNELS.filter((c) => c !== 'online').map((c) => ({ value: c, label: CHANNEL_LABELS[c], hint: RECEIPT_BASIS[c] }))}
        />
        <p class="hint">按渠道填写：当面或口头提出填“提交日期”；邮寄（需签收）填“签收日期”；平常信函填“信函到达日期”和“与申请人确认日期”；传真填“提交日期”和“双方确认日期”。不能填写将来的日期。</p>
        <TextField name="submittedOn" label="提交日期" type="date" value={v('submittedOn', today)} error={errors.submittedOn} />
        <TextField name="signedForOn" label="签收日期（邮寄）" type="date" value={v('signedForOn')} error={errors.signedForOn} />
        <TextField name="arrivedOn" label="信函到达日期（平常信函）" type="date" value={v('arrivedOn')} error={errors.arrivedOn} />
        <TextField name="confirmedOn" label="确认日期（平常信函、传真）" type="date" value={v('confirmedOn')} error={errors.confirmedOn} />
        <h2>申请人</h2>
        <RadioGroup
          name="applicantKind"
          legend="申请人类型"
          required
          inline
          value={v('applicantKind')}
          error={errors.applicantKind}
          options={Object.entries(APPLICANT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField name="orgSubtype" label="法人或其他组织的类型" value={v('orgSubtype')} error={errors.orgSubtype} placeholder="（自然人无需选择）" options={ORG_SUBTYPES.map((s) => ({ value: s, label: ORG_SUBTYPE_LABELS[s] }))} />
        <TextField name="name" label="姓名或名称" required value={v('name')} error={errors.name} maxLength={100} />
        <TextField name="contactPerson" label="法定代表人或联系人" value={v('contactPerson')} error={errors.contactPerson} maxLength={50} />
        <SelectField name="idType" label="身份证明类型" required value={v('idType')} error={errors.idType} placeholder="请选择" options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))} />
        <TextField name="idNumber" label="证件号码" required value={v('idNumber')} error={errors.idNumber} maxLength={50} />
        <TextField name="phone" label="联系电话" value={v('phone')} error={errors.phone} maxLength={30} />
        <TextField name="email" label="电子邮箱" value={v('email')} error={errors.email} maxLength={254} />
        <TextField name="address" label="通信地址" value={v('address')} error={errors.address} maxLength={200} />
        <TextField name="postcode" label="邮政编码" value={v('postcode')} error={errors.postcode} maxLength={6} />
        <h2>所需政府信息</h2>
        <TextArea name="infoDescription" label="所需信息的名称或特征性描述" rows={4} value={v('infoDescription')} error={errors.infoDescription} />
        <TextField name="infoDocNo" label="文号" value={v('infoDocNo')} error={errors.infoDocNo} maxLength={100} />
        <fieldset class={errors.forms ? 'field field-error' : 'field'} id="f-forms">
          <legend>所需信息的形式</legend>
          {errors.forms ? <p class="field-message">{errors.forms}</p> : null}
          <div class="checkboxes">
            {INFO_FORMS.map((f) => (
              <label key={f} class="checkbox">
                <input type="checkbox" name="forms" value={f} checked={forms.includes(f)} /> {INFO_FORM_LABELS[f]}
              </label>
            ))}
          </div>
        </fieldset>
        <RadioGroup name="delivery" legend="获取信息的方式" inline value={v('delivery')} error={errors.delivery} options={DELIVERY_METHODS.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))} />
        <label class="checkbox">
          <input type="checkbox" name="incomplete" value="on" checked={v('incomplete') === 'on'} /> 申请缺少所需信息描述或形式要求，先行登记以便告知补正（第三十条）
        </label>
        <div class="field">
          <label for="f-attachments">申请材料（扫描件，可选）</label>
          <input type="file" id="f-attachments" name="attachments" multiple />
          {errors.attachments ? <p class="field-message">{errors.attachments}</p> : null}
        </div>
        <TextArea name="note" label="备注" rows={2} value={v('note')} error={errors.note} />
        <button type="submit" class="button">
          登记
        </button>
      </form>
    </StaffLayout>
  );
}

export function RegisteredPage({ ctx, requestNo, lookupCode, warnings }: { ctx: PageContext; requestNo: string; lookupCode: string; warnings: string[] }) {
  return (
    <StaffLayout ctx={ctx} title="已登记" breadcrumbs={[{ href: '/staff/requests', label: '依申请公开' }, { label: '已登记' }]}>
      <h1>已登记申请 {requestNo}</h1>
      {warnings.length ? (
        <div class="warning-box">
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="notice">
        <p>
          受理编号：<strong class="code">{requestNo}</strong>
        </p>
        <p>
          查询码：<strong class="code">{lookupCode}</strong>
        </p>
      </div>
      <p>请将受理编号和查询码告知申请人（查询码只显示这一次），申请人可凭此在网站查询办理进度、下载答复文书。</p>
      <p>
        <a class="button" href={`/staff/requests/${requestNo}`}>
          打开申请
        </a>
      </p>
    </StaffLayout>
  );
}
