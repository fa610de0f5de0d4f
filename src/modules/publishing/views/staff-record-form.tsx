// The record form (new draft, edit draft, revise a published record) and the conflict page shown
// when a draft was saved by someone else in the meantime.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { bundleUrl } from '../../../core/http/client-bundles.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CheckboxGroup, CsrfField, describedBy, ErrorSummary, Field, fieldId, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import {
  DISCLOSURE_GROUNDS,
  DISCLOSURE_LABELS,
  DOC_TYPE_LABELS,
  GENERAL_COLUMN_LABELS,
  GENRES,
  INTERPRETATION_FORM_LABELS,
  SUBJECTS,
} from '../domain/vocab.ts';
import type { RecordFormValues } from '../http/staff-form.ts';
import { Reasons, RECORDS_CRUMB, recordHref } from './staff-shared.tsx';

/** The unit's catalog, grouped 领域 → 一级事项 → 二级事项 for the picker. */
export interface ItemPickerGroup {
  domain: string;
  level1: string;
  items: { id: number; level2: string }[];
}

export interface RecordFormProps {
  ctx: PageContext;
  mode: 'new' | 'edit' | 'revise';
  action: string;
  unitName: string;
  values: RecordFormValues;
  errors: FieldErrors;
  itemGroups: ItemPickerGroup[];
  record?: { code: string; title: string; indexNo: string | null; lockVersion: number; revision: number };
  /** Creating a 政策解读 for this policy (linked on save). */
  interprets?: { code: string; title: string };
  changeNote?: string;
  /** Normalisations made on the user's behalf (e.g. 文号 brackets). */
  notes?: string[];
  /** The service's refusal (the input is kept in the form). */
  refusal?: string[];
}

const ALLOWED_MARKUP = '<h2>–<h4>、<p>、<br>、<ul>/<ol>/<li>、<table>/<tr>/<th>/<td>、<a href="…">、<strong>、<em>、<blockquote>';

export function BodyHint() {
  return (
    <>
      可直接从 Word 或 WPS 复制粘贴：标题、列表和表格保留，字体和样式去掉。不带标记的文字按空行分段；直接写 HTML 时可使用以下标记：{ALLOWED_MARKUP}。其他标记保存时去掉、只留文字，脚本、样式和事件属性一律删除。
    </>
  );
}

function ItemPicker({ groups, value, error }: { groups: ItemPickerGroup[]; value: string; error?: string }) {
  const hint = groups.length ? '从本单位目录中选择；也可以只选下面的栏目。' : '本单位目录中还没有事项，请选择下面的栏目。';
  return (
    <Field name="catalogItemId" label="所属公开事项（本单位目录）" error={error} hint={hint}>
      <select id={fieldId('catalogItemId')} name="catalogItemId" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy('catalogItemId', { hint, error })}>
        <option value="">不属于目录中的事项</option>
        {groups.map((g) => (
          <optgroup key={`${g.domain}-${g.level1}`} label={`${g.domain} › ${g.level1}`}>
            {g.items.map((i) => (
              <option key={i.id} value={String(i.id)} selected={String(i.id) === value}>
                {i.level2}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}

export function RecordForm(p: Omit<RecordFormProps, 'ctx'> & { csrfToken: string; submitLabel: string }) {
  const v = p.values;
  const e = p.errors;
  const isInterpretation = v.kind === 'interpretation';
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrfToken} />
      {p.record ? <input type="hidden" name="lockVersion" value={String(p.record.lockVersion)} /> : null}
      {p.interprets ? <input type="hidden" name="interprets" value={p.interprets.code} /> : null}

      <h2>基本信息</h2>
      {p.record?.indexNo ? (
        <dl class="facts">
          <dt>索引号</dt>
          <dd>{p.record.indexNo}</dd>
        </dl>
      ) : (
        <p class="hint">索引号在发布时自动生成。</p>
      )}
      <RadioGroup
        inline
        name="kind"
        legend="信息类别"
        value={v.kind}
        error={e.kind}
        options={[
          { value: 'record', label: '政府信息' },
          { value: 'interpretation', label: '政策解读' },
        ]}
        required
      />
      <SelectField
        name="interpretationForm"
        label="解读形式（政策解读必填）"
        value={v.interpretationForm}
        error={e.interpretationForm}
        options={Object.entries(INTERPRETATION_FORM_LABELS).map(([value, label]) => ({ value, label }))}
        placeholder={isInterpretation ? '请选择解读形式' : '不适用'}
      />
      <TextField name="title" label="标题" value={v.title} error={e.title} maxLength={200} required />
      <ItemPicker groups={p.itemGroups} value={v.catalogItemId} error={e.catalogItemId} />
      <SelectField
        name="generalColumn"
        label="栏目"
        value={v.generalColumn}
        error={e.generalColumn}
        hint="不属于目录事项的信息须选择栏目；属于事项的也可同时在栏目中显示。"
        options={Object.entries(GENERAL_COLUMN_LABELS).map(([value, label]) => ({ value, label }))}
        placeholder="不在栏目中显示"
      />
      <TextField name="publisherName" label="发布机构" value={v.publisherName} error={e.publisherName} maxLength={100} required />
      <TextField
        name="docNo"
        label="文号"
        value={v.docNo}
        error={e.docNo}
        maxLength={60}
        hint="机关代字〔年份〕序号号，如：楚市政通〔2017〕47号。没有文号的信息不填；规章和行政规范性文件必填。"
      />
      <TextField name="writtenOn" label="成文日期" type="date" value={v.writtenOn} error={e.writtenOn} hint="格式：年-月-日，如 2017-06-26" required />
      <TextField
        name="formedOn"
        label="信息形成（变更）日期"
        type="date"
        value={v.formedOn}
        error={e.formedOn}
        hint="《政府信息公开条例》第二十六条：应自该日起20个工作日内公开（事项另有时限的从其规定）。"
        required
      />
      <SelectField
        name="subject"
        label="主题分类"
        value={v.subject}
        error={e.subject}
        options={SUBJECTS.map((s) => ({ value: s, label: s }))}
        placeholder="请选择主题分类"
        required
      />
      <SelectField name="genre" label="体裁" value={v.genre} error={e.genre} options={GENRES.map((s) => ({ value: s, label: s }))} placeholder="请选择体裁" required />
      <RadioGroup
        inline
        name="docType"
        legend="文件类型"
        value={v.docType}
        error={e.docType}
        options={Object.entries(DOC_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        hint="规章和行政规范性文件须与公开的政策解读同步提交、同步发布（解读方案不能代替政策解读）。"
        required
      />
      <div class={e.needsInterpretation ? 'field field-error' : 'field'}>
        <label class="checkbox" for={fieldId('needsInterpretation')}>
          <input type="checkbox" id={fieldId('needsInterpretation')} name="needsInterpretation" value="on" checked={v.needsInterpretation} /> 需解读（涉及群众切身利益、需社会广泛知晓或专业性较强的政策文件）
        </label>
      </div>
      <TextField
        name="docNoSharedReason"
        label="联合发文或转发说明"
        value={v.docNoSharedReason}
        error={e.docNoSharedReason}
        maxLength={500}
        hint="一个文号只对应一份文件。联合发文或转发等与其他信息使用同一文号的，请写明（如“与楚雄市财政局联合发文”），否则不能发布。"
      />
      <TextField
        name="interpretationWaiver"
        label="无需解读的理由"
        value={v.interpretationWaiver}
        error={e.interpretationWaiver}
        maxLength={500}
        hint="文号中带“规”字（如“楚市政规〔2026〕2号”）的按规范性文件处理，须与政策解读同步发布；如本文件不是规范性文件，请在此说明理由。"
      />
      <TextField name="keywords" label="关键词" value={v.keywords} error={e.keywords} maxLength={300} hint="多个关键词用“、”或逗号分隔，最多10个。" />
      <TextArea name="summary" label="内容概述" value={v.summary} error={e.summary} rows={3} hint="列入政府信息公开目录的内容概述（《政府信息公开条例》第十二条），500字以内。" />
      <Field name="bodyHtml" label="正文" error={e.bodyHtml} required hint="">
        <p class="hint" id={`${fieldId('bodyHtml')}-hint`}>
          <BodyHint />
        </p>
        <textarea
          id={fieldId('bodyHtml')}
          name="bodyHtml"
          rows={16}
          data-rich-text
          aria-invalid={e.bodyHtml ? 'true' : undefined}
          aria-describedby={[`${fieldId('bodyHtml')}-hint`, e.bodyHtml ? `${fieldId('bodyHtml')}-error` : ''].filter(Boolean).join(' ')}
          required
        >
          {v.bodyHtml}
        </textarea>
        {/* The editor enhances the textarea above; without JavaScript the textarea is the editor. */}
        <script src={bundleUrl('rich-text-editor')} defer />
      </Field>

      <h2>公开属性</h2>
      <RadioGroup
        inline
        name="disclosure"
        legend="公开属性"
        value={v.disclosure}
        error={e.disclosure}
        options={Object.entries(DISCLOSURE_LABELS).map(([value, label]) => ({ value, label }))}
        hint="在拟稿时确定。只有主动公开的信息在网站上公开；所有信息都计入年度报告。"
        required
      />
      <CheckboxGroup
        name="disclosureGrounds"
        legend="依申请公开或不予公开的依据（《政府信息公开条例》第十四、十五、十六条；依申请公开还可依第十九、二十条）"
        options={DISCLOSURE_GROUNDS.map((g) => ({ value: g.code, label: `${g.article}：${g.text}${g.fits.includes('withheld') ? '' : '（仅适用于依申请公开）'}` }))}
        values={v.disclosureGrounds}
        error={e.disclosureGrounds}
        hint="主动公开的信息不选。不予公开只能依据第十四、十五、十六条。"
      />
      <TextField
        name="reevaluateOn"
        label="复查日期"
        type="date"
        value={v.reevaluateOn}
        error={e.reevaluateOn}
        hint="依申请公开或不予公开的信息须定期复查能否公开（《政府信息公开条例》第十八条）。"
      />
      <TextArea name="disclosureNote" label="公开属性说明" value={v.disclosureNote} error={e.disclosureNote} rows={2} />

      {p.mode === 'revise' ? (
        <>
          <h2>修订说明</h2>
          <TextArea
            name="changeNote"
            label="修订说明"
            value={p.changeNote ?? ''}
            error={e.changeNote}
            rows={3}
            hint="说明改了什么、为什么改。修订说明会显示在公开页面的修改记录中。"
            required
          />
        </>
      ) : null}
      <p>
        <button type="submit" class="button">
          {p.submitLabel}
        </button>
      </p>
    </form>
  );
}

export function RecordFormPage(p: RecordFormProps) {
  const title =
    p.mode === 'new'
      ? p.interprets
        ? '新建政策解读'
        : '新建信息'
      : p.mode === 'edit'
        ? `编辑草稿：${p.record?.title ?? ''}`
        : `修订已发布信息：${p.record?.title ?? ''}`;
  const crumbs = [RECORDS_CRUMB, ...(p.record ? [{ href: recordHref(p.record.code), label: p.record.title }] : []), { label: p.mode === 'new' ? title : p.mode === 'edit' ? '编辑' : '修订' }];
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      <p class="hint">
        {p.unitName}。带 * 的为必填项。
        {p.mode === 'revise' ? `当前为第${p.record?.revision ?? 1}版，修订后立即在网站上更新并形成第${(p.record?.revision ?? 1) + 1}版。` : '保存后为草稿，提交审核前可随时修改。'}
      </p>
      {p.interprets ? (
        <p class="notice">
          本解读将关联到政策文件《{p.interprets.title}》，与其一并提交、审核和发布。
        </p>
      ) : null}
      {p.refusal?.length ? <Reasons title="未能保存" reasons={p.refusal} /> : null}
      <ErrorSummary errors={p.errors} />
      {p.notes?.length ? (
        <div class="notice" role="status">
          {p.notes.map((n, i) => (
            <p key={i}>{n}</p>
          ))}
        </div>
      ) : null}
      <RecordForm {...p} csrfToken={p.ctx.csrfToken} submitLabel={p.mode === 'revise' ? '保存修订并更新发布' : '保存草稿'} />
      {p.mode === 'new' ? <p class="hint">保存草稿后可上传附件、关联政策解读或上传解读方案。</p> : null}
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Conflict

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
  changed: boolean;
}

export interface ConflictPageProps {
  ctx: PageContext;
  record: { code: string; title: string; lockVersion: number; revision: number; indexNo: string | null };
  changedByName: string;
  changedAt: string;
  mode: 'edit' | 'revise';
  action: string;
  unitName: string;
  fields: ConflictField[];
  /** The submitted values, kept in the form below so nothing is lost. */
  values: RecordFormValues;
  itemGroups: ItemPickerGroup[];
  changeNote?: string;
}

export function ConflictPage(p: ConflictPageProps) {
  const title = `保存冲突：${p.record.title}`;
  const changed = p.fields.filter((f) => f.changed);
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={[RECORDS_CRUMB, { href: recordHref(p.record.code), label: p.record.title }, { label: '保存冲突' }]}>
      <h1>{title}</h1>
      <div class="warning-box" role="alert">
        <p>
          <strong>您的修改尚未保存。</strong>您打开此信息后，{p.changedByName}于 {p.changedAt} 保存了新的内容。为避免覆盖对方的修改，系统没有保存您的版本。
        </p>
        <p>请对照下表，在下方表单中合并两边的内容后再保存；表单中保留的是您提交的内容。</p>
      </div>
      <div class="table-wrap" role="region" tabIndex={0} aria-label={`两个版本的对照（${changed.length ? `${changed.length}处不同` : '内容相同'}）`}>
        <table class="conflict-table">
          <caption>两个版本的对照（{changed.length ? `${changed.length}处不同` : '内容相同'}）</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">您提交的内容（未保存）</th>
              <th scope="col">{p.changedByName}保存的当前内容</th>
            </tr>
          </thead>
          <tbody>
            {p.fields.map((f) => (
              <tr key={f.label} class={f.changed ? 'changed' : undefined}>
                <th scope="row">
                  {f.label}
                  {f.changed ? <span class="status-bad">（不同）</span> : null}
                </th>
                <td class="pre">{f.mine}</td>
                <td class="pre">{f.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>合并后保存</h2>
      <RecordForm
        mode={p.mode}
        action={p.action}
        unitName={p.unitName}
        values={p.values}
        errors={{}}
        itemGroups={p.itemGroups}
        record={p.record}
        changeNote={p.changeNote}
        csrfToken={p.ctx.csrfToken}
        submitLabel={p.mode === 'revise' ? '以合并后的内容保存修订' : '以合并后的内容保存草稿'}
      />
    </StaffLayout>
  );
}
