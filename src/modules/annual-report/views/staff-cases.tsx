// The register of 行政复议 / 行政诉讼 cases (the source of table 四): list, form, void.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import { CASE_KIND_LABELS, LAWSUIT_PATH_LABELS, RESULT_LABELS } from '../domain/case-form.ts';
import { casePath, casesPath, staffBase } from '../domain/paths.ts';
import { REPORTS_CRUMB } from './staff-reports.tsx';

export interface CaseListRow {
  code: string;
  kind: string;
  caseNo: string;
  body: string;
  subject: string;
  filedOn: string;
  decidedOn: string | null;
  result: string;
  requestNo: string | null;
  /** "2025年度：尚未审结；2026年度：结果维持". */
  countedIn: string;
  voided: string | null;
}

export function CasesPage({ ctx, unitName, unitSlug, canEdit, rows }: { ctx: PageContext; unitName: string; unitSlug: string; canEdit: boolean; rows: CaseListRow[] }) {
  const active = rows.filter((r) => !r.voided);
  const voided = rows.filter((r) => r.voided);
  const table = (list: CaseListRow[], caption: string) => (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">案号</th>
            <th scope="col">类型</th>
            <th scope="col">受理机关</th>
            <th scope="col">案由</th>
            <th scope="col">立案（申请）日期</th>
            <th scope="col">结案日期</th>
            <th scope="col">结果</th>
            <th scope="col">关联申请</th>
            <th scope="col">计入年报</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.code} id={`case-${r.code}`}>
              <th scope="row">{canEdit && !r.voided ? <a href={`${casePath(unitSlug, r.code)}/edit`}>{r.caseNo}</a> : r.caseNo}</th>
              <td>{r.kind}</td>
              <td>{r.body}</td>
              <td>{r.subject}</td>
              <td class="nowrap">{r.filedOn}</td>
              <td class="nowrap">{r.decidedOn ?? '—'}</td>
              <td>{r.result}</td>
              <td>{r.requestNo ?? '—'}</td>
              <td>{r.voided ? `已作废：${r.voided}` : r.countedIn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <StaffLayout ctx={ctx} title={`${unitName}案件登记`} breadcrumbs={[REPORTS_CRUMB, { href: staffBase(unitSlug), label: unitName }, { label: '案件登记' }]}>
      <h1>{unitName}行政复议、行政诉讼案件登记</h1>
      <p class="hint">
        登记因本单位政府信息公开工作被申请行政复议、提起行政诉讼的案件，年度报告表四据此统计。复议机关作共同被告的案件，只由原行政行为机关登记（国办公开办函〔2016〕201号）。案件在其未审结的每个年度都计入年报：12月31日前审结的按审理结果计，否则计为“尚未审结”。
      </p>
      {canEdit ? (
        <p>
          <a class="button" href={`${casesPath(unitSlug)}/new`}>
            登记案件
          </a>
        </p>
      ) : null}
      {active.length ? table(active, '登记的案件') : <p>尚未登记案件。</p>}
      {voided.length ? table(voided, '已作废的案件') : null}
    </StaffLayout>
  );
}

export interface CaseFormValues {
  kind: string;
  lawsuitPath: string;
  caseNo: string;
  body: string;
  subject: string;
  filedOn: string;
  decidedOn: string;
  result: string;
  requestNo: string;
  note: string;
}

export interface CaseFormProps {
  ctx: PageContext;
  unitName: string;
  unitSlug: string;
  mode: 'new' | 'edit';
  action: string;
  values: CaseFormValues;
  errors: FieldErrors;
  voidForm?: { action: string; reason: string; error?: string };
}

export function CaseFormPage(p: CaseFormProps) {
  const v = p.values;
  const e = p.errors;
  const title = p.mode === 'new' ? '登记案件' : `修改案件：${v.caseNo}`;
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={[REPORTS_CRUMB, { href: staffBase(p.unitSlug), label: p.unitName }, { href: casesPath(p.unitSlug), label: '案件登记' }, { label: title }]}>
      <h1>{title}</h1>
      <p class="hint">带 * 的为必填项。请勿填写申请人的姓名、证件号码等个人信息。</p>
      <ErrorSummary errors={e} />
      <form method="post" action={p.action} novalidate class="narrow">
        <CsrfField token={p.ctx.csrfToken} />
        <SelectField name="kind" label="案件类型" required value={v.kind} error={e.kind} placeholder="请选择" options={Object.entries(CASE_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        <SelectField
          name="lawsuitPath"
          label="起诉方式（行政诉讼）"
          hint="行政复议案件不填"
          value={v.lawsuitPath}
          error={e.lawsuitPath}
          placeholder="（行政复议不选）"
          options={Object.entries(LAWSUIT_PATH_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="caseNo" label="案号" required value={v.caseNo} error={e.caseNo} hint="如 楚市复字〔2025〕12号、（2025）云2301行初45号" maxLength={100} />
        <TextField name="body" label="受理机关" required value={v.body} error={e.body} hint="行政复议机关或人民法院" maxLength={100} />
        <TextField name="subject" label="案由" value={v.subject} error={e.subject} hint="如：不服政府信息公开答复" maxLength={200} />
        <TextField name="filedOn" label="立案（申请）日期" required type="date" value={v.filedOn} error={e.filedOn} hint="格式如 2025-10-24" />
        <SelectField name="result" label="审理结果" required value={v.result} error={e.result} placeholder="请选择" options={Object.entries(RESULT_LABELS).map(([value, label]) => ({ value, label }))} />
        <TextField name="decidedOn" label="结案日期" type="date" value={v.decidedOn} error={e.decidedOn} hint="已审结的填写；尚未审结的留空" />
        <TextField name="requestNo" label="关联申请的受理编号" value={v.requestNo} error={e.requestNo} hint="可选，如 YSQ-2025-000123" maxLength={40} />
        <TextArea name="note" label="备注" rows={3} value={v.note} error={e.note} />
        <button type="submit" class="button">
          保存
        </button>{' '}
        <a href={casesPath(p.unitSlug)}>返回案件登记</a>
      </form>
      {p.voidForm ? (
        <section aria-labelledby="void">
          <h2 id="void">作废</h2>
          <p class="hint">登记有误的案件可以作废；作废后不再计入年报，记录保留。</p>
          <form method="post" action={p.voidForm.action} novalidate class="narrow">
            <CsrfField token={p.ctx.csrfToken} />
            <TextArea name="reason" label="作废原因" rows={2} value={p.voidForm.reason} error={p.voidForm.error} />
            <button type="submit" class="button warning">
              作废此案件
            </button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}
