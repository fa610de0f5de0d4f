import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { kindText, type ScheduleEntry } from '../domain/schedule-text.ts';
import type { YearDiff } from '../domain/year-summary.ts';
import { dayWithWeekday } from './shared.tsx';

export interface YearRow {
  year: number;
  source: string;
  holidays: number;
  workdays: number;
  workingDays: number;
}

const LIST_CRUMB = { href: '/staff/calendar', label: '工作日历' };

export function YearListPage({ ctx, rows, canEdit, warnings }: { ctx: PageContext; rows: YearRow[]; canEdit: boolean; warnings: string[] }) {
  return (
    <StaffLayout ctx={ctx} title="工作日历" breadcrumbs={[{ label: '工作日历' }]}>
      <h1>工作日历</h1>
      <p>所有以工作日计算的期限（如依申请公开的答复期限）都按这里的放假和调休上班安排计算。最后录入年份的下一年尚未录入时，跨入该年的期限按暂定日历计算（周末和元旦、春节、清明、劳动节、端午、中秋、国庆全部法定节假日，不含调休上班），标注“暂定”，录入该年度后自动重新计算；更远的年份不作推测。</p>
      {warnings.length ? (
        <div class="warning-box" role="alert">
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {canEdit ? (
        <p>
          <a class="button" href="/staff/calendar/new">
            录入新年度
          </a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>已录入的年度（共{rows.length}个）</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">依据</th>
              <th scope="col">放假天数</th>
              <th scope="col">调休上班天数</th>
              <th scope="col">全年工作日</th>
              {canEdit ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}年</th>
                <td>{r.source}</td>
                <td>{r.holidays}天</td>
                <td>{r.workdays}天</td>
                <td>{r.workingDays}天</td>
                {canEdit ? (
                  <td>
                    <a href={`/staff/calendar/${r.year}/edit`}>
                      修改<span class="visually-hidden">{r.year}年</span>
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/calendar#arrangements">查看公开的节假日安排</a>
      </p>
    </StaffLayout>
  );
}

export type FormMode = { kind: 'new' } | { kind: 'edit'; year: number };

export function formUrls(mode: FormMode): { form: string; preview: string; save: string } {
  const base = mode.kind === 'new' ? '/staff/calendar/new' : `/staff/calendar/${mode.year}/edit`;
  return { form: base, preview: `${base}/preview`, save: base };
}

export interface YearFormValues {
  year?: string;
  source?: string;
  lines?: string;
}

interface YearFormProps {
  ctx: PageContext;
  mode: FormMode;
  values: YearFormValues;
  errors: FieldErrors;
  lineErrors: string[];
}

const LINES_HINT =
  '每行一天：日期、类型（放假或上班）、节日名称，用空格隔开，例如“2027-01-01 放假 元旦”“2027-02-20 上班 春节”。连续放假可写成一行，如“2027-02-06~2027-02-14 放假 春节”。放假期间的周六、周日也要录入为放假；调休上班日只能是周六或周日。';

function YearForm({ ctx, mode, values, errors, lineErrors, submitLabel }: YearFormProps & { submitLabel: string }) {
  const id = fieldId('lines');
  const describedBy = [`${id}-hint`, errors.lines ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form method="post" action={formUrls(mode).preview} novalidate>
      <CsrfField token={ctx.csrfToken} />
      {mode.kind === 'new' ? (
        <TextField name="year" label="年度" value={values.year} error={errors.year} hint="四位数字，如 2027。" inputMode="numeric" maxLength={4} required />
      ) : (
        <p>
          <strong>年度：</strong>
          {mode.year}年
        </p>
      )}
      <TextField
        name="source"
        label="依据（发文字号或通知名称）"
        value={values.source}
        error={errors.source}
        hint="如“国办发明电〔2026〕X号”；文号未核实时写通知名称和发布日期。"
        maxLength={100}
        required
      />
      <div class={errors.lines ? 'field field-error' : 'field'}>
        <label for={id}>
          放假和调休上班安排<span class="req" aria-hidden="true"> *</span>
        </label>
        <p class="hint" id={`${id}-hint`}>
          {LINES_HINT}
        </p>
        {errors.lines ? (
          <div class="field-message" id={`${id}-error`}>
            <span class="visually-hidden">错误：</span>
            {lineErrors.length > 1 ? (
              <ul>
                {lineErrors.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            ) : (
              errors.lines
            )}
          </div>
        ) : null}
        <textarea id={id} name="lines" rows={20} aria-invalid={errors.lines ? 'true' : undefined} aria-describedby={describedBy} required>
          {values.lines ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button">
        {submitLabel}
      </button>{' '}
      <a href="/staff/calendar">取消</a>
    </form>
  );
}

function formTitle(mode: FormMode): string {
  return mode.kind === 'new' ? '录入新年度' : `修改${mode.year}年工作日历`;
}

export function YearFormPage(props: YearFormProps) {
  const title = formTitle(props.mode);
  return (
    <StaffLayout ctx={props.ctx} title={title} breadcrumbs={[LIST_CRUMB, { label: title }]}>
      <h1>{title}</h1>
      <p>请按国务院办公厅当年发布的部分节假日安排通知录入。提交后先显示与已保存数据的差异，核对无误后再确认保存。</p>
      <ErrorSummary errors={props.errors} />
      <YearForm {...props} submitLabel="预览变更" />
    </StaffLayout>
  );
}

export interface PreviewProps {
  ctx: PageContext;
  mode: FormMode;
  diff: YearDiff;
  /** The canonical text of the new data, posted again on confirmation. */
  canonicalLines: string;
  /** Fingerprint of the stored year the diff was computed against. */
  base: string;
  changed: boolean;
  /** Set when the stored year changed after the admin's preview. */
  staleNotice?: string;
}

function beforeAfter(before: string | number | null, after: string | number, unit = ''): string {
  if (before === null) return `${after}${unit}`;
  if (before === after) return `${after}${unit}（未变）`;
  return `${before}${unit} → ${after}${unit}`;
}

function DayTable({ caption, entries }: { caption: string; entries: ScheduleEntry[] }) {
  if (!entries.length) return null;
  return (
    <div class="table-wrap">
      <table>
        <caption>
          {caption}（{entries.length}天）
        </caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">类型</th>
            <th scope="col">节日</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.date}>
              <td>{dayWithWeekday(e.date)}</td>
              <td>{kindText(e.kind)}</td>
              <td>{e.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PreviewPage({ ctx, mode, diff, canonicalLines, base, changed, staleNotice }: PreviewProps) {
  const title = diff.isNew ? `核对新录入的${diff.year}年工作日历` : `核对${diff.year}年工作日历的修改`;
  const urls = formUrls(mode);
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={[LIST_CRUMB, { href: urls.form, label: formTitle(mode) }, { label: '核对' }]}>
      <h1>{title}</h1>
      {staleNotice ? (
        <div class="warning-box" role="alert">
          <p>{staleNotice}</p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>依据</dt>
        <dd>{beforeAfter(diff.sourceBefore, diff.sourceAfter)}</dd>
        <dt>放假天数</dt>
        <dd>{beforeAfter(diff.holidaysBefore, diff.holidaysAfter, '天')}</dd>
        <dt>调休上班天数</dt>
        <dd>{beforeAfter(diff.workdaysBefore, diff.workdaysAfter, '天')}</dd>
        <dt>全年工作日</dt>
        <dd>{beforeAfter(diff.workingDaysBefore, diff.workingDaysAfter, '天')}</dd>
      </dl>
      <h2>逐日变更</h2>
      {diff.isNew ? <p>该年度尚未录入，以下日期全部为新增。</p> : null}
      <DayTable caption="新增的日期" entries={diff.added} />
      <DayTable caption="删除的日期" entries={diff.removed} />
      {diff.changed.length ? (
        <div class="table-wrap">
          <table>
            <caption>改变的日期（{diff.changed.length}天）</caption>
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">原来</th>
                <th scope="col">改为</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.map((c) => (
                <tr key={c.date}>
                  <td>{dayWithWeekday(c.date)}</td>
                  <td>
                    {kindText(c.before.kind)}（{c.before.name}）
                  </td>
                  <td>
                    {kindText(c.after.kind)}（{c.after.name}）
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!diff.isNew && !diff.added.length && !diff.removed.length && !diff.changed.length ? <p>放假和调休上班日期没有变化。</p> : null}
      {changed ? (
        <form method="post" action={urls.save}>
          <CsrfField token={ctx.csrfToken} />
          {mode.kind === 'new' ? <input type="hidden" name="year" value={String(diff.year)} /> : null}
          <input type="hidden" name="source" value={diff.sourceAfter} />
          <input type="hidden" name="lines" value={canonicalLines} />
          <input type="hidden" name="base" value={base} />
          <p>保存后立即生效：此后计算的期限凡涉及{diff.year}年的，都按新的安排计算。保存操作将记入审计日志。</p>
          <button type="submit" class="button">
            确认保存
          </button>
        </form>
      ) : (
        <div class="notice" role="status">
          内容与已保存的数据相同，无需保存。
        </div>
      )}
      <h2>需要修改？</h2>
      <YearForm
        ctx={ctx}
        mode={mode}
        values={{ year: String(diff.year), source: diff.sourceAfter, lines: canonicalLines }}
        errors={{}}
        lineErrors={[]}
        submitLabel="重新预览"
      />
    </StaffLayout>
  );
}
