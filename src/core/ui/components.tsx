import type { ComponentChildren, JSX } from 'preact';
import type { FieldErrors } from '../http/form.ts';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The error summary at the top of a form: each message links to its field. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title" data-autofocus>
      <h2 id="error-summary-title">提交的内容有{entries.length}处问题，请修改后重新提交</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldBase {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** Hint and error of a field, with the ids its control's aria-describedby points to. */
function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled field around any control whose id is fieldId(name): label, hint, error. */
export function Field({ name, label, error, hint, required, children }: Omit<FieldBase, 'value'> & { children: ComponentChildren }) {
  const id = fieldId(name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {label}
        {required ? <span class="req" aria-hidden="true"> *</span> : null}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
const FieldWrap = Field;

/** The aria-describedby of a field's control: its hint and error, when shown. */
export function describedBy(name: string, f: { hint?: string; error?: string }): string | undefined {
  const id = fieldId(name);
  const ids = [f.hint ? `${id}-hint` : '', f.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * Radio buttons in a fieldset: legend, hint, error, options (each with an optional hint). The first
 * radio carries the field id, so the error summary's link lands on a control. `inline` lays the
 * options out in a row.
 */
export function RadioGroup(props: {
  name: string;
  legend: string;
  value: string;
  options: { value: string; label: string; hint?: string }[];
  error?: string;
  hint?: string;
  required?: boolean;
  inline?: boolean;
}) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? 'field field-error' : 'field'} aria-describedby={describedBy(props.name, props)}>
      <legend>
        {props.legend}
        {props.required ? <span class="req" aria-hidden="true"> *</span> : null}
      </legend>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <div class={props.inline ? 'checkboxes' : 'radios'}>
        {props.options.map((o, i) => (
          <label key={o.value} class="checkbox">
            <input type="radio" id={i === 0 ? id : `${id}-${i}`} name={props.name} value={o.value} checked={props.value === o.value} /> {o.label}
            {o.hint ? <span class="hint"> {o.hint}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function TextField(
  props: FieldBase & { type?: string; autocomplete?: string; maxLength?: number; inputMode?: JSX.HTMLAttributes['inputMode']; suggestions?: readonly string[] },
) {
  const { name, value, error, required, type = 'text', autocomplete, maxLength, inputMode, suggestions } = props;
  return (
    <FieldWrap {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        value={value ?? ''}
        autocomplete={autocomplete}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, props)}
        required={required}
        list={suggestions?.length ? `${fieldId(name)}-list` : undefined}
      />
      {/* Offered values the browser lists under the field, without JavaScript. */}
      {suggestions?.length ? (
        <datalist id={`${fieldId(name)}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </FieldWrap>
  );
}

export function TextArea(props: FieldBase & { rows?: number }) {
  const { name, value, error, required, rows = 5 } = props;
  return (
    <FieldWrap {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, props)}
        required={required}
      >
        {value ?? ''}
      </textarea>
    </FieldWrap>
  );
}

export function SelectField(props: FieldBase & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { name, value, error, required, options, placeholder } = props;
  return (
    <FieldWrap {...props}>
      <select
        id={fieldId(name)}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, props)}
        required={required}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrap>
  );
}

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  values: string[];
  error?: string;
  hint?: string;
}) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? 'field field-error' : 'field'} id={id} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {props.error ? (
        <p class="field-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {props.error}
        </p>
      ) : null}
      <div class="checkboxes">
        {props.options.map((o) => (
          <label key={o.value} class="checkbox">
            <input type="checkbox" name={props.name} value={o.value} checked={props.values.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  if (!items.length) return null;
  return (
    <nav class="breadcrumbs" aria-label="当前位置">
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {item.href && i < items.length - 1 ? <a href={item.href}>{item.label}</a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (p: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="分页">
      {page > 1 ? <a href={hrefFor(page - 1)} rel="prev">上一页</a> : null}
      <span>
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? <a href={hrefFor(page + 1)} rel="next">下一页</a> : null}
    </nav>
  );
}

export function Flash({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div class="flash" role="status">
      {message}
    </div>
  );
}

/** Plain text from staff shown as paragraphs, one per non-empty line. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

/**
 * 显示的列: a folded GET form of check boxes for a table's optional columns (see core/http/columns).
 * `keep` carries the page's other query parameters (filters) through the form.
 */
export function ColumnChooser({ action, options, shown, keep }: { action: string; options: readonly { key: string; label: string }[]; shown: ReadonlySet<string>; keep: Record<string, string> }) {
  return (
    <details class="column-chooser no-print">
      <summary>选择显示的列</summary>
      <form method="get" action={action}>
        {Object.entries(keep)
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <input type="hidden" name="cols" value="1" />
        <fieldset class="field">
          <legend>显示这些列（其余的列始终显示）</legend>
          <div class="checkboxes">
            {options.map((o) => (
              <label key={o.key} class="checkbox">
                <input type="checkbox" name="col" value={o.key} checked={shown.has(o.key)} /> {o.label}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" class="button secondary">
          应用并记住
        </button>
      </form>
    </details>
  );
}

/** Why an action was refused (a rule of the workflow, not a field): focused and read out at once. */
export function RefusalBox({ reasons }: { reasons?: readonly string[] }) {
  if (!reasons?.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="refusal-title" data-autofocus>
      <h2 id="refusal-title">无法完成这项操作</h2>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
