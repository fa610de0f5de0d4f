// Public pages of 依申请公开: the entry page, the application form and its confirmation step, the
// result with the 受理编号 and lookup code, the lookup, the how-to-apply page and the statistics.
// No personal data is ever shown here except what the applicant typed on the form being filled in.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { ChartWithTable, type ChartSpec } from '../../../core/ui/charts.tsx';
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { ACCEPTED_TYPES_TEXT } from '../../../core/files/sniff.ts';
import {
  APPLICANT_KIND_LABELS,
  DELIVERY_LABELS,
  DELIVERY_METHODS,
  ID_TYPE_LABELS,
  ID_TYPES,
  INFO_FORM_LABELS,
  INFO_FORMS,
  ORG_SUBTYPE_LABELS,
  ORG_SUBTYPES,
} from '../domain/applicant.ts';
import { onTimeRate, type StatisticsCell } from '../domain/public-statistics.ts';
import { Facts, HiddenFields, LedgerTable, Lines } from './parts.tsx';

const BASE = '/requests';
const CRUMB = { href: BASE, label: '依申请公开' };

export interface UnitOption {
  slug: string;
  name: string;
}

export interface RecordMatch {
  title: string;
  url: string;
  docNo: string;
  unitName: string;
  publishedOn: string;
}

export function RequestsHomePage({ ctx, units }: { ctx: PageContext; units: UnitOption[] }) {
  return (
    <PublicLayout ctx={ctx} title="依申请公开" breadcrumbs={[{ label: '依申请公开' }]}>
      <h1>依申请公开</h1>
      <p>
        除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向地方各级人民政府、对外以自己名义履行行政管理职能的县级以上人民政府部门申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
      </p>
      <p>申请前，建议先在本网站搜索：您需要的信息可能已经主动公开。</p>
      <ul class="card-list">
        <li>
          <a href={`${BASE}/apply`}>在线提交申请</a>
        </li>
        <li>
          <a href={`${BASE}/lookup`}>查询办理进度</a>
        </li>
        <li>
          <a href={`${BASE}/statistics`}>办理情况统计</a>
        </li>
      </ul>
      <h2>各单位申请指南</h2>
      <p>各单位的政府信息公开工作机构、受理方式和办理时限见其政府信息公开指南中的“依申请公开”部分。</p>
      <ul class="unit-grid">
        {units.map((u) => (
          <li key={u.slug}>
            <a href={`${BASE}/guide/${u.slug}`}>{u.name}</a>
          </li>
        ))}
      </ul>
      <h2>办理时限</h2>
      <p>
        行政机关收到申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日（条例第三十三条）。
      </p>
    </PublicLayout>
  );
}

export interface ApplyFormProps {
  ctx: PageContext;
  units: UnitOption[];
  values: Record<string, string>;
  errors: FieldErrors;
  idempotencyKey: string;
}

const listOf = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);

export function ApplyFormPage({ ctx, units, values, errors, idempotencyKey }: ApplyFormProps) {
  const v = (k: string) => values[k] ?? '';
  const forms = listOf(values.forms);
  return (
    <PublicLayout ctx={ctx} title="在线申请政府信息公开" breadcrumbs={[CRUMB, { label: '在线申请' }]}>
      <h1>在线申请政府信息公开</h1>
      <p>
        请如实填写以下内容。依照《中华人民共和国政府信息公开条例》第二十九条，申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。标有
        <span class="req">*</span>的为必填项。
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/apply`} novalidate class="request-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <SelectField
          name="unit"
          label="向哪个单位申请"
          required
          value={v('unit')}
          error={errors.unit}
          placeholder="请选择单位"
          hint="请选择制作或者保存该政府信息的行政机关。"
          options={units.map((u) => ({ value: u.slug, label: u.name }))}
        />
        <h2>申请人信息</h2>
        <RadioGroup
          name="applicantKind"
          legend="申请人类型"
          required
          inline
          value={v('applicantKind')}
          error={errors.applicantKind}
          options={Object.entries(APPLICANT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="orgSubtype"
          label="法人或其他组织的类型"
          hint="申请人为法人或其他组织的填写。"
          value={v('orgSubtype')}
          error={errors.orgSubtype}
          placeholder="（自然人无需选择）"
          options={ORG_SUBTYPES.map((s) => ({ value: s, label: ORG_SUBTYPE_LABELS[s] }))}
        />
        <TextField name="name" label="姓名或名称" required value={v('name')} error={errors.name} maxLength={100} autocomplete="name" />
        <TextField
          name="contactPerson"
          label="法定代表人或联系人"
          hint="申请人为法人或其他组织的填写。"
          value={v('contactPerson')}
          error={errors.contactPerson}
          maxLength={50}
        />
        <SelectField
          name="idType"
          label="身份证明类型"
          required
          value={v('idType')}
          error={errors.idType}
          placeholder="请选择"
          hint="自然人选择身份证件；法人或其他组织选择统一社会信用代码。"
          options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))}
        />
        <TextField name="idNumber" label="证件号码" required value={v('idNumber')} error={errors.idNumber} maxLength={50} autocomplete="off" />
        <p class="hint">联系电话、电子邮箱、通信地址至少填写一项；选择邮寄的须填写通信地址，选择电子邮件的须填写电子邮箱。</p>
        <TextField name="phone" label="联系电话" type="tel" value={v('phone')} error={errors.phone} maxLength={30} autocomplete="tel" inputMode="tel" hint="手机号码，或“区号-号码”形式的固定电话。" />
        <TextField name="email" label="电子邮箱" type="email" value={v('email')} error={errors.email} maxLength={254} autocomplete="email" />
        <TextField name="address" label="通信地址" value={v('address')} error={errors.address} maxLength={200} autocomplete="street-address" />
        <TextField name="postcode" label="邮政编码" value={v('postcode')} error={errors.postcode} maxLength={6} inputMode="numeric" autocomplete="postal-code" />
        <h2>所需政府信息</h2>
        <TextArea
          name="infoDescription"
          label="所需信息的名称或特征性描述"
          required
          rows={5}
          value={v('infoDescription')}
          error={errors.infoDescription}
          hint="请写明信息的名称，或者便于查询的特征，例如制作机关、大致时间、涉及的事项。"
        />
        <TextField name="infoDocNo" label="文号（如知道）" value={v('infoDocNo')} error={errors.infoDocNo} maxLength={100} hint="例如：楚市政通〔2017〕47号" />
        <div id="record-matches" class="notice record-matches" data-endpoint="/api/v1/requests/matching-records" hidden aria-live="polite">
          <p data-status></p>
          <p>以下信息已经主动公开，可以直接查看，无需申请：</p>
          <ul></ul>
        </div>
        <fieldset class={errors.forms ? 'field field-error' : 'field'} id="f-forms" aria-describedby={errors.forms ? 'f-forms-error' : undefined}>
          <legend>
            所需信息的形式<span class="req" aria-hidden="true"> *</span>
          </legend>
          {errors.forms ? (
            <p class="field-message" id="f-forms-error">
              <span class="visually-hidden">错误：</span>
              {errors.forms}
            </p>
          ) : null}
          <div class="checkboxes">
            {INFO_FORMS.map((f) => (
              <label key={f} class="checkbox">
                <input type="checkbox" name="forms" value={f} checked={forms.includes(f)} /> {INFO_FORM_LABELS[f]}
              </label>
            ))}
          </div>
        </fieldset>
        <RadioGroup
          name="delivery"
          legend="获取信息的方式"
          required
          inline
          value={v('delivery')}
          error={errors.delivery}
          options={DELIVERY_METHODS.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))}
        />
        <p>下一步将请您核对填写的内容，并列出可能已经公开的相关信息；如有附件，可在下一步上传。</p>
        <button type="submit" class="button">
          下一步：核对申请
        </button>
      </form>
      <script src="/assets/js/requests-form.js" defer />
    </PublicLayout>
  );
}

export interface ConfirmProps {
  ctx: PageContext;
  unitName: string;
  summary: [string, string][];
  hidden: Record<string, string | string[]>;
  matches: RecordMatch[];
  errors: FieldErrors;
}

export function ConfirmPage({ ctx, unitName, summary, hidden, matches, errors }: ConfirmProps) {
  return (
    <PublicLayout ctx={ctx} title="核对申请" breadcrumbs={[CRUMB, { href: `${BASE}/apply`, label: '在线申请' }, { label: '核对申请' }]}>
      <h1>核对申请</h1>
      <ErrorSummary errors={errors} />
      {matches.length ? (
        <section class="warning-box" aria-labelledby="matches-title">
          <h2 id="matches-title">您需要的信息可能已经公开</h2>
          <p>以下是与您的描述相关的已主动公开信息。如果其中已有您需要的内容，可以直接查看，无需提交申请。</p>
          <ul>
            {matches.map((m) => (
              <li key={m.url}>
                <a href={m.url}>{m.title}</a>
                <span class="hint"> （{[m.docNo, m.unitName, m.publishedOn].filter(Boolean).join(' · ')}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>未找到与您的描述相关的已公开信息。</p>
      )}
      <h2>申请内容</h2>
      <p>
        申请提交给：<strong>{unitName}</strong>
      </p>
      <Facts rows={summary} />
      <form method="post" action={`${BASE}/apply/submit`} enctype="multipart/form-data" class="confirm-form">
        <CsrfField token={ctx.csrfToken} />
        <HiddenFields values={hidden} />
        <div class={errors.attachments ? 'field field-error' : 'field'}>
          <label for="f-attachments">附件（可选）</label>
          <p class="hint" id="f-attachments-hint">
            可上传身份证明、委托书等材料，支持 {ACCEPTED_TYPES_TEXT} 文件，每个不超过 10 MB，最多 5 个。
          </p>
          {errors.attachments ? (
            <p class="field-message" id="f-attachments-error">
              <span class="visually-hidden">错误：</span>
              {errors.attachments}
            </p>
          ) : null}
          <input type="file" id="f-attachments" name="attachments" multiple aria-describedby="f-attachments-hint" accept=".pdf,.docx,.xlsx,.ofd,.png,.jpg,.jpeg,.gif" />
        </div>
        <p>提交后将生成受理编号和查询码，请妥善保存，用于查询办理进度和下载答复文书。</p>
        <button type="submit" class="button">
          确认提交申请
        </button>
      </form>
      {/* After the attachments and the submit button: the files are part of this step, going back is the exception. */}
      <form method="post" action={`${BASE}/apply`} class="no-print back-to-edit">
        <CsrfField token={ctx.csrfToken} />
        <HiddenFields values={hidden} />
        <input type="hidden" name="step" value="edit" />
        <button type="submit" class="button secondary">
          返回修改
        </button>
      </form>
    </PublicLayout>
  );
}

export function SubmittedPage({ ctx, requestNo, lookupCode, unitName, online }: { ctx: PageContext; requestNo: string; lookupCode: string | null; unitName: string; online: boolean }) {
  return (
    <PublicLayout ctx={ctx} title="申请已提交" breadcrumbs={[CRUMB, { label: '申请已提交' }]}>
      <h1>申请已提交</h1>
      <div class="notice">
        <p>
          您的政府信息公开申请已提交给<strong>{unitName}</strong>。
        </p>
        <dl class="facts big-facts">
          <dt>受理编号</dt>
          <dd>
            <strong class="code" id="request-no">
              {requestNo}
            </strong>
          </dd>
          {lookupCode ? (
            <>
              <dt>查询码</dt>
              <dd>
                <strong class="code" id="lookup-code">
                  {lookupCode}
                </strong>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      {lookupCode ? (
        <p>请记下受理编号和查询码（可打印本页）。查询码只显示这一次，凭受理编号和查询码可以查询办理进度、下载答复文书。</p>
      ) : (
        <p>查询码已在提交时显示。如遗失查询码，请联系受理单位的政府信息公开工作机构。</p>
      )}
      {online ? (
        <p>
          依照条例第三十一条，通过互联网提交的申请，以双方确认之日为收到申请之日。受理单位确认后，答复期限（20个工作日）开始计算，您可以在查询页面看到收到申请之日和答复期限。
        </p>
      ) : null}
      <p>
        <a class="button" href={`${BASE}/lookup?requestNo=${encodeURIComponent(requestNo)}`}>
          查询办理进度
        </a>
      </p>
    </PublicLayout>
  );
}

export function LookupFormPage({ ctx, values, errors, message }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors; message?: string }) {
  return (
    <PublicLayout ctx={ctx} title="查询办理进度" breadcrumbs={[CRUMB, { label: '查询办理进度' }]}>
      <h1>查询办理进度</h1>
      <ErrorSummary errors={errors} />
      {message ? (
        <div class="warning-box" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      <form method="post" action={`${BASE}/lookup`} novalidate class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextField name="requestNo" label="受理编号" required value={values.requestNo ?? ''} error={errors.requestNo} maxLength={30} hint="例如：YSQ-2026-000123" autocomplete="off" />
        <TextField name="lookupCode" label="查询码" required value={values.lookupCode ?? ''} error={errors.lookupCode} maxLength={20} hint="提交申请时显示的10位查询码。" autocomplete="off" />
        <button type="submit" class="button">
          查询
        </button>
      </form>
    </PublicLayout>
  );
}

export interface LookupView {
  requestNo: string;
  unitName: string;
  stateLabel: string;
  channelLabel: string;
  submittedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueProvisional?: boolean;
  clockSummary: string;
  repliedOn: string | null;
  outcomeLabel: string | null;
  steps: { on: string; label: string; effect: string; dueOn: string | null }[];
  letters: { id: number; title: string; sentOn: string | null; downloadable: boolean }[];
  /** A 补正 notice waiting for the applicant (条例 第三十条). */
  clarification: { items: string; correctBy: string } | null;
}

export function LookupResultPage({ ctx, view }: { ctx: PageContext; view: LookupView }) {
  return (
    <PublicLayout ctx={ctx} title={`申请 ${view.requestNo}`} breadcrumbs={[CRUMB, { href: `${BASE}/lookup`, label: '查询办理进度' }, { label: view.requestNo }]}>
      <h1>申请 {view.requestNo}</h1>
      <Facts
        rows={[
          ['受理单位', view.unitName],
          ['当前状态', <strong key="s">{view.stateLabel}</strong>],
          ['申请渠道', view.channelLabel],
          ['提交日期', view.submittedOn],
          ['收到申请之日', view.receivedOn ?? '待受理单位确认'],
          ['答复期限', view.dueOn ? `${view.dueOn}${view.dueProvisional ? '（暂定）' : ''}` : '（未开始或暂停计算）'],
          ['答复日期', view.repliedOn ?? ''],
          ['办理结果', view.outcomeLabel ?? ''],
        ]}
      />
      {view.clarification ? (
        <div class="warning-box" role="status">
          <h2>请补正申请</h2>
          <p>受理单位告知您补正以下事项，请于 {view.clarification.correctBy} 前向受理单位补正（条例第三十条）：</p>
          <Lines text={view.clarification.items} />
          <p>答复期限自受理单位收到补正后的申请之日起重新计算；无正当理由逾期不补正的，视为放弃申请。</p>
        </div>
      ) : null}
      <h2>答复期限是怎样计算的</h2>
      <p>{view.clockSummary}</p>
      <LedgerTable caption="办理过程和期限计算（不含个人信息）" steps={view.steps} showCounts={false} />
      <h2>文书</h2>
      {view.letters.length ? (
        <ul>
          {view.letters.map((l) => (
            <li key={l.id}>
              {l.downloadable ? <a href={`${BASE}/lookup/${encodeURIComponent(view.requestNo)}/letters/${l.id}`}>{l.title}</a> : l.title}
              {l.sentOn ? <span class="hint">（{l.sentOn}）</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>暂无文书。</p>
      )}
    </PublicLayout>
  );
}

export function HowToApplyPage({
  ctx,
  unit,
  sections,
  guideVersion,
  guideDate,
}: {
  ctx: PageContext;
  unit: UnitOption;
  sections: { title: string; body: string }[];
  guideVersion: number | null;
  guideDate: string;
}) {
  return (
    <PublicLayout ctx={ctx} title={`向${unit.name}申请政府信息公开`} breadcrumbs={[CRUMB, { label: unit.name }]}>
      <h1>向{unit.name}申请政府信息公开</h1>
      <p class="hint">
        以下内容摘自《{unit.name}政府信息公开指南》（{guideVersion === null ? `根据单位信息自动生成，${guideDate}` : `第${guideVersion}版，${guideDate}`}）。
        <a href={`/openness/${unit.slug}/guide`}>查看指南全文</a>
      </p>
      {sections.map((s) => (
        <section key={s.title}>
          <h2>{s.title}</h2>
          <Lines text={s.body} />
        </section>
      ))}
      <p>
        <a class="button" href={`${BASE}/apply?unit=${encodeURIComponent(unit.slug)}`}>
          向{unit.name}在线提交申请
        </a>
      </p>
    </PublicLayout>
  );
}

export interface StatisticsRowView extends StatisticsCell {
  unitName: string;
}

/** On-time rate per unit that answered any request (a unit with none has no rate to draw). */
export function onTimeChart(rows: StatisticsRowView[]): ChartSpec {
  const drawn = rows.filter((r) => onTimeRate(r) !== null);
  return {
    type: 'bar',
    horizontal: true,
    percent: true,
    height: 40 + 24 * Math.max(drawn.length, 1),
    labels: drawn.map((r) => r.unitName.replace(/^楚雄(州|市)/, '').replace(/人民政府$/, '')),
    values: drawn.map((r) => onTimeRate(r)!),
    color: '#1b6e20',
  };
}

export function StatisticsPage({
  ctx,
  years,
  year,
  rows,
  total,
}: {
  ctx: PageContext;
  years: number[];
  year: number | null;
  rows: StatisticsRowView[];
  total: StatisticsCell | null;
}) {
  const pct = (c: StatisticsCell) => {
    const r = onTimeRate(c);
    return r === null ? '—' : `${r}%`;
  };
  const med = (c: StatisticsCell) => (c.medianWorkingDays === null ? '—' : String(c.medianWorkingDays));
  return (
    <PublicLayout ctx={ctx} title="依申请公开办理情况统计" breadcrumbs={[CRUMB, { label: '办理情况统计' }]}>
      <h1>依申请公开办理情况统计</h1>
      <p>按收到申请之日所在年度统计。按时答复：在答复期限（含依法延期、征求意见不计入的时间）内作出答复。答复用时：自收到申请之日（当日不计入）至答复之日的工作日数。</p>
      {years.length ? (
        <form method="get" action={`${BASE}/statistics`} class="filters">
          <div class="field">
            <label for="f-year">年度</label>
            <select id="f-year" name="year">
              {years.map((y) => (
                <option key={y} value={String(y)} selected={y === year}>
                  {y}年
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit" class="button secondary">
              查看
            </button>
          </div>
        </form>
      ) : null}
      {year === null || !total ? (
        <p>暂无统计数据。</p>
      ) : (
        <ChartWithTable id="on-time" title={`${year}年各单位按时答复率`} spec={onTimeChart(rows)}>
          <table>
            <caption>{year}年各单位依申请公开办理情况</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">收到申请（件）</th>
                <th scope="col">已答复（件）</th>
                <th scope="col">按时答复（件）</th>
                <th scope="col">按时答复率</th>
                <th scope="col">答复用时中位数（工作日）</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unitName}>
                  <th scope="row">{r.unitName}</th>
                  <td>{r.received}</td>
                  <td>{r.answered}</td>
                  <td>{r.answeredOnTime}</td>
                  <td>{pct(r)}</td>
                  <td>{med(r)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">合计</th>
                <td>{total.received}</td>
                <td>{total.answered}</td>
                <td>{total.answeredOnTime}</td>
                <td>{pct(total)}</td>
                <td>{med(total)}</td>
              </tr>
            </tfoot>
          </table>
        </ChartWithTable>
      )}
      <p>
        本页数据可供再利用，获取方式见<a href="/api/docs">开放接口说明</a>中的“依申请公开办理情况统计”。
      </p>
    </PublicLayout>
  );
}
